"""The help screen: every key, read from the table of actions (as remapped)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, Final

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tread.ui.actions import ACTIONS, SCOPES, bindings, keys_of

if TYPE_CHECKING:
    from textual.app import App

INTRO = (
    "tread: a reader with summaries and named entities.\n"
    "Summary sentences are tinted in the text; entities are coloured by kind.\n"
)


def help_rows(app: App[None], keymap: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    """(keys, what they do, where, id) for every action, with the user's keys."""
    rows = []
    for action in ACTIONS:
        shown = " or ".join(app.get_key_display(Binding(k, "")) for k in keys_of(action, keymap))
        rows.append((shown, action.description, SCOPES[action.scope], action.id))
    everywhere = SCOPES["reader"]
    last = max(i for i, row in enumerate(rows) if row[2] == everywhere)
    rows[last + 1 : last + 1] = [
        ("tab or shift+tab", "Next / previous pane", everywhere, ""),
        ("ctrl+p", "Command palette: every action by name", everywhere, ""),
    ]
    return rows


#: narrower than this, the ids column goes and the descriptions keep the room
IDS_FROM: Final = 60


class KeysTable:
    """The keys by where they work, under a heading each (no "where" column, so the
    descriptions keep room at 80 columns); the ids for [keys] only where they fit."""

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        with_ids = options.max_width >= IDS_FROM
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(Text("key"), style="bold", no_wrap=True)
        table.add_column(Text("action"), ratio=1)
        if with_ids:
            table.add_column(Text("id in [keys]"), style="dim", no_wrap=True)
        heading = None
        for key, description, where, ident in self.rows:
            if where != heading:
                heading = where
                table.add_row(Text(f"\n{where}", style="bold underline"))
            cells = [Text(key), Text(description)] + ([Text(ident)] if with_ids else [])
            table.add_row(*cells)
        yield table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("help")

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text(INTRO))
            yield Static(KeysTable(self.rows))
            yield Static(
                Text(
                    "\nEvery action is also in the command palette (ctrl+p). "
                    "Keys are remapped by id in the config's [keys] table. "
                    "Press escape to close.",
                    style="dim",
                )
            )

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        body = self.body
        body.scroll_relative(
            y=direction * max(1, body.scrollable_content_region.height - 1), animate=False
        )
