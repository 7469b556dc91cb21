"""feedparser's own test corpus through tread's feed reader and source registry.

    python benchmarks/feed_corpus.py CORPUS_DIR [CORPUS_DIR...] [--seconds 10]

A corpus is a checkout's or an sdist's ``tests/`` folder (``pip download --no-binary
:all: feedparser==6.0.14``); tests/data/feedparser is the vendored sample. Every file
is read twice, as ``tread add FILE`` would (``pick`` then the chosen reader) and as a
feed (``parse_feed``), each under an alarm of ``--seconds``: a run that outlasts it is
a hang. Prints, per corpus: files, loaded, refused in one line, tracebacks, hangs, the
slowest file, and the commonest refusals.
"""

from __future__ import annotations

import argparse
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from tread.core.errors import TreadError
from tread.core.sources.feed import parse_feed
from tread.core.sources.known import Known
from tread.core.sources.registry import pick, read_article

SKIP = frozenset({".py", ".pyc", ".md", ".txt", ".cfg", ".toml", ".ini"})


class Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def outcome(run: Callable[[], object], seconds: int) -> str:
    signal.alarm(seconds)
    try:
        run()
        return "loaded"
    except Hang:
        return "HANG"
    except TreadError as exc:
        return f"refused: {str(exc)[:60]}"
    except Exception as exc:  # counting what escapes is the point
        return f"TRACEBACK {type(exc).__name__}: {str(exc)[:60]}"
    finally:
        signal.alarm(0)


def as_feed(data: bytes, path: Path) -> object:
    return parse_feed(data)


def through_registry(data: bytes, path: Path) -> object:
    known = Known.for_path(str(path))
    reader = pick(data, known)
    if reader.feed is not None:
        return reader.feed(data, known)
    return read_article(data, known, reader)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("corpora", nargs="+", type=Path)
    p.add_argument("--seconds", type=int, default=10)
    args = p.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    print("| corpus | pass | files | loaded | refused | tracebacks | hangs | slowest |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    refusals: Counter[str] = Counter()
    for corpus in args.corpora:
        files = [
            f
            for f in sorted(corpus.rglob("*"))
            if f.is_file() and f.suffix not in SKIP and f.name not in ("LICENSE", "MANIFEST.tsv")
        ]
        passes: list[tuple[str, Callable[[bytes, Path], object]]] = [
            ("tread add FILE", through_registry),
            ("parse_feed", as_feed),
        ]
        for name, how in passes:
            counts: Counter[str] = Counter()
            slowest = (0.0, "")
            for path in files:
                data = path.read_bytes()
                start = time.perf_counter()
                result = outcome(lambda: how(data, path), args.seconds)  # noqa: B023
                took = time.perf_counter() - start
                slowest = max(slowest, (took, str(path.relative_to(corpus))))
                kind = result.split(":")[0].split(" ")[0]
                counts[kind] += 1
                if kind == "refused" and name == "parse_feed":
                    refusals[result] += 1
                if kind in ("TRACEBACK", "HANG"):
                    print(f"  {path}: {result}")
            print(
                f"| {corpus} | {name} | {len(files)} | {counts['loaded']} | {counts['refused']} "
                f"| {counts['TRACEBACK']} | {counts['HANG']} | {slowest[0] * 1000:.0f} ms "
                f"({slowest[1]}) |"
            )
    print("\ncommonest refusals (parse_feed, all corpora):")
    for message, n in refusals.most_common(8):
        print(f"  {n:5d}  {message}")


if __name__ == "__main__":
    main()
