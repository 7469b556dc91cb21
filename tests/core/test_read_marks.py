"""Read marks of files live in the library (no file of the reader's own)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tread.core.store.library import Library
from tread.core.store.read_marks import mark_file, read_files, take_in_legacy


def test_a_file_mark_is_kept_by_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite3") as lib:
        mark_file(lib, "a.txt", True)
        assert read_files(lib, ["a.txt", "b.txt"]) == {"a.txt"}
        assert read_files(lib, [str(tmp_path / "a.txt")]) == {str(tmp_path / "a.txt")}
    with Library(tmp_path / "lib.sqlite3") as lib:  # kept across sessions
        mark_file(lib, os.path.abspath("a.txt"), False)
        assert read_files(lib, ["a.txt"]) == set()


def test_piped_text_is_never_marked(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        mark_file(lib, "-", True)
        assert read_files(lib, ["-"]) == set()
        assert lib.file_marks_read() == set()


def test_the_old_read_json_is_taken_in_once(tmp_path: Path) -> None:
    legacy = tmp_path / "read.json"
    legacy.write_text(json.dumps(["/x/one.txt", "/x/two.txt", 3]), encoding="utf-8")
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert take_in_legacy(lib, tmp_path) == 2
        assert not legacy.exists()
        assert read_files(lib, ["/x/one.txt", "/x/three.txt"]) == {"/x/one.txt"}
        assert take_in_legacy(lib, tmp_path) == 0
