"""Feeds' entries as the library keeps them: identity by guid/link/text, JSON Feeds of
the wrong types, a cap on huge feeds, sanitised fields, edits and enclosures (issue 11,
item 12)."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web import Route, serve
from tread.cli import cli
from tread.core.sources.feed import parse_feed
from tread.core.store.library import Library

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def rss(items: str, title: str = "Feed") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title>{items}</channel></rss>"
    ).encode()


def json_feed(items: object, **extra: object) -> bytes:
    return json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": items, **extra}
    ).encode()


def listed(library: Path) -> list[dict[str, object]]:
    code, out, _ = run("list", "--library", str(library), "-f", "json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


@pytest.mark.parametrize("extra", ["", "<guid>g{i}</guid>"], ids=["no guid", "guid"])
def test_empty_links_do_not_make_every_entry_a_duplicate(tmp_path: Path, extra: str) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link></link>{extra.format(i=i)}"
        f"<description>Body of story {i}.</description></item>"
        for i in range(5)
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(items))
    library = tmp_path / "lib.sqlite3"
    code, out, _ = run("add", "--library", str(library), str(path))
    assert code == 0 and out.endswith("feed Feed: 5 new, 0 already here\n")
    assert {r["link"] for r in listed(library)} == {None}
    code, out, _ = run("refresh", "--library", str(library))
    assert out.endswith(": Feed: 0 new, 5 already here\n")


GOOD = {"id": "1", "title": "Fine item", "content_text": "A body of text."}
WRONG_TYPES = {
    "url as a list": ([{**GOOD, "url": ["http://127.0.0.1:1/a"]}], "link", None),
    "author name as a dict": ([{**GOOD, "authors": [{"name": {"first": "A"}}]}], "author", None),
    "authors as a string": ([{**GOOD, "authors": "Jane"}], "author", None),
    "author (1.0) as a list": ([{**GOOD, "author": ["Jane"]}], "author", None),
    "date_published as an object": ([{**GOOD, "date_published": {"y": 2026}}], "published", None),
    "title as a number": ([{**GOOD, "title": 42}], "title", "42"),
    "content as a list": (
        [{**GOOD, "content_text": ["x"], "summary": "Summary text."}],
        "title",
        "Fine item",
    ),
    "id as an object": ([{**GOOD, "id": {"a": 1}}], "title", "Fine item"),
    "attachments as a dict": ([{**GOOD, "attachments": {"url": 1}}], "title", "Fine item"),
    "an item that is a string": (["just a string", GOOD], "title", "Fine item"),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES), ids=list(WRONG_TYPES))
def test_json_feed_fields_of_the_wrong_type_are_skipped(tmp_path: Path, case: str) -> None:
    items, field, expected = WRONG_TYPES[case]
    path = tmp_path / "feed.json"
    path.write_bytes(json_feed(items, home_page_url=["x"]))
    library = tmp_path / "lib.sqlite3"
    code, out, err = run("add", "--library", str(library), str(path))
    assert code == 0 and err == "" and "feed J: 1 new" in out
    (row,) = listed(library)
    assert row[field] == expected


NOT_FEEDS = {
    "items not a list": json_feed({"a": 1}),
    "items missing": b'{"version": "https://jsonfeed.org/version/1.1", "title": "J"}',
    "deep nesting": (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
        + b"[" * 100_000
        + b"]" * 100_000
        + b"]}"
    ),
    "no entries": json_feed([]),
    "only strings": json_feed(["a", "b"]),
}


@pytest.mark.parametrize("case", list(NOT_FEEDS), ids=list(NOT_FEEDS))
def test_json_documents_that_are_not_feeds_fail_in_one_line(tmp_path: Path, case: str) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(NOT_FEEDS[case])
    code, out, err = run("add", "--library", str(tmp_path / "lib.sqlite3"), str(path))
    if case == "only strings":  # a feed whose entries are all unusable: said, not stored
        assert code == 0 and "0 new, 0 already here, 2 with nothing to read skipped" in out
        return
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"tread: {path}: not a readable")


def _dated_items(count: int, seed: int) -> tuple[str, list[int]]:
    """Items in shuffled order, item i published i hours after the start."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    order = list(range(count))
    random.Random(seed).shuffle(order)
    items = "".join(
        f"<item><title>Story {i}</title><guid>s{i}</guid>"
        f"<pubDate>{format_datetime(start + timedelta(hours=i))}</pubDate>"
        f"<description>Story {i}.</description></item>"
        for i in order
    )
    return items, order


def test_a_huge_feed_takes_the_newest_entries_only(tmp_path: Path) -> None:
    items, _ = _dated_items(3000, seed=1)
    path = tmp_path / "big.xml"
    path.write_bytes(rss(items))
    library = tmp_path / "lib.sqlite3"
    code, out, _ = run("add", "--library", str(library), str(path))
    assert code == 0
    assert out.endswith(
        "feed Feed: 1000 new, 0 already here, 2000 older skipped (only the "
        "newest 1,000 entries are taken)\n"
    )
    with Library(library) as lib:
        titles = {e.title for e in lib.entries()}
    assert titles == {f"Story {i}" for i in range(2000, 3000)}


def test_the_cap_holds_for_undated_malformed_and_json_feeds() -> None:
    undated = "".join(
        f"<item><title>S{i}</title><description>x</description></item>" for i in range(1500)
    )
    feed = parse_feed(rss(undated))
    assert len(feed.entries) == 1000 and feed.older == 500
    assert feed.entries[0].title == "S0"  # no dates: the feed's own order (newest first)
    malformed = rss(undated).replace(b"</channel></rss>", b"<item><title>&bad</title>")
    feed = parse_feed(malformed)  # lxml cannot trim it; the cap after feedparser holds
    assert len(feed.entries) == 1000 and feed.older == 501
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>A</title>"
        + "".join(
            f"<entry><title>A{i}</title><id>urn:a{i}</id><updated>2026-01-01T00:00:00Z"
            f"</updated><published>2026-{1 + i % 12:02d}-01T{i % 24:02d}:00:00Z</published>"
            f"<content>x</content></entry>"
            for i in range(1100)
        )
        + "</feed>"
    ).encode()
    feed = parse_feed(atom)
    assert len(feed.entries) == 1000 and feed.older == 100
    assert "A1091" in {e.title for e in feed.entries}  # December, 11:00: among the newest
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
        'syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R'
        "</title></channel>"
        + "".join(
            f'<item rdf:about="http://127.0.0.1:1/{i}"><title>R{i}</title>'
            f"<link>http://127.0.0.1:1/{i}</link></item>"
            for i in range(1001)
        )
        + "</rdf:RDF>"
    ).encode()
    feed = parse_feed(rdf)
    assert len(feed.entries) == 1000 and feed.older == 1 and feed.title == "R"
    items = [
        {
            "id": str(i),
            "title": f"J{i}",
            "content_text": "x",
            "date_published": f"2026-01-01T{i % 24:02d}:{i % 60:02d}:00Z",
        }
        for i in range(1200)
    ]
    feed = parse_feed(json_feed(items))
    assert len(feed.entries) == 1000 and feed.older == 200


ESC = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\x1b[2J\u009b31m\u202e"


def test_fields_are_sanitised_and_links_are_absolute_http(tmp_path: Path) -> None:
    routes = {
        "/feed.json": Route(headers={"Content-Type": "application/feed+json"}),
        "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.json"].body = json_feed(
            [
                {
                    "id": "1",
                    "title": f"Title{ESC}",
                    "url": "/relative/page",
                    "authors": [{"name": f"Ann{ESC}"}],
                    "date_published": f"2026-01-01{ESC}",
                    "content_text": "First body.",
                },
                {"id": "2", "title": "Two", "url": f"{base}/x\x1b[31m", "content_text": "B two."},
                {"id": "3", "title": "Three", "url": "javascript:alert(1)", "content_text": "3."},
                {"id": "4", "title": "Four", "url": "file:///etc/passwd", "content_text": "4."},
                {"id": "5", "title": "Five", "url": "http://", "content_text": "Five."},
            ]
        )
        routes["/feed.xml"].body = rss(
            "<item><title>RSS \u009b31mtitle&#x1b;[0m</title><link>a/b.html</link>"
            "<author>Bob&#x9b;2J</author><pubDate>Mon, 5 Jan 2026 10:00:00 GMT&#x7;"
            "</pubDate><description>RSS body.</description></item>"
        )
        library = tmp_path / "lib.sqlite3"
        code, _, err = run(
            "add", "--teasers", "--library", str(library), f"{base}/feed.json", f"{base}/feed.xml"
        )
        assert code == 0, err
        rows = {r["title"]: r for r in listed(library)}
    for row in rows.values():
        for value in row.values():
            assert not (isinstance(value, str) and CONTROL.search(value)), value
    first = next(r for t, r in rows.items() if str(t).startswith("Title"))
    assert first["link"] == f"{base}/relative/page"
    assert first["author"] and str(first["author"]).startswith("Ann")
    assert first["published"] and str(first["published"]).startswith("2026-01-01")
    assert [rows[t]["link"] for t in ("Two", "Three", "Four", "Five")] == [None] * 4
    rss_row = next(r for t, r in rows.items() if str(t).startswith("RSS"))
    assert rss_row["link"] == f"{base}/a/b.html"


def test_an_edited_entry_is_updated_in_place(tmp_path: Path) -> None:
    def items(title: str, body: str) -> bytes:
        return rss(
            f"<item><title>{title}</title><guid>urn:1</guid>"
            f"<description>{body}</description></item>"
            f"<item><title>Other</title><link>http://127.0.0.1:1/o</link>"
            f"<description>{body} by link</description></item>"
        )

    path = tmp_path / "feed.xml"
    path.write_bytes(items("First title", "The original aardvark text."))
    library = tmp_path / "lib.sqlite3"
    assert run("add", "--teasers", "--library", str(library), str(path))[0] == 0
    before = {r["id"]: r for r in listed(library)}
    path.write_bytes(items("Corrected title", "The corrected zebra text."))
    code, out, _ = run("refresh", "--library", str(library))
    assert code == 0 and out.endswith(": Feed: 0 new, 0 already here, 2 updated\n")
    after = {r["id"]: r for r in listed(library)}
    assert after.keys() == before.keys()
    assert {r["title"] for r in after.values()} == {"Corrected title", "Other"}
    with Library(library) as lib:
        assert lib.entries(search="aardvark") == []  # the search index follows the edit
        assert len(lib.entries(search="zebra")) == 2
    code, out, _ = run("refresh", "--library", str(library))
    assert out.endswith(": Feed: 0 new, 2 already here\n")


def test_enclosure_only_entries_become_articles_and_empty_ones_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "podcast.rss"
    path.write_bytes(
        rss(
            '<item><guid>e12</guid><enclosure url="http://127.0.0.1:1/media/episode-12.mp3" '
            'type="audio/mpeg" length="12345678"/></item>'
            '<item><title>Episode 11</title><enclosure url="http://127.0.0.1:1/media/e11.mp3" '
            'type="audio/mpeg" length="100"/></item>'
            "<item><guid>nothing</guid></item>",
            title="Podcast",
        )
    )
    library = tmp_path / "lib.sqlite3"
    code, out, _ = run("add", "--teasers", "--library", str(library), str(path))
    assert code == 0
    assert out.endswith("feed Podcast: 2 new, 0 already here, 1 with nothing to read skipped\n")
    with Library(library) as lib:
        articles = {e.title: lib.article(e.id) for e in lib.entries()}
    assert set(articles) == {"episode-12.mp3", "Episode 11"}
    assert (
        "Enclosure: http://127.0.0.1:1/media/episode-12.mp3 (audio/mpeg, 12.3 MB)"
        in articles["episode-12.mp3"].text
    )
    assert "http://127.0.0.1:1/media/e11.mp3" in articles["Episode 11"].text


def test_repeated_guids_within_a_feed_are_one_entry_and_progress_is_reported(
    tmp_path: Path,
) -> None:
    from tread.core.store.ingest import Outcome, add_source

    path = tmp_path / "feed.xml"
    path.write_bytes(
        rss(
            "".join(
                f"<item><title>T{i}</title><guid>same</guid>"
                f"<description>Text {i}.</description></item>"
                for i in range(3)
            )
            + "<item><title>Other</title><description>x</description></item>"
        )
    )
    outcomes: list[Outcome] = []
    calls: list[tuple[int, int]] = []
    with Library(tmp_path / "lib.sqlite3") as lib:
        add_source(
            lib,
            str(path),
            outcomes.append,
            fetch_full=False,
            progress=lambda done, total: calls.append((done, total)),
        )
        assert lib.count() == 2
    assert outcomes[0].message == "feed Feed: 2 new, 2 already here"
    assert calls == [(1, 2), (2, 2)]


def test_articles_from_an_older_library_are_adopted_not_added_again(tmp_path: Path) -> None:
    import sqlite3

    from tread.core.store.library import migrate

    path = tmp_path / "feed.xml"
    path.write_bytes(
        rss(
            "<item><title>Kept</title><guid>g1</guid><link>http://127.0.0.1:1/k"
            "</link><description>Kept text.</description></item>"
        )
    )
    library = tmp_path / "old.sqlite3"
    db = sqlite3.connect(library, isolation_level=None)
    migrate(db, target=2)
    db.execute("INSERT INTO feeds(url, title, added) VALUES (?, 'Feed', 0)", (str(path.resolve()),))
    db.execute(
        "INSERT INTO articles(hash, link, source, feed_id, title, added, words, text)"
        " VALUES ('h', 'http://127.0.0.1:1/k', 'Feed', 1, 'Kept', 0, 2, 'Kept text.')"
    )
    db.close()
    code, out, _ = run("refresh", "--library", str(library))
    assert code == 0 and out.endswith(": Feed: 0 new, 1 already here\n")
    path.write_bytes(path.read_bytes().replace(b"Kept text.", b"Kept, edited text."))
    code, out, _ = run("refresh", "--library", str(library))
    assert out.endswith(": Feed: 0 new, 0 already here, 1 updated\n")
    with Library(library) as lib:
        assert lib.count() == 1 and "edited" in lib.article(1).text
