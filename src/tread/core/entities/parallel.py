"""NER of one long text spread over processes.

The chunks of the text go to a pool of worker processes a batch at a time and the
model's entities come back as (start, end, label) triples, in order. On Linux the
workers are forked from the process that has already loaded the pipeline, so they start
in milliseconds and share its memory; elsewhere they are spawned and each loads the
model (about a second). ``benchmarks/ner_parallel.py`` measured this against spaCy's
own ``nlp.pipe(n_process=2)``, which sends every Doc back serialised, and against one
process.

Forking a process that runs threads is unsafe, so the callers that fork (the command
line) hold no other threads while this runs: their progress bar refreshes from the
progress callback, not from a thread of its own.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tread.core.article import Entity
from tread.core.entities.chunks import Span

if TYPE_CHECKING:
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

Found = list[tuple[int, int, str]]

_worker: SpacyEntityExtractor | None = None


def start_method() -> str:
    """fork where it is the platform's safe default (Linux), else spawn."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def model_entities_in_processes(
    extractor: SpacyEntityExtractor,
    text: str,
    batches: Sequence[Sequence[Span]],
    processes: int,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    method: str | None = None,
) -> list[Entity] | None:
    """The model's entities of every batch, by ``processes`` workers; None when
    ``cancelled()`` turned true (the workers are stopped at once)."""
    method = method or start_method()
    extractor.load()  # forked workers inherit the loaded pipeline
    total = sum(e - s for batch in batches for s, e in batch)
    tasks = [[(s, text[s:e]) for s, e in batch] for batch in batches]
    context = multiprocessing.get_context(method)
    found: list[Entity] = []
    done = 0
    pool = context.Pool(processes, initializer=_start, initargs=(extractor.model_name,))
    try:
        for batch, triples in zip(batches, pool.imap(_run, tasks), strict=True):
            if cancelled is not None and cancelled():
                pool.terminate()
                return None
            found += [Entity(s, e, label, text[s:e]) for s, e, label in triples]
            done += sum(e - s for s, e in batch)
            if progress is not None:
                progress(done, total)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
    return found


def _start(model: str) -> None:
    """In a worker: the pipeline, inherited when forked, else loaded."""
    global _worker
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

    _worker = SpacyEntityExtractor(model, corrections=False)
    _worker.load()


def _run(task: list[tuple[int, str]]) -> Found:
    assert _worker is not None
    nlp: Any = _worker.load()
    offsets = [offset for offset, _ in task]
    docs = nlp.pipe([piece for _, piece in task], batch_size=max(1, len(task)))
    return [
        (offset + ent.start_char, offset + ent.end_char, ent.label_)
        for offset, doc in zip(offsets, docs, strict=True)
        for ent in doc.ents
    ]
