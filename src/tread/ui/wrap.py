"""Word wrap by terminal cells, reported as character offsets (no text is copied)."""

from __future__ import annotations

import re
from typing import Final

from rich.cells import cell_len

_WORD: Final = re.compile(r"\S+\s*")


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` as lines no wider than ``width`` cells (one line of untrusted metadata,
    a message), each without the whitespace it ended with."""
    return [text[s:e].rstrip() for s, e in wrap_offsets(text, 0, len(text), width)]


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Lines of ``text[start:end]`` no wider than ``width`` cells, as (start, end) offsets.

    Breaks at whitespace (which stays at the end of the line it follows); a word wider
    than a line is cut at the width. Every character falls in exactly one line.
    """
    width = max(1, width)
    if text.isascii() if end - start == len(text) else text[start:end].isascii():
        return _wrap_ascii(text, start, end, width)
    lines: list[tuple[int, int]] = []
    line_start = start
    col = _lead(text, start, end)
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


def _wrap_ascii(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """The same wrap where one character is one cell: no width lookups."""
    lines: list[tuple[int, int]] = []
    line_start = start
    col = _lead(text, start, end)
    for m in _WORD.finditer(text, start, end):
        w_start, w_end = m.span()
        word_len = w_end - w_start
        visible = len(m.group().rstrip())
        if col and col + visible > width:
            lines.append((line_start, w_start))
            line_start, col = w_start, 0
        while visible > width - col:  # a word longer than a line: cut at the width
            if col == 0 and visible <= width:
                break
            cut = w_start + (width - col)
            lines.append((line_start, cut))
            line_start, col = cut, 0
            visible -= cut - w_start
            word_len -= cut - w_start
            w_start = cut
        col += word_len
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines


def _lead(text: str, start: int, end: int) -> int:
    """Cells taken by whitespace before the first word (blocks are usually stripped)."""
    first = _WORD.search(text, start, end)
    return cell_len(text[start : first.start() if first else end])
