"""Articles per second of `tread summarize` and `tread entities` over a JSON Lines
corpus, at one and two jobs.

    python benchmarks/batch_rate.py [--shared ../shared] [--per-file 100] [--repeat 1]
                                    [--jobs 1,2] [--out benchmarks/results/batch_rate.md]

The corpus is the first ``--per-file`` records of each eval set in ``shared/eval``
(dev, train_cnn, dev_dailymail, bbc_algorithmic), concatenated into one temporary
.jsonl. Each run is a fresh ``python -m tread CMD --input-format jsonl --jobs J FILE``
with its output captured: the wall time includes start-up, model load and the pool's
start. The outputs at every ``--jobs`` are checked to be identical.
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import parser  # noqa: E402

SETS = ("dev", "train_cnn", "dev_dailymail", "bbc_algorithmic")
COMMANDS = ("summarize", "entities")


def main() -> None:
    p = parser(__doc__ or "")
    p.set_defaults(repeat=1)
    p.add_argument("--per-file", type=int, default=100)
    p.add_argument("--jobs", default="1,2")
    p.add_argument("--out", type=Path, default=HERE / "results" / "batch_rate.md")
    args = p.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    lines_in: list[str] = []
    per_set: dict[str, int] = {}
    words = 0
    for name in SETS:
        with (args.shared / "eval" / f"{name}.jsonl").open(encoding="utf-8") as f:
            taken = [line for _, line in zip(range(args.per_file), f, strict=False)]
        per_set[name] = len(taken)
        for line in taken:
            rec = json.loads(line)
            words += len(rec["text"].split())
            lines_in.append(json.dumps({"id": rec["id"], "text": rec["text"]}))
    n = len(lines_in)
    env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
    wall: dict[tuple[str, int], list[float]] = {}
    outputs: dict[tuple[str, int], str] = {}
    errors: dict[str, int] = {}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(lines_in) + "\n", encoding="utf-8")
        for _ in range(args.repeat):
            for cmd in COMMANDS:
                for j in jobs:
                    argv = [sys.executable, "-m", "tread", cmd, "--input-format", "jsonl"]
                    argv += ["--jobs", str(j), str(corpus)]
                    t = time.perf_counter()
                    out = subprocess.run(argv, env=env, capture_output=True, text=True)
                    wall.setdefault((cmd, j), []).append(time.perf_counter() - t)
                    outputs[(cmd, j)] = out.stdout
                    got = [json.loads(x) for x in out.stdout.splitlines()]
                    assert len(got) == n, (cmd, j, len(got), out.stderr[-500:])
                    errors[cmd] = sum(1 for r in got if "error" in r)
                    load.append(os.getloadavg()[0])
                    print(cmd, j, f"{wall[(cmd, j)][-1]:.1f} s", flush=True)
    for cmd in COMMANDS:
        assert len({outputs[(cmd, j)] for j in jobs}) == 1, f"{cmd}: outputs differ by --jobs"
    sets = ", ".join(f"{k} {v}" for k, v in per_set.items())
    report = [
        "# Batch rates: articles per second over JSON Lines",
        "",
        f"Made on {datetime.date.today().isoformat()} by `python benchmarks/batch_rate.py "
        f"--shared {args.shared} --per-file {args.per_file} --repeat {args.repeat} "
        f"--jobs {args.jobs}`: {n} "
        f"records ({sets}; {words:,} words) from `shared/eval/*.jsonl`. Each run is a "
        "fresh `python -m tread CMD --input-format jsonl --jobs J corpus.jsonl` (default "
        "options: the `tread` summariser, 5 sentences; entities with corrections); wall "
        "time includes start-up, model load and the pool's start. The output is the same "
        "at every --jobs (checked). "
        f"Machine: {os.cpu_count()} cores, shared with other work (1-minute load average "
        f"{min(load):.1f}–{max(load):.1f} during the run), so the figures are noisy and "
        "the two-job ones the first to suffer.",
        "",
        "| command | --jobs | wall (s), median | runs (s) | articles/s | vs --jobs 1 | "
        "records with an error |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for cmd in COMMANDS:
        one = statistics.median(wall[(cmd, jobs[0])])
        for j in jobs:
            med = statistics.median(wall[(cmd, j)])
            runs = ", ".join(f"{t:.1f}" for t in wall[(cmd, j)])
            report.append(
                f"| `tread {cmd}` | {j} | {med:.1f} | {runs} | {n / med:.1f} | "
                f"{one / med:.2f}x | {errors[cmd]} |"
            )
    text = "\n".join(report) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
