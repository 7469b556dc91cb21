"""Issue 13's defects, one regression test each (each failed on the reader before it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.color import Color as RichColor
from sumy.summarizers._summarizer import AbstractSummarizer
from textual.color import Color

from tests.conftest import SEED
from tests.ui.conftest import reader, settle
from tread.core.config import Config, load_config
from tread.core.errors import TreadError
from tread.core.summarizers.registry import ALGORITHMS, Algorithm
from tread.ui.app import Tread
from tread.ui.layout import panes
from tread.ui.widgets.article_list import ArticleList
from tread.ui.widgets.article_view import ArticleView
from tread.ui.widgets.entity_index import EntityIndex, EntityKey
from tread.ui.widgets.filter_input import FilterInput
from tread.ui.widgets.summary_panel import SummaryPanel


def widths(app: Tread) -> tuple[int, int, int]:
    """Cells of the list, the text and the side pane (0: hidden)."""
    out = []
    for selector in ("#list-pane", "#article", "#side-pane"):
        pane = app.query_one(selector)
        out.append(pane.outer_size.width if pane.display else 0)
    return out[0], out[1], out[2]


async def test_1_a_resize_uses_the_new_width(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing, text, side = widths(app)
        assert side and text > listing and text > side
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        listing, text, side = widths(app)
        expected = panes(90, True, True)
        assert (listing, side) == (expected.list, 0)
        assert text >= 90 - expected.list - 1  # the text takes the rest
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        listing, text, side = widths(app)
        expected = panes(160, True, True)
        assert (listing, side) == (expected.list, expected.side)  # the side pane is back
        assert text > side > 0
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert app.query_one(ArticleList).max_scroll_x == 0  # rows still fit: no x scroll


async def test_2_plain_lines_carry_the_theme_on_a_light_theme(articles: list[str]) -> None:
    """Lines with no entity and no tint used to go out in the terminal's own colours
    (ESC[39m ESC[49m): stripes on a light theme in a dark terminal."""
    app = Tread([articles[1]], config=Config(theme="textual-light"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        background = Color.parse(app.theme_variables["background"]).rich_color
        plain = 0
        for y in range(view.size.height):
            for segment in view.render_line(y):
                assert segment.style is not None and segment.style.bgcolor is not None
                assert segment.style.color is not None
                if segment.style.bgcolor == background:
                    plain += 1
        assert plain > 20
        assert background != RichColor.parse("#000000")


async def test_3_the_summary_shows_every_line_of_its_sentences(articles: list[str]) -> None:
    """Once the panel's scrollbar appeared, the last wrapped line of a sentence was cut
    ('…Trump's presidential' without 'campaigns.')."""
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(SummaryPanel)
        assert panel.max_scroll_y > 0  # the scrollbar is there
        seen: list[str] = []
        for index in range(panel.option_count):
            panel.mark(index)
            await pilot.pause()
            seen += [
                "".join(s.text for s in panel.render_line(y)) for y in range(panel.size.height)
            ]
        shown = " ".join(" ".join(seen).split())
        view = app.query_one(ArticleView)
        for start, end in view.summary_spans:
            last_word = view.text[start:end].split()[-1]
            assert last_word in shown, last_word
        assert "presidential campaigns." in shown


async def test_4_hiding_the_focused_list_gives_the_keys_to_the_text(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.query_one(ArticleList).focus()
        await pilot.press("left_square_bracket")
        assert app.query_one("#list-pane").display is False
        view = app.query_one(ArticleView)
        assert app.focused is view
        await pilot.press("j", "j")
        assert app.query_one(FilterInput).value == ""
        assert view.scroll_y == 2


async def test_5_the_subtitle_follows_the_open_article(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert "394 words" in str(view.border_subtitle)  # at start, not empty
        app.query_one(EntityIndex).choose(EntityKey("ORG", "ICE"))
        await pilot.pause()
        assert "ICE 1/4" in str(view.border_subtitle)
        reader(app).open_article(articles[1])
        await settle(pilot)
        subtitle = str(view.border_subtitle)
        assert "ICE" not in subtitle and "366 words" in subtitle and "0%" in subtitle


async def test_6_an_unreadable_article_never_shows_the_one_before(
    tmp_path: Path, articles: list[str]
) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    app = Tread([articles[0], str(bad)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert "Los Angeles" in view.text
        reader(app).open_article(str(bad))
        await settle(pilot)
        assert view.text == ""
        assert "Los Angeles" not in " ".join(view.plain_lines())
        assert "could not be read" in view.plain_lines()[0]
        assert "binary file" in str(view.border_title)


class Refuses(AbstractSummarizer):  # type: ignore[misc]
    def __call__(self, document: Any, sentences_count: Any) -> Any:
        raise TreadError("the toy refuses this text")


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    names = list(ALGORITHMS)
    monkeypatch.setitem(ALGORITHMS, "refuser", Algorithm("refuser", "fails", f"{__name__}:Refuses"))
    yield
    assert list(ALGORITHMS)[: len(names)] == names


async def test_7_a_summary_error_leaves_the_title_when_another_algorithm_works(
    failing: None, articles: list[str]
) -> None:
    names = list(ALGORITHMS)
    before = names[names.index("refuser") - 1]
    app = Tread([articles[0]], config=Config(algorithm=before))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view, panel = app.query_one(ArticleView), app.query_one(SummaryPanel)
        title = str(view.border_title)
        await pilot.press("a")
        await settle(pilot)
        assert app.config.algorithm == "refuser"
        assert "refuses" in panel.note
        assert str(view.border_title) == title  # the article is fine: its title is too
        await pilot.press("a")
        await settle(pilot)
        assert str(view.border_title) == title
        assert panel.note == "" and panel.option_count == app.config.sentences


async def test_9_more_stops_at_the_articles_sentence_count(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text(
        "Three sentences\n\nThe council met on Tuesday. It voted to build a park. People cheered.",
        encoding="utf-8",
    )
    app = Tread([str(short)], config=Config(sentences=2))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(SummaryPanel)
        await pilot.press("plus", "plus", "plus", "plus")
        await settle(pilot)
        assert app.config.sentences == 3 and panel.option_count == 3
        assert load_config()[0].sentences == 3
        await pilot.press("minus")  # works at once: no hidden count to come back from
        await settle(pilot)
        assert app.config.sentences == 2 and panel.option_count == 2


async def test_9_fewer_works_at_once_after_a_longer_article(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("One. Two. Three. Four.", encoding="utf-8")
    app = Tread([str(short)], config=Config(sentences=26))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert app.config.sentences == 3
        assert app.query_one(SummaryPanel).option_count == 3


def test_the_seed_is_what_the_tests_expect() -> None:
    assert len(SEED.read_text(encoding="utf-8").split()) == 394
