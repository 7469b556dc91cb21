"""The news training data for scripts/train_news.py: articles, groups, oracle labels, ROUGE.

Reads the three human-summarised sets of ``shared/eval`` (CNN dev, CNN train, SummEval's
Daily Mail/CNN), tags each article with its style (``category``), groups near-duplicate
stories so that cross-validation never puts two tellings of one story on both sides of a
fold, and segments every article (and a copy with its sentences shuffled) the way tread
does. The segmented form is cached in a pickle, because it is the slow part and does
not change while features and models are tried.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SETS = ("dev.jsonl", "train_cnn.jsonl", "dev_dailymail.jsonl")
CROWD = "dev_dailymail_crowd_refs.jsonl"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Line:
    """What news.sentence_features reads of a sumy sentence: its words and its text."""

    text: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return self.text


def load(shared: Path) -> list[dict[str, Any]]:
    """Every article of the three sets, with ``set``, ``style`` and ``crowd`` references."""
    crowd: dict[str, list[str]] = {}
    crowd_file = shared / "eval" / CROWD
    if crowd_file.exists():
        for line in crowd_file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            crowd[row["id"]] = row["crowd_summaries"]
    rows = []
    for name in SETS:
        for line in (shared / "eval" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["set"] = name.removesuffix(".jsonl")
            row["style"] = row.get("category") or "cnn"
            row["crowd"] = crowd.get(row["id"], [])
            rows.append(row)
    return rows


def groups(rows: list[dict[str, Any]], share: float = 0.1) -> list[int]:
    """A group number per article: articles sharing ``share`` of either one's word
    8-grams (a re-telling or update of one story) are in the same group."""
    grams = []
    for row in rows:
        words = _WORD.findall(row["text"].lower())
        grams.append({hash(tuple(words[i : i + 8])) for i in range(len(words) - 7)})
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owners: dict[int, list[int]] = {}
    for i, g in enumerate(grams):
        for h in g:
            owners.setdefault(h, []).append(i)
    shared_counts: Counter[tuple[int, int]] = Counter()
    for members in owners.values():
        if 1 < len(members) < 50:
            for a in members:
                for b in members:
                    if a < b:
                        shared_counts[a, b] += 1
    for (a, b), n in shared_counts.items():
        if n >= share * min(len(grams[a]), len(grams[b])):
            parent[find(a)] = find(b)
    roots = {find(i) for i in range(len(rows))}
    number = {r: k for k, r in enumerate(sorted(roots))}
    return [number[find(i)] for i in range(len(rows))]


def folds(rows: list[dict[str, Any]], group: list[int], k: int, salt: str = "") -> np.ndarray:
    """A fold per article: whole groups, stratified by style, assigned by a hash of the
    group's first id (repeatable, independent of file order); another ``salt`` makes
    another split, to see how much the figures owe to this one."""
    fold = np.zeros(len(rows), dtype=int)
    for style in sorted({r["style"] for r in rows}):
        members: dict[int, list[int]] = {}
        for i, r in enumerate(rows):
            if r["style"] == style:
                members.setdefault(group[i], []).append(i)
        keyed = sorted(
            members.values(),
            key=lambda m: hashlib.sha1((salt + rows[m[0]]["id"]).encode()).hexdigest(),
        )
        for n, m in enumerate(keyed):
            fold[m] = n % k
    return fold


def shuffle_rows(rows: list[dict[str, Any]], seed: int = 11) -> list[dict[str, Any]]:
    """Copies of the articles with their sentences in a random order."""
    from tread.core.text.segment import segment

    rng = random.Random(seed)
    out = []
    for row in rows:
        seg = segment(row["text"], detect_title=False)
        pieces = [seg.text[s.start : s.end] for s in seg.sentences]
        rng.shuffle(pieces)
        out.append({**row, "text": " ".join(pieces)})
    return out


def _segmented(row: dict[str, Any], tokenize: Any, split_captions: bool) -> dict[str, Any] | None:
    from tread.core.summarizers.sumy_adapter import build_document, stop_words
    from tread.core.text.captions import split_at_captions
    from tread.core.text.segment import segment

    seg = segment(row["text"], detect_title=False)
    if split_captions:
        seg = split_at_captions(seg, stop_words("english"))
    if len(seg.sentences) < 2:
        return None
    _, ordered = build_document(seg)
    texts = [seg.text[s.start : s.end] for s in seg.sentences]
    tokens = [tokenize(t) for t in texts]
    reference = row["summary_sentences"]
    return {
        "id": row["id"],
        "style": row["style"],
        "set": row["set"],
        "text": row["text"],
        "lines": [Line(t, tuple(s.words)) for t, s in zip(texts, ordered, strict=True)],
        "texts": texts,
        "tokens": tokens,
        "labels": oracle(tokens, tokenize(" ".join(reference))),
        "reference": reference,
        "crowd": row["crowd"],
    }


def prepare(
    rows: list[dict[str, Any]], cache: Path | None = None, split_captions: bool = False
) -> list[dict[str, Any] | None]:
    """Segmented articles (None where an article has fewer than two sentences), parallel
    to ``rows``; read from ``cache`` when it holds these very rows. ``split_captions``
    cuts sentences where an image caption runs in (tread.core.text.captions)."""
    from rouge_score import rouge_scorer

    rule = ""
    if split_captions:  # the cached cut must be the current rule's
        import tread.core.text.captions

        rule = Path(tread.core.text.captions.__file__).read_text(encoding="utf-8")
    key = hashlib.sha1(
        json.dumps([rule, *(r["id"] + r["text"] for r in rows)]).encode()
    ).hexdigest()
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored["key"] == key:
            return list(stored["docs"])
    tokenize = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize
    docs = [_segmented(row, tokenize, split_captions) for row in rows]
    if cache is not None:
        cache.write_bytes(pickle.dumps({"key": key, "docs": docs}))
    return docs


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: list[str], reference: list[str], n: int) -> float:
    c, r = _ngrams(candidate, n), _ngrams(reference, n)
    overlap = sum((c & r).values())
    if not overlap:
        return 0.0
    p, q = overlap / sum(c.values()), overlap / sum(r.values())
    return 2 * p * q / (p + q)


def oracle(tokens: list[list[str]], reference: list[str], most: int = 3) -> np.ndarray:
    """Greedy: add the sentence that most raises ROUGE-1 + ROUGE-2, while one does."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < most:
        gains = []
        for i in range(len(tokens)):
            if i in chosen:
                continue
            cand = [t for j in sorted([*chosen, i]) for t in tokens[j]]
            gains.append((_f1(cand, reference, 1) + _f1(cand, reference, 2), i))
        if not gains:
            break
        score, i = max(gains)
        if score <= best:
            break
        best = score
        chosen.append(i)
    labels = np.zeros(len(tokens))
    labels[chosen] = 1
    return labels


class Scorer:
    """ROUGE-1/2/L F1 x 100 of picked sentences against the highlights, and the mean
    over the highlights and the crowd summaries where an article has them."""

    metrics = ("rouge1", "rouge2", "rougeL")

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(self.metrics), use_stemmer=True)

    def score(
        self, doc: dict[str, Any], pick: list[int], *, dateline: bool = True
    ) -> dict[str, float]:
        """ROUGE of the picked sentences; ``dateline=False`` drops an opening wire
        dateline ("Sanaa, Yemen (CNN) -- ") from the first sentence."""
        from tread.core.summarizers.news import dateline_end

        texts = [doc["texts"][i] for i in sorted(pick)]
        if not dateline and sorted(pick)[:1] == [0]:
            texts[0] = texts[0][dateline_end(texts[0]) :]
        summary = "\n".join(texts)
        result = self._scorer.score("\n".join(doc["reference"]), summary)
        out = {m: 100 * result[m].fmeasure for m in self.metrics}
        if doc["crowd"]:
            refs = ["\n".join(doc["reference"]), *doc["crowd"]]
            r2 = [100 * self._scorer.score(r, summary)["rouge2"].fmeasure for r in refs]
            out["multi_rouge2_mean"] = float(np.mean(r2))
            out["multi_rouge2_max"] = float(np.max(r2))
        return out
