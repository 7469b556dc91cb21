"""Cheap, general corrections to a small NER model's output, using the text itself.

1. Acronyms defined in the text: "U.S. Immigration and Customs Enforcement (ICE)" makes
   the long name one entity and every "ICE" in the text the same kind of entity.
2. Honorific + name: "Dr. Ada Lovelace", "Senator Smith" -> PERSON for the name.
3. A surname alone: where the model names "Donald Trump" a PERSON and calls a lone
   "Trump" an organisation or a group, the lone one is the person too, unless the
   text uses the bare name for an organisation more often than for the person ("Walt
   Disney" once and "Disney" the company ten times stays the company).
4. Spans are sorted and never overlap (rule spans win over the model's where they meet).

Every step is linear or n log n in the text and the entities: the model's entities are
found by binary search, the uses of every defined acronym are found in one pass over the
text (one search per acronym made 20,000 sentences that each define an agency take
minutes: a search of the whole text for each of thousands of acronyms), and the merge
keeps the characters already taken in a bytearray (a 1.2 MB entity-dense text took 434 s
when each span was checked against every span kept).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Final

from tread.core.article import Entity

_ACRONYM_DEF: Final = re.compile(r"\(([A-Z][A-Z&]{1,7})s?\)")
# where a use of an acronym can start: what follows is the longest run it can be a prefix of
_USE_START: Final = re.compile(r"(?<![\w.-])(?=([A-Z][A-Z&]{1,7}))")
_NO_USE_AFTER: Final = re.compile(r"[\w-]")
_WORD: Final = re.compile(r"[^\W_][\w.&’'-]*|,")
_CONNECTORS: Final = frozenset({"and", "of", "for", "the", "&", "on", "in", "de", "to", ","})
_ABBREVIATED: Final = r"Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Sgt|Col|Capt|Rev"
_TITLES: Final = (
    r"President|Senator|Governor|Judge|Mayor|Sheriff|Chancellor|Pope|Sir|"
    r"Dame|Professor|Congressman|Congresswoman|Detective"
)
_NAME_WORD: Final = r"[A-Z][a-zA-Z]*(?:-[A-Za-z]+)*(?:['’][A-Z][a-zA-Z]+)?"
# "Dr. Ada Byron", "Mayor Eric Garcetti": an abbreviation (with or without its period)
# or a title word, then one to three capitalised words that are not followed by more
_HONORIFIC: Final = re.compile(
    rf"\b(?:(?:{_ABBREVIATED})\.?|{_TITLES}) ({_NAME_WORD}(?: {_NAME_WORD}){{0,2}})"
    rf"(?! [A-Z])(?!['’]?\w)"
)
_NOT_NAMES: Final = frozenset(_ABBREVIATED.split("|")) | frozenset(_TITLES.split("|"))
#: labels a person rule may replace; dates, times and figures are never names
_REPLACEABLE: Final = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})
_LOOKBACK: Final = 120
_EXTRA_WORDS: Final = 2
_NAMED_LABELS: Final = frozenset({"ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "LAW", "PRODUCT"})
#: the labels a lone surname may lose to PERSON: not places ("Washington" the city
#: in a text that names George Washington)
_SURNAME_RELABELLED: Final = frozenset({"ORG", "NORP"})


def correct(text: str, entities: Iterable[Entity]) -> list[Entity]:
    model = _Sorted(sorted(entities, key=lambda e: (e.start, -e.end)))
    rules: list[Entity] = []
    rules += _acronym_entities(text, model)
    rules += _honorific_entities(text, model)
    rules += _surname_entities(model, rules)
    return _merge(model.entities, rules, len(text))


class _Sorted:
    """Entities sorted by start, asked which overlap a span in O(log n + the span's
    neighbours): ``reach[i]`` is the furthest end among the first i + 1, so a search
    back from the last entity starting before the span stops where none reach it."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._starts = [e.start for e in entities]
        self._reach = list(accumulate((e.end for e in entities), max))

    def overlapping(self, start: int, end: int) -> list[Entity]:
        """Those with ``e.start < end and start < e.end``, in their order."""
        hits = []
        i = bisect_left(self._starts, end)
        while i > 0 and self._reach[i - 1] > start:
            i -= 1
            if self.entities[i].end > start:
                hits.append(self.entities[i])
        hits.reverse()
        return hits


def _acronym_entities(text: str, model: _Sorted) -> list[Entity]:
    definitions = list(_ACRONYM_DEF.finditer(text))
    if not definitions:
        return []
    uses = _acronym_uses(text, {m.group(1) for m in definitions})
    out: list[Entity] = []
    searched: set[str] = set()
    for m in definitions:
        acronym = m.group(1)
        long_span = _long_form(text, m.start(), acronym)
        if long_span is None:
            continue
        start, end = long_span
        hits = model.overlapping(start, end)
        named = [e for e in hits if e.label in _NAMED_LABELS]
        # the label of the model's longest entity there ("the Religious Freedom
        # Restoration Act" is a LAW), else an organisation
        if named:
            label = max(named, key=lambda e: e.end - e.start).label
        else:
            label = "LAW" if text[start:end].endswith(" Act") else "ORG"
        if hits:  # the model's span may hold more (a leading "the", "Bureau of ...")
            start = min(start, *(e.start for e in hits))
            end = max(end, *(e.end for e in hits))
        out.append(Entity(start, end, label, text[start:end]))
        # the uses of an acronym defined again would be the same spans after those of
        # its first definition, which the merge takes first: add them once
        if acronym in searched:
            continue
        searched.add(acronym)
        out.extend(Entity(s, s + len(acronym), label, acronym) for s in uses.get(acronym, ()))
    return out


def _acronym_uses(text: str, acronyms: set[str]) -> dict[str, list[int]]:
    r"""Where each acronym is used, in one pass over the text: the starts that
    ``re.finditer(rf"(?<![\w.-]){re.escape(acronym)}(?![\w-])", text)`` would find for
    each, without a search of the whole text per acronym.

    A use is a prefix of the run of capitals and '&' at a start, ending where no word
    character or hyphen follows (at the run's end or before an '&'); each acronym's
    uses do not overlap, as finditer's do not.
    """
    found: dict[str, list[int]] = {}
    free_from: dict[str, int] = {}
    for m in _USE_START.finditer(text):
        start, run = m.start(), m.group(1)
        for size in range(2, len(run) + 1):
            candidate = run[:size]
            if candidate not in acronyms or start < free_from.get(candidate, 0):
                continue
            if _NO_USE_AFTER.match(text, start + size):
                continue
            found.setdefault(candidate, []).append(start)
            free_from[candidate] = start + size
    return found


def _long_form(text: str, paren: int, acronym: str) -> tuple[int, int] | None:
    """The words before '(' that the acronym abbreviates, as a span, or None."""
    window_start = max(0, paren - _LOOKBACK)
    words = [
        (w.start() + window_start, w.end() + window_start, w.group())
        for w in _WORD.finditer(text[window_start:paren])
    ]
    # the run of capitalised words and connectors that ends right before the '('
    run: list[tuple[int, int, str]] = []
    for start, end, word in reversed(words):
        if _ends_sentence(word):
            break
        if word[0].isupper() or word in _CONNECTORS:
            run.insert(0, (start, end, word))
        else:
            break
    caps = [(i, w) for i, w in enumerate(run) if w[2][0].isupper()]
    letters = acronym.replace("&", "")
    # the latest capitalised word starting with the acronym's first letter from which the
    # initials hold the acronym in order, ending on its last letter if any does
    # ("Drug Enforcement Administration (DEA)"), else within two extra words
    # ("Alcohol, Tobacco, Firearms and Explosives (ATF)")
    for strict in (True, False):
        for k in range(len(caps) - 1, -1, -1):
            i, (_s, _e, word) = caps[k]
            if word[0] != letters[0]:
                continue
            initials = "".join(w[2][0] for _, w in caps[k:])
            if not _is_subsequence(letters, initials):
                continue
            if strict and initials[-1] != letters[-1]:
                continue
            if not strict and len(initials) > len(letters) + _EXTRA_WORDS:
                continue
            # take in capitalised words directly before it ("U.S. Immigration ...")
            while i > 0 and run[i - 1][2][0].isupper() and run[i - 1][2].lower() not in _CONNECTORS:
                i -= 1
            return run[i][0], run[-1][1]
    return None


def _ends_sentence(word: str) -> bool:
    """'Senate.' ends a sentence; 'U.S.' is an abbreviation."""
    return word.endswith(".") and any(c.islower() for c in word)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _honorific_entities(text: str, model: _Sorted) -> list[Entity]:
    out: list[Entity] = []
    for m in _HONORIFIC.finditer(text):
        start, end = m.span(1)
        if m.group(1).split()[0] in _NOT_NAMES:  # "Lt. Gov. David ...": not a name yet
            continue
        hits = model.overlapping(start, end)
        if any(e.label == "PERSON" or e.label not in _REPLACEABLE for e in hits):
            continue  # the model already has a person here, or a date/figure
        if any(e.start < start or e.end > end for e in hits):
            continue  # part of something larger, e.g. "the Mayor Smith Foundation"
        out.append(Entity(start, end, "PERSON", text[start:end]))
    return out


def _surname_entities(model: _Sorted, rules: list[Entity]) -> list[Entity]:
    """Lone surnames of people named in full, that the model labelled ORG or NORP,
    as PERSON: one sense per text, decided by a vote of the mentions."""
    people = [e for e in (*model.entities, *rules) if e.label == "PERSON"]
    votes: dict[str, int] = {}  # surname -> person mentions minus organisation ones
    for e in people:
        words = e.text.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            surname = _bare(words[-1])
            votes[surname] = votes.get(surname, 0) + 1
    if not votes:
        return []
    lone = [e for e in model.entities if _bare(e.text) in votes]
    for e in lone:
        if e.label in _SURNAME_RELABELLED:
            votes[_bare(e.text)] -= 1
        elif e.label == "PERSON":
            votes[_bare(e.text)] += 1
    return [
        Entity(e.start, e.end, "PERSON", e.text)
        for e in lone
        if e.label in _SURNAME_RELABELLED and votes[_bare(e.text)] >= 0
    ]


def _bare(name: str) -> str:
    """A name without a possessive ending."""
    for ending in ("'s", "’s", "'", "’"):
        if name.endswith(ending):
            return name[: -len(ending)]
    return name


def _merge(model: list[Entity], rules: list[Entity], length: int) -> list[Entity]:
    """Rule spans first (longest first), then model spans that overlap none of them.

    The spans kept never overlap, so whether a span is free is whether any of its
    characters is taken; an empty span (there should be none) is blocked by a kept span
    around it, and blocks a span around it.
    """
    size = max([length, *(e.end for e in model), *(e.end for e in rules)]) + 1
    taken = bytearray(size)  # 1 where a kept span covers the character
    first = bytearray(size)  # 1 where a kept span starts
    empty = bytearray(size)  # 1 where a kept empty span stands
    chosen: list[Entity] = []

    def keep_if_free(e: Entity) -> None:
        if e.start < e.end:
            if taken.find(1, e.start, e.end) != -1 or empty.find(1, e.start + 1, e.end) != -1:
                return
            taken[e.start : e.end] = b"\x01" * (e.end - e.start)
            first[e.start] = 1
        else:
            if taken[e.start] and not first[e.start]:
                return
            empty[e.start] = 1
        chosen.append(e)

    for e in sorted(rules, key=lambda e: (-(e.end - e.start), e.start)):
        keep_if_free(e)
    for e in model:
        keep_if_free(e)
    return sorted(chosen, key=lambda e: e.start)
