"""Sub-headings of real web pages: do they stay headings, or become summary sentences?

    python benchmarks/html_headings.py TRAFILATURA_CHECKOUT [--language german]

Reads the real-world pages trafilatura tests itself with (``tests/cache/*.html`` of a
trafilatura checkout; third-party pages, never copied into tread) as ``tread`` reads a
saved page, with the page's URL from ``tests/realworld_tests.py`` when it lists one.
A page's headings are the ``<head>`` elements of trafilatura's own XML output; one is
"a sentence" when tread's segmentation has a sentence whose text is the heading's. Also
counts the pages tread could not read and the time taken. Imports only ``load_url``-free
public API (``tread.core.sources.registry``), so an older tread can be measured with
``PYTHONPATH`` where it has ``tread.core.sources.html.html_to_article`` instead.
"""

from __future__ import annotations

import argparse
import ast
import time
from pathlib import Path
from typing import Any


def page_urls(checkout: Path) -> dict[str, str]:
    """File name -> URL, from realworld_tests.py's MOCK_PAGES literal."""
    source = checkout / "tests" / "realworld_tests.py"
    if not source.exists():
        return {}
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MOCK_PAGES":
            pages: dict[str, str] = ast.literal_eval(node.value)
            return {name: url for url, name in pages.items()}
    return {}


def headings_of(data: bytes, url: str | None) -> list[str]:
    import trafilatura
    from lxml import etree

    out = trafilatura.extract(data, url=url, output_format="xml") or ""
    if not out:
        return []
    root: Any = etree.fromstring(out.encode(), etree.XMLParser(resolve_entities=False))
    return [" ".join("".join(h.itertext()).split()) for h in root.iter("head")]


def article_of(data: bytes, name: str, url: str | None) -> Any:
    try:
        from tread.core.sources.known import Known
        from tread.core.sources.registry import read_article

        return read_article(data, Known(name, suffix=".html", url=url))
    except ImportError:  # tread before the source registry
        from tread.core.sources.html import html_to_article
        from tread.core.text.decode import decode

        return html_to_article(decode(data)[0], name, url=url)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("checkout", type=Path)
    p.add_argument("--language", default="german", help="for segmentation (most are German)")
    args = p.parse_args()
    from tread.core.errors import TreadError
    from tread.core.text.segment import segment_article

    urls = page_urls(args.checkout)
    pages = sorted((args.checkout / "tests" / "cache").glob("*.html"))
    headings = as_sentences = pages_with = unreadable = 0
    start = time.perf_counter()
    for path in pages:
        data = path.read_bytes()
        url = urls.get(path.name)
        wanted = {h for h in headings_of(data, url) if h}
        try:
            article = article_of(data, path.name, url)
        except TreadError:
            unreadable += 1
            continue
        seg = segment_article(article, args.language)
        sentences = {" ".join(seg.sentence_text(s).split()) for s in seg.sentences}
        found = wanted & sentences
        headings += len(wanted)
        as_sentences += len(found)
        pages_with += bool(found)
    took = time.perf_counter() - start
    print(f"{len(pages)} pages ({len(urls)} with their URL), {took:.1f} s in all")
    print("| headings (trafilatura <head>) | became sentences | pages with one | unreadable |")
    print("|---:|---:|---:|---:|")
    print(f"| {headings} | {as_sentences} | {pages_with} | {unreadable} |")


if __name__ == "__main__":
    main()
