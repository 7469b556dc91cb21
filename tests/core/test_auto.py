"""``auto``: the default algorithm picks one by the kind of text (issue 14, item 2)."""

from __future__ import annotations

from tests.conftest import ROOT, SAMPLE_FILES, SEED
from tread.core.config import Config, from_mapping
from tread.core.summarizers.kind import LONG_ALGORITHM, LONG_SENTENCES, NOTES_ALGORITHM
from tread.core.summarizers.registry import ALGORITHMS, DEFAULT_ALGORITHM
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment

MOBY = ROOT / "tests" / "data" / "moby-dick-excerpt.txt"
NOTES = """Meeting notes, 3 March

- budget for the spring fair agreed at 400 pounds
- Sam books the hall before Friday
- posters: Alex asks the printer for a quote
- next meeting on the 17th, same room
- bring the keys back to the office
"""


def test_auto_is_the_default_everywhere() -> None:
    assert DEFAULT_ALGORITHM == "auto"
    assert next(iter(ALGORITHMS)) == "auto"
    assert Config().algorithm == "auto"
    config, problems = from_mapping({"algorithm": "auto"})
    assert config.algorithm == "auto" and not problems


def test_news_gets_treads_model() -> None:
    for path in SAMPLE_FILES:
        seg = segment(path.read_text(encoding="utf-8"))
        summary = summarize(seg, "auto", 3)
        assert summary.algorithm == "auto" and summary.choice is not None
        assert (summary.choice.kind, summary.choice.algorithm, summary.choice.count) == (
            "news",
            "tread",
            3,
        )
        same = summarize(seg, "tread", 3)
        assert summary.sentences == same.sentences and summary.ranking == same.ranking
        assert summary.used == "tread"


def test_a_book_gets_the_position_blind_method_and_more_sentences() -> None:
    seg = segment(MOBY.read_text(encoding="utf-8"))
    summary = summarize(seg, "auto")
    choice = summary.choice
    assert choice is not None
    assert (choice.kind, choice.algorithm, choice.count) == ("long", "luhn", LONG_SENTENCES)
    assert LONG_ALGORITHM == "luhn"
    assert any("chapter headings" in r for r in choice.kind_reasons)
    assert any("position-blind" in r for r in choice.reasons)
    assert len(summary.sentences) == LONG_SENTENCES
    assert summary.sentences == summarize(seg, "luhn", LONG_SENTENCES).sentences
    assert len(summarize(seg, "auto", 3).sentences) == 3  # a number asked for is kept


def test_notes_get_the_notes_method() -> None:
    seg = segment(NOTES)
    summary = summarize(seg, "auto", 2)
    assert summary.choice is not None
    assert (summary.choice.kind, summary.choice.algorithm) == ("notes", NOTES_ALGORITHM)
    assert any("bullets" in r for r in summary.choice.kind_reasons)
    assert len(summary.sentences) == 2


def test_an_algorithm_of_its_own_has_no_choice() -> None:
    summary = summarize(segment(SEED.read_text(encoding="utf-8")), "lex-rank", 2)
    assert summary.choice is None and summary.used == "lex-rank"
