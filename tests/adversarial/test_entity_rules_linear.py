"""Entity corrections are linear or n log n and give exactly what the quadratic ones gave.

The reference below is the earlier implementation (every span checked against every
span kept, every model entity scanned for each rule match), kept here to compare with.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tread.core.article import Entity
from tread.core.entities.corrections import (
    _ACRONYM_DEF,
    _HONORIFIC,
    _NAMED_LABELS,
    _NOT_NAMES,
    _REPLACEABLE,
    _acronym_uses,
    _bare,
    _long_form,
    correct,
)


def reference_correct(text: str, entities: list[Entity]) -> list[Entity]:
    model = sorted(entities, key=lambda e: (e.start, -e.end))
    rules = _reference_acronyms(text, model) + _reference_honorifics(text, model)
    return _reference_merge(model, rules + _reference_surnames(model, rules))


def _reference_surnames(model: list[Entity], rules: list[Entity]) -> list[Entity]:
    """Each lone ORG or NORP name counted against every mention, one by one."""
    full_names = [
        e
        for e in model + rules
        if e.label == "PERSON" and len(e.text.split()) >= 2 and e.text.split()[-1][:1].isupper()
    ]
    out = []
    for e in model:
        if e.label not in ("ORG", "NORP"):
            continue
        name = _bare(e.text)
        full = sum(1 for p in full_names if _bare(p.text.split()[-1]) == name)
        alone = sum(1 for o in model if o.label == "PERSON" and _bare(o.text) == name)
        groups = sum(1 for o in model if o.label in ("ORG", "NORP") and _bare(o.text) == name)
        if full and full + alone >= groups:
            out.append(Entity(e.start, e.end, "PERSON", e.text))
    return out


def _reference_overlapping(entities: list[Entity], start: int, end: int) -> list[Entity]:
    return [e for e in entities if e.start < end and start < e.end]


def _reference_acronyms(text: str, model: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m.group(1)
        long_span = _long_form(text, m.start(), acronym)
        if long_span is None:
            continue
        start, end = long_span
        hits = _reference_overlapping(model, start, end)
        named = [e for e in hits if e.label in _NAMED_LABELS]
        if named:
            label = max(named, key=lambda e: e.end - e.start).label
        else:
            label = "LAW" if text[start:end].endswith(" Act") else "ORG"
        if hits:
            start = min(start, *(e.start for e in hits))
            end = max(end, *(e.end for e in hits))
        out.append(Entity(start, end, label, text[start:end]))
        for occ in re.finditer(rf"(?<![\w.-]){re.escape(acronym)}(?![\w-])", text):
            out.append(Entity(occ.start(), occ.end(), label, acronym))
    return out


def _reference_honorifics(text: str, model: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for m in _HONORIFIC.finditer(text):
        start, end = m.span(1)
        if m.group(1).split()[0] in _NOT_NAMES:
            continue
        hits = _reference_overlapping(model, start, end)
        if any(e.label == "PERSON" or e.label not in _REPLACEABLE for e in hits):
            continue
        if any(e.start < start or e.end > end for e in hits):
            continue
        out.append(Entity(start, end, "PERSON", text[start:end]))
    return out


def _reference_merge(model: list[Entity], rules: list[Entity]) -> list[Entity]:
    chosen: list[Entity] = []

    def free(e: Entity) -> bool:
        return not any(c.start < e.end and e.start < c.end for c in chosen)

    for e in sorted(rules, key=lambda e: (-(e.end - e.start), e.start)):
        if free(e):
            chosen.append(e)
    for e in model:
        if free(e):
            chosen.append(e)
    return sorted(chosen, key=lambda e: e.start)


TOKENS = (
    "Dr.",
    "Mayor",
    "Senator",
    "Lt.",
    "Gov.",
    "Ada",
    "Byron",
    "Eric",
    "Smith",
    "the",
    "Drug",
    "Enforcement",
    "Administration",
    "(DEA)",
    "DEA",
    "and",
    "of",
    "U.S.",
    "Immigration",
    "Customs",
    "(ICE)",
    "ICE",
    "Foundation",
    "(SF)",
    "SF",
    "Act",
    "Religious",
    "Freedom",
    "Restoration",
    "(RFRA)",
    "said",
    "left.",
    "Senate.",
    ",",
    "(AT)",
    "AT",
    "AT&T",
    "(AT&T)",
    "American",
    "Telephone",
    "&",
    "Telegraph",
)
LABELS = ("ORG", "GPE", "PERSON", "DATE", "LAW", "NORP", "CARDINAL")


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Entity]]:
    text = " ".join(draw(st.lists(st.sampled_from(TOKENS), max_size=60)))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text)), st.integers(0, 40), st.sampled_from(LABELS)),
            max_size=25,
        )
    )
    model = []
    for start, length, label in spans:
        end = min(len(text), start + length)
        model.append(Entity(start, end, label, text[start:end]))
    return text, model


@settings(max_examples=400, deadline=None)
@given(documents())
def test_corrections_equal_the_quadratic_reference(doc: tuple[str, list[Entity]]) -> None:
    text, model = doc
    assert correct(text, model) == reference_correct(text, model)


def test_seed_cases_agree_with_the_reference() -> None:
    text = (
        "Agents of U.S. Immigration and Customs Enforcement (ICE) came. Later ICE said "
        "more. The Drug Enforcement Administration (DEA) helped, and the DEA (DEA) "
        "again. Dr. Ada Byron met Mayor Eric Garcetti and the Smith Foundation (SF)."
    )
    model = [
        Entity(text.index("U.S."), text.index("U.S.") + 16, "ORG", "U.S. Immigration"),
        Entity(text.index("Ada"), text.index("Ada") + 9, "ORG", "Ada Byron"),
        Entity(0, 0, "ORG", ""),
        Entity(5, 5, "GPE", ""),
    ]
    assert correct(text, model) == reference_correct(text, model)


class Counted(Entity):
    """An entity that counts how often its offsets are read."""

    reads = 0

    def __getattribute__(self, name: str) -> object:
        if name in ("start", "end"):
            Counted.reads += 1
        return super().__getattribute__(name)


def test_work_grows_linearly_with_the_entities() -> None:
    """Offsets read per entity stay constant from 250 to 2,000 entities: the quadratic
    merge read every kept span for each new one (millions of reads at 2,000)."""
    per_entity = []
    for n in (250, 2_000):
        text = "Dr. Ada Byron met Sam Jones in Paris on Monday. " * (n // 4)
        model = [
            Counted(m.start(), m.end(), "ORG", m.group())
            for m in re.finditer(r"Byron|Sam Jones|Paris|Monday", text)
        ]
        Counted.reads = 0
        out = correct(text, model)
        per_entity.append(Counted.reads / n)
        assert out  # the rules and the model both contributed
    assert per_entity[1] < 1.5 * per_entity[0] and per_entity[1] < 50


def test_text_is_not_searched_once_per_acronym(monkeypatch: pytest.MonkeyPatch) -> None:
    """89 different acronyms, each defined once: their uses are found without a regex
    built or run per acronym (a search of the whole text for each made 20,000 sentences
    that each define an agency take minutes)."""
    names = [
        (f"National {a} and {b} Agency", f"N{a[0]}{b[0]}A")
        for a in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")
        for b in ("India", "Juliet", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa")
    ]
    names += [(f"Office of {c}{d} Review", f"O{c}{d}R") for c in "QRSTU" for d in "VWXYZ"]
    text = " ".join(f"The {name} ({acronym}) met the {acronym} in Rome." for name, acronym in names)
    with_acronym: list[str] = []
    for function in ("finditer", "compile", "search", "match"):
        original = getattr(re, function)

        def spy(pattern: object, *args: object, _original: object = original) -> object:
            if any(acronym in str(pattern) for _name, acronym in names):
                with_acronym.append(str(pattern))
            return _original(pattern, *args)  # type: ignore[operator]

        monkeypatch.setattr(re, function, spy)
    got = correct(text, [])
    monkeypatch.undo()
    assert with_acronym == []
    assert got == reference_correct(text, [])
    assert sum(1 for e in got if e.text == "NAIA") == 2 and len(names) == 89  # (NAIA), NAIA


def test_uses_of_acronyms_with_ampersands_and_prefixes() -> None:
    """'AT' is used inside 'AT&T' (an '&' may follow a use), not inside 'ATX' or 'AT-1';
    a use of 'A&A' is not found again inside itself; uses are what a search per acronym
    finds, and the longer 'AT&T' wins the merge."""
    text = (
        "The American Telephone (AT) and American Telephone & Telegraph (AT&T) met "
        "Alpha & Alpha (A&A). AT&T, AT, ATX, A&A&A and AT-1 said so."
    )
    acronyms = {"AT", "AT&T", "A&A"}
    assert _acronym_uses(text, acronyms) == {
        a: [m.start() for m in re.finditer(rf"(?<![\w.-]){re.escape(a)}(?![\w-])", text)]
        for a in acronyms
    }
    assert _acronym_uses(text, {"AT"})["AT"] == [24, 64, 95, 101]
    got = correct(text, [])
    assert got == reference_correct(text, [])
    assert [e.text for e in got if e.start > text.index("met")] == [
        "Alpha & Alpha",
        "A&A",
        "AT&T",
        "AT",
        "A&A",
    ]
