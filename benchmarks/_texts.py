"""Generated texts for the NER benchmarks (nothing outside the repository needed)."""

from __future__ import annotations

import random

_WORDS = [
    "Regulatory",
    "Safety",
    "Transport",
    "Health",
    "Energy",
    "Maritime",
    "Aviation",
    "Water",
    "Housing",
    "Labour",
    "Trade",
    "Finance",
    "Border",
    "Forest",
    "Mining",
    "Data",
    "Rail",
    "Food",
    "Drug",
    "Nuclear",
]
_KINDS = [
    "Agency",
    "Authority",
    "Commission",
    "Bureau",
    "Office",
    "Service",
    "Board",
    "Administration",
]
_CITIES = [
    "Chicago",
    "Paris",
    "Toronto",
    "Nairobi",
    "Rome",
    "Canberra",
    "Boston",
    "Madrid",
    "Lagos",
    "Lima",
    "Oslo",
    "Seoul",
    "Quito",
    "Dakar",
    "Hanoi",
    "Perth",
    "Dublin",
    "Vienna",
    "Prague",
    "Warsaw",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def one_paragraph(sentences: int, seed: int = 17) -> str:
    """``sentences`` sentences in one paragraph, each naming a city and an agency that
    it defines by an acronym ("the National Border and Rail Office (NBRO)"): like a
    CNN/DM story, a transcript or an extracted PDF, with no paragraph breaks."""
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        a, b, kind = rng.choice(_WORDS), rng.choice(_WORDS), rng.choice(_KINDS)
        out.append(
            f"Officials in {rng.choice(_CITIES)} said the National {a} and {b} {kind} "
            f"(N{a[0]}{b[0]}{kind[0]}) would review case {i} on {rng.choice(_DAYS)}."
        )
    return " ".join(out)
