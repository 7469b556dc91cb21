"""Bring the README's reader section up to date (run from the repo root):

    python -m pytest tests/ui/test_snapshots.py --snapshot-update   # look at them first
    python docs/update_reader_docs.py

The keys table is written from the reader's one table of actions, and docs/reader.svg
is the main view's snapshot; tests/ui/test_readme.py fails when either is stale.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests/ui/__snapshots__/test_snapshots/test_reader_main_view.svg"
START = "<!-- keys: from tread.ui.actions (python docs/update_reader_docs.py) -->\n"
END = "<!-- /keys -->\n"


def main() -> None:
    from tread.ui.actions import markdown_table

    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(head + START + markdown_table() + END + tail, encoding="utf-8")
    shutil.copyfile(SNAPSHOT, ROOT / "docs" / "reader.svg")
    print("README.md keys table and docs/reader.svg updated")


if __name__ == "__main__":
    main()
