"""`o` opens a web article's link in the browser (issue 16, item 5): only http(s) links,
never on the event loop, and copied instead where no graphical browser can open."""

from __future__ import annotations

import threading
import webbrowser

import pytest

from tests.ui.conftest import settle
from tread.core.article import Article
from tread.core.config import Config
from tread.ui.app import Tread

TEXT = "Officials met in Paris on Monday. They agreed on a plan. It starts in May.\n"


def _app(link: str | None) -> Tread:
    article = Article(TEXT, "page", title="A page", link=link)
    return Tread(["page"], preloaded={"page": article}, config=Config())


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    done = threading.Event()

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        seen.append(url)
        done.set()
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.setenv("DISPLAY", ":0")
    return seen


async def test_o_opens_the_web_link(opened: list[str]) -> None:
    app = _app("https://example.org/story")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        for _ in range(200):  # the browser is started from a thread
            if opened:
                break
            await pilot.pause(0.01)
        assert opened == ["https://example.org/story"]


@pytest.mark.parametrize("link", ["file:///etc/passwd", "javascript:alert(1)", None])
async def test_anything_but_a_web_link_is_never_opened(opened: list[str], link: str | None) -> None:
    app = _app(link)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert opened == []
        assert app.clipboard == ""  # nor copied as if it were one


async def test_without_a_display_the_link_is_copied(
    opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    app = _app("https://example.org/story")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert opened == []  # a console browser would take the terminal
        assert app.clipboard == "https://example.org/story"
