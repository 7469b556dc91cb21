"""Where a reader's text enters tread: paragraphs and headings joined by blank lines,
each piece sanitised and NFC-normalised as it is added, so heading offsets are right by
construction (normalising afterwards would move them).

NFC matters: decomposed text ("u" + U+0308 for "ü") splits words at the combining mark,
and sumy's word filter then drops them, so "Prüfung" would vanish from summaries.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence

from tread.core.text.sanitize import sanitize

#: a heading longer than this is not one (a whole paragraph wrapped in <h2>): it is text
MAX_HEADING_CHARS = 400


def clean(text: str) -> str:
    """``text`` as tread keeps it: no terminal controls, composed characters (NFC)."""
    text = sanitize(text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def one_paragraph(text: str) -> str:
    """``text`` with every run of white space (line breaks included) one space."""
    return " ".join(clean(text).split())


class TextBuilder:
    """Blocks of text separated by blank lines, with the offsets of the headings."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._headings: list[tuple[int, int]] = []

    def __len__(self) -> int:
        return self._length

    def heading(self, text: str) -> None:
        """A heading: one line. A long one is kept as a paragraph instead."""
        line = one_paragraph(text)
        if len(line) > MAX_HEADING_CHARS:
            self._add(line)
        elif line:
            start = self._add(line)
            self._headings.append((start, start + len(line)))

    def paragraph(self, text: str) -> None:
        """A paragraph, its white space made single spaces."""
        self._add(one_paragraph(text))

    def lines(self, text: str) -> None:
        """A block whose line breaks matter (preformatted text, a poem): kept as lines."""
        kept = "\n".join(" ".join(line.split()) for line in clean(text).splitlines())
        self._add(kept.strip("\n"))

    def extend(self, other: TextBuilder) -> None:
        """Every block of ``other``, after this one's."""
        if not other._parts:
            return
        start = self._add(other.text)
        self._headings.extend((start + s, start + e) for s, e in other._headings)

    def _add(self, block: str) -> int:
        if not block:
            return self._length
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(block)
        self._length += len(block)
        return start

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def headings(self) -> tuple[tuple[int, int], ...]:
        return tuple(self._headings)

    @property
    def first_block(self) -> str:
        return self._parts[0] if self._parts else ""

    def make_first_a_heading(self) -> None:
        """Mark the first block a heading (a chapter title set as a styled paragraph)."""
        first = self.first_block
        fits = first and "\n" not in first and len(first) <= MAX_HEADING_CHARS
        if fits and (not self._headings or self._headings[0][0] != 0):
            self._headings.insert(0, (0, len(first)))


def normalized(
    text: str, spans: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` in NFC with ``spans`` moved to match, for a reader that did not build
    its text with TextBuilder: each stretch between span edges is normalised on its own,
    so every edge lands where it was in the text around it."""
    if unicodedata.is_normalized("NFC", text):
        return text, tuple(spans)
    edges = sorted({0, len(text), *(e for span in spans for e in span)})
    moved: dict[int, int] = {0: 0}
    pieces: list[str] = []
    length = 0
    for a, b in itertools.pairwise(edges):
        piece = unicodedata.normalize("NFC", text[a:b])
        pieces.append(piece)
        length += len(piece)
        moved[b] = length
    return "".join(pieces), tuple((moved[s], moved[e]) for s, e in spans)
