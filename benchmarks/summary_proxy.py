"""Summaries of a book without human summaries: reference-free measures, every algorithm.

    python benchmarks/summary_proxy.py [--shared ../shared] [--parts 4] [--count 10]
        [--report benchmarks/results/summary_proxy.md]

There are no human summaries of books here, so this measures what can be measured
without one, on the public-domain Moby-Dick (shared/sample_articles/long) cut into
``--parts`` runs of whole chapters (each under the 5,000-sentence limit of the graph
methods), a ``--count``-sentence summary of each run:

- chapters: distinct chapters among the picks, over the picks (1.0: one per chapter).
  A summary of a book should not come from one chapter.
- redundancy: mean cosine (TF-IDF over stems, stop words out) between picked sentences.
- centrality: mean percentile of the picks by cosine to the run's centroid (1.0: the
  most central sentences; 0.5: chance).
- JS: Jensen-Shannon divergence (bits) between the picks' and the whole run's word
  distributions, a reference-free content measure that tracks human judgements of
  news summaries (Louis and Nenkova, Computational Linguistics 2013). Lower is closer.
- headings/fragments: share of picks that are (part of) a heading line (a chapter
  heading, an ALL-CAPS line, a short line without final punctuation) or under 4 words.
- words: mean words per pick (long sentences raise centrality and lower JS: read both
  with it).
"""

from __future__ import annotations

import math
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import parser

ALGORITHMS = (
    "luhn",
    "edmundson",
    "lsa",
    "lex-rank",
    "text-rank",
    "sum-basic",
    "kl",
    "reduction",
    "random",
    "lead",
    "tread",
)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LINE = re.compile(r"[^\r\n]+")
_ENDS = re.compile(r"[.!?…][\"'”’»)\]]*$")


def parts(text: str, count: int) -> list[tuple[str, int, int]]:
    """``count`` runs of whole chapters (from the first chapter heading on), each with
    the numbers of its first and last chapters."""
    from tread.core.summarizers.kind import chapter_headings

    starts = [s for s, _ in chapter_headings(text)]
    size = math.ceil(len(starts) / count)
    out = []
    for k in range(0, len(starts), size):
        end = starts[k + size] if k + size < len(starts) else len(text)
        out.append((text[starts[k] : end], k + 1, min(k + size, len(starts))))
    return out


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are headings to a reader: chapter headings, ALL-CAPS lines, and short
    lines without final punctuation that stand as their own paragraph."""
    from tread.core.summarizers.kind import chapter_headings

    spans = set(chapter_headings(text))
    for m in _LINE.finditer(text):
        line = m.group().strip()
        words = _WORD.findall(line)
        alone = text[max(0, m.start() - 2) : m.start()] in ("\n\n", "") and text[
            m.end() : m.end() + 2
        ] in ("\n\n", "")
        if (
            words
            and alone
            and (line.upper() == line or (len(words) < 10 and not _ENDS.search(line)))
        ):
            spans.add((m.start(), m.end()))
    return sorted(spans)


def measures(seg: Any, picks: list[int], stem: Any, stop: frozenset[str]) -> dict[str, float]:
    from tread.core.summarizers.kind import chapter_headings

    texts = [seg.sentence_text(s) for s in seg.sentences]
    tokens = [[stem(w.lower()) for w in _WORD.findall(t) if w.lower() not in stop] for t in texts]
    df = Counter(t for ts in tokens for t in set(ts))
    n = len(texts)
    vocab = {t: i for i, t in enumerate(df)}
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in vocab])

    def vector(ts: list[str]) -> np.ndarray:
        v = np.zeros(len(vocab))
        for t in ts:
            v[vocab[t]] += 1
        v *= idf
        norm = np.linalg.norm(v)
        return v / norm if norm else v

    vectors = np.array([vector(ts) for ts in tokens])
    centroid = vectors.sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    central = vectors @ centroid
    percentile = np.argsort(np.argsort(central)) / max(1, n - 1)
    pv = vectors[picks]
    sims = pv @ pv.T
    pairs = [sims[a, b] for a in range(len(picks)) for b in range(a + 1, len(picks))]
    chapter_starts = [s for s, _ in chapter_headings(seg.text)]
    chapters = {sum(1 for c in chapter_starts if c <= seg.sentences[i].start) for i in picks}
    headings = heading_lines(seg.text)

    def is_heading(i: int) -> bool:
        s = seg.sentences[i]
        return any(hs <= s.start and s.end <= he for hs, he in headings)

    flagged = sum(1 for i in picks if is_heading(i) or len(_WORD.findall(texts[i])) < 4)
    whole = Counter(t for ts in tokens for t in ts)
    summary = Counter(t for i in picks for t in tokens[i])
    return {
        "chapters": len(chapters) / len(picks),
        "redundancy": float(statistics.fmean(pairs)) if pairs else 0.0,
        "centrality": float(np.mean(percentile[picks])),
        "js": js_divergence(summary, whole),
        "flagged": flagged / len(picks),
        "words": statistics.fmean(len(_WORD.findall(texts[i])) for i in picks),
    }


def js_divergence(p: Counter[str], q: Counter[str]) -> float:
    """Jensen-Shannon divergence in bits between two word-count distributions."""
    keys = list(q | p)
    a = np.array([p[k] for k in keys], dtype=float)
    b = np.array([q[k] for k in keys], dtype=float)
    a /= a.sum() or 1.0
    b /= b.sum() or 1.0
    m = (a + b) / 2

    def kl(x: np.ndarray) -> float:
        mask = x > 0
        return float(np.sum(x[mask] * np.log2(x[mask] / m[mask])))

    return (kl(a) + kl(b)) / 2


COLUMNS = (
    ("chapters", "chapters ↑", ".2f"),
    ("redundancy", "redundancy ↓", ".3f"),
    ("centrality", "centrality ↑", ".2f"),
    ("js", "JS ↓", ".3f"),
    ("flagged", "headings/fragments ↓", ".0%"),
    ("words", "words", ".1f"),
    ("seconds", "seconds", ".2f"),
)


def main() -> None:
    import random

    from tread.core.summarizers.summarize import summarize
    from tread.core.summarizers.sumy_adapter import stemmer, stop_words
    from tread.core.text.segment import segment

    p = parser(__doc__ or "")
    p.add_argument("--parts", type=int, default=4)
    p.add_argument("--count", type=int, default=10)
    p.add_argument("--report", type=Path)
    p.add_argument(
        "--show",
        default="tread,lex-rank,luhn",
        help="algorithms whose summary of the first part is printed",
    )
    args = p.parse_args()
    book = (args.shared / "sample_articles" / "long" / "moby-dick.txt").read_text("utf-8")
    stem, stop = stemmer("english"), frozenset(stop_words("english"))
    results: dict[str, list[dict[str, float]]] = {a: [] for a in ALGORITHMS}
    shown: dict[str, list[str]] = {}
    described = []
    for number, (text, first, last) in enumerate(parts(book, args.parts)):
        seg = segment(text)
        described.append(f"chapters {first}–{last}, {len(seg.sentences):,} sentences")
        for algorithm in ALGORITHMS:
            random.seed(number)
            start = time.perf_counter()
            summary = summarize(seg, algorithm, args.count)
            seconds = time.perf_counter() - start
            picks = [s.index for s in summary.sentences]
            row = measures(seg, picks, stem, stop)
            row["seconds"] = seconds
            results[algorithm].append(row)
            if number == 0 and algorithm in args.show.split(","):
                shown[algorithm] = [
                    " ".join(seg.sentence_text(s.sentence).split()) for s in summary.sentences
                ]
            print(
                f"part {number + 1} {algorithm:10s} "
                + " ".join(f"{k} {row[k]:.3f}" for k, _, _ in COLUMNS),
                flush=True,
            )
    lines = [
        "# Summaries of a book: reference-free measures",
        "",
        f"`python benchmarks/summary_proxy.py --shared ../shared --parts {args.parts} "
        f"--count {args.count} --report benchmarks/results/summary_proxy.md`. "
        f"Moby-Dick (public domain) from chapter 1 on, cut into {args.parts} runs of whole "
        f"chapters ({'; '.join(described)}); a {args.count}-sentence summary of each; the "
        "mean over the runs. What each column measures is in the script's docstring: "
        "chapters = distinct chapters per pick; redundancy = mean cosine between picks; "
        "centrality = mean percentile of the picks by closeness to the text's centroid "
        "(0.5 is chance); JS = Jensen-Shannon divergence between the words of the picks and "
        "of the text (Louis and Nenkova 2013); headings/fragments = picks that are heading "
        "lines or under 4 words (segment() makes headings of heading lines, and "
        "fragments are kept out of every algorithm's choice, so this is 0% everywhere "
        "now). Centrality and JS favour long sentences (a 100-word pick shares more "
        "words with the text than a 10-word one): read them with the words column. "
        "tread's news model and lead rely on position, which means little in a book: "
        "that is why `auto` gives books luhn.",
        "",
        "| algorithm | " + " | ".join(title for _, title, _ in COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for algorithm in ALGORITHMS:
        means = {k: statistics.fmean(r[k] for r in results[algorithm]) for k, _, _ in COLUMNS}
        lines.append(
            f"| {algorithm} | "
            + " | ".join(format(means[k], spec) for k, _, spec in COLUMNS)
            + " |"
        )
    for algorithm, sentences in shown.items():
        lines += ["", f"## {algorithm}, first run ({described[0]})", ""]
        lines += [
            f"{i}. {s[:300]}{'…' if len(s) > 300 else ''}" for i, s in enumerate(sentences, 1)
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
