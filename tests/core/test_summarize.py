from __future__ import annotations

import re

import pytest

from tests.conftest import SAMPLE_FILES
from tread.core.errors import EmptyDocument, UnknownAlgorithm
from tread.core.summarizers.registry import ALGORITHMS, get_algorithm
from tread.core.summarizers.summarize import sentence_count_for, summarize
from tread.core.summarizers.sumy_adapter import build_document, make_summarizer
from tread.core.text.segment import get_tokenizer, segment

#: the algorithms of their own (auto picks one of them)
OWN = [name for name, a in ALGORITHMS.items() if a.chooser is None]
DETERMINISTIC = [a for a in OWN if a not in ("random", "edmundson")]
#: LSA breaks ties its own way, where sumy's SVD has rounding noise (test_fast.py)
STOCK_EXACT = [a for a in DETERMINISTIC if a != "lsa"]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def stock_sumy(text_body: str, algorithm: str, language: str, count: int) -> list[str]:
    """What sumy itself picks, parsing the text with its own PlaintextParser, without the
    fragments tread leaves out (candidates.py)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.parsers.plaintext import PlaintextParser

    from tread.core.summarizers.candidates import left_out

    doc = PlaintextParser.from_string(text_body, get_tokenizer(language)).document
    seg = segment(text_body, language, captions=False)
    skip = {norm(seg.sentence_text(seg.sentences[i])) for i in left_out(seg, count)}
    doc = ObjectDocumentModel(
        [
            Paragraph([s for s in p.headings + p.sentences if norm(str(s)) not in skip])
            for p in doc.paragraphs
        ]
    )
    summarizer = make_summarizer(get_algorithm(algorithm), seg, list(doc.sentences), fast=False)
    return [norm(str(s)) for s in summarizer(doc, count)]


@pytest.mark.parametrize("algorithm", STOCK_EXACT)
def test_same_sentences_as_stock_sumy_on_sample_articles(algorithm: str) -> None:
    for path in SAMPLE_FILES:
        text = path.read_text(encoding="utf-8")
        seg = segment(text, captions=False)  # sumy's parser knows nothing of captions
        # sumy's parser only knows ALL-CAPS headings: give it title and datelines in capitals
        for h in seg.headings:
            text = text[: h.start] + text[h.start : h.end].upper() + text[h.end :]
        body = text
        ours = summarize(seg, algorithm, 4)
        assert [norm(seg.sentence_text(s.sentence)) for s in ours.sentences] == stock_sumy(
            body, algorithm, "english", 4
        ), path.name


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_summary_is_a_subset_in_document_order_of_the_requested_size(algorithm: str) -> None:
    text = SAMPLE_FILES[0].read_text(encoding="utf-8")
    seg = segment(text)
    summary = summarize(seg, algorithm, 3)
    indices = [s.index for s in summary.sentences]
    assert len(indices) == 3
    assert indices == sorted(set(indices))
    for s in summary.sentences:
        assert seg.sentences[s.index] == s.sentence
        assert text[s.start : s.end] == seg.sentence_text(s.sentence)
    assert summary.algorithm == algorithm
    assert summary.document_sentence_count == len(seg.sentences)


@pytest.mark.parametrize("algorithm", DETERMINISTIC)
def test_chosen_sentences_are_the_best_ranked(algorithm: str) -> None:
    seg = segment(SAMPLE_FILES[1].read_text(encoding="utf-8"))
    summary = summarize(seg, algorithm, 4)
    assert sorted(s.rank for s in summary.sentences) == [1, 2, 3, 4]
    best = max(summary.sentences, key=lambda s: s.score)
    assert best.rank == 1


def test_never_more_sentences_than_the_document_has() -> None:
    seg = segment("Only one sentence here.")
    assert len(summarize(seg, "lex-rank", 10).sentences) == 1
    assert sentence_count_for(3, count=10) == 3
    assert sentence_count_for(40, ratio=0.2) == 8
    assert sentence_count_for(2, ratio=0.01) == 1


def test_identical_sentences_keep_their_own_positions() -> None:
    text = "The cat sat. The dog ran far away. The cat sat. A bird sang loudly today."
    seg = segment(text, detect_title=False)
    summary = summarize(seg, "luhn", 4)
    assert [s.index for s in summary.sentences] == [0, 1, 2, 3]
    assert [s.start for s in summary.sentences] == [s.start for s in seg.sentences]


def test_edmundson_uses_title_and_frequent_words() -> None:
    text = SAMPLE_FILES[2].read_text(encoding="utf-8")
    seg = segment(text)
    doc, ordered = build_document(seg)
    assert len(doc.headings) == 1 and len(ordered) == len(seg.sentences)
    summary = summarize(seg, "edmundson", 3)
    assert len(summary.sentences) == 3


def test_edmundson_without_stigma_words_says_so() -> None:
    seg = segment("Das ist ein Satz. Noch ein Satz hier.", "german", detect_title=False)
    with pytest.raises(Exception, match="edmundson has no stigma words for german") as info:
        summarize(seg, "edmundson", 1)
    able = str(info.value).split("use one of: ")[1].split(", ")
    assert "lex-rank" in able and "edmundson" not in able  # from the registry


def test_unknown_algorithm_and_empty_document() -> None:
    with pytest.raises(UnknownAlgorithm, match="lex-rank"):
        get_algorithm("magic")
    with pytest.raises(EmptyDocument):
        summarize(segment("   "), "luhn", 2)


def test_graph_algorithms_refuse_texts_over_their_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from tread.core.errors import InputTooLarge

    seg = segment(" ".join(f"Sentence number {i} is here." for i in range(30)))
    monkeypatch.setenv("TREAD_MAX_GRAPH_SENTENCES", "20")
    with pytest.raises(
        InputTooLarge,
        match=r"30 sentences is over the 20-sentence limit of "
        r"lex-rank .* use one of luhn, edmundson, lsa",
    ):
        summarize(seg, "lex-rank", 3)
    assert len(summarize(seg, "luhn", 3).sentences) == 3
