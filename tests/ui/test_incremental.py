"""A long PDF is shown from its first pages while the rest is read: the reader does not
wait for the whole book, does not jump when more arrives, and analyses only the whole."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import reader, settle
from tread.core import sources
from tread.core.article import Article
from tread.core.config import Config
from tread.core.sources.known import Part
from tread.ui.app import Tread
from tread.ui.widgets.article_view import ArticleView

PAGE = "The whale surfaced near the ship on a grey morning. The crew watched it go.\n\n"


async def wait_for(pilot: Pilot[None], check: object) -> None:
    for _ in range(400):
        if callable(check) and check():  # (no sleep asserts a time: it waits for a state)
            return
        await pilot.pause(0.01)
    raise AssertionError("the reader never got there")


async def test_the_first_page_shows_before_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = tmp_path / "book.pdf"
    book.write_bytes(b"%PDF-")  # never read: the parts below stand for it
    more = threading.Event()
    pages = 12

    def parts(path: str, stdin: object = None) -> Iterator[Part]:
        yield Part(Article(PAGE * 20, path, title="Book"), 1, pages)
        more.wait(10)  # the rest is "read" only once the test has looked
        for done in range(2, pages + 1):
            yield Part(Article(PAGE * 20 * done, path, title="Book"), done, pages)

    monkeypatch.setattr(sources, "load_parts", parts)
    app = Tread([str(book)], config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ArticleView)
        await wait_for(pilot, lambda: view.text == PAGE * 20)
        screen = reader(app)
        assert screen.state.current is not None and screen.state.current.segmentation is None
        assert "page 1 of 12" in screen.state.note  # the status line says how far
        view.scroll_to(0, 5, animate=False)  # the reader has started reading
        await pilot.pause()
        more.set()
        await settle(pilot)
        assert view.text == PAGE * 20 * pages
        assert view.scroll_offset.y == 5  # the rest arrived without a jump
        art = screen.state.current
        assert art.segmentation is not None and len(art.segmentation.sentences) == 40 * pages
        assert screen.state.note == ""


async def test_the_summary_pane_says_how_far_the_analysis_has_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core.errors import Cancelled
    from tread.ui.data import ReaderData
    from tread.ui.widgets.summary_panel import SummaryPanel

    book = tmp_path / "book.txt"
    book.write_text(PAGE * 40, encoding="utf-8")
    halfway, stopped = threading.Event(), threading.Event()
    real = ReaderData.segment

    def slow(self: ReaderData, article: Article, *args: object) -> object:
        cancelled, progress = args[2], args[3]
        progress(0.4)  # type: ignore[operator]
        halfway.set()
        while not cancelled():  # type: ignore[operator]
            if stopped.wait(0.01):
                return real(self, article, *args)  # type: ignore[arg-type]
        raise Cancelled("stopped")

    monkeypatch.setattr(ReaderData, "segment", slow)
    app = Tread([str(book)], config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, halfway.is_set)
        panel = app.query_one(SummaryPanel)
        await wait_for(pilot, lambda: panel.note == "finding sentences… 40%")
        stopped.set()
        await settle(pilot)
        assert panel.note == ""  # the summary replaced it


async def test_opening_another_article_cancels_the_summary_being_made(
    articles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the summary of a book took seconds and went on after the reader had
    moved on, until the next article's own summary started. Its thread is now told to
    stop as soon as another article opens."""
    from tread.core.errors import Cancelled
    from tread.ui.data import ReaderData

    started, told = threading.Event(), threading.Event()
    real = ReaderData.summary

    def slow(self: ReaderData, path: str, *args: object) -> object:
        if path != articles[0]:
            return real(self, path, *args)  # type: ignore[arg-type]
        cancelled = args[3]
        started.set()
        for _ in range(1000):  # a guard, not a time: the test ends long before
            if cancelled():  # type: ignore[operator]
                told.set()
                raise Cancelled("stopped")
            told.wait(0.01)
        raise AssertionError("the summary was never cancelled")

    real_segment = ReaderData.segment

    def segment(self: ReaderData, article: Article, *args: object) -> object:
        if article.source == articles[1]:  # the next article's summary comes later
            told.wait(10)
        return real_segment(self, article, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ReaderData, "summary", slow)
    monkeypatch.setattr(ReaderData, "segment", segment)
    app = Tread(articles, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = reader(app)
        screen.open_article(articles[0])
        await wait_for(pilot, started.is_set)
        screen.open_article(articles[1])
        await wait_for(pilot, told.is_set)
        await settle(pilot)
        assert screen.state.get(articles[1]).summary(app.config.algorithm, app.config.sentences)


def test_the_readers_summary_is_cancellable() -> None:
    from tread.core.errors import Cancelled
    from tread.core.summarizers.summarize import summarize
    from tread.core.text.segment import segment_article
    from tread.ui.data import ReaderData

    seg = segment_article(Article(PAGE * 40, "book"), "english")
    data = ReaderData({}, None, None)
    assert data.summary("moby", seg, "luhn", 3) == summarize(seg, "luhn", 3)
    with pytest.raises(Cancelled):
        data.summary("moby", seg, "luhn", 3, cancelled=lambda: True)
