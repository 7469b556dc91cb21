"""The command palette's entries: every action of the table that has a title, and one
entry per summary algorithm (from the registry)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tread.core.summarizers.registry import ALGORITHMS
from tread.ui.actions import palette_entries

if TYPE_CHECKING:
    from tread.ui.screens.reader import ReaderScreen


def reader_commands(screen: ReaderScreen) -> Iterable[SystemCommand]:
    for action in palette_entries():
        run = partial(screen.run_action, action.action)
        yield SystemCommand(action.palette or action.id, action.description, run)
    for name, algo in ALGORITHMS.items():
        yield SystemCommand(
            f"summary: algorithm {name}", algo.description, partial(screen.set_algorithm, name)
        )
