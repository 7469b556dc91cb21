"""--input-format jsonl, --jobs and the progress bar of summarize, entities and eval."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES, SEED
from tread.cli import cli


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def write_corpus(path: Path) -> list[str]:
    lines = [
        json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) for p in SAMPLE_FILES
    ]
    lines.insert(1, "{broken")
    lines.insert(3, json.dumps({"id": "blank", "text": ""}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_summarize_jsonl_one_line_per_record_in_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = write_corpus(corpus)
    code, out, err = run("summarize", "--input-format", "jsonl", "-n", "2", str(corpus))
    assert code == 1  # two records failed; every other one was summarised
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(lines)
    assert [r["line"] for r in records] == list(range(1, len(lines) + 1))
    assert records[0]["id"] == SAMPLE_FILES[0].stem and len(records[0]["summary"]) == 2
    assert records[1]["error"].startswith("line 2: not JSON")
    assert records[3] == {
        "file": str(corpus),
        "id": "blank",
        "line": 4,
        "error": "line 4: empty text",
    }
    assert err.splitlines() == [
        f"tread: {corpus}: {records[1]['error']}",
        f"tread: {corpus}: line 4: empty text",
    ]
    code2, out2, _ = run(
        "summarize", "--input-format", "jsonl", "-n", "2", "--jobs", "2", str(corpus)
    )
    assert (code2, out2) == (code, out)


def test_entities_jsonl_with_types(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Angela Merkel visited Paris on Monday."})
        + "\n"
        + json.dumps({"id": "b", "title": "T", "text": "Barack Obama met her there."})
        + "\n"
    )
    code, out, err = run(
        "entities", "--input-format", "jsonl", "--types", "person", "-", input=corpus.read_text()
    )
    assert code == 0, err
    a, b = (json.loads(line) for line in out.splitlines())
    assert [e["text"] for e in a["entities"]] == ["Angela Merkel"]
    assert b["title"] == "T" and [e["text"] for e in b["entities"]] == ["Barack Obama"]
    assert a["file"] == "<stdin>" and a["model"]


def test_jsonl_refuses_explain_and_a_missing_file_is_one_error(tmp_path: Path) -> None:
    code, _, err = run("summarize", "--input-format", "jsonl", "--explain", str(SEED))
    assert code == 2 and "--explain is not available with --input-format jsonl" in err
    code, out, err = run("summarize", "--input-format", "jsonl", str(tmp_path / "none.jsonl"))
    assert code == 1 and err == f"tread: {tmp_path / 'none.jsonl'}: no such file\n"
    assert json.loads(out)["error"] == "no such file"


def test_several_files_on_two_processes_print_what_one_prints(tmp_path: Path) -> None:
    files = [*map(str, SAMPLE_FILES), str(tmp_path / "missing.txt")]
    one = run("summarize", "-n", "2", *files)
    two = run("summarize", "-n", "2", "--jobs", "2", *files)
    assert one == two and one[0] == 1 and "missing.txt: no such file" in one[2]


def test_no_progress_bar_in_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_PROGRESS_AFTER", "0.001")
    code, _, err = run("summarize", "-n", "1", *map(str, SAMPLE_FILES))
    assert code == 0 and err == ""


def in_a_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run tread with stderr on a pseudo-terminal (stdout a pipe): (code, stdout, stderr)."""
    leader, follower = pty.openpty()
    environ = {**os.environ, "TREAD_PROGRESS_AFTER": "0.001", "TERM": "xterm", **(env or {})}
    environ.pop("CI", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tread", *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        stdin=subprocess.DEVNULL,
        env=environ,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=120)
    os.close(leader)
    return proc.returncode, out.decode(), seen.decode(errors="replace")


@pytest.mark.slow
def test_progress_bar_on_a_terminal_and_never_with_quiet(tmp_path: Path) -> None:
    files = [str(p) for p in SAMPLE_FILES]
    code, out, err = in_a_terminal("summarize", "-n", "1", *files)
    assert code == 0 and "summarising" in err and "━" in err
    assert "━" not in out and "\x1b" not in out  # the output itself stays clean
    code, quiet_out, err = in_a_terminal("summarize", "-n", "1", "--quiet", *files)
    assert code == 0 and err == "" and quiet_out == out
    code, _, err = in_a_terminal("entities", "-f", "text", str(SEED))
    assert code == 0 and "entities" in err and "━" in err
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        "\n".join(
            json.dumps({"text": p.read_text(encoding="utf-8"), "summary": "A summary."})
            for p in SAMPLE_FILES
        )
    )
    code, _, err = in_a_terminal("eval", "-a", "lead", str(dataset))
    assert code == 0 and "evaluating" in err
    code, _, err = in_a_terminal("eval", "-a", "lead", "--quiet", str(dataset))
    assert code == 0 and err == ""
