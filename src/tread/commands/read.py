"""`tread read`: the reader. Imports Textual only when it runs."""

from __future__ import annotations

import os
import sys

import click

from tread.commands.options import LanguageType


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
@click.option("-l", "--language", type=LanguageType(), default=None,
              help="Language of the articles.  [default: from config, else english]")
def read(paths: tuple[str, ...], language: str | None) -> None:
    """Open the reader on files and folders ('-' reads piped text).

    With no PATH, opens the bundled sample articles. Folders are read recursively for
    .txt and .md files. Keys: ? for help, q to quit.
    """
    from tread.core.article import Article
    from tread.core.errors import TreadError
    from tread.core.library import collect_paths, sample_articles
    from tread.core.sources import load

    stdin_piped = sys.stdin is not None and not sys.stdin.isatty()
    if not paths and stdin_piped:
        paths = ("-",)
    targets = collect_paths(paths) if paths else sample_articles()
    if not targets:
        raise click.UsageError("no readable articles (.txt, .md) in " + ", ".join(paths))
    preloaded: dict[str, Article] = {}
    if "-" in targets:
        try:
            preloaded["-"] = load("-")
        except TreadError as exc:
            raise click.ClickException(f"<stdin>: {exc}") from None
        _reattach_terminal()
    from tread.ui.app import Tread

    Tread(targets, language=language, preloaded=preloaded).run()
