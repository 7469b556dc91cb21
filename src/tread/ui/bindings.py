"""The reader's keys that work everywhere, each with an id (kebab-case) so the user can
remap it in the config's [keys] table; the help screen lists them from here."""

from __future__ import annotations

from typing import Final

from textual.binding import Binding

from tread.core.entities.kinds import KINDS

READER_BINDINGS: Final[tuple[Binding, ...]] = (
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("slash", "filter", "Filter", id="filter"),
    Binding("n", "next_summary", "Next summary", id="next-summary"),
    Binding("N", "previous_summary", "Previous summary", id="previous-summary", show=False),
    Binding("plus,equals_sign", "more", "More", id="more-sentences"),
    Binding("minus", "fewer", "Fewer", id="fewer-sentences"),
    Binding("a", "next_algorithm", "Algorithm", id="next-algorithm"),
    Binding("s", "skim", "Skim", id="skim"),
    Binding("e", "toggle_entities", "Entities", id="toggle-entities"),
    *[
        Binding(
            str(i),
            f"toggle_kind('{kind}')",
            f"Show/hide {kind}",
            show=False,
            id=f"toggle-{kind}",
        )
        for i, kind in enumerate(KINDS, 1)
    ],
    Binding("left_square_bracket", "toggle_list", "List", id="toggle-list", show=False),
    Binding("right_square_bracket", "toggle_side", "Side pane", id="toggle-side", show=False),
    Binding("o", "cycle_sort", "Sort list", id="sort-list", show=False),
    Binding("m", "toggle_read", "Mark read/unread", id="toggle-read", show=False),
    Binding("asterisk", "toggle_star", "Star (library)", id="toggle-star", show=False),
    Binding("escape", "leave_filter", "Leave filter", show=False, id="leave-filter"),
)
