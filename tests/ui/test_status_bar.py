"""The status bar: the list's counts, sort and filter, the language and algorithm, and
a spinner with the analysis stage while it runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.ui.conftest import reader, settle
from tread.core.article import Article, Entity, Segmentation, Sentence, Summary
from tread.core.config import Config
from tread.core.entities.registry import BACKENDS, Backend, register_backend
from tread.ui.app import Tread
from tread.ui.state import ArticleState, analysis_stage, status_bar_text
from tread.ui.widgets.status_bar import StatusBar


def test_the_stage_follows_the_analysis() -> None:
    art = ArticleState("a.txt")
    assert analysis_stage(None, "tread", 3) is None
    assert analysis_stage(art, "tread", 3) == "reading"
    art.article = Article(text="One. Two.", title="t", source="a.txt")
    assert analysis_stage(art, "tread", 3) == "finding sentences"
    sentences = (Sentence(0, 0, 4, 0), Sentence(1, 5, 9, 0))
    art.segmentation = Segmentation("One. Two.", "english", sentences)
    assert analysis_stage(art, "tread", 3) == "summarising (tread)"
    art.summaries[("tread", 3)] = Summary("tread", "english", 2)
    assert analysis_stage(art, "tread", 3) == "finding entities"
    assert analysis_stage(art, "lsa", 3) == "summarising (lsa)"  # another algorithm: again
    art.entities = []
    assert analysis_stage(art, "tread", 3) is None
    art.error = "unreadable"
    assert analysis_stage(art, "lsa", 3) is None  # a failed article has nothing under way


def test_the_status_text_names_the_list_and_the_settings() -> None:
    line = status_bar_text(3, 17, "title", "korea", "english", "lsa")
    assert line == "3 unread of 17 · by title · filter “korea” · english · lsa"
    assert "filter" not in status_bar_text(0, 0, "order", "", "german", "tread")


async def test_the_bar_follows_marks_sort_filter_and_algorithm(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.query_one(StatusBar)
        assert bar.left.startswith("3 unread of 4 · by order · english · auto")
        assert bar.busy == ()  # all done: no spinner
        await pilot.press("m")  # the open article unread again
        assert bar.left.startswith("4 unread of 4")
        await pilot.press("S")
        assert "by title" in bar.left
        await pilot.press("slash", *"korea", "escape")
        await pilot.press("slash", *"kor")
        assert "filter “kor”" in bar.left
        reader(app).view.focus()
        await pilot.press("a")
        assert bar.left.endswith(app.config.algorithm) and app.config.algorithm != "tread"


class Gated:
    """An entity backend that waits for the test to let it go."""

    name = model_name = "gated"
    gate = threading.Event()

    def extract(self, text: str, cancelled: Any = None) -> list[Entity]:
        while not self.gate.wait(0.01):
            if cancelled is not None and cancelled():
                return []
        return []

    def describe(self) -> str:
        return "gated"

    def cache_key(self) -> None:
        return None


@pytest.fixture
def gated() -> Iterator[threading.Event]:
    register_backend(Backend("gated", "waits", lambda model, corrections: Gated()))
    Gated.gate.clear()
    yield Gated.gate
    Gated.gate.set()
    del BACKENDS["gated"]


async def test_a_spinner_shows_the_stage_while_the_analysis_runs(
    articles: list[str], gated: threading.Event
) -> None:
    app = Tread(articles[:1], config=Config(entity_backend="gated"))
    async with app.run_test(size=(120, 40)) as pilot:
        bar = app.query_one(StatusBar)
        for _ in range(400):
            await pilot.pause(0.02)
            if bar.busy == ("finding entities",):
                break
        assert bar.busy == ("finding entities",)
        frame = str(bar.render())
        for _ in range(400):  # the spinner turns (a frame every 0.1 s)
            await pilot.pause(0.02)
            if str(bar.render()) != frame:
                break
        assert str(bar.render()) != frame
        assert "finding entities…" in str(bar.render())
        gated.set()
        await settle(pilot)
        assert bar.busy == ()
        assert "finding" not in str(bar.render())
