from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES
from tread.cli import cli
from tread.core.text.segment import segment


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """Three sample articles whose 'reference' is their own first two sentences."""
    rows = []
    for i, path in enumerate(SAMPLE_FILES[:3]):
        text = path.read_text(encoding="utf-8")
        seg = segment(text, detect_title=False)
        first = [seg.sentence_text(s) for s in seg.sentences[:2]]
        rows.append(
            {
                "id": f"a{i}",
                "text": text,
                "summary": " ".join(first),
                "summary_sentences": first,
                "title": None,
            }
        )
    f = tmp_path / "set.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return f


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_report_has_every_metric_with_intervals(dataset: Path) -> None:
    code, out, err = run("eval", str(dataset), "-a", "lead,random,tread", "-n", "2", "-f", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["articles"] == 3 and report["sentences"] == 2
    by_name = {r["algorithm"]: r for r in report["results"]}
    assert set(by_name) == {"lead", "random", "tread"}
    # the reference is the first two sentences: lead-2 matches it exactly
    assert by_name["lead"]["rouge1"]["f1"] == pytest.approx(100.0)
    assert by_name["lead"]["rouge2"]["f1"] == pytest.approx(100.0)
    for r in report["results"]:
        for metric in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
            assert 0 <= r[metric]["f1"] <= 100 and r[metric]["ci95"] >= 0
    assert by_name["random"]["rouge2"]["f1"] < 100.0


def test_reference_length_limit_and_markdown(dataset: Path) -> None:
    code, out, _ = run(
        "eval", str(dataset), "-a", "lead", "--reference-length", "--limit", "2", "-f", "markdown"
    )
    assert code == 0
    assert "2 articles, reference length" in out
    assert out.count("\n| lead |") == 1 and "100.00" in out


def test_shuffle_breaks_lead(dataset: Path) -> None:
    code, out, _ = run("eval", str(dataset), "-a", "lead", "-n", "2", "--shuffle", "-f", "json")
    assert code == 0
    assert json.loads(out)["results"][0]["rouge2"]["f1"] < 100.0


def test_table_output_and_parallel_jobs(dataset: Path) -> None:
    code, out, _ = run("eval", str(dataset), "-a", "lead,lex-rank", "-j", "2")
    assert code == 0
    assert "lex-rank" in out and "R-2" in out and "ms/article" in out


def test_algorithm_names_are_read_as_summarize_reads_them(dataset: Path) -> None:
    code, out, err = run("eval", str(dataset), "-a", "Lead,textrank,lead,text-rank")
    assert code == 0, err
    cells = [line.strip("│ ").split()[0] for line in out.splitlines() if line.startswith("│ ")]
    assert sorted(c for c in cells if c[0].isalpha()) == ["lead", "text-rank"]


def test_errors(dataset: Path, tmp_path: Path) -> None:
    code, _, err = run("eval", str(dataset), "-a", "lead,magic")
    assert code == 2 and "unknown algorithm 'magic'" in err
    code, _, err = run("eval", str(tmp_path / "none.jsonl"))
    assert code == 1 and err.strip().endswith("none.jsonl: no such file")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n')
    code, _, err = run("eval", str(bad))
    assert code == 1 and "line 1: not an eval record" in err and err.count("\n") == 1
