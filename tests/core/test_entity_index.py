"""Entities across the library: folded names, the per-article index, what mentions
whom, and the ranking; kept in step with the articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.adversarial import test_store_damage
from tread.core.article import Article, Entity
from tread.core.entities.groups import entity_key
from tread.core.store.entity_index import (
    articles_mentioning,
    index_article,
    indexed,
    most_mentioned,
)
from tread.core.store.library import SCHEMA_VERSION, Library, migrate


def ent(text: str, label: str = "GPE", start: int = 0) -> Entity:
    return Entity(start, start + len(text), label, text)


def test_names_fold_case_stops_the_and_possessives() -> None:
    us = {entity_key(n) for n in ("U.S.", "US", "u.s", "the U.S.", "U.S.’s")}
    assert us == {"us"}
    assert entity_key("Trump’s") == entity_key("Trump's") == entity_key("TRUMP") == "trump"
    assert entity_key("Los  Angeles\n") == entity_key("los angeles")
    assert entity_key("The Los Angeles Times") == entity_key("Los Angeles Times")


def test_what_is_not_merged() -> None:
    """Documented in entity_index.py: different names for one thing stay apart."""
    assert entity_key("United States") != entity_key("US")
    assert entity_key("Donald Trump") != entity_key("Trump")
    assert entity_key("UN") != entity_key("United Nations")
    assert entity_key("St. Louis") == "st. louis"  # one stop is not an abbreviation


def test_the_index_answers_who_mentions_whom_and_who_is_mentioned_most(
    tmp_path: Path,
) -> None:
    with Library(tmp_path / "lib.sqlite3") as lib:
        a, _ = lib.add(Article(text="Story one about the U.S. and Trump.", source="a"))
        b, _ = lib.add(Article(text="Story two, US news from Paris.", source="b"))
        index_article(lib, a, [ent("U.S."), ent("the U.S."), ent("Trump", "PERSON")])
        index_article(
            lib, b, [ent("US"), ent("Paris"), ent("Monday", "DATE"), ent("3", "CARDINAL")]
        )
        assert indexed(lib) == {a, b}
        assert articles_mentioning(lib, "u.s") == {a, b}
        assert articles_mentioning(lib, "TRUMP") == {a}
        assert articles_mentioning(lib, "Monday") == set()  # dates are not kept
        top = most_mentioned(lib)
        assert (top[0].name, top[0].kind, top[0].mentions, top[0].articles) == (
            "U.S.",
            "place",
            3,
            2,
        )
        assert [m.name for m in most_mentioned(lib, ["person"])] == ["Trump"]
        index_article(lib, a, [ent("Trump", "PERSON")])  # again: replaced, not added
        assert articles_mentioning(lib, "US") == {b}
        lib.remove(b)  # the article goes: its entities too
        assert articles_mentioning(lib, "Paris") == set() and indexed(lib) == {a}
        lib.db.execute("UPDATE articles SET text = 'Edited.' WHERE id = ?", (a,))
        assert indexed(lib) == set()  # an edited text: its entities are found again


def test_a_library_of_schema_5_gains_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=5)
    db.execute(
        "INSERT INTO articles(hash, source, title, added, words, text)"
        " VALUES ('h', 's', 'Old', 0, 2, 'Old text.')"
    )
    db.close()
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 6
        (entry,) = lib.entries()
        index_article(lib, entry.id, [ent("Berlin")])
        assert articles_mentioning(lib, "berlin") == {entry.id}


read_only_library = test_store_damage.read_only_library  # the fixture, shared


def test_a_read_only_library_keeps_no_index(read_only_library: Path) -> None:
    with Library(read_only_library) as lib:
        assert lib.read_only
        first = lib.entries()[0].id
        index_article(lib, first, [ent("Berlin")])  # nothing kept, and no error
        assert indexed(lib) == set()
