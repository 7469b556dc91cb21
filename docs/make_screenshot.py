"""Save an SVG screenshot of the reader for the README (run from the repo root).

python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path


async def main() -> None:
    tmp = tempfile.mkdtemp()
    os.environ["TREAD_CONFIG_DIR"] = os.path.join(tmp, "config")
    os.environ["TREAD_DATA_DIR"] = os.path.join(tmp, "data")
    from tread.core.sources.files import sample_articles
    from tread.ui.app import Tread

    app = Tread(sample_articles())
    async with app.run_test(size=(150, 42)) as pilot:
        for _ in range(40):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if not any(w.is_running for w in app.workers):
                break
        await pilot.press("n", "n")
        await pilot.pause()
        out = Path(__file__).parent
        app.save_screenshot(filename="reader.svg", path=str(out))
    print(out / "reader.svg")


asyncio.run(main())
