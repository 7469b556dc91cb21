"""One entity, one line: the mentions grouped as the index, `tread entities` and the
library list them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tread.core.article import Entity
from tread.core.entities.groups import group_entities


def mentions(text: str, labelled: list[tuple[str, str]]) -> list[Entity]:
    """Every occurrence in ``text`` of each (name, label), as an entity."""
    found = [
        Entity(m.start(), m.end(), label, m.group(0))
        for name, label in labelled
        for m in re.finditer(re.escape(name) + r"(?![\w])", text)
    ]
    return sorted(found, key=lambda e: e.start)


def test_a_surname_alone_goes_with_the_one_person_named_in_full() -> None:
    text = "Donald Trump left. Trump spoke. Trump’s plane landed. Angela Merkel waited."
    entities = mentions(text, [("Donald Trump", "PERSON"), ("Angela Merkel", "PERSON")])
    entities += [Entity(19, 24, "PERSON", "Trump"), Entity(32, 39, "PERSON", "Trump’s")]
    groups = group_entities(entities)
    assert [(g.name, g.count) for g in groups] == [("Donald Trump", 3), ("Angela Merkel", 1)]
    assert [e.start for e in groups[0].mentions] == [0, 19, 32]  # in the text's order
    assert groups[0].first == 0


def test_a_full_name_first_met_after_the_surname_does_not_take_it() -> None:
    # a novel: "Starbuck" for chapters, then a sentence "Soon Starbuck returned."
    text = "Starbuck spoke. Starbuck left. Soon Starbuck returned."
    entities = mentions(text, [("Soon Starbuck", "PERSON")])
    entities += [Entity(0, 8, "PERSON", "Starbuck"), Entity(16, 24, "PERSON", "Starbuck")]
    names = {g.name: g.count for g in group_entities(entities)}
    assert names == {"Starbuck": 2, "Soon Starbuck": 1}


def test_a_surname_two_people_share_stays_apart() -> None:
    text = "Bill Clinton and Hillary Clinton came. Clinton spoke."
    entities = mentions(text, [("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON")])
    entities.append(Entity(39, 46, "PERSON", "Clinton"))
    names = {g.name: g.count for g in group_entities(entities)}
    assert names == {"Bill Clinton": 1, "Hillary Clinton": 1, "Clinton": 1}


def test_only_a_person_takes_a_surname() -> None:
    # "Ford Motor's Henry Ford. Ford said so."
    entities = [
        Entity(13, 23, "PERSON", "Henry Ford"),
        Entity(25, 29, "ORG", "Ford"),
    ]
    groups = group_entities(entities)
    assert {(g.label, g.name) for g in groups} == {("PERSON", "Henry Ford"), ("ORG", "Ford")}


def test_the_article_case_and_stops_of_a_name_do_not_split_it() -> None:
    text = "the Los Angeles Times said. Los Angeles Times. The U.S. and the US."
    entities = mentions(
        text,
        [("the Los Angeles Times", "ORG"), ("Los Angeles Times", "ORG"), ("U.S.", "GPE")],
    )
    entities = [e for e in entities if not (e.text == "Los Angeles Times" and e.start == 4)]
    entities.append(Entity(63, 65, "GPE", "US"))
    groups = group_entities(entities)
    assert [(g.label, g.name, g.count) for g in groups] == [
        ("ORG", "Los Angeles Times", 2),
        ("GPE", "U.S.", 2),
    ]


def test_one_name_under_two_labels_is_two_lines_in_kind_order() -> None:
    # "Herat grew. Herat voted. Herat won. Herat."
    entities = [
        Entity(0, 5, "GPE", "Herat"),
        Entity(12, 17, "ORG", "Herat"),
        Entity(25, 30, "ORG", "Herat"),
        Entity(36, 41, "DATE", "Herat"),
    ]
    groups = group_entities(entities)
    assert [(g.kind, g.count) for g in groups] == [("organisation", 2), ("place", 1), ("date", 1)]


def test_the_most_mentioned_come_first_then_the_first_mentioned() -> None:
    text = "Oslo, Bergen, Bergen, Paris, Oslo."
    entities = mentions(text, [("Oslo", "GPE"), ("Bergen", "GPE"), ("Paris", "GPE")])
    assert [g.name for g in group_entities(entities)] == ["Oslo", "Bergen", "Paris"]


_NAMES = st.sampled_from(["Donald Trump", "Trump", "the Times", "Times", "U.S.", "US", "Clinton"])
_LABELS = st.sampled_from(["PERSON", "ORG", "GPE"])


@given(st.lists(st.tuples(_NAMES, _LABELS), max_size=12))
def test_every_mention_is_in_exactly_one_group(picked: list[tuple[str, str]]) -> None:
    entities, at = [], 0
    for name, label in picked:
        entities.append(Entity(at, at + len(name), label, name))
        at += len(name) + 2
    groups = group_entities(entities)
    listed = [e for g in groups for e in g.mentions]
    assert sorted(listed, key=lambda e: e.start) == entities
    assert all(len({e.label for e in g.mentions}) == 1 for g in groups)
