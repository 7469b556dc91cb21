"""User settings: a dataclass kept in ``config.toml`` in the config directory.

The file belongs to the user. Reading it never fails: a value of the wrong type or out
of range is reported by name and its default used, and a file that does not parse is
reported and left alone. Writing changes only the settings that changed, in place
(tomlkit keeps comments, order and keys tread does not know), and never happens to a
file that did not parse: the user's typo is theirs to fix, not ours to erase.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Final

from tread.core.errors import TreadError
from tread.core.locations import config_file


class ConfigError(TreadError):
    """The config file cannot be written without losing what the user wrote."""


@dataclass
class Config:
    algorithm: str = "auto"
    sentences: int = 5
    language: str = "english"
    theme: str = "textual-dark"
    words_per_minute: int = 230
    #: spaCy pipeline to use for entities; empty: the first installed small English one
    model: str = ""
    #: which entity backend finds the entities (tread.core.entities.registry)
    entity_backend: str = "spacy"
    hidden_kinds: list[str] = field(default_factory=list)
    show_list: bool = True
    show_side: bool = True
    #: the list's and the side pane's widths in cells (0: they follow the terminal)
    list_width: int = 0
    side_width: int = 0
    last_article: str = ""
    #: mark a library article read when it is opened
    mark_read_on_open: bool = True
    #: binding id -> keys, e.g. {"next-summary" = "n,right_square_bracket"}
    keys: dict[str, str] = field(default_factory=dict)


MAX_SENTENCES: Final = 50


def _int_in(low: int, high: int) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return type(value) is int and low <= value <= high

    check.__doc__ = f"a whole number from {low} to {high}"
    return check


def _of_type(kind: type) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return type(value) is kind

    check.__doc__ = {str: "a string", bool: "true or false"}[kind]
    return check


def _algorithm(value: Any) -> bool:
    """the name of an algorithm (tread summarize --help lists them)"""
    from tread.core.summarizers.registry import ALGORITHMS

    return isinstance(value, str) and value in ALGORITHMS


def _entity_backend(value: Any) -> bool:
    """the name of an entity backend (tread doctor shows the one in use)"""
    from tread.core.entities.registry import BACKENDS

    return isinstance(value, str) and value in BACKENDS


def _language(value: Any) -> bool:
    """a language tread supports (tread doctor lists them)"""
    from tread.core.text.languages import normalize_language

    try:
        return isinstance(value, str) and bool(normalize_language(value))
    except TreadError:
        return False


def _strings(value: Any) -> bool:
    """a list of strings"""
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


#: what each setting accepts (its docstring is the phrase used in warnings)
_CHECKS: Final[dict[str, Callable[[Any], bool]]] = {
    "algorithm": _algorithm,
    "sentences": _int_in(1, MAX_SENTENCES),
    "language": _language,
    "theme": _of_type(str),
    "words_per_minute": _int_in(20, 2000),
    "model": _of_type(str),
    "entity_backend": _entity_backend,
    "hidden_kinds": _strings,
    "show_list": _of_type(bool),
    "show_side": _of_type(bool),
    "list_width": _int_in(0, 400),
    "side_width": _int_in(0, 400),
    "last_article": _of_type(str),
    "mark_read_on_open": _of_type(bool),
}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def from_mapping(raw: dict[str, Any]) -> tuple[Config, list[str]]:
    """A Config from parsed TOML, and one note per value that could not be used."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key == "keys":
            if not isinstance(value, dict):
                problems.append('[keys] must be a table of binding id = "keys"')
                continue
            good = {k: v for k, v in value.items() if isinstance(v, str)}
            problems += [
                f'[keys] {k!r} must be a string of keys, e.g. "n,j" (got {_shown(v)})'
                for k, v in value.items()
                if k not in good
            ]
            values["keys"] = good
        elif key in _CHECKS:
            check = _CHECKS[key]
            if check(value):
                values[key] = value
                if key == "language":  # "de" and "German" mean german
                    from tread.core.text.languages import normalize_language

                    values[key] = normalize_language(value)
            else:
                problems.append(f"{key!r} must be {check.__doc__} (got {_shown(value)})")
        # keys tread does not know are left alone: another version may use them
    return Config(**values), problems


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """The saved config (defaults for anything missing or unusable) and, when something
    was wrong, one line saying what."""
    path = path or config_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(), (
            f"{path}: not read ({exc}); defaults in use, and the file "
            "will not be changed until it is fixed"
        )
    config, problems = from_mapping(raw)
    if problems:
        return config, f"{path}: defaults used for " + "; ".join(problems)
    return config, None


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the settings that differ from the file's, keeping everything else in it.

    Raises ConfigError when the file exists but does not parse (it is never replaced
    then) and OSError when it cannot be written. The write is atomic (a temp file
    renamed over the old one).
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = path or config_file()
    try:
        original = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        original = ""
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8; not changed") from None
    try:
        doc = tomlkit.parse(original)
    except TOMLKitError as exc:
        raise ConfigError(f"{path}: does not parse ({exc}); not changed") from None
    on_disk, _ = from_mapping(doc.unwrap())
    wanted, current = asdict(config), asdict(on_disk)
    changed = False
    for f in fields(Config):
        key = f.name
        if wanted[key] == current[key]:
            continue
        changed = True
        if key == "keys":
            table = doc.get("keys")
            if not isinstance(table, dict):
                table = tomlkit.table()
                doc["keys"] = table
            for binding, keys in wanted["keys"].items():
                if current["keys"].get(binding) != keys:
                    table[binding] = keys
            for binding in set(current["keys"]) - set(wanted["keys"]):
                del table[binding]
        else:
            doc[key] = wanted[key]
    if not changed:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
