"""`tread read`: the reader. Imports Textual only when it runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from tread.commands.library_access import library_option
from tread.commands.options import LanguageType

if TYPE_CHECKING:
    from tread.ui.library_source import LibrarySource


def _reattach_terminal() -> None:
    """After reading piped text from stdin, take keyboard input from the terminal."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise click.ClickException("no terminal to run the reader in (/dev/tty)") from None
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = os.fdopen(0, "r", closefd=False)


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path())
@click.option(
    "-l",
    "--language",
    type=LanguageType(),
    default="auto",
    show_default=True,
    help="Language of the articles: auto (detected per article; too short or mixed "
    "texts use the configured language) or a language tread supports.",
)
@library_option
def read(paths: tuple[str, ...], language: str, library_path: Path | None) -> None:
    """Open the reader on files, folders, web pages ('-' reads piped text).

    With no PATH, opens the library (tread add), or the bundled sample articles while
    the library is empty. Folders are read recursively for .txt, .md and .html files.
    Keys: ? for help, q to quit.
    """
    from tread.core.article import Article
    from tread.core.errors import TreadError
    from tread.core.sources import load
    from tread.core.sources.files import collect_paths, readable_suffixes, sample_articles

    if not sys.stdout.isatty():
        raise click.ClickException(
            "the reader needs a terminal, and standard output is "
            "not one; 'tread summarize' prints for pipes"
        )
    stdin_piped = sys.stdin is not None and not sys.stdin.isatty()
    if not paths and stdin_piped:
        paths = ("-",)
    source = None if paths else _library(library_path)
    if source is not None:
        targets = [info.path for info in source.listing()[0]]
    else:
        targets = collect_paths(paths) if paths else sample_articles()
    if not targets:
        kinds = ", ".join(sorted(readable_suffixes()))
        raise click.UsageError(f"no readable articles ({kinds}) in " + ", ".join(paths))
    preloaded: dict[str, Article] = {}
    if "-" in targets:
        try:
            preloaded["-"] = load("-")
        except TreadError as exc:
            raise click.ClickException(f"<stdin>: {exc}") from None
        _reattach_terminal()
    from tread.ui.app import Tread

    app = Tread(targets, language=language, preloaded=preloaded, library=source)
    app.run()
    # the app failed (Textual has printed why): say so to the shell
    _leave(app.return_code or 0)


#: the threads that write the reader's files: the exit waits (briefly) for them
_WRITERS = ("tread-settings", "tread-marks")


def _leave(code: int) -> NoReturn:
    """Exit at once, even while analysis threads run. ``q`` during the analysis of a
    book leaves spaCy working in a daemon thread; letting the interpreter finalise
    under it aborts the process in spaCy's BLAS ("libblis: Aborting.", exit 134).
    Settings and marks are written atomically by their own threads: those are given a
    moment to finish; the library's writes are SQLite transactions, safe either way."""
    import threading

    for thread in threading.enumerate():
        if thread.daemon and thread.name.startswith(_WRITERS):
            thread.join(timeout=2.0)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _library(path: Path | None) -> LibrarySource | None:
    """The library, when it exists and holds articles (else the samples are opened)."""
    from tread.core.store.library import Library, LibraryError, default_path
    from tread.ui.library_source import LibrarySource

    path = path or default_path()
    if not path.exists():
        return None
    try:
        with Library(path) as library:
            if not library.count():
                return None
    except LibraryError as exc:
        raise click.ClickException(str(exc)) from None
    return LibrarySource(path)
