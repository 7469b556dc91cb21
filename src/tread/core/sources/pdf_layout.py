"""A PDF page's lines back into paragraphs: running headers and footers removed,
paragraph ends found from the layout, line-end hyphenation undone. Pure Python on
``Line`` records (the PDFium side is ``pdf``), so every rule is tested on its own.

- **Running lines.** The top (bottom) line of a page is running when its text with
  digits masked repeats on a few of the first pages, when it carries a number that
  grows with the page index (page number = index + a fixed offset: "Chapter 4:
  Functions 13"), or when it is a bare page number ("12", "Page 3 of 9", "xii").
- **Paragraphs.** A line ends its paragraph when it stops well short of the right edge
  of the lines around it; the next one starts a paragraph when it is indented past the
  line after it (or before it), or when a wider gap than the page's usual leading
  separates them. Headings (outline titles, or short lines in a clearly larger font)
  are paragraphs of their own. A page's last paragraph carries on onto the next page
  unless these rules end it.
- **Hyphens.** PDFium marks a hyphen it sees at a line end (U+0002 or U+FFFE). A word
  broken there, or by "-" at a line end, is joined, unless the hyphenated form occurs
  in the text read so far more often than the joined one ("pine-tree"). Ligature
  characters (U+FB00-FB06) are spelt out; nothing else is changed (no NFKC, which
  would turn "½" and "²" into other text).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

#: a line-end hyphen as PDFium reports it
SOFT: Final = "\x02\ufffe"
_PAGE_NUMBER: Final = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s+(?:of|/)\s+\d{1,4})?$", re.IGNORECASE
)
_TRAILING_NUMBER: Final = re.compile(r"(?:^|\s)(\d{1,4})\s*$|^\s*(\d{1,4})(?:\s|$)")
#: a section number before an outline title: "2.1", "A", "IV."
_NUMBERED: Final = re.compile(r"(?:chapter\s+)?[\w.]{1,8}")
#: a list item's mark at the start of a line
_BULLET: Final = re.compile(r"[•◦▪▫‣⁃●○■□►▸–—]\s")
_NUMBERED_ITEM: Final = re.compile(r"\(?(?:\d{1,3}|[a-z])[.)]\s")
_SENTENCE_END: Final = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
_WORDS: Final = re.compile(r"\w+(?:-\w+)*")
_BROKEN: Final = re.compile(rf"(\w+)(?:[{SOFT}]|-(?=\n))\n?(\w+)")
LIGATURES: Final = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
#: how many of the first pages teach which lines run
SAMPLE_PAGES: Final = 12


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page in reading order; coordinates in PDF points, y upwards."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # the font size of its first character


def _key(text: str) -> str:
    """Running headers differ in their page numbers only: compare with digits masked."""
    return re.sub(r"\d+", "#", " ".join(text.translate({ord(c): None for c in SOFT}).split()))


def _number(text: str) -> int | None:
    match = _TRAILING_NUMBER.search(text)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


class RunningLines:
    """Which top and bottom lines are running headers and footers, learnt from a
    sample of pages ({page index: its lines})."""

    def __init__(self, samples: Mapping[int, Sequence[Line]]) -> None:
        need = min(3, max(2, len(samples) // 2))
        self._keys: dict[str, set[str]] = {}
        self._offsets: dict[str, set[int]] = {}
        for where in ("top", "bottom"):
            ends = {i: _edge(lines, where) for i, lines in samples.items()}
            keys = Counter(_key(line.text).casefold() for line in ends.values() if line)
            offsets = Counter(
                n - i for i, line in ends.items() if line and (n := _number(line.text)) is not None
            )
            self._keys[where] = {k for k, c in keys.items() if c >= need}
            self._offsets[where] = {o for o, c in offsets.items() if c >= need}

    def is_running(self, where: str, index: int, line: Line) -> bool:
        text = " ".join(line.text.split())
        if _PAGE_NUMBER.match(text):
            return True
        number = _number(text)
        return _key(text).casefold() in self._keys[where] or (
            number is not None and number - index in self._offsets[where]
        )

    def body(self, index: int, lines: Sequence[Line]) -> list[Line]:
        """The page's lines without its running header and footer."""
        kept = list(lines)
        for where in ("top", "bottom"):
            edge = _edge(kept, where)
            if edge is not None and len(kept) > 1 and self.is_running(where, index, edge):
                kept.remove(edge)
        return kept


def _edge(lines: Sequence[Line], where: str) -> Line | None:
    if not lines:
        return None
    return max(lines, key=lambda ln: ln.top) if where == "top" else min(lines, key=_low)


def _low(line: Line) -> float:
    return line.bottom


@dataclass(slots=True)
class Block:
    """A paragraph or heading being put together from lines."""

    lines: list[str]
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """What the sampled pages say about the whole document."""

    body_size: float = 0.0
    #: right edges that many lines reach: the columns' right margins
    right_edges: tuple[float, ...] = ()

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Layout:
        sizes = [line.size for line in lines for _ in line.text[::8]]
        edges = Counter(round(line.right / 2) * 2 for line in lines)
        common = tuple(sorted(e for e, n in edges.items() if n >= max(3, len(lines) / 10)))
        return cls(statistics.median(sizes) if sizes else 0.0, common)


def page_blocks(lines: Sequence[Line], layout: Layout, headings: Iterable[str] = ()) -> list[Block]:
    """The page's lines grouped into paragraphs and headings; the first block may
    continue the previous page's last one (see ``starts_paragraph``)."""
    titles = [" ".join(t.split()).casefold() for t in headings]
    blocks: list[Block] = []
    gap = _usual_gap(lines)
    for k, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        heading = _is_heading(text, line, layout.body_size, titles)
        prev = lines[k - 1] if k else None
        new = (
            not blocks
            or heading
            or blocks[-1].heading
            or prev is None
            or ends_paragraph(lines, k - 1, layout)
            or starts_paragraph(lines, k)
            or (prev.bottom - line.top > gap + 0.5 * line.size and prev.top > line.top)
        )
        if heading and blocks and blocks[-1].heading and prev is not None:
            new = not (abs(prev.size - line.size) < 0.5 and prev.bottom - line.top < line.size)
        if new:
            blocks.append(Block([text], heading))
        else:
            blocks[-1].lines.append(text)
    return blocks


def _near(lines: Sequence[Line], k: int) -> list[Line]:
    """The lines around ``lines[k]`` in its column (those overlapping it sideways)."""
    line = lines[k]
    around = lines[max(0, k - 3) : k + 4]
    return [ln for ln in around if ln.left < line.right and ln.right > line.left]


def ends_paragraph(lines: Sequence[Line], k: int, layout: Layout) -> bool:
    """Whether ``lines[k]`` stops well short of its column's right edge (and does not
    end with a hyphen). The edge is the furthest the lines around it reach, or the
    document's usual margin for that column (a page of short lines has no full one)."""
    line = lines[k]
    if line.text.rstrip().endswith(("-", *SOFT)):
        return False
    right = max(ln.right for ln in _near(lines, k))
    margins = [e for e in layout.right_edges if e > line.left + 5 * line.size]
    if margins:
        right = max(right, margins[0])
    return line.right < right - 2 * line.size


def starts_paragraph(lines: Sequence[Line], k: int) -> bool:
    """Whether ``lines[k]`` is indented past the line before it, or past the line
    after it when the one before ended a sentence (a one-line paragraph that happens
    to fill its line, between two indented ones) or is in another column."""
    line = lines[k]
    indent = 0.6 * line.size
    prev = lines[k - 1] if k else None
    after = lines[k + 1] if k + 1 < len(lines) else None
    if prev is not None and prev.text.rstrip().endswith(("-", *SOFT)):
        return False
    if _BULLET.match(line.text) or (
        _NUMBERED_ITEM.match(line.text)
        and (prev is None or _SENTENCE_END.search(prev.text) is not None)
    ):
        return True
    if prev is not None and prev.top < line.top:
        prev = None  # the top of the next column: judged like the top of a page
    if prev is not None and line.left > prev.left + indent:
        return True
    ended = prev is None or _SENTENCE_END.search(prev.text) is not None
    return ended and after is not None and line.left > after.left + indent


def _usual_gap(lines: Sequence[Line]) -> float:
    gaps = [a.bottom - b.top for a, b in itertools.pairwise(lines) if a.top > b.top]
    return statistics.median(gaps) if gaps else 0.0


def _is_heading(text: str, line: Line, body_size: float, titles: Sequence[str]) -> bool:
    said = " ".join(text.split()).casefold()
    for title in titles:
        if said == title or (
            said.endswith(" " + title) and _NUMBERED.fullmatch(said, 0, len(said) - len(title) - 1)
        ):
            return True
    return (
        body_size > 0 and line.size >= 1.3 * body_size and len(text.split()) <= 12 and len(text) > 1
    )


def joined(block: Block) -> str:
    """A block's lines as one paragraph: a line-end hyphen keeps the word whole for
    ``repair_hyphens``; other line breaks become spaces."""
    out: list[str] = []
    for line in block.lines:
        if out and out[-1][-1:] in (*SOFT, "-"):
            out.append("\n" + line)  # marked for repair_hyphens
        elif out:
            out.append(" " + line)
        else:
            out.append(line)
    return "".join(out)


def count_words(text: str, counts: Counter[str]) -> None:
    """Add the words of ``text`` (hyphenated compounds as one) to ``counts``."""
    counts.update(w.casefold() for w in _WORDS.findall(text.translate(LIGATURES)))


def repair_hyphens(text: str, counts: Counter[str]) -> str:
    """``text`` with words broken at line ends joined (see the module's docstring);
    a marker left over (before a space or at the end) becomes a plain hyphen."""

    def fix(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        whole, compound = f"{first}{second}", f"{first}-{second}"
        if counts[compound.casefold()] > counts[whole.casefold()]:
            return compound
        return whole

    text = _BROKEN.sub(fix, text.translate(LIGATURES))
    text = text.replace("-\n", "-").replace("\n", " ")
    return re.sub(f"[{SOFT}]", "-", text)
