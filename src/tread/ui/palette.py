"""The command palette's entries: every action of the table that has a title, one
entry per summary algorithm (from the registry) and one per language."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from tread.core.summarizers.registry import ALGORITHMS
from tread.core.text.languages import supported_languages
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
    yield SystemCommand(
        "language: auto",
        "Detect each article's language (the configured one when unsure)",
        partial(screen.set_language, "auto"),
    )
    for language in supported_languages():
        yield SystemCommand(
            f"language: {language}",
            f"Read every article as {language.capitalize()}: its sentence ends, stop words, "
            "stemmer and entity model",
            partial(screen.set_language, language),
        )
