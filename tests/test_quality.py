"""Lint, format and type checks run with the suite, so CI fails on them like on a test."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

#: every tree of Python code in the repository
TREES = ["src", "tests", "benchmarks", "scripts", "docs"]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    return subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def _mypy(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_ruff_finds_nothing() -> None:
    proc = _ruff("check", *TREES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_code_is_formatted() -> None:
    proc = _ruff("format", "--check", *TREES)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_mypy_as_configured_passes() -> None:
    """Plain ``mypy``, exactly as pyproject.toml configures it (the installed package,
    which needs its py.typed marker)."""
    proc = _mypy()
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_mypy_passes_on_benchmarks_and_scripts() -> None:
    """They import tread's modules by name: a module moved or renamed fails here."""
    proc = _mypy("benchmarks", "scripts", "docs")
    assert proc.returncode == 0, proc.stdout + proc.stderr
