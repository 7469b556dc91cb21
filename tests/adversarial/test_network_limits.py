"""Limits that hold against a hostile server: a decoded-size cap whatever the encoding, a
total deadline per download, a bounded feed, and settings that cannot break them."""

from __future__ import annotations

import gzip
import itertools
import re
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.web import ARTICLE, Log, Route, serve
from tread.cli import cli
from tread.core.errors import InputTooLarge, UnreadableInput
from tread.core.sources import load
from tread.core.store.ingest import Outcome, add_source
from tread.core.store.library import Library

MB = 1024 * 1024


def bomb(megabytes: int) -> bytes:
    """gzip of gzip of ``megabytes`` of zeros: a few KB on the wire."""
    inner = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    layer = [inner.compress(block) for _ in range(megabytes)]
    return gzip.compress(b"".join([*layer, inner.flush()]))


BOMB_HEADERS = {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "TREAD_MAX_DOWNLOAD_MB",
        "TREAD_FEED_TIMEOUT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TREAD_TIMEOUT", "1")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "lib.sqlite3") as lib:
        yield lib


def teaser_feed(base: str, *paths: str) -> Route:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}{path}</link>"
        "<description>Short teaser.</description></item>"
        for i, path in enumerate(paths)
    )
    return Route(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        f"{items}</channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )


def add(library: Library, source: str) -> list[Outcome]:
    outcomes: list[Outcome] = []
    add_source(library, source, outcomes.append)
    return outcomes


# the peak is read from VmHWM: Linux keeps ru_maxrss across exec, so a child of a large
# pytest process would report the parent's size
_BOMB_CHILD = """
import re, resource
from tests.adversarial.test_network_limits import BOMB_HEADERS, bomb
from tests.web import Route, serve
from tread.core.errors import InputTooLarge
from tread.core.sources import load

with serve({"/bomb": Route(bomb(300), headers=BOMB_HEADERS)}) as base:
    try:
        load(base + "/bomb")
        print("no error")
    except InputTooLarge as exc:
        print(exc)
try:
    with open("/proc/self/status") as status:
        print(int(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1)) // 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_a_double_gzip_bomb_is_refused_within_bounded_memory() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _BOMB_CHILD], cwd=ROOT, text=True, capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    message, peak_mb = proc.stdout.splitlines()
    assert message == (
        "larger than the 10 MB download limit (set TREAD_MAX_DOWNLOAD_MB to raise it)"
    )
    assert int(peak_mb) < 200, f"peak {peak_mb} MB"


def test_a_bomb_behind_a_teaser_keeps_the_teaser_and_memory_bounded(library: Library) -> None:
    routes = {"/bomb": Route(bomb(200), headers=BOMB_HEADERS), "/a.html": Route(ARTICLE)}
    with serve(routes) as base:
        routes["/feed.xml"] = teaser_feed(base, "/bomb", "/a.html")
        tracemalloc.start()
        try:
            outcomes = add(library, f"{base}/feed.xml")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 100 * MB, f"peak {peak // MB} MB"
    assert outcomes[-1].message == "feed Feed: 2 new, 0 already here"
    assert [o.message for o in outcomes[:-1]] == [
        "kept the teaser of 'Story 0': larger than the 10 MB download limit "
        "(set TREAD_MAX_DOWNLOAD_MB to raise it)"
    ]


@pytest.mark.parametrize(
    ("encoding", "body", "message"),
    [
        ("gzip", gzip.compress(ARTICLE, mtime=0), None),
        ("deflate", zlib.compress(ARTICLE), None),
        ("deflate", zlib.compress(ARTICLE)[2:-4], None),  # raw deflate, as some servers send
        ("gzip, identity", gzip.compress(ARTICLE, mtime=0), None),
        ("br", b"\x0b\x02\x80hello\x03", "unsupported Content-Encoding 'br'"),
        ("zstd", b"(\xb5/\xfd", "unsupported Content-Encoding 'zstd'"),
        ("gzip, gzip, gzip, gzip", ARTICLE, "refused: 4 layers of Content-Encoding"),
        ("gzip", b"\x1f\x8b\x08\x00garbage" * 10, "not valid gzip data"),
    ],
)
def test_content_encodings(encoding: str, body: bytes, message: str | None) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": encoding}
    with serve({"/page": Route(body, headers=headers)}) as base:
        if message is None:
            assert "twelve bus lines" in load(f"{base}/page").text
        else:
            with pytest.raises(UnreadableInput, match=re.escape(message)):
                load(f"{base}/page")


def _drip(head: bytes, repeat: bytes, times: int, tail: bytes) -> Route:
    """A response that takes ``times`` tenths of a second to finish, then succeeds."""
    return Route(
        trickle=lambda: itertools.chain([head], itertools.repeat(repeat, times), [tail]),
        interval=0.1,
    )


@pytest.mark.parametrize("path", ["/trickled-body", "/dribbled-headers", "/processing"])
def test_timeout_is_a_deadline_for_the_whole_download(path: str) -> None:
    page = b"<html><body><p>" + b"word " * 40 + b"</p></body></html>"
    routes = {
        "/trickled-body": _drip(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            b"Content-Length: %d\r\n\r\n" % (len(page) + 40),
            b" ",
            40,
            page,
        ),
        "/dribbled-headers": _drip(
            b"HTTP/1.1 200 OK\r\n",
            b"X-Drip: 1\r\n",
            40,
            b"Content-Length: %d\r\n\r\n%s" % (len(page), page),
        ),
        "/processing": _drip(
            b"",
            b"HTTP/1.1 102 Processing\r\n\r\n",
            40,
            b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(page), page),
        ),
    }
    with serve(routes) as base, pytest.raises(UnreadableInput) as info:
        load(f"{base}{path}")
    assert str(info.value) == "timed out after 1 s"


def test_teasers_are_fetched_a_few_at_a_time(library: Library) -> None:
    log = Log()
    pages = {
        f"/{i}.html": Route(ARTICLE.replace(b"twelve", f"{i} new".encode()), delay=0.2)
        for i in range(8)
    }
    with serve(pages, log) as base:
        pages["/feed.xml"] = teaser_feed(base, *pages)
        outcomes = add(library, f"{base}/feed.xml")
    assert [o.message for o in outcomes] == ["feed Feed: 8 new, 0 already here"]
    assert 2 <= log.busiest <= 4


def test_a_feed_is_bounded_overall_and_late_teasers_keep_their_text(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREAD_TIMEOUT", "30")
    monkeypatch.setenv("TREAD_FEED_TIMEOUT", "1")
    slow = _drip(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
        % (len(ARTICLE) + 30),
        b" ",
        30,
        ARTICLE,
    )
    routes = {f"/{i}.html": slow for i in range(6)}
    with serve(routes) as base:
        routes["/feed.xml"] = teaser_feed(base, *list(routes))
        outcomes = add(library, f"{base}/feed.xml")
    assert outcomes[-1].message == "feed Feed: 6 new, 0 already here"
    assert [o.message.split(": ", 1)[1] for o in outcomes[:-1]] == [
        "not fetched within the feed's 1 s (TREAD_FEED_TIMEOUT)"
    ] * 6
    assert all(library.article(e.id).text.endswith("Short teaser.") for e in library.entries())


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e400"])
@pytest.mark.parametrize(
    "name", ["TREAD_TIMEOUT", "TREAD_MAX_DOWNLOAD_MB", "TREAD_MAX_INPUT_MB", "TREAD_FEED_TIMEOUT"]
)
def test_unusable_limits_are_one_line_errors(
    name: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(name, value)
    monkeypatch.setenv("TREAD_LIBRARY", str(tmp_path / "lib.sqlite3"))
    page = tmp_path / "page.txt"
    page.write_text("A short story. It has two sentences.")
    routes = {"/a.html": Route(ARTICLE)}
    with serve(routes) as base:
        routes["/feed.xml"] = teaser_feed(base, "/a.html")
        if name == "TREAD_MAX_INPUT_MB":
            args = ["summarize", str(page)]
        elif name == "TREAD_FEED_TIMEOUT":
            args = ["add", f"{base}/feed.xml"]
        else:
            args = ["summarize", f"{base}/a.html"]
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and f"{name}={value!r} is not usable" in result.stderr, (
        result.stderr
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_timeout_error_is_reported_as_such_not_as_no_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TREAD_TIMEOUT", "0")
    with (
        serve({"/a.html": Route(ARTICLE)}) as base,
        pytest.raises(Exception, match="TREAD_TIMEOUT='0' is not usable"),
    ):
        load(f"{base}/a.html")


def test_the_download_cap_counts_decoded_bytes_with_a_fraction_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TREAD_MAX_DOWNLOAD_MB", "0.5")
    body = gzip.compress(b"a" * MB)  # 1 KB on the wire, 1 MB decoded
    with (
        serve(
            {"/p": Route(body, headers={"Content-Type": "text/plain", "Content-Encoding": "gzip"})}
        ) as base,
        pytest.raises(InputTooLarge, match=re.escape("the 0.5 MB download limit")),
    ):
        load(f"{base}/p")
