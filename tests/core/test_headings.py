"""Headings are not sentences, and fragments are not picked while there is anything
else (issue 14, item 3): on Moby-Dick and on every sample article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_FILES, SEED
from tread.core.summarizers.candidates import CAPITALS, FRAGMENT, left_out
from tread.core.summarizers.registry import ALGORITHMS
from tread.core.summarizers.summarize import summarize
from tread.core.text.headings import heading_kind, in_capitals, word_count
from tread.core.text.segment import segment

MOBY = ROOT / "tests" / "data" / "moby-dick-excerpt.txt"


def headings_of(text: str) -> list[str]:
    seg = segment(text)
    return [text[h.start : h.end] for h in seg.headings]


def sentences_of(text: str) -> list[str]:
    seg = segment(text)
    return [seg.sentence_text(s) for s in seg.sentences]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("CHAPTER 1. Loomings.", "chapter heading"),
        ("Chapter XII", "chapter heading"),
        ("BOOK THE FIRST", "chapter heading"),
        ("## Results", "Markdown heading"),
        ("<h2 class='x'>Results</h2>", "HTML heading"),
        ("HARPOONEERS AND SAILORS.", "line in capitals"),
        ("WHALING NOT RESPECTABLE?", "line in capitals"),
        ("ETYMOLOGY.", "line in capitals"),
        ("The Carpet-Bag", "short line without final punctuation"),
        ("Reaction from the government", "short line without final punctuation"),
        (
            "(Supplied by a Late Consumptive Usher to a Grammar School)",
            "short line without final punctuation",
        ),
        ("BY JANE DOE, STAFF WRITER.", None),  # a byline that is a sentence stays one
        ("THE CITY VOTED TO RAISE TAXES TODAY.", None),
        ("- buy milk", None),  # notes are text
        ("2. call the bank", None),
        ("ALICE: we agreed on Tuesday", None),
        ('"I was about to say, sir, that--"', None),  # speech broken off
        ("He went on--", None),
        ("#hashtag is no Markdown heading, it is a tag in a sentence.", None),
        ("A line that ends a sentence.", None),
        ("A line with many words but no final punctuation at all because it goes on", None),
    ],
)
def test_heading_kind_of_a_line(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_in_capitals_needs_cased_letters() -> None:
    assert in_capitals("NO DIGNITY IN WHALING?")
    assert not in_capitals("No dignity in whaling?")
    assert not in_capitals("1914 – 1918")
    assert not in_capitals("北京欢迎你。")  # no case: not capitals


@pytest.mark.parametrize(
    "text",
    [
        "ÉTÉ À PARIS",
        "Été",
        "ǅ",
        "Aǅ",
        "ǅa",
        "ΟΔΥΣΣΕΙΑ",
        "Οδύσσεια",
        "ª",
        "Aª",
        "北京",
        "北京 AB",
        "",
        " ",
    ],
)
def test_in_capitals_is_the_per_letter_rule(text: str) -> None:
    """Every cased letter upper case, one at least; titlecase letters (ǅ) and letters
    of no case count for neither."""
    cased = [c for c in text if c.isupper() or c.islower()]
    assert in_capitals(text) == (bool(cased) and not any(c.islower() for c in cased))


def test_moby_dick_headings_are_headings() -> None:
    text = MOBY.read_text(encoding="utf-8")
    found = headings_of(text)
    for line in (
        "Moby-Dick; or, The Whale",
        "By Herman Melville",
        "ETYMOLOGY.",
        "CHAPTER 1. Loomings.",
        "CHAPTER 24. The Advocate.",
        "HARPOONEERS AND SAILORS.",
        "(ENTER AHAB: THEN, ALL)",
        "CHAPTER 42. The Whiteness of The Whale.",
    ):
        assert line in found
    sentences = sentences_of(text)
    assert not any("Whiteness of The Whale" in s for s in sentences)
    assert "Call me Ishmael." in sentences  # a sentence, if a short one
    assert "WHALING NOT RESPECTABLE?" in sentences  # run into its paragraph: a sentence


def test_a_chapter_heading_is_split_off_the_lines_after_it() -> None:
    text = "CHAPTER 1\nLoomings\n\nCall me Ishmael. Some years ago I went to sea."
    assert headings_of(text) == ["CHAPTER 1", "Loomings"]
    assert sentences_of(text) == ["Call me Ishmael.", "Some years ago I went to sea."]


def test_short_lines_between_blank_lines_are_subheadings() -> None:
    text = (
        "Storm hits the coast\n\nThe storm arrived at noon on Tuesday. Roads closed.\n\n"
        "Reaction\n\nThe mayor said the city was ready for the storm."
    )
    assert headings_of(text) == ["Storm hits the coast", "Reaction"]


def test_a_text_of_short_lines_keeps_its_lines_as_sentences() -> None:
    """When every paragraph would be a heading (a list without bullets, a poem of
    one-line stanzas), only the title is one: there must be something to summarise."""
    text = "Shopping\n\nmilk and eggs\n\nbread from the baker\n\nstamps"
    assert headings_of(text) == ["Shopping"]
    assert sentences_of(text) == ["milk and eggs", "bread from the baker", "stamps"]


def test_byline_in_capitals_is_a_sentence_not_a_heading_and_not_a_pick() -> None:
    """A byline in capitals that is a sentence stays one (sumy's own parser would drop
    it silently); it is not picked while the story has other sentences, and it is
    when it has nothing else."""
    text = (
        "BY JANE DOE, STAFF WRITER.\n\n"
        "The city council voted on Tuesday to raise the tax on empty homes. "
        "The vote was close, with seven members for and six against the new tax. "
        "Owners of empty homes will pay the tax from next spring onwards."
    )
    seg = segment(text)
    assert seg.headings == ()
    assert seg.sentence_text(seg.sentences[0]) == "BY JANE DOE, STAFF WRITER."
    assert left_out(seg, 3) == {0: CAPITALS}
    for name in ("lead", "tread", "auto", "luhn"):
        assert 0 not in [s.index for s in summarize(seg, name, 3).sentences], name
    assert [s.index for s in summarize(seg, "lead", 4).sentences] == [0, 1, 2, 3]


def test_fragments_are_picked_only_when_there_is_nothing_else() -> None:
    text = '"Stop the ship!" cried Ahab. The crew ran to the sails at once. Look!'
    seg = segment(text, detect_title=False)
    assert [seg.sentence_text(s) for s in seg.sentences] == [
        '"Stop the ship!"',
        "cried Ahab.",
        "The crew ran to the sails at once.",
        "Look!",
    ]
    assert left_out(seg, 1) == {0: FRAGMENT, 1: FRAGMENT, 3: FRAGMENT}
    summary = summarize(seg, "luhn", 1)
    assert [s.index for s in summary.sentences] == [2]
    assert [rank for _, rank in summary.ranking] == [None, None, 1, None]
    assert summary.notes == {0: FRAGMENT, 1: FRAGMENT, 3: FRAGMENT}
    # two sentences asked for, one that is not a fragment: every sentence is a candidate
    assert len(summarize(seg, "luhn", 2).sentences) == 2
    assert summarize(seg, "luhn", 2).notes == {}


def _bad_picks(path: Path, count: int) -> dict[str, list[str]]:
    """Per algorithm, the picks that are a heading line or a fragment."""
    text = path.read_text(encoding="utf-8")
    seg = segment(text)
    lines = {text[h.start : h.end] for h in seg.headings}
    bad: dict[str, list[str]] = {}
    for name, algo in ALGORITHMS.items():
        if algo.name == "random":
            continue
        for s in summarize(seg, name, count).sentences:
            picked = seg.sentence_text(s.sentence)
            if (
                picked in lines
                or heading_kind(picked) in ("chapter heading", "line in capitals")
                or word_count(picked) < 4
                or in_capitals(picked)
            ):
                bad.setdefault(name, []).append(picked)
    return bad


def test_no_pick_on_moby_dick_is_a_heading_or_a_fragment() -> None:
    assert _bad_picks(MOBY, 10) == {}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_no_pick_on_a_sample_article_is_a_heading_or_a_fragment(path: Path) -> None:
    assert _bad_picks(path, 5) == {}


def test_the_seed_article_is_unchanged() -> None:
    """The seed article has no title line and no heading: its first line is a
    sentence, and every sentence is a candidate."""
    seg = segment(SEED.read_text(encoding="utf-8"))
    assert seg.headings == ()
    assert left_out(seg, 5) == {}


def test_each_item_of_a_list_or_turn_of_a_transcript_is_a_paragraph() -> None:
    text = "Agenda for today\n- the budget\n- the hall\n  and its keys\n\nALICE: Yes.\nBOB: No."
    seg = segment(text, detect_title=False)
    assert [text[h.start : h.end] for h in seg.headings] == ["Agenda for today"]
    assert [seg.sentence_text(s) for s in seg.sentences] == [
        "- the budget",
        "- the hall\n  and its keys",
        "ALICE: Yes.",
        "BOB: No.",
    ]
    assert [s.paragraph for s in seg.sentences] == [1, 2, 3, 4]
