"""`tread entities` on one long paragraph: this tree against a baseline checkout.

    git archive 74125d3 src | tar -x -C /tmp/spd_base
    python benchmarks/ner_linear.py --baseline /tmp/spd_base/src [--baseline-max 20000] \
        [--baseline-timeout 300] [--repeat 3] [--sizes 2500,5000,10000,20000] \
        [--out benchmarks/results/ner_linear.md]

Each size is a generated text of that many sentences in ONE paragraph, each sentence
naming a city and an agency (``_texts.one_paragraph``), written to a temporary file.
Each run is a fresh ``python -m tread entities --format json FILE`` (start-up and model
load included), this tree and the baseline one after the other for each size
(``PYTHONPATH`` picks the tree). This tree runs ``--repeat`` times per size (the
table gives the median); the baseline, slower, once, only up to ``--baseline-max``
sentences and stopped after ``--baseline-timeout`` seconds.
"""

from __future__ import annotations

import argparse
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

from _texts import one_paragraph  # noqa: E402


def run(src: Path, path: Path, timeout: float | None = None) -> tuple[float, int] | None:
    """Wall time of one ``tread entities`` run and the number of entities it found
    (None when it ran past ``timeout``)."""
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "tread", "entities", "--format", "json", str(path)]
    t = time.perf_counter()
    try:
        out = subprocess.run(
            cmd, env=env, capture_output=True, text=True, check=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - t
    data = json.loads(out.stdout)
    if isinstance(data, list):
        data = data[0]
    return wall, len(data["entities"])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sizes", default="2500,5000,10000,20000")
    p.add_argument("--baseline", type=Path, help="the baseline's src/ folder")
    p.add_argument("--baseline-label", default="74125d3")
    p.add_argument("--baseline-max", type=int, default=20_000)
    p.add_argument("--baseline-timeout", type=float, default=300.0)
    p.add_argument("--repeat", type=int, default=3, help="runs of this tree per size")
    p.add_argument("--out", type=Path, default=HERE / "results" / "ner_linear.md")
    args = p.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    here_src = HERE.parent / "src"
    rows: list[tuple[int, int, float, int, float | None, int | None]] = []
    runs: dict[int, list[float]] = {}
    timed_out: set[int] = set()
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text = one_paragraph(n)
            path = Path(tmp) / f"para_{n}.txt"
            path.write_text(text, encoding="utf-8")
            base: float | None = None
            base_ents: int | None = None
            if args.baseline is not None and n <= args.baseline_max:
                got = run(args.baseline, path, args.baseline_timeout)
                if got is None:
                    timed_out.add(n)
                else:
                    base, base_ents = got
            mine = [run(here_src, path) for _ in range(args.repeat)]
            runs[n] = [m[0] for m in mine if m is not None]
            now, now_ents = statistics.median(runs[n]), mine[0][1] if mine[0] else 0
            load.append(os.getloadavg()[0])
            rows.append((n, len(text.split()), now, now_ents, base, base_ents))
            print(rows[-1], flush=True)

    def ratio(i: int, col: int) -> str:
        if i == 0:
            return ""
        a, b = rows[i - 1][col], rows[i][col]
        return f"{b / a:.2f}x" if isinstance(a, float) and isinstance(b, float) else ""

    lines = [
        "# `tread entities` on one long paragraph",
        "",
        f"Made on {datetime.date.today().isoformat()} by "
        f"`python benchmarks/ner_linear.py --baseline /tmp/spd_base/src "
        f"--baseline-max {args.baseline_max} --baseline-timeout {args.baseline_timeout:.0f} "
        f"--repeat {args.repeat} --sizes {args.sizes}` "
        f"(baseline: `git archive {args.baseline_label} src | tar -x -C /tmp/spd_base`). "
        "Each run is a fresh `python -m tread entities --format json FILE` (start-up and "
        f"model load included), wall time; this tree: median of {args.repeat} runs; the "
        "baseline: one run. The text is generated "
        "(`_texts.one_paragraph`): one paragraph, every sentence naming a city and an "
        "agency defined by an acronym. "
        f"Machine: {os.cpu_count()} cores, shared with other work (1-minute load average "
        f"{min(load):.1f}–{max(load):.1f} during the run), so single runs are noisy.",
        "",
        "This tree's runs (s): "
        + "; ".join(f"{n:,}: " + ", ".join(f"{t:.1f}" for t in ts) for n, ts in runs.items()),
        "",
        f"| sentences | words | this tree (s) | ×prev | entities | {args.baseline_label} (s) "
        "| ×prev | entities | speed-up |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, (n, words, now, ne, base, be) in enumerate(rows):
        if base is not None:
            b = f"{base:.1f}"
        elif n in timed_out:
            b = f"> {args.baseline_timeout:.0f} (stopped)"
        else:
            b = f"not run (> {args.baseline_max:,})"
        up = f"{base / now:.1f}x" if base is not None else ""
        lines.append(
            f"| {n:,} | {words:,} | {now:.1f} | {ratio(i, 2)} | {ne:,} | {b} | "
            f"{ratio(i, 4)} | {'' if be is None else f'{be:,}'} | {up} |"
        )
    report = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
