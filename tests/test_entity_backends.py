"""The entity backend registry is the one seam: a backend registered by name is what the
reader, ``tread entities`` and ``tread doctor`` use once the config names it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import pytest
from click.testing import CliRunner

from tests.conftest import SEED
from tests.ui.conftest import settle
from tread.cli import cli
from tread.core.article import Entity
from tread.core.config import Config
from tread.core.entities.registry import BACKENDS, Backend, make_extractor
from tread.core.errors import TreadError
from tread.core.locations import config_file
from tread.ui.app import Tread
from tread.ui.widgets.entity_index import EntityIndex, EntityKey

_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


class AcronymExtractor:
    """A toy backend: every run of 2-5 capitals is an organisation."""

    name = "acronyms"
    model_name = "acronym-regex"

    def __init__(self, model: str | None, corrections: bool) -> None:
        self.model = model
        self.corrections = corrections

    def extract(self, text: str, cancelled: Callable[[], bool] | None = None) -> list[Entity]:
        return [Entity(m.start(), m.end(), "ORG", m.group()) for m in _ACRONYM.finditer(text)]

    def describe(self) -> str:
        return "a regular expression for acronyms"

    def cache_key(self) -> str | None:
        return "acronym-regex=1"


@pytest.fixture
def acronyms(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(
        BACKENDS, "acronyms", Backend("acronyms", "capitals as organisations", AcronymExtractor)
    )
    yield


@pytest.fixture
def configured(acronyms: None) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('entity_backend = "acronyms"\n', encoding="utf-8")


def test_a_registered_backend_is_made_by_name(acronyms: None) -> None:
    extractor = make_extractor("acronyms", model="m", corrections=False)
    assert isinstance(extractor, AcronymExtractor)
    assert (extractor.model, extractor.corrections) == ("m", False)
    assert [e.text for e in extractor.extract("The FBI and ICE met.")] == ["FBI", "ICE"]


def test_an_unknown_backend_is_one_line_naming_the_known_ones() -> None:
    with pytest.raises(TreadError, match=r"unknown entity backend 'nope'; choose one of: spacy"):
        make_extractor("nope")


def test_the_config_refuses_a_backend_nobody_registered() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('entity_backend = "acronyms"\n', encoding="utf-8")
    from tread.core.config import load_config

    config, warning = load_config()
    assert config.entity_backend == "spacy"
    assert warning and "'entity_backend' must be the name of an entity backend" in warning


def test_tread_entities_uses_the_configured_backend(configured: None) -> None:
    result = CliRunner().invoke(cli, ["entities", "--format", "json", str(SEED)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["model"] == "acronym-regex"
    texts = {e["text"] for e in record["entities"]}
    assert {"ICE", "FBI"} <= texts and "Los Angeles" not in texts


def test_tread_doctor_checks_the_configured_backend(configured: None) -> None:
    result = CliRunner().invoke(cli, ["doctor"])
    assert "entities (acronyms)" in result.stdout
    assert "a regular expression for acronyms" in result.stdout
    assert "entities (spacy)" not in result.stdout


async def test_the_reader_uses_the_configured_backend(acronyms: None) -> None:
    app = Tread([str(SEED)], config=Config(entity_backend="acronyms"))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        index = app.query_one(EntityIndex)
        assert len(index.occurrences(EntityKey("ORG", "ICE"))) >= 4
        assert not index.occurrences(EntityKey("GPE", "Los Angeles"))
