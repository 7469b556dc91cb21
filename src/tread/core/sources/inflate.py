"""Content-Encoding, undone in bounded steps so that a size cap counts decoded bytes.

httpx decodes each network chunk through every layer at once: 7 KB of
``Content-Encoding: gzip, gzip`` (gzip of gzip of 4 GB of zeros) becomes gigabytes before a
byte cap checked after the chunk can say no. Here each layer is a generator that never
yields more than ``CHUNK`` bytes per step (zlib's ``max_length``, with the rest of its input
kept in ``unconsumed_tail``), so the consumer sees and counts the decoded bytes as they
come and can stop the whole chain after the first ``CHUNK`` over its limit. Memory stays
about ``CHUNK`` per layer plus what the consumer keeps.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Final

from tread.core.errors import UnreadableInput

CHUNK: Final = 64 * 1024
#: more layers than this are refused: no server needs them, and each costs a window
MAX_LAYERS: Final = 3
#: what tread asks for; anything else a server sends is refused
ACCEPT_ENCODING: Final = "gzip, deflate"
_IDENTITY: Final = frozenset({"", "identity"})


def decoded(raw: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """The body in ``raw`` with every layer of ``content_encoding`` undone, in pieces of
    at most ``CHUNK`` bytes; an unknown encoding is refused in one line."""
    layers = [name.strip().lower() for name in content_encoding.split(",")]
    layers = [name for name in layers if name not in _IDENTITY]
    if len(layers) > MAX_LAYERS:
        raise UnreadableInput(
            f"refused: {len(layers)} layers of Content-Encoding ({content_encoding.strip()[:80]})"
        )
    stream: Iterable[bytes] = raw
    for name in reversed(layers):  # the last encoding applied is the first undone
        if name in ("gzip", "x-gzip"):
            stream = _inflate(stream, name, gzip=True)
        elif name == "deflate":
            stream = _inflate(stream, name, gzip=False)
        else:
            raise UnreadableInput(
                f"unsupported Content-Encoding {name[:40]!r} (tread accepts {ACCEPT_ENCODING})"
            )
    return iter(stream)


def _inflate(source: Iterable[bytes], name: str, *, gzip: bool) -> Iterator[bytes]:
    decompressor = None
    try:
        for chunk in source:
            if decompressor is None:
                # "deflate" is meant to be zlib-wrapped; some servers send raw deflate
                wrapped = (
                    len(chunk) >= 2
                    and chunk[0] & 0x0F == 8
                    and (chunk[0] * 256 + chunk[1]) % 31 == 0
                )
                wbits = (
                    16 + zlib.MAX_WBITS
                    if gzip
                    else (zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
                )
                decompressor = zlib.decompressobj(wbits)
            if decompressor.eof:
                continue  # bytes after the end of the stream are ignored, as httpx does
            data = chunk
            while True:
                out = decompressor.decompress(data, CHUNK)
                if out:
                    yield out
                data = decompressor.unconsumed_tail
                if decompressor.eof or (not data and len(out) < CHUNK):
                    break
        if decompressor is not None:
            rest = decompressor.flush()  # small: every input byte was drained above
            if rest:
                yield rest
    except zlib.error:
        raise UnreadableInput(f"the download is not valid {name} data") from None
