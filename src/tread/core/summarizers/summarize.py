"""Summaries by sumy's algorithms, reported as offsets, scores and ranks.

The registry maps each algorithm's sumy CLI name to the sumy class that implements it.
tread builds sumy's document model itself from its own sentences, so every sentence a
summariser picks is known by identity: nothing is found again by matching strings.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal

from tread.core.article import Segmentation, Summary, SummarySentence
from tread.core.errors import EmptyDocument, InputTooLarge, TreadError, UnknownAlgorithm
from tread.core.limits import (
    OverBudget,
    max_graph_sentences,
    max_greedy_comparisons,
    max_sentences,
    too_many_sentences,
)
from tread.core.text.segment import get_tokenizer

#: how an algorithm's work grows, which decides the limit that applies to it:
#: "linear" in the sentences; "graph": an n x n sentence matrix; "greedy": each
#: sentence picked re-rates the sentences (sum-basic); "greedy-summary": each pick
#: rates every sentence against the summary so far (kl)
Cost = Literal["linear", "graph", "greedy", "greedy-summary"]


@dataclass(frozen=True, slots=True)
class Algorithm:
    name: str
    module: str
    class_name: str
    description: str
    cost: Cost = "linear"

    def load(self, *, fast: bool = True) -> type[Any]:
        """sumy's class, or tread's fast exact subclass of it when there is one."""
        from tread.core.text._nltk import import_nltk

        import_nltk()  # sumy's summarisers import NLTK through its stemmers
        if fast and self.class_name in _FAST_CLASSES:
            from tread.core.summarizers.fast import FAST

            return FAST[self.class_name]
        cls: type[Any] = getattr(importlib.import_module(self.module), self.class_name)
        return cls


ALGORITHMS: Final[dict[str, Algorithm]] = {
    a.name: a
    for a in (
        Algorithm(
            "luhn",
            "sumy.summarizers.luhn",
            "LuhnSummarizer",
            "Luhn (1958): clusters of significant words",
        ),
        Algorithm(
            "edmundson",
            "sumy.summarizers.edmundson",
            "EdmundsonSummarizer",
            "Edmundson (1969): cue words, title words and location",
        ),
        Algorithm(
            "lsa",
            "sumy.summarizers.lsa",
            "LsaSummarizer",
            "latent semantic analysis (SVD of the term-sentence matrix)",
        ),
        Algorithm(
            "lex-rank",
            "sumy.summarizers.lex_rank",
            "LexRankSummarizer",
            "LexRank: PageRank over TF-IDF cosine similarity",
            "graph",
        ),
        Algorithm(
            "text-rank",
            "sumy.summarizers.text_rank",
            "TextRankSummarizer",
            "TextRank: PageRank over word overlap",
            "graph",
        ),
        Algorithm(
            "sum-basic",
            "sumy.summarizers.sum_basic",
            "SumBasicSummarizer",
            "SumBasic: word probabilities with redundancy updates",
            "greedy",
        ),
        Algorithm(
            "kl",
            "sumy.summarizers.kl",
            "KLSummarizer",
            "KL-Sum: greedy KL-divergence to the document's word distribution",
            "greedy-summary",
        ),
        Algorithm(
            "reduction",
            "sumy.summarizers.reduction",
            "ReductionSummarizer",
            "graph reduction over sentence similarity",
            "graph",
        ),
        Algorithm(
            "random", "sumy.summarizers.random", "RandomSummarizer", "random sentences (a baseline)"
        ),
        Algorithm(
            "lead",
            "tread.core.summarizers.lead",
            "LeadSummarizer",
            "the first sentences (the news baseline)",
        ),
        Algorithm(
            "tread",
            "tread.core.summarizers.news",
            "TreadSummarizer",
            "tread's model: position, centrality, names, numbers (best on news)",
        ),
    )
}
_FAST_CLASSES: Final = frozenset(
    {
        "LexRankSummarizer",
        "TextRankSummarizer",
        "ReductionSummarizer",
        "SumBasicSummarizer",
        "KLSummarizer",
        "LsaSummarizer",
        "LuhnSummarizer",
    }
)
#: algorithms that build an n x n sentence graph
QUADRATIC: Final = frozenset(a.name for a in ALGORITHMS.values() if a.cost == "graph")
DEFAULT_ALGORITHM: Final = "tread"
DEFAULT_SENTENCES: Final = 5

# Edmundson needs cue words. Bonus words come from the title and the document's most
# frequent content words; stigma words are hedges that mark a sentence as less central.
_STIGMA_WORDS: Final[dict[str, frozenset[str]]] = {
    "english": frozenset(
        {
            "hardly",
            "impossible",
            "perhaps",
            "maybe",
            "possibly",
            "allegedly",
            "reportedly",
            "unclear",
            "unlikely",
            "somewhat",
            "seemingly",
            "apparently",
            "rumour",
            "rumor",
            "anecdote",
            "incidentally",
        }
    ),
}
_EDMUNDSON_KEY_WORDS: Final = 10


def get_algorithm(name: str) -> Algorithm:
    try:
        return ALGORITHMS[name.strip().lower()]
    except KeyError:
        raise UnknownAlgorithm(
            f"unknown algorithm {name!r}; choose one of: " + ", ".join(ALGORITHMS)
        ) from None


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    import contextlib
    import io

    from tread.core.text._nltk import import_nltk

    import_nltk()
    from sumy.nlp.stemmers import Stemmer

    # the Polish stemmer (pystempel) draws a progress bar on stderr while it loads
    with contextlib.redirect_stderr(io.StringIO()):
        stemmer: Callable[[str], str] = Stemmer(language)
    return stemmer


@cache
def _stop_words(language: str) -> frozenset[str]:
    from sumy.utils import get_stop_words

    words: frozenset[str] = get_stop_words(language)
    return words


def build_document(seg: Segmentation) -> tuple[Any, list[Any]]:
    """sumy's ``ObjectDocumentModel`` for ``seg`` and its sentences in order.

    Headings go in as sumy headings in the paragraph where they stand; every other
    sentence is a plain sumy ``Sentence``. The returned list is parallel to
    ``seg.sentences``.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = get_tokenizer(seg.language)
    by_paragraph: dict[int, list[Any]] = {}
    ordered: list[Any] = []
    items = sorted(
        [(h.start, h.paragraph, True) for h in seg.headings]
        + [(s.start, s.paragraph, False) for s in seg.sentences]
    )
    ends = {h.start: h.end for h in seg.headings} | {s.start: s.end for s in seg.sentences}
    for start, paragraph, is_heading in items:
        obj = SumySentence(seg.text[start : ends[start]], tokenizer, is_heading=is_heading)
        by_paragraph.setdefault(paragraph, []).append(obj)
        if not is_heading:
            ordered.append(obj)
    document = ObjectDocumentModel([Paragraph(by_paragraph[p]) for p in sorted(by_paragraph)])
    return document, ordered


def _make_summarizer(
    algorithm: Algorithm, seg: Segmentation, sentences: Sequence[Any], *, fast: bool = True
) -> Any:
    cls = algorithm.load(fast=fast)
    language = seg.language
    stemmer = _stemmer(language)
    if fast:  # a stem cache for this call: the same stems, each word stemmed once
        stemmer = cache(stemmer)
    summarizer = cls(stemmer)
    stop_words = _stop_words(language)
    if algorithm.name == "edmundson":
        stigma = _STIGMA_WORDS.get(language)
        if stigma is None:
            raise TreadError(
                f"edmundson has no stigma words for {language}; "
                "use another algorithm (e.g. lex-rank) for this language"
            )
        summarizer.null_words = stop_words
        summarizer.stigma_words = stigma
        summarizer.bonus_words = _bonus_words(seg, sentences, stop_words)
        if not summarizer.bonus_words:  # sumy raises ValueError on an empty set
            raise EmptyDocument(
                "edmundson has no key words to weigh sentences by: no "
                "title and no word that is not a stop word"
            )
    elif hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words
    if algorithm.cost in ("greedy", "greedy-summary") and hasattr(summarizer, "budget"):
        summarizer.budget = max_greedy_comparisons()
    return summarizer


def _bonus_words(seg: Segmentation, sentences: Sequence[Any], stop: frozenset[str]) -> set[str]:
    tokenizer = get_tokenizer(seg.language)
    words: set[str] = set()
    for h in seg.headings:
        words.update(w.lower() for w in tokenizer.to_words(seg.text[h.start : h.end]))
    counts: dict[str, int] = {}
    for s in sentences:
        for w in s.words:
            w = w.lower()
            if w not in stop:
                counts[w] = counts.get(w, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:_EDMUNDSON_KEY_WORDS]
    return (words - stop) | set(top)


def summarize(seg: Segmentation, algorithm: str, count: int, *, fast: bool = True) -> Summary:
    """The ``count`` best sentences of ``seg`` by ``algorithm``, in document order.

    ``fast`` uses tread's exact fast subclasses of sumy's summarisers (the default);
    ``fast=False`` runs sumy's own classes, for comparison.
    """
    algo = get_algorithm(algorithm)
    if not seg.sentences:
        raise EmptyDocument("no sentences to summarise")
    count = max(0, min(count, len(seg.sentences)))
    check_size(algo.name, len(seg.sentences), count)
    document, ordered = build_document(seg)
    summarizer = _make_summarizer(algo, seg, ordered, fast=fast)
    scores: dict[int, float] = {}
    _record_scores(summarizer, scores)
    try:
        chosen = summarizer(document, count) if count else ()
    except OverBudget as exc:
        raise _over_budget(algo, len(seg.sentences), count, exc) from None
    position = {id(obj): i for i, obj in enumerate(ordered)}
    # rank as sumy sorts: stable descending sort of ratings in document order
    ranked = sorted(
        range(len(ordered)), key=lambda i: scores.get(id(ordered[i]), 0.0), reverse=True
    )
    rank_of = {i: r + 1 for r, i in enumerate(ranked)}
    picked = []
    for obj in chosen:
        i = position[id(obj)]
        picked.append(SummarySentence(seg.sentences[i], _as_float(scores.get(id(obj))), rank_of[i]))
    ranking = tuple((_as_float(scores.get(id(obj))), rank_of[i]) for i, obj in enumerate(ordered))
    return Summary(
        algo.name,
        seg.language,
        len(seg.sentences),
        tuple(picked),
        ranking,
        _contributions(summarizer),
    )


def _contributions(summarizer: Any) -> tuple[dict[str, float], ...] | None:
    explanation = getattr(summarizer, "explanation", None)
    if not explanation:
        return None
    names = explanation["features"]
    return tuple(
        {name: float(v) for name, v in zip(names, row, strict=True)}
        for row in explanation["contributions"]
    )


def _as_float(value: Any) -> float:
    if value is None:
        return math.nan
    return float(value)


def _record_scores(summarizer: Any, scores: dict[int, float]) -> None:
    """Make ``summarizer`` remember the rating sumy gives each sentence.

    Every sumy summariser ends with ``self._get_best_sentences(sentences, count,
    rating, ...)``; an instance attribute shadows that static method, records each
    rating and hands the rest to sumy's own implementation unchanged.
    """
    original = type(summarizer)._get_best_sentences

    def recording(sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(rating, dict):

            def rate(s: Any) -> Any:
                return rating[s]
        else:

            def rate(s: Any) -> Any:
                return rating(s, *args, **kwargs)

        def record(s: Any) -> Any:
            value = rate(s)
            scores[id(s)] = value
            return value

        return original(sentences, count, record)

    summarizer._get_best_sentences = recording


def greedy_comparisons(cost: Cost, sentences: int, count: int) -> int:
    """The work of a greedy algorithm, in sentence comparisons: each of the ``count``
    picks re-rates the ``sentences`` (sum-basic), or rates each one against every
    sentence of the summary so far (kl). 0 for the other algorithms."""
    if cost == "greedy":
        return sentences * count
    if cost == "greedy-summary":
        return sentences * count * (count + 1) // 2
    return 0


def _problem(algo: Algorithm, sentences: int, count: int) -> str | None:
    """Why ``algo`` cannot take ``sentences`` for a ``count``-sentence summary."""
    if algo.cost == "graph":
        limit = max_graph_sentences()
        if sentences > limit:
            return (
                f"{sentences:,} sentences is over the {limit:,}-sentence limit of "
                f"{algo.name} (it compares every pair; TREAD_MAX_GRAPH_SENTENCES "
                "raises it)"
            )
    work = greedy_comparisons(algo.cost, sentences, count)
    if work:
        limit = max_greedy_comparisons()
        if work > limit:
            most = _most_picks(algo.cost, sentences, limit)
            fewer = f"ask for at most {most:,}" if most else "no summary length fits"
            return (
                f"a {count:,}-sentence summary of {sentences:,} sentences takes "
                f"{algo.name} {work:,} sentence comparisons, over its limit of {limit:,} "
                f"(TREAD_MAX_GREEDY_COMPARISONS raises it; {fewer})"
            )
    return None


def _over_budget(algo: Algorithm, sentences: int, count: int, exc: OverBudget) -> InputTooLarge:
    able = [
        name
        for name in able_algorithms(sentences, count)
        if ALGORITHMS[name].cost not in ("greedy", "greedy-summary")
    ]
    return InputTooLarge(
        f"{algo.name} passed its limit of {max_greedy_comparisons():,} sentence comparisons "
        f"after {exc.picks:,} picks for a {count:,}-sentence summary of {sentences:,} "
        "sentences: repeated sentences keep its greedy loop going until every copy of a "
        "chosen one is placed (TREAD_MAX_GREEDY_COMPARISONS raises it); use one of "
        + ", ".join(able)
    )


def _most_picks(cost: Cost, sentences: int, limit: int) -> int:
    """The longest summary within ``limit`` comparisons (closed form, then exact)."""
    share = limit / sentences
    most = int(share) if cost == "greedy" else int((math.sqrt(1 + 8 * share) - 1) / 2)
    while most > 0 and greedy_comparisons(cost, sentences, most) > limit:
        most -= 1
    while greedy_comparisons(cost, sentences, most + 1) <= limit:
        most += 1
    return most


def check_size(algorithm: str, sentences: int, count: int = 0) -> None:
    """Refuse, before any work, what an algorithm cannot take in reasonable time and
    memory; name the algorithms that can take it, from the registry."""
    limit = max_sentences()
    if sentences > limit:
        raise too_many_sentences(sentences, limit)
    problem = _problem(get_algorithm(algorithm), sentences, count)
    if problem is None:
        return
    raise InputTooLarge(f"{problem}; use one of {', '.join(able_algorithms(sentences, count))}")


def able_algorithms(sentences: int, count: int) -> list[str]:
    """The algorithms, in registry order, whose limits let them summarise ``sentences``
    sentences into ``count``."""
    return [a.name for a in ALGORITHMS.values() if _problem(a, sentences, count) is None]


def linear_algorithms() -> list[str]:
    """The algorithms whose work grows only with the text (for messages about size)."""
    return [a.name for a in ALGORITHMS.values() if a.cost == "linear"]


def sentence_count_for(total: int, *, count: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to ask for: a fixed count or a ratio, never more than exist."""
    if ratio is not None:
        wanted = max(1, round(total * ratio))
    else:
        wanted = DEFAULT_SENTENCES if count is None else count
    return max(0, min(wanted, total))
