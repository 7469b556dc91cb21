from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_FILES, SEED
from tread.core.summarizers.kind import (
    LONG,
    LONG_ALGORITHM,
    NEWS,
    NOTES,
    NOTES_ALGORITHM,
    Kind,
    chapter_headings,
    classify,
    plan,
    signals,
)
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.text.segment import segment

PARAGRAPH = (
    "The harbour was quiet when the ship came in at last. Sailors climbed down "
    "the ropes and carried the cargo to the long sheds by the water. The captain "
    "walked to the office of the owners to report on the voyage and its losses."
)


def book(chapters: int = 5, paragraphs: int = 3) -> str:
    parts = ["A Voyage\n\nBy Nobody\n"]
    for n in range(1, chapters + 1):
        parts.append(f"CHAPTER {n}. The Day {n}.\n")
        parts += [PARAGRAPH + "\n"] * paragraphs
    return "\n".join(parts)


def test_sample_articles_are_news() -> None:
    for path in SAMPLE_FILES:
        kind = classify(segment(path.read_text(encoding="utf-8")))
        assert kind.name == NEWS, (path.name, kind.reasons)


def test_a_book_with_chapters_is_long_and_says_why() -> None:
    kind = classify(book())
    assert kind.name == LONG
    assert kind.reasons[0].startswith("5 chapter headings (first: 'CHAPTER 1. The Day 1.')")


def test_two_chapter_words_are_not_a_book() -> None:
    text = "Chapter 1\n\n" + PARAGRAPH + "\n\nPart of the problem was the weather.\n\n" + PARAGRAPH
    assert classify(text).name == NEWS
    assert signals(segment(text)).chapters == 1  # "Part of" is not a numbered part


def test_long_prose_without_chapters_is_long() -> None:
    kind = classify("\n\n".join([PARAGRAPH] * 80))  # about 3,700 words
    assert kind.name == LONG
    assert "longer than a news story" in kind.reasons[0]


def test_bulleted_notes_are_notes() -> None:
    text = "Shopping and errands\n\n" + "\n".join(
        f"- buy {item} at the market"
        for item in ("bread", "milk", "eggs", "apples", "rice", "soap")
    )
    kind = classify(text)
    assert kind.name == NOTES
    assert kind.reasons == ("86% of 7 lines are bullets or numbered items",)


def test_numbered_list_is_notes() -> None:
    text = "\n".join(f"{n}. Step {n} of the recipe is done by hand." for n in range(1, 8))
    assert classify(text).name == NOTES


def test_a_transcript_is_notes() -> None:
    lines = []
    for n in range(4):
        lines += [
            f"ALICE: Where were you on the night of the {n + 1}th?",
            "BOB (laughing): At home, reading a book about ships.",
        ]
    kind = classify("\n".join(lines))
    assert kind.name == NOTES
    assert "speaker tags" in kind.reasons[0]


def test_a_story_with_a_few_subheadings_stays_news() -> None:
    text = "\n\n".join(
        ["Harbour news", PARAGRAPH, "The ship", PARAGRAPH, PARAGRAPH, "The cargo", PARAGRAPH]
    )
    assert classify(text).name == NEWS


def test_chapter_headings_are_offsets_of_the_heading_lines() -> None:
    text = book(3)
    spans = chapter_headings(text)
    assert [text[s:e] for s, e in spans] == [f"CHAPTER {n}. The Day {n}." for n in (1, 2, 3)]


def test_plan_by_kind() -> None:
    news = plan(Kind(NEWS, ()))
    assert (news.algorithm, news.count) == ("tread", 5)
    long = plan(Kind(LONG, ()))
    assert (long.algorithm, long.count) == (LONG_ALGORITHM, 10)
    notes = plan(Kind(NOTES, ()))
    assert (notes.algorithm, notes.count) == (NOTES_ALGORITHM, 5)
    assert plan(Kind(LONG, ()), requested=4).count == 4


def test_books_and_notes_get_position_blind_methods_without_a_size_limit() -> None:
    for algorithm in (LONG_ALGORITHM, NOTES_ALGORITHM):
        assert algorithm not in ("tread", "lead", "edmundson")
        assert ALGORITHMS[algorithm].cost != "graph"


@pytest.mark.parametrize("name", [NEWS, LONG, NOTES])
def test_plans_name_real_algorithms_and_say_why(name: str) -> None:
    chosen = plan(Kind(name, ()))
    assert chosen.algorithm in ALGORITHMS
    assert chosen.reasons and all(chosen.reasons)


def test_the_words_explain_reports_are_the_words_the_list_shows() -> None:
    text = SEED.read_text(encoding="utf-8")  # "large-scale", "U.S.": one word each
    assert signals(segment(text)).words == len(text.split())
