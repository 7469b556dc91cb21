from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from tread.core.errors import EmptyDocument, InputTooLarge, UnreadableInput
from tread.core.sources import load
from tread.core.text.decode import decode
from tread.core.text.sanitize import sanitize

SMART = "“Quoted” text — with a café’s accents."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SMART.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SMART.encode("utf-8"), "utf-8-sig"),
        (SMART.encode("utf-16"), "utf-16"),
        (SMART.encode("utf-32"), "utf-32"),
    ],
)
def test_unicode_encodings_with_and_without_bom(data: bytes, encoding: str) -> None:
    assert decode(data) == (SMART, encoding)


def test_cp1252_smart_quotes_and_latin1_accents() -> None:
    text = (
        "The “committee” met on Tuesday’s session — the café’s owner, "
        "Zoë Müller, said the résumé was naïve. "
    ) * 4
    decoded, _ = decode(text.encode("cp1252"))
    assert decoded == text
    latin = "Élève à l'école, garçon très poli, où êtes-vous allé déjà cet été? " * 4
    assert decode(latin.encode("latin-1"))[0] == latin


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (gzip.compress(b"hello world " * 100, mtime=0), "gzip-compressed"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "executable"),
        (bytes(range(32)) * 64, "binary file"),
    ],
)
def test_binary_data_is_refused_with_its_kind(data: bytes, needle: str) -> None:
    with pytest.raises(UnreadableInput, match=needle):
        decode(data)


def test_a_few_nul_bytes_in_good_text_are_dropped(tmp_path: Path) -> None:
    f = tmp_path / "nul.txt"
    f.write_bytes(b"A good sentence.\x00 Another good one." + b" More text here." * 20)
    assert "\x00" not in load(str(f)).text


def test_load_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        load(str(tmp_path / "missing.txt"))
    with pytest.raises(UnreadableInput, match="is a directory"):
        load(str(tmp_path))
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyDocument, match="empty file"):
        load(str(tmp_path / "empty.txt"))
    (tmp_path / "blank.txt").write_text(" \n\t\n  ")
    with pytest.raises(EmptyDocument, match="whitespace"):
        load(str(tmp_path / "blank.txt"))


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 300_000)
    monkeypatch.setenv("TREAD_MAX_INPUT_MB", "1")
    with pytest.raises(InputTooLarge, match=r"1 MB input limit .*TREAD_MAX_INPUT_MB"):
        load(str(f))


def test_markdown_markup_is_stripped_and_headings_kept(tmp_path: Path) -> None:
    f = tmp_path / "post.md"
    f.write_text(
        "# The *Big* Story\n\nIt was **very** [important](http://x.org). "
        "See `code` here.\n\n```\nprint('no')\n```\n\n## Part two\n\n- An item.\n"
    )
    article = load(str(f))
    assert article.title == "The Big Story"
    assert "**" not in article.text and "](" not in article.text and "print" not in article.text
    assert "It was very important. See code here." in article.text
    assert [article.text[s:e] for s, e in article.headings] == ["The Big Story", "Part two"]


def test_text_is_sanitised_on_load(tmp_path: Path) -> None:
    f = tmp_path / "evil.txt"
    f.write_bytes(b"Safe \x1b[2Jtext\x1b]52;c;aGk=\x07 here.\r\nNext\x07 line.")
    assert load(str(f)).text == "Safe text here.\nNext line."


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("title\x1b]0;pwned\x07!", "title!"),
        ("link \x1b]8;;http://e.x\x1b\\here\x1b]8;;\x1b\\", "link here"),
        ("dcs\x1bP1$qm\x1b\\ end", "dcs end"),
        ("apc\x1b_hidden\x1b\\ ok", "apc ok"),
        ("c1 \x9b2J csi", "c1  csi"),
        ("bell\x07 back\x08 del\x7f", "bell back del"),
        ("bidi \u202eevil\u202c", "bidi evil"),
        ("keep\ttabs\nand lines", "keep\ttabs\nand lines"),
        ("emoji 😀 and 中文", "emoji 😀 and 中文"),
        ("unterminated \x1b]0;title\nnext", "unterminated \nnext"),
    ],
)
def test_sanitize(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


def test_other_legacy_scripts_go_to_the_detector() -> None:
    russian = "Привет, как дела? Сегодня хорошая погода, и мы идём гулять в парк. " * 6
    assert decode(russian.encode("cp1251"))[0] == russian
