"""The list's filter field: typing filters; enter opens the first match; escape
clears it and goes back to the list."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from tread.ui.actions import bindings


class FilterInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = bindings("filter")

    class Left(Message):
        """Escape: the filter was cleared and the list should have the focus."""

    class Accepted(Message):
        """Enter: open the first article the filter shows."""

    def action_leave(self) -> None:
        self.value = ""
        self.post_message(self.Left())

    def action_open_first(self) -> None:
        self.post_message(self.Accepted())
