"""The kinds of entity a reader cares about, the backend labels (spaCy's OntoNotes set)
each kind gathers, and one colour per kind for the CLI table and the reader."""

from __future__ import annotations

from typing import Final

from tread.core.errors import TreadError

#: the kinds a reader cares about, in display order, with spaCy's OntoNotes labels (the
#: English models) and the WikiNER ones of the other languages' models (PER, LOC, ORG, MISC)
KINDS: Final[dict[str, tuple[str, ...]]] = {
    "person": ("PERSON", "PER"),
    "organisation": ("ORG",),
    "place": ("GPE", "LOC", "FAC"),
    "date": ("DATE", "TIME"),
    "number": ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"),
    "other": ("NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "MISC"),
}
LABEL_KIND: Final[dict[str, str]] = {
    label: kind for kind, labels in KINDS.items() for label in labels
}
#: one colour per kind, mid-tones that read on dark and on light backgrounds
KIND_COLOURS: Final[dict[str, str]] = {
    "person": "#e5484d",
    "organisation": "#3e8ed0",
    "place": "#2f9e44",
    "date": "#c27c0e",
    "number": "#ae3ec9",
    "other": "#0c8599",
}


def kind_of_label(label: str) -> str:
    return LABEL_KIND.get(label, "other")


def parse_types(spec: str) -> set[str]:
    """'PERSON,ORG' or 'person,place' -> the set of spaCy labels they name."""
    labels: set[str] = set()
    for raw in spec.split(","):
        item = raw.strip()
        if not item:
            continue
        if item.lower() in KINDS:
            labels.update(KINDS[item.lower()])
        elif item.upper() in LABEL_KIND:
            labels.add(item.upper())
        else:
            raise TreadError(
                f"unknown entity type {item!r}; use labels ({', '.join(LABEL_KIND)}) "
                f"or kinds ({', '.join(KINDS)})"
            )
    return labels
