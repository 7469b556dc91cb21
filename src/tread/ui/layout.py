"""Pane widths from the terminal's width: the text gets the most, a readable measure at
wide sizes, and the list and side pane are in proportion. Plain Python, no Textual:
the screen applies the widths it returns on every resize (with the event's size).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: below this, the list and the side pane do not both fit beside the text
NARROW: Final = 110


@dataclass(frozen=True, slots=True)
class Panes:
    """Widths in cells; 0: the pane is hidden. The text takes the rest."""

    list: int
    side: int
    narrow: bool


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def panes(width: int, want_list: bool, want_side: bool, narrow_pick: str = "list") -> Panes:
    """Which panes show at ``width`` and how wide. The user's wishes (``want_*``) are
    kept apart from what fits: a pane hidden because the terminal is narrow returns
    when it widens. When only one fits, ``narrow_pick`` ("list" or "side") says which."""
    narrow = width < NARROW
    if narrow:
        if want_list and want_side:
            want_list, want_side = narrow_pick == "list", narrow_pick == "side"
        pane = _clamp(width * 0.32, 20, 34)
        return Panes(pane if want_list else 0, pane if want_side else 0, True)
    list_width = _clamp(width * 0.2, 24, 40) if want_list else 0
    side_width = _clamp(width * 0.25, 30, 56) if want_side else 0
    return Panes(list_width, side_width, False)
