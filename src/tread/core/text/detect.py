"""Which of tread's languages a text is in: detected, or the configured one and why.

Detection is lingua's (lingua-language-detector) in its low-accuracy mode, restricted to
the languages tread segments. Chosen over py3langid by benchmarks/language.py: they are
about as accurate on sentences (97.9% and 99.3%), but py3langid needs about 0.8 s of CPU
to unpack its model and lingua about 0.12 s to load its trigram models (the cost is
lingua's 96 MB of installed models). ``choosing.py`` overlaps even that with the
summariser's imports.

A text is sampled in windows of words spread over it, each window votes for a language
with its words, and the winner must hold most of the vote: a text too short to tell,
one whose windows are unsure, and one written in two languages fall back to the
configured language, and the choice says why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from tread.core.text.languages import DEFAULT_LANGUAGE, ISO_CODES, normalize_language

AUTO: Final = "auto"
#: fewer words than this: too short to tell
MIN_WORDS: Final = 5
#: words per window, and at most this many windows spread over a long text
WINDOW_WORDS: Final = 30
MAX_WINDOWS: Final = 24
#: a window votes only when lingua gives its top language at least this confidence
MIN_CONFIDENCE: Final = 0.6
#: how many times its confidence the configured language counts in each window
PRIOR: Final = 4.0
#: the winner's share of the words sampled must reach this to be the text's language
MIN_SHARE: Final = 0.7
#: below MIN_SHARE, a second language with this share makes the text mixed
MIXED_SHARE: Final = 0.2

_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?…;])\s+")
#: texts longer than this many characters are sampled, not read whole
_LONG: Final = 24_000


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    """The language a text is analysed in, and how it was chosen."""

    language: str
    #: True when detection chose it; False when it was asked for or fallen back to
    detected: bool
    #: why detection fell back (too short, unclear, mixed); None otherwise
    note: str | None = None


def choose_language(text: str, requested: str, fallback: str = DEFAULT_LANGUAGE) -> LanguageChoice:
    """``requested`` when it names a language; detected from ``text`` when it is "auto"."""
    if requested.strip().lower() == AUTO:
        return detect_language(text, fallback)
    return LanguageChoice(normalize_language(requested), detected=False)


def detect_language(text: str, fallback: str = DEFAULT_LANGUAGE) -> LanguageChoice:
    """The language of ``text`` among tread's, or ``fallback`` with a note saying why."""
    fallback = normalize_language(fallback)
    windows = _windows(text)
    total = sum(len(w) for w in windows)
    if total < MIN_WORDS:
        return _fell_back(fallback, f"too short to tell its language ({total} words)")
    votes: Counter[str] = Counter()
    detector = _detector()
    for words in windows:
        found = _top(detector, " ".join(words), fallback)
        if found is not None:
            votes[found] += len(words)
    ranked = votes.most_common(2)
    if ranked and ranked[0][1] >= MIN_SHARE * total:
        return LanguageChoice(ranked[0][0], detected=True)
    if len(ranked) == 2 and ranked[1][1] >= MIXED_SHARE * total:
        shares = ", ".join(f"{lang} {100 * n / total:.0f}%" for lang, n in ranked)
        return _fell_back(fallback, f"mixed languages ({shares})")
    return _fell_back(fallback, "its language is unclear")


def _fell_back(fallback: str, why: str) -> LanguageChoice:
    return LanguageChoice(fallback, detected=False, note=f"{why}; using {fallback}")


def _windows(text: str) -> list[list[str]]:
    """The words of each sentence-like piece (cut at . ! ? … followed by a space), short
    pieces joined to the next and long ones cut at WINDOW_WORDS: all of a short text, or
    MAX_WINDOWS pieces spread evenly over a long one (the cost does not grow with it)."""
    windows: list[list[str]] = []
    current: list[str] = []
    for piece in _pieces(text):
        current.extend(m.group() for m in _WORD.finditer(piece))
        while len(current) >= WINDOW_WORDS:
            windows.append(current[:WINDOW_WORDS])
            current = current[WINDOW_WORDS:]
        if len(current) >= MIN_WORDS:
            windows.append(current)
            current = []
    if current:
        if windows and len(current) < MIN_WORDS:
            windows[-1].extend(current)
        else:
            windows.append(current)
    return windows


def _pieces(text: str) -> Iterator[str]:
    """Sentence-like pieces of ``text``; of a long text, MAX_WINDOWS spread over it."""
    if len(text) <= _LONG:
        yield from _SENTENCE_END.split(text)
        return
    step = len(text) // MAX_WINDOWS
    for k in range(MAX_WINDOWS):
        start = k * step
        window = text[start : start + _LONG // MAX_WINDOWS]
        # the first and last pieces of a slice may be cut mid-sentence: drop them
        pieces = _SENTENCE_END.split(window)
        yield from (pieces[1:-1] if len(pieces) > 2 else pieces)


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in ISO_CODES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _top(detector: Any, text: str, expected: str) -> str | None:
    """The window's language, when lingua is confident enough of it. The configured
    language counts PRIOR times its confidence: a reader's own language is the likelier
    one, and names in a short English sentence ("Officials at Acme met Angela Merkel in
    Berlin") otherwise pass for Swedish."""
    values = {
        ISO_CODES[v.language.iso_code_639_1.name.lower()]: v.value
        for v in detector.compute_language_confidence_values(text)
    }
    if expected in values:
        values[expected] *= PRIOR
    total = sum(values.values())
    if not total:
        return None
    best = max(values, key=values.__getitem__)
    return best if values[best] / total >= MIN_CONFIDENCE else None
