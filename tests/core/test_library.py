from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_FILES
from tests.web import ARTICLE, Route, rss, serve
from tread.core.article import Article
from tread.core.sources import load
from tread.core.store.analysis_cache import cache_key
from tread.core.store.ingest import Outcome, add_source, refresh
from tread.core.store.library import MIGRATIONS, SCHEMA_VERSION, Library, migrate


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "lib.sqlite3") as lib:
        yield lib


def collect(library: Library, *sources: str) -> list[Outcome]:
    out: list[Outcome] = []
    for s in sources:
        add_source(library, s, out.append)
    return out


def test_add_list_search_mark_remove(library: Library) -> None:
    outcomes = collect(library, *map(str, SAMPLE_FILES[:4]))
    assert all(o.ok and o.new == 1 for o in outcomes)
    assert library.count() == 4
    hits = library.entries(search="robotics")
    assert [h.title for h in hits] == [
        "After visa snags, all-girl Afghan team honored for 'courageous achievement' at "
        "international robotics competition"
    ]
    first = hits[0].id
    assert library.mark(first, read=True, starred=True)
    assert [e.id for e in library.entries(unread_only=True)] == [
        e.id for e in library.entries() if e.id != first
    ]
    assert library.entries()[-1].id == first  # read articles come last
    assert library.remove(first) and library.count() == 3
    assert library.entries(search="robotics") == []  # the search index follows
    assert not library.remove(first)


def test_duplicates_by_content_and_by_link(library: Library, tmp_path: Path) -> None:
    article = load(str(SAMPLE_FILES[0]))
    assert library.add(article)[1] is True
    reflowed = Article(text="  " + article.text.upper().replace(" ", "  "), source="copy")
    assert library.add(reflowed) == (library.entries()[0].id, False)
    linked = Article(text="Some text. More.", source="x", link="http://127.0.0.1:1/a")
    other = Article(text="Different text entirely.", source="y", link="http://127.0.0.1:1/a")
    first_id, _ = library.add(linked)
    assert library.add(other) == (first_id, False)


def test_search_text_is_not_an_fts_query(library: Library) -> None:
    collect(library, str(SAMPLE_FILES[0]))
    for nasty in ('"', "AND OR NOT", "title:*", "(", "robot* NEAR"):
        library.entries(search=nasty)  # never an SQL or FTS syntax error


def test_feed_with_teasers_fetches_full_articles_and_refresh_adds_new(library: Library) -> None:
    routes = {
        "/article.html": Route(ARTICLE),
        "/second.html": Route(ARTICLE.replace(b"twelve bus lines", b"nine tram lines")),
        "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.xml"].body = rss(base)
        outcomes = collect(library, f"{base}/feed.xml")
        assert outcomes[0].message == "feed Example News: 2 new, 0 already here"
        entries = library.entries()
        assert {e.feed for e in entries} == {"Example News"}
        full = library.article(next(e.id for e in entries if e.link.endswith("article.html")))
        assert "twelve bus lines" in full.text  # the teaser was replaced by the page
        # a new entry appears in the feed
        routes["/third.html"] = Route(ARTICLE.replace(b"twelve bus lines", b"a cable car"))
        routes["/feed.xml"].body = rss(base).replace(
            b"<item>",
            f"<item><title>Third</title><link>{base}/third.html</link>"
            "<description>New.</description></item><item>".encode(),
            1,
        )
        results: list[Outcome] = []
        refresh(library, results.append)
        assert results[0].ok and results[0].new == 1
        assert library.count() == 3


def test_feed_errors_do_not_stop_the_others(library: Library) -> None:
    with serve({}) as base:
        dead = base
    library.add_feed(f"{dead}/gone.xml", "Gone")
    results: list[Outcome] = []
    refresh(library, results.append)
    assert not results[0].ok and "cannot connect" in results[0].message


def test_analysis_cache_keys_change_with_versions(library: Library) -> None:
    key = cache_key("abc", "summary", "tread", 5)
    library.cache(key, {"picked": [1, 2]})
    assert library.cached(key) == {"picked": [1, 2]}
    assert library.cached(cache_key("abc", "summary", "tread", 6)) is None
    import tread

    assert tread.__version__ in key  # a new tread version never reads an old result


def test_a_new_tread_version_never_reads_old_results(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core import version

    key = cache_key("abc", "entities", "en_core_web_sm=3.8.0")
    library.cache(key, [[0, 3, "ORG", "ICE"]])
    assert library.cached(cache_key("abc", "entities", "en_core_web_sm=3.8.0")) is not None
    assert library.cached(cache_key("abc", "entities", "en_core_web_sm=3.9.0")) is None
    monkeypatch.setattr(version, "VERSION", "999.0")
    assert library.cached(cache_key("abc", "entities", "en_core_web_sm=3.8.0")) is None


def test_migration_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)
    db.execute(
        "INSERT INTO articles(hash, source, title, added, words, text)"
        " VALUES ('h', 's', 'Old article', 0, 2, 'Old text.')"
    )
    db.close()
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [e.title for e in lib.entries()] == ["Old article"]
        assert lib.mark(lib.entries()[0].id, starred=True)
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_killed_writer_leaves_every_committed_article(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        collect(lib, *map(str, SAMPLE_FILES[:3]))
    script = (
        "import sys, os, signal\n"
        "from tread.core.store.library import Library\n"
        "from tread.core.article import Article\n"
        f"lib = Library(__import__('pathlib').Path({str(path)!r}))\n"
        "for i in range(100000):\n"
        "    lib.add(Article(text=f'Article number {i}. ' * 50, source='gen'))\n"
        "    if i == 200: print('ready', flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait(timeout=30)
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.count() >= 3 + 201
        assert [e.source for e in lib.entries(search="robotics")]


def test_a_library_of_schema_6_keeps_its_articles_and_gives_no_id_twice(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=6)
    for n in (1, 2):
        db.execute(
            "INSERT INTO articles(hash, source, title, added, words, text)"
            f" VALUES ('h{n}', 's', 'Old {n}', 0, 2, 'Old text {n}.')"
        )
    db.close()
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
        assert [e.title for e in lib.entries()] == ["Old 2", "Old 1"]
        assert lib.remove(2)
        added = lib.add(Article(text="A new text. It has two sentences.", source="new.txt"))
        assert added == (3, True)
