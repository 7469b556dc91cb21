"""The reader on a folder of many articles: first frame, full list, filter latency.

    python benchmarks/library_timing.py [--articles 10000]

Writes N small articles (copies of the bundled samples) to a temporary folder and
opens `tread read FOLDER` headless in a fresh process.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _common import parser

CHILD = r"""
import time
START = time.perf_counter()
import asyncio, sys
from tread.core.sources.files import collect_paths
from tread.ui.app import Tread
from tread.ui.widgets.article_list import ArticleList

marks = {}

class Timed(Tread):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(lambda: marks.setdefault("first", time.perf_counter()))

async def main():
    paths = collect_paths([sys.argv[1]])
    app = Timed(paths)
    async with app.run_test(size=(140, 40)) as pilot:
        while "first" not in marks:
            await pilot.pause(0.005)
        first = marks["first"] - START
        listing = app.query_one(ArticleList)
        while listing.updating or not all(listing.info(p) for p in paths):
            await pilot.pause(0.01)
        await pilot.pause(0.3)
        full = time.perf_counter() - START
        field = app.query_one("#filter")
        field.focus()
        timings = []
        for ch in "kor":
            t = time.perf_counter()
            await pilot.press(ch)
            await pilot.pause()
            timings.append(time.perf_counter() - t)
        shown = listing.option_count
    print(f"articles: {len(paths)}")
    print(f"first frame after process start: {first:.3f} s")
    print(f"every article listed (title, words) after: {full:.3f} s")
    print("filter, per keystroke (k, o, r): " + ", ".join(f"{t * 1000:.0f} ms" for t in timings)
          + f"; {shown} shown")

asyncio.run(main())
"""


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--articles", type=int, default=10_000)
    args = p.parse_args()
    root = Path(__file__).resolve().parents[1]
    samples = sorted((root / "sample_articles").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        for i in range(args.articles):
            sub = folder / f"{i // 1000:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            src = samples[i % len(samples)]
            (sub / f"{i:05d}-{src.name}").write_text(src.read_text("utf-8"), "utf-8")
        env = {"TREAD_CONFIG_DIR": f"{tmp}/c", "TREAD_DATA_DIR": f"{tmp}/d", "PATH": ""}
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        print(out.stdout + out.stderr[-3000:])


if __name__ == "__main__":
    main()
