"""What the sources give, as the commands show it: metadata in JSON records, the bundled
samples (EPUB and PDF among them) read and added, a folder's notes left out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import SAMPLES
from tests.web import Route, serve
from tread.cli import cli
from tread.core.sources import load
from tread.core.sources.files import SEED_ARTICLE, collect_paths, is_note, sample_articles

PAGE = b"""<!DOCTYPE html><html><head><title>Council approves new bus lines</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="City Paper">
<meta property="article:published_time" content="2026-03-05"></head><body><article>
<h1>Council approves new bus lines</h1>
<p>The city council approved twelve new bus lines on Monday after a long debate.</p>
<p>Riders will see buses every ten minutes on the main routes from next spring.</p>
<p>The plan costs forty million euros over five years, the council said.</p>
</article></body></html>"""

METADATA = {"author": "Jane Roe", "date": "2026-03-05", "site": "City Paper"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_summarize_json_carries_the_source_metadata() -> None:
    with serve({"/bus.html": Route(PAGE)}) as base:
        code, out, err = run("summarize", "-n", "1", "--format", "json", f"{base}/bus.html")
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["title"] == "Council approves new bus lines"
    assert {k: record[k] for k in METADATA} == METADATA
    assert record["link"] == f"{base}/bus.html"


def test_entities_json_carries_the_source_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bus.html"
    path.write_bytes(PAGE)
    code, out, err = run("entities", "--format", "json", str(path))
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["title"] == "Council approves new bus lines"
    assert {k: record[k] for k in METADATA} == METADATA
    assert record["link"] is None  # a file, with no canonical link


def test_a_plain_text_record_says_it_knows_nothing_more(tmp_path: Path) -> None:
    code, out, _ = run("summarize", "-n", "1", "--format", "json", str(SAMPLES / SEED_ARTICLE))
    record = json.loads(out)
    assert code == 0
    assert [record[k] for k in ("author", "date", "site", "link")] == [None] * 4


def test_the_bundled_samples_include_the_book_and_not_the_licence_list() -> None:
    names = [Path(p).name for p in sample_articles()]
    assert names[0] == SEED_ARTICLE
    assert "moby-dick-ch1-3.epub" in names and "moby-dick-ch1-3.pdf" in names
    assert "SOURCES.md" not in names
    for path in sample_articles():
        assert load(path).text.strip(), path


def test_add_sample_articles_adds_every_article_and_no_note(tmp_path: Path) -> None:
    """SOURCES.md, the licence list, was added as an article."""
    code, out, err = run("add", "--library", str(tmp_path / "lib.sqlite3"), str(SAMPLES))
    assert (code, err) == (0, "")
    assert "SOURCES.md" not in out
    assert len(out.splitlines()) == len(sample_articles()) == 15
    assert out.count(": Moby-Dick; or, The Whale\n") == 2  # the EPUB and the PDF


def test_notes_are_left_out_of_folders_but_read_when_named(tmp_path: Path) -> None:
    for name in ("README.md", "license.txt", "Sources.en.md", "sources-of-energy.txt", "a.txt"):
        (tmp_path / name).write_text("Some text. More text.", encoding="utf-8")
    assert [Path(p).name for p in collect_paths([str(tmp_path)])] == [
        "a.txt",
        "sources-of-energy.txt",
    ]
    assert is_note("LICENSE") and not is_note("licensed-to-kill.md")
    assert load(str(tmp_path / "README.md")).text == "Some text. More text."
