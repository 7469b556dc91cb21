"""Does the shipped news model still pick what it picked when it was measured?

The cross-validated figures of tread's news model (scripts/train_news.py) were measured
on phase 1's pipeline: segment(), then captions.split_at_captions, then the model on
every sentence. The product now cuts captions inside segment(), makes headings of
heading lines and leaves fragments and lines in capitals out of the choice
(summarizers/candidates.py). This script runs the shipped model both ways on the same
articles and counts the articles whose picks differ, with the ROUGE-2 of each way. Both
are in-sample for the shipped model (it was trained on these articles): only the
difference between the two columns means anything, not their level.

    python benchmarks/news_pipeline_shift.py --shared ../shared [--report FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

FILES = ("dev.jsonl", "train_cnn.jsonl", "dev_dailymail.jsonl")


def main() -> None:
    from rouge_score import rouge_scorer

    from tread.core.summarizers.news import TreadSummarizer
    from tread.core.summarizers.summarize import summarize
    from tread.core.summarizers.sumy_adapter import build_document, stemmer, stop_words
    from tread.core.text.captions import split_at_captions
    from tread.core.text.segment import segment

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--shared", type=Path, default=Path(__file__).parents[2] / "shared")
    p.add_argument("--count", type=int, default=3)
    p.add_argument("--report", type=Path)
    args = p.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    model = TreadSummarizer(stemmer("english"))
    model.stop_words = stop_words("english")
    by_style: dict[str, dict[str, list[float]]] = {}
    for name in FILES:
        for line in (args.shared / "eval" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            reference = "\n".join(row["summary_sentences"])
            old = split_at_captions(segment(row["text"], detect_title=False, captions=False))
            document, ordered = build_document(old)
            chosen = {id(s) for s in model(document, args.count)}
            before = [
                old.sentence_text(s)
                for s, o in zip(old.sentences, ordered, strict=True)
                if id(o) in chosen
            ]
            new = segment(row["text"], detect_title=False)
            after = [
                new.sentence_text(s.sentence) for s in summarize(new, "tread", args.count).sentences
            ]
            r2 = [
                100 * scorer.score(reference, "\n".join(x))["rouge2"].fmeasure
                for x in (before, after)
            ]
            style = by_style.setdefault(row["category"], {"before": [], "after": [], "same": []})
            style["before"].append(r2[0])
            style["after"].append(r2[1])
            style["same"].append(float(before == after))
    lines = [
        "| style | n | picks unchanged | R-2 phase 1's pipeline | R-2 today's | difference |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, v in sorted(by_style.items()):
        b, a = statistics.fmean(v["before"]), statistics.fmean(v["after"])
        lines.append(
            f"| {name} | {len(v['same'])} | {statistics.fmean(v['same']):.0%} | {b:.2f} | "
            f"{a:.2f} | {a - b:+.2f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.report:
        args.report.write_text(
            "# The shipped news model: phase 1's pipeline against today's\n\n"
            f"`python benchmarks/news_pipeline_shift.py --shared ../shared --report "
            f"{args.report}`; {args.count} sentences, ROUGE-2 F1 x 100 against the highlights. "
            "In-sample for both columns (the model was trained on these articles): read "
            "the difference, not the level.\n\n" + table + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
