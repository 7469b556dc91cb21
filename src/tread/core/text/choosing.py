"""Choosing a text's language while other work runs: `tread summarize` detects in a
forked child while it imports the summariser (about 0.5 s of imports against lingua's
0.12 s of model loading, on another core).

A child process, not a thread: lingua holds the GIL while it loads its models (a thread
stalled the imports for the whole load, 117 ms of CPU). The fork is taken only where it
is safe and pays: on Linux, with no other thread running, before this process has loaded
the models itself; anywhere else the choice is made in-process when it is asked for, the
same choice. A child that fails in any way is ignored and the choice made in-process.
"""

from __future__ import annotations

import json
import os
import sys
import threading

from tread.core.text import detect
from tread.core.text.detect import AUTO, LanguageChoice, choose_language
from tread.core.text.languages import DEFAULT_LANGUAGE


class PendingChoice:
    """:func:`choose_language` started now; :meth:`result` gives it (waiting if needed)."""

    def __init__(self, text: str, requested: str, fallback: str) -> None:
        self._args = (text, requested, fallback)
        self._child: tuple[int, int] | None = None  # (pid, read end of its pipe)
        self._choice: LanguageChoice | None = None
        if requested.strip().lower() == AUTO and _fork_pays():
            self._child = _fork_choosing(text, fallback)

    @property
    def forked(self) -> bool:
        return self._child is not None

    def result(self) -> LanguageChoice:
        if self._choice is None and self._child is not None:
            self._choice = _collect(*self._child)
            self._child = None
        if self._choice is None:
            self._choice = choose_language(*self._args)
        return self._choice


def start_choosing(text: str, requested: str, fallback: str = DEFAULT_LANGUAGE) -> PendingChoice:
    """Start choosing the language of ``text``; see :class:`PendingChoice`."""
    return PendingChoice(text, requested, fallback)


def _fork_pays() -> bool:
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and detect._detector.cache_info().currsize == 0  # loaded here: detecting is quick
    )


def _fork_choosing(text: str, fallback: str) -> tuple[int, int] | None:
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid:  # the parent goes on
        os.close(write_end)
        return pid, read_end
    status = 1
    try:  # the child: choose, write the choice as JSON, leave without any cleanup
        os.close(read_end)
        choice = detect.detect_language(text, fallback)
        data = json.dumps([choice.language, choice.detected, choice.note]).encode()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _collect(pid: int, read_end: int) -> LanguageChoice | None:
    """The child's choice, or None when it failed (then the parent chooses)."""
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        language, detected, note = json.loads(data)
    except ValueError:
        return None
    return LanguageChoice(str(language), bool(detected), None if note is None else str(note))
