"""The group: `tread FILE` is `tread read FILE`, bare `tread` opens the reader, and shell
completion still offers the commands (click-default-group's ``default_if_no_args``
would hide them: tread opens the reader with no arguments through click instead)."""

from __future__ import annotations

import pytest
from click.shell_completion import BashComplete
from click.testing import CliRunner

from tests.conftest import SEED
from tread.cli import cli


def completions(args: list[str], incomplete: str) -> list[str]:
    complete = BashComplete(cli, {}, "tread", "_TREAD_COMPLETE")
    return [item.value for item in complete.get_completions(args, incomplete)]


def test_completion_offers_the_commands_and_the_feeds_commands() -> None:
    assert {"read", "summarize", "feeds", "eval", "doctor"} <= set(completions([], ""))
    assert completions([], "su") == ["summarize"]
    assert completions(["feeds"], "") == ["export", "import", "list", "remove"]
    assert "--algorithm" in completions(["summarize"], "--al")


@pytest.mark.parametrize(
    "args", [[], [str(SEED)], ["-l", "german", str(SEED)], ["read", str(SEED)]]
)
def test_files_and_nothing_go_to_the_reader(args: list[str]) -> None:
    """Under CliRunner stdout is no terminal: the reader's own refusal shows it ran."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("tread: the reader needs a terminal")


def test_a_bad_option_for_the_reader_is_one_usage_line() -> None:
    result = CliRunner().invoke(cli, ["--language", "klingon", str(SEED)], prog_name="tread")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "language 'klingon' is not supported" in result.stderr
    assert "(see 'tread read --help')" in result.stderr
