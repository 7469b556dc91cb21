"""Image captions that run into a news story's text, as in Daily Mail articles.

Web copy loses the layout: a caption such as "Jesse and Melissa Meek announced they are
expecting a child" sits between two paragraphs without a final stop, so the sentence
splitter glues it to the next sentence ("... a child The original song ..."). The join
shows as a capitalised function word ("The", "But", "He") right after a plain word.
:func:`caption_breaks` finds those joins; :func:`split_at_captions` cuts the sentences
there (offsets only: the text is untouched). Measured on the Daily Mail stories in
``benchmarks/results/train_news.md``. The rule relies on English capitalisation (in
German every noun is capitalised, and "Sie" is a stop word): English only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Final

from tread.core.article import Segmentation, Sentence

_TOKEN: Final = re.compile(r"\S+")
_WORD: Final = re.compile(r"[^\W\d_][\w'-]*")
_OPENING: Final = "\"'‘“«(["
_CLOSING: Final = "'’\")"
# a word after white space, without its opening quotes or brackets (_OPENING)
_LATER_CAPITALISED: Final = re.compile(r"\s[\"'‘“«(\[]*(\S+)")
# "Label: text" opening a caption ("Pictured:", "New venture:"), not "Smith said: ...";
# and the Daily Mail's video marker
_CAPTION_LABEL: Final = re.compile(r"Scroll down for video\s*|[A-Z][\w'’-]*(?:\s[\w'’-]+){0,2}:\s")
_SPEECH: Final = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "told",
        "tells",
        "explained",
        "wrote",
        "writes",
        "asked",
        "asks",
        "continued",
        "insisted",
        "admitted",
        "revealed",
        "warned",
        "stated",
        "replied",
        "commented",
    }
)


@cache
def english_stop_words() -> frozenset[str]:
    """sumy's English stop words: the function words a sentence may open with."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


def caption_breaks(text: str, stop_words: frozenset[str] | None = None) -> list[int]:
    """Offsets in ``text`` where a sentence starts right after a caption without a
    final stop: a capitalised stop word ("The", "But", "An"; not "I") that follows a
    lower-case word, a number or a closing quote or bracket, is followed by a word that
    is not capitalised (titles and names are: "told The Huffington Post", "Fear The
    Walking Dead") and stands outside double quotes. The first two words never count."""
    stop_words = english_stop_words() if stop_words is None else stop_words
    # most sentences have no capitalised stop word after their first word: done
    later = _LATER_CAPITALISED.findall(text)
    if not any(w[:1].isupper() and w.lower() in stop_words for w in later):
        return []
    breaks = []
    tokens = list(_TOKEN.finditer(text))
    quotes = 0
    for k in range(1, len(tokens) - 1):
        before, after = tokens[k].group(), tokens[k + 1].group()
        quotes += sum(before.count(q) for q in '"“”')
        if k + 2 >= len(tokens):
            break
        word = after.lstrip(_OPENING)
        following = tokens[k + 2].group().lstrip(_OPENING)
        if (
            word[:1].isupper()
            and word.lower() in stop_words
            and word != "I"
            and not word.startswith(("I'", "I’"))
            and (before[-1:].isalnum() or before[-1:] in _CLOSING)
            and (not before[:1].isupper() or before[-1:] in _CLOSING)
            and before.lower().strip(_CLOSING) not in stop_words
            and not _title_word(following)
            and quotes % 2 == 0
            and not after.startswith(('"', "“"))
        ):
            breaks.append(tokens[k + 1].start())
    return breaks


def _title_word(word: str) -> bool:
    """Capitalised like a name or a title ("Huffington"), not an acronym ("FBI")."""
    return word[:1].isupper() and not word.rstrip(",.;:'’\")").isupper()


def caption_like(text: str, stop_words: frozenset[str] | None = None) -> bool:
    """True when a caption runs into the sentence, or the sentence opens like a
    caption ("Pictured: ...", "New venture: ...")."""
    label = _CAPTION_LABEL.match(text)
    if label and not _SPEECH.intersection(_WORD.findall(label.group().lower())):
        return True
    return bool(caption_breaks(text, stop_words))


def cut_at_captions(
    text: str, start: int, end: int, stop_words: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """``text[start:end]`` (a sentence) as the spans left when it is cut where a caption
    runs into it; the one span when none does. segment.py calls it for English text."""
    cuts = [start + b for b in caption_breaks(text[start:end], stop_words)]
    spans = []
    for a, b in pairwise([start, *cuts, end]):
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def split_at_captions(seg: Segmentation, stop_words: frozenset[str] | None = None) -> Segmentation:
    """``seg`` with each sentence cut where a caption runs into it (segmentation of
    English text already does it: for text segmented with ``captions=False``)."""
    sentences: list[Sentence] = []
    for s in seg.sentences:
        for start, end in cut_at_captions(seg.text, s.start, s.end, stop_words):
            sentences.append(Sentence(len(sentences), start, end, s.paragraph))
    return replace(seg, sentences=tuple(sentences))
