"""How the entity index groups mentions, on the CNN eval articles.

    python benchmarks/entity_groups.py --shared ../shared [--limit 200] [--show 40]

There are no gold entity links in the eval set, so this counts what grouping does
(lines in the index before, when each exact text was its own line, and after; lone
surnames put with a full name; surnames left apart because two people share them) and
prints a sample of the surname links, with the full name's first mention, for a person
to judge.
"""

from __future__ import annotations

import random
from collections import Counter


def main() -> None:
    from _common import cnn_dev_texts, parser

    p = parser(__doc__ or "")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--show", type=int, default=40)
    args = p.parse_args()
    texts = cnn_dev_texts(args.shared, args.limit)

    from tread.core.entities.groups import entity_key, group_entities
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

    ner = SpacyEntityExtractor()
    counts: Counter[str] = Counter()
    links: list[str] = []
    for text in texts:
        entities = ner.extract(text)
        exact = {(e.label, " ".join(e.text.split())) for e in entities}
        groups = group_entities(entities)
        counts["articles"] += 1
        counts["lines before (one per exact text)"] += len(exact)
        counts["lines after"] += len(groups)
        full_names = Counter(
            g.key.split()[-1] for g in groups if g.label == "PERSON" and len(g.key.split()) > 1
        )
        for g in groups:
            if g.label != "PERSON":
                continue
            alone = [e for e in g.mentions if entity_key(e.text) == g.key.split()[-1]]
            if len(g.key.split()) > 1 and alone:
                counts["persons given their lone surname"] += 1
                counts["lone-surname mentions linked"] += len(alone)
                links.append(f"{g.name!r} <- {len(alone)} x {alone[0].text!r}")
            elif len(g.key.split()) == 1 and full_names[g.key] > 1:
                counts["lone surnames left apart (two full names)"] += 1
    print("| measure | count |")
    print("|---|---:|")
    for name, n in counts.items():
        print(f"| {name} | {n} |")
    print()
    random.seed(7)
    for line in random.sample(links, min(args.show, len(links))):
        print("-", line)


if __name__ == "__main__":
    main()
