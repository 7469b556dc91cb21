"""`tread summarize --explain` tells the truth (issue 14, items 2 and 5): what auto
decided and why, no made-up ranks, and what each feature name means."""

from __future__ import annotations

import json
import math
import re

from click.testing import CliRunner

from tests.conftest import ROOT, SAMPLES, SEED
from tread.cli import cli
from tread.core.summarizers.news import FEATURE_MEANINGS, FEATURES

MOBY = ROOT / "tests" / "data" / "moby-dick-excerpt.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_is_auto_and_news_gets_treads_summary() -> None:
    code, out, err = run("summarize", str(SEED))
    assert code == 0, err
    assert out == run("summarize", "-a", "tread", str(SEED))[1]
    code, out, _ = run("summarize", "-f", "json", str(SEED))
    record = json.loads(out)
    assert record["algorithm"] == "auto"
    assert record["auto"]["kind"] == "news" and record["auto"]["algorithm"] == "tread"
    assert record["auto"]["sentences"] == 5 and len(record["summary"]) == 5


def test_explain_says_what_auto_decided_and_why() -> None:
    code, out, _ = run("summarize", "--explain", str(MOBY))
    assert code == 0
    summary, table = out.split("\n\n", 1)
    assert len(summary.splitlines()) == 10  # a book: ten sentences unless asked
    assert re.search(r"^auto: long \(7 chapter headings \(first: 'CHAPTER 1\. Loomings\.'\)", table)
    assert "  -> luhn, 10 sentences: long text: luhn (position-blind" in table
    code, out, _ = run("summarize", "-f", "markdown", "-n", "2", str(MOBY))
    assert "*auto: luhn for long, 2 of " in out


def test_explain_prints_the_meaning_of_every_feature_it_names() -> None:
    code, out, _ = run("summarize", "--explain", "-a", "tread", str(SEED))
    assert code == 0
    table = out.split("\n\n", 1)[1]
    rows = [line for line in table.splitlines() if re.match(r"\s+(\d+|-)\s+\d+\s", line)]
    named = {name for row in rows for name in re.findall(r"\b([a-z_]+) [+-]\d+\.\d\d\b", row)}
    assert named and named <= set(FEATURES)
    legend = table.split("features (each one's share of the score", 1)[1]
    for name in named:
        assert f"  {name}: {FEATURE_MEANINGS[name]}" in legend


def test_every_feature_has_a_meaning_and_the_readme_lists_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in FEATURES:
        assert FEATURE_MEANINGS[name]
        assert f"| `{name}` |" in readme, name


def test_explain_marks_what_treads_model_passed_over() -> None:
    """In this story a better-scored sentence repeats a pick: it is passed over, ranks
    below every other, and its note gives the model's own score and the pick it
    repeats; the remark weighs the picks against the opening sentences."""
    story = SAMPLES / "scientology-defector-arrested.txt"
    _, out, _ = run("summarize", "--explain", "-f", "json", "-a", "tread", str(story))
    record = json.loads(out)
    assert record["remarks"] and "against the opening sentences" in record["remarks"][0]
    passed = [s for s in record["sentences"] if "passed over" in s.get("note", "")]
    assert passed and all(not s["chosen"] and s["score"] is not None for s in passed)
    assert all("too like sentence" in s["note"] for s in passed)
    others = [s for s in record["sentences"] if s not in passed and s["rank"] is not None]
    for s in passed:  # the lowered rating sumy sorted by; the note has the model's own
        assert s["score"] < min(o["score"] for o in others)
        assert s["rank"] > max(o["rank"] for o in others)
        assert re.match(r"passed over \(the model's own score -?\d", s["note"])


def test_greedy_algorithms_leave_unreached_sentences_unranked() -> None:
    """sum-basic and kl stop once their picks are settled: the sentences they never
    reached get no rank (sumy would give them one the fast loop never computed), and
    the ranks they do give are sumy's own (tests/core/test_fast.py checks them)."""
    for algorithm in ("sum-basic", "kl"):
        code, out, _ = run(
            "summarize", "--explain", "-f", "json", "-a", algorithm, "-n", "2", str(SEED)
        )
        assert code == 0
        rows = json.loads(out)["sentences"]
        unranked = [r for r in rows if r["rank"] is None]
        assert unranked, algorithm
        for r in unranked:
            assert r["score"] is None and not r["chosen"]
            assert r["note"] == f"not ranked: {algorithm} stops once its picks are settled"
        ranks = sorted(r["rank"] for r in rows if r["rank"] is not None)
        assert ranks == list(range(1, len(ranks) + 1))
        code, out, _ = run("summarize", "--explain", "-a", algorithm, "-n", "2", str(SEED))
        lines = out.split("\n\n", 1)[1].splitlines()
        assert sum(1 for line in lines if re.match(r"\s+-\s+\d+\s+-\s", line)) == len(unranked)


def test_fragments_are_listed_last_without_a_rank() -> None:
    _, out, _ = run("summarize", "--explain", "-f", "json", "-a", "luhn", "-n", "3", str(MOBY))
    rows = json.loads(out)["sentences"]
    cried = next(
        r for r in rows if MOBY.read_text(encoding="utf-8")[r["start"] : r["end"]] == "cried Ahab."
    )
    assert cried["rank"] is None and cried["note"].startswith("a fragment (under 4 words)")
    assert not any(math.isnan(r["score"]) for r in rows if r["score"] is not None)
