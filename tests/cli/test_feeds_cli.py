"""`tread feeds`: list (also with no command), remove, import and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web import ARTICLE, BILLION_LAUGHS, Route, rss, serve
from tread.cli import cli
from tread.core.sources.opml import read_opml


@pytest.fixture(autouse=True)
def library_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("TREAD_LIBRARY", str(path))
    return path


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def opml(*outlines: str) -> bytes:
    body = "".join(outlines)
    return f'<?xml version="1.0"?><opml version="2.0"><body>{body}</body></opml>'.encode()


def test_with_no_command_feeds_lists_as_feeds_list_does() -> None:
    assert run("feeds") == run("feeds", "list")
    assert "no feeds" in run("feeds")[1]
    assert run("feeds", "-f", "json") == run("feeds", "list", "-f", "json") == (0, "[]\n", "")


def test_import_adds_each_feed_through_the_feed_path_and_reports_each(tmp_path: Path) -> None:
    feed_type = {"Content-Type": "application/rss+xml"}
    routes = {
        "/article.html": Route(ARTICLE),
        "/second.html": Route(ARTICLE.replace(b"bus lines", b"tram lines")),
        "/a.xml": Route(headers=feed_type),
        "/b.xml": Route(headers=feed_type),
    }
    with serve(routes) as base:
        routes["/a.xml"].body = rss(base, teaser=False)
        routes["/b.xml"].body = rss(base, teaser=False).replace(b"Example News", b"Other News")
        listing = tmp_path / "subs.opml"
        listing.write_bytes(
            opml(
                f'<outline text="Local"><outline text="A" xmlUrl="{base}/a.xml"/></outline>',
                f'<outline text="B" xmlUrl="{base}/b.xml"/>',
                f'<outline text="A page" xmlUrl="{base}/article.html"/>',
                '<outline text="A file" xmlUrl="file:///etc/passwd"/>',
            )
        )
        code, out, err = run("feeds", "import", str(listing))
        assert code == 1  # the page is no feed
        assert out.splitlines() == [
            f"{base}/a.xml: feed Example News: 2 new, 0 already here",
            f"{base}/b.xml: feed Other News: 0 new, 2 already here",
        ]
        assert err == f"tread: {base}/article.html: not a feed (nothing added)\n"
        code, out, _ = run("feeds", "list", "-f", "json")
        assert [f["url"] for f in json.loads(out)] == [f"{base}/a.xml", f"{base}/b.xml"]
        assert len(json.loads(run("list", "-f", "json")[1])) == 2  # the page was not added

        code, exported, err = run("feeds", "export")
        assert code == 0 and err == ""
        assert {(s.url, s.title) for s in read_opml(exported.encode())} == {
            (f"{base}/a.xml", "Example News"),
            (f"{base}/b.xml", "Other News"),
        }
        # the export imports again: both feeds are already there
        code, out, _ = run("feeds", "import", "-", input=exported.encode())
        assert code == 0 and out.count("0 new, 2 already here") == 2


def test_import_refuses_a_hostile_list_in_one_line(tmp_path: Path) -> None:
    hostile = tmp_path / "lol.opml"
    hostile.write_bytes(BILLION_LAUGHS.replace(b"rss", b"opml"))
    code, out, err = run("feeds", "import", str(hostile))
    assert code == 1 and out == ""
    assert err.startswith(f"tread: {hostile}: the OPML file declares XML entities; refused")
    assert err.count("\n") == 1


def test_import_of_a_malformed_list_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.opml"
    broken.write_bytes(b"<opml><body><outline text='x'></body>")
    code, out, err = run("feeds", "import", str(broken))
    assert code == 1 and out == ""
    assert err.startswith(f"tread: {broken}: not well-formed XML (mismatched tag")
    assert err.count("\n") == 1
    code, _, err = run("feeds", "import", str(tmp_path / "missing.opml"))
    assert code == 1 and err == f"tread: {tmp_path / 'missing.opml'}: no such file\n"


def test_export_leaves_out_feeds_read_from_files(tmp_path: Path) -> None:
    feed = tmp_path / "local.xml"
    feed.write_bytes(rss("https://news.example", teaser=False))
    assert run("add", "--teasers", str(feed))[0] == 0
    code, out, err = run("feeds", "export")
    assert code == 0 and read_opml(out.encode()) == []
    assert err == "tread: 1 feed read from files left out (OPML lists web feeds)\n"


def test_remove_needs_a_feed_and_names_a_missing_one() -> None:
    code, _, err = run("feeds", "remove")
    assert code == 2 and "Missing argument 'FEED'" in err and err.count("\n") == 1
    code, _, err = run("feeds", "remove", "https://nowhere.example/feed")
    assert code == 1 and "no library at" in err
