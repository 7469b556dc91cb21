"""Fetching a URL: only http(s), checked addresses, a total deadline, a decoded-size cap.

Policy (what the README's limits section states):

* Only absolute ``http``/``https`` URLs are fetched; a redirect to anything else is
  refused. Redirects are followed here, one hop at a time (at most ``MAX_REDIRECTS``), so
  that every hop goes through the same checks.
* Private addresses (loopback, 10/8, 172.16/12, 192.168/16, link-local 169.254/16 with
  cloud metadata, fc00::/7, fe80::/10, 0.0.0.0 ...; see ``net.is_private_address``) are
  reached only from a URL that is itself on one: the URL the user names is always
  fetched, and if it is on a private address its redirects and (for a feed) its links may
  go to private addresses too, so a local feed server works; a public page or feed
  cannot send tread to one. The decision is on the addresses a name resolves to, and the
  connection goes to a checked address (see ``net``).
* ``TREAD_TIMEOUT`` (seconds, default 15) is a total deadline for one download,
  redirects, connection, headers and body included.
* ``TREAD_MAX_DOWNLOAD_MB`` (default 10) caps the body after every Content-Encoding layer
  is undone, counted as it streams (see ``inflate``), and the bytes on the wire as well.
"""

from __future__ import annotations

import functools
import time
from base64 import b64encode
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import unquote, urljoin, urlsplit

from tread.core.envvars import env_number
from tread.core.errors import InputTooLarge, UnreadableInput
from tread.core.sources.known import Known
from tread.core.version import VERSION

if TYPE_CHECKING:
    import ssl

    import httpcore
    import httpx

    from tread.core.sources.net import GuardedBackend

USER_AGENT: Final = f"tread/{VERSION} (terminal reader; +https://pypi.org/project/tread/)"
DEFAULT_TIMEOUT: Final = 15.0
MAX_TIMEOUT: Final = 3600.0
DEFAULT_MAX_MB: Final = 10
MAX_DOWNLOAD_MB: Final = 1024
MAX_REDIRECTS: Final = 5
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
TEXT_TYPES: Final = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/json",
    "application/feed+json",
)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes
    charset: str | None = None  # as the Content-Type header names it

    def known(self, name: str) -> Known:
        """What the download says about its bytes, for the source registry."""
        return Known(name, media_type=self.content_type, charset=self.charset, url=self.url)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def download_limit() -> int:
    """The cap on a download in bytes; a bad TREAD_MAX_DOWNLOAD_MB is a BadSetting."""
    mb = env_number("TREAD_MAX_DOWNLOAD_MB", DEFAULT_MAX_MB, unit="MB", maximum=MAX_DOWNLOAD_MB)
    return max(1, int(mb * 1024 * 1024))


def timeout() -> float:
    """Seconds one download may take in all; a bad TREAD_TIMEOUT is a BadSetting."""
    return env_number("TREAD_TIMEOUT", DEFAULT_TIMEOUT, unit="seconds", maximum=MAX_TIMEOUT)


def private_allowed_for(url: str, deadline: float | None = None) -> bool:
    """Whether what ``url`` leads to (redirects, a feed's links) may be on private
    addresses: only when ``url`` itself resolves to one. Tests replace this function to
    treat a loopback server as a public one."""
    import httpcore

    from tread.core.sources import net

    host = urlsplit(url).hostname
    if not host:
        return False
    try:
        found = net.resolve(host, 80, deadline or time.monotonic() + timeout())
    except (httpcore.ConnectError, httpcore.ConnectTimeout):
        return False  # unresolvable: it cannot vouch for anything private
    return any(net.is_private_address(ip) for ip, _ in found)


def absolute_http(link: str, base: str | None = None, *, role: str = "link") -> str:
    """``link`` as an absolute http(s) URL (resolved against ``base`` if relative), or an
    UnreadableInput saying why it is not one. Nothing else is ever fetched: not a path,
    '-', file:, data:, javascript:, ftp: ..."""
    shown = repr(" ".join(link.split())[:100])
    target = urljoin(base, link.strip()) if base and is_url(base) else link.strip()
    try:
        parts = urlsplit(target)
        host, _ = parts.hostname, parts.port  # the port is checked when it is read
    except ValueError as exc:
        raise UnreadableInput(f"{role} {shown} refused: not a URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        why = (
            f"only http(s) links are followed, not {scheme}:"
            if scheme
            else "a relative link, and no web address to resolve it against"
        )
        raise UnreadableInput(f"{role} {shown} refused: {why}")
    if not host:
        raise UnreadableInput(f"{role} {shown} refused: it names no host")
    return target


def fetch(url: str, *, allow_private: bool | None = None, deadline: float | None = None) -> Fetched:
    """GET ``url``; every failure is an UnreadableInput/InputTooLarge with one line.

    ``allow_private=None`` means ``url`` is the user's own: it is fetched wherever it is,
    and its redirects may reach private addresses only if it is on one itself. A link
    from a feed passes the decision made for the feed. ``deadline`` (``time.monotonic()``)
    can only shorten the TREAD_TIMEOUT deadline.
    """
    import httpcore

    from tread.core.sources import net

    limit, seconds = download_limit(), timeout()
    start = time.monotonic()
    end = start + seconds if deadline is None else min(deadline, start + seconds)
    allow = allow_private
    try:
        current = absolute_http(url, role="URL")
        for hop in range(MAX_REDIRECTS + 1):
            if hop == 1 and allow is None:  # the user's URL redirects: may it go private?
                allow = private_allowed_for(url, end)
            backend = net.GuardedBackend(end, allow_private=allow is None or allow)
            result = _get(current, backend, limit, end)
            if isinstance(result, Fetched):
                return result
            current = absolute_http(result, current, role="redirect to")
        raise UnreadableInput(f"more than {MAX_REDIRECTS} redirects")
    except httpcore.TimeoutException:
        took = f"{seconds:g}" if end == start + seconds else f"{end - start:.1f}"
        raise UnreadableInput(f"timed out after {took} s") from None
    except httpcore.ConnectError as exc:
        raise UnreadableInput(f"cannot connect ({_reason(exc)})") from None
    except (httpcore.UnsupportedProtocol, httpcore.LocalProtocolError) as exc:
        raise UnreadableInput(f"invalid URL ({_reason(exc)})") from None
    except httpcore.ProxyError as exc:
        raise UnreadableInput(f"the proxy refused ({_reason(exc)})") from None
    except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
        raise UnreadableInput(f"download failed ({_reason(exc)})") from None


def _get(url: str, backend: GuardedBackend, limit: int, end: float) -> Fetched | str:
    """One request: the page, or the Location of a redirect."""
    import httpcore
    import httpx

    from tread.core.sources.inflate import ACCEPT_ENCODING, decoded

    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise UnreadableInput(f"invalid URL ({_reason(exc)})") from None
    headers = [
        ("User-Agent", USER_AGENT),
        ("Accept-Encoding", ACCEPT_ENCODING),
        (
            "Accept",
            "text/html, application/xhtml+xml, application/rss+xml, "
            "application/atom+xml, application/xml;q=0.9, text/*;q=0.8, "
            "application/pdf;q=0.5, application/epub+zip;q=0.5",
        ),
    ]
    if target.userinfo:
        user, _, password = target.userinfo.decode("ascii", "replace").partition(":")
        token = b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode()
        headers.append(("Authorization", f"Basic {token}"))
    left = max(0.001, end - time.monotonic())
    extensions = {"timeout": {"connect": left, "read": left, "write": left, "pool": left}}
    with (
        _pool(target, backend) as pool,
        pool.stream(
            "GET",
            httpcore.URL(
                scheme=target.raw_scheme,
                host=target.raw_host,
                port=target.port,
                target=target.raw_path,
            ),
            headers=headers,
            extensions=extensions,
        ) as response,
    ):
        fields = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers}
        if response.status in _REDIRECTS and "location" in fields:
            return fields["location"]
        if response.status >= 400:
            reason = response.extensions.get("reason_phrase", b"").decode("latin-1")
            raise UnreadableInput(f"HTTP {response.status} {reason}".rstrip())
        content_type, charset = _content_type(fields.get("content-type", ""))
        if content_type and not _readable(content_type):
            raise UnreadableInput(f"not text ({content_type})")
        declared = fields.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        wire = _capped(response.iter_stream(), limit, end)
        parts, size = [], 0
        for piece in decoded(wire, fields.get("content-encoding", "")):
            size += len(piece)
            if size > limit:
                raise _too_large(limit)
            parts.append(piece)
        # no credentials in the URL that is stored and that relative links resolve against
        final = str(target.copy_with(username=None, password=None))
        return Fetched(final, content_type, b"".join(parts), charset)


def _readable(content_type: str) -> bool:
    """Text of any kind, or a type a source reader reads (PDF, EPUB)."""
    from tread.core.sources.registry import media_types

    return content_type.startswith(TEXT_TYPES) or content_type in media_types()


def _capped(chunks: Iterable[bytes], limit: int, end: float) -> Iterator[bytes]:
    """The raw body, refused past ``limit`` bytes on the wire or past the deadline."""
    import httpcore

    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        if time.monotonic() > end:
            raise httpcore.ReadTimeout("deadline passed")
        yield chunk


def _pool(
    target: httpx.URL, backend: GuardedBackend
) -> httpcore.ConnectionPool | httpcore.HTTPProxy:
    """A connection pool for one hop: direct, or through the proxy the environment names
    for this URL (whose own address is never checked: the user chose it)."""
    import urllib.request

    import httpcore

    from tread.core.sources import net

    context = _ssl_context()
    proxy = urllib.request.getproxies().get(target.scheme)
    if proxy and not urllib.request.proxy_bypass(target.host):
        proxy = proxy if "://" in proxy else f"http://{proxy}"
        if not is_url(proxy):
            raise UnreadableInput(
                f"unsupported proxy {urlsplit(proxy).scheme}: in the "
                "environment (tread uses http(s) proxies)"
            )
        # the proxy connects to the target: check the target's addresses from here
        try:
            found = net.resolve(target.host, target.port or 80, backend.deadline)
        except (httpcore.ConnectError, httpcore.ConnectTimeout):
            found = []  # only the proxy can resolve it
        net.check(target.host, (ip for ip, _ in found), backend.allow_private)
        backend.check_address = False
        return httpcore.HTTPProxy(proxy_url=proxy, ssl_context=context, network_backend=backend)
    return httpcore.ConnectionPool(ssl_context=context, network_backend=backend)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One context for every download: loading the CA bundle takes tens of ms."""
    import httpx

    return httpx.create_ssl_context()


def _content_type(header: str) -> tuple[str, str | None]:
    from email.message import Message

    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    name = charset if isinstance(charset, str) else None
    return header.split(";")[0].strip().lower(), (name.strip() or None) if name else None


def _too_large(limit: int) -> InputTooLarge:
    shown = f"{limit / (1024 * 1024):g}"
    return InputTooLarge(
        f"larger than the {shown} MB download limit (set TREAD_MAX_DOWNLOAD_MB to raise it)"
    )


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return " ".join(text.split())[:120]
