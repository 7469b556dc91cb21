from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
SEED = SAMPLES / "la-ice-operation.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real home: config, data and cache dirs all live under tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("TREAD_CONFIG_DIR", "tread-config"),
        ("TREAD_DATA_DIR", "tread-data"),
    ):
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TREAD_MAX_INPUT_MB", raising=False)
    return home


@pytest.fixture(scope="session")
def spacy_ner() -> Any:
    """spaCy's extractor with corrections, loaded once for the whole session. Every other
    extractor the session makes for the same model (the reader's, each command's) shares
    this pipeline: spacy_backend keeps one loaded pipeline per model and process."""
    from tread.core.entities.spacy_backend import SpacyEntityExtractor

    extractor = SpacyEntityExtractor()
    extractor.load()
    return extractor
