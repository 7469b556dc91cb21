"""`tread read`: the reader. Imports Textual only when it runs."""

from __future__ import annotations

import click

from tread.commands.options import language_option


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path())
@language_option
def read(paths: tuple[str, ...], language: str) -> None:
    """Open the reader on files and folders (or '-' for piped text).

    With no PATH, opens the bundled sample articles. Folders are read recursively for
    .txt and .md files.
    """
    from tread.core.library import collect_paths, sample_articles_dir

    targets = collect_paths(paths) if paths else collect_paths([str(sample_articles_dir())])
    if not targets:
        raise click.UsageError("no readable articles (.txt, .md) in " + ", ".join(paths))
    from tread.ui.app import Tread

    Tread(targets, language=language).run()
