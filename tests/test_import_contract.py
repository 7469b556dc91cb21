"""The directions imports may take between tread's layers, read from the source with
``ast`` (every ``import`` statement, at module level or inside a function).

Allowed directions (an arrow: "may import"):

    tread.cli ──> tread.commands ──> tread.core
                        │ (read only, inside the command)
                        └──────────> tread.ui ──> tread.core

    inside tread.core:  store, sources, summarizers, entities, evaluation, config
                          └──> text ──> article, errors, limits, envvars, version, ...

- tread.core never imports tread.ui, tread.commands, tread.cli or the package's face
  (``import tread``), and never textual, click or rich; spaCy only inside functions.
- tread.core.text, the bottom of the core, imports none of the core's other packages.
- tread.ui never imports sqlite3 (the store does the persistence), tread.commands or
  tread.cli.
- tread.commands never imports tread.cli (the cycle the CLI had), and imports the reader
  and Textual only inside the function that runs it (``tread summarize`` starts fast).
- tread.core.sources never imports tread.ui (implied by the first rule; it is stated
  because every reader of a source is tempted).

Imports under ``if TYPE_CHECKING:`` are not run and are not checked.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"


@dataclass(frozen=True)
class Import:
    importer: str
    target: str
    line: int
    module_level: bool


@dataclass(frozen=True)
class Rule:
    importer: str  # a module or package (prefix)
    forbidden: str  # a module or package (prefix)
    module_level_only: bool  # only imports run when the module is imported
    why: str


RULES = [
    Rule("tread.core", "tread.ui", False, "the core is free of the UI"),
    Rule("tread.core", "tread.commands", False, "the core is free of the CLI"),
    Rule("tread.core", "tread.cli", False, "the core is free of the CLI"),
    Rule("tread.core", "tread", False, "the core does not import the package's face"),
    Rule("tread.core", "textual", False, "the core is free of the UI toolkit"),
    Rule("tread.core", "click", False, "the core is free of the CLI toolkit"),
    Rule("tread.core", "rich", False, "the core renders nothing"),
    Rule("tread.core", "spacy", True, "importing the core must not load spaCy"),
    Rule("tread.core.text", "tread.core.sources", False, "text is the bottom of the core"),
    Rule("tread.core.text", "tread.core.summarizers", False, "text is the bottom of the core"),
    Rule("tread.core.text", "tread.core.entities", False, "text is the bottom of the core"),
    Rule("tread.core.text", "tread.core.store", False, "text is the bottom of the core"),
    Rule("tread.core.sources", "tread.ui", False, "sources are read without a UI"),
    Rule("tread.ui", "sqlite3", False, "persistence belongs to tread.core.store"),
    Rule("tread.ui", "tread.commands", False, "the reader does not call the CLI"),
    Rule("tread.ui", "tread.cli", False, "the reader does not call the CLI"),
    Rule("tread.commands", "tread.cli", False, "tread.cli imports every command: no cycle"),
    Rule("tread.commands", "tread.ui", True, "the CLI imports the reader only to run it"),
    Rule("tread.commands", "textual", True, "the CLI imports Textual only to run the reader"),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_of(path: Path) -> list[Import]:
    importer = _module_name(path)
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    found: list[Import] = []

    def visit(nodes: list[ast.stmt], module_level: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse, module_level)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.append(Import(importer, alias.name, node.lineno, module_level))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                found.append(Import(importer, base, node.lineno, module_level))
                for alias in node.names:  # `from tread.core import limits` imports a module
                    found.append(
                        Import(importer, f"{base}.{alias.name}", node.lineno, module_level)
                    )
            inner_level = module_level and not isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    visit([c for c in children if isinstance(c, ast.stmt)], inner_level)
                    for handler in children:
                        if isinstance(handler, ast.ExceptHandler):
                            visit(handler.body, inner_level)

    visit(ast.parse(path.read_text(encoding="utf-8")).body, True)
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


ALL_IMPORTS = [i for path in sorted(SRC.rglob("*.py")) for i in _imports_of(path)]


def _breaks(rule: Rule, imp: Import) -> bool:
    if not _within(imp.importer, rule.importer) or (
        rule.module_level_only and not imp.module_level
    ):
        return False
    if rule.forbidden == "tread":  # the face itself, not its subpackages
        return imp.target == "tread" or imp.target == "tread.__version__"
    return _within(imp.target, rule.forbidden)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.importer} -/-> {r.forbidden}")
def test_imports_go_only_the_allowed_ways(rule: Rule) -> None:
    broken = [f"{i.importer}:{i.line} imports {i.target}" for i in ALL_IMPORTS if _breaks(rule, i)]
    assert not broken, f"{rule.why}: " + "; ".join(broken)


def test_the_reader_finds_the_imports_it_checks() -> None:
    """The parser sees the imports these rules are about, so passing means something."""
    seen = {(i.importer, i.target, i.module_level) for i in ALL_IMPORTS}
    assert ("tread.commands.read", "tread.ui.app", False) in seen  # inside a function
    assert ("tread.core.store.library", "sqlite3", True) in seen
    assert ("tread.core.text.segment", "tread.core.limits", True) in seen  # `from x import y`
    assert ("tread.ui.app", "textual.app", True) in seen


def test_a_broken_rule_is_reported() -> None:
    imp = Import("tread.core.text.segment", "tread.ui.app", 3, False)
    assert _breaks(Rule("tread.core", "tread.ui", False, ""), imp)
    assert not _breaks(Rule("tread.core", "tread.ui", True, ""), imp)  # inside a function
    assert _breaks(Rule("tread.core", "tread", False, ""), Import("tread.core.x", "tread", 1, True))
    assert not _breaks(
        Rule("tread.core", "tread", False, ""), Import("tread.core.x", "tread.core.y", 1, True)
    )
