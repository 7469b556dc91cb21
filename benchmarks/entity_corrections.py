"""What tread's entity corrections change, on the CNN eval articles.

    python benchmarks/entity_corrections.py [--limit 500] [--show 40]

There are no gold entity labels in the eval set, so this reports how many spans the
correction layer adds, relabels or extends, by rule, and prints a sample of changes
for a person to judge.
"""

from __future__ import annotations

import random
from collections import Counter


def main() -> None:
    from _common import cnn_dev_texts, parser

    p = parser(__doc__ or "")
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--show", type=int, default=40)
    args = p.parse_args()
    texts = cnn_dev_texts(args.shared, args.limit)

    from tread.core.entities.corrections import correct
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

    raw_ner = SpacyEntityExtractor(corrections=False)
    changes: Counter[str] = Counter()
    samples: list[str] = []
    before_total = after_total = 0
    for text in texts:
        raw = raw_ner.extract(text)
        fixed = correct(text, raw)
        before_total += len(raw)
        after_total += len(fixed)
        raw_spans = {(e.start, e.end): e.label for e in raw}
        for e in fixed:
            old = raw_spans.get((e.start, e.end))
            if old == e.label:
                continue
            overlapped = [r for r in raw if r.start < e.end and e.start < r.end]
            if old is not None:
                kind = f"relabelled {old}->{e.label}"
            elif overlapped:
                kind = "span changed"
            else:
                kind = f"added {e.label}"
            changes[kind] += 1
            lo, hi = max(0, e.start - 40), min(len(text), e.end + 40)
            context = text[lo : e.start] + "[[" + e.text + "]]" + text[e.end : hi]
            was = ", ".join(f"{r.text!r}/{r.label}" for r in overlapped) or "nothing"
            samples.append(f"{kind}: {e.label} {e.text!r} (was {was}) ... {context} ...")
    print(f"articles: {len(texts)}; entities before {before_total}, after {after_total}")
    print()
    print("| change | count |")
    print("|---|---:|")
    for kind, n in changes.most_common():
        print(f"| {kind} | {n} |")
    print(f"| total | {sum(changes.values())} |")
    print()
    random.seed(7)
    for line in random.sample(samples, min(args.show, len(samples))):
        print("-", " ".join(line.split()))


if __name__ == "__main__":
    main()
