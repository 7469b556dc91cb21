from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT, SAMPLE_FILES, SEED
from tread.cli import cli
from tread.core.text.segment import segment

SHORT = SAMPLE_FILES[0]


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def doc_sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    seg = segment(text)
    return [" ".join(seg.sentence_text(s).split()) for s in seg.sentences]


def test_plain_output_is_n_document_sentences_in_order() -> None:
    code, out, err = run("summarize", "-n", "3", str(SEED))
    assert code == 0, err
    lines = out.splitlines()
    sentences = doc_sentences(SEED)
    assert len(lines) == 3
    positions = [sentences.index(line) for line in lines]
    assert positions == sorted(positions)
    assert "\x1b" not in out  # no colour when stdout is not a terminal


@pytest.mark.parametrize(
    "algorithm",
    [
        "luhn",
        "edmundson",
        "lsa",
        "lex-rank",
        "text-rank",
        "sum-basic",
        "kl",
        "reduction",
        "random",
        "lead",
        "tread",
    ],
)
def test_every_algorithm_by_its_sumy_name(algorithm: str) -> None:
    code, out, err = run("summarize", "-a", algorithm, "-n", "2", str(SHORT))
    assert code == 0, err
    assert len(out.splitlines()) == 2


def test_json_carries_offsets_scores_and_ranks() -> None:
    code, out, _ = run("summarize", "-f", "json", "-n", "4", "-a", "text-rank", str(SHORT))
    assert code == 0
    record = json.loads(out)
    text = SHORT.read_text(encoding="utf-8")
    assert record["file"] == str(SHORT)
    assert record["algorithm"] == "text-rank" and record["language"] == "english"
    assert record["sentence_count"] == len(doc_sentences(SHORT))
    assert len(record["summary"]) == 4
    for item in record["summary"]:
        assert text[item["start"] : item["end"]] == item["text"]
        assert isinstance(item["score"], float) and 1 <= item["rank"] <= 4
    assert [i["index"] for i in record["summary"]] == sorted(i["index"] for i in record["summary"])


def test_json_lines_for_several_files() -> None:
    code, out, _ = run("summarize", "-f", "json", "-n", "2", *map(str, SAMPLE_FILES[:3]))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in records] == [str(p) for p in SAMPLE_FILES[:3]]


def test_markdown_output() -> None:
    code, out, _ = run("summarize", "-f", "markdown", "-n", "2", str(SHORT))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("## After visa snags")
    assert sum(1 for line in lines if line.startswith("- ")) == 2


def test_plain_output_for_several_files_has_headers() -> None:
    code, out, _ = run("summarize", "-n", "1", str(SAMPLE_FILES[0]), str(SAMPLE_FILES[1]))
    assert code == 0
    assert f"==> {SAMPLE_FILES[1]} <==" in out


def test_stdin_with_dash_and_piped_without_file() -> None:
    text = SEED.read_text(encoding="utf-8")
    code_dash, out_dash, _ = run("summarize", "-n", "2", "-", input=text)
    code_pipe, out_pipe, _ = run("summarize", "-n", "2", input=text)
    _, out_file, _ = run("summarize", "-n", "2", str(SEED))
    assert code_dash == code_pipe == 0
    assert out_dash == out_pipe == out_file


def test_stdin_in_cp1252_is_decoded() -> None:
    text = "The “best” café in town opened today. It serves coffee. People queue for it."
    code, out, _ = run("summarize", "-n", "1", "-", input=text.encode("cp1252"))
    assert code == 0
    assert "“best” café" in out or "coffee" in out or "queue" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["-r", "0.25"], 4), (["--length", "25%"], 4), (["--length", "3"], 3), (["-n", "99"], 16)],
)
def test_length_options(args: list[str], expected: int) -> None:
    code, out, _ = run("summarize", *args, str(SEED))
    assert code == 0
    assert len(out.splitlines()) == expected


@pytest.mark.parametrize("spelling", ["lex-rank", "lexrank", "LexRank", "lex_rank"])
def test_an_algorithm_may_be_spelt_in_any_case_and_with_any_separator(spelling: str) -> None:
    code, out, err = run("summarize", "-a", spelling, "-n", "1", "--format", "json", str(SEED))
    assert code == 0, err
    assert json.loads(out)["algorithm"] == "lex-rank"


def test_conflicting_length_options_are_a_usage_error() -> None:
    code, _, err = run("summarize", "-n", "2", "-r", "0.5", str(SEED))
    assert code == 2
    assert err.count("\n") == 1 and "only one of" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-a", "magic"], 2, "unknown algorithm 'magic'; choose one of: auto, luhn"),
        (["-a", "lexrnak"], 2, "did you mean 'lex-rank'?"),
        (["-l", "klingon"], 2, "choose one of: czech, english"),
        (["--length", "lots"], 2, "neither a sentence count nor a percentage"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args: list[str], code: int, message: str) -> None:
    rc, out, err = run("summarize", *args, str(SEED))
    assert rc == code
    assert message in err and err.count("\n") == 1 and out == ""
    assert "Traceback" not in err


def test_each_bad_input_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text("Secret text. More of it.")
    unreadable.chmod(0)
    inputs = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "blank.txt"): "only whitespace",
        str(tmp_path / "image.png"): "binary file",
    }
    if not _can_read(unreadable):
        inputs[str(unreadable)] = "permission denied"
    code, out, err = run("summarize", "-n", "1", *inputs, str(SEED))
    assert code == 1
    err_lines = err.splitlines()
    assert len(err_lines) == len(inputs)
    for line, (name, problem) in zip(err_lines, inputs.items(), strict=True):
        assert line == f"tread: {name}: {problem}" or (
            line.startswith(f"tread: {name}: ") and problem in line
        )
    assert len(out.splitlines()) == 2  # the good file's header and its sentence


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
        return True
    except PermissionError:
        return False


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tread.commands import summarize as mod

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(mod.sys, "stdin", Tty())
    with pytest.raises(SystemExit) as info:
        cli.main(["summarize"], prog_name="tread")
    assert info.value.code == 2


def test_help_has_examples_and_lists_every_algorithm() -> None:
    code, out, _ = run("summarize", "--help")
    assert code == 0
    assert "Examples:" in out and "tread summarize -a text-rank" in out
    flat = " ".join(out.split())  # click wraps the help at the terminal's width
    assert "lex-rank" in flat and "[default: auto]" in flat


def test_every_command_has_help_and_is_in_the_readme() -> None:
    import click

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [([name], command) for name, command in cli.commands.items()]
    for path, command in commands:
        if isinstance(command, click.Group):  # tread feeds list|remove|import|export
            commands += [([*path, name], sub) for name, sub in command.commands.items()]
        code, out, _ = run(*path, "--help")
        assert code == 0 and (command.help or "").split("\n")[0].strip() in out
        assert f"tread {' '.join(path)}" in readme, path


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("tread, version ")


def test_summarize_imports_neither_textual_nor_spacy() -> None:
    code = (
        "import sys\n"
        "from tread.cli import cli\n"
        f"rc = cli.main(['summarize', '-n', '2', {str(SEED)!r}], standalone_mode=False)\n"
        "heavy = sorted(m for m in ('textual', 'spacy', 'rich') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "HEAVY []" in proc.stdout


def test_core_imports_neither_textual_nor_spacy() -> None:
    code = (
        "import sys, pkgutil, importlib, tread.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'tread.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('HEAVY', sorted(m for m in ('textual', 'spacy') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "HEAVY []" in proc.stdout


def test_no_traceback_when_stdout_is_closed_early() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m tread summarize -n 16 {SEED} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr


def test_explain_gives_every_sentence_with_contributions() -> None:
    code, out, _ = run("summarize", "--explain", "-f", "json", "-n", "2", str(SEED))
    assert code == 0
    record = json.loads(out)
    sentences = record["sentences"]
    assert [s["index"] for s in sentences] == list(range(record["sentence_count"]))
    assert sorted(s["rank"] for s in sentences) == list(range(1, len(sentences) + 1))
    assert sum(s["chosen"] for s in sentences) == 2
    chosen = {s["index"] for s in record["summary"]}
    assert {s["index"] for s in sentences if s["chosen"]} == chosen
    assert "centroid" in sentences[0]["contributions"]


def test_explain_in_plain_text_lists_ranks() -> None:
    code, out, _ = run("summarize", "--explain", "-a", "lex-rank", "-n", "2", str(SEED))
    assert code == 0
    table = out.split("\n\n", 1)[1].splitlines()
    assert table[0].split()[:4] == ["rank", "sent", "score", "chosen"]
    assert len(table) == 1 + len(doc_sentences(SEED))
