"""A damaged, full, read-only or missing library, and ids and limits out of range: one
line and a non-zero exit from every command, never a traceback (issue 11, items 13 and
14)."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES
from tread.cli import cli
from tread.core.article import Article
from tread.core.store.library import Library


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


def make_library(path: Path, articles: int = 3) -> None:
    with Library(path) as lib:
        for sample in SAMPLE_FILES[:3]:
            lib.add(Article(text=sample.read_text(), source=str(sample)))
        for i in range(articles - 3):
            words = " ".join(f"w{i}x{j}" for j in range(1500))
            lib.add(Article(text=f"Generated article {i}. {words}.", source="gen"))
        lib.add_feed("http://127.0.0.1:1/feed.xml", "A feed")


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str) -> Iterator[bool]:
    """A small tmpfs at ``where`` when the tests run as root and may mount (a real
    file system to fill or make read-only); False when they may not."""
    where.mkdir()
    ok = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield ok
    finally:
        if ok:
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


COMMANDS = [
    ("list",),
    ("list", "-f", "json"),
    ("list", "--search", "robotics"),
    ("add", str(SAMPLE_FILES[5])),
    ("mark", "read", "1"),
    ("remove", "2"),
    ("feeds",),
    ("feeds", "remove", "1"),
    ("refresh",),
]


@pytest.mark.parametrize("offset", [4096, 0], ids=["inside", "over the header"])
def test_a_damaged_library_is_one_line_from_every_command(tmp_path: Path, offset: int) -> None:
    path = tmp_path / "lib.sqlite3"
    make_library(path, articles=40)
    size = path.stat().st_size
    assert size > offset + 256 * 1024 and not Path(f"{path}-wal").exists()
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(random.Random(11).randbytes(256 * 1024))
    for command in COMMANDS:
        code, _, err = run(*command, "--library", str(path))
        assert code == 1 and err.count("\n") == 1, (command, err)
        assert err.startswith(f"tread: {path}: the library is damaged (") or err.startswith(
            f"tread: {SAMPLE_FILES[5]}: {path}: the library is damaged ("
        ), (command, err)


@pytest.fixture
def full_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A library on a full disk: a real 2 MB tmpfs filled to the last byte when the
    tests may mount one (root), else SQLite's max_page_count standing in for the disk."""
    with mounted_tmpfs(tmp_path / "tiny", "2m") as real:
        path = tmp_path / "tiny" / "lib.sqlite3"
        make_library(path)
        if real:
            filler = os.open(tmp_path / "tiny" / "filler", os.O_WRONLY | os.O_CREAT)
            with contextlib.suppress(OSError):
                while True:
                    os.write(filler, b"\0" * 512)
            os.close(filler)
        else:
            connect = sqlite3.connect

            def limited(*args: object, **kwargs: object) -> sqlite3.Connection:
                db = connect(*args, **kwargs)  # type: ignore[arg-type]
                pages = db.execute("PRAGMA page_count").fetchone()[0]
                db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
                return db

            monkeypatch.setattr(sqlite3, "connect", limited)
        yield path


def test_a_full_disk_is_one_line(full_library: Path) -> None:
    big = full_library.parent.parent / "big.txt"
    big.write_text("A long article about a full disk. " * 20_000)
    code, out, err = run("add", "--library", str(full_library), str(big))
    assert code == 1 and out == ""
    assert err.startswith(f"tread: {full_library}: the disk is full (") and err.count("\n") == 1
    for command in (("mark", "read", "1"), ("remove", "2"), ("mark", "star", "3")):
        code, _, err = run(*command, "--library", str(full_library))
        # writing one row may still fit; when it does not, it is said in one line
        assert code == 0 or (
            code == 1
            and err.startswith(f"tread: {full_library}: the disk is full (")
            and err.count("\n") == 1
        ), (command, err)
    code, out, _ = run("list", "--library", str(full_library), "-f", "json")
    assert code == 0 and "robotics" in out


@pytest.fixture
def read_only_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A library on a read-only file system (a tmpfs remounted read-only) when the tests
    may mount; else in a folder and file without write permission; else (root, which
    permissions do not stop, without mount) SQLite told to open the file read-only."""
    where = tmp_path / "ro"
    with mounted_tmpfs(where, "8m") as real:
        path = where / "lib.sqlite3"
        make_library(path)
        if real:
            subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        elif os.geteuid() != 0:
            path.chmod(0o444)
            where.chmod(0o555)
        else:
            connect = sqlite3.connect

            def read_only(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
                database = database.replace("mode=rwc", "mode=ro").replace("mode=rw", "mode=ro")
                return connect(database, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(sqlite3, "connect", read_only)
        try:
            yield path
        finally:
            if not real:
                where.chmod(0o755)


def test_a_read_only_library_can_be_listed_and_refuses_writes_in_one_line(
    read_only_library: Path,
) -> None:
    path = str(read_only_library)
    code, out, err = run("list", "--library", path, "-f", "json")
    assert code == 0 and err == "" and out.count('"id"') == 3
    code, out, _ = run("list", "--library", path, "--search", "robotics", "-f", "json")
    assert code == 0 and "Afghan" in out  # (JSON: whatever width the table would get)
    code, out, _ = run("feeds", "--library", path)
    assert code == 0 and "A feed" in out
    for command in (
        ("mark", "read", "1"),
        ("remove", "1"),
        ("add", str(SAMPLE_FILES[5])),
        ("feeds", "remove", "1"),
    ):
        code, _, err = run(*command, "--library", path)
        assert code == 1 and err.count("\n") == 1 and "the library is read-only" in err, (
            command,
            err,
        )


def test_commands_on_a_missing_library_create_nothing(tmp_path: Path) -> None:
    path = tmp_path / "not" / "there" / "lib.sqlite3"
    code, out, _ = run("list", "--library", str(path))
    assert code == 0 and out == f"no library at {path} yet: tread add FILE|URL|FEED\n"
    assert run("list", "--library", str(path), "-f", "json")[1] == "[]\n"
    assert run("feeds", "--library", str(path))[1] == "no feeds: add one with tread add URL\n"
    assert run("refresh", "--library", str(path))[:2] == (
        0,
        "no feeds: add one with tread add URL\n",
    )
    for command in (("mark", "read", "1"), ("remove", "1"), ("feeds", "remove", "1")):
        code, _, err = run(*command, "--library", str(path))
        assert code == 1 and err == f"tread: no library at {path}\n", (command, err)
    assert not (tmp_path / "not").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("mark", "read", "99999999999999999999"),
        ("remove", "99999999999999999999"),
        ("mark", "read", "-5"),
        ("mark", "star", "1.5"),
        ("remove", "0x10"),
        ("list", "-n", "1e30"),
        ("list", "-n", "-1"),
        ("list", "-n", "nan"),
        ("list", "-n", "0"),
    ],
)
def test_ids_and_limits_out_of_range_are_usage_errors(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library)
    code, out, err = run(*args, "--library", str(library))
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("tread: ")


def test_a_huge_list_limit_lists_everything(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    make_library(library)
    code, out, _ = run(
        "list", "-n", "99999999999999999999", "--library", str(library), "-f", "json"
    )
    assert code == 0 and out.count('"id"') == 3


def test_adding_a_folder_with_nothing_readable_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    (folder / "sub").mkdir(parents=True)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = run("add", "--library", str(tmp_path / "lib.sqlite3"), str(folder))
    assert code == 1 and out == ""
    assert err.startswith(f"tread: {folder}: a folder with nothing readable in it (no ")
    assert err.count("\n") == 1


def test_a_read_only_library_still_gives_analyses(read_only_library: Path) -> None:
    with Library(read_only_library) as lib:
        assert lib.read_only
        lib.cache("key", {"summary": [1, 2]})  # nothing kept, nothing raised
        assert lib.cached("key") is None
        assert lib.count() == 3


async def test_the_reader_on_a_read_only_library_reports_failed_writes(
    read_only_library: Path,
) -> None:
    """Opening (mark read), `m` and `*` fail to write: each says so, and the reader
    goes on showing the articles."""
    from tests.ui.conftest import settle
    from tread.ui.app import Tread
    from tread.ui.library_source import LibrarySource
    from tread.ui.widgets.article_view import ArticleView

    source = LibrarySource(read_only_library)
    paths = [info.path for info in source.listing()[0]]
    app = Tread(paths, library=source)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("asterisk", "m")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) >= 2 and all("read-only" in m for m in errors)
        assert app.query_one(ArticleView).line_count > 5
