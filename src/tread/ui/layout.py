"""Pane widths from the terminal's width: the text gets the most, a readable measure at
wide sizes, and the list and side pane are in proportion. Plain Python, no Textual:
the screen applies the widths it returns on every resize (with the event's size).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: below this, the list and the side pane do not both fit beside the text
NARROW: Final = 110
#: the narrowest a pane is made, and the least the text keeps, when widths are set
MIN_PANE: Final = 16
MIN_TEXT: Final = 30


@dataclass(frozen=True, slots=True)
class Panes:
    """Widths in cells; 0: the pane is hidden. The text takes the rest."""

    list: int
    side: int
    narrow: bool


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def panes(
    width: int,
    want_list: bool,
    want_side: bool,
    narrow_pick: str = "list",
    list_width: int = 0,
    side_width: int = 0,
) -> Panes:
    """Which panes show at ``width`` and how wide. The user's wishes (``want_*``) are
    kept apart from what fits: a pane hidden because the terminal is narrow returns
    when it widens. When only one fits, ``narrow_pick`` ("list" or "side") says which.
    ``list_width`` and ``side_width`` are the user's widths (0: follow the terminal),
    kept to what leaves the text MIN_TEXT cells."""
    narrow = width < NARROW
    if narrow:
        if want_list and want_side:
            want_list, want_side = narrow_pick == "list", narrow_pick == "side"
        auto = _clamp(width * 0.32, 20, 34)
        room = max(MIN_PANE, width - MIN_TEXT)
        chosen = list_width if want_list else side_width
        pane = _clamp(chosen, MIN_PANE, room) if chosen else auto
        return Panes(pane if want_list else 0, pane if want_side else 0, True)
    left = _clamp(width * 0.2, 24, 40) if want_list else 0
    right = _clamp(width * 0.25, 30, 56) if want_side else 0
    if want_list and list_width:
        left = _clamp(list_width, MIN_PANE, max(MIN_PANE, width - MIN_TEXT - right))
    if want_side and side_width:
        right = _clamp(side_width, MIN_PANE, max(MIN_PANE, width - MIN_TEXT - left))
    return Panes(left, right, False)


def resized(shown: int, step: int, width: int) -> int:
    """A pane's new width, ``step`` cells from the ``shown`` one, within the limits."""
    return _clamp(shown + step, MIN_PANE, max(MIN_PANE, width - MIN_TEXT))
