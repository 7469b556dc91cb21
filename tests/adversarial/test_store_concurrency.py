"""The library against kills and racing processes (issue 11, items 8 and 9): a
migration is all or nothing, two new libraries opened at once are migrated once, and
racing writers agree on what is new instead of failing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_FILES
from tests.web import Route, serve
from tread.core.article import Article
from tread.core.store.library import SCHEMA_VERSION, Library

# Runs Library(path) in a process that SIGKILLs itself when SQLite starts its Nth
# statement (0: never; it prints how many it ran), so every point of library creation
# is hit deterministically, whatever the code does between statements.
KILLER = """
import os, signal, sqlite3, sys
from pathlib import Path

real_connect = sqlite3.connect
seen = [0]
kill_at = int(sys.argv[2])

def connect(*args, **kwargs):
    db = real_connect(*args, **kwargs)

    def trace(statement):
        seen[0] += 1
        if seen[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    db.set_trace_callback(trace)
    return db

sqlite3.connect = connect
from tread.core.store.library import Library

Library(Path(sys.argv[1])).close()
print(seen[0])
"""

# Imports tread, says "ready", then runs the command line when told to go: the
# processes of a round start their commands together.
STARTER = """
import sys
from tread.cli import cli

print("ready", flush=True)
sys.stdin.readline()
cli.main(sys.argv[1:], prog_name="tread")
"""


def together(commands: Sequence[Sequence[str]]) -> list[tuple[int, str, str]]:
    """Run tread command lines in separate processes, all starting at the same moment."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append((proc.returncode, out, err))
    return results


def check_usable(path: Path) -> None:
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = lib.count()
        lib.add(Article(text="A new article after the kill. It has two sentences.", source="test"))
        assert lib.count() == before + 1
        assert [e.title for e in lib.entries(search="kill")]


@pytest.mark.slow
def test_a_kill_at_any_point_of_library_creation_leaves_a_library_that_opens(
    tmp_path: Path,
) -> None:
    counted = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path / "whole.sqlite3"), "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    statements = int(counted.stdout)
    assert statements > 10
    for kill_at in range(1, statements + 1):
        path = tmp_path / f"killed-{kill_at}.sqlite3"
        proc = subprocess.run(
            [sys.executable, "-c", KILLER, str(path), str(kill_at)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == -9, (kill_at, proc.stderr)
        check_usable(path)


def test_a_kill_while_upgrading_an_old_library_loses_nothing(tmp_path: Path) -> None:
    import sqlite3

    from tread.core.store.library import migrate

    for kill_at in range(1, 12):
        path = tmp_path / f"old-{kill_at}.sqlite3"
        db = sqlite3.connect(path, isolation_level=None)
        migrate(db, target=1)
        db.execute(
            "INSERT INTO articles(hash, source, title, added, words, text)"
            " VALUES ('h', 's', 'Old article', 0, 2, 'Old text.')"
        )
        db.close()
        subprocess.run(
            [sys.executable, "-c", KILLER, str(path), str(kill_at)], capture_output=True, timeout=60
        )
        check_usable(path)
        with Library(path) as lib:
            assert "Old article" in {e.title for e in lib.entries()}


def test_first_time_adds_at_once_never_fail_and_lose_nothing(tmp_path: Path) -> None:
    files = [str(p) for p in SAMPLE_FILES[:3]]
    for round_ in range(5):
        library = str(tmp_path / f"round-{round_}" / "lib.sqlite3")
        results = together([["add", "--library", library, f] for f in files])
        for code, out, err in results:
            assert code == 0 and ": added #" in out and err == "", (out, err)
        with Library(Path(library)) as lib:
            assert lib.count() == len(files)


def test_twelve_adds_of_one_file_at_once_all_succeed(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite3")
    Library(Path(library)).close()  # the race here is on the article, not the schema
    results = together([["add", "--library", library, str(SAMPLE_FILES[0])]] * 12)
    assert all(code == 0 and err == "" for code, _, err in results), results
    outs = [out for _, out, _ in results]
    assert sum(": added #1:" in o for o in outs) == 1
    assert sum(": already in the library as #1:" in o for o in outs) == 11


@pytest.mark.slow
def test_twelve_refreshes_at_once_store_the_whole_feed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    route = Route(headers={"Content-Type": "application/rss+xml"})
    with serve({"/feed.xml": route}) as base:
        route.body = (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Busy</title>"
            + "".join(
                f"<item><title>Story {i}</title><link>{base}/s{i}</link>"
                f"<description>{f'Full text of story {i}. ' * 40}"
                "</description></item>"
                for i in range(40)
            )
            + "</channel></rss>"
        ).encode()
        with Library(path) as lib:
            lib.add_feed(f"{base}/feed.xml", "Busy")
        results = together([["refresh", "--library", str(path)]] * 12)
    news = []
    for code, out, err in results:
        assert code == 0 and err == "", (out, err)
        counts = out.rsplit(": ", 1)[1].split(", ")
        new, known = (int(c.split()[0]) for c in counts[:2])
        assert new + known == 40
        news.append(new)
    assert sum(news) == 40
    with Library(path) as lib:
        assert lib.count() == 40


def test_a_busy_answer_given_without_waiting_is_waited_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where waiting could deadlock (two first opens of a new library both turning on
    WAL), SQLite answers "busy" at once instead of calling its busy handler; the open
    tries again rather than failing (a CI run under load hit it once)."""
    import sqlite3

    real = Library._session
    told: list[str] = []

    class AtOnceBusy:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def __getattr__(self, name: str) -> object:
            return getattr(self._db, name)

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql.startswith("PRAGMA journal_mode") and len(told) < 2:
                told.append(sql)
                busy = sqlite3.OperationalError("database is locked")
                busy.sqlite_errorcode = 5  # type: ignore[attr-defined]
                raise busy
            return self._db.execute(sql, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "_session", staticmethod(lambda uri: AtOnceBusy(real(uri))))
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert lib.count() == 0
    assert len(told) == 2
