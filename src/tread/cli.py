"""tread's command line: a click group whose default command opens the reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from tread import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def use_color() -> bool | None:
    """False when NO_COLOR is set (https://no-color.org); else let click decide (tty)."""
    return False if os.environ.get("NO_COLOR") else None


def error(message: str) -> None:
    """One line on stderr, prefixed with the program name. The message may hold a file
    name or text from outside: escape sequences and line breaks in it are neutralised."""
    from tread.core.text.sanitize import one_line_safe

    prefix = click.style("tread:", fg="red", bold=True)
    click.echo(f"{prefix} {one_line_safe(message)}", err=True, color=use_color())


class TreadGroup(click.Group):
    """A group that runs ``read`` when no command is given and reports usage errors
    in one line (with a pointer to --help) instead of click's usage block."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["read", *args]  # `tread FILE` means `tread read FILE`
        return super().parse_args(ctx, args)

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


@click.group(cls=TreadGroup, invoke_without_command=True, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="tread")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """tread: read articles in the terminal, with summaries and named entities.

    With no command, opens the reader on the bundled sample articles.
    """
    if ctx.invoked_subcommand is None:
        from tread.commands.read import read

        ctx.invoke(read)


def _register() -> None:
    from tread.commands.doctor import doctor
    from tread.commands.entities import entities
    from tread.commands.evaluate import evaluate
    from tread.commands.library import add, feeds, list_, mark, refresh, remove
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
