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


def _unit(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else vector


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


def _dot_dense(a: dict[int, float], dense: np.ndarray) -> float:
    return sum(v * float(dense[t]) for t, v in a.items())


def sentence_features(sentences: list[Any], headings: list[Any],
                      stem: Any, stop_words: frozenset[str]) -> np.ndarray:
    """The feature matrix (sentences x FEATURES) of one document.

    Sentence vectors are sparse (TF-ISF, unit length); every similarity feature is a
    dot product with a running or total sum of them, so a book costs time linear in
    its words, with no sentences x sentences matrix.
    """
    n = len(sentences)
    stems = [[stem(w) for w in (w.lower() for w in s.words) if w not in stop_words]
             for s in sentences]
    vocab: dict[str, int] = {}
    for ss in stems:
        for t in ss:
            vocab.setdefault(t, len(vocab))
    df = np.zeros(max(1, len(vocab)))
    counts: list[dict[int, float]] = []
    for ss in stems:
        c: dict[int, float] = {}
        for t in ss:
            c[vocab[t]] = c.get(vocab[t], 0.0) + 1.0
        counts.append(c)
        for t in c:
            df[t] += 1
    isf = np.log((1 + n) / (1 + df)) + 1.0
    vectors = [_unit({t: v * float(isf[t]) for t, v in c.items()}) for c in counts]
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

    x = np.zeros((n, len(FEATURES)))
    before = np.zeros(len(df))  # sum of the vectors of the sentences before i
    for i, s in enumerate(sentences):
        v = vectors[i]
        text = str(s)
        tokens = _TOKEN.findall(text)
        raw_words = s.words
        length = len(raw_words)
        with_before = _dot_dense(v, before)
        self_sim = _dot(v, v)
        with_after = _dot_dense(v, total) - with_before - self_sim
        caps = sum(1 for w in raw_words[1:] if w[:1].isupper())
        x[i] = (
            1.0 / (i + 1),
            i / (n - 1) if n > 1 else 0.0,
            float(i == 0),
            math.log1p(length),
            float(length < 6),
            float(central[i]),
            with_after / (n - 1 - i) if i < n - 1 else 0.0,
            with_before / i if i else 0.0,
            _dot(v, vectors[0]) if i else 0.0,
            caps / max(1, length - 1),
            sum(1 for t in tokens if _NUMBER.search(t)) / max(1, length),
            float(any(c in _QUOTES for c in text)),
            float(text.rstrip().endswith("?")),
            _dot(v, title_vec) if title_vec is not None else 0.0,
            float(central_rank[i]),
            lead,
            lead / (i + 1),
        )
        for t, w in v.items():
            before[t] += w
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
