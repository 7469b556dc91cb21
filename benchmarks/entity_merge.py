"""Time of the entity corrections (`entities.corrections.correct`) on entity-dense text, against
the earlier quadratic implementation (kept in tests/adversarial/test_entity_rules_linear.py).

    python benchmarks/entity_merge.py [--mb 0.15 0.3 1.2] [--old-up-to 1.2]
                                      [--out benchmarks/results/entity_merge.md]

No spaCy: the text is generated (names with honorifics, organisations defined with an
acronym and then used by it, places, dates) and the "model" entities are every run of
capitalised words, labelled as a small NER model would, non-overlapping, about one
entity every four words.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST = ["Ada", "Eric", "Maria", "Juan", "Li", "Sara", "Tom", "Nadia", "Omar", "Ines"]
LAST = ["Byron", "Garcetti", "Lopez", "Chen", "Smith", "Novak", "Haddad", "Costa"]
TITLES = ["Dr.", "Mayor", "Senator", "Mr.", "Ms.", "Judge", "Gov."]
ORGS = [
    ("Drug Enforcement Administration", "DEA"),
    ("Customs and Border Protection", "CBP"),
    ("Federal Bureau of Investigation", "FBI"),
    ("World Health Organization", "WHO"),
    ("National Aeronautics and Space Administration", "NASA"),
    ("Environmental Protection Agency", "EPA"),
]
PLACES = ["Paris", "Los Angeles", "Hong Kong", "Toronto", "Kabul", "Rome", "Canberra"]
FILL = [
    "said",
    "on",
    "Monday",
    "that",
    "the",
    "plan",
    "would",
    "go",
    "ahead",
    "after",
    "talks",
    "with",
    "officials",
]


def text_of(mb: float, seed: int = 5) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < mb * 1024 * 1024:
        kind = rng.random()
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org, acronym = rng.choice(ORGS)
        if kind < 0.025:  # an acronym defined about once per 4 KB, as in news
            s = f"The {org} ({acronym}) met {rng.choice(TITLES)} {name} in {rng.choice(PLACES)}."
        else:
            s = (
                f"{rng.choice(TITLES)} {name} of the {acronym} "
                f"{' '.join(rng.sample(FILL, 6))} in {rng.choice(PLACES)}."
            )
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


def model_of(text: str) -> list:  # type: ignore[type-arg]
    from tread.core.article import Entity

    labels = ["ORG", "GPE", "PERSON", "DATE", "NORP"]
    rng = random.Random(1)
    return [
        Entity(m.start(), m.end(), rng.choice(labels), m.group())
        for m in re.finditer(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*", text)
    ]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--mb", type=float, nargs="*", default=[0.15, 0.3, 1.2])
    p.add_argument(
        "--old-up-to",
        type=float,
        default=1.2,
        help="time the quadratic reference only up to this size",
    )
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "entity_merge.md")
    args = p.parse_args()
    from tests.adversarial.test_entity_rules_linear import reference_correct

    from tread.core.entities.corrections import correct

    rows = []
    for mb in args.mb:
        text = text_of(mb)
        model = model_of(text)
        t = time.perf_counter()
        new = correct(text, model)
        new_s = time.perf_counter() - t
        old_s = "not run"
        if mb <= args.old_up_to:
            t = time.perf_counter()
            old = reference_correct(text, model)
            old_s = f"{time.perf_counter() - t:.1f}"
            assert old == new, "the two implementations disagree"
        row = (
            f"| {len(text) / 1024 / 1024:.2f} MB | {len(model):,} | {len(new):,} | "
            f"{old_s} | {new_s:.2f} |"
        )
        print(row, flush=True)
        rows.append(row)
    args.out.write_text(
        "# Entity corrections on entity-dense text\n\nMade by `python benchmarks/"
        "entity_merge.py`: `entities.corrections.correct` on generated text and spans (no spaCy); "
        '"quadratic" is the earlier implementation, kept as the reference in '
        "tests/adversarial/test_entity_rules_linear.py. Both give the same entities.\n\n"
        "| text | model entities | entities after | quadratic (s) | now (s) |\n"
        "|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
