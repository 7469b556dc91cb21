"""The reader's responsiveness: time to first frame, and from selecting an article of
N sentences to seeing its text, its summary and its entities.

    python benchmarks/reader_timing.py [--sentences 1000] [--poll sleep|pilot]

Runs the app headless (Textual's run_test) in a fresh process, so import time counts.
"first entities on screen" is when the view first draws a line while it has entities
(the lines on screen are drawn with them). The marks are polled every 5 ms with
``asyncio.sleep`` (``--poll sleep``, the default): ``--poll pilot`` polls with
``pilot.pause``, as this script did before, which makes the app repaint the whole
screen at each poll, a cost the reader itself never pays and which competes with
spaCy's thread for the interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import first_sentences, parser

CHILD = r"""
import time
START = time.perf_counter()
import asyncio, sys
from tread.ui.app import Tread
from tread.ui.widgets.article_view import ArticleView

SMALL, BIG, POLL = sys.argv[1], sys.argv[2], sys.argv[3]
DRAWN = []
_render = ArticleView._render_line

def _drawn(self, line):
    if self._entities and not DRAWN:
        DRAWN.append(time.perf_counter())
    return _render(self, line)

ArticleView._render_line = _drawn

async def main():
    app = Tread([SMALL, BIG])
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        first = time.perf_counter() - START
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        screen = app.screen_stack[0]
        view = app.query_one(ArticleView)
        chosen = time.perf_counter()
        DRAWN.clear()  # (the short article's entities were drawn before)
        screen.open_article(BIG)
        art = screen.state.get(BIG)
        marks = {}
        checks = {
            "text": lambda: art.article is not None and view.text == art.article.text,
            "summary": lambda: art.summary(app.config.algorithm, app.config.sentences),
            "first entities on screen": lambda: bool(DRAWN),
            "entities": lambda: art.entities is not None,
        }
        while len(marks) < len(checks):
            for key, check in checks.items():
                if key not in marks and check():
                    marks[key] = time.perf_counter() - chosen
                    if key == "first entities on screen":
                        marks[key] = DRAWN[0] - chosen
            if POLL == "pilot":
                await pilot.pause(0.005)
            else:
                await asyncio.sleep(0.005)
    print(f"first frame after process start: {first:.3f} s")
    for key in checks:
        print(f"selected -> {key}: {marks[key]:.3f} s")

asyncio.run(main())
"""


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--sentences", type=int, default=1000)
    p.add_argument("--poll", choices=("sleep", "pilot"), default="sleep")
    args = p.parse_args()
    book = (args.shared / "sample_articles" / "long" / "moby-dick.txt").read_text("utf-8")
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(first_sentences(book, args.sentences), encoding="utf-8")
        small = root / "sample_articles" / "north-korea-quasi-state-of-war.txt"
        env = {"TREAD_CONFIG_DIR": f"{tmp}/c", "TREAD_DATA_DIR": f"{tmp}/d", "PATH": ""}
        if "PYTHONPATH" in os.environ:  # another tree's src/, to compare with
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(small), str(big), args.poll],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        print(
            f"article: first {args.sentences} sentences of Moby-Dick, "
            f"{len(big.read_text().split())} words"
        )
        print(out.stdout + out.stderr)


if __name__ == "__main__":
    main()
