"""Word wrap by terminal cells, reported as character offsets (no text is copied)."""

from __future__ import annotations

import re
from typing import Final

from rich.cells import cell_len

_WORD: Final = re.compile(r"\S+\s*")


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Lines of ``text[start:end]`` no wider than ``width`` cells, as (start, end) offsets.

    Breaks at whitespace (which stays at the end of the line it follows); a word wider
    than a line is cut at the width. Every character falls in exactly one line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start = start
    col = 0
    for m in _WORD.finditer(text, start, end):
        w_start = m.start()
        word = m.group()
        visible = cell_len(word.rstrip())
        if col and col + visible > width:
            lines.append((line_start, w_start))
            line_start, col = w_start, 0
        if visible > width:  # a word longer than a line: cut it into pieces
            for i, ch in enumerate(word):
                c = cell_len(ch)
                if col + c > width and col:
                    lines.append((line_start, w_start + i))
                    line_start, col = w_start + i, 0
                col += c
            continue
        col += cell_len(word)
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines
