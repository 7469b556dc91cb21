"""A library of N articles built from the eval sets: build time, `tread list` time, size.

python benchmarks/library_size.py [--articles 10000]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import parser


def timed(cmd: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--articles", type=int, default=10_000)
    args = p.parse_args()
    rows = []
    for name in ("dev.jsonl", "bbc_algorithmic.jsonl"):
        rows += [json.loads(x) for x in (args.shared / "eval" / name).read_text().splitlines()]

    from tread.core.article import Article
    from tread.core.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.sqlite3"
        t = time.perf_counter()
        with Library(db) as lib:
            for i in range(args.articles):
                row = rows[i % len(rows)]
                title = row.get("title") or row["text"][:60]
                text = f"{title}\n\n{row['text']}\n\n(Copy {i // len(rows)}.)"
                lib.add(Article(text=text, source="eval", title=title, headings=((0, len(title)),)))
        build = time.perf_counter() - t
        size = sum(f.stat().st_size for f in Path(tmp).glob("library.sqlite3*"))
        env = {"TREAD_LIBRARY": str(db), "PATH": "", "TREAD_DATA_DIR": tmp, "TREAD_CONFIG_DIR": tmp}
        tread = [sys.executable, "-m", "tread"]
        results = {
            "tread list (table)": timed([*tread, "list"], env, args.repeat),
            "tread list --unread --format json": timed(
                [*tread, "list", "--unread", "-f", "json"], env, args.repeat
            ),
            "tread list --search police": timed(
                [*tread, "list", "--search", "police"], env, args.repeat
            ),
            "python -c pass": timed([sys.executable, "-c", "pass"], env, args.repeat),
        }
    print(
        f"library of {args.articles:,} articles: built in {build:.1f} s, "
        f"{size / 1e6:.1f} MB on disk (texts, FTS5 index, WAL)\n"
    )
    print("| command | median (s) |")
    print("|---|---:|")
    for name, value in results.items():
        print(f"| {name} | {value:.3f} |")


if __name__ == "__main__":
    main()
