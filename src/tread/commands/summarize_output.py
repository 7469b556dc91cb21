"""How `tread summarize` prints a summary: plain text, JSON, Markdown, and the
--explain table. No markup parsing anywhere."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import click

from tread.commands.console import use_color
from tread.core.article import Article, Segmentation, Summary
from tread.core.text.sanitize import one_line_safe, sanitize

_SPACE = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def summary_record(article: Article, seg: Segmentation, summary: Summary) -> dict[str, Any]:
    from tread.core.sources.known import metadata

    record: dict[str, Any] = {
        "file": article.source,  # JSON escapes control characters: safe as it is
        "title": article.title or seg.title,
        **metadata(article),
        "language": summary.language,
        "language_detected": seg.language_detected,
        "language_note": seg.language_note,
        "algorithm": summary.algorithm,
    }
    if summary.choice is not None:
        c = summary.choice
        record["auto"] = {
            "kind": c.kind,
            "kind_reasons": list(c.kind_reasons),
            "algorithm": c.algorithm,
            "sentences": c.count,
            "reasons": list(c.reasons),
        }
    return record | {
        "sentence_count": summary.document_sentence_count,
        "summary": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "score": None if math.isnan(s.score) else s.score,
                "rank": s.rank,
                "text": seg.text[s.start : s.end],
            }
            for s in summary.sentences
        ],
    }


def explanation_records(seg: Segmentation, summary: Summary) -> list[dict[str, Any]]:
    """Every sentence with its score and rank (and feature contributions, for tread)."""
    chosen = {s.index for s in summary.sentences}
    out = []
    for sentence, (score, rank) in zip(seg.sentences, summary.ranking, strict=True):
        record: dict[str, Any] = {
            "index": sentence.index,
            "start": sentence.start,
            "end": sentence.end,
            "score": None if math.isnan(score) else score,
            "rank": rank,
            "chosen": sentence.index in chosen,
        }
        if sentence.index in summary.notes:
            record["note"] = summary.notes[sentence.index]
        if summary.contributions and summary.contributions[sentence.index]:
            record["contributions"] = {
                k: round(v, 4) for k, v in summary.contributions[sentence.index].items()
            }
        out.append(record)
    return out


def render_choice(summary: Summary) -> str:
    """What auto decided and why, in two lines ("" for any other algorithm)."""
    c = summary.choice
    if c is None:
        return ""
    return (
        f"auto: {c.kind} ({'; '.join(c.kind_reasons)})\n"
        f"  -> {c.algorithm}, {c.count} sentences: {'; '.join(c.reasons)}"
    )


def render_explanation(seg: Segmentation, summary: Summary, *, limit: int = 60) -> str:
    """A plain-text table of every sentence by rank: score, whether it was chosen, the
    features that weighed most (tread's model) and the start of the sentence; the
    sentences without a rank last, with the reason; then what each feature named
    means. Preceded by auto's choice, for auto."""
    records = explanation_records(seg, summary)
    rows = sorted(records, key=lambda r: (r["rank"] is None, r["rank"] or 0, r["index"]))
    features = bool(summary.contributions)
    lines = [render_choice(summary), ""] if summary.choice else []
    if summary.remarks:
        lines += [f"{summary.used}: {remark}" for remark in summary.remarks] + [""]
    lines.append(
        f"{'rank':>4}  {'sent':>4}  {'score':>8}  chosen  "
        + ("strongest features".ljust(46) if features else "")
        + "sentence"
    )
    named: set[str] = set()
    for r in rows:
        score = "-" if r["score"] is None else f"{r['score']:.4g}"
        text = one_line(seg.text[r["start"] : r["end"]])
        text = text if len(text) <= limit else text[: limit - 1] + "…"
        why = ""
        if "contributions" in r:
            top = sorted(r["contributions"].items(), key=lambda kv: -abs(kv[1]))[:2]
            named.update(k for k, _ in top)
            why = ", ".join(f"{k} {v:+.2f}" for k, v in top)
        if features:
            why = why.ljust(44) + "  "
        if "note" in r:
            text = f"({r['note']}) {text}"
        mark = "*" if r["chosen"] else ""
        rank = "-" if r["rank"] is None else r["rank"]
        lines.append(f"{rank:>4}  {r['index']:>4}  {score:>8}  {mark:^6}  {why}{text}")
    if named:
        from tread.core.summarizers.news import FEATURE_MEANINGS

        lines += ["", "features (each one's share of the score: what splits on it added):"]
        lines += [f"  {k}: {FEATURE_MEANINGS[k]}" for k in sorted(named)]
    return "\n".join(lines)


def render_json(record: dict[str, Any], *, lines: bool) -> str:
    if lines:
        return json.dumps(record, ensure_ascii=False)
    return json.dumps(record, ensure_ascii=False, indent=2)


def render_plain(seg: Segmentation, summary: Summary) -> str:
    return "\n".join(one_line(seg.text[s.start : s.end]) for s in summary.sentences)


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(article: Article, seg: Segmentation, summary: Summary) -> str:
    title = article.title or seg.title or sanitize(article.source)
    n = len(summary.sentences)
    algorithm = summary.algorithm
    if summary.choice is not None:
        algorithm = f"auto: {summary.choice.algorithm} for {summary.choice.kind}"
    lines = [
        f"## {md_escape(one_line(title))}",
        "",
        f"*{algorithm}, {n} of {summary.document_sentence_count} sentences, "
        f"{summary.language}{' (detected)' if seg.language_detected else ''}*",
        "",
    ]
    lines += [f"- {md_escape(one_line(seg.text[s.start : s.end]))}" for s in summary.sentences]
    return "\n".join(lines)


def print_summary(
    name: str,
    article: Article,
    seg: Segmentation,
    summary: Summary,
    *,
    fmt: str,
    explain: bool,
    several: bool,
    first: bool,
) -> None:
    """Print one input's summary in ``fmt``; ``several`` inputs are told apart (a header
    or a blank line before each after the ``first``; JSON Lines)."""
    if fmt == "json":
        record = summary_record(article, seg, summary)
        if explain:
            record["remarks"] = list(summary.remarks)
            record["sentences"] = explanation_records(seg, summary)
        click.echo(render_json(record, lines=several))
    elif fmt == "markdown":
        if not first:
            click.echo()
        click.echo(render_markdown(article, seg, summary))
    else:
        if several:
            if not first:
                click.echo()
            header = click.style(f"==> {one_line_safe(name)} <==", bold=True)
            click.echo(header, color=use_color())
        click.echo(render_plain(seg, summary))
    if explain and fmt != "json":
        click.echo()
        click.echo(render_explanation(seg, summary))
