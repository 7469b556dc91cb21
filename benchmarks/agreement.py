"""How often tread's summarisers pick exactly what stock sumy picks, on the eval sets.

    python benchmarks/agreement.py [--algorithms lsa,lex-rank] [--count 3]

Every article of ../shared/eval/dev.jsonl and bbc_algorithmic.jsonl is summarised by
both, in one process; the table gives the share of articles with identical picks.
"""

from __future__ import annotations

import json

from _common import parser


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--algorithms", default="lsa,lex-rank,text-rank,reduction,sum-basic,kl,luhn")
    p.add_argument("--count", type=int, default=3)
    args = p.parse_args()

    from tread.core.summarizers.summarize import summarize
    from tread.core.text.segment import segment

    print("| algorithm | file | articles | identical picks | share |")
    print("|---|---|---:|---:|---:|")
    for name in args.algorithms.split(","):
        for file in ("dev.jsonl", "bbc_algorithmic.jsonl"):
            rows = [json.loads(x) for x in (args.shared / "eval" / file).read_text().splitlines()]
            same = total = 0
            for row in rows:
                seg = segment(row["text"], detect_title=False)
                if not seg.sentences:
                    continue
                a = summarize(seg, name, args.count)
                b = summarize(seg, name, args.count, fast=False)
                total += 1
                same += [s.index for s in a.sentences] == [s.index for s in b.sentences]
            print(f"| {name} | {file} | {total} | {same} | {100 * same / total:.1f}% |", flush=True)


if __name__ == "__main__":
    main()
