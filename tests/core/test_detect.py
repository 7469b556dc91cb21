"""Language detection: each supported language is found; short, unclear and mixed texts
fall back to the configured language and say why; an explicit language wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tread.core.article import Article
from tread.core.errors import UnsupportedLanguage
from tread.core.text import choosing, detect
from tread.core.text.choosing import start_choosing
from tread.core.text.detect import LanguageChoice, choose_language, detect_language
from tread.core.text.languages import ISO_CODES
from tread.core.text.segment import segment_article

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"


def news(iso: str) -> str:
    return (NEWS / f"{iso}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("iso", sorted(ISO_CODES))
def test_a_news_paragraph_is_detected_in_its_language(iso: str) -> None:
    assert detect_language(news(iso), "english") == LanguageChoice(ISO_CODES[iso], True)


@pytest.mark.parametrize("iso", sorted(ISO_CODES))
def test_one_sentence_of_it_is_enough(iso: str) -> None:
    first = news(iso).split("\n\n", 1)[1].split(". ")[0] + "."
    assert detect_language(first, "english").language == ISO_CODES[iso]


def test_a_snippet_too_short_falls_back_and_says_so() -> None:
    choice = detect_language("Guten Morgen, Berlin!", "swedish")
    assert choice == LanguageChoice(
        "swedish", False, "too short to tell its language (3 words); using swedish"
    )


def test_two_languages_in_one_text_fall_back_as_mixed() -> None:
    german = news("de").split("\n\n", 1)[1]
    english = news("en").split("\n\n", 1)[1]
    choice = detect_language(german + "\n\n" + english, "english")
    assert not choice.detected and choice.language == "english"
    assert choice.note is not None and choice.note.startswith("mixed languages (")
    assert "german" in choice.note and choice.note.endswith("; using english")


def test_a_quotation_in_another_language_does_not_make_a_text_mixed() -> None:
    quote = ' Er sagte auf Englisch: "We will not give up on this city."'
    text = news("de") + quote
    assert detect_language(text, "english") == LanguageChoice("german", True)


def test_a_script_tread_does_not_read_is_unclear() -> None:
    choice = detect_language("Правительство объявило во вторник новые меры поддержки.", "french")
    assert choice == LanguageChoice("french", False, "its language is unclear; using french")


def test_an_explicit_language_wins_and_auto_detects() -> None:
    assert choose_language(news("de"), "en") == LanguageChoice("english", False)
    assert choose_language(news("de"), "auto", "english") == LanguageChoice("german", True)
    assert choose_language(news("de"), " AUTO ") == LanguageChoice("german", True)


def test_choosing_ahead_gives_the_same_choice_and_its_errors() -> None:
    assert start_choosing(news("pl"), "auto").result() == LanguageChoice("polish", True)
    assert start_choosing(news("pl"), "german").result() == LanguageChoice("german", False)
    with pytest.raises(UnsupportedLanguage, match="'klingon' is not supported"):
        start_choosing(news("pl"), "klingon").result()


def test_a_forked_child_chooses_without_loading_the_models_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(choosing, "_fork_pays", lambda: True)
    detect._detector.cache_clear()
    pending = start_choosing("Hej!", "auto", "swedish")
    assert pending.forked
    note = "too short to tell its language (1 words); using swedish"
    assert pending.result() == LanguageChoice("swedish", False, note)
    pending = start_choosing(news("sk"), "auto")
    assert pending.forked and pending.result() == LanguageChoice("slovak", True)
    assert detect._detector.cache_info().currsize == 0  # the child loaded them


def test_a_failed_child_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(choosing, "_fork_pays", lambda: True)
    monkeypatch.setattr(detect, "detect_language", lambda *a: 1 / 0)  # the child's copy
    pending = start_choosing(news("sv"), "auto")
    monkeypatch.undo()
    assert pending.forked and pending.result() == LanguageChoice("swedish", True)


def test_a_long_text_is_sampled_not_read_whole() -> None:
    text = news("it") * 3000  # about 2.3 MB
    assert len(detect._windows(text)) <= 10 * detect.MAX_WINDOWS
    assert detect_language(text).language == "italian"


def test_segmentation_records_how_the_language_was_chosen() -> None:
    article = Article(news("fr"), "fr.txt")
    seg = segment_article(article, "auto")
    assert (seg.language, seg.language_detected, seg.language_note) == ("french", True, None)
    short = segment_article(Article("Bonjour à tous.", "s.txt"), "auto", fallback="german")
    assert (short.language, short.language_detected) == ("german", False)
    assert short.language_note == "too short to tell its language (3 words); using german"
    explicit = segment_article(article, "spanish")
    assert (explicit.language, explicit.language_detected) == ("spanish", False)


def test_the_configured_language_is_the_likelier_one_in_a_short_text() -> None:
    # lingua alone takes this for Swedish (0.76): its names outweigh "at", "met", "in"
    text = "Officials at [bold red]Acme Corporation[/] met Angela Merkel in Berlin."
    assert detect_language(text, "english").language == "english"
    swedish = "Ministern träffade Angela Merkel i Berlin i går."
    assert detect_language(swedish, "english") == LanguageChoice("swedish", True)
