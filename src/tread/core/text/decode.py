"""Bytes to text: BOMs, UTF-8, legacy 8-bit encodings, and a clear 'no' for binaries."""

from __future__ import annotations

import codecs
import re
from typing import Final

from tread.core.errors import UnreadableInput

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: Final = (
    (b"\x1f\x8b", "gzip-compressed data; decompress it first (e.g. zcat FILE | tread ... -)"),
    (b"BZh", "bzip2-compressed data; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed data; decompress it first"),
    (b"PK\x03\x04", "a zip archive (or an office document), not text"),
    (b"%PDF-", "a PDF document, not text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x7fELF", "an executable (ELF), not text"),
    (b"MZ", "an executable (DOS/Windows), not text"),
    (b"\xca\xfe\xba\xbe", "a binary (Mach-O or Java class), not text"),
    (b"SQLite format 3\x00", "an SQLite database, not text"),
)
_SNIFF: Final = 8192
#: how far into a document its own charset declaration is looked for: a page's <meta>
#: often comes after a kilobyte of other head elements (browsers re-decode when they
#: meet it late), and Czech read as Windows-1252 is mojibake
_DECLARED_WITHIN: Final = 64 * 1024
_WESTERN_MAX_ACCENTED: Final = 0.5
#: labels browsers read as another encoding (WHATWG Encoding Standard); UTF-16 and UTF-32
#: without a BOM are little-endian there
_ALIASES: Final = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "utf-16": "utf-16-le",
    "utf-32": "utf-32-le",
}
#: Python codecs that read bytes into str but are no character set
_NOT_CHARSETS: Final = frozenset(
    {"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"}
)
#: a charset named in the document itself: an XML declaration or an HTML <meta>
_IN_DOCUMENT: Final = re.compile(
    rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]{1,40})|"""
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]{1,40})""",
    re.IGNORECASE,
)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) for ``data``; raise UnreadableInput for binary data.

    The encoding is, in this order: a byte-order mark (as browsers do: it outranks the
    header); ``declared``, the charset a Content-Type header names (an unknown name is
    refused in one line; bytes that do not decode in it go on to the steps below, since
    servers mislabel); UTF-8; the charset the document declares in its first KB (an XML
    declaration or a <meta>, used only for bytes that are not UTF-8, as mislabelled UTF-8
    is common; an unknown name there is ignored); then detection. UTF-16 and UTF-32 are
    only read from a BOM or a declared charset, never guessed: their NUL bytes would
    otherwise look binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"invalid {encoding} text ({exc.reason})") from None
    if declared is not None:
        name = _charset(declared)
        if name is None:
            shown = " ".join(declared.split())[:40]
            raise UnreadableInput(f"unknown charset {shown!r} in the Content-Type header")
        if name.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"invalid {name} text ({exc.reason})") from None
        _refuse_binary(data)
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass  # mislabelled: find the real encoding below
    _refuse_binary(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    own = _IN_DOCUMENT.search(data[:_DECLARED_WITHIN])
    name = _charset((own.group(1) or own.group(2)).decode("ascii")) if own else None
    if name is not None and not name.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    western = _as_western(data)
    if western is not None:
        return western, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        # not binary by the counts above, but in no known encoding: keep what is there
        return data.decode("utf-8", errors="replace"), "utf-8 (invalid bytes replaced)"
    return str(best), best.encoding


def _charset(label: str) -> str | None:
    """The codec for a charset label, or None when Python has no text codec of that name."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    # CPython marks bytes-to-bytes codecs (base64, zlib, ...) as not text encodings
    if name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return _ALIASES.get(name, name)


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic) and _binary_share(data) > 0.0:
            raise UnreadableInput(f"binary file: {what}")
    if _binary_share(data) > 0.05:
        raise UnreadableInput("binary file, not text")


def _as_western(data: bytes) -> str | None:
    """``data`` as Windows-1252 when that reads as Western European text, else None.

    Short cp1252 and latin-1 texts are where detectors guess wrong (a cp1250 'ď' for
    an 'ï'), and they are the commonest legacy encodings by far: accept cp1252 when
    every byte is defined there and accented letters stand among mostly plain ASCII
    letters, as they do in English, French, German, Spanish... Text in another script
    read as cp1252 is nearly all accented letters and goes to the detector instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in text if c.isalpha() and not c.isascii())
    if letters and accented / letters < _WESTERN_MAX_ACCENTED:
        return text
    return None


def _binary_share(data: bytes) -> float:
    """Share of bytes in the first few KB that no text encoding uses (NUL and C0)."""
    head = data[:_SNIFF]
    if not head:
        return 0.0
    bad = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return bad / len(head)
