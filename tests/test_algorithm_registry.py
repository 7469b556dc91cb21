"""Adding an algorithm is its module and one registry entry: everything that lists or
runs algorithms reads the registry. A toy algorithm registered here is a choice of
``tread summarize``, a command of the reader's palette, a stop of its ``a`` key, a
column of ``tread eval``, a valid config value and one of the linear algorithms."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sumy.summarizers._summarizer import AbstractSummarizer

from tests.conftest import SAMPLE_FILES, SEED
from tests.ui.conftest import reader, settle
from tread.cli import cli
from tread.core.config import Config, from_mapping
from tread.core.summarizers.registry import ALGORITHMS, Algorithm, linear_algorithms
from tread.core.text.segment import segment
from tread.ui.app import Tread
from tread.ui.palette import reader_commands
from tread.ui.widgets.summary_panel import SummaryPanel


class LastSentences(AbstractSummarizer):  # type: ignore[misc]
    """A toy summariser: the later, the better (the opposite of lead)."""

    def __call__(self, document: Any, sentences_count: Any) -> Any:
        order = {id(s): i for i, s in enumerate(document.sentences)}
        return self._get_best_sentences(
            document.sentences, sentences_count, lambda s: float(order[id(s)])
        )


TOY = Algorithm("toy", "the last sentences (a test)", f"{__name__}:LastSentences")


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(ALGORITHMS, "toy", TOY)
    yield


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_summarize_offers_and_runs_it(toy: None) -> None:
    code, out, _ = run("summarize", "--help")
    assert code == 0 and "|tread|toy]" in "".join(out.split())
    code, out, err = run("summarize", "-a", "toy", "-n", "2", "--format", "json", str(SEED))
    assert code == 0, err
    record = json.loads(out)
    seg = segment(SEED.read_text(encoding="utf-8"))
    assert record["algorithm"] == "toy"
    assert [s["index"] for s in record["summary"]] == [
        len(seg.sentences) - 2,
        len(seg.sentences) - 1,
    ]


def test_summarize_refuses_it_once_it_is_gone() -> None:
    code, _, err = run("summarize", "-a", "toy", str(SEED))
    assert code == 2 and "unknown algorithm 'toy'" in err


async def test_the_palette_offers_it(toy: None) -> None:
    app = Tread([str(SEED)], config=Config())
    async with app.run_test(size=(140, 40)):
        titles = {command.title: command.help for command in reader_commands(reader(app))}
    assert titles["summary: algorithm toy"] == "the last sentences (a test)"


async def test_the_algorithm_key_reaches_it(toy: None) -> None:
    app = Tread([str(SEED)], config=Config(algorithm="tread", sentences=2))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")  # tread is the last built-in: the next is the toy
        await settle(pilot)
        assert app.config.algorithm == "toy"
        panel = app.query_one("#summary", SummaryPanel)
        assert panel.option_count == 2
        summary = reader(app).state.get(str(SEED)).summary("toy", 2)
        assert summary is not None
        seg = segment(SEED.read_text(encoding="utf-8"))
        assert [s.index for s in summary.sentences] == [
            len(seg.sentences) - 2,
            len(seg.sentences) - 1,
        ]


def test_eval_scores_it(toy: None, tmp_path: Path) -> None:
    rows = []
    for i, path in enumerate(SAMPLE_FILES[:2]):
        text = path.read_text(encoding="utf-8")
        seg = segment(text, detect_title=False)
        rows.append(
            {"id": i, "text": text, "summary_sentences": [seg.sentence_text(seg.sentences[-1])]}
        )
    dataset = tmp_path / "set.jsonl"
    dataset.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, out, err = run("eval", str(dataset), "-n", "1", "--format", "json")
    assert code == 0, err
    results = {r["algorithm"]: r for r in json.loads(out)["results"]}
    assert list(results)[-1] == "toy"  # 'all' means every registered algorithm
    assert results["toy"]["rouge1"]["f1"] == 100.0  # the reference is the last sentence
    code, out, _ = run("eval", str(dataset), "-a", "lead,toy", "--format", "json")
    assert code == 0 and [r["algorithm"] for r in json.loads(out)["results"]] == ["lead", "toy"]


def test_the_config_and_the_limits_know_it(toy: None) -> None:
    config, problems = from_mapping({"algorithm": "toy"})
    assert config.algorithm == "toy" and not problems
    assert linear_algorithms()[-1] == "toy"
