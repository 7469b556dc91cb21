from __future__ import annotations

from itertools import pairwise

from tread.core.article import Entity
from tread.core.entities.corrections import correct


def ent(text: str, piece: str, label: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Entity(start, start + len(piece), label, piece)


def test_acronym_long_form_is_joined_and_every_use_tagged() -> None:
    text = (
        "Agents of U.S. Immigration and Customs Enforcement (ICE) came. "
        "Later ICE said more. NICE and ICED are other words."
    )
    model = [ent(text, "U.S. Immigration", "ORG")]
    got = {(e.text, e.label) for e in correct(text, model)}
    assert ("U.S. Immigration and Customs Enforcement", "ORG") in got
    assert sum(1 for e in correct(text, model) if e.text == "ICE") == 2


def test_acronym_keeps_the_model_label_and_the_larger_span() -> None:
    text = "the Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) said. ATF agents left."
    model = [ent(text, "the Bureau of Alcohol, Tobacco, Firearms and Explosives", "ORG")]
    got = correct(text, model)
    assert got[0].text == "the Bureau of Alcohol, Tobacco, Firearms and Explosives"
    assert [e.text for e in got if e.label == "ORG"].count("ATF") == 2


def test_parenthesis_that_is_not_an_acronym_of_the_words_is_ignored() -> None:
    text = "The team played well (USA) and then left."
    assert correct(text, []) == []


def test_acronym_fixes_a_wrong_model_label() -> None:
    text = "The Drug Enforcement Administration (DEA) helped. The DEA was there."
    model = [ent(text, "DEA", "GPE", nth=1)]
    got = correct(text, model)
    assert [(e.text, e.label) for e in got if e.text == "DEA"] == [("DEA", "ORG"), ("DEA", "ORG")]


def test_honorific_makes_a_person_unless_the_model_already_agrees() -> None:
    text = "Dr. Ada Byron met Mayor Eric Garcetti."
    model = [ent(text, "Ada Byron", "ORG")]
    got = {(e.text, e.label) for e in correct(text, model)}
    assert got == {("Ada Byron", "PERSON"), ("Eric Garcetti", "PERSON")}


def test_result_is_sorted_and_never_overlaps() -> None:
    text = "President Smith of the Smith Foundation (SF) met SF staff."
    model = [ent(text, "Smith", "ORG"), ent(text, "the Smith Foundation", "ORG")]
    got = correct(text, model)
    for a, b in pairwise(got):
        assert a.end <= b.start
    assert all(text[e.start : e.end] == e.text for e in got)


def test_an_act_defined_by_acronym_is_a_law() -> None:
    text = "The Justice for Victims of Trafficking Act (JVTA) passed. The JVTA helps."
    got = correct(text, [])
    assert [(e.text, e.label) for e in got] == [
        ("Justice for Victims of Trafficking Act", "LAW"),
        ("JVTA", "LAW"),
        ("JVTA", "LAW"),
    ]


def test_a_lone_surname_of_a_person_named_in_full_is_that_person() -> None:
    text = (
        "President Donald Trump spoke on Monday. Critics of Trump's policies protested, "
        "and the Trump administration replied. Donald Trump left for Washington."
    )
    model = [
        ent(text, "Donald Trump", "PERSON"),
        ent(text, "Trump", "ORG", nth=1),
        ent(text, "Trump", "ORG", nth=2),
        ent(text, "Donald Trump", "PERSON", nth=1),
        ent(text, "Washington", "GPE"),
    ]
    got = [(e.text, e.label) for e in correct(text, model)]
    assert got == [
        ("Donald Trump", "PERSON"),
        ("Trump", "PERSON"),
        ("Trump", "PERSON"),
        ("Donald Trump", "PERSON"),
        ("Washington", "GPE"),  # a place keeps its label
    ]


def test_a_surname_the_text_mostly_uses_for_an_organisation_stays_one() -> None:
    text = "Walt Disney drew mice. Disney grew. Disney bought studios. Disney sued."
    model = [ent(text, "Walt Disney", "PERSON")] + [
        ent(text, "Disney", "ORG", nth=k) for k in (1, 2, 3)
    ]
    got = [(e.text, e.label) for e in correct(text, model)]
    assert got.count(("Disney", "ORG")) == 3
    # no person named in full: nothing to go on
    alone = "Trump said so. Trump left."
    assert correct(alone, [ent(alone, "Trump", "ORG")]) == [ent(alone, "Trump", "ORG")]
