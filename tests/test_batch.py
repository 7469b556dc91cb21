"""tread.batch: one function per record, the same results here, on a pool and on Dask."""

from __future__ import annotations

import io
import json

import pytest

from tests.conftest import SAMPLE_FILES
from tread.batch import Task, process, read_jsonl, run_dask, run_local


def corpus() -> list[dict[str, object]]:
    """The bundled sample articles as records, cut into halves so there are more of
    them, and three bad records among them (generated: nothing outside tests/)."""
    records: list[dict[str, object]] = []
    for path in SAMPLE_FILES:
        text = path.read_text(encoding="utf-8")
        records.append({"id": path.stem, "title": path.stem, "text": text})
        records.append({"id": f"{path.stem}-2", "text": text[len(text) // 2 :]})
    records.insert(1, {"id": "empty", "text": "  \n"})
    records.insert(3, {"id": "no-text", "body": "x"})
    records.insert(5, {"id": 5, "text": 42})
    lines = "\n".join(json.dumps(r) for r in records).encode()
    return list(read_jsonl(io.BytesIO(lines)))


SUMMARY = Task("summarize", algorithm="lex-rank", count=2)


def test_each_record_gives_one_result_in_order_and_bad_ones_an_error() -> None:
    records = corpus()
    results = list(run_local(records, SUMMARY))
    assert [r["id"] for r in results] == [r["id"] for r in records]
    errors = {r["id"]: r["error"] for r in results if "error" in r}
    assert errors == {
        "empty": "line 2: no text (only whitespace)",
        "no-text": 'line 4: no "text" string',
        5: 'line 6: no "text" string',
    }
    good = [r for r in results if "error" not in r]
    assert len(good) == 2 * len(SAMPLE_FILES)
    for result, record in zip(results, records, strict=True):
        if "error" not in result:
            assert len(result["summary"]) == min(2, result["sentence_count"])
            for s in result["summary"]:
                assert record["text"][s["start"] : s["end"]] == s["text"]  # type: ignore[index]
    assert results[0]["title"] == records[0]["title"]


def test_lines_that_are_not_records_are_errors_in_place() -> None:
    stream = io.BytesIO(
        b'\xef\xbb\xbf{"id": 1, "text": "One. Two."}\n\nnot json\n[1, 2]\n{"text": "\xff"}\n'
    )
    records = list(read_jsonl(stream))
    assert [r.get("id") for r in records] == [1, None, None, None]
    assert [r["error"] for r in records[1:]] == [
        "line 3: not JSON (Expecting value at column 1)",
        "line 4: not a JSON object",
        "line 5: not JSON (not UTF-8)",
    ]
    assert process(records[1], SUMMARY) == {"id": None, "line": 3, "error": records[1]["error"]}


def test_a_line_over_the_input_limit_is_skipped_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_MAX_INPUT_MB", "0.001")  # 1,048 bytes
    big = json.dumps({"text": "word " * 1_000}).encode()
    stream = io.BytesIO(big + b'\n{"id": 2, "text": "Fine."}\n')
    records = list(read_jsonl(stream))
    assert records[0] == {"line": 1, "error": "line 1: longer than the input size limit"}
    assert records[1]["id"] == 2


def test_two_processes_give_the_same_results_as_one() -> None:
    records = corpus()
    assert list(run_local(records, SUMMARY, jobs=2)) == list(run_local(records, SUMMARY))


@pytest.mark.slow
def test_dask_on_a_local_cluster_gives_the_local_results() -> None:
    """The same process() on a two-worker LocalCluster (processes, loopback only)."""
    from dask.distributed import Client, LocalCluster

    records = corpus()
    entities = Task("entities", types=frozenset({"PERSON", "GPE", "ORG"}))
    sample = records[:4]
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = run_dask(records, SUMMARY, client=client, partitions=4)
        entities_on_dask = run_dask(sample, entities, client=client, partitions=2)
    assert on_dask == list(run_local(records, SUMMARY))
    assert entities_on_dask == list(run_local(sample, entities))
    assert any(r.get("entities") for r in entities_on_dask)


def test_dask_without_a_client_uses_its_default_scheduler() -> None:
    records = corpus()[:3]
    assert run_dask(records, SUMMARY) == list(run_local(records, SUMMARY))
