"""Find in the article, as plain Python: where a query occurs in the text and which
match the reader is on. Offsets are the article's own (the view styles from them), so
matching never changes the text's length: a case-folding regex, not ``lower()``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Final

#: more matches than this are not worth stepping through (and would cost memory)
MAX_MATCHES: Final = 10_000


def find_matches(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Spans of ``query`` in ``text``, ignoring case; a space in the query matches any
    run of white space (a line break in the source text included)."""
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    spans = []
    for found in pattern.finditer(text):
        spans.append(found.span())
        if len(spans) >= limit:
            break
    return spans


@dataclass
class Find:
    """The query, its matches in the open article and the one the reader is on."""

    query: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    index: int | None = None

    def search(self, text: str, query: str) -> None:
        self.query = query
        self.matches = find_matches(text, query)
        self.index = None

    def clear(self) -> None:
        self.query, self.matches, self.index = "", [], None

    def step(self, step: int, top: int) -> tuple[int, int] | None:
        """The next (``step`` 1) or previous (-1) match; the first step goes to the
        first match at or below ``top`` (the top of the view), or the last above it."""
        if not self.matches:
            return None
        if self.index is None:
            after = bisect_left(self.matches, (top, -1))
            self.index = after if step > 0 else after - 1
        else:
            self.index += step
        self.index %= len(self.matches)
        return self.matches[self.index]

    def count(self) -> str:
        """ "3/17", "17" before a step, "no match" (an empty query: nothing)."""
        if not self.query.strip():
            return ""
        if not self.matches:
            return "no match"
        more = "+" if len(self.matches) >= MAX_MATCHES else ""
        if self.index is None:
            return f"{len(self.matches)}{more}"
        return f"{self.index + 1}/{len(self.matches)}{more}"
