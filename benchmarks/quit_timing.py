"""How long `q` takes to give the shell back while the reader analyses a long book.

    python benchmarks/quit_timing.py [--sentences 5000] [--repeat 3] [--baseline-src DIR]

Runs `tread read BOOK` on a pseudo-terminal (the first N sentences of Moby-Dick), waits
until the entity index says it is finding entities and `--busy` seconds more, sends
`q`, and times the exit. `--baseline-src` runs the same against another tread's
src/ folder (e.g. an older commit's, from `git archive`), side by side.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import first_sentences, parser

MARK = b"finding entities"


def _read(fd: int, timeout: float) -> bytes:
    readable, _, _ = select.select([fd], [], [], timeout)
    if not readable:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def quit_time(book: Path, env: dict[str, str], busy: float, limit: float) -> float:
    """Seconds from `q` to the process's exit (``limit`` when it had not exited)."""
    tread = str(Path(sys.executable).with_name("tread"))
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(tread, [tread, str(book)], env)
    seen = b""
    deadline = time.monotonic() + 120
    while MARK not in seen and time.monotonic() < deadline:
        seen = (seen + _read(fd, 0.1))[-4096:]
    end = time.monotonic() + busy
    while time.monotonic() < end:
        _read(fd, 0.05)
    os.write(fd, b"q")
    sent = time.monotonic()
    while time.monotonic() - sent < limit:
        _read(fd, 0.01)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            elapsed = time.monotonic() - sent
            os.close(fd)
            return elapsed
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return limit


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--sentences", type=int, default=5000)
    p.add_argument("--busy", type=float, default=2.0, help="seconds of analysis before q")
    p.add_argument("--limit", type=float, default=60.0, help="give up waiting after this")
    p.add_argument("--baseline-src", type=Path, default=None)
    args = p.parse_args()
    text = (args.shared / "sample_articles" / "long" / "moby-dick.txt").read_text("utf-8")
    runs: list[tuple[str, str | None]] = [("this tree", None)]
    if args.baseline_src:
        runs.insert(0, ("baseline", str(args.baseline_src)))
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.txt"
        book.write_text(first_sentences(text, args.sentences), encoding="utf-8")
        print(f"article: first {args.sentences} sentences of Moby-Dick, "
              f"{len(book.read_text(encoding='utf-8').split())} words; q after "
              f"{args.busy} s of entity finding; {args.repeat} runs")  # fmt: skip
        print("| reader | median | runs |\n|---|---|---|")
        for name, src in runs:
            times = []
            for i in range(args.repeat):
                env = {k: v for k, v in os.environ.items() if not k.startswith("TREAD_")}
                env |= {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
                env |= {"TREAD_CONFIG_DIR": f"{tmp}/c{name}{i}", "TREAD_DATA_DIR": f"{tmp}/d"}
                if src:
                    env["PYTHONPATH"] = src
                times.append(quit_time(book, env, args.busy, args.limit))
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(f"| {name} | {statistics.median(times):.2f} s | {shown} |")


if __name__ == "__main__":
    main()
