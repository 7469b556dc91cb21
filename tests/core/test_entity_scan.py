"""Chunks for NER and the viewport-first, cancellable entity scan (no spaCy: a toy model
that calls every capitalised word an organisation)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from tread.core.article import Entity
from tread.core.entities.chunks import Span, chunk_spans, priority_order
from tread.core.entities.corrections import correct
from tread.core.entities.scan import EntityScan, ScanBatch


class ToyModel:
    """Capitalised words are ORG; records the chunks it is asked for."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self.calls: list[list[Span]] = []

    def chunks(self, text: str) -> list[Span]:
        return chunk_spans(text, self.limit)

    def model_entities(self, text: str, spans: Sequence[Span]) -> list[Entity]:
        self.calls.append(list(spans))
        return [
            Entity(m.start() + s, m.end() + s, "ORG", m.group())
            for s, e in spans
            for m in re.finditer(r"\b[A-Z][a-z]+", text[s:e])
        ]

    def finish(self, text: str, entities: list[Entity]) -> list[Entity]:
        return correct(text, entities)

    def extract(self, text: str, cancelled: object = None) -> list[Entity]:
        return self.finish(text, self.model_entities(text, self.chunks(text)))


def book(paragraphs: int = 40) -> str:
    return "\n\n".join(
        f"Chapter {i}. Ishmael met Queequeg in Nantucket. The Pequod left port {i}."
        for i in range(paragraphs)
    )


def test_chunks_keep_paragraph_grouping_when_every_paragraph_fits() -> None:
    text = "Aa aa.\n\nBb bb bb.\n\nCc.\n\nDd dd dd dd dd."
    assert chunk_spans(text, 16) == [(0, 6), (8, 22), (24, 39)]


def test_a_long_paragraph_is_cut_between_sentences() -> None:
    sentences = [f"Dr. Smith of the Agency {i} visited Los Angeles on Monday." for i in range(300)]
    text = " ".join(sentences)
    spans = chunk_spans(text, 1_000)
    assert len(spans) > 10
    assert all(e - s <= 1_000 for s, e in spans)
    assert all(text[s:e].startswith("Dr. Smith") and text[e - 1] == "." for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_sentence_longer_than_the_limit_is_cut_at_spaces() -> None:
    text = "word " * 1_000
    spans = chunk_spans(text, 300)
    assert all(e - s <= 300 and not text[s:e].startswith(" ") for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == "word" * 1_000


def test_priority_is_the_focus_then_onwards_then_back() -> None:
    chunks = [(0, 10), (10, 20), (20, 30), (30, 40), (40, 50)]
    assert priority_order(chunks, (22, 29)) == [2, 3, 1, 4, 0]
    assert priority_order(chunks, (22, 25)) == [2, 1, 3, 4, 0]  # 2 behind, 5 ahead
    assert priority_order(chunks, (15, 35)) == [1, 2, 3, 4, 0]
    assert priority_order(chunks, (0, 0)) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("focus", [(0, 0), (1_500, 1_700), (10**9, 10**9)])
def test_scan_finds_what_extract_finds_whatever_the_focus(focus: Span) -> None:
    text = book()
    model = ToyModel()
    batches: list[ScanBatch] = []
    result = EntityScan(model, text, focus=focus, batch_chars=300).run(batches.append)
    assert result == ToyModel().extract(text)
    read = sorted(span for b in batches for span in b.spans)
    assert read == model.chunks(text)  # every chunk once
    assert batches[-1].done == batches[-1].total and batches[-1].fraction == 1.0
    first = batches[0].spans
    if focus[1] <= len(text):
        assert any(s < max(focus[1], 1) and focus[0] < e for s, e in first)
    for b in batches:
        assert sum(e - s for s, e in b.spans) <= 300 or len(b.spans) == 1
        assert all(any(s <= x.start < e for s, e in b.spans) for x in b.entities)


def test_batch_entities_are_corrected_within_their_chunks() -> None:
    text = "The Drug Enforcement Administration (DEA) came. The DEA left."
    batches: list[ScanBatch] = []
    EntityScan(ToyModel(), text).run(batches.append)
    assert ("DEA", "ORG") in {(e.text, e.label) for e in batches[0].entities}
    assert "Drug Enforcement Administration" in {e.text for e in batches[0].entities}


def test_refocus_reads_the_new_place_next() -> None:
    text = book(80)
    model = ToyModel()
    scan = EntityScan(model, text, focus=(0, 10), batch_chars=200)
    target = len(text) - 100

    def jump(batch: ScanBatch) -> None:
        if len(model.calls) == 1:
            scan.refocus(target, target + 10)

    assert scan.run(jump) == ToyModel().extract(text)
    assert model.calls[0][0][0] == 0
    s, e = model.calls[1][0]
    assert s <= target < e


def test_cancel_stops_before_the_next_batch() -> None:
    model = ToyModel()
    scan = EntityScan(model, book(), batch_chars=200)
    seen: list[ScanBatch] = []

    def cancel_after_two(batch: ScanBatch) -> None:
        seen.append(batch)
        if len(seen) == 2:
            scan.cancel()

    assert scan.run(cancel_after_two) is None
    assert len(model.calls) == 2 and len(seen) == 2 and scan.cancelled


def test_a_worker_flag_cancels_too() -> None:
    model = ToyModel()
    asked = iter([False, False, True])
    result = EntityScan(model, book(), batch_chars=200).run(cancelled=lambda: next(asked, True))
    assert result is None and len(model.calls) == 2


def test_a_backend_without_chunks_is_one_step() -> None:
    class Whole:
        def extract(self, text: str, cancelled: object = None) -> list[Entity]:
            return [Entity(0, 3, "ORG", text[:3])]

    batches: list[ScanBatch] = []
    assert EntityScan(Whole(), "ICE came.").run(batches.append) == [Entity(0, 3, "ORG", "ICE")]
    assert len(batches) == 1 and batches[0].fraction == 1.0
