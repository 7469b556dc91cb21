"""Where articles are found on disk: the bundled samples, files and folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Final

from tread.core.sources import SOURCES

#: a folder deeper or bigger than this is cut short rather than walked for minutes
MAX_FILES: Final = 10_000


def readable_suffixes() -> frozenset[str]:
    """The suffixes of the files a folder is searched for: those SOURCES can read."""
    return frozenset(SOURCES)


def sample_articles_dir() -> Path:
    """The bundled sample articles: inside the installed package, or the source tree."""
    packaged = Path(str(resources.files("tread"))) / "sample_articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "sample_articles"


SEED_ARTICLE: Final = "la-ice-operation.txt"


def sample_articles() -> list[str]:
    """The bundled articles, the seed story first (SOURCES.md is not an article)."""
    files = sorted(
        sample_articles_dir().glob("*.txt"), key=lambda p: (p.name != SEED_ARTICLE, p.name)
    )
    return [str(p) for p in files]


def collect_paths(paths: Iterable[str]) -> list[str]:
    """Files named, plus readable files found (recursively, sorted) in folders named.

    '-' (standard input) and names that do not exist are kept, so the reader can say
    what is wrong with them in place.
    """
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            out.extend(_walk(p))
        else:
            out.append(raw)
    return out


def _walk(folder: Path) -> list[str]:
    """Readable files below ``folder``, sorted; symlinked folders are not followed (no
    loops), and the walk stops at MAX_FILES."""
    found: list[str] = []
    suffixes = readable_suffixes()
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in suffixes:
                path = os.path.join(root, name)
                if os.path.isfile(path):
                    found.append(path)
                    if len(found) >= MAX_FILES:
                        return sorted(found)
    return sorted(found)
