"""Feeds through the source registry: entry HTML read once and whole, the same refusal
from a file and a URL, the HTTP charset honoured, OPML lists pointed elsewhere."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web import BILLION_LAUGHS, XXE, Route, serve
from tread.cli import cli
from tread.core.errors import UnreadableInput
from tread.core.sources import load
from tread.core.sources.feed import parse_feed
from tread.core.sources.feed_entries import plain


@pytest.mark.parametrize(
    ("html", "text"),
    [
        # nested blocks were printed twice
        ("<blockquote><p>Quoted once.</p></blockquote><p>After.</p>", "Quoted once.\n\nAfter."),
        ("<ul><li><p>First item.</p></li><li>Second.</li></ul>", "First item.\n\nSecond."),
        # text outside p/li/blockquote/h1-h3 was dropped once any of those existed
        ("<p>Intro.</p><div>A div paragraph.</div>", "Intro.\n\nA div paragraph."),
        ("<p>Intro.</p><h4>A small heading</h4><p>More.</p>", "Intro.\n\nA small heading\n\nMore."),
        ("<p>Intro.</p><pre>x = 1\ny = 2</pre>", "Intro.\n\nx = 1\ny = 2"),
        (
            "<p>Intro.</p><table><tr><td>Cell A</td><td>Cell B</td></tr></table>",
            "Intro.\n\nCell A | Cell B",
        ),
        ("Loose <b>bold</b> and <p>a block</p> tail", "Loose bold and\n\na block\n\ntail"),
        ("<div>a<script>x()</script>b<style>p{}</style>c<!-- d --></div>", "abc"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
    ],
)
def test_entry_html_is_read_once_and_whole(html: str, text: str) -> None:
    assert plain(html) == text


def test_entry_html_reaches_the_feed_entry() -> None:
    content = "<blockquote><p>Said once.</p></blockquote><div>Kept.</div><h4>Also kept</h4>"
    data = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>E</title><description>{escape(content)}</description></item>"
        "</channel></rss>"
    ).encode()
    assert parse_feed(data).entries[0].text == "Said once.\n\nKept.\n\nAlso kept"


def add(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["add", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("document", [BILLION_LAUGHS, XXE], ids=["laughs", "xxe"])
@pytest.mark.parametrize("media_type", ["text/xml", "application/xml", "text/plain", "text/html"])
def test_a_feed_refused_as_a_file_is_refused_by_url(
    document: bytes, media_type: str, tmp_path: Path
) -> None:
    """The DOCTYPE hid the root element from the sniffing, so the same bytes served
    over HTTP became an article of raw XML."""
    library = str(tmp_path / "lib.sqlite3")
    path = tmp_path / "feed.xml"
    path.write_bytes(document)
    code, _, from_file = add("--library", library, str(path))
    assert code == 1
    with serve({"/feed": Route(document, headers={"Content-Type": media_type})}) as base:
        code, out, from_url = add("--library", library, f"{base}/feed")
        assert code == 1 and out == ""
        said = from_url.removeprefix(f"tread: {base}/feed: ")
    assert said == from_file.removeprefix(f"tread: {path}: ")
    assert said.startswith("the feed declares XML entities; refused")


def test_a_feed_with_a_public_doctype_is_a_feed_by_url(tmp_path: Path) -> None:
    rss091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old News</title><link>http://127.0.0.1:1/</link>
<item><title>Story</title><link>http://127.0.0.1:1/s</link>
<description>A story of some length.</description></item></channel></rss>"""
    with serve({"/rss": Route(rss091, headers={"Content-Type": "text/xml"})}) as base:
        code, out, err = add("--library", str(tmp_path / "lib.sqlite3"), "--teasers", f"{base}/rss")
    assert (code, err) == (0, "")
    assert "feed Old News: 1 new" in out


def test_a_feed_reads_the_charset_of_its_http_header(tmp_path: Path) -> None:
    """The header's charset was cut off with the media type, so an undeclared
    Windows-1251 feed became Windows-1252 mojibake."""
    data = (
        '<rss version="2.0"><channel><title>Новости</title>'
        "<item><title>Двенадцать автобусных линий</title>"
        "<description>Совет одобрил.</description></item></channel></rss>"
    ).encode("cp1251")
    headers = {"Content-Type": "application/rss+xml; charset=windows-1251"}
    with serve({"/f": Route(data, headers=headers)}) as base:
        code, out, err = add("--library", str(tmp_path / "lib.sqlite3"), "--teasers", f"{base}/f")
    assert (code, err) == (0, "")
    assert "feed Новости: 1 new" in out


def test_a_feed_named_to_summarize_points_to_tread_add(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"  # whatever it is called
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    with pytest.raises(UnreadableInput, match="a feed, not an article: add it with 'tread add'"):
        load(str(path))


def test_an_opml_list_points_to_tread_feeds_import(tmp_path: Path) -> None:
    path = tmp_path / "subscriptions.opml"
    path.write_bytes(b'<?xml version="1.0"?><opml version="2.0"><body/></opml>')
    code, out, err = add("--library", str(tmp_path / "lib.sqlite3"), str(path))
    assert code == 1 and out == ""
    assert err.endswith("import its feeds with 'tread feeds import'\n")
