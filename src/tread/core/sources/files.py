"""Where articles are found on disk: the bundled samples, files and folders.

A folder is searched for the suffixes the source registry reads, except a folder's own
notes: files whose name before its first dot is one of NOTES (README, LICENSE,
SOURCES, CHANGELOG, ...), in any case: "README.md", "license.txt", "Sources.en.md" are
skipped, "sources-of-energy.txt" is not. A note named on its own is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Final

#: a folder deeper or bigger than this is cut short rather than walked for minutes
MAX_FILES: Final = 10_000
#: names of the files that describe a folder rather than being articles in it
NOTES: Final = frozenset(
    {
        "authors", "changelog", "changes", "code_of_conduct", "contributing", "contributors",
        "copying", "copyright", "licence", "license", "notice", "provenance", "readme",
        "security", "sources",
    }
)  # fmt: skip


def readable_suffixes() -> frozenset[str]:
    """The suffixes of the files a folder is searched for: those a reader reads."""
    from tread.core.sources.registry import readable_suffixes as suffixes

    return suffixes()


def is_note(name: str) -> bool:
    """Whether a file name is a folder's note (README.md, LICENSE-MIT.txt...)."""
    return name.split(".", 1)[0].casefold() in NOTES


def sample_articles_dir() -> Path:
    """The bundled sample articles: inside the installed package, or the source tree."""
    packaged = Path(str(resources.files("tread"))) / "sample_articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "sample_articles"


SEED_ARTICLE: Final = "la-ice-operation.txt"


def sample_articles() -> list[str]:
    """The bundled articles, the seed story first (SOURCES.md is a note, not one)."""
    files = sorted(_walk(sample_articles_dir()), key=lambda p: (Path(p).name != SEED_ARTICLE, p))
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
    """Readable files below ``folder``, sorted, notes left out; symlinked folders are
    not followed (no loops), and the walk stops at MAX_FILES."""
    found: list[str] = []
    suffixes = readable_suffixes()
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in suffixes and not is_note(name):
                path = os.path.join(root, name)
                if os.path.isfile(path):
                    found.append(path)
                    if len(found) >= MAX_FILES:
                        return sorted(found)
    return sorted(found)
