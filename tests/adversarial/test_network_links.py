"""A hostile feed or page on loopback: its links and redirects are data, never paths,
and lead to private addresses only from a feed or page that is itself on one."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.web import ARTICLE, Log, Route, serve
from tread.core.errors import UnreadableInput
from tread.core.sources import load
from tread.core.sources.net import is_private_address
from tread.core.store.ingest import Outcome, add_source
from tread.core.store.library import Library

SECRET = "tread-test-secret-4f1c9"
ADMIN = (
    b"<html><body><article><p>"
    + b"Admin console token "
    + SECRET.encode()
    + b". " * 30
    + b"</p></article></body></html>"
)


def feed_of(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{escape(link)}</link>"
        "<description>Short teaser.</description></item>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>'
        f"{items}</channel></rss>"
    ).encode()


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "lib.sqlite3") as lib:
        yield lib


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every URL the user names as public, as if the loopback server were remote."""
    monkeypatch.setattr(
        "tread.core.sources.url.private_allowed_for", lambda url, deadline=None: False
    )


def texts(library: Library) -> str:
    return "\n".join(library.article(e.id).text for e in library.entries())


def add(library: Library, source: str) -> list[Outcome]:
    outcomes: list[Outcome] = []
    add_source(library, source, outcomes.append)
    return outcomes


def test_feed_links_are_fetched_as_urls_never_read_as_files(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"API_KEY={SECRET}\n")
    monkeypatch.setenv("TREAD_TEST_SECRET", SECRET)
    links = [
        "/etc/passwd",
        "/proc/self/environ",
        ".env",
        "-",
        "file:///etc/passwd",
        "story.html",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
        "ftp://127.0.0.1/x",
    ]
    log = Log()
    routes = {
        "/news/story.html": Route(ARTICLE),
        "/news/feed.xml": Route(feed_of(*links), headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes, log) as base:
        outcomes = add(library, f"{base}/news/feed.xml")
    assert outcomes[-1].ok and outcomes[-1].message == "feed Hostile: 9 new, 0 already here"
    everything = texts(library)
    assert SECRET not in everything and "root:" not in everything
    # relative links resolve against the feed's URL and go to its server, as URLs
    assert {
        "/etc/passwd",
        "/proc/self/environ",
        "/news/.env",
        "/news/-",
        "/news/story.html",
    } <= set(log.paths)
    story = next(e for e in library.entries() if e.title == "Council approves new bus lines")
    assert story.link == f"{base}/news/story.html"
    assert "twelve bus lines" in library.article(story.id).text
    notes = {o.message for o in outcomes[:-1]}
    for scheme in ("file", "data", "javascript", "ftp"):
        assert any(f"only http(s) links are followed, not {scheme}:" in n for n in notes)
    assert all(o.ok and "\n" not in o.message for o in outcomes)
    links_kept = {e.link for e in library.entries()}
    assert not any(link and not link.startswith(base) for link in links_kept)


def test_a_feed_read_from_a_file_follows_no_path_and_no_private_address(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"API_KEY={SECRET}\n")
    log = Log()
    with serve({"/admin": Route(ADMIN)}, log) as base:
        feed = tmp_path / "feed.rss"
        feed.write_bytes(
            feed_of("/etc/passwd", ".env", "-", str(tmp_path / ".env"), f"{base}/admin")
        )
        outcomes = add(library, str(feed))
    assert outcomes[-1].message == "feed Hostile: 5 new, 0 already here"
    assert SECRET not in texts(library) and "root:" not in texts(library)
    assert log.paths == []  # not even the loopback link: a file is no private origin
    notes = [o.message for o in outcomes[:-1]]
    assert sum("no web address to resolve it against" in n for n in notes) == 4
    assert any("private or loopback address" in n for n in notes)


def test_a_public_feed_cannot_send_tread_to_private_addresses(
    library: Library, public: None
) -> None:
    log = Log()
    routes: dict[str, Route] = {"/admin": Route(ADMIN)}
    with serve(routes, log) as base:
        port = base.rsplit(":", 1)[1]
        routes["/feed.xml"] = Route(
            feed_of(
                f"{base}/admin",
                f"http://localhost:{port}/admin",
                f"http://[::ffff:127.0.0.1]:{port}/admin",
                f"http://2130706433:{port}/admin",
                f"http://0.0.0.0:{port}/admin",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/admin",
            ),
            headers={"Content-Type": "application/rss+xml"},
        )
        outcomes = add(library, f"{base}/feed.xml")
    assert log.paths == ["/feed.xml"]  # the feed the user named, and nothing it links to
    assert outcomes[-1].message == "feed Hostile: 7 new, 0 already here"
    assert SECRET not in texts(library)
    notes = [o.message for o in outcomes[:-1]]
    assert len(notes) == 7 and all("private or loopback address" in n for n in notes)


def test_a_local_feed_server_still_reaches_its_own_pages(library: Library) -> None:
    routes = {
        "/a.html": Route(ARTICLE),
        "/b.html": Route(ARTICLE.replace(b"twelve bus lines", b"nine tram lines")),
    }
    with serve(routes) as base:
        port = base.rsplit(":", 1)[1]
        routes["/feed.xml"] = Route(
            feed_of("a.html", f"http://localhost:{port}/b.html"),
            headers={"Content-Type": "application/rss+xml"},
        )
        outcomes = add(library, f"{base}/feed.xml")
    assert [o.message for o in outcomes] == ["feed Hostile: 2 new, 0 already here"]
    assert "twelve bus lines" in texts(library) and "nine tram lines" in texts(library)


def test_redirects_are_checked_hop_by_hop(public: None) -> None:
    log = Log()
    routes = {
        "/admin": Route(ADMIN),
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
        "/to-data": Route(status=301, headers={"Location": "data:text/plain,hi"}),
    }
    with serve(routes, log) as base:
        routes["/to-admin"] = Route(status=302, headers={"Location": f"{base}/admin"})
        with pytest.raises(
            UnreadableInput,
            match=re.escape(
                "redirect to 'file:///etc/passwd' refused: only http(s) links are "
                "followed, not file:"
            ),
        ):
            load(f"{base}/to-file")
        with pytest.raises(UnreadableInput, match="not data:"):
            load(f"{base}/to-data")
        with pytest.raises(
            UnreadableInput,
            match=r"refused: 127\.0\.0\.1 is a private or "
            "loopback address",
        ) as info:
            load(f"{base}/to-admin")
    assert "\n" not in str(info.value)
    assert "/admin" not in log.paths


def test_redirects_within_a_local_server_are_followed() -> None:
    with serve({"/admin": Route(ADMIN)}) as base:
        port = base.rsplit(":", 1)[1]
        routes_base = f"http://localhost:{port}"
        with serve(
            {"/go": Route(status=302, headers={"Location": f"{routes_base}/admin"})}
        ) as other:
            assert SECRET in load(f"{other}/go").text


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "169.254.169.254",
        "169.254.0.1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "0.0.0.0",
        "::",
        "100.64.0.1",
        "224.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::1",
        "64:ff9b::a00:1",
    ],
)
def test_private_addresses(address: str) -> None:
    assert is_private_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "1.1.1.1", "2606:2800:220:1::1", "::ffff:93.184.216.34"]
)
def test_public_addresses(address: str) -> None:
    assert not is_private_address(ipaddress.ip_address(address))


def test_an_http_proxy_from_the_environment_is_used_and_checked(
    monkeypatch: pytest.MonkeyPatch, public: None
) -> None:
    log = Log()
    routes = {"http://example.invalid/page": Route(ARTICLE)}
    with serve(routes, log) as proxy:
        monkeypatch.setenv("http_proxy", proxy)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        assert "twelve bus lines" in load("http://example.invalid/page").text
        routes["http://example.invalid/to-admin"] = Route(
            status=302, headers={"Location": "http://127.0.0.1/admin"}
        )
        with pytest.raises(UnreadableInput, match="private or loopback address"):
            load("http://example.invalid/to-admin")
        monkeypatch.setenv("http_proxy", "socks5://127.0.0.1:1080")
        with pytest.raises(
            UnreadableInput, match=re.escape("unsupported proxy socks5: in the environment")
        ):
            load("http://example.invalid/page")
    assert log.paths == ["http://example.invalid/page", "http://example.invalid/to-admin"]
