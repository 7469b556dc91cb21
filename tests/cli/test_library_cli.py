from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLE_FILES
from tests.web import ARTICLE, BILLION_LAUGHS, Route, rss, serve
from tread.cli import cli


@pytest.fixture(autouse=True)
def library_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("TREAD_LIBRARY", str(path))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_list_search_mark_remove() -> None:
    code, out, _ = run("add", *map(str, SAMPLE_FILES[:3]))
    assert code == 0 and out.count(": added #") == 3
    code, out, _ = run("add", str(SAMPLE_FILES[0]))
    assert code == 0 and "already in the library as #1" in out
    code, out, _ = run("list", "-f", "json")
    rows = json.loads(out)
    assert len(rows) == 3 and {r["read"] for r in rows} == {False}
    code, out, _ = run("list", "--search", "iodine", "-f", "json")
    assert [r["title"] for r in json.loads(out)] == [
        "Australian children suffering from iodine deficiency"
    ]
    assert run("mark", "read", "1")[0] == 0
    code, out, _ = run("list", "--unread", "-f", "json")
    assert {r["id"] for r in json.loads(out)} == {2, 3}
    assert run("remove", "2")[0] == 0
    code, _, err = run("remove", "2")
    assert code == 1 and err.strip() == "tread: #2: no such article"
    code, out, _ = run("list")
    assert "Texas student" not in out and "title" in out


def test_an_empty_list_says_which_filter_found_nothing() -> None:
    assert run("add", str(SAMPLE_FILES[0]))[0] == 0
    assert run("mark", "read", "1")[0] == 0
    code, out, _ = run("list", "--search", "zzzqqq")
    assert code == 0 and out.strip() == "no article matches 'zzzqqq'"
    code, out, _ = run("list", "--unread", "--search", "the")
    assert out.strip() == "no unread article matches 'the'"
    code, out, _ = run("list", "--unread")
    assert out.strip() == "no unread article (tread list shows them all)"
    assert run("remove", "1")[0] == 0
    code, out, _ = run("list")
    assert out.strip() == "nothing in the library yet: tread add FILE|URL|FEED"


def test_add_reports_bad_sources_and_goes_on(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(BILLION_LAUGHS)
    code, out, err = run("add", str(tmp_path / "missing.txt"), str(bomb), str(SAMPLE_FILES[0]))
    assert code == 1
    assert f"tread: {tmp_path / 'missing.txt'}: no such file" in err
    assert "declares XML entities; refused" in err
    assert ": added #1" in out


def test_feeds_refresh_and_remove() -> None:
    routes = {
        "/article.html": Route(ARTICLE),
        "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.xml"].body = rss(base, teaser=False)
        code, out, _ = run("add", f"{base}/feed.xml")
        assert code == 0 and "feed Example News: 2 new" in out
        code, out, _ = run("feeds", "-f", "json")
        feeds = json.loads(out)
        assert feeds[0]["url"] == f"{base}/feed.xml" and feeds[0]["articles"] == 2
        code, out, _ = run("refresh")
        assert code == 0 and "Example News: 0 new, 2 already here" in out
        assert run("feeds", "remove", f"{base}/feed.xml")[0] == 0
    code, out, _ = run("feeds")
    assert "no feeds" in out
    code, out, _ = run("list", "-f", "json")
    assert len(json.loads(out)) == 2  # removing a feed keeps its articles


def test_a_removed_feed_entry_stays_out_and_its_id_is_not_given_again() -> None:
    routes = {
        "/article.html": Route(ARTICLE),
        "/feed.xml": Route(headers={"Content-Type": "application/rss+xml"}),
    }
    with serve(routes) as base:
        routes["/feed.xml"].body = rss(base, teaser=False)
        assert "2 new" in run("add", f"{base}/feed.xml")[1]
        ids = sorted(r["id"] for r in json.loads(run("list", "-f", "json")[1]))
        assert run("remove", str(ids[-1]))[0] == 0  # the newest: its id would come next
        code, out, _ = run("refresh")
        assert code == 0 and "0 new, 1 already here, 1 removed before, left out" in out
        assert [r["id"] for r in json.loads(run("list", "-f", "json")[1])] == ids[:-1]
    code, out, _ = run("add", str(SAMPLE_FILES[0]))
    assert code == 0 and f"added #{ids[-1] + 1}" in out  # not the removed one's id


def test_library_option_and_unwritable_location(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    assert run("add", "--library", str(other), str(SAMPLE_FILES[0]))[0] == 0
    assert other.exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("list", "--library", str(blocker / "lib.sqlite3"))
    assert code == 1 and "cannot open the library" in err and err.count("\n") == 1


def test_summarize_and_entities_accept_urls_and_html() -> None:
    with serve({"/a.html": Route(ARTICLE)}) as base:
        code, out, _ = run("summarize", "-n", "1", f"{base}/a.html")
        assert code == 0 and "bus lines" in out
        code, out, _ = run("entities", "-f", "text", f"{base}/a.html")
        assert code == 0 and "Tuesday" in out
