"""The help screen: every key binding, from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "tread: a reader with summaries and named entities.\n"
    "Summary sentences are tinted in the text; entities are coloured by kind.\n"
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="close-help"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        table = Table(show_edge=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        table.add_column("where", style="dim")
        for key, description, where in self._rows:
            table.add_row(Text(key), Text(description), Text(where))
        with VerticalScroll(id="help-body"):
            yield Static(Text(INTRO))
            yield Static(table)
            yield Static(
                Text(
                    "\nEvery action is also in the command palette (ctrl+p). "
                    "Press escape to close.",
                    style="dim",
                )
            )
