"""tread's own summariser: a small model over sentence features, trained on news.

A subclass of sumy's ``AbstractSummarizer``, so it plugs in like sumy's own. Features
mix position (news puts the gist first) with content (centrality against the whole
text and position-aware centrality, length against the document's own, names, numbers,
quotes, captions run into the text, overlap with the title), so on text where position
means nothing it still picks central sentences. Sentences are chosen best-first with a
penalty for resembling one already chosen (maximal marginal relevance, selection.py),
and when the model's picks score barely better than the opening sentences, and the
opening is central to the text as a news lead is, the opening sentences are kept: the
model's doubt falls back on the lead, never the other way. The model (150 boosted trees of
depth 2, run by ``trees.py``; or linear weights, which the file format also takes) and
both selection settings come from ``scripts/train_news.py`` (cross-validated on CNN and
Daily Mail stories) and ship as a small JSON file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

from tread.core.cancel import never
from tread.core.summarizers.selection import dot, select
from tread.core.summarizers.trees import TreeEnsemble
from tread.core.text.captions import caption_like

#: tread's features, each with one line of what it measures (--explain prints them)
FEATURE_MEANINGS: Final[dict[str, str]] = {
    "position_inverse": "1 / (place + 1): 1 for the first sentence, 0.5 for the second...",
    "position_relative": "place in the text, from 0 (first sentence) to 1 (last)",
    "is_first": "1 for the first sentence",
    "log_length": "log(1 + words): a longer sentence says more",
    "is_short": "1 for a sentence under 6 words",
    "centroid": "cosine to the whole text's TF-ISF centroid: how central the sentence is",
    "forward": "mean cosine to the sentences after it: what the text goes on to say",
    "backward": "mean cosine to the sentences before it: how much it repeats",
    "first_overlap": "cosine to the first sentence (0 for the first itself)",
    "capitalised": "share of capitalised words after the first one: names",
    "numbers": "number tokens per word: figures and dates",
    "quote": "1 when it has quotation marks",
    "question": "1 when it ends with a question mark",
    "title": "cosine to the title and headings (0 when there are none)",
    "centroid_rank": "centrality as a rank: 1 for the most central sentence, 0 the least",
    "lead_centrality": "how central the first sentence is (one value for the whole text)",
    "position_x_lead": "position_inverse x lead_centrality: position counts when the "
    "opening is central, as in news",
    "relative_length": "log of its length over the text's mean sentence length",
    "caption_like": "an image caption runs into it, or it opens like one ('Pictured: ...')",
    "quote_start": "1 when it opens with a quotation mark (a quote before its speaker)",
}
FEATURES: Final = tuple(FEATURE_MEANINGS)
#: sentences scored in one numpy pass, between two looks at the cancel flag
_SCORED_AT_ONCE: Final = 2000
_NUMBER: Final = re.compile(r"\d")
_TOKEN: Final = re.compile(r"\S+")
_WORD: Final = re.compile(r"[^\W\d_][\w'-]*")
_QUOTES: Final = frozenset('"“”«»')
_OPEN_QUOTES: Final = "\"'‘“«"
# a wire or broadcaster dateline opening a story: "Sanaa, Yemen (CNN) -- ", "(AP) "
_DATELINE: Final = re.compile(
    r"(?:(?!(?:The|A|An)\b)[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,5}\s*)?"
    r"\((?:CNN|AP|Reuters|AFP|UPI)[^()\n]{0,30}\)\s*(?:--|—|–|-)?\s*"
)


@dataclass(frozen=True, slots=True)
class Model:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    #: weight of the redundancy penalty (cosine to the most similar chosen sentence)
    redundancy: float = 0.0
    #: keep the opening sentences unless the picks score this much better, per sentence
    lead_margin: float = 0.0
    #: cosine below which two sentences are not repeats (one topic shares words)
    repeat_floor: float = 0.0
    #: boosted trees scoring instead of the linear weights (a model file of "kind":
    #: "trees"); ``intercept`` is then theirs
    trees: TreeEnsemble | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        features = tuple(data["features"])
        if features != FEATURES:
            raise ValueError("the model's features do not match this version of tread")
        selection = data.get("selection", {})
        settings = (
            float(selection.get("redundancy", 0.0)),
            float(selection.get("lead_margin", 0.0)),
            float(selection.get("repeat_floor", 0.0)),
        )
        if data.get("kind") == "trees":
            trees = TreeEnsemble.from_json(features, data)
            none = np.zeros(len(features))
            return cls(features, none, none + 1.0, none, trees.intercept, *settings, trees)
        return cls(
            features,
            np.asarray(data["mean"]),
            np.asarray(data["scale"]),
            np.asarray(data["coef"]),
            float(data["intercept"]),
            *settings,
        )

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per sentence, per feature: its share of the score (standardised x weight, or
        the trees' steps on the feature, above the intercept)."""
        if self.trees is not None:
            return self.trees.contributions(x)
        result: np.ndarray = (x - self.mean) / self.scale * self.coef
        return result

    def scores(self, x: np.ndarray) -> np.ndarray:
        result: np.ndarray = self.contributions(x).sum(axis=1) + self.intercept
        return result


@cache
def default_model() -> Model:
    raw = (
        resources.files("tread.core.summarizers.data")
        .joinpath("news_model.json")
        .read_text("utf-8")
    )
    return Model.from_json(json.loads(raw))


def _unit(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else vector


def _dot_dense(a: dict[int, float], dense: np.ndarray) -> float:
    return sum(v * float(dense[t]) for t, v in a.items())


def dateline_end(text: str) -> int:
    """Where the story starts after an opening wire dateline ("Sanaa, Yemen (CNN) -- "):
    0 when there is none. The dateline is metadata, not part of the gist."""
    m = _DATELINE.match(text)
    return m.end() if m and m.end() < len(text) else 0


def _words(sentence: Any, first: bool) -> list[str]:
    """The sentence's words; for the first, without an opening dateline's words."""
    words = list(sentence.words)
    if first:
        cut = dateline_end(str(sentence))
        if cut:
            words = words[len(_WORD.findall(str(sentence)[:cut])) :]
    return words


def features_and_vectors(
    sentences: list[Any],
    headings: list[Any],
    stem: Any,
    stop_words: frozenset[str],
    check: Callable[[], None] = never,
) -> tuple[np.ndarray, list[dict[int, float]]]:
    """The feature matrix (sentences x FEATURES) of one document, and each sentence's
    unit TF-ISF vector (sparse), which selection uses to spot repeats.

    Every similarity feature is a dot product with a running or total sum of the
    vectors, so a book costs time linear in its words, with no sentences x sentences
    matrix. ``check`` is called per sentence in each pass (a pass over a book's
    sentences takes a tenth of a second or more).
    """
    n = len(sentences)
    raw_words = [_words(s, i == 0) for i, s in enumerate(sentences)]
    stems = [[stem(w) for w in (w.lower() for w in ws) if w not in stop_words] for ws in raw_words]
    vocab: dict[str, int] = {}
    for ss in stems:
        for t in ss:
            vocab.setdefault(t, len(vocab))
    df = np.zeros(max(1, len(vocab)))
    counts: list[dict[int, float]] = []
    for ss in stems:
        check()
        c: dict[int, float] = {}
        for t in ss:
            c[vocab[t]] = c.get(vocab[t], 0.0) + 1.0
        counts.append(c)
        for t in c:
            df[t] += 1
    isf = np.log((1 + n) / (1 + df)) + 1.0
    vectors = []
    for c in counts:
        check()
        vectors.append(_unit({t: v * float(isf[t]) for t, v in c.items()}))
    total = np.zeros(len(df))
    for v in vectors:
        for t, w in v.items():
            total[t] += w
    total_norm = float(np.linalg.norm(total)) or 1.0
    central = np.array([_dot_dense(v, total) / total_norm for v in vectors])

    title_vec: dict[int, float] | None = None
    if headings:
        tc: dict[int, float] = {}
        for h in headings:
            for w in h.words:
                lw = w.lower()
                t = stem(lw)
                if lw not in stop_words and t in vocab:
                    tc[vocab[t]] = tc.get(vocab[t], 0.0) + 1.0
        if tc:
            title_vec = _unit({t: v * float(isf[t]) for t, v in tc.items()})

    order = np.argsort(np.argsort(-central, kind="stable"), kind="stable")
    central_rank = 1.0 - order / (n - 1) if n > 1 else np.ones(n)
    lead = float(central[0] - central.mean()) if n > 1 else 0.0
    mean_length = sum(len(ws) for ws in raw_words) / max(1, n)

    x = np.zeros((n, len(FEATURES)))
    before = np.zeros(len(df))  # sum of the vectors of the sentences before i
    for i, s in enumerate(sentences):
        check()
        v = vectors[i]
        text = str(s)
        tokens = _TOKEN.findall(text)
        words = raw_words[i]
        length = len(words)
        with_before = _dot_dense(v, before)
        self_sim = dot(v, v)
        with_after = _dot_dense(v, total) - with_before - self_sim
        caps = sum(1 for w in words[1:] if w[:1].isupper())
        x[i] = (
            1.0 / (i + 1),
            i / (n - 1) if n > 1 else 0.0,
            float(i == 0),
            math.log1p(length),
            float(length < 6),
            float(central[i]),
            with_after / (n - 1 - i) if i < n - 1 else 0.0,
            with_before / i if i else 0.0,
            dot(v, vectors[0]) if i else 0.0,
            caps / max(1, length - 1),
            sum(1 for t in tokens if _NUMBER.search(t)) / max(1, length),
            float(any(c in _QUOTES for c in text)),
            float(text.rstrip().endswith("?")),
            dot(v, title_vec) if title_vec is not None else 0.0,
            float(central_rank[i]),
            lead,
            lead / (i + 1),
            math.log((length + 1) / (mean_length + 1)),
            float(caption_like(text, stop_words)),
            float(text.lstrip()[:1] in _OPEN_QUOTES),
        )
        for t, w in v.items():
            before[t] += w
    return x, vectors


def sentence_features(
    sentences: list[Any], headings: list[Any], stem: Any, stop_words: frozenset[str]
) -> np.ndarray:
    """The feature matrix (sentences x FEATURES) of one document."""
    return features_and_vectors(sentences, headings, stem, stop_words)[0]


def lead_is_central(x: np.ndarray, count: int) -> bool:
    """Whether the first ``count`` sentences are, on average, more central than the
    median sentence (feature ``centroid_rank``): what a news lead is."""
    column = x[:count, FEATURES.index("centroid_rank")]
    return bool(len(column)) and float(column.mean()) >= 0.5


class TreadSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """Scores sentences with tread's news model; see the module documentation."""

    stop_words: frozenset[str] = frozenset()
    #: called per sentence in each pass over them (summarize() sets it)
    checkpoint: Callable[[], None] | None = None

    def __init__(self, stemmer: Any = None, model: Model | None = None) -> None:
        if stemmer is None:
            super().__init__()
        else:
            super().__init__(stemmer)
        self.model = model or default_model()
        #: after a call: per sentence (document order) its score and feature
        #: contributions; the sentences passed over and why; the margin over the lead
        self.explanation: dict[str, Any] = {}

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        sentences = list(document.sentences)
        if not sentences:
            return ()
        stem = cache(self.stem_word)
        check = self.checkpoint or never
        x, vectors = features_and_vectors(
            sentences, list(document.headings), lambda w: stem(w), frozenset(self.stop_words), check
        )
        parts = []
        for start in range(0, len(x), _SCORED_AT_ONCE):  # a book's take ~60 ms at once
            check()
            parts.append(self.model.contributions(x[start : start + _SCORED_AT_ONCE]))
        contributions = np.vstack(parts)
        scores = contributions.sum(axis=1) + self.model.intercept
        count = int(sentences_count)
        selection = select(
            scores,
            vectors,
            count,
            self.model.redundancy,
            self.model.lead_margin,
            self.model.repeat_floor,
            lead_is_central(x, count),
        )
        # sumy takes the best-rated: a sentence passed over drops below every other
        rating = scores.copy()
        low = float(scores.min()) - 1.0
        for i in selection.passed_over:
            rating[i] = low
        self.explanation = {
            "features": self.model.features,
            "scores": scores,
            "contributions": contributions,
            "passed_over": selection.passed_over,
            "lead_margin": selection.margin,
            "margin_needed": self.model.lead_margin,
            "lead_kept": selection.lead_kept,
        }
        order = {id(s): i for i, s in enumerate(sentences)}
        return self._get_best_sentences(sentences, count, lambda s: float(rating[order[id(s)]]))
