"""Feeds in every encoding: decoded before the entity check, so a byte order mark or
UTF-16 cannot hide a DOCTYPE, multi-byte encodings parse, and an unknown encoding fails
alone in one line (issue 11, items 3 and 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.web import BILLION_LAUGHS, XXE, Route, serve
from tread.cli import cli
from tread.core.errors import UnreadableInput
from tread.core.sources.feed import parse_feed
from tread.core.store.library import Library

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link><description>{text}</description></item>"


def feed(
    encoding: str, title: str, entries: list[tuple[str, str, str]], codec: str | None = None
) -> bytes:
    items = "".join(ITEM.format(title=t, link=link, text=x) for t, link, x in entries)
    return RSS.format(encoding=encoding, title=title, items=items).encode(codec or encoding)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    # a traceback inside the command would show here as an exception other than exit
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("encoding", "title", "text"),
    [
        ("Shift_JIS", "東京の天気", "今日は晴れです。"),
        ("Big5", "台北的天氣", "今天是晴天。"),
        ("EUC-KR", "서울 날씨", "오늘은 맑습니다."),
        ("GB2312", "北京天气", "今天是晴天。"),
    ],
)
def test_multi_byte_feeds_parse(encoding: str, title: str, text: str) -> None:
    data = feed(
        encoding,
        "ニュース" if encoding == "Shift_JIS" else "News",
        [(title, "http://127.0.0.1:1/a", text)],
    )
    parsed = parse_feed(data)
    assert [(e.title, e.text) for e in parsed.entries] == [(title, text)]


def _encodings(doc: bytes) -> dict[str, bytes]:
    text = doc.decode("ascii")
    utf16 = text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    return {
        "utf-8 bom": b"\xef\xbb\xbf" + doc,
        "utf-8 bom and blank lines": b"\xef\xbb\xbf\n\n  " + doc,
        "utf-16-le bom": b"\xff\xfe" + utf16.encode("utf-16-le"),
        "utf-16-be bom": b"\xfe\xff" + utf16.encode("utf-16-be"),
        "utf-16-le": utf16.encode("utf-16-le"),
        "utf-16-be": utf16.encode("utf-16-be"),
        "utf-32-le bom": b"\xff\xfe\x00\x00" + text.encode("utf-32-le"),
        "declared latin-1": text.replace(
            '<?xml version="1.0"?>', '<?xml version="1.0" encoding="iso-8859-1"?>'
        ).encode(),
    }


CASES = [
    (f"{name}: {kind}", data)
    for kind, doc in (("billion laughs", BILLION_LAUGHS), ("xxe", XXE))
    for name, data in _encodings(doc).items()
]


@pytest.mark.parametrize("data", [d for _, d in CASES], ids=[n for n, _ in CASES])
def test_entity_declarations_are_refused_in_every_encoding(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="declares XML entities; refused"):
        parse_feed(data)


def test_entity_declarations_are_refused_in_malformed_xml() -> None:
    # '<x' in the DTD looks like the root element to a scan that stops there, and the
    # document is not well-formed, so an XML parser stops before the declarations
    tricky = b"""<?xml version="1.0"?>
<!-- a comment --><!DOCTYPE rss [<!ATTLIST rss a CDATA "<x">
<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title><item><title>&lol2;</title>"""
    with pytest.raises(UnreadableInput, match="declares XML entities; refused"):
        parse_feed(tricky)


def test_entity_declarations_are_refused_from_the_command_line(tmp_path: Path) -> None:
    bom = tmp_path / "bom.xml"
    bom.write_bytes(b"\xef\xbb\xbf" + BILLION_LAUGHS)
    utf16 = tmp_path / "utf16.rss"
    utf16.write_bytes(XXE.decode().encode("utf-16"))
    code, out, err = run("add", "--library", str(tmp_path / "lib.sqlite3"), str(bom), str(utf16))
    assert code == 1 and out == ""
    assert err.count("declares XML entities; refused") == 2 and err.count("\n") == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x-bogus", "unknown encoding ('x-bogus')"),
        ("base64", "not a character set ('base64')"),
        ("rot13", "not a character set ('rot13')"),
        ("punycode", "not a character set ('punycode')"),
    ],
)
def test_an_unusable_declared_encoding_is_refused_in_one_line(name: str, message: str) -> None:
    data = feed(name, "Bogus", [("t", "http://127.0.0.1:1/a", "Body.")], codec="ascii")
    with pytest.raises(
        UnreadableInput,
        match=r"the feed declares an.*" + message.replace("(", r"\(").replace(")", r"\)"),
    ):
        parse_feed(data)


@pytest.mark.parametrize(
    "data",
    [
        feed("Shift_JIS", "ニュース", []),
        "<?xml version='1.0' encoding='us-ascii'?><rss version='2.0'><channel><title>Café"
        "</title></channel></rss>".encode(),
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>',
    ],
    ids=["shift-jis", "misdeclared", "atom"],
)
def test_a_feed_without_entries_says_so(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match=r"^not a readable feed \(no entries\)$"):
        parse_feed(data)


def test_a_misdeclared_utf8_feed_keeps_its_accents() -> None:
    data = feed(
        "us-ascii", "News", [("Café crème", "http://127.0.0.1:1/a", "Déjà vu.")], codec="utf-8"
    )
    assert parse_feed(data).entries[0].title == "Café crème"


def test_a_bogus_feed_fails_alone_in_add_and_refresh(tmp_path: Path) -> None:
    library = str(tmp_path / "lib.sqlite3")
    headers = {"Content-Type": "application/rss+xml"}
    routes = {
        "/bogus.xml": Route(headers=headers),
        "/a.xml": Route(headers=headers),
        "/b.xml": Route(headers=headers),
    }
    with serve(routes) as base:

        def entries(name: str, n: int) -> list[tuple[str, str, str]]:
            return [
                (f"{name} story {i}", f"{base}/{name}/{i}", f"Story {i} of {name}. " * 200)
                for i in range(n)
            ]

        routes["/bogus.xml"].body = feed("x-bogus", "Bogus", entries("bogus", 1), "ascii")
        routes["/a.xml"].body = feed("utf-8", "A feed", entries("a", 2))
        routes["/b.xml"].body = feed("Shift_JIS", "B フィード", entries("b", 2))
        code, out, err = run(
            "add", "--library", library, f"{base}/bogus.xml", f"{base}/a.xml", f"{base}/b.xml"
        )
        assert code == 1
        assert (
            err == f"tread: {base}/bogus.xml: the feed declares an unknown encoding ('x-bogus')\n"
        )
        assert "feed A feed: 2 new" in out and "feed B フィード: 2 new" in out
        # the first feed refreshed (by title) turns bad; the one after it still refreshes
        routes["/a.xml"].body = feed("x-bogus", "A feed", entries("a", 3), "ascii")
        routes["/b.xml"].body = feed("Shift_JIS", "B フィード", entries("b", 3))
        code, out, err = run("refresh", "--library", library)
        assert code == 1
        assert err == f"tread: {base}/a.xml: the feed declares an unknown encoding ('x-bogus')\n"
        assert out == f"{base}/b.xml: B フィード: 1 new, 2 already here\n"
    with Library(Path(library)) as lib:
        assert lib.count() == 5


def test_a_parser_failure_on_one_feed_does_not_stop_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tread.core.sources.feed as feed_module

    real = feed_module.parse_feed

    def fragile(data: bytes, **kwargs: object) -> object:
        if b"Fragile" in data:
            raise ValueError("a parser gave up")
        return real(data, **kwargs)  # type: ignore[arg-type]

    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_bytes(feed("utf-8", "A Fragile", [("a", "http://127.0.0.1:1/a", "A.")]))
    second.write_bytes(feed("utf-8", "B Fine", [("b", "http://127.0.0.1:1/b", "B.")]))
    library = str(tmp_path / "lib.sqlite3")
    with Library(Path(library)) as lib:
        lib.add_feed(str(first), "A", fetch_full=False)
        lib.add_feed(str(second), "B", fetch_full=False)
    monkeypatch.setattr(feed_module, "parse_feed", fragile)
    code, out, err = run("refresh", "--library", library)
    assert code == 1
    assert err == f"tread: {first}: not a readable feed (ValueError: a parser gave up)\n"
    assert out == f"{second}: B Fine: 1 new, 0 already here\n"
