"""Library work from the reader: add (a dialog), refresh feeds in the background with a
count of new articles, remove with a question first, mark all read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_FILES
from tests.ui.conftest import reader, settle
from tests.ui.test_library_reader import make_library
from tests.web import ARTICLE, Route, rss, serve
from tread.core.config import Config
from tread.core.store.library import Library, default_path
from tread.ui.app import Tread
from tread.ui.library_source import LibrarySource, article_id
from tread.ui.screens.dialogs import AskScreen, ConfirmScreen
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.status_bar import StatusBar

THIRD = (
    "<item><title>Third story</title><link>{base}/third.html</link>"
    "<description>" + "A third full story. " * 80 + "</description></item></channel>"
)


def recorded(app: Tread) -> list[str]:
    notes: list[str] = []
    app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
    return notes


async def test_add_a_feed_then_refresh_it_from_a_reader_on_files(
    articles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    routes = {
        "/article.html": Route(ARTICLE),
        "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.xml"].body = rss(base, teaser=False)
        app = Tread(articles, config=Config(keys={"library-add": "x"}))  # remapped
        notes = recorded(app)
        shown: list[tuple[str, ...]] = []
        show = StatusBar.show
        monkeypatch.setattr(
            StatusBar, "show", lambda bar, left, busy: (shown.append(busy), show(bar, left, busy))
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            listing = app.query_one(ArticleList)
            await pilot.press("x")
            assert isinstance(app.screen, AskScreen)
            await pilot.press(*f"{base}/feed.xml", "enter")
            await settle(pilot)
            assert any("feed Example News: 2 new" in n for n in notes), notes
            added = [p for p in listing.shown_paths if p.startswith("library:")]
            assert len(added) == 2 and len(listing.shown_paths) == len(articles) + 2
            routes["/feed.xml"].body = rss(base, teaser=False).replace(
                b"</channel>", THIRD.format(base=base).encode()
            )
            await pilot.press("R")
            await settle(pilot)
            assert "1 feed refreshed: 1 new article" in notes
            assert ("refreshing feeds 1/1",) in shown  # the progress, in the status bar
            assert len([p for p in listing.shown_paths if p.startswith("library:")]) == 3
            assert app.query_one(StatusBar).busy == ()
    with Library(default_path(), create=False) as lib:
        assert sorted(e.title for e in lib.entries())[-1] == "Third story"


async def test_a_dialog_cancelled_adds_nothing(articles: list[str]) -> None:
    app = Tread(articles)
    notes = recorded(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i", *"nowhere", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, AskScreen)
        await pilot.press("i", *"/no/such/file.txt", "enter")  # a bad source: one line
        await settle(pilot)
        assert len(app.query_one(ArticleList).shown_paths) == len(articles)
        assert len(notes) == 1 and "/no/such/file.txt" in notes[0] and "\n" not in notes[0]
    with Library(default_path()) as lib:  # the file marks' library: no article in it
        assert lib.count() == 0


async def test_refresh_without_feeds_says_so(articles: list[str]) -> None:
    app = Tread(articles)
    notes = recorded(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert notes == ["no feeds to refresh: add one with i"]


async def test_remove_asks_first_then_opens_the_next_article(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    source = LibrarySource(db)
    paths = [i.path for i in source.listing()[0]]
    app = Tread(paths, library=source)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reader(app).state.current_path == paths[0]
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing removed
        await settle(pilot)
        with Library(db) as lib:
            assert lib.count() == 3
        await pilot.press("D", "y")
        await settle(pilot)
        with Library(db) as lib:
            assert sorted(e.id for e in lib.entries()) == sorted(map(article_id, paths[1:]))
        assert app.query_one(ArticleList).shown_paths == paths[1:]
        assert reader(app).state.current_path == paths[1]


async def test_removing_a_file_is_refused(articles: list[str]) -> None:
    app = Tread(articles)
    notes = recorded(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        assert not isinstance(app.screen, ConfirmScreen)
        assert "files stay on disk" in notes[-1]
        assert Path(articles[0]).exists()


async def test_mark_all_read_marks_the_list_as_shown(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    source = LibrarySource(db)
    paths = [i.path for i in source.listing()[0]]
    files = [str(p) for p in SAMPLE_FILES[3:5]]
    app = Tread(paths + files, library=source)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        assert listing.unread_count == 3  # the first one was opened, one was read
        await pilot.press("A")
        assert listing.unread_count == 0
        await settle(pilot)
    from tread.core.store.read_marks import read_files

    with Library(db) as lib:  # files keep their marks in the library the reader is on
        assert all(e.read for e in lib.entries())
        assert read_files(lib, files) == set(files)


async def test_F_on_an_entity_lists_the_articles_mentioning_it(tmp_path: Path) -> None:
    from tests.conftest import SEED
    from tread.core.article import Entity
    from tread.core.sources import load
    from tread.core.store.entity_index import articles_mentioning, index_article
    from tread.ui.widgets.entity_index import EntityIndex, EntityKey

    db = tmp_path / "lib.sqlite3"
    ids = make_library(db)
    with Library(db) as lib:
        ice_id, _ = lib.add(load(str(SEED)))
    source = LibrarySource(db)
    paths = [i.path for i in source.listing()[0]]
    ice_path, other = f"library:{ice_id}", f"library:{ids[1]}"
    with Library(db) as lib:  # another article known to mention ICE (as "I.C.E.")
        index_article(lib, article_id(other), [Entity(0, 6, "ORG", "I.C.E.")])
    app = Tread(paths, library=source)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        reader(app).open_article(ice_path)
        await settle(pilot)
        with Library(db) as lib:  # opening the article kept its entities
            assert article_id(ice_path) in articles_mentioning(lib, "Los Angeles")
        index = app.query_one(EntityIndex)
        index.focus()
        for _ in range(40):
            node = index.cursor_node
            if node is not None and node.data == EntityKey("ORG", "ICE"):
                break
            await pilot.press("down")
        await pilot.press("F")
        await settle(pilot)
        listing = app.query_one(ArticleList)
        assert set(listing.shown_paths) == {ice_path, other}
        assert "mentioning “ICE”" in app.query_one(StatusBar).left
        await pilot.press("slash", "escape")  # escape in the filter clears it
        assert len(listing.shown_paths) == 4
