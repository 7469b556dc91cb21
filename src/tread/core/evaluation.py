"""Summary quality against reference summaries: ROUGE F1 with confidence intervals.

Uses Google's rouge-score (ROUGE-1.5.5 reimplemented), imported only here.
"""

from __future__ import annotations

import codecs
import json
import statistics
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, BinaryIO, Final

from tread.core.errors import TreadError, unreadable

METRICS: Final = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_BOOTSTRAP: Final = 1000


@dataclass(frozen=True, slots=True)
class EvalArticle:
    id: str
    text: str
    reference: tuple[str, ...]
    title: str | None = None
    #: the record's "category" (a news style: "cnn", "dailymail"...), for per-category
    #: figures
    category: str | None = None
    #: more reference summaries of the same article (a side file: evaluation_refs.py)
    extra: tuple[str, ...] = ()


@dataclass(slots=True)
class AlgorithmResult:
    algorithm: str
    #: per article, per metric: F1 x 100
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})
    seconds: list[float] = field(default_factory=list)
    failures: int = 0
    #: per article scored (parallel to each list of ``scores``): its category
    categories: list[str | None] = field(default_factory=list)

    def of_category(self, category: str | None) -> AlgorithmResult:
        """The figures for the articles of one category (failures are not counted)."""
        keep = [i for i, c in enumerate(self.categories) if c == category]
        return AlgorithmResult(
            self.algorithm,
            {m: [v[i] for i in keep] for m, v in self.scores.items()},
            [self.seconds[i] for i in keep],
            0,
            [category] * len(keep),
        )

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


@dataclass(frozen=True, slots=True)
class Dataset:
    articles: list[EvalArticle]
    #: one line per record skipped: "line 3: not an eval record (...)"
    skipped: list[str]


def load_dataset(path: Path, limit: int | None = None) -> Dataset:
    """Read the eval JSON Lines format (see shared/eval/README.md), record by record.

    A bad record (not JSON, not an object, a field of the wrong type, a line over the
    input size limit) is skipped and described, so that one broken line does not throw
    away a long run; a file with no good record at all is an error. A UTF-8 BOM at the
    start is accepted.
    """
    from tread.core.sources import max_input_bytes

    most = max_input_bytes()
    articles: list[EvalArticle] = []
    skipped: list[str] = []
    try:
        with path.open("rb") as fh:
            for number, raw in enumerate(bounded_lines(fh, most), 1):
                if number == 1 and raw is not None:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                try:
                    article = _record(raw, number, most)
                except _BadRecord as exc:
                    skipped.append(f"line {number}: not an eval record ({exc})")
                    continue
                if article is not None:
                    articles.append(article)
                    if limit is not None and len(articles) >= limit:
                        break
    except OSError as exc:
        raise unreadable(exc) from None
    if not articles:
        if skipped:
            more = f" (and {len(skipped) - 1:,} more bad lines)" if len(skipped) > 1 else ""
            raise TreadError(f"{skipped[0]}{more}; no eval records")
        raise TreadError("no eval records")
    return Dataset(articles, skipped)


class _BadRecord(Exception):
    pass


def bounded_lines(fh: BinaryIO | IO[bytes], most: int) -> Iterator[bytes | None]:
    """Each line of ``fh`` without its end; None for a line longer than ``most`` bytes,
    which is read past in pieces, never held whole."""
    while True:
        line = fh.readline(most + 1)
        if not line:
            return
        if len(line) > most and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    names = {
        str: "a string",
        list: "an array",
        dict: "an object",
        int: "a number",
        float: "a number",
    }
    return names.get(type(value), type(value).__name__)


def _record(raw: bytes | None, number: int, most: int) -> EvalArticle | None:
    """The article on one line, None for a blank line; _BadRecord says what is wrong."""
    if raw is None:
        raise _BadRecord(
            f"longer than the {most / (1024 * 1024):g} MB input limit, "
            "which TREAD_MAX_INPUT_MB raises"
        )
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRecord(f"not UTF-8 at byte {exc.start + 1}") from None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except RecursionError:
        raise _BadRecord("JSON nested too deeply") from None
    except ValueError as exc:
        raise _BadRecord(f"not JSON: {exc}") from None
    if not isinstance(row, dict):
        raise _BadRecord(f"{_kind(row)}, not a JSON object")
    text = row.get("text")
    if not isinstance(text, str):
        raise _BadRecord('no "text"' if text is None else f'"text" is {_kind(text)}, not a string')
    sentences = row.get("summary_sentences")
    if sentences in (None, []):
        summary = row.get("summary")
        if summary is None:
            raise _BadRecord('no "summary_sentences" or "summary"')
        if not isinstance(summary, str):
            raise _BadRecord(f'"summary" is {_kind(summary)}, not a string')
        reference: tuple[str, ...] = (summary,)
    elif isinstance(sentences, list) and all(isinstance(x, str) for x in sentences):
        reference = tuple(sentences)
    else:
        raise _BadRecord(
            f'"summary_sentences" is {_kind(sentences)}'
            + (
                " with an item that is not a string"
                if isinstance(sentences, list)
                else ", not an array of strings"
            )
        )
    title = row.get("title")
    if title is not None and not isinstance(title, str):
        raise _BadRecord(f'"title" is {_kind(title)}, not a string')
    ident = row.get("id", number)
    if isinstance(ident, bool) or not isinstance(ident, str | int | float):
        raise _BadRecord(f'"id" is {_kind(ident)}, not a string or a number')
    category = row.get("category")
    if category is not None and not isinstance(category, str):
        raise _BadRecord(f'"category" is {_kind(category)}, not a string')
    return EvalArticle(str(ident), text, reference, title, category)


def shuffled(articles: Sequence[EvalArticle], seed: int = 7) -> list[EvalArticle]:
    """The articles with their sentences in a random order: position means nothing."""
    import random

    from tread.core.limits import max_sentences
    from tread.core.text.segment import segment

    rng = random.Random(seed)
    out = []
    for a in articles:
        try:
            seg = segment(a.text, detect_title=False, max_sentences=max_sentences())
        except TreadError:  # left as it is: every algorithm fails on it, and says so
            out.append(a)
            continue
        pieces = [seg.text[s.start : s.end] for s in seg.sentences]
        rng.shuffle(pieces)
        out.append(replace(a, text=" ".join(pieces)))
    return out


def combined(values: Sequence[float], how: str) -> float:
    """One article's score from its scores against each reference."""
    return max(values) if how == "max" else statistics.fmean(values)


def categories(results: Sequence[AlgorithmResult]) -> list[str | None]:
    """The categories of the articles scored, in order of first appearance."""
    seen: dict[str | None, None] = {}
    for r in results:
        seen.update(dict.fromkeys(r.categories))
    return list(seen)


def make_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def evaluate_article(
    article: EvalArticle,
    algorithms: Sequence[str],
    count: int | None,
    scorer: Any,
    combine: str = "mean",
) -> dict[str, tuple[dict[str, float], float] | None]:
    """ROUGE F1 x 100 and seconds for each algorithm on one article (None: it failed).

    ``count`` None means as many sentences as the reference has. With extra references,
    each metric is the ``combine`` ("mean" or "max") of the F1 against every reference.
    """
    from tread.core.limits import max_sentences
    from tread.core.summarizers.summarize import summarize
    from tread.core.text.segment import segment

    n = count if count is not None else len(article.reference)
    reference = "\n".join(article.reference)
    out: dict[str, tuple[dict[str, float], float] | None] = {}
    try:
        seg = segment(article.text, detect_title=False, max_sentences=max_sentences())
    except TreadError:  # over a limit: a failure for every algorithm
        return dict.fromkeys(algorithms)
    for name in algorithms:
        try:
            start = time.perf_counter()
            summary = summarize(seg, name, n)
            elapsed = time.perf_counter() - start
        except TreadError:
            out[name] = None
            continue
        candidate = "\n".join(seg.text[s.start : s.end] for s in summary.sentences)
        results = [scorer.score(ref, candidate) for ref in (reference, *article.extra)]
        out[name] = (
            {m: combined([100 * r[m].fmeasure for r in results], combine) for m in METRICS},
            elapsed,
        )
    return out


def _evaluate_chunk(args: tuple[list[EvalArticle], list[str], int | None, str]) -> list[Any]:
    articles, algorithms, count, combine = args
    scorer = make_scorer()
    return [evaluate_article(a, algorithms, count, scorer, combine) for a in articles]


def evaluate(
    articles: Sequence[EvalArticle],
    algorithms: Sequence[str],
    count: int | None,
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    combine: str = "mean",
) -> list[AlgorithmResult]:
    """Evaluate every algorithm on every article; ``progress(n)`` after each n done.
    ``combine``: how an article's scores against several references make one."""
    results = {name: AlgorithmResult(name) for name in algorithms}

    def collect(
        batch: Iterable[dict[str, tuple[dict[str, float], float] | None]],
        members: Sequence[EvalArticle],
    ) -> None:
        done = 0
        for per_algorithm, article in zip(batch, members, strict=True):
            for name, value in per_algorithm.items():
                if value is None:
                    results[name].failures += 1
                    continue
                metrics, seconds = value
                for m in METRICS:
                    results[name].scores[m].append(metrics[m])
                results[name].seconds.append(seconds)
                results[name].categories.append(article.category)
            done += 1
        if progress is not None:
            progress(done)

    chunk = 10
    chunks = [
        (list(articles[i : i + chunk]), list(algorithms), count, combine)
        for i in range(0, len(articles), chunk)
    ]
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for c, batch in zip(chunks, pool.map(_evaluate_chunk, chunks), strict=True):
                collect(batch, c[0])
    else:
        for c in chunks:
            collect(_evaluate_chunk(c), c[0])
    return [results[name] for name in algorithms]
