"""A long PDF in the reader: how soon its text is on screen, and when the whole book is.

    python benchmarks/reader_pdf.py [--repeat 5] [--pdf FILE]

Without --pdf, the bundled 26-page sample repeated 12 times (312 pages, as in
benchmarks/pdf.py). Each run is a fresh process (import time counts) running the reader
headless (Textual's run_test) on that one file: the time from process start to the
first text in the article view, to the whole text there, and to the summary.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import parser
from pdf import repeated_sample

CHILD = r"""
import time
START = time.perf_counter()
import asyncio, json, sys
from tread.core.config import Config
from tread.ui.app import Tread
from tread.ui.widgets.article_view import ArticleView

async def main():
    app = Tread([sys.argv[1]], config=Config())
    marks = {}
    async with app.run_test(size=(140, 40)) as pilot:
        view = app.query_one(ArticleView)
        screen = app.screen_stack[0]
        while "summary" not in marks:
            art = screen.state.current
            now = time.perf_counter() - START
            if view.text and "first text" not in marks:
                marks["first text"] = now
            if art is not None and art.article is not None and view.text == art.article.text:
                marks.setdefault("whole text", now)
                if art.summary(app.config.algorithm, app.config.sentences):
                    marks["summary"] = now
            await pilot.pause(0.005)
    print(json.dumps(marks))

asyncio.run(main())
"""


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--pdf", type=Path, default=None)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = args.pdf
        if pdf is None:
            pdf = Path(tmp) / "book.pdf"
            pdf.write_bytes(repeated_sample(12))
        runs: dict[str, list[float]] = {}
        for i in range(args.repeat):
            env = {"TREAD_CONFIG_DIR": f"{tmp}/c{i}", "TREAD_DATA_DIR": f"{tmp}/d{i}"}
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(pdf)],
                capture_output=True, text=True, check=False, env={**_environ(), **env},
            )  # fmt: skip
            if out.returncode:
                raise SystemExit(out.stderr[-3000:])
            for key, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
                runs.setdefault(key, []).append(value)
    print(f"{pdf.name if args.pdf else 'bundled sample x12 (312 pages)'}; {args.repeat} runs\n")
    print("| from process start to | median | runs |\n|---|---:|---|")
    for key, values in runs.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"| {key} | {statistics.median(values):.2f} s | {shown} |")


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("TREAD_")}


if __name__ == "__main__":
    main()
