"""How soon a summary of a book stops once asked: the time from setting the cancel flag
to Cancelled raised, for each algorithm that takes the book, by stage.

    python benchmarks/cancel_latency.py [--points 10] [--seed 17] \
        [--algorithms auto,luhn,lsa,sum-basic,kl,edmundson,tread] \
        [--out benchmarks/results/cancel_latency.md]

Each run is ``stages.summarize_article`` (language "auto", as the reader asks) on the
whole of Moby-Dick in a thread, as the reader runs it. One run per algorithm without
a flag gives its length and where summarising starts; then, at ``--points`` moments
drawn (seeded) in each stage, a fresh run is started, the main thread sets the flag
at that moment (the stage reported last says where the work was) and waits for the
thread: the latency is
from setting the flag to Cancelled raised in the thread. A further run records when
the flag is asked: the longest interval between two questions (or from the start, or
to the end) bounds the latency whatever the moment.
"""

from __future__ import annotations

import datetime
import gc
import itertools
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import parser  # noqa: E402

from tread.core.article import Article  # noqa: E402
from tread.core.errors import Cancelled  # noqa: E402
from tread.core.stages import SEGMENT, SUMMARISE, summarize_article  # noqa: E402

ALGORITHMS = "auto,luhn,lsa,sum-basic,kl,edmundson,tread"


def full_run(
    article: Article, algorithm: str
) -> tuple[float, dict[str, float], dict[str, float], float]:
    """(length of a run, the stage -> its start, the longest time the flag went
    unasked, the longest full garbage collection) for one run that nobody cancels."""
    starts: dict[str, float] = {}
    asked: list[float] = []
    stage_of_gap: dict[str, float] = {}
    collections: list[float] = []
    began: list[float] = []

    def collected(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                began.append(time.perf_counter())
            else:
                collections.append(time.perf_counter() - began[-1])

    def progress(stage: str, fraction: float) -> None:
        starts.setdefault(stage, time.perf_counter())

    def flag() -> bool:
        asked.append(time.perf_counter())
        return False

    gc.callbacks.append(collected)
    t0 = time.perf_counter()
    summarize_article(article, "auto", algorithm, progress=progress, cancelled=flag)
    t1 = time.perf_counter()
    gc.callbacks.remove(collected)
    stamps = [t0, *asked, t1]
    summarising = starts.get(SUMMARISE, t1)
    for a, b in itertools.pairwise(stamps):
        stage = SEGMENT if b <= summarising else SUMMARISE
        stage_of_gap[stage] = max(stage_of_gap.get(stage, 0.0), b - a)
    longest_gc = max(collections, default=0.0)
    return t1 - t0, {k: v - t0 for k, v in starts.items()}, stage_of_gap, longest_gc


def cancelled_run(article: Article, algorithm: str, after: float) -> tuple[str, float] | None:
    """(the stage, seconds from the flag to Cancelled) for a run cancelled ``after``
    seconds in; None when it finished first."""
    stop = threading.Event()
    raised: list[float] = []
    stage = [SEGMENT]

    def progress(name: str, fraction: float) -> None:
        stage[0] = name

    def work() -> None:
        try:
            summarize_article(article, "auto", algorithm, progress=progress, cancelled=stop.is_set)
        except Cancelled:
            raised.append(time.perf_counter())

    thread = threading.Thread(target=work, daemon=True)
    start = time.perf_counter()
    thread.start()
    time.sleep(max(0.0, start + after - time.perf_counter()))
    where = stage[0]
    flagged = time.perf_counter()
    stop.set()
    thread.join()
    if not raised:
        return None
    return where, raised[0] - flagged


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--points", type=int, default=10, help="cancel moments per algorithm")
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--algorithms", default=ALGORITHMS)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args()
    book = args.shared / "sample_articles" / "long" / "moby-dick.txt"
    article = Article(book.read_text(encoding="utf-8"), str(book))
    rng = random.Random(args.seed)
    load = os.getloadavg()
    summarize_article(article, "auto", "lead")  # imports, the detector and the tokenizer
    rows = []
    for algorithm in args.algorithms.split(","):
        full_run(article, algorithm)  # its own imports
        length, starts, gaps, longest_gc = full_run(article, algorithm)
        split = starts.get(SUMMARISE, length)
        latencies: dict[str, list[float]] = {SEGMENT: [], SUMMARISE: []}
        finished = {SEGMENT: 0, SUMMARISE: 0}
        for drawn, low, high in ((SEGMENT, 0.0, split), (SUMMARISE, split, length)):
            for _ in range(args.points):  # --points drawn in each stage
                got = cancelled_run(article, algorithm, rng.uniform(low, high))
                if got is None:
                    finished[drawn] += 1
                else:
                    latencies[got[0]].append(got[1])
        for stage in (SEGMENT, SUMMARISE):
            times = latencies[stage]
            rows.append(
                (
                    algorithm,
                    stage,
                    length,
                    split,
                    len(times),
                    statistics.median(times) * 1000 if times else float("nan"),
                    max(times) * 1000 if times else float("nan"),
                    gaps.get(stage, float("nan")) * 1000,
                    finished[stage],
                    longest_gc * 1000,
                )
            )
        print(rows[-2], rows[-1], sep="\n", flush=True)
    lines = [
        "# Cancelling a book's summary: flag to Cancelled",
        "",
        f"{datetime.date.today()}, `python benchmarks/cancel_latency.py --points {args.points} "
        f"--seed {args.seed}` on Moby-Dick (9,789 sentences), load average before "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (2 cores, shared).",
        "",
        "`stages.summarize_article` (language auto) in a thread; the flag is set at a "
        f"seeded random moment of the run ({args.points} in each stage) and the latency "
        "is from setting it to Cancelled raised in the thread. *Longest unasked* is, "
        "from one more run, the longest time the flag went unasked in that stage "
        "(from the start, between two questions, or to the end): the latency's bound "
        "at any moment. *Finished first*: runs of that stage's draws that ended before "
        "the flag was set (a run's length varies); a flag drawn near a stage's end can "
        "land in the next one. *Longest full GC*: CPython's longest collection of the "
        "oldest generation in that run (either stage), which no check can interrupt: "
        "part of the longest unasked interval when it falls in one.",
        "",
        "| algorithm | stage | run (s) | summarising from (s) | flags | median (ms) "
        "| max (ms) | longest unasked (ms) | finished first | longest full GC (ms) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for algorithm, stage, length, split, n, med, worst, gap, done, collection in rows:
        lines.append(
            f"| {algorithm} | {stage} | {length:.2f} | {split:.2f} | {n} | {med:.1f} "
            f"| {worst:.1f} | {gap:.0f} | {done} | {collection:.0f} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
