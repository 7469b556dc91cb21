"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the shared/ folder with sample_articles/long and eval/",
    )
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    return p


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def first_sentences(text: str, n: int) -> str:
    """The first ``n`` sentences of ``text`` (tread's segmentation), as text."""
    from tread.core.text.segment import segment

    seg = segment(text, detect_title=False)
    end = seg.sentences[min(n, len(seg.sentences)) - 1].end
    return text[:end]


def cnn_dev_texts(shared: Path, limit: int) -> list[str]:
    """The texts of the first ``limit`` CNN stories of ``shared/eval/dev.jsonl``."""
    import json

    lines = (shared / "eval" / "dev.jsonl").read_text("utf-8").splitlines()[:limit]
    return [json.loads(line)["text"] for line in lines]
