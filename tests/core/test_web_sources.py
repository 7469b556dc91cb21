from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web import ARTICLE, BILLION_LAUGHS, XXE, Route, rss, serve
from tread.core.errors import InputTooLarge, UnreadableInput
from tread.core.sources import load
from tread.core.sources.feed import parse_feed


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TREAD_TIMEOUT", "0.5")
    monkeypatch.setenv("TREAD_MAX_DOWNLOAD_MB", "0.05")
    routes = {
        "/article.html": Route(ARTICLE),
        "/plain.txt": Route(
            b"A plain story. It has two sentences.",
            headers={"Content-Type": "text/plain; charset=utf-8"},
        ),
        "/redirect": Route(status=302, headers={"Location": "/article.html"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/slow": Route(ARTICLE, delay=3.0),
        "/big": Route(b"x" * 100_000, headers={"Content-Type": "text/plain"}),
        "/image.png": Route(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
        "/feed.xml": Route(b"", headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.xml"].body = rss(base)
        yield base


def test_html_page_main_text_without_boilerplate(site: str) -> None:
    article = load(f"{site}/article.html")
    assert article.title == "Council approves new bus lines"
    assert article.author == "Jane Roe"
    assert article.link == f"{site}/article.html"
    assert "twelve bus lines" in article.text
    for junk in ("tracking", "Home", "Copyright", "color:red", "comment"):
        assert junk not in article.text, junk
    assert article.text[article.headings[0][0] : article.headings[0][1]] == article.title


def test_redirect_is_followed_and_plain_text_read(site: str) -> None:
    assert "twelve bus lines" in load(f"{site}/redirect").text
    assert load(f"{site}/plain.txt").text == "A plain story. It has two sentences."


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", UnreadableInput, "HTTP 404 Not Found"),
        ("/loop", UnreadableInput, "more than 5 redirects"),
        ("/slow", UnreadableInput, "timed out after 0.5 s"),
        ("/big", InputTooLarge, "download limit"),
        ("/image.png", UnreadableInput, "not text (image/png)"),
        ("/feed.xml", UnreadableInput, "a feed, not an article"),
    ],
)
def test_each_failure_is_one_clear_line(
    site: str, path: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)) as info:
        load(f"{site}{path}")
    assert "\n" not in str(info.value)


def test_connection_refused() -> None:
    with serve({}) as base:
        dead = base  # the port is closed once the server stops
    with pytest.raises(UnreadableInput, match="cannot connect"):
        load(f"{dead}/x")


def test_local_html_file(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(ARTICLE)
    assert load(str(f)).title == "Council approves new bus lines"


def test_feeds_parse_and_mark_teasers() -> None:
    feed = parse_feed(rss("http://127.0.0.1:1"))
    assert feed.title == "Example News"
    assert [e.title for e in feed.entries] == ["Council approves new bus lines", "Second story"]
    assert all(e.teaser for e in feed.entries)
    assert not parse_feed(rss("http://127.0.0.1:1", teaser=False)).entries[0].teaser


def test_atom_and_json_feed() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom site</title>
<entry><title>An entry</title><link href="http://127.0.0.1:1/e"/>
<content type="html">&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;.&lt;/p&gt;</content></entry></feed>"""
    feed = parse_feed(atom)
    assert feed.title == "Atom site" and feed.entries[0].text == "Hello world."
    json_feed = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "JSON site", '
        b'"items": [{"id": "1", "title": "Item", "content_text": "Body text."}]}'
    )
    assert parse_feed(json_feed).entries[0].title == "Item"


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_expansion_and_external_entities_are_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="declares XML entities; refused"):
        parse_feed(data)


def test_malformed_and_truncated_feeds() -> None:
    truncated = rss("http://127.0.0.1:1")[:300]
    feed = parse_feed(truncated)  # feedparser's loose mode keeps what it can
    assert feed.entries and feed.entries[0].title
    with pytest.raises(UnreadableInput, match="not a readable feed"):
        parse_feed(b"<rss><channel><title>nothing</title>")
