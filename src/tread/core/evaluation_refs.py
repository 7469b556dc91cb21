"""More reference summaries for ``tread eval``, from a side file keyed by article id.

One human summary per article makes ROUGE noisy on a small set; SummEval's crowd gives
ten more per Daily Mail story (``shared/eval/dev_dailymail_crowd_refs.jsonl``). The side
file is JSON Lines: ``{"id": ..., "crowd_summaries": ["...", ...]}`` (or
``"references"``), each summary a string. A bad line is skipped and described, as in
the dataset; ids the dataset does not have are ignored, and articles without extra
references keep their one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from tread.core.errors import TreadError, UnreadableInput, unreadable
from tread.core.evaluation import EvalArticle

FIELDS: Final = ("crowd_summaries", "references")


@dataclass(frozen=True, slots=True)
class ExtraReferences:
    by_id: dict[str, tuple[str, ...]]
    #: one line per record skipped: "line 3: ..."
    skipped: list[str]


def load_extra_references(path: Path) -> ExtraReferences:
    """The extra references in ``path``, by article id."""
    by_id: dict[str, tuple[str, ...]] = {}
    skipped: list[str] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise unreadable(exc) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"not UTF-8 at byte {exc.start + 1}") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        problem = _read(line, by_id)
        if problem:
            skipped.append(f"line {number}: {problem}")
    if not by_id:
        raise TreadError(f"{skipped[0]}; no extra references" if skipped else "no extra references")
    return ExtraReferences(by_id, skipped)


def _read(line: str, by_id: dict[str, tuple[str, ...]]) -> str | None:
    """Add one line's references to ``by_id``; what is wrong with it, if anything."""
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):
        return "not JSON"
    if not isinstance(row, dict) or not isinstance(row.get("id"), str | int):
        return 'not an object with an "id"'
    summaries = next((row[f] for f in FIELDS if f in row), None)
    if not isinstance(summaries, list) or not all(isinstance(x, str) for x in summaries):
        return f"no {' or '.join(repr(f) for f in FIELDS)} array of strings"
    by_id[str(row["id"])] = tuple(summaries)
    return None


def with_extra(
    articles: Sequence[EvalArticle], extra: ExtraReferences
) -> tuple[list[EvalArticle], int]:
    """The articles with their extra references, and how many had any."""
    out = [replace(a, extra=extra.by_id.get(a.id, ())) for a in articles]
    return out, sum(1 for a in out if a.extra)
