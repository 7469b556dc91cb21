"""Blocking work off the event loop, in threads that never hold up the exit.

Textual's thread workers run in asyncio's default executor, whose threads the
interpreter joins at exit: ``q`` during a spaCy run waited for it (10 to 25 s on a
book). Here each call runs in a daemon thread of its own and the worker awaits its
result; cancelling the worker (a newer request, or the app closing) sets the call's
``cancelled`` flag and stops waiting at once. The thread stops at its next check of
the flag, or is dropped when the process exits.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TypeVar

T = TypeVar("T")

Cancelled = Callable[[], bool]


async def off_loop(fn: Callable[[Cancelled], T], name: str = "tread-work") -> T:
    """Run ``fn(cancelled)`` in a daemon thread and return (or raise) what it does."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    stop = threading.Event()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return  # cancelled meanwhile: nobody is waiting
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result, error = fn(stop.is_set), None
        except BaseException as exc:  # handed to the awaiting worker, raised there
            result, error = None, exc
        with suppress(RuntimeError):  # the loop has closed: the app is gone, and its wait
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
    try:
        return await future
    except asyncio.CancelledError:
        stop.set()
        raise
