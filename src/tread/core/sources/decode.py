"""Bytes to text: BOMs, UTF-8, legacy 8-bit encodings, and a clear 'no' for binaries."""

from __future__ import annotations

import codecs
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
_WESTERN_MAX_ACCENTED: Final = 0.5


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for ``data``; raise UnreadableInput for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"invalid {encoding} text ({exc.reason})") from None
    for magic, what in _MAGIC:
        if data.startswith(magic) and _binary_share(data) > 0.0:
            raise UnreadableInput(f"binary file: {what}")
    if _binary_share(data) > 0.05:
        raise UnreadableInput("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
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
