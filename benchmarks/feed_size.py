"""A huge feed: `tread add --teasers` and `tread refresh` on an N-entry RSS file.

    python benchmarks/feed_size.py [--entries 100000] [--dated]

Writes the feed (title, link, guid and a one-line description per entry; with --dated a
pubDate too, in shuffled order) to a temporary folder, then runs tread in fresh
processes and prints wall time and peak memory. tread takes the newest 1,000 entries.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from _common import parser


def write_feed(path: Path, entries: int, dated: bool) -> None:
    order = list(range(entries))
    if dated:
        random.Random(1).shuffle(order)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>Big</title><link>http://e.example/</link>\n"
        )
        for i in order:
            date = f"<pubDate>{format_datetime(start + timedelta(minutes=i))}</pubDate>"
            fh.write(
                f"<item><title>Story {i}</title><link>http://e.example/{i}</link>"
                f"<guid>urn:s:{i}</guid>{date if dated else ''}"
                f"<description>Teaser {i}.</description></item>\n"
            )
        fh.write("</channel></rss>\n")


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--entries", type=int, default=100_000)
    p.add_argument("--dated", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "big.xml"
        write_feed(feed, args.entries, args.dated)
        env = {
            "TREAD_CONFIG_DIR": f"{tmp}/c",
            "TREAD_DATA_DIR": f"{tmp}/d",
            "TREAD_MAX_INPUT_MB": "64",
            "PATH": "",
        }
        library = f"{tmp}/lib.sqlite3"
        print(f"feed: {args.entries:,} entries, {feed.stat().st_size / 1e6:.1f} MB")
        print("| command | wall | peak RSS | output |\n|---|---|---|---|")
        for command in (["add", "--teasers", str(feed)], ["refresh"]):
            t = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "tread", *command, "--library", library],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            wall = time.perf_counter() - t
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            said = (out.stdout + out.stderr).strip().replace(str(feed), "FEED")
            print(f"| tread {command[0]} | {wall:.1f} s | {peak:.0f} MB | {said} |")


if __name__ == "__main__":
    main()
