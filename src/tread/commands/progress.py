"""A progress bar on stderr for long commands: only on a terminal, never with --quiet.

The bar is Rich's, transient (it disappears when the work ends), and refreshed from the
work's own progress callbacks rather than from a thread of its own: the commands fork
worker processes (``--jobs``, long texts), which is unsafe while other threads run.
It appears only once the work has run for ``TREAD_PROGRESS_AFTER`` seconds (default
0.5), so a short input never flashes a bar.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any, Final

import click

from tread.core.envvars import env_number

#: seconds between two redraws
_REDRAW: Final = 0.1

quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar (one is shown on stderr, when it is a terminal, for long work).",
)


def wanted(quiet: bool) -> bool:
    """A bar only when asked for by default: stderr a terminal, not --quiet, not CI."""
    stream = sys.stderr
    return (
        not quiet
        and stream is not None
        and stream.isatty()
        and not os.environ.get("CI")
        and os.environ.get("TERM") != "dumb"
    )


class Bar:
    """``with Bar(enabled, "entities") as bar: bar.update(done, total)``; does nothing
    when not enabled."""

    def __init__(
        self, enabled: bool, description: str, total: float | None = None, *, counts: bool = True
    ) -> None:
        """``counts``: show "done/total" (articles, files), else only the percentage."""
        self._enabled = enabled
        self._counts = counts
        self._description = description
        self._total = total
        self._done = 0.0
        self._start = time.monotonic()
        self._after = env_number("TREAD_PROGRESS_AFTER", 0.5, unit="seconds", maximum=3600)
        self._progress: Any = None
        self._task: Any = None
        self._drawn = 0.0

    def __enter__(self) -> Bar:
        self._start = time.monotonic()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def update(
        self, done: float, total: float | None = None, description: str | None = None
    ) -> None:
        self._done = done
        if total is not None:
            self._total = total
        if description is not None:
            self._description = description
        self._draw()

    def advance(self, amount: float = 1) -> None:
        self.update(self._done + amount)

    def _draw(self) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if self._progress is None:
            if now - self._start < self._after:
                return
            self._progress = _make_progress(self._counts)
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=self._total)
        elif now - self._drawn < _REDRAW and (self._total is None or self._done < self._total):
            return
        self._progress.update(
            self._task,
            completed=self._done,
            total=self._total,
            description=self._description,
        )
        self._progress.refresh()
        self._drawn = now


def _make_progress(counts: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        *([MofNCompleteColumn()] if counts else []),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    )
