"""`tread summarize` on a short article, end to end, against the floor: importing sumy's
summariser module in a fresh Python. Interleaved runs, medians.

    python benchmarks/startup.py [--repeat 15]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import parser

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "sample_articles" / "la-ice-operation.txt"


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    p = parser(__doc__ or "")
    p.set_defaults(repeat=15)
    args = p.parse_args()
    tread = [sys.executable, "-m", "tread", "summarize", str(ARTICLE)]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import sumy.summarizers.lex_rank": [
            sys.executable,
            "-c",
            "import sumy.summarizers.lex_rank",
        ],
        "tread summarize (default: tread, 5 sentences)": tread,
        "tread summarize -a luhn": [*tread, "-a", "luhn"],
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.repeat):
        for name, cmd in cases.items():
            times[name].append(timed(cmd))
    floor = statistics.median(times["import sumy.summarizers.lex_rank"])
    print(f"article: {ARTICLE.name}; median of {args.repeat} interleaved runs\n")
    print("| command | median (s) | vs importing sumy's summariser |")
    print("|---|---:|---:|")
    for name, values in times.items():
        m = statistics.median(values)
        print(f"| {name} | {m:.3f} | {m / floor:.2f}x |")


if __name__ == "__main__":
    main()
