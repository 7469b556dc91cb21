"""Render summaries for stdout: plain text, JSON, Markdown. No markup parsing anywhere."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from tread.core.article import Article, Segmentation, Summary

_SPACE = re.compile(r"\s+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def summary_record(article: Article, seg: Segmentation, summary: Summary) -> dict[str, Any]:
    return {
        "file": article.source,
        "title": article.title or seg.title,
        "language": summary.language,
        "algorithm": summary.algorithm,
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


def render_json(record: dict[str, Any], *, lines: bool) -> str:
    if lines:
        return json.dumps(record, ensure_ascii=False)
    return json.dumps(record, ensure_ascii=False, indent=2)


def render_plain(seg: Segmentation, summary: Summary) -> str:
    return "\n".join(one_line(seg.text[s.start : s.end]) for s in summary.sentences)


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_markdown(article: Article, seg: Segmentation, summary: Summary) -> str:
    title = article.title or seg.title or article.source
    n = len(summary.sentences)
    lines = [
        f"## {md_escape(one_line(title))}",
        "",
        f"*{summary.algorithm}, {n} of {summary.document_sentence_count} sentences, "
        f"{summary.language}*",
        "",
    ]
    lines += [f"- {md_escape(one_line(seg.text[s.start : s.end]))}" for s in summary.sentences]
    return "\n".join(lines)
