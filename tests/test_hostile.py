"""Hostile and broken input, generated here: every command answers each in one clear
line with a documented exit code, goes on with the rest, and prints no escape sequence."""

from __future__ import annotations

import codecs
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tread.core.text.sanitize import sanitize

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline are fine
ATTACKS = (
    "Clear \x1b[2J\x1b[H screen. Copy \x1b]52;c;cm0gLXJmIH4=\x07 this. "
    "Link \x1b]8;;http://evil.example/\x1b\\here\x1b]8;;\x1b\\ now. "
    "Title \x1b]0;pwned\x07 set. DCS \x1bP1$qm\x1b\\ and APC \x1b_x\x1b\\ strings. "
    "C1 \x9b31m red \x9d0;t\x9c and bells \x07\x08\x7f. The end of it all."
)
MARKUP = (
    "Tags [bold red]x[/] and [link=file:///etc/passwd]y[/link]. "
    "Click [@click=app.quit]z[/] now. A stray [/] here. The end."
)


def corpus(root: Path) -> dict[str, Path]:
    """Every kind of bad input the issue lists, small enough to run through each command."""
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n   ",
        "one-word.txt": b"Hello",
        "one-sentence.txt": b"Only one sentence stands here.",
        "two-sentences.txt": b"The first sentence. The second one.",
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "archive.zip": b"PK\x03\x04" + bytes(range(256)) * 4,
        "program.bin": b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
        "nul-inside.txt": b"Good text here.\x00 More good text. " * 20,
        "text.gz": gzip.compress(b"Compressed text. " * 50),
        "bom-utf8.txt": codecs.BOM_UTF8 + "Caf\u00e9 au lait. Tr\u00e8s bien.".encode(),
        "utf16.txt": "Grüße aus Köln. Schön hier.".encode("utf-16"),
        "utf32.txt": "Grüße aus Köln. Schön hier.".encode("utf-32"),
        "cp1252.txt": "The “smart” quotes — café’s menu. It’s fine.".encode("cp1252"),
        "latin1.txt": "Élève à l'école. Très bien, garçon.".encode("latin-1"),
        "invalid-utf8.txt": b"Valid start. Then \xc3\x28 bad \xa0\xa1 bytes. The end.",
        "crlf.txt": b"Title line\r\n\r\nOne sentence.\r\nTwo sentence.\r\n",
        "cr.txt": b"Old Mac text.\rNext line here.\rLast one.",
        "controls.txt": b"Form\x0cfeed, back\x08space, bell\x07 ring. Second sentence.",
        "zero-width.txt": "Zero\u200bwidth and \u202eevil\u202c bidi. Done here.".encode(),
        "emoji-cjk.txt": "Emoji 😀 here. 中文句子。日本語の文です。Done.".encode(),
        "attacks.txt": ATTACKS.encode("utf-8"),
        "markup.txt": MARKUP.encode(),
        "long-line.txt": b"word " * 20_000,
        "many-sentences.txt": b"This is sentence number one. " * 2_000,
    }
    paths = {}
    for name, data in files.items():
        path = root / name
        path.write_bytes(data)
        paths[name] = path
    odd = root / "name with spaces, 'quotes' and ünïcödé.txt"
    odd.write_text("A file with an odd name. It reads fine.")
    paths["odd-name"] = odd
    evil_name = root / "\x1b[2Jevil\x1b]0;x\x07.txt"
    evil_name.write_text("Evil name. Normal text.")
    paths["escape-in-name"] = evil_name
    (root / "broken-link.txt").symlink_to(root / "nowhere.txt")
    paths["broken-link"] = root / "broken-link.txt"
    paths["directory"] = root
    paths["missing"] = root / "missing.txt"
    return paths


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tread", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
        errors="surrogateescape",
    )


def check_clean(proc: subprocess.CompletedProcess[str], allowed: set[int]) -> None:
    assert proc.returncode in allowed, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not UNSAFE.search(proc.stdout), repr(UNSAFE.search(proc.stdout))
    assert not UNSAFE.search(proc.stderr), repr(UNSAFE.search(proc.stderr))
    for line in proc.stderr.splitlines():
        assert line.startswith("tread: "), line


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus(tmp_path_factory.mktemp("hostile"))


@pytest.mark.slow
def test_summarize_each_input(files: dict[str, Path]) -> None:
    bad = {
        "empty.txt",
        "blank.txt",
        "image.png",
        "archive.zip",
        "program.bin",
        "text.gz",
        "broken-link",
        "directory",
        "missing",
    }
    for name, path in files.items():
        proc = run("summarize", "-n", "2", str(path))
        check_clean(proc, {1} if name in bad else {0})
        if name in bad:
            assert proc.stderr.count("\n") == 1 and proc.stdout == ""
        else:
            assert proc.stdout.strip(), name
    out = run("summarize", "-n", "1", str(files["attacks.txt"])).stdout
    assert "pwned" not in out and "evil.example" not in out


@pytest.mark.slow
def test_summarize_batch_goes_on_and_json_is_valid(files: dict[str, Path]) -> None:
    import json

    proc = run("summarize", "-f", "json", "-n", "1", *map(str, files.values()))
    check_clean(proc, {1})
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) == len(files) - 9  # every readable input, the others on stderr
    # one line per unreadable input; the readable ones may add a language note each
    notes = [line for line in proc.stderr.splitlines() if line.endswith("; using english")]
    assert len(proc.stderr.splitlines()) - len(notes) == 9


@pytest.mark.slow
def test_entities_on_the_small_inputs(files: dict[str, Path]) -> None:
    small = [p for n, p in files.items() if n not in ("long-line.txt", "many-sentences.txt")]
    for fmt in ("text", "table", "json"):
        check_clean(run("entities", "-f", fmt, *map(str, small)), {1})


def test_add_to_the_library(files: dict[str, Path], tmp_path: Path) -> None:
    env = {"TREAD_LIBRARY": str(tmp_path / "lib.sqlite3")}
    proc = run("add", *map(str, files.values()), env=env)
    check_clean(proc, {1})
    listing = run("list", env=env)
    check_clean(listing, {0})
    import json

    titles = [r["title"] for r in json.loads(run("list", "-f", "json", env=env).stdout)]
    assert any("[bold red]x[/]" in t for t in titles)  # markup stays literal text
    assert not any(UNSAFE.search(t) for t in titles)


@pytest.mark.slow
def test_size_limits(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"A sentence. " * (50 * 1024 * 1024 // 12))
    proc = run("summarize", str(big))
    check_clean(proc, {1})
    assert "16 MB input limit" in proc.stderr
    many = tmp_path / "many.txt"
    many.write_text("Sentence number one is here. " * 6000)
    proc = run("summarize", "-a", "lex-rank", str(many))
    check_clean(proc, {1})
    assert "5,000-sentence limit of lex-rank" in proc.stderr


def test_looping_symlinks_in_a_folder(tmp_path: Path) -> None:
    from tread.core.sources.files import collect_paths

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("A story. It ends.")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert collect_paths([str(tmp_path)]) == [str(tmp_path / "a" / "story.txt")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_sanitize_removes_every_control_sequence_and_is_idempotent(text: str) -> None:
    clean = sanitize(text)
    assert not UNSAFE.search(clean.replace("\t", " ").replace("\n", " "))
    assert sanitize(clean) == clean


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_segment_and_summarize_never_raise_on_arbitrary_text(text: str) -> None:
    from tread.core.errors import TreadError
    from tread.core.summarizers.summarize import summarize
    from tread.core.text.segment import segment

    text = sanitize(text)
    seg = segment(text)
    for s in seg.sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip() != ""
    if not seg.sentences:
        return
    for algorithm in ("tread", "lex-rank", "luhn"):
        try:
            summary = summarize(seg, algorithm, 2)
        except TreadError:  # a clear error is allowed; a crash is not
            continue
        indices = [s.index for s in summary.sentences]
        assert indices == sorted(set(indices)) and len(indices) == min(2, len(seg.sentences))
