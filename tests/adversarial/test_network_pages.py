"""Pages a server shapes against the reader: a huge inline script, a charset only the
header names, a charset that does not exist."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from tests.web import ARTICLE, Route, serve
from tread.core.errors import UnreadableInput
from tread.core.sources import load
from tread.core.sources.html import without_scripts
from tread.core.text.decode import decode

RUSSIAN = (
    "Городской совет утвердил новый бюджет общественного транспорта во вторник. "
    "Двенадцать автобусных линий появятся в северных районах города. "
) * 6


@pytest.fixture(autouse=True)
def direct(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TREAD_TIMEOUT", "5")


def page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head>{head}<title>Bus lines</title></head><body>"
        f"<article><h1>Bus lines</h1><p>{body}</p></article></body></html>"
    )


def test_a_15_mb_inline_script_does_not_hide_the_article(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TREAD_MAX_DOWNLOAD_MB", "32")
    monkeypatch.setenv("TREAD_MAX_INPUT_MB", "32")
    script = b"<script>var blob = '" + b"x" * (15 * 1024 * 1024) + b"';</script>"
    huge = ARTICLE.replace(b"</head>", script + b"</head>")
    with serve({"/huge.html": Route(huge)}) as base:
        article = load(f"{base}/huge.html")
    assert "twelve bus lines" in article.text and "blob" not in article.text
    (tmp_path / "huge.html").write_bytes(huge)
    assert "twelve bus lines" in load(str(tmp_path / "huge.html")).text


def test_utf16le_without_bom_is_read_in_the_charset_the_header_names() -> None:
    body = page(RUSSIAN).encode("utf-16-le")
    assert not body.startswith(codecs.BOM_UTF16_LE)
    headers = {"Content-Type": "text/html; charset=UTF-16LE"}
    with serve({"/p": Route(body, headers=headers)}) as base:
        article = load(f"{base}/p")
    assert "Двенадцать автобусных линий" in article.text


@pytest.mark.parametrize("charset", ["x-bogus", "base64", "rot13", '"unicode_escape"'])
def test_an_unknown_charset_in_the_header_is_one_line(charset: str) -> None:
    headers = {"Content-Type": f"text/html; charset={charset}"}
    with (
        serve({"/p": Route(page("Text.").encode(), headers=headers)}) as base,
        pytest.raises(UnreadableInput) as info,
    ):
        load(f"{base}/p")
    name = charset.strip('"')
    assert str(info.value) == f"unknown charset {name!r} in the Content-Type header"


def test_the_charset_a_document_declares_is_used_when_the_header_names_none() -> None:
    body = page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")
    with serve({"/p": Route(body)}) as base:
        assert "Двенадцать автобусных линий" in load(f"{base}/p").text


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        (codecs.BOM_UTF8 + "café".encode(), "iso-8859-1", ("café", "utf-8-sig")),
        ("“quoted”".encode("cp1252"), "iso-8859-1", ("“quoted”", "cp1252")),  # as browsers
        ("café".encode(), "utf-8", ("café", "utf-8")),
        ("café".encode(), "iso-8859-2", ("cafĂŠ", "iso8859-2")),  # the header is believed
        ("naïve".encode("cp1252"), "utf-8", ("naïve", "cp1252")),  # mislabelled: detected
        ("hi".encode("utf-16-le"), "utf-16", ("hi", "utf-16-le")),
    ],
)
def test_decode_order(data: bytes, declared: str, expected: tuple[str, str]) -> None:
    assert decode(data, declared) == expected


def test_declared_utf16_that_is_not_is_refused_in_one_line() -> None:
    with pytest.raises(UnreadableInput, match=re.escape("invalid utf-16-le text")):
        decode(b"abc", "utf-16le")


def test_scripts_styles_and_comments_go_in_one_pass_and_json_ld_stays() -> None:
    html = (
        '<p>a</p><SCRIPT src=x>var s = "<!-- </p>";</script ><p>b</p><!-- c -->'
        '<style>p{}</style><script type="application/ld+json">{"author": "Jane"}'
        "</script><p>d</p><script>never closed"
    )
    assert without_scripts(html) == (
        '<p>a</p><p>b</p><script type="application/ld+json">{"author": "Jane"}</script><p>d</p>'
    )
    assert without_scripts("<p>x</p>" + "<script " * 100_000) == "<p>x</p>"
