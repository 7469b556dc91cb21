"""Reading positions: kept in the library for library articles and files alike, and
restored when the article is opened again, in this session or the next."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import reader, settle
from tests.ui.test_library_reader import make_library
from tread.core.store.library import SCHEMA_VERSION, Library, default_path, migrate
from tread.core.store.read_marks import file_position, mark_file, read_files
from tread.core.store.read_marks import set_file_position as keep_file_position
from tread.ui.app import Tread
from tread.ui.library_source import LibrarySource, article_id
from tread.ui.widgets.article_view import ArticleView


def test_positions_are_kept_beside_the_read_marks(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        keep_file_position(lib, str(tmp_path / "a.txt"), 1234)
        assert read_files(lib, [str(tmp_path / "a.txt")]) == set()  # a position is no mark
        mark_file(lib, str(tmp_path / "a.txt"), True)
        assert file_position(lib, str(tmp_path / "a.txt")) == 1234  # the mark kept it
        keep_file_position(lib, str(tmp_path / "a.txt"), 99)
        assert read_files(lib, [str(tmp_path / "a.txt")]) == {str(tmp_path / "a.txt")}
        assert file_position(lib, "-") == 0 and file_position(lib, "/nowhere") == 0
        keep_file_position(lib, "-", 5)  # piped text has no identity: nothing kept
        assert file_position(lib, "-") == 0


def test_a_library_of_schema_4_gains_positions(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=4)
    db.execute(
        "INSERT INTO articles(hash, source, title, added, words, text, read)"
        " VALUES ('h', 's', 'Old', 0, 2, 'Old text.', 1)"
    )
    db.execute("INSERT INTO file_marks(path, read, changed) VALUES ('/x/a.txt', 1, 0)")
    db.close()
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
        (entry,) = lib.entries()
        assert entry.read and lib.position(entry.id) == 0
        lib.set_position(entry.id, 42)
        assert lib.position(entry.id) == 42
        assert lib.file_marks_read() == {"/x/a.txt"} and lib.position("/x/a.txt") == 0


async def test_a_files_position_is_restored_in_the_next_session(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("pagedown", "pagedown", "J")  # leaving the article keeps it
        await settle(pilot)
        top = reader(app).state.get(articles[0]).top
        assert top > 500
    with Library(default_path(), create=False) as lib:
        assert file_position(lib, articles[0]) == top
    app = Tread(articles)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert reader(app).state.current_path == articles[1]  # the last article
        reader(app).open_article(articles[0])
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.visible_range()[0] == top


async def test_quit_keeps_the_position_of_the_open_article(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    source = LibrarySource(db)
    paths = [i.path for i in source.listing()[0]]
    app = Tread(paths, library=source)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("pagedown", "j", "j")
        top = app.query_one(ArticleView).visible_range()[0]
        assert top > 0
        await pilot.press("q")
        await pilot.pause()
    with Library(db) as lib:
        assert lib.position(article_id(paths[0])) == top
    app = Tread(paths, library=source)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.query_one(ArticleView).visible_range()[0] == top
