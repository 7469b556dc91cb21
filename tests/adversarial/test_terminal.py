"""The reader under terminal settings that users set: NO_COLOR, and a crash's exit code."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.ui.conftest import settle
from tread.ui.app import Tread
from tread.ui.widgets.article_view import ArticleView


async def test_no_color_reader_renders_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR makes Textual add its monochrome filter, which failed on segments with
    no style: every line the article view draws has one."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = Tread([str(SEED)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.line_count > 10
        for y in range(view.size.height):
            assert all(seg.style is not None for seg in view.render_line(y))


def _run_in_pty(
    args: list[str], env: dict[str, str], keys: bytes, ready: bytes = b""
) -> tuple[int, bytes]:
    """Run ``args`` on a pseudo-terminal, send ``keys`` once it has drawn ``ready``,
    and return its exit code and everything it wrote."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execve(args[0], args, env)
    out = b""
    sent = False
    while True:
        readable, _, _ = select.select([fd], [], [], 20)
        if not readable:
            os.kill(pid, 9)
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if not sent and len(out) > 2000 and ready in out:
            os.write(fd, keys)
            sent = True
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TREAD_")}
    env |= {
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        "TREAD_CONFIG_DIR": str(tmp_path / "c"),
        "TREAD_DATA_DIR": str(tmp_path / "d"),
        **extra,
    }
    return env


def test_no_color_reader_starts_and_quits_cleanly(tmp_path: Path) -> None:
    tread = str(Path(sys.executable).with_name("tread"))
    # "Trump" is drawn once the article's text and its entities are on screen
    code, out = _run_in_pty([tread, str(SEED)], _env(tmp_path, NO_COLOR="1"), b"q", ready=b"Trump")
    assert b"Traceback" not in out and b"Error" not in out
    assert code == 0


def test_a_reader_that_crashes_exits_non_zero(tmp_path: Path) -> None:
    """A failure inside the app is reported by the exit code, not hidden behind 0."""
    script = tmp_path / "crash.py"
    script.write_text(
        "import sys\n"
        "from tread.ui.app import Tread\n"
        "def boom(self):\n"
        "    raise RuntimeError('boom')\n"
        "Tread.on_mount = boom\n"
        "from tread.cli import main\n"
        "sys.argv = ['tread', 'read', sys.argv[1]]\n"
        "main()\n",
        encoding="utf-8",
    )
    code, out = _run_in_pty([sys.executable, str(script), str(SEED)], _env(tmp_path), b"")
    assert b"boom" in out
    assert code != 0


def test_the_reader_without_a_terminal_says_so_instead_of_hanging(tmp_path: Path) -> None:
    """Output to a file or a pipe: one line and exit 1, where the reader used to draw
    into the file and wait for keys forever."""
    result = subprocess.run(
        [sys.executable, "-m", "tread", "read", str(SEED)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=_env(tmp_path),
        timeout=60,
        start_new_session=True,
    )
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode().strip() == (
        "tread: the reader needs a terminal, and standard output is not one; "
        "'tread summarize' prints for pipes"
    )
