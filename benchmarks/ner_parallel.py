"""NER of one long text on two cores: one process against three ways of using two.

    python benchmarks/ner_parallel.py [--sentences 10000] [--repeat 3]
                                      [--out benchmarks/results/ner_parallel.md]

Each way runs over the same chunks (tread's, at most 20,000 characters, cut between
sentences) of a generated one-paragraph text, and its time includes starting its
processes (the model is loaded once beforehand: every way needs it):

- one process: ``SpacyEntityExtractor.extract`` as ``tread entities --jobs 1`` runs it;
- spaCy's ``nlp.pipe(..., n_process=2)``: forked workers that send every Doc back
  serialised;
- tread's fork pool (``parallel.py``): workers forked after the model is loaded, sending
  back (start, end, label) triples;
- the same pool spawned: each worker imports spaCy and loads the model itself.

The ways run interleaved, ``--repeat`` times; the table gives medians. The machine's
load average is printed: on a shared machine the two-process figures are the first to
suffer.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _texts import one_paragraph  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sentences", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--out", type=Path, default=HERE / "results" / "ner_parallel.md")
    args = p.parse_args()

    from tread.core.entities.parallel import model_entities_in_processes
    from tread.core.entities.spacy_backend import SpacyEntityExtractor, batches

    text = one_paragraph(args.sentences)
    ner = SpacyEntityExtractor(corrections=False)
    nlp = ner.load()
    chunks = ner.chunks(text)

    def spacy_n_process() -> list[tuple[int, int, str]]:
        docs = nlp.pipe((text[s:e] for s, e in chunks), n_process=2, batch_size=4)
        return [
            (s + ent.start_char, s + ent.end_char, ent.label_)
            for (s, _e), doc in zip(chunks, docs, strict=True)
            for ent in doc.ents
        ]

    def pool(method: str) -> Callable[[], object]:
        return lambda: model_entities_in_processes(ner, text, batches(chunks), 2, method=method)

    ways: dict[str, Callable[[], object]] = {
        "one process": lambda: ner.extract(text),
        "spaCy nlp.pipe(n_process=2)": spacy_n_process,
        "tread pool, fork (2)": pool("fork"),
        "tread pool, spawn (2)": pool("spawn"),
    }
    wall: dict[str, list[float]] = {k: [] for k in ways}
    load = [os.getloadavg()[0]]
    reference = sorted((e.start, e.end, e.label) for e in ner.extract(text))
    for _ in range(args.repeat):
        for name, run in ways.items():
            t = time.perf_counter()
            got = run()
            wall[name].append(time.perf_counter() - t)
            if isinstance(got, list):
                triples = [(x.start, x.end, x.label) if hasattr(x, "label") else x for x in got]
                assert sorted(triples) == reference, name
        load.append(os.getloadavg()[0])
    one = statistics.median(wall["one process"])
    lines = [
        "# NER of one long text on two cores",
        "",
        f"Made on {datetime.date.today().isoformat()} by `python benchmarks/ner_parallel.py "
        f"--sentences {args.sentences} --repeat {args.repeat}`: a generated one-paragraph "
        f"text of {args.sentences:,} sentences ({len(text):,} characters, {len(chunks)} "
        f"chunks); {os.cpu_count()} cores, shared with other work; 1-minute load average "
        f"{min(load):.1f}–{max(load):.1f} during the run. "
        "Medians; every way gives the same entities (checked).",
        "",
        "| way | wall (s), median | runs (s) | vs one process |",
        "|---|---:|---|---:|",
    ]
    for name in ways:
        med = statistics.median(wall[name])
        runs = ", ".join(f"{t:.2f}" for t in wall[name])
        lines.append(f"| {name} | {med:.2f} | {runs} | {one / med:.2f}x |")
    report = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
