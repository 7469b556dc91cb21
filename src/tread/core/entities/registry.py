"""Entity backends by name. Every extractor tread uses (the reader, ``tread entities``,
``tread doctor``) is made here, so a new backend is one module and one entry.

A backend's factory takes the model the user named (or None for its default) and
whether tread's corrections (tread.core.entities.corrections) apply; the extractor it
returns finds entities lazily: making one loads nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from tread.core.article import Entity
from tread.core.errors import TreadError


class EntityExtractor(Protocol):
    #: the backend's name, as registered
    name: str
    #: the model that found the entities (known once one extraction has run)
    model_name: str

    def extract(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[Entity]:
        """Entities sorted by start, never overlapping; ``[]`` once ``cancelled()``."""
        ...

    def describe(self) -> str:
        """The model, its version and where it is, for ``tread doctor``."""
        ...

    def cache_key(self) -> str | None:
        """What decides the entities found (model, version, settings): part of the
        library's analysis cache key. None: do not cache (no model is installed)."""
        ...


@dataclass(frozen=True, slots=True)
class Backend:
    name: str
    description: str
    #: (model or None, corrections) -> an extractor
    make: Callable[[str | None, bool], EntityExtractor]
    #: True: its models are spaCy pipelines, one per language (entities/languages.py),
    #: and text in a language without one gets NoEntityModel; False: it takes any text
    spacy_models: bool = False


def _spacy(model: str | None, corrections: bool) -> EntityExtractor:
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

    return SpacyEntityExtractor(model, corrections=corrections)


DEFAULT_BACKEND: Final = "spacy"
BACKENDS: Final[dict[str, Backend]] = {
    b.name: b
    for b in (
        Backend(
            "spacy", "spaCy's statistical NER, slimmed to what NER needs", _spacy, spacy_models=True
        ),
    )
}


def register_backend(backend: Backend) -> None:
    """Add (or replace) a backend under its name."""
    BACKENDS[backend.name] = backend


def make_extractor(
    backend: str | None = None,
    *,
    model: str | None = None,
    corrections: bool = True,
    language: str | None = None,
) -> EntityExtractor:
    """The extractor of ``backend`` (the default one when None) for ``model``.

    With ``language`` (the text's), a spaCy backend takes that language's model (``model``
    only when it is for that language) and tread's corrections only for English; a
    language without a model raises NoEntityModel (a notice: nothing is wrong).
    """
    name = (backend or DEFAULT_BACKEND).strip().lower()
    try:
        entry = BACKENDS[name]
    except KeyError:
        raise TreadError(
            f"unknown entity backend {backend!r}; choose one of: " + ", ".join(BACKENDS)
        ) from None
    if language is not None and entry.spacy_models:
        from tread.core.entities.languages import CORRECTED_LANGUAGES, model_for

        model = model_for(language, model or None)
        corrections = corrections and language in CORRECTED_LANGUAGES
    return entry.make(model or None, corrections)
