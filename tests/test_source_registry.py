"""Adding a source format is its reader and one READERS line: a toy format registered
here is read by `tread summarize`, found in folders by `tread add`, recognised by its
magic bytes whatever the file is called, and picked by its media type from a server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web import Route, serve
from tread.cli import cli
from tread.core.article import Article
from tread.core.sources import load, registry
from tread.core.sources.known import Known
from tread.core.sources.registry import READERS, Reader, pick

MAGIC = b"SHOUT!\n"


def shouting(data: bytes, known: Known) -> Article:
    """A toy format: a magic line, then upper-case text whose first line is the title."""
    plain = data.removeprefix(MAGIC).decode("utf-8").lower()
    first = plain.split("\n", 1)[0]
    return Article(text=plain, source=known.name, title=first, headings=((0, len(first)),))


TOY = Reader(
    "shout",
    frozenset({".shout"}),
    ("text/x-shout",),
    magic=lambda data: data.startswith(MAGIC),
    article=shouting,
)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(registry, "READERS", [TOY, *READERS])
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


def test_magic_bytes_win_over_the_suffix(toy: None, tmp_path: Path) -> None:
    path = tmp_path / "misnamed.txt"
    path.write_bytes(MAGIC + TEXT.encode())
    assert load(str(path)).title == "a loud title"


def test_a_server_media_type_picks_the_reader(toy: None) -> None:
    routes = {"/s": Route(TEXT.encode(), headers={"Content-Type": "text/x-shout"})}
    with serve(routes) as base:
        assert load(f"{base}/s").title == "a loud title"


@pytest.mark.parametrize(
    ("data", "known", "reader"),
    [
        (b"%PDF-1.7\n...", Known("x.txt", suffix=".txt"), "pdf"),
        (b"<rss version='2.0'><channel/></rss>", Known("x.html", suffix=".html"), "feed"),
        (b"<!DOCTYPE html><html><body>x</body></html>", Known("x"), "html"),
        (b"# Title\n\ntext", Known("x.md", suffix=".md"), "markdown"),
        (b"# Title\n\ntext", Known("u", media_type="text/markdown"), "markdown"),
        (b"<p>x</p><body>y</body>", Known("x.txt", suffix=".txt"), "text"),  # suffix first
        (b"<p>x</p><body>y</body>", Known("-"), "html"),  # then a weaker look
        (b"just words", Known("notes.rst", suffix=".rst"), "text"),
        (b"<opml version='2.0'><body/></opml>", Known("subs.xml", suffix=".xml"), "opml"),
    ],
)
def test_pick_order(data: bytes, known: Known, reader: str) -> None:
    assert pick(data, known).name == reader
