"""Entities across the library: for each article, the names its entities go by and how
often, so the library can say which articles mention someone and who is mentioned most.

Names are matched folded (entity_key, core/entities/groups.py: case, a leading "the",
the full stops of an abbreviation, a possessive ending...); within an article a lone
surname counts for the one person named in full with it. Across articles nothing more
is merged: an article that only says "Trump" and one that says "Donald Trump" keep
two names, as do different names for one thing ("US" and "United States", "UN" and
"United Nations"), misspellings and other languages' names; and one name for different
things ("Paris" the city and the person) is one entry. Dates and figures are not kept:
across articles they name nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from tread.core.article import Entity
from tread.core.entities.groups import entity_key, group_entities
from tread.core.store.library import Library

KEPT_KINDS: Final = ("person", "organisation", "place", "other")


@dataclass(frozen=True, slots=True)
class Mentioned:
    name: str  # the form used most
    kind: str  # the kind given most
    mentions: int
    articles: int


def index_article(library: Library, article_id: int, entities: Sequence[Entity]) -> None:
    """Keep the names ``article_id``'s entities go by (replacing what was kept); a
    library opened read-only keeps nothing (as its analysis cache)."""
    if library.read_only:
        return
    names: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    for group in group_entities(entities):  # a surname goes with its full name
        if group.kind not in KEPT_KINDS:
            continue
        names.setdefault(group.key, Counter())[group.name] += group.count
        kinds.setdefault(group.key, Counter())[group.kind] += group.count
    rows = [
        (article_id, key, names[key].most_common(1)[0][0], kinds[key].most_common(1)[0][0],
         sum(names[key].values()))
        for key in names
    ]  # fmt: skip
    with library.write() as db:
        db.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        db.executemany(
            "INSERT INTO article_entities(article_id, key, name, kind, mentions)"
            " VALUES (?,?,?,?,?)",
            rows,
        )


def indexed(library: Library) -> set[int]:
    """The articles whose entities are kept (an article with none is not among them)."""
    return {int(r[0]) for r in library.rows("SELECT DISTINCT article_id FROM article_entities")}


def articles_mentioning(library: Library, name: str) -> set[int]:
    rows = library.rows(
        "SELECT article_id FROM article_entities WHERE key = ?", (entity_key(name),)
    )
    return {int(r[0]) for r in rows}


def most_mentioned(
    library: Library, kinds: Sequence[str] = KEPT_KINDS, limit: int | None = 20
) -> list[Mentioned]:
    """The entities mentioned most across the library, with their article counts."""
    found: dict[str, tuple[Counter[str], Counter[str], list[int]]] = {}
    for key, name, kind, mentions in library.rows(
        "SELECT key, name, kind, mentions FROM article_entities"
    ):
        names, kinds_seen, counts = found.setdefault(key, (Counter(), Counter(), [0, 0]))
        names[name] += mentions
        kinds_seen[kind] += mentions
        counts[0] += mentions
        counts[1] += 1
    ranked = [
        Mentioned(names.most_common(1)[0][0], kinds_seen.most_common(1)[0][0], total, articles)
        for names, kinds_seen, (total, articles) in found.values()
    ]
    ranked = [m for m in ranked if m.kind in kinds]
    ranked.sort(key=lambda m: (-m.mentions, -m.articles, m.name.casefold()))
    return ranked[:limit] if limit else ranked
