"""`tread eval` per category and against several references (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES
from tread.cli import cli
from tread.core.text.segment import segment


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def styled(tmp_path: Path) -> Path:
    """Four sample articles in two categories; the reference of each is its first
    sentence, so Lead-1 scores 100 against it."""
    rows = []
    for i, path in enumerate(SAMPLE_FILES[:4]):
        text = path.read_text(encoding="utf-8")
        seg = segment(text, detect_title=False)
        rows.append(
            {
                "id": f"a{i}",
                "category": "odd" if i % 2 else "even",
                "text": text,
                "summary_sentences": [seg.sentence_text(seg.sentences[0])],
            }
        )
    f = tmp_path / "set.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return f


def extra_file(tmp_path: Path, styled: Path, bad_line: bool = False) -> Path:
    """A second reference for a0 and a1: their second sentence (Lead-1 scores low)."""
    lines = []
    for row in map(json.loads, styled.read_text(encoding="utf-8").splitlines()[:2]):
        seg = segment(row["text"], detect_title=False)
        second = seg.sentence_text(seg.sentences[1])
        lines.append(json.dumps({"id": row["id"], "crowd_summaries": [second]}))
    if bad_line:
        lines.insert(1, '{"id": "a9", "crowd_summaries": "not a list"}')
    lines.append(json.dumps({"id": "nowhere", "crowd_summaries": ["ignored"]}))
    f = tmp_path / "extra.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def results(out: str) -> dict[str, dict[str, float]]:
    return {r["algorithm"]: r for r in json.loads(out)["results"]}


def test_figures_per_category(styled: Path) -> None:
    code, out, err = run("eval", str(styled), "-a", "lead,auto,tread", "-n", "1", "-f", "json")
    assert code == 0, err
    record = json.loads(out)
    assert set(record["categories"]) == {"even", "odd"}
    for rows in record["categories"].values():
        lead = next(r for r in rows if r["algorithm"] == "lead")
        assert lead["rouge1"]["f1"] == 100.0
    # auto picks tread for news: the same figures
    every = results(out)
    assert every["auto"]["rouge2"] == every["tread"]["rouge2"]
    code, out, _ = run("eval", str(styled), "-a", "lead", "-n", "1", "-f", "markdown")
    assert "**category even: 2 articles**" in out and "**category odd: 2 articles**" in out


def test_no_category_table_for_one_category_or_none(tmp_path: Path, styled: Path) -> None:
    rows = [json.loads(line) for line in styled.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row.pop("category")
    plain = tmp_path / "plain.jsonl"
    plain.write_text("\n".join(map(json.dumps, rows)) + "\n", encoding="utf-8")
    code, out, _ = run("eval", str(plain), "-a", "lead", "-n", "1", "-f", "json")
    assert code == 0 and "categories" not in json.loads(out)


def test_extra_references_mean_and_max(tmp_path: Path, styled: Path) -> None:
    extra = extra_file(tmp_path, styled)
    base = ["eval", str(styled), "-a", "lead", "-n", "1", "-f", "json"]
    code, out, err = run(*base, "--extra-references", str(extra))
    assert code == 0, err
    mean = results(out)["lead"]["rouge1"]["f1"]
    code, out, _ = run(*base, "--extra-references", str(extra), "--combine", "max")
    assert results(out)["lead"]["rouge1"]["f1"] == 100.0  # the first reference is still there
    assert json.loads(out)["combine"] == "max"
    assert mean < 100.0  # two articles now also scored against their second sentence
    code, out, _ = run(*base[:-1], "markdown", "--extra-references", str(extra))
    assert "mean over all references (2 with extra ones)" in out


def test_a_bad_line_of_extra_references_is_one_line_and_exit_1(
    tmp_path: Path, styled: Path
) -> None:
    extra = extra_file(tmp_path, styled, bad_line=True)
    code, out, err = run(
        "eval", str(styled), "-a", "lead", "-n", "1", "--extra-references", str(extra)
    )
    assert code == 1 and out
    assert err.count("\n") == 1 and "line 2: no 'crowd_summaries' or 'references' array" in err
    missing = tmp_path / "missing.jsonl"
    code, _, err = run("eval", str(styled), "--extra-references", str(missing))
    assert code == 1 and err.strip().endswith("missing.jsonl: no such file")
