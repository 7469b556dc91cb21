"""Entities of one text found where the reader is looking first, the rest after.

A reader opening a book wants the entities of the screen in front of it at once, not
after a minute of NER over the whole text. :class:`EntityScan` asks the extractor for
the chunks (``chunks.py``) around a focus range first, then outward (``priority_order``),
a small batch at a time; between batches it hands each batch's entities to a callback,
takes a new focus (a scroll jump) and stops when cancelled. When every chunk is done it
returns what ``extractor.extract(text)`` returns, corrections included, whatever the
focus was and however often it moved.

Thread use: ``run`` in a worker thread; ``refocus`` and ``cancel`` from any thread (the
UI's event loop). A cancelled scan stops before its next batch: within one batch of
``BATCH_CHARS`` characters (about 0.1 s of spaCy on this machine).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tread.core.article import Entity
from tread.core.entities.chunks import Span, priority_order


class ChunkedExtractor(Protocol):
    """What a backend offers to be scanned chunk by chunk (the spaCy backend does)."""

    def chunks(self, text: str) -> list[Span]: ...

    def model_entities(self, text: str, spans: Sequence[Span]) -> list[Entity]: ...

    def finish(self, text: str, entities: list[Entity]) -> list[Entity]: ...


@dataclass(frozen=True, slots=True)
class ScanBatch:
    """One step of a scan: the chunks just read and their entities."""

    #: the chunks read in this step, in text order
    spans: tuple[Span, ...]
    #: the entities inside those spans, sorted, with the corrections the spans alone
    #: allow (an acronym defined in another chunk is applied by the final result only)
    entities: tuple[Entity, ...]
    #: characters read so far, and in all
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


class EntityScan:
    """Finds the entities of ``text`` with ``extractor``, the focus range first."""

    def __init__(
        self,
        extractor: Any,
        text: str,
        *,
        focus: Span = (0, 0),
        batch_chars: int | None = None,
    ) -> None:
        from tread.core.entities.spacy_backend import BATCH_CHARS

        self._extractor = extractor
        self._text = text
        self._batch_chars = batch_chars or BATCH_CHARS
        self._focus = focus
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._order: list[int] = []
        self._ordered_for: Span | None = None
        self._cursor = 0

    def refocus(self, start: int, end: int) -> None:
        """Read the chunks around ``text[start:end]`` next (e.g. after a scroll jump)."""
        with self._lock:
            self._focus = (start, end)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(
        self,
        on_batch: Callable[[ScanBatch], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Entity] | None:
        """All the entities (as ``extract`` gives them), or None once cancelled: by
        :meth:`cancel` or by ``cancelled()`` (a worker's flag), asked before each batch."""

        def stop() -> bool:
            return self._cancel.is_set() or (cancelled is not None and cancelled())

        extractor, text = self._extractor, self._text
        if not all(hasattr(extractor, m) for m in ("chunks", "model_entities", "finish")):
            # a backend that cannot be read in chunks: the whole text in one step
            if stop():
                return None
            found: list[Entity] = extractor.extract(text, cancelled=stop)
            if stop():
                return None
            if on_batch is not None:
                on_batch(ScanBatch(((0, len(text)),), tuple(found), len(text), len(text)))
            return found
        chunks = extractor.chunks(text)
        total = sum(e - s for s, e in chunks)
        left = set(range(len(chunks)))
        model: list[Entity] = []
        done = 0
        while left:
            if stop():
                return None
            batch = self._next_batch(chunks, left)
            spans = [chunks[i] for i in batch]
            found = extractor.model_entities(text, spans)
            model += found
            left.difference_update(batch)
            done += sum(e - s for s, e in spans)
            if on_batch is not None and not stop():
                on_batch(
                    ScanBatch(tuple(spans), _local(extractor, text, spans, found), done, total)
                )
        if stop():
            return None
        result: list[Entity] = extractor.finish(text, model)
        return result

    def _next_batch(self, chunks: Sequence[Span], left: set[int]) -> list[int]:
        """The next chunks in priority order for the current focus, up to the batch size
        (the order is sorted again only when the focus has moved)."""
        with self._lock:
            focus = self._focus
        if focus != self._ordered_for:
            self._order = priority_order(chunks, focus)
            self._ordered_for = focus
            self._cursor = 0
        while self._order[self._cursor] not in left:
            self._cursor += 1
        batch: list[int] = []
        size = 0
        for i in self._order[self._cursor :]:
            if i not in left:
                continue
            length = chunks[i][1] - chunks[i][0]
            if batch and size + length > self._batch_chars:
                break
            batch.append(i)
            size += length
        return sorted(batch)


def _local(
    extractor: Any, text: str, spans: Sequence[Span], found: list[Entity]
) -> tuple[Entity, ...]:
    """The batch's entities corrected chunk by chunk, as if each chunk were the text."""
    out: list[Entity] = []
    for s, e in spans:
        inside = [
            Entity(x.start - s, x.end - s, x.label, x.text) for x in found if s <= x.start < e
        ]
        out += [
            Entity(x.start + s, x.end + s, x.label, x.text)
            for x in extractor.finish(text[s:e], inside)
        ]
    return tuple(out)
