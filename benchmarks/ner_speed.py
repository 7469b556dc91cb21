"""spaCy NER: model load time and words per second, slim pipeline vs full pipeline.

python benchmarks/ner_speed.py [--sentences 1000]
"""

from __future__ import annotations

import statistics
import time

from _common import first_sentences, median_time, parser


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--sentences", type=int, default=1000)
    args = p.parse_args()
    book = (args.shared / "sample_articles" / "long" / "moby-dick.txt").read_text("utf-8")
    text = first_sentences(book, args.sentences)
    words = len(text.split())

    import spacy

    from tread.core.entities.spacy_backend import SpacyEntityExtractor, chunk_spans, resolve_model

    name = resolve_model()
    t = time.perf_counter()
    slim = SpacyEntityExtractor(corrections=False)
    slim.load()
    slim_load = time.perf_counter() - t
    t = time.perf_counter()
    full = spacy.load(name)
    full_load = time.perf_counter() - t

    def run_full_paragraphs() -> None:
        list(full.pipe(text[s:e] for s, e in chunk_spans(text, 20_000)))

    # interleaved: slim, full, whole, slim, full, whole ...
    runs: dict[str, list[float]] = {"slim": [], "full": [], "whole": []}
    for _ in range(args.repeat):
        runs["slim"].append(median_time(lambda: slim.extract(text), 1))
        runs["full"].append(median_time(run_full_paragraphs, 1))
        runs["whole"].append(median_time(lambda: full(text), 1))
    slim_t, full_t, whole_t = (statistics.median(runs[k]) for k in ("slim", "full", "whole"))
    print(f"text: first {args.sentences} sentences of Moby-Dick, {words} words; model {name}")
    print()
    print("| pipeline | components | load (s) | NER time (s) | words/s |")
    print("|---|---|---:|---:|---:|")
    print(
        f"| tread slim, paragraphs via nlp.pipe | {'+'.join(slim.load().pipe_names)} "
        f"| {slim_load:.2f} | {slim_t:.2f} | {words / slim_t:,.0f} |"
    )
    print(
        f"| full pipeline, paragraphs via nlp.pipe | {'+'.join(full.pipe_names)} "
        f"| {full_load:.2f} | {full_t:.2f} | {words / full_t:,.0f} |"
    )
    print(
        f"| full pipeline, whole text in one call | {'+'.join(full.pipe_names)} "
        f"| | {whole_t:.2f} | {words / whole_t:,.0f} |"
    )
    print()
    print(f"slim vs full (paragraphs): {full_t / slim_t:.1f}x faster")


if __name__ == "__main__":
    main()
