"""The status bar under the panes: the list (unread of total, sort, filter) and the
analysis settings on the left; on the right a spinner and what is under way (the
open article's analysis stage, a feed refresh), so work in progress is never silent.
"""

from __future__ import annotations

from typing import Final

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

SPINNER: Final = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusBar(Widget):
    def __init__(self) -> None:
        super().__init__(id="status-bar")
        self._left = ""
        self._busy: tuple[str, ...] = ()
        self._frame = 0
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self._timer = self.set_interval(0.1, self._tick, pause=True)

    @property
    def left(self) -> str:
        return self._left

    @property
    def busy(self) -> tuple[str, ...]:
        """What is under way, as shown beside the spinner."""
        return self._busy

    def show(self, left: str, busy: tuple[str, ...]) -> None:
        if (left, busy) == (self._left, self._busy):
            return
        if self._timer is not None:
            (self._timer.resume if busy else self._timer.pause)()
        self._left, self._busy = left, busy
        self.refresh()

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        right = Text()
        if self._busy:
            right = Text(f"{SPINNER[self._frame]} {' · '.join(self._busy)}… ", style="bold")
        right.truncate(max(0, width - 12), overflow="ellipsis")
        left = Text(f" {self._left}")
        left.truncate(max(0, width - right.cell_len - 1), overflow="ellipsis")
        gap = max(0, width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right, no_wrap=True)
