"""A few SVG snapshots of the main views: fixed size and theme, config in a temp dir.

Update them only after looking at the report: pytest tests/ui --snapshot-update
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.conftest import settle
from tread.core.config import Config
from tread.ui.app import Tread


def snapshot_app(articles: list[str], theme: str = "textual-dark") -> Tread:
    return Tread(articles[:3], config=Config(theme=theme))


async def ready(pilot: Pilot[Any]) -> None:
    await settle(pilot)


def test_reader_main_view(snap_compare: Any, articles: list[str]) -> None:
    assert snap_compare(snapshot_app(articles), terminal_size=(130, 36), run_before=ready)


def test_reader_skim_mode_with_current_sentence(snap_compare: Any, articles: list[str]) -> None:
    async def skim(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s", "n", "n")

    assert snap_compare(snapshot_app(articles), terminal_size=(130, 36), run_before=skim)


def test_reader_at_80_by_24(snap_compare: Any, articles: list[str]) -> None:
    assert snap_compare(snapshot_app(articles), terminal_size=(80, 24), run_before=ready)


def test_reader_at_120_by_40_after_a_resize(snap_compare: Any, articles: list[str]) -> None:
    async def resized(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)

    assert snap_compare(snapshot_app(articles), terminal_size=(160, 45), run_before=resized)


def test_reader_on_a_light_theme(snap_compare: Any, articles: list[str]) -> None:
    app = snapshot_app(articles, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_help_screen(snap_compare: Any, articles: list[str]) -> None:
    async def help_open(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(snapshot_app(articles), terminal_size=(110, 36), run_before=help_open)


def test_reader_finding_in_the_article(snap_compare: Any, articles: list[str]) -> None:
    async def finding(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f", *"ice")
        pilot.app.query_one("#find-input", Input).cursor_blink = False  # a fixed frame
        await pilot.pause()

    assert snap_compare(snapshot_app(articles), terminal_size=(110, 30), run_before=finding)


def test_help_screen_at_80_by_24(snap_compare: Any, articles: list[str]) -> None:
    async def help_open(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    app = snapshot_app(articles, theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24), run_before=help_open)
