from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.app import App
from textual.pilot import Pilot

from tests.conftest import SAMPLES

if TYPE_CHECKING:
    from tread.ui.screens.reader import ReaderScreen

MARKUP_TEXT = (
    "Markup test\n\n"
    "This line has [bold red]fake markup[/] and [link=file:///etc/passwd]a link[/link]. "
    "Clicking [@click=app.quit]here[/] must do nothing. A stray [/] too.\n\n"
    "Angela Merkel met Emmanuel Macron in Berlin on Monday. They spoke for an hour.\n"
)


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for name in (
        "la-ice-operation.txt",
        "north-korea-quasi-state-of-war.txt",
        "afghan-robotics-team-honored.txt",
    ):
        target = folder / name
        target.write_text((SAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(target))
    markup = folder / "markup.txt"
    markup.write_text(MARKUP_TEXT, encoding="utf-8")
    paths.append(str(markup))
    return paths


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker (and the workers their results start) is done, the
    article list has drawn what they found, and the reader has opened its first article
    and shows nothing under way: the article is opened after the first refresh, which a
    loaded machine may not have made by the first pause, and then nothing was running yet
    (the likely cause of a skim snapshot that failed once in CI)."""
    from tread.ui.widgets.article_list import ArticleList

    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(w.is_running for w in app.workers) or _reader_busy(app)
        if not busy and not any(listing.updating for listing in app.query(ArticleList)):
            return
        await pilot.pause(0.05)  # the list redraws what arrived within 0.2 s
    raise AssertionError("the reader did not settle")


def _reader_busy(app: App[None]) -> bool:
    """The reader has an article to open and has not opened it yet, or its status bar
    says work is under way (the open article's analysis, a feed refresh)."""
    from tread.ui.screens.reader import ReaderScreen
    from tread.ui.widgets.status_bar import StatusBar

    screen = app.screen_stack[0] if app.screen_stack else None
    if not isinstance(screen, ReaderScreen):
        return False
    if screen.paths and screen.state.current_path is None:
        return True
    return bool(screen.query_one(StatusBar).busy)


def reader(app: App[None]) -> ReaderScreen:
    """The reader's screen (the app's default screen)."""
    from tread.ui.screens.reader import ReaderScreen

    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen)
    return screen
