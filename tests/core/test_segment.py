from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_FILES
from tread.core.errors import UnsupportedLanguage
from tread.core.text.languages import normalize_language, supported_languages
from tread.core.text.segment import get_tokenizer, paragraph_spans, segment


def texts(text: str, **kw: object) -> list[str]:
    seg = segment(text, **kw)  # type: ignore[arg-type]
    return [seg.sentence_text(s) for s in seg.sentences]


def test_offsets_rebuild_each_sentence_of_every_sample() -> None:
    for path in SAMPLE_FILES:
        text = path.read_text(encoding="utf-8")
        seg = segment(text)
        assert seg.sentences, path
        prev_end = 0
        for i, s in enumerate(seg.sentences):
            piece = text[s.start : s.end]
            assert s.index == i
            assert piece and piece == piece.strip()
            assert s.start >= prev_end
            prev_end = s.end


def test_abbreviations_dates_and_decimals_do_not_end_sentences() -> None:
    got = texts(
        "Dr. Smith flew to the U.S. on Jan. 5. He paid $3.50 for a coffee. It was cold.",
        detect_title=False,
    )
    assert got == [
        "Dr. Smith flew to the U.S. on Jan. 5.",
        "He paid $3.50 for a coffee.",
        "It was cold.",
    ]


def test_sumy_extra_abbreviations_are_kept() -> None:
    got = texts(
        "Many birds were seen, e.g. Robins and sparrows. The work of Smith et al. Was cited.",
        detect_title=False,
    )
    assert got == [
        "Many birds were seen, e.g. Robins and sparrows.",
        "The work of Smith et al. Was cited.",
    ]


def test_quotes_and_ellipses() -> None:
    got = texts('He said: "We will win." Then he left... The crowd cheered!', detect_title=False)
    assert got[0] == 'He said: "We will win."'
    assert got[-1] == "The crowd cheered!"


def test_paragraphs_come_from_blank_lines_and_hard_wraps_stay_together() -> None:
    text = "First line of a\nwrapped paragraph here.\n\n\nSecond paragraph. Two sentences."
    seg = segment(text, detect_title=False)
    assert [s.paragraph for s in seg.sentences] == [0, 1, 1]
    assert seg.sentence_text(seg.sentences[0]) == "First line of a\nwrapped paragraph here."


def test_one_paragraph_per_line_when_lines_end_sentences() -> None:
    text = "The first paragraph ends here.\nThe second one too.\nAnd a third."
    assert len(paragraph_spans(text)) == 3


def test_crlf_offsets_point_into_the_original_text() -> None:
    text = "Title of it\r\n\r\nOne sentence here. Another one.\r\n\r\nLast one.\r\n"
    seg = segment(text)
    assert seg.title == "Title of it"
    assert [seg.sentence_text(s) for s in seg.sentences] == [
        "One sentence here.",
        "Another one.",
        "Last one.",
    ]
    assert [s.paragraph for s in seg.sentences] == [1, 1, 2]


def test_title_line_is_a_heading_not_a_sentence() -> None:
    text = "Markets rally on rate news\n\nStocks rose today. Bonds fell."
    seg = segment(text)
    assert seg.title == "Markets rally on rate news"
    assert [seg.sentence_text(s) for s in seg.sentences] == ["Stocks rose today.", "Bonds fell."]


def test_all_caps_byline_and_first_sentence_are_not_headings() -> None:
    text = "BY JANE DOE, STAFF WRITER.\n\nTHE CITY VOTED TODAY. The vote was close."
    seg = segment(text)
    assert seg.headings == ()
    assert texts(text)[0] == "BY JANE DOE, STAFF WRITER."
    assert "THE CITY VOTED TODAY." in texts(text)


def test_first_line_that_is_a_sentence_is_not_a_title() -> None:
    from tests.conftest import SEED

    seg = segment(SEED.read_text(encoding="utf-8"))
    assert seg.title is None
    assert seg.sentence_text(seg.sentences[0]).startswith("Federal law enforcement officials")


def test_explicit_headings_are_used_instead_of_guessing() -> None:
    text = "Intro\n\nBody text here. More.\n\nPart two\n\nEnd of it."
    part = text.index("Part two")
    seg = segment(text, headings=[(0, 5), (part, part + 8)])
    assert [text[h.start : h.end] for h in seg.headings] == ["Intro", "Part two"]
    assert len(seg.sentences) == 3


def test_word_filter_matches_sumy() -> None:
    sentence = "It's 3 o'clock, Dr. Jekyll-Hyde said: 42% of U.S. voters!"
    words = get_tokenizer("english").to_words(sentence)
    assert "3" not in words and "42" not in words and "," not in words
    assert "Jekyll-Hyde" in words and "said" in words


@pytest.mark.parametrize("language", supported_languages())
def test_every_supported_language_segments(language: str) -> None:
    seg = segment("Alpha beta gamma. Delta epsilon zeta. Eta theta.", language, detect_title=False)
    assert len(seg.sentences) >= 2
    assert get_tokenizer(language).to_words("Alpha beta gamma.")


def test_iso_codes_and_unknown_language() -> None:
    assert normalize_language("DE") == "german"
    with pytest.raises(UnsupportedLanguage, match="english") as info:
        normalize_language("klingon")
    assert "klingon" in str(info.value)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\r\t\"'Dr.U.S")), max_size=200))
def test_segment_invariants_on_arbitrary_text(text: str) -> None:
    seg = segment(text)
    prev = 0
    for s in seg.sentences:
        assert 0 <= prev <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip()
        prev = s.end
    for h in seg.headings:
        assert all(not (h.start <= s.start < h.end) for s in seg.sentences)


def test_a_date_alone_on_its_line_is_a_dateline_not_a_sentence() -> None:
    text = (
        "Big storm hits the coast\n\nWednesday, September 7, 2016\n\n"
        "The storm arrived at noon. Roads were closed."
    )
    seg = segment(text)
    assert [text[h.start : h.end] for h in seg.headings] == [
        "Big storm hits the coast",
        "Wednesday, September 7, 2016",
    ]
    assert [seg.sentence_text(s) for s in seg.sentences] == [
        "The storm arrived at noon.",
        "Roads were closed.",
    ]
    assert len(segment("It happened on September 7, 2016 at noon.\n\nMore.").sentences) == 2
