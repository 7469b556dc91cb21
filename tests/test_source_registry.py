"""Adding a source format is its converter and one SOURCES entry: a toy format registered
here is read by `tread summarize` and found in folders by `tread add`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tread.cli import cli
from tread.core.article import Article
from tread.core.sources import SOURCES


def shouting(text: str, name: str, encoding: str) -> Article:
    """A toy format: every line is upper case; the first is the title."""
    plain = text.lower()
    first = plain.split("\n", 1)[0]
    return Article(text=plain, source=name, title=first, headings=((0, len(first)),))


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(SOURCES, ".shout", shouting)
    yield


TEXT = "A LOUD TITLE\n\nTHE FIRST SENTENCE IS HERE. THE SECOND ONE FOLLOWS IT.\n"


def test_summarize_reads_the_format(toy: None, tmp_path: Path) -> None:
    path = tmp_path / "story.shout"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", "-n", "1", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "a loud title"
    assert record["summary"][0]["text"].islower()


def test_add_finds_the_format_in_folders(
    toy: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREAD_LIBRARY", str(tmp_path / "library.sqlite3"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.shout").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["add", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert "added #1: a loud title" in result.stdout
