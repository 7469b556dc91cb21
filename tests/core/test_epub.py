"""EPUB books: the bundled sample, and hostile or broken ones made from it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tread.core.errors import InputTooLarge, UnreadableInput
from tread.core.sources import epub, load

SAMPLE = SAMPLES / "moby-dick-ch1-3.epub"


def test_chapters_are_headings_in_reading_order() -> None:
    article = load(str(SAMPLE))
    assert [article.text[s:e] for s, e in article.headings] == [
        "Moby-Dick; or, The Whale",
        "CHAPTER 1. Loomings.",
        "CHAPTER 2. The Carpet-Bag.",
        "CHAPTER 3. The Spouter-Inn.",
    ]
    assert (article.title, article.author) == ("Moby-Dick; or, The Whale", "Herman Melville")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[2].startswith("Call me Ishmael. Some years ago--never mind how long")
    assert len(paragraphs) == 107  # the title, 3 chapter titles, 103 paragraphs


def rebuilt(changes: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    """The sample with members replaced or added (``mimetype`` stays first)."""
    out = io.BytesIO()
    with zipfile.ZipFile(SAMPLE) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = changes.pop(info.filename, None) or source.read(info)
            compress = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, data, compress_type=compress)
        for name, data in changes.items():
            target.writestr(name, data)
    return out.getvalue()


def member(name: str) -> bytes:
    with zipfile.ZipFile(SAMPLE) as source:
        return source.read(name)


def test_toc_titles_mark_chapters_set_as_plain_paragraphs(tmp_path: Path) -> None:
    """LibreOffice's EPUBs style chapter titles as <p>: the TOC names them."""
    chapter = member("OEBPS/ch001.xhtml").replace(b"<h1", b"<p").replace(b"</h1>", b"</p>")
    path = tmp_path / "styled.epub"
    path.write_bytes(rebuilt({"OEBPS/ch001.xhtml": chapter}))
    article = load(str(path))
    start, end = article.headings[1]
    assert article.text[start:end] == "CHAPTER 1. Loomings."
    assert article.text.count("CHAPTER 1. Loomings.") == 1


LAUGHS = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def with_doctype(name: str) -> bytes:
    data = member(name)
    return data.replace(b"?>", b"?>" + LAUGHS, 1)


@pytest.mark.parametrize(
    ("changes", "drop", "error", "message"),
    [
        (
            {"OEBPS/content.opf": with_doctype("OEBPS/content.opf")},
            (),
            UnreadableInput,
            "the EPUB's OEBPS/content.opf declares XML entities; refused",
        ),
        (
            {"OEBPS/ch002.xhtml": with_doctype("OEBPS/ch002.xhtml")},
            (),
            UnreadableInput,
            "the EPUB's OEBPS/ch002.xhtml declares XML entities; refused",
        ),
        (
            {
                "META-INF/encryption.xml": b'<encryption xmlns="urn:oasis:names:tc:opendocument'
                b':xmlns:container"><EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#">'
                b'<EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>'
                b"</EncryptedData></encryption>"
            },
            (),
            UnreadableInput,
            "the EPUB is encrypted (DRM); tread cannot read it",
        ),
        ({}, ("META-INF/container.xml",), UnreadableInput, "'META-INF/container.xml' is missing"),
    ],
    ids=["entities-in-package", "entities-in-chapter", "drm", "no-container"],
)
def test_hostile_and_broken_books_are_one_line(
    changes: dict[str, bytes],
    drop: tuple[str, ...],
    error: type[Exception],
    message: str,
    tmp_path: Path,
) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(rebuilt(dict(changes), drop))
    with pytest.raises(error) as info:
        load(str(path))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_a_member_that_inflates_past_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap holds on the bytes read, whatever the zip header says."""
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 100_000)
    chapter = member("OEBPS/ch001.xhtml").replace(b"</p>", b" " * 200_000 + b"</p>", 1)
    path = tmp_path / "bomb.epub"
    path.write_bytes(rebuilt({"OEBPS/ch001.xhtml": chapter}))
    with pytest.raises(InputTooLarge, match="too large unpacked"):
        load(str(path))


def test_a_zip_that_is_not_an_epub_says_so(tmp_path: Path) -> None:
    path = tmp_path / "x.epub"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableInput, match=r"^not a readable EPUB"):
        load(str(path))
