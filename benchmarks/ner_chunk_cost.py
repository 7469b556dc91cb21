"""Does NER's cost per character drift up along one long paragraph?

    python benchmarks/ner_chunk_cost.py [--sentences 20000]

The whole-command timings of ``ner_linear.py`` on a shared machine move by 30% from run
to run. This runs the model alone over the chunks of one generated one-paragraph text,
a batch at a time, in one process, and prints the cost per character of the first and
the last quarter of the batches: equal (up to noise) if the work is linear in length.
The minimum is the figure least disturbed by other work on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _texts import one_paragraph  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sentences", type=int, default=20_000)
    args = p.parse_args()

    from tread.core.entities.spacy_backend import SpacyEntityExtractor, batches

    ner = SpacyEntityExtractor()
    ner.load()
    text = one_paragraph(args.sentences)
    chunks = ner.chunks(text)
    per_char = []
    for batch in batches(chunks):
        t = time.perf_counter()
        ner.model_entities(text, batch)
        per_char.append((time.perf_counter() - t) / sum(e - s for s, e in batch) * 1e6)
    q = len(per_char) // 4
    first, last = per_char[:q], per_char[-q:]
    print(
        f"{len(per_char)} batches; µs/char: first quarter median {statistics.median(first):.2f}"
        f", last quarter median {statistics.median(last):.2f}; minimum {min(first):.2f} / "
        f"{min(last):.2f}; load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
