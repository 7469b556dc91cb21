"""User settings: a dataclass saved as TOML in the config directory."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from tread.core.locations import config_file


@dataclass
class Config:
    algorithm: str = "tread"
    sentences: int = 5
    language: str = "english"
    theme: str = "textual-dark"
    words_per_minute: int = 230
    #: spaCy pipeline to use for entities; empty: the first installed small English one
    model: str = ""
    hidden_kinds: list[str] = field(default_factory=list)
    show_list: bool = True
    show_side: bool = True
    last_article: str = ""
    #: mark a library article read when it is opened
    mark_read_on_open: bool = True
    #: binding id -> keys, e.g. {"next-summary" = "n,right_square_bracket"}
    keys: dict[str, str] = field(default_factory=dict)


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """The saved config (defaults for anything missing) and a warning if it was broken.

    A broken file never stops tread: its problem is reported and defaults are used.
    """
    path = path or config_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(), f"{path}: ignored ({exc})"
    known = {f.name: f for f in fields(Config)}
    values: dict[str, Any] = {}
    defaults = asdict(Config())
    for key, value in raw.items():
        if key in known and isinstance(value, type(defaults[key])):
            values[key] = value
    return Config(**values), None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value))


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config atomically (a temp file renamed over the old one)."""
    path = path or config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    tables = []
    for key, value in asdict(config).items():
        if isinstance(value, dict):
            tables.append(f"\n[{key}]")
            tables += [f"{json.dumps(k)} = {_toml_value(v)}" for k, v in sorted(value.items())]
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines + tables) + "\n", encoding="utf-8")
    os.replace(tmp, path)
