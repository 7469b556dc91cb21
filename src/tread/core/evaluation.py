"""Summary quality against reference summaries: ROUGE F1 with confidence intervals.

Uses Google's rouge-score (ROUGE-1.5.5 reimplemented), imported only here.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tread.core.errors import TreadError, UnreadableInput

METRICS: Final = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_BOOTSTRAP: Final = 1000


@dataclass(frozen=True, slots=True)
class EvalArticle:
    id: str
    text: str
    reference: tuple[str, ...]
    title: str | None = None


@dataclass(slots=True)
class AlgorithmResult:
    algorithm: str
    #: per article, per metric: F1 x 100
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})
    seconds: list[float] = field(default_factory=list)
    failures: int = 0

    def mean(self, metric: str) -> float:
        values = self.scores[metric]
        return statistics.fmean(values) if values else float("nan")

    def ci(self, metric: str) -> float:
        """Half-width of the 95% bootstrap interval of the mean (seeded: repeatable)."""
        import numpy as np

        values = np.asarray(self.scores[metric])
        if len(values) < 2:
            return float("nan")
        rng = np.random.default_rng(20261129)
        means = values[rng.integers(0, len(values), (_BOOTSTRAP, len(values)))].mean(axis=1)
        low, high = np.percentile(means, [2.5, 97.5])
        return float(high - low) / 2

    @property
    def ms_per_article(self) -> float:
        return 1000 * statistics.fmean(self.seconds) if self.seconds else float("nan")


def load_dataset(path: Path, limit: int | None = None) -> list[EvalArticle]:
    """Read the eval JSON Lines format (see shared/eval/README.md)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UnreadableInput("no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(str(exc)) from None
    articles = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            reference = row.get("summary_sentences") or [row["summary"]]
            articles.append(EvalArticle(str(row.get("id", number)), row["text"],
                                        tuple(reference), row.get("title")))
        except (ValueError, KeyError, TypeError) as exc:
            raise TreadError(f"line {number}: not an eval record ({exc})") from None
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise TreadError("no eval records")
    return articles


def shuffled(articles: Sequence[EvalArticle], seed: int = 7) -> list[EvalArticle]:
    """The articles with their sentences in a random order: position means nothing."""
    import random

    from tread.core.segment import segment

    rng = random.Random(seed)
    out = []
    for a in articles:
        seg = segment(a.text, detect_title=False)
        pieces = [seg.text[s.start : s.end] for s in seg.sentences]
        rng.shuffle(pieces)
        out.append(EvalArticle(a.id, " ".join(pieces), a.reference, a.title))
    return out


def make_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def evaluate_article(article: EvalArticle, algorithms: Sequence[str], count: int | None,
                     scorer: Any) -> dict[str, tuple[dict[str, float], float] | None]:
    """ROUGE F1 x 100 and seconds for each algorithm on one article (None: it failed).

    ``count`` None means as many sentences as the reference has.
    """
    from tread.core.segment import segment
    from tread.core.summarize import summarize

    seg = segment(article.text, detect_title=False)
    n = count if count is not None else len(article.reference)
    reference = "\n".join(article.reference)
    out: dict[str, tuple[dict[str, float], float] | None] = {}
    for name in algorithms:
        try:
            start = time.perf_counter()
            summary = summarize(seg, name, n)
            elapsed = time.perf_counter() - start
        except TreadError:
            out[name] = None
            continue
        candidate = "\n".join(seg.text[s.start : s.end] for s in summary.sentences)
        result = scorer.score(reference, candidate)
        out[name] = ({m: 100 * result[m].fmeasure for m in METRICS}, elapsed)
    return out


def _evaluate_chunk(args: tuple[list[EvalArticle], list[str], int | None]) -> list[Any]:
    articles, algorithms, count = args
    scorer = make_scorer()
    return [evaluate_article(a, algorithms, count, scorer) for a in articles]


def evaluate(articles: Sequence[EvalArticle], algorithms: Sequence[str], count: int | None,
             *, jobs: int = 1, progress: Callable[[int], None] | None = None
             ) -> list[AlgorithmResult]:
    """Evaluate every algorithm on every article; ``progress(n)`` after each n done."""
    results = {name: AlgorithmResult(name) for name in algorithms}

    def collect(batch: Iterable[dict[str, tuple[dict[str, float], float] | None]]) -> None:
        done = 0
        for per_algorithm in batch:
            for name, value in per_algorithm.items():
                if value is None:
                    results[name].failures += 1
                    continue
                metrics, seconds = value
                for m in METRICS:
                    results[name].scores[m].append(metrics[m])
                results[name].seconds.append(seconds)
            done += 1
        if progress is not None:
            progress(done)

    chunk = 10
    chunks = [(list(articles[i : i + chunk]), list(algorithms), count)
              for i in range(0, len(articles), chunk)]
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for batch in pool.map(_evaluate_chunk, chunks):
                collect(batch)
    else:
        for c in chunks:
            collect(_evaluate_chunk(c))
    return [results[name] for name in algorithms]
