from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE_FILES
from tests.ui.conftest import reader, settle
from tread.core.sources import load
from tread.core.store.analysis_cache import cache_key
from tread.core.store.library import Library
from tread.ui.app import Tread
from tread.ui.library_source import LibrarySource, article_id
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.list_pane import ListPane


def make_library(path: Path) -> list[int]:
    with Library(path) as lib:
        ids = [lib.add(load(str(p)))[0] for p in SAMPLE_FILES[:3]]
        lib.mark(ids[0], read=True)
    return ids


async def test_reader_on_the_library(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    ids = make_library(db)
    source = LibrarySource(db)
    infos, _ = source.listing()
    paths = [i.path for i in infos]
    assert article_id(paths[-1]) == ids[0]  # unread first: the read one comes last
    app = Tread(paths, library=source)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        listing = app.query_one(ArticleList)
        assert listing.shown_paths == paths
        assert listing.is_read(paths[-1]) and listing.is_read(paths[0])  # opened: read
        view = app.query_one(ArticleView)
        assert view.text == Library(db).article(article_id(paths[0])).text
        with Library(db) as lib:
            assert lib.entries(unread_only=True)[0].id == article_id(paths[1])
            digest = lib.hash_of(article_id(paths[0]))
            key = reader(app).extractor_for("english").cache_key()
            assert key and lib.cached(cache_key(digest or "", "entities", key))
            summary_key = cache_key(
                digest or "", "summary", app.config.algorithm, app.config.sentences, "english"
            )
            assert len(lib.cached(summary_key)["sentences"]) == app.config.sentences
        # the cached summary is the summary: the same sentences, scores and ranks
        first = reader(app).state.get(paths[0]).summary(app.config.algorithm, app.config.sentences)
        assert first is not None
        assert (
            source.cached_summary(paths[0], app.config.algorithm, app.config.sentences, "english")
            == first
        )
        await pilot.press("asterisk")
        await settle(pilot)
        with Library(db) as lib:
            assert [e.id for e in lib.entries() if e.starred] == [article_id(paths[0])]
        # another process adds an article: the list shows it without a restart
        with Library(db) as lib:
            new_id, _ = lib.add(load(str(SAMPLE_FILES[5])))
        app.query_one(ListPane).look_for_new()
        await settle(pilot)
        assert listing.shown_paths[0] == f"library:{new_id}"


async def test_list_filter_searches_the_library_text(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    source = LibrarySource(db)
    paths = [i.path for i in source.listing()[0]]
    app = Tread(paths, library=source)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        # "Kabul" is in the text of the robotics story, not in any title
        await pilot.press("slash", *"kabul")
        await settle(pilot)
        shown = app.query_one(ArticleList).shown_paths
        with Library(db) as lib:
            assert shown == [f"library:{e.id}" for e in lib.entries(search="kabul")]
        assert len(shown) == 1


async def test_bindings_can_be_remapped_from_the_config(tmp_path: Path) -> None:
    from tread.core.config import Config

    f = tmp_path / "a.txt"
    f.write_text(SAMPLE_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    app = Tread([str(f)], config=Config(keys={"skim": "x"}))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert reader(app).state.skim is True
        await pilot.press("s")  # the old key no longer skims
        assert reader(app).state.skim is True
