"""tread's own summariser: a small linear model over sentence features, trained on news.

A subclass of sumy's ``AbstractSummarizer``, so it plugs in like sumy's own. Features
mix position (news puts the gist first) with content (centrality against the whole
text and position-aware centrality, length, names, numbers, quotes, overlap with the
title), so on text where position means nothing it still picks central sentences.
Chosen sentences skip near-repeats of those already chosen (trigram blocking). The
weights come from ``scripts/train_news.py`` (cross-validated on the dev set only) and
ship as a small JSON file.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

import numpy as np
from sumy.summarizers._summarizer import AbstractSummarizer

FEATURES: Final = (
    "position_inverse",   # 1 / (index + 1)
    "position_relative",  # index / (sentences - 1)
    "is_first",
    "log_length",         # log(1 + words)
    "is_short",           # fewer than 6 words
    "centroid",           # cosine to the document's TF-ISF centroid
    "forward",            # mean cosine to the sentences after it
    "backward",           # mean cosine to the sentences before it
    "first_overlap",      # cosine to the first sentence (0 for the first)
    "capitalised",        # share of capitalised words after the first (names)
    "numbers",            # number tokens per word
    "quote",              # has quotation marks
    "question",           # ends with a question mark
    "title",              # cosine to the title/headings (0 when there are none)
    "centroid_rank",      # 1 for the most central sentence of the document, 0 for the least
    "lead_centrality",    # how central the first sentence is against the rest (document)
    "position_x_lead",    # position_inverse x lead_centrality: trust position in news
)
_NUMBER: Final = re.compile(r"\d")
_TOKEN: Final = re.compile(r"\S+")
_QUOTES: Final = frozenset('"“”«»')


@dataclass(frozen=True, slots=True)
class Model:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    trigram_blocking: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("the model's features do not match this version of tread")
        return cls(tuple(data["features"]), np.asarray(data["mean"]), np.asarray(data["scale"]),
                   np.asarray(data["coef"]), float(data["intercept"]),
                   bool(data.get("trigram_blocking", True)))

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per sentence, per feature: its share of the score (standardised x weight)."""
        result: np.ndarray = (x - self.mean) / self.scale * self.coef
        return result


@cache
def default_model() -> Model:
    raw = resources.files("tread.core.data").joinpath("news_model.json").read_text("utf-8")
    return Model.from_json(json.loads(raw))


def _normalised_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = vectors / norms
    return result


def sentence_features(sentences: list[Any], headings: list[Any],
                      stem: Any, stop_words: frozenset[str]) -> np.ndarray:
    """The feature matrix (sentences x FEATURES) of one document."""
    n = len(sentences)
    words = [[w.lower() for w in s.words] for s in sentences]
    stems = [[stem(w) for w in ws if w not in stop_words] for ws in words]
    vocab: dict[str, int] = {}
    for ss in stems:
        for t in ss:
            vocab.setdefault(t, len(vocab))
    tf = np.zeros((n, max(1, len(vocab))))
    for i, ss in enumerate(stems):
        for t in ss:
            tf[i, vocab[t]] += 1
    df = (tf > 0).sum(axis=0)
    isf = np.log((1 + n) / (1 + df)) + 1.0
    vectors = _normalised_rows(tf * isf)
    sims = vectors @ vectors.T
    centroid = vectors.sum(axis=0)
    centroid_norm = np.linalg.norm(centroid) or 1.0

    title_vec = None
    if headings:
        counts = np.zeros(tf.shape[1])
        for h in headings:
            for w in h.words:
                t = stem(w.lower())
                if w.lower() not in stop_words and t in vocab:
                    counts[vocab[t]] += 1
        if counts.any():
            title_vec = _normalised_rows((counts * isf)[None, :])[0]

    central = (vectors @ centroid) / centroid_norm
    order = np.argsort(np.argsort(-central, kind="stable"), kind="stable")
    central_rank = 1.0 - order / (n - 1) if n > 1 else np.ones(n)
    lead = float(central[0] - central.mean()) if n > 1 else 0.0

    x = np.zeros((n, len(FEATURES)))
    for i, s in enumerate(sentences):
        text = str(s)
        tokens = _TOKEN.findall(text)
        raw_words = s.words
        length = len(raw_words)
        after = sims[i, i + 1 :]
        before = sims[i, :i]
        caps = sum(1 for w in raw_words[1:] if w[:1].isupper())
        x[i] = (
            1.0 / (i + 1),
            i / (n - 1) if n > 1 else 0.0,
            float(i == 0),
            math.log1p(length),
            float(length < 6),
            float(central[i]),
            float(after.mean()) if after.size else 0.0,
            float(before.mean()) if before.size else 0.0,
            float(sims[i, 0]) if i else 0.0,
            caps / max(1, length - 1),
            sum(1 for t in tokens if _NUMBER.search(t)) / max(1, length),
            float(any(c in _QUOTES for c in text)),
            float(text.rstrip().endswith("?")),
            float(vectors[i] @ title_vec) if title_vec is not None else 0.0,
            float(central_rank[i]),
            lead,
            lead / (i + 1),
        )
    return x


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {(words[i], words[i + 1], words[i + 2]) for i in range(len(words) - 2)}


def select(scores: np.ndarray, token_lists: list[list[str]], count: int,
           blocking: bool) -> tuple[list[int], dict[int, int]]:
    """Indices chosen best-first, skipping a sentence that repeats a trigram of one
    already chosen; and, for each skipped sentence, the one it repeats."""
    chosen: list[int] = []
    blocked: dict[int, int] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for i in np.argsort(-scores, kind="stable"):
        if len(chosen) >= count:
            break
        grams = _trigrams(token_lists[i]) if blocking else set()
        repeat = next((seen[g] for g in grams if g in seen), None)
        if repeat is not None:
            blocked[int(i)] = repeat
            continue
        chosen.append(int(i))
        for g in grams:
            seen.setdefault(g, int(i))
    if len(chosen) < count:  # everything left repeats something: take the best of them
        for i in np.argsort(-scores, kind="stable"):
            if len(chosen) >= count:
                break
            if int(i) not in chosen:
                chosen.append(int(i))
                blocked.pop(int(i), None)
    return chosen, blocked


class TreadSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """Scores sentences with tread's news model; see the module documentation."""

    stop_words: frozenset[str] = frozenset()

    def __init__(self, stemmer: Any = None, model: Model | None = None) -> None:
        if stemmer is None:
            super().__init__()
        else:
            super().__init__(stemmer)
        self.model = model or default_model()
        #: after a call: per sentence (document order) its score, feature contributions,
        #: and for a sentence skipped as a repeat, the index of the one it repeats
        self.explanation: dict[str, Any] = {}

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        sentences = list(document.sentences)
        if not sentences:
            return ()
        stem = cache(self.stem_word)
        x = sentence_features(sentences, list(document.headings),
                              lambda w: stem(w), frozenset(self.stop_words))
        contributions = self.model.contributions(x)
        scores = contributions.sum(axis=1) + self.model.intercept
        tokens = [[w.lower() for w in s.words] for s in sentences]
        count = int(sentences_count)
        _chosen, blocked = select(scores, tokens, count, self.model.trigram_blocking)
        # sumy's selection takes the best-rated: a repeat drops below every other
        rating = scores.copy()
        for i in blocked:
            rating[i] = float(scores.min()) - 1.0
        self.explanation = {
            "features": self.model.features,
            "scores": scores,
            "contributions": contributions,
            "blocked": blocked,
        }
        order = {id(s): i for i, s in enumerate(sentences)}
        return self._get_best_sentences(sentences, count, lambda s: float(rating[order[id(s)]]))
