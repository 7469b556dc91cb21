"""Copying the sentence you are on, the summary and the link (App.copy_to_clipboard)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import reader, settle
from tread.core.article import Article, Segmentation, Sentence
from tread.core.config import Config
from tread.ui.app import Tread
from tread.ui.state import sentence_at
from tread.ui.widgets.article_view import ArticleView


def test_the_sentence_at_an_offset_or_the_next_one() -> None:
    text = "One here.  Two there. Three."
    seg = Segmentation(
        text, "english", (Sentence(0, 0, 9, 0), Sentence(1, 11, 21, 0), Sentence(2, 22, 28, 0))
    )
    assert sentence_at(seg, 0) == seg.sentences[0]
    assert sentence_at(seg, 9) == seg.sentences[1]  # between sentences: the next one
    assert sentence_at(seg, 25) == seg.sentences[2]
    assert sentence_at(seg, 28) is None


async def test_copy_the_sentence_the_summary_and_the_link(articles: list[str]) -> None:
    app = Tread(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("y")  # nothing marked: the first sentence in view
        assert app.clipboard.startswith("Federal law enforcement officials are preparing")
        assert "\n" not in app.clipboard
        await pilot.press("n", "n", "y")  # the summary sentence n went to
        start, end = view.current or (0, 0)
        assert app.clipboard == " ".join(view.text[start:end].split())
        await pilot.press("Y")
        lines = app.clipboard.split("\n")
        assert len(lines) == app.config.sentences
        assert lines == [" ".join(view.text[s:e].split()) for s, e in view.summary_spans]
        await pilot.press("f", *"dea", "enter", "y")  # a find marks where you are
        assert "(DEA) will assist ICE" in app.clipboard
        before = app.clipboard
        await pilot.press("L")  # a file has no link: nothing copied
        assert app.clipboard == before


async def test_copy_the_link_of_a_web_article(tmp_path: Path) -> None:
    article = Article(
        text="Headline\n\nThe council met on Tuesday. It voted.",
        title="Headline",
        source="https://example.org/news/1",
        link="https://example.org/news/1",
    )
    app = Tread(["web"], preloaded={"web": article}, config=Config(keys={"copy-link": "c"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert reader(app).state.current_path == "web"
        await pilot.press("c")
        assert app.clipboard == "https://example.org/news/1"
