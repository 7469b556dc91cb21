"""`tread list --entity NAME` and `tread entities --library`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES
from tread.cli import cli
from tread.core.store.entity_index import indexed
from tread.core.store.library import Library, default_path

ICE = next(p for p in SAMPLE_FILES if p.name == "la-ice-operation.txt")
KOREA = next(p for p in SAMPLE_FILES if p.name.startswith("north-korea"))
ROBOTS = next(p for p in SAMPLE_FILES if p.name.startswith("afghan-robotics"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_entities_across_the_library_then_list_by_entity() -> None:
    assert run("add", str(ICE), str(KOREA), str(ROBOTS))[0] == 0
    code, out, _ = run("list", "--entity", "Los Angeles")
    assert code == 0 and "no article mentions 'Los Angeles'" in out  # nothing known yet
    code, out, err = run("entities", "--library", "-f", "json", "-n", "50")
    assert code == 0, err
    ranked = json.loads(out)
    by_name = {r["name"]: r for r in ranked}
    assert by_name["Los Angeles"]["articles"] == 1 and by_name["Los Angeles"]["mentions"] >= 3
    us = by_name.get("U.S.") or by_name.get("US")
    assert us is not None and us["articles"] >= 2  # "U.S." and "US" are one entity
    assert [r["mentions"] for r in ranked] == sorted((r["mentions"] for r in ranked), reverse=True)
    assert {r["kind"] for r in ranked} <= {"person", "organisation", "place", "other"}
    with Library(default_path()) as lib:
        assert len(indexed(lib)) == 3  # found once, kept
    code, out, _ = run("list", "--entity", "los angeles", "-f", "json")
    assert code == 0 and [e["source"] for e in json.loads(out)] == [str(ICE.resolve())]
    code, out, _ = run("entities", "--library", "--types", "person", "-f", "text", "-n", "3")
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) == 3 and all(r[0] == "person" and r[2].isdigit() for r in rows)


def test_entities_library_refuses_files_and_says_when_there_is_no_library() -> None:
    code, _, err = run("entities", "--library", str(ICE))
    assert code == 2 and "--library takes no FILE" in err
    code, out, _ = run("entities", "--library", "-f", "text")
    assert code == 0 and "no library" in out and out.count("\n") == 1
