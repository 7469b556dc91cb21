"""Where tread keeps its config, data and cache; each overridable by an env variable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

APP: Final = "tread"


def _dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override).expanduser()
    import platformdirs

    getter = getattr(platformdirs, f"user_{kind}_dir")
    return Path(getter(APP, appauthor=False))


def config_dir() -> Path:
    return _dir("TREAD_CONFIG_DIR", "config")


def data_dir() -> Path:
    return _dir("TREAD_DATA_DIR", "data")


def cache_dir() -> Path:
    return _dir("TREAD_CACHE_DIR", "cache")


def config_file() -> Path:
    return config_dir() / "config.toml"
