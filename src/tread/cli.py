"""tread's command line: a click group whose default command opens the reader.

``tread FILE`` means ``tread read FILE`` (click-default-group's DefaultGroup); with no
arguments at all the group's callback opens the reader (click's
``invoke_without_command``: DefaultGroup's own ``default_if_no_args`` would break shell
completion of the command names). Every command lives in tread.commands, one module
each; this module only assembles them and turns click's errors into one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click
from click_default_group import DefaultGroup

from tread import __version__
from tread.commands.console import error

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class TreadGroup(DefaultGroup):
    """Reports usage errors in one line (with a pointer to --help) instead of click's
    usage block, and a closed pipe quietly."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "tread"
            error(f"{exc.format_message()} (see '{where} --help')")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            error(exc.format_message())
            sys.exit(exc.exit_code)
        except click.Abort:
            error("aborted")
            sys.exit(130)
        except KeyboardInterrupt:
            sys.exit(130)
        except BrokenPipeError:
            # the reader of our stdout went away (e.g. `| head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(
    cls=TreadGroup,
    default="read",
    invoke_without_command=True,
    context_settings=CONTEXT_SETTINGS,
)
@click.version_option(__version__, "-V", "--version", prog_name="tread")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """tread: read articles in the terminal, with summaries and named entities.

    With no command, opens the reader on the library, or on the bundled sample articles
    while the library is empty; 'tread FILE...' is 'tread read FILE...'.
    """
    if ctx.invoked_subcommand is None:
        from tread.commands.read import read

        ctx.invoke(read)


def _register() -> None:
    from tread.commands.doctor import doctor
    from tread.commands.entities import entities
    from tread.commands.evaluate import evaluate
    from tread.commands.feeds import feeds
    from tread.commands.library import add, list_, mark, refresh, remove
    from tread.commands.read import read
    from tread.commands.summarize import summarize

    for command in (
        read,
        summarize,
        entities,
        add,
        list_,
        feeds,
        refresh,
        mark,
        remove,
        evaluate,
        doctor,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    cli.main(prog_name="tread")
