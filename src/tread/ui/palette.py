"""Command palette entries for the reader's actions."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tread.core.entities.kinds import KINDS
from tread.core.summarizers.registry import ALGORITHMS

if TYPE_CHECKING:
    from tread.ui.app import Tread


def tread_commands(app: Tread) -> Iterable[SystemCommand]:
    yield SystemCommand("summary: more sentences", "One more summary sentence", app.action_more)
    yield SystemCommand("summary: fewer sentences", "One summary sentence less", app.action_fewer)
    yield SystemCommand(
        "summary: next sentence", "Jump to the next summary sentence", app.action_next_summary
    )
    yield SystemCommand(
        "summary: previous sentence",
        "Jump to the previous summary sentence",
        app.action_previous_summary,
    )
    for name, algo in ALGORITHMS.items():
        yield SystemCommand(
            f"summary: algorithm {name}", algo.description, partial(app.set_algorithm, name)
        )
    yield SystemCommand(
        "skim: toggle", "Fold the text to the summary sentences and back", app.action_skim
    )
    yield SystemCommand(
        "entities: show/hide all", "Highlight entities or not", app.action_toggle_entities
    )
    for kind in KINDS:
        yield SystemCommand(
            f"entities: show/hide {kind}",
            f"Highlight {kind} entities or not",
            partial(app.action_toggle_kind, kind),
        )
    yield SystemCommand(
        "panes: toggle article list", "Show or hide the list", app.action_toggle_list
    )
    yield SystemCommand(
        "panes: toggle side pane", "Show or hide summary and entities", app.action_toggle_side
    )
    yield SystemCommand(
        "list: change sort order", "Order, title, length, reading time", app.action_cycle_sort
    )
    yield SystemCommand("list: filter", "Filter the article list", app.action_filter)
    yield SystemCommand("article: mark read/unread", "Toggle the read mark", app.action_toggle_read)
    yield SystemCommand("help: key bindings", "Every key and what it does", app.action_help)
