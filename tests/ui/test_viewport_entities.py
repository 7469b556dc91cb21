"""Entities where the reader is looking come first (issue 17, item 2): the search starts
at the text on screen, shows each part's entities as it goes, and follows a scroll jump.
A backend that reads a chunk only when the test lets it makes the order observable."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import reader, settle
from tread.core.article import Entity
from tread.core.config import Config
from tread.core.entities.registry import BACKENDS, Backend, register_backend
from tread.ui.app import Tread
from tread.ui.widgets import article_view
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.entity_index import EntityIndex

PARAGRAPHS = 30
#: one paragraph a chunk, each above the scan's batch size: one chunk a step
PARAGRAPH = ("Acme " + "word " * 1_800).strip()


class Gated:
    """Reads one chunk each time the test opens the gate; remembers which."""

    name = model_name = "gated"

    def __init__(self) -> None:
        self.read: list[int] = []
        self.gate = threading.Semaphore(0)
        self.asked = threading.Event()

    def chunks(self, text: str) -> list[tuple[int, int]]:
        step = len(PARAGRAPH) + 2
        return [(i * step, i * step + len(PARAGRAPH)) for i in range(PARAGRAPHS)]

    def model_entities(self, text: str, spans: list[tuple[int, int]]) -> list[Entity]:
        self.asked.set()
        if not self.gate.acquire(timeout=20):
            raise AssertionError("the test never let the chunk be read")
        self.read += [s for s, _ in spans]
        return [Entity(s, s + 4, "ORG", text[s : s + 4]) for s, _ in spans]

    def finish(self, text: str, entities: list[Entity]) -> list[Entity]:
        return sorted(entities, key=lambda e: e.start)

    def extract(self, text: str, cancelled: object = None) -> list[Entity]:
        raise AssertionError("a chunked backend is scanned, not extracted whole")

    def cache_key(self) -> None:
        return None

    def describe(self) -> str:
        return "gated"


@pytest.fixture
def gated() -> Iterator[Gated]:
    backend = Gated()
    register_backend(Backend("gated", "reads when told", lambda model, corrections: backend))
    yield backend
    BACKENDS.pop("gated")
    backend.gate.release(PARAGRAPHS)  # never leave a thread waiting


async def step(pilot: Pilot[None], backend: Gated, chunks: int) -> None:
    """Let ``chunks`` more chunks be read and wait until the reader has shown them."""
    want = len(backend.read) + chunks
    backend.gate.release(chunks)
    for _ in range(500):  # waits for a state, asserts no time
        if len(backend.read) >= want:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    await pilot.pause()


async def test_entities_on_screen_come_first_and_follow_a_jump(
    tmp_path: Path, gated: Gated
) -> None:
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([PARAGRAPH] * PARAGRAPHS), encoding="utf-8")
    app = Tread([str(article)], config=Config(entity_backend="gated", algorithm="luhn"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            if gated.asked.is_set():
                break
            await pilot.pause(0.01)
        view, index, screen = app.query_one(ArticleView), app.query_one(EntityIndex), reader(app)
        await step(pilot, gated, 1)
        assert gated.read == [0]  # the chunk on screen, first
        assert [e.start for e in view.entities] == [0]  # highlighted before the rest
        assert index.note.startswith("finding entities… ")  # with how far it has got
        view.scroll_to_offset(len(view.text) - 10, at_top=True)  # a jump to the end
        await pilot.pause()
        screen._steer_entities()  # (the reader does this four times a second)
        await step(pilot, gated, 2)
        last = (PARAGRAPHS - 1) * (len(PARAGRAPH) + 2)
        # the step already under way when the reader jumped ends first; then the end
        assert gated.read[1] == len(PARAGRAPH) + 2 and gated.read[2] == last
        gated.gate.release(PARAGRAPHS)
        await settle(pilot)
        art = screen.state.current
        assert art is not None and art.entities is not None and len(art.entities) == PARAGRAPHS
        assert sorted(gated.read) == [i * (len(PARAGRAPH) + 2) for i in range(PARAGRAPHS)]


async def _first_paint(gated: Gated, pilot: Pilot[None]) -> ArticleView:
    for _ in range(500):
        if gated.asked.is_set():
            break
        await pilot.pause(0.01)
    await pilot.pause()
    return pilot.app.query_one(ArticleView)


def _long_article(tmp_path: Path) -> Tread:
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([PARAGRAPH] * PARAGRAPHS), encoding="utf-8")
    return Tread([str(article)], config=Config(entity_backend="gated", algorithm="luhn"))


async def test_the_rest_of_a_long_text_is_wrapped_once_the_screens_entities_are_in(
    tmp_path: Path, gated: Gated, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrapping a book's lines holds the interpreter for 0.1-0.2 s, which spaCy's first
    batch, in its thread, waited for: the lines past the first screens now wait for
    that batch (or a second at most: here never, so only the entities release them)."""
    monkeypatch.setattr(article_view, "_REST_WAIT", 3600.0)
    app = _long_article(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_paint(gated, pilot)
        first = view.line_count
        assert 40 <= first <= article_view._FIRST_LINES + 200  # the first screens only
        await step(pilot, gated, 1)
        await pilot.pause()
        assert view.line_count > 10 * first  # the whole text, once the screen's are in
        gated.gate.release(PARAGRAPHS)
        await settle(pilot)


@pytest.mark.parametrize("how", ["offset", "end"])
async def test_a_place_past_the_wrapped_lines_is_reached_at_once(
    tmp_path: Path, gated: Gated, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A saved position, a find or a jump (an offset), or the end key, before the
    lines there are wrapped: they are wrapped then."""
    monkeypatch.setattr(article_view, "_REST_WAIT", 3600.0)
    app = _long_article(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _first_paint(gated, pilot)
        first, end = view.line_count, len(view.text) - 10
        if how == "offset":
            view.scroll_to_offset(end, at_top=True)
        else:
            view.focus()
            await pilot.press("end")
            await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        top, bottom = view.visible_range()
        assert first <= article_view._FIRST_LINES + 200 and top <= end <= bottom
        gated.gate.release(PARAGRAPHS)
        await settle(pilot)
