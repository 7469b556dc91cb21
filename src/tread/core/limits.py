"""The limits on summarising, each in the unit that bounds the work it guards.

Input size in bytes says little about cost: 4 MB of "Go. " is a million sentences,
15 MB without a space is one "sentence", 200 sentences of unique words make a matrix
of a million rows. So the limits count what the work grows with:

- sentences, for every algorithm (each sentence is tokenised and scored);
- characters per sentence: a longer run is cut into pieces when the text is segmented,
  so no sentence (and no summary line) can be megabytes long;
- sentences, for the graph algorithms, which build an n x n matrix;
- sentence comparisons, for the greedy algorithms, whose work grows with the number of
  sentences asked for.

Each is checked before the work it bounds starts, and refused in one line naming the
limit, the measured value, the variable that raises it and what can take the input.
Defaults and measured costs: ``benchmarks/limits.py``.
"""

from __future__ import annotations

from typing import Final

from tread.core.envvars import env_number
from tread.core.errors import InputTooLarge

DEFAULT_MAX_SENTENCES: Final = 200_000
DEFAULT_MAX_SENTENCE_CHARS: Final = 5_000
DEFAULT_MAX_GRAPH_SENTENCES: Final = 5_000
DEFAULT_MAX_GREEDY_COMPARISONS: Final = 10_000_000
#: far above anything useful, low enough that no product of limits overflows
_CEILING: Final = 1e12


def _limit(name: str, default: int, unit: str) -> int:
    return int(env_number(name, default, unit=unit, maximum=_CEILING, integer=True))


def max_sentences() -> int:
    return _limit("TREAD_MAX_SENTENCES", DEFAULT_MAX_SENTENCES, "sentences")


def max_sentence_chars() -> int:
    return _limit("TREAD_MAX_SENTENCE_CHARS", DEFAULT_MAX_SENTENCE_CHARS, "characters")


def max_graph_sentences() -> int:
    return _limit("TREAD_MAX_GRAPH_SENTENCES", DEFAULT_MAX_GRAPH_SENTENCES, "sentences")


def max_greedy_comparisons() -> int:
    return _limit(
        "TREAD_MAX_GREEDY_COMPARISONS", DEFAULT_MAX_GREEDY_COMPARISONS, "sentence comparisons"
    )


def too_many_sentences(counted: int, limit: int, *, complete: bool = True) -> InputTooLarge:
    """The refusal for a text over the sentence limit of every algorithm.

    ``complete`` False: segmentation stopped as soon as it passed the limit, so
    ``counted`` is a lower bound.
    """
    measured = f"{counted:,} sentences" if complete else f"more than {limit:,} sentences"
    return InputTooLarge(
        f"{measured}: over the {limit:,}-sentence limit of every algorithm "
        f"(TREAD_MAX_SENTENCES raises it); summarise the text in parts"
    )


class OverBudget(Exception):
    """A greedy summariser passed its budget of sentence comparisons while running:
    repeated sentences keep its loop going past the summary length it was checked for
    (each copy of a chosen sentence must be placed before the choice is settled)."""

    def __init__(self, spent: int, picks: int) -> None:
        super().__init__(spent, picks)
        self.spent = spent
        self.picks = picks
