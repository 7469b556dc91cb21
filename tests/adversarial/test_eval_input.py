"""`tread eval` on hostile JSON Lines: each bad record is one line naming the file and the
line, the good records are still scored (exit 1 then), never a traceback."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tread.cli import cli

GOOD = {
    "id": "g",
    "text": "Cats sit on mats. Dogs run in parks. Birds fly south.",
    "summary_sentences": ["Cats sit on mats."],
}

BAD_LINES = {
    "top-level list": ("[1, 2]", "an array, not a JSON object"),
    "null": ("null", "null, not a JSON object"),
    "string": ('"text"', "a string, not a JSON object"),
    "number": ("7", "a number, not a JSON object"),
    "text a number": ('{"text": 5, "summary": "x"}', '"text" is a number, not a string'),
    "text nested arrays": (
        '{"text": [["a"], ["b"]], "summary": "x"}',
        '"text" is an array, not a string',
    ),
    "no text": ('{"summary": "x"}', 'no "text"'),
    "summary_sentences a string": (
        '{"text": "A b c. D e f.", "summary_sentences": "A b c."}',
        '"summary_sentences" is a string, not an array of strings',
    ),
    "summary_sentences nested": (
        '{"text": "A b c. D e f.", "summary_sentences": [["A b c."]]}',
        '"summary_sentences" is an array with an item that is not a string',
    ),
    "summary an object": (
        '{"text": "A b c.", "summary": {"a": 1}}',
        '"summary" is an object, not a string',
    ),
    "no reference": ('{"text": "A b c."}', 'no "summary_sentences" or "summary"'),
    "title a list": (
        '{"text": "A b c.", "summary": "A b c.", "title": [1]}',
        '"title" is an array, not a string',
    ),
    "id an object": (
        '{"text": "A b c.", "summary": "A b c.", "id": {}}',
        '"id" is an object, not a string or a number',
    ),
    "deep nesting": ("[" * 100_000, "JSON nested too deeply"),
    "not json": ("{text: 1}", "not JSON: "),
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Error:" not in err


@pytest.mark.parametrize("case", BAD_LINES)
def test_a_bad_record_alone_is_one_line(tmp_path: Path, case: str) -> None:
    line, problem = BAD_LINES[case]
    path = tmp_path / "set.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    code, out, err = run("eval", "-a", "lead", str(path))
    no_traceback(err)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert f"{path}: line 1: not an eval record ({problem}" in err and "no eval records" in err


@pytest.mark.parametrize("case", BAD_LINES)
def test_a_bad_record_is_skipped_and_the_rest_scored(tmp_path: Path, case: str) -> None:
    line, problem = BAD_LINES[case]
    path = tmp_path / "set.jsonl"
    path.write_text(
        json.dumps(GOOD) + "\n" + line + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8"
    )
    code, out, err = run("eval", "-a", "lead", "-n", "1", "-f", "json", str(path))
    no_traceback(err)
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].endswith("; skipped")
    assert lines[0].startswith(f"tread: {path}: line 2: not an eval record ({problem}")
    report = json.loads(out)
    assert report["articles"] == 2 and report["results"][0]["rouge1"]["f1"] == 100.0


def test_summary_sentences_as_a_string_is_never_scored_as_characters(tmp_path: Path) -> None:
    """Before, "Cats sit on mats." became the reference ('C', 'a', 't', ...)."""
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({**GOOD, "summary_sentences": "Cats sit on mats."}) + "\n")
    code, out, err = run("eval", "-a", "lead", "--reference-length", "-f", "json", str(path))
    assert code == 1 and out == "" and '"summary_sentences" is a string' in err


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + (json.dumps(GOOD) + "\n").encode())
    code, out, err = run("eval", "-a", "lead", "-n", "1", "-f", "json", str(path))
    assert code == 0, err
    assert json.loads(out)["results"][0]["rouge1"]["f1"] == 100.0


def test_a_line_over_the_size_limit_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREAD_MAX_INPUT_MB", "1")
    path = tmp_path / "set.jsonl"
    huge = json.dumps({"text": "Word is here. " * 100_000, "summary": "Word is here."})
    path.write_text(huge + "\n" + json.dumps(GOOD) + "\n")
    code, out, err = run("eval", "-a", "lead", "-n", "1", "-f", "json", str(path))
    no_traceback(err)
    assert code == 1 and json.loads(out)["articles"] == 1
    assert err.strip() == (
        f"tread: {path}: line 1: not an eval record (longer than the 1 MB "
        "input limit, which TREAD_MAX_INPUT_MB raises); skipped"
    )


def test_invalid_utf8_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_bytes(b'{"text": "\xff\xfe"}\n' + (json.dumps(GOOD) + "\n").encode())
    code, out, err = run("eval", "-a", "lead", "-f", "json", str(path))
    assert code == 1 and json.loads(out)["articles"] == 1
    assert "line 1: not an eval record (not UTF-8 at byte 11); skipped" in err


def test_many_bad_lines_are_counted_not_listed(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("null\n" * 40 + json.dumps(GOOD) + "\n")
    code, out, err = run("eval", "-a", "lead", "-f", "json", str(path))
    assert code == 1 and json.loads(out)["articles"] == 1
    lines = err.splitlines()
    assert len(lines) == 6 and lines[-1] == f"tread: {path}: 35 more bad lines skipped (40 in all)"


def test_limit_counts_good_records(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join([json.dumps(GOOD), "[]", json.dumps(GOOD), json.dumps(GOOD)]))
    code, out, _ = run("eval", "-a", "lead", "--limit", "2", "-f", "json", str(path))
    assert code == 1 and json.loads(out)["articles"] == 2


def test_a_text_over_the_sentence_limit_fails_for_each_algorithm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREAD_MAX_SENTENCES", "50")
    path = tmp_path / "set.jsonl"
    path.write_text(
        json.dumps({"text": "Go. " * 1_000, "summary": "Go."}) + "\n" + json.dumps(GOOD) + "\n"
    )
    code, out, err = run("eval", "-a", "lead,luhn", "-n", "1", "-f", "json", str(path))
    assert code == 0, err
    assert [r["failures"] for r in json.loads(out)["results"]] == [1, 1]
