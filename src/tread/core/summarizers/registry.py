"""The summarisation algorithms, one :class:`Algorithm` record each.

Everything else reads this table: the CLI's ``--algorithm`` choices, the reader's
palette and its ``a`` key, ``tread eval``'s list, the config check, the size limits
(by ``cost``) and every message that names algorithms. Adding an algorithm is its module
and one entry here (or a :func:`register` call). Classes are named as "module:Class"
strings and imported only when a summary is made: sumy's summarisers import NLTK and
NumPy, which ``tread --help`` should not pay for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from tread.core.article import Segmentation
from tread.core.errors import UnknownAlgorithm, UnsupportedLanguage
from tread.core.summarizers.edmundson import STIGMA_WORDS

#: how an algorithm's work grows, which decides the limit that applies to it (cost.py):
#: "linear" in the sentences; "graph": an n x n sentence matrix; "greedy": each
#: sentence picked re-rates the sentences (sum-basic); "greedy-summary": each pick
#: rates every sentence against the summary so far (kl)
Cost = Literal["linear", "graph", "greedy", "greedy-summary"]


@dataclass(frozen=True, slots=True)
class Setup:
    """What an algorithm's ``configure`` hook gets for one document."""

    segmentation: Segmentation
    #: sumy's sentence objects, parallel to ``segmentation.sentences``
    sentences: Sequence[Any]
    stop_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Algorithm:
    name: str
    description: str
    #: "module:Class" of the summariser: a sumy ``AbstractSummarizer`` (sumy's own, or
    #: tread's), called with a stemmer
    summarizer: str
    #: "module:Class" of tread's exact, fast subclass of it, used unless asked not to
    fast: str | None = None
    cost: Cost = "linear"
    #: the languages it has what it needs for; None: every language tread segments
    languages: frozenset[str] | None = None
    #: what it needs per language (for the refusal in a language it lacks)
    needs: str = ""
    #: "module:function" called with (summariser, Setup) before it runs, to give it
    #: what sumy leaves to the caller (Edmundson's word sets); None: the language's stop
    #: words, when the summariser takes them
    configure: str | None = None
    #: "module:function" called with (Segmentation, sentences asked for or None) that
    #: returns a :class:`~tread.core.article.Choice`: an algorithm that picks another
    #: (``auto``) and has no summariser of its own
    chooser: str | None = None

    def load(self, *, fast: bool = True) -> type[Any]:
        """The summariser class: the fast subclass when there is one and ``fast``."""
        from tread.core.text._nltk import import_nltk

        import_nltk()  # sumy's summarisers import NLTK through its stemmers
        cls: type[Any] = resolve(self.fast if fast and self.fast else self.summarizer)
        return cls

    def supports(self, language: str) -> bool:
        return self.languages is None or language in self.languages


def resolve(ref: str) -> Any:
    """The object a "module:name" reference names, importing the module."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


_SUMY: Final = "sumy.summarizers"
_FAST: Final = "tread.core.summarizers.fast"
_GREEDY: Final = "tread.core.summarizers.fast_greedy"

ALGORITHMS: Final[dict[str, Algorithm]] = {
    a.name: a
    for a in (
        Algorithm(
            "auto",
            "by the kind of text: tread for news, luhn for books and notes",
            "",
            chooser="tread.core.summarizers.kind:choose",
        ),
        Algorithm(
            "luhn",
            "Luhn (1958): clusters of significant words",
            f"{_SUMY}.luhn:LuhnSummarizer",
            fast=f"{_FAST}:FastLuhn",
        ),
        Algorithm(
            "edmundson",
            "Edmundson (1969): cue words, title words and location",
            f"{_SUMY}.edmundson:EdmundsonSummarizer",
            languages=frozenset(STIGMA_WORDS),
            needs="stigma words",
            configure="tread.core.summarizers.edmundson:configure",
        ),
        Algorithm(
            "lsa",
            "latent semantic analysis (SVD of the term-sentence matrix)",
            f"{_SUMY}.lsa:LsaSummarizer",
            fast=f"{_FAST}:FastLsa",
        ),
        Algorithm(
            "lex-rank",
            "LexRank: PageRank over TF-IDF cosine similarity",
            f"{_SUMY}.lex_rank:LexRankSummarizer",
            fast=f"{_FAST}:FastLexRank",
            cost="graph",
        ),
        Algorithm(
            "text-rank",
            "TextRank: PageRank over word overlap",
            f"{_SUMY}.text_rank:TextRankSummarizer",
            fast=f"{_FAST}:FastTextRank",
            cost="graph",
        ),
        Algorithm(
            "sum-basic",
            "SumBasic: word probabilities with redundancy updates",
            f"{_SUMY}.sum_basic:SumBasicSummarizer",
            fast=f"{_GREEDY}:FastSumBasic",
            cost="greedy",
        ),
        Algorithm(
            "kl",
            "KL-Sum: greedy KL-divergence to the document's word distribution",
            f"{_SUMY}.kl:KLSummarizer",
            fast=f"{_GREEDY}:FastKL",
            cost="greedy-summary",
        ),
        Algorithm(
            "reduction",
            "graph reduction over sentence similarity",
            f"{_SUMY}.reduction:ReductionSummarizer",
            fast=f"{_FAST}:FastReduction",
            cost="graph",
        ),
        Algorithm(
            "random",
            "random sentences (a baseline)",
            f"{_SUMY}.random:RandomSummarizer",
        ),
        Algorithm(
            "lead",
            "the first sentences (the news baseline)",
            "tread.core.summarizers.lead:LeadSummarizer",
        ),
        Algorithm(
            "tread",
            "tread's model: position, centrality, names, numbers (best on news)",
            "tread.core.summarizers.news:TreadSummarizer",
        ),
    )
}
DEFAULT_ALGORITHM: Final = "auto"
DEFAULT_SENTENCES: Final = 5


def register(algorithm: Algorithm) -> None:
    """Add (or replace) an algorithm under its name."""
    ALGORITHMS[algorithm.name] = algorithm


def _squeezed(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


def canonical_name(name: str) -> str | None:
    """The registry's name for ``name``, whatever its case and separators ("LexRank",
    "lex_rank" and "lexrank" are "lex-rank"); None when no algorithm is called so."""
    wanted = _squeezed(name)
    return next((key for key in ALGORITHMS if _squeezed(key) == wanted), None)


def unknown_algorithm_message(name: str) -> str:
    """Why ``name`` is refused: the closest name when it looks like a typo, then all."""
    from difflib import get_close_matches

    close = get_close_matches(_squeezed(name), [_squeezed(k) for k in ALGORITHMS], 1, 0.8)
    hint = f"did you mean {canonical_name(close[0])!r}? " if close else ""
    return f"unknown algorithm {name!r}; {hint}choose one of: " + ", ".join(ALGORITHMS)


def get_algorithm(name: str) -> Algorithm:
    key = canonical_name(name)
    if key is None:
        raise UnknownAlgorithm(unknown_algorithm_message(name))
    return ALGORITHMS[key]


def require_language(algorithm: Algorithm, language: str) -> None:
    """Refuse a language the algorithm lacks what it needs for, naming those that can."""
    if algorithm.supports(language):
        return
    able = [a.name for a in ALGORITHMS.values() if a.supports(language)]
    raise UnsupportedLanguage(
        f"{algorithm.name} has no {algorithm.needs or 'support'} for {language}; "
        f"use one of: {', '.join(able)}"
    )


def linear_algorithms() -> list[str]:
    """The algorithms whose work grows only with the text (for messages about size)."""
    return [a.name for a in ALGORITHMS.values() if a.cost == "linear"]
