"""Stock sumy against tread's fast summarisers, side by side in one process.

    python benchmarks/summarizers.py [--sizes 300,1000,3000] [--repeat 3]
                                     [--out benchmarks/results/summarizers.md]

Times the summary step only (sumy's document model is built once per size and shared),
5 sentences, stock and fast interleaved, medians. A stock run that would take longer
than --budget seconds (KL is cubic) is not run, and says so.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from _common import parser

ALGORITHMS = [
    "luhn",
    "edmundson",
    "lsa",
    "lex-rank",
    "text-rank",
    "sum-basic",
    "kl",
    "reduction",
    "random",
]
# rough stock cost per sentence^k, from FACTS.md, to skip runs over the budget
GROWTH = {"kl": (9.0 / 300**3, 3)}


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--sizes", default="300,1000,3000")
    p.add_argument("--budget", type=float, default=400.0)
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--algorithms", default=",".join(ALGORITHMS))
    args = p.parse_args()

    from tread.core.summarizers.registry import get_algorithm
    from tread.core.summarizers.sumy_adapter import build_document
    from tread.core.summarizers.sumy_adapter import make_summarizer as make
    from tread.core.text.segment import segment

    book = (args.shared / "sample_articles" / "long" / "moby-dick.txt").read_text("utf-8")
    whole = segment(book)
    lines = [
        "| algorithm | sentences | stock sumy (s) | tread (s) | speed-up | same picks |",
        "|---|---:|---:|---:|---:|:---:|",
    ]
    for n in (int(x) for x in args.sizes.split(",")):
        seg = segment(book[: whole.sentences[n - 1].end])
        document, ordered = build_document(seg)
        for s in ordered:  # tokenise once, outside the timings, for both sides
            _ = s.words
        for name in args.algorithms.split(","):
            algo = get_algorithm(name)
            est = GROWTH.get(name)
            run_stock = est is None or est[0] * n ** est[1] <= args.budget
            stock_t: list[float] = []
            fast_t: list[float] = []
            picks: dict[str, list[object]] = {}
            slow = n >= 3000 or (est is not None and est[0] * n ** est[1] > 60)
            for _ in range(1 if slow else args.repeat):
                for label, fast in (("fast", True), ("stock", False)):
                    if label == "stock" and not run_stock:
                        continue
                    summarizer = make(algo, seg, ordered, fast=fast)
                    t = time.perf_counter()
                    chosen = summarizer(document, 5)
                    (fast_t if fast else stock_t).append(time.perf_counter() - t)
                    picks[label] = [id(c) for c in chosen]
            f = statistics.median(fast_t)
            if stock_t:
                s = statistics.median(stock_t)
                same = "yes" if picks["fast"] == picks["stock"] else "NO"
                if name == "random":
                    same = "n/a"
                lines.append(f"| {name} | {n:,} | {s:.3f} | {f:.3f} | {s / f:.0f}x | {same} |")
            else:
                lines.append(
                    f"| {name} | {n:,} | not run (est. > {args.budget:.0f} s) | {f:.3f} | | |"
                )
            print(lines[-1], flush=True)
    table = "\n".join(lines)
    if args.out:
        args.out.write_text(
            "Summary step, 5 sentences, Moby-Dick cut to N sentences; medians of "
            f"{args.repeat} interleaved runs (one run at 3,000 sentences and for stock KL at "
            f"1,000), one BLAS thread.\n\n{table}\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
