from __future__ import annotations

import pytest

from tests.web import BILLION_LAUGHS, XXE
from tread.core.errors import UnreadableInput
from tread.core.sources.opml import Subscription, read_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="News">
    <outline text="Czech"><outline type="rss" text="CT24" xmlUrl="https://ct24.example/rss"/></outline>
    <outline type="rss" title="Ex" xmlurl="http://ex.example/feed" htmlUrl="http://ex.example/"/>
  </outline>
  <outline type="rss" text="Top" xmlUrl="https://top.example/atom"/>
  <outline type="rss" text="Again" xmlUrl="https://top.example/atom"/>
  <outline type="rss" text="A file" xmlUrl="file:///etc/passwd"/>
  <outline type="rss" text="A path" xmlUrl="/home/me/feed.xml"/>
  <outline type="source" text="Another list" xmlUrl="https://lists.example/more.opml"/>
</body></opml>"""


def test_nested_outlines_are_flattened_with_their_folders() -> None:
    assert read_opml(NESTED) == [
        Subscription("https://ct24.example/rss", "CT24", None, ("News", "Czech")),
        Subscription("http://ex.example/feed", "Ex", "http://ex.example/", ("News",)),
        Subscription("https://top.example/atom", "Top"),
    ]


def test_only_http_feed_urls_are_taken_and_sub_lists_skipped() -> None:
    urls = [s.url for s in read_opml(NESTED)]
    assert not any("passwd" in u or "/home/" in u or "more.opml" in u for u in urls)


def test_export_reads_back_the_same() -> None:
    subs = [
        Subscription(
            "https://example.org/feed.xml?a=1&b=2", "Ex & <ample>", "https://example.org/"
        ),
        Subscription("https://a.example/atom", "Čeština – ünïcode", None, ("News", "Czech")),
        Subscription("https://b.example/rss", "B", None, ("News",)),
    ]
    document = write_opml(subs)
    assert document.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<opml version=\"2.0\">")
    assert read_opml(document) == subs


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(hostile: bytes) -> None:
    document = hostile.replace(b"<rss", b"<opml").replace(b"</rss>", b"</opml>")
    with pytest.raises(UnreadableInput, match="declares XML entities; refused"):
        read_opml(document)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<opml><body><outline text='x'></body></opml>", "not well-formed XML (mismatched tag"),
        (b"", "not well-formed XML (no element found"),
        (b"<rss><channel/></rss>", "not an OPML file (its root element is <rss>)"),
        (b"<?xml version='1.0' encoding='klingon'?><opml/>", "not readable XML (unknown encoding"),
    ],
)
def test_what_is_not_opml_is_one_line(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput) as info:
        read_opml(data)
    assert str(info.value).startswith(message) and "\n" not in str(info.value)
