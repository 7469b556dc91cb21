"""The README's reader section shows what the reader has: its keys from the table of
actions, and the screenshot from the main view's snapshot."""

from __future__ import annotations

from tests.conftest import ROOT
from tread.ui.actions import ACTIONS, markdown_table


def reader_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## The reader\n")
    return text[start : text.index("\n## ", start + 1)]


def test_the_keys_table_is_the_table_of_actions() -> None:
    section = reader_section()
    assert markdown_table() in section, "run: python docs/update_reader_docs.py"
    assert all(f"`{a.id}`" in section for a in ACTIONS)


def test_the_screenshot_is_the_main_view_snapshot() -> None:
    snapshot = ROOT / "tests/ui/__snapshots__/test_snapshots/test_reader_main_view.svg"
    assert "(docs/reader.svg)" in reader_section()
    assert (ROOT / "docs/reader.svg").read_bytes() == snapshot.read_bytes(), (
        "run: python docs/update_reader_docs.py"
    )
