"""`tread entities --library`: the people, organisations and places mentioned most across
the library, with mention and article counts (core/store/entity_index.py).

Articles whose entities the library does not know yet (never opened in the reader) are
analysed first: from the analysis cache when it has them, else by the entity backend,
with a count on standard error.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from tread.commands.console import error, print_columns
from tread.core.errors import NerUnavailable, TreadError

if TYPE_CHECKING:
    from tread.core.entities.registry import EntityExtractor
    from tread.core.store.library import Library


def fill_missing(library: Library, extractor: EntityExtractor) -> None:
    """Index the entities of every article not indexed yet."""
    from tread.core.store.analysis_cache import cache_entities, cached_entities
    from tread.core.store.entity_index import index_article, indexed

    known = indexed(library)
    missing = [e.id for e in library.entries() if e.id not in known]
    key = extractor.cache_key()
    for number, article_id in enumerate(missing, 1):
        found = cached_entities(library, article_id, key) if key else None
        if found is None:
            if sys.stderr.isatty():
                click.echo(f"\rfinding entities: {number}/{len(missing)}", nl=False, err=True)
            found = extractor.extract(library.article(article_id).text)
            if key:
                cache_entities(library, article_id, key, found)
        index_article(library, article_id, found)
    if missing and sys.stderr.isatty():
        click.echo("\r\033[K", nl=False, err=True)


def library_entities(
    ctx: click.Context, kinds: set[str] | None, limit: int, fmt: str, model: str | None
) -> None:
    from tread.core.config import load_config
    from tread.core.entities.registry import make_extractor
    from tread.core.store.entity_index import KEPT_KINDS, most_mentioned
    from tread.core.store.errors import LibraryError, NoLibrary
    from tread.core.store.library import Library

    config = load_config()[0]
    extractor = make_extractor(config.entity_backend, model=model or config.model or None)
    wanted = [k for k in KEPT_KINDS if kinds is None or k in kinds]
    try:
        with Library(create=False) as library:
            fill_missing(library, extractor)
            ranked = most_mentioned(library, wanted, limit)
    except NoLibrary as exc:
        click.echo("[]" if fmt == "json" else f"{exc} yet: tread add FILE|URL|FEED")
        return
    except NerUnavailable as exc:
        error(str(exc))
        ctx.exit(1)
    except (LibraryError, TreadError) as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        records = [
            {"name": m.name, "kind": m.kind, "mentions": m.mentions, "articles": m.articles}
            for m in ranked
        ]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "text":
        for m in ranked:
            click.echo(f"{m.kind}\t{m.name}\t{m.mentions}\t{m.articles}")
    else:
        print_columns(
            ["kind", "entity", "mentions", "articles"],
            [[m.kind, m.name, m.mentions, m.articles] for m in ranked],
            empty="no entities in the library's articles",
        )
