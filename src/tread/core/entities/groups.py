"""The mentions of one entity in one text, under one name: what the reader's entity
index and ``tread entities`` list, and what the library keeps for each article.

Two mentions are one entity when they have the same label and the same folded name
(``entity_key``: case, a leading "the", the full stops of an abbreviation ("U.S." and
"US"), a possessive ending ("Trump's"), curly apostrophes and runs of white space), and
a person's surname alone ("Trump") goes with the one person the text names in full
with it ("Donald Trump"), when the full name comes first. Not merged: two people of
one surname ("Bill Clinton" and "Hillary Clinton": "Clinton" alone stays apart, as
nobody can tell whose it is), different names for one thing ("US" and "United States",
"UN" and "United Nations"), and one name under two labels (spaCy's ORG and GPE for one
city stay two lines: the reader's kinds are the labels' kinds).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from tread.core.article import Entity
from tread.core.entities.kinds import KINDS, kind_of_label

#: letters joined by full stops ("U.S.", "u.s", "E.U."): the stops go
_ABBREVIATION: Final = re.compile(r"\b[^\W\d_](?:\.[^\W\d_])+\.?")
_PERSON: Final = "PERSON"


def entity_key(name: str) -> str:
    """The folded form two names must share to count as one entity."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'")
    text = " ".join(text.split()).casefold()
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s?$", "", text).strip()


def shown_name(name: str) -> str:
    """A name as listed: one line, without a leading "the" or a possessive ending."""
    text = " ".join(name.split())
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return re.sub(r"(?<=\w)['’]s?$", "", text) or text


@dataclass(frozen=True, slots=True)
class EntityGroup:
    label: str
    key: str  # the folded name (entity_key)
    name: str  # as listed: the full name for a person, else the form used most
    mentions: tuple[Entity, ...]  # in the order of the text

    @property
    def kind(self) -> str:
        return kind_of_label(self.label)

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def first(self) -> int:
        return self.mentions[0].start


def group_entities(entities: Iterable[Entity]) -> list[EntityGroup]:
    """The entities' mentions, one group per entity; by kind (in KINDS' order), then
    most mentioned, then first mentioned."""
    by_key: dict[tuple[str, str], list[Entity]] = {}
    for e in sorted(entities, key=lambda e: (e.start, e.end)):
        key = entity_key(e.text)
        if key:
            by_key.setdefault((e.label, key), []).append(e)
    _link_surnames(by_key)
    groups = [
        EntityGroup(label, key, _name(label, mentions), tuple(mentions))
        for (label, key), mentions in by_key.items()
    ]
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(groups, key=lambda g: (order.get(g.kind, len(order)), -g.count, g.first))


def _link_surnames(by_key: dict[tuple[str, str], list[Entity]]) -> None:
    """Move each lone surname's mentions to the one full name ending in it, if only one
    does and it comes first, as a news story names someone ("Donald Trump ... Trump"):
    in a novel a name the model made of a word before a surname ("Soon Starbuck",
    chapters after "Starbuck") must not take the surname's 188 mentions."""
    full: dict[str, list[str]] = {}  # last word -> the full names ending in it
    for label, key in by_key:
        words = key.split()
        if label == _PERSON and len(words) > 1:
            full.setdefault(words[-1], []).append(key)
    for label, key in list(by_key):
        owners = full.get(key, []) if label == _PERSON else []
        if len(owners) == 1 and by_key[(label, owners[0])][0].start < by_key[(label, key)][0].start:
            mentions = by_key.pop((label, key)) + by_key[(label, owners[0])]
            by_key[(label, owners[0])] = sorted(mentions, key=lambda e: (e.start, e.end))


def _name(label: str, mentions: list[Entity]) -> str:
    """The form used most (for a person, among the forms with most words: the full
    name, not the surname used after it); ties go to the first used."""
    forms = [shown_name(e.text) for e in mentions]
    if label == _PERSON:
        longest = max(len(f.split()) for f in forms)
        forms = [f for f in forms if len(f.split()) == longest]
    counts = Counter(forms)  # in the order first used: max keeps the first of a tie
    return max(counts, key=counts.__getitem__)
