"""Summaries and entities of many articles: one function per record, run on one core,
on a local process pool, or on a Dask cluster.

A corpus is JSON Lines, one article a line: ``{"text": ..., "id": ..., "title": ...}``
(``id`` and ``title`` optional). :func:`process` turns one such record into one result
record and never raises for a bad article: the result then holds ``"error"`` instead,
so one bad record never stops a batch of 100,000. Every runner gives the results in
input order:

- :func:`run_local` (``tread summarize --input-format jsonl --jobs N``): in this process
  (``jobs=1``) or a pool of ``jobs`` worker processes, a bounded number of records in
  flight, so the corpus is streamed, never held whole;
- :func:`run_dask`: a ``dask.bag`` over the records, mapped with the same
  :func:`process`, computed on a ``dask.distributed`` client when one is given (else on
  Dask's default scheduler)::

      from dask.distributed import Client, LocalCluster
      from tread.batch import Task, read_jsonl, run_dask

      task = Task("summarize", algorithm="lex-rank", count=3)
      with LocalCluster(n_workers=2, processes=True) as cluster, Client(cluster) as client:
          results = run_dask(list(read_jsonl(open("corpus.jsonl", "rb"))), task, client=client)

  Dask is an optional extra (``pip install 'tread[cluster]'``); nothing else in tread
  imports it.
"""

from __future__ import annotations

import codecs
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import IO, Any, Final

Record = dict[str, Any]

#: records sent to a worker at a time, and batches kept in flight per worker
RECORDS_PER_TASK: Final = 8
TASKS_IN_FLIGHT: Final = 4


@dataclass(frozen=True, slots=True)
class Task:
    """What to do with each record: ``kind`` is "summarize" or "entities"."""

    kind: str
    algorithm: str = "auto"
    count: int | None = None
    ratio: float | None = None
    #: "auto": each record's own language, detected (English when it cannot be told)
    language: str = "auto"
    backend: str | None = None
    model: str | None = None
    corrections: bool = True
    types: frozenset[str] | None = None


def read_jsonl(stream: IO[bytes]) -> Iterator[Record]:
    """The records of a JSON Lines stream, one per non-blank line, in order. A line that
    is not a JSON object, or is longer than the input size limit (read past in pieces,
    never held whole), becomes ``{"line": n, "error": ...}``, which :func:`process`
    passes through."""
    from tread.core.evaluation import bounded_lines
    from tread.core.sources import max_input_bytes

    most = max_input_bytes()
    for number, raw in enumerate(bounded_lines(stream, most), 1):
        if raw is None:
            yield {"line": number, "error": f"line {number}: longer than the input size limit"}
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield {"line": number, "error": f"line {number}: not JSON ({_reason(exc)})"}
            continue
        if not isinstance(record, dict):
            yield {"line": number, "error": f"line {number}: not a JSON object"}
            continue
        record["line"] = number
        yield record


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return "not UTF-8"


def process(record: Record, task: Task) -> Record:
    """The result for one record: its ``id`` (and ``title``), then the summary or the
    entities, or ``error`` with a one-line reason."""
    from tread.core.errors import TreadError

    out: Record = {"id": record.get("id"), "line": record.get("line")}
    if "file" in record:
        out = {"file": record["file"], **out}
    if record.get("title") is not None:
        out["title"] = record["title"]
    if "error" in record and "text" not in record:
        out["error"] = str(record["error"])
        return out
    try:
        article = _article(record)
        if task.kind == "summarize":
            out.update(_summary(article, task))
        elif task.kind == "entities":
            out.update(_entities(article, task))
        else:
            raise TreadError(f"unknown batch task {task.kind!r}")
    except TreadError as exc:
        out["error"] = str(exc)
    return out


def _article(record: Record) -> Any:
    from tread.core.article import Article
    from tread.core.errors import EmptyDocument, UnreadableInput
    from tread.core.text.sanitize import sanitize

    text = record.get("text")
    where = f"line {record.get('line')}" if record.get("line") else "record"
    if not isinstance(text, str):
        raise UnreadableInput(f'{where}: no "text" string')
    text = sanitize(text)
    if not text.strip():
        raise EmptyDocument(f"{where}: " + ("no text (only whitespace)" if text else "empty text"))
    title = record.get("title")
    source = str(record.get("id") if record.get("id") is not None else where)
    return Article(text, source, title=title if isinstance(title, str) else None)


def _summary(article: Any, task: Task) -> Record:
    from tread.core.errors import EmptyDocument
    from tread.core.summarizers.summarize import sentence_count_for, summarize
    from tread.core.text.segment import segment_article

    seg = segment_article(article, task.language)
    if not seg.sentences:
        raise EmptyDocument("no sentences to summarise")
    n = None  # the algorithm's own length (auto's depends on the kind of text)
    if task.count is not None or task.ratio is not None:
        n = sentence_count_for(len(seg.sentences), count=task.count, ratio=task.ratio)
    summary = summarize(seg, task.algorithm, n)
    from tread.commands.summarize_output import summary_record

    # the record `tread summarize -f json` prints, but the file: the batch names it
    record = summary_record(article, seg, summary)
    del record["file"]
    return record


_extractors: dict[tuple[str | None, str | None, bool], Any] = {}


def extractor_for(
    backend: str | None, model: str | None, corrections: bool, language: str = "english"
) -> Any:
    """One extractor per process, settings and language: the model loads once per
    worker (and not at all in a worker forked after this process loaded it). A
    language without a model raises NoEntityModel."""
    from tread.core.entities.languages import ExtractorsByLanguage

    key = (backend, model, corrections)
    if key not in _extractors:
        _extractors[key] = ExtractorsByLanguage(backend, model, corrections=corrections)
    return _extractors[key].for_language(language)


def _entities(article: Any, task: Task) -> Record:
    from tread.core.entities.languages import NoEntityModel
    from tread.core.text.detect import choose_language

    choice = choose_language(article.text, task.language)
    language = {"language": choice.language, "language_detected": choice.detected}
    try:
        extractor = extractor_for(task.backend, task.model, task.corrections, choice.language)
    except NoEntityModel as exc:  # English NER on German gives garbage: say so instead
        return language | {"model": None, "entities": [], "notice": str(exc)}
    found = extractor.extract(article.text)
    if task.types is not None:
        found = [e for e in found if e.label in task.types]
    return language | {
        "model": extractor.model_name,
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "kind": e.kind, "text": e.text}
            for e in found
        ],
    }


def warm_up(task: Task) -> None:
    """Load what ``task`` needs in this process (the spaCy model for entities), so that
    workers forked from it start with it loaded."""
    if task.kind == "entities":
        process({"text": "Ada Lovelace lived in London."}, task)


def _process_many(records: list[Record], task: Task) -> list[Record]:
    return [process(r, task) for r in records]


def run_local(
    records: Iterable[Record],
    task: Task,
    jobs: int = 1,
    *,
    prepare: Callable[[], object] | None = None,
) -> Iterator[Record]:
    """The result of every record, in input order: here, or on ``jobs`` processes.

    ``prepare`` runs in this process before the workers start (e.g. loading the spaCy
    model, which forked workers then share).
    """
    if prepare is not None:
        prepare()
    if jobs <= 1:
        for record in records:
            yield process(record, task)
        return
    yield from ordered_map(_process_many, records, jobs, task)


def ordered_map(
    work: Callable[..., list[Any]], items: Iterable[Any], jobs: int, *args: Any
) -> Iterator[Any]:
    """``work(group, *args)`` over groups of ``RECORDS_PER_TASK`` items on a pool of
    ``jobs`` processes, the results flattened in input order. At most
    ``jobs * TASKS_IN_FLIGHT`` groups are in flight, so ``items`` is streamed."""
    import multiprocessing

    from tread.core.entities.parallel import start_method

    window: deque[Future[list[Any]]] = deque()
    context = multiprocessing.get_context(start_method())
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for group in _groups(items, RECORDS_PER_TASK):
            window.append(pool.submit(work, group, *args))
            if len(window) >= jobs * TASKS_IN_FLIGHT:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _groups(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    group: list[Any] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def run_dask(
    records: Sequence[Record],
    task: Task,
    *,
    client: Any = None,
    partitions: int | None = None,
) -> list[Record]:
    """The result of every record, computed by Dask: the same :func:`process` mapped
    over a ``dask.bag`` (in input order), on ``client``'s cluster when given."""
    import importlib

    try:
        db: Any = importlib.import_module("dask.bag")
    except ImportError:
        from tread.core.errors import TreadError

        raise TreadError("Dask is not installed: pip install 'tread[cluster]'") from None
    bag = db.from_sequence(records, npartitions=partitions or max(1, min(len(records), 64)))
    mapped = bag.map(process, task)
    if client is not None:
        return list(client.compute(mapped).result())
    return list(mapped.compute())
