"""Asking a caller's ``cancelled()`` from inside long work, cheaply.

A summary of a book runs for seconds in sumy's code, which tread cannot add checks to;
but every summariser goes through tread's hooks many times a second: the tokenizer
(once per sentence), the stemmer (once per word) and the rating recorder (once per
sentence). Each such hook holds a :class:`Checkpoint` and calls it; the checkpoint asks
``cancelled()`` every ``every`` calls and raises :class:`Cancelled` once it says yes.

A checkpoint belongs to one call of the work (made per call, never shared between
threads, never global): two readers' summaries in two threads each have their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tread.core.errors import Cancelled

__all__ = ["CheckedTokenizer", "Checkpoint", "checked_stemmer", "never"]

Flag = Callable[[], bool]


def never() -> None:
    """The checkpoint of work nobody will cancel."""


class Checkpoint:
    """Call it often; every ``every``-th call asks ``cancelled()`` (so a per-word hook
    costs a counter, not a call to the caller's flag)."""

    __slots__ = ("_cancelled", "_every", "_left", "_what")

    def __init__(self, cancelled: Flag, every: int = 1, what: str = "work") -> None:
        self._cancelled = cancelled
        self._every = max(1, every)
        self._left = self._every
        self._what = what

    def __call__(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._left = self._every
            if self._cancelled():
                raise Cancelled(f"{self._what} cancelled")

    def every(self, calls: int) -> Checkpoint:
        """A checkpoint on the same flag asking it every ``calls`` calls."""
        return Checkpoint(self._cancelled, calls, self._what)


class CheckedTokenizer:
    """A tokenizer for sumy's sentences that checks before each sentence's words (sumy
    asks for a sentence's words once and caches them)."""

    __slots__ = ("_check", "_tokenizer")

    def __init__(self, tokenizer: Any, check: Callable[[], None]) -> None:
        self._tokenizer = tokenizer
        self._check = check

    @property
    def language(self) -> str:
        language: str = self._tokenizer.language
        return language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        self._check()
        sentences: tuple[str, ...] = self._tokenizer.to_sentences(paragraph)
        return sentences

    def to_words(self, sentence: str) -> tuple[str, ...]:
        self._check()
        words: tuple[str, ...] = self._tokenizer.to_words(sentence)
        return words


def checked_stemmer(stem: Callable[[str], str], check: Callable[[], None]) -> Callable[[str], str]:
    """``stem``, checking at each call (give it a checkpoint that asks every few hundred
    calls: the stemmer is called for every word, cached or not)."""

    def checked(word: str) -> str:
        check()
        return stem(word)

    return checked
