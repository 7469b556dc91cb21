"""Hostile servers on loopback against tread's downloads: time and peak memory.

    python benchmarks/network_limits.py

Each case runs in a fresh process (peak RSS is VmHWM, Linux) and prints one row:
a 4 GB double-gzip bomb (6.8 KB on the wire), a page with a 15 MB inline script, and
servers that trickle their body, dribble their headers or send endless
``102 Processing`` (TREAD_TIMEOUT=2, one piece a second for ten minutes).
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.web import Route

ROOT = Path(__file__).resolve().parents[1]
CASES = ("gzip-bomb-4GB", "script-15MB", "trickled-body", "dribbled-headers", "102-flood")


def _bomb() -> bytes:
    inner = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    layer = [inner.compress(block) for _ in range(4096)]
    return gzip.compress(b"".join([*layer, inner.flush()]), 9)


def _routes(case: str) -> dict[str, Route]:
    from tests.web import ARTICLE, Route

    def drip(head: bytes, piece: bytes) -> Route:
        return Route(
            trickle=lambda: itertools.chain([head], itertools.repeat(piece, 600)), interval=1.0
        )

    if case == "gzip-bomb-4GB":
        return {
            "/": Route(
                _bomb(), headers={"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}
            )
        }
    if case == "script-15MB":
        os.environ["TREAD_MAX_DOWNLOAD_MB"] = "32"
        return {
            "/": Route(
                ARTICLE.replace(
                    b"</head>", b"<script>var blob='" + b"x" * (15 << 20) + b"';</script></head>"
                )
            )
        }
    os.environ["TREAD_TIMEOUT"] = "2"
    return {
        "/": {
            "trickled-body": drip(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9999\r\n\r\n", b"x"
            ),
            "dribbled-headers": drip(b"HTTP/1.1 200 OK\r\n", b"X-Drip: 1\r\n"),
            "102-flood": drip(b"", b"HTTP/1.1 102 Processing\r\n\r\n"),
        }[case]
    }


def _run(case: str) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.web import serve

    from tread.core.errors import TreadError
    from tread.core.sources import load

    with serve(_routes(case)) as base:
        start = time.perf_counter()
        try:
            article = load(base + "/")
            outcome = f"read: {article.title} ({len(article.text)} chars)"
        except TreadError as exc:
            outcome = f"refused: {exc}"
        took = time.perf_counter() - start
    found = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
    peak = int(found.group(1)) // 1024 if found else -1
    print(f"| {case} | {took:.2f} s | {peak} MB | {outcome} |")


def main() -> None:
    if len(sys.argv) > 1:
        _run(sys.argv[1])
        return
    print("| case | time | peak RSS | outcome |\n|---|---|---|---|")
    for case in CASES:
        subprocess.run([sys.executable, __file__, case], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
