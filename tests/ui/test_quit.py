"""Defect 8: `q` during a long analysis waited for it (10 to 25 s on a book). The
reader now quits whatever is running: here an entity backend that never returns
(as spaCy deep in a long text cannot be interrupted) must not hold up the exit.

No time is asserted (benchmarks/quit_timing.py measures it); the test only fails
when the process is still there long after `q`, which is what the old reader did.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED

STUCK = """
import sys, threading
from pathlib import Path
from tread.core.entities.registry import Backend, register_backend

ARTICLE, MARKER = sys.argv[1], Path(sys.argv[2])


class Stuck:
    name = model_name = "stuck"
    def extract(self, text, cancelled=None):
        MARKER.write_text("started")
        threading.Event().wait()  # never returns, never looks at `cancelled`
    def describe(self):
        return "stuck"
    def cache_key(self):
        return None

register_backend(Backend("stuck", "never returns", lambda model, corrections: Stuck()))
from tread.cli import main
sys.argv = ["tread", "read", ARTICLE]
main()
"""

HANG_GUARD = 60.0  # far beyond any quit: only a reader that waits for its work gets here


def _drain(fd: int, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        readable, _, _ = select.select([fd], [], [], 0.1)
        if readable:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def test_quit_does_not_wait_for_a_stuck_analysis(tmp_path: Path) -> None:
    script, marker, article = tmp_path / "stuck.py", tmp_path / "started", tmp_path / "a.txt"
    script.write_text(STUCK, encoding="utf-8")
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "c"
    config.mkdir()
    (config / "config.toml").write_text('entity_backend = "stuck"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TREAD_")}
    env |= {
        "TERM": "xterm-256color",
        "TREAD_CONFIG_DIR": str(config),
        "TREAD_DATA_DIR": str(tmp_path / "d"),
    }
    status = None
    pid, fd = pty.fork()
    if pid == 0:  # the child: the reader on a pseudo-terminal
        os.execve(sys.executable, [sys.executable, str(script), str(article), str(marker)], env)
    try:
        out, waited = b"", 0.0
        while not marker.exists() and waited < HANG_GUARD:
            out += _drain(fd, 0.2)
            waited += 0.2
        assert marker.exists(), f"the entity backend never started: {out[-2000:]!r}"
        os.write(fd, b"q")
        deadline = time.monotonic() + HANG_GUARD
        while status is None and time.monotonic() < deadline:
            _drain(fd, 0.1)
            done, raw = os.waitpid(pid, os.WNOHANG)
            status = raw if done else None
        assert status is not None, "the reader was still running long after q"
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


@pytest.mark.slow
def test_quit_while_spacy_works_on_a_book_exits_cleanly(tmp_path: Path) -> None:
    """`q` while spaCy is deep in a long text: the interpreter must not be finalised
    under it (that aborted in spaCy's BLAS: "libblis: Aborting.", exit status 134)."""
    book = tmp_path / "book.txt"
    story = SEED.read_text(encoding="utf-8")
    book.write_text("\n\n".join([story] * 120), encoding="utf-8")  # ~47,000 words
    env = {k: v for k, v in os.environ.items() if not k.startswith("TREAD_")}
    env |= {
        "TERM": "xterm-256color",
        "TREAD_CONFIG_DIR": str(tmp_path / "c"),
        "TREAD_DATA_DIR": str(tmp_path / "d"),
        "COLUMNS": "120",  # wide enough for the entity index, which says what it does
        "LINES": "40",
    }
    status = None
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "tread", "read", str(book)], env)
    try:
        out, waited = b"", 0.0
        while b"finding entities" not in out and waited < HANG_GUARD:
            out += _drain(fd, 0.2)
            waited += 0.2
        assert b"finding entities" in out, f"the entity search never started: {out[-2000:]!r}"
        out += _drain(fd, 1.5)  # spaCy is now inside the text
        os.write(fd, b"q")
        deadline = time.monotonic() + HANG_GUARD
        while status is None and time.monotonic() < deadline:
            out += _drain(fd, 0.1)
            done, raw = os.waitpid(pid, os.WNOHANG)
            status = raw if done else None
        assert status is not None, "the reader was still running long after q"
        assert os.waitstatus_to_exitcode(status) == 0, out[-2000:]
        assert b"Abort" not in out
    finally:
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
