"""Fetching a URL: httpx with timeouts, a redirect limit, a size cap and type checks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final

from tread import __version__
from tread.core.errors import InputTooLarge, UnreadableInput

USER_AGENT: Final = f"tread/{__version__} (terminal reader; +https://pypi.org/project/tread/)"
DEFAULT_TIMEOUT: Final = 15.0
DEFAULT_MAX_MB: Final = 10
MAX_REDIRECTS: Final = 5
TEXT_TYPES: Final = (
    "text/", "application/xhtml+xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/json",
    "application/feed+json",
)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _limit() -> int:
    raw = os.environ.get("TREAD_MAX_DOWNLOAD_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def _timeout() -> float:
    raw = os.environ.get("TREAD_TIMEOUT", "")
    try:
        return float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def fetch(url: str) -> Fetched:
    """GET ``url``; every failure is an UnreadableInput/InputTooLarge with one line."""
    import httpx

    limit, timeout = _limit(), _timeout()
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                         "application/atom+xml, application/xml;q=0.9, text/*;q=0.8"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          timeout=httpx.Timeout(timeout), headers=headers) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise UnreadableInput(f"HTTP {response.status_code} "
                                      f"{response.reason_phrase}".rstrip())
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
            if content_type and not content_type.lower().startswith(TEXT_TYPES):
                raise UnreadableInput(f"not text ({content_type})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _too_large(limit)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                chunks.append(chunk)
            return Fetched(str(response.url), content_type.lower(), b"".join(chunks))
    except httpx.TooManyRedirects:
        raise UnreadableInput(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise UnreadableInput(f"timed out after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise UnreadableInput(f"cannot connect ({_reason(exc)})") from None
    except httpx.InvalidURL as exc:
        raise UnreadableInput(f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise UnreadableInput(f"download failed ({_reason(exc)})") from None


def _too_large(limit: int) -> InputTooLarge:
    return InputTooLarge(f"larger than the {limit // (1024 * 1024)} MB download limit "
                         "(set TREAD_MAX_DOWNLOAD_MB to raise it)")


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return " ".join(text.split())[:120]
