"""Which files have been read, remembered in the data directory (library articles keep
their read marks in the library itself)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tread.core.locations import data_dir


class ReadMarks:
    def __init__(self, path: Path | None = None) -> None:
        self._file = path or data_dir() / "read.json"
        try:
            self._read: set[str] = set(json.loads(self._file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            self._read = set()

    @staticmethod
    def _key(path: str) -> str:
        return path if path == "-" else os.path.abspath(path)

    def is_read(self, path: str) -> bool:
        return self._key(path) in self._read

    def set(self, path: str, read: bool) -> None:
        if path == "-":
            return  # piped text has no identity to remember
        key = self._key(path)
        if (key in self._read) == read:
            return
        (self._read.add if read else self._read.discard)(key)
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._file.with_suffix(".tmp")
            tmp.write_text(json.dumps(sorted(self._read)), encoding="utf-8")
            os.replace(tmp, self._file)
        except OSError:
            pass  # read marks are a convenience: never stop reading over them
