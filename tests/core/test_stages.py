"""Summaries in stages: progress by stage, and cancellation between them."""

from __future__ import annotations

import pytest

from tests.conftest import SEED
from tread.core.article import Article
from tread.core.errors import Cancelled, EmptyDocument
from tread.core.stages import SEGMENT, SUMMARISE, summarize_article
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment, segment_article


def book() -> Article:
    text = "\n\n".join(
        " ".join(f"Sentence {i} of part {p} tells of whales." for i in range(300)) for p in range(4)
    )
    return Article(text, "book.txt")


def test_stages_report_in_order_and_give_what_summarize_gives() -> None:
    article = book()
    reports: list[tuple[str, float]] = []
    seg, summary = summarize_article(
        article, "english", "lex-rank", count=3, progress=lambda s, f: reports.append((s, f))
    )
    assert seg == segment_article(article, "english")
    assert summary == summarize(seg, "lex-rank", 3)
    stages = [s for s, _ in reports]
    assert stages == sorted(stages, key=[SEGMENT, SUMMARISE].index)
    segmenting = [f for s, f in reports if s == SEGMENT]
    assert len(segmenting) > 4 and segmenting == sorted(segmenting) and segmenting[-1] == 1.0
    assert reports[-1] == (SUMMARISE, 1.0)


def test_cancel_while_segmenting_stops_within_256_sentences() -> None:
    article = book()
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 3

    progress: list[float] = []
    with pytest.raises(Cancelled):
        summarize_article(
            article,
            "english",
            "lex-rank",
            progress=lambda s, f: progress.append(f),
            cancelled=cancelled,
        )
    assert len(asked) == 3 and max(progress) < 0.5  # stopped early in the text


def test_cancel_before_summarising() -> None:
    stage: list[str] = []

    def cancelled() -> bool:
        return SEGMENT in stage and stage[-1] == SEGMENT and len(stage) > 3

    with pytest.raises(Cancelled):
        summarize_article(
            Article(SEED.read_text(encoding="utf-8"), "seed"),
            "english",
            "tread",
            progress=lambda s, f: stage.append(s),
            cancelled=cancelled,
        )
    assert SUMMARISE not in stage


def test_segment_without_hooks_is_unchanged_and_empty_text_is_an_error() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert segment(text, progress=lambda f: None, cancelled=lambda: False) == segment(text)
    with pytest.raises(EmptyDocument):
        summarize_article(Article("Title only", "t", headings=((0, 10),)), "english", "lead")
