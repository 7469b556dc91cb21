"""Stemmers load only for the language used, print nothing, and bring no test tools."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, requires

import pytest

from tread.core.text.stemmers import stemmer

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _runtime_closure(package: str) -> set[str]:
    """Every distribution ``package`` needs at run time (no extras), transitively."""
    seen: set[str] = set()
    todo = [package]
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        for req in reqs:
            if "extra ==" in req.split(";", 1)[-1] and ";" in req:
                continue
            m = _NAME.match(req)
            if m:
                todo.append(m.group(1))
    return seen


def test_runtime_requirements_bring_no_test_tools() -> None:
    closure = _runtime_closure("tread")
    assert "sumy" in closure and "snowballstemmer" in closure  # the walk reads real metadata
    assert not {"pytest", "pytest-cov", "coverage"} & closure


def test_polish_stems_with_snowball_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    stem = stemmer("polish")
    assert stem("książkami") == stem("książki") == "książk"
    assert stem("Prezydentem") == "prezydent"  # lower-case, as sumy's stemmers give
    assert capsys.readouterr().err == ""


def test_greek_stems_with_snowball() -> None:
    stem = stemmer("greek")
    assert stem("ΚΥΒΕΡΝΗΣΗ") == stem("κυβέρνηση") == stem("κυβέρνησης")


def test_other_languages_keep_sumys_stemmers() -> None:
    assert stemmer("english")("running") == "run"
    assert stemmer("czech")("ministerstvem") == stemmer("czech")("ministerstvo")


def test_one_language_loads_only_its_own_stemmer() -> None:
    code = (
        "import sys; from tread.core.text.stemmers import stemmer; stemmer('polish')('domu');"
        "print(sorted(m for m in ('pystempel', 'greek_stemmer', 'nltk', 'sumy')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]" and out.stderr == ""
