"""HTML pages: charsets as declared, headings kept as headings, metadata, NFC text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.web import Route, serve
from tread.core.sources import load
from tread.core.summarizers.summarize import summarize
from tread.core.text.segment import segment_article

CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy."
POLISH = "Zażółć gęślą jaźń, pójdźże kiń tę chmurność w głąb flaszy."


def page(body: str, head: str = "", title: str = "Zkouška") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def paragraphs(sentence: str, count: int = 5) -> str:
    return "".join(f"<p>{sentence} {sentence} Věta {i}.</p>" for i in range(count))


@pytest.mark.parametrize("sentence", [CZECH, POLISH])
def test_iso_8859_2_declared_after_a_long_head_reads_right(sentence: str, tmp_path: Path) -> None:
    """The <meta> comes after a kilobyte of scripts, as on many real pages: it was not
    looked for there, and the text became Windows-1252 mojibake ("Pøíli¹ ¾lu»ouèký")."""
    head = "<script>var x = 1;</script>" * 60 + '<meta charset="iso-8859-2">'
    path = tmp_path / "page.html"
    path.write_bytes(page(paragraphs(sentence), head).encode("iso-8859-2"))
    article = load(str(path))
    assert sentence in article.text
    assert article.encoding == "iso8859-2"


def test_the_http_charset_outranks_the_document_and_detection() -> None:
    body = page(paragraphs(CZECH), '<meta charset="windows-1252">').encode("iso-8859-2")
    route = Route(body, headers={"Content-Type": "text/html; charset=ISO-8859-2"})
    with serve({"/p": route}) as base:
        assert CZECH in load(f"{base}/p").text


HEADINGS_PAGE = """<!DOCTYPE html><html><head><title>Council approves new bus lines</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="City Paper">
<meta property="article:published_time" content="2026-03-05"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Council approves new bus lines</h1>
<p>The city council approved twelve new bus lines on Monday after a long debate.</p>
<h2>What changes for riders</h2>
<p>Riders will see buses every ten minutes on the main routes from next spring.</p>
<h3>Costs and the budget</h3>
<p>The plan costs forty million euros over five years, the council said on Monday.</p>
<blockquote><p>It is worth every cent, said the mayor after the vote.</p></blockquote>
</article><footer>Copyright 2026</footer></body></html>"""


def test_sub_headings_stay_headings_and_never_become_sentences(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HEADINGS_PAGE, encoding="utf-8")
    article = load(str(path))
    shown = [article.text[s:e] for s, e in article.headings]
    assert shown == [
        "Council approves new bus lines",
        "What changes for riders",
        "Costs and the budget",
    ]
    seg = segment_article(article, "english")
    sentences = [seg.sentence_text(s) for s in seg.sentences]
    assert "What changes for riders" not in " ".join(sentences)
    assert len(sentences) == 4  # the three paragraphs and the quote, each once
    assert sum("worth every cent" in s for s in sentences) == 1


def test_metadata_and_link_come_with_the_page() -> None:
    with serve({"/news/bus.html": Route(HEADINGS_PAGE.encode())}) as base:
        article = load(f"{base}/news/bus.html")
    assert (article.title, article.author, article.published, article.site) == (
        "Council approves new bus lines",
        "Jane Roe",
        "2026-03-05",
        "City Paper",
    )
    assert article.link == f"{base}/news/bus.html"


def test_a_saved_page_links_to_its_canonical_address(tmp_path: Path) -> None:
    html = HEADINGS_PAGE.replace(
        "</title>", '</title><link rel="canonical" href="https://example.org/bus">'
    )
    path = tmp_path / "saved.html"
    path.write_text(html, encoding="utf-8")
    assert load(str(path)).link == "https://example.org/bus"


GERMAN = (
    "Die Prüfung für Käufer beginnt im Mai.\n\n"
    "Jeder Käufer muss die Prüfung bestehen, sagt die Behörde. "
    "Die Prüfung für Käufer dauert eine Stunde. Das Wetter war gestern schön."
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_decomposed_text_is_composed_where_it_enters(suffix: str, tmp_path: Path) -> None:
    """NFD "Prüfung" splits at its combining mark, and sumy's word filter then drops
    the word: it vanished from summaries."""
    text = GERMAN if suffix != ".html" else page(f"<p>{GERMAN}</p>", title="Prüfung")
    path = tmp_path / f"de{suffix}"
    path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    article = load(str(path))
    assert unicodedata.is_normalized("NFC", article.text)
    for start, end in article.headings:  # offsets still point at the headings
        assert article.text[start:end].strip() == article.text[start:end] != ""
    seg = segment_article(article, "german")
    summary = summarize(seg, "luhn", 1)
    picked = seg.text[summary.sentences[0].start : summary.sentences[0].end]
    assert "Prüfung" in picked and "Käufer" in picked


def test_a_markdown_heading_in_nfd_keeps_its_offsets(tmp_path: Path) -> None:
    path = tmp_path / "de.md"
    source = "# Prüfung für Käufer\n\nDer Text folgt. Er ist kurz.\n"
    path.write_text(unicodedata.normalize("NFD", source), encoding="utf-8")
    article = load(str(path))
    start, end = article.headings[0]
    assert article.text[start:end] == "Prüfung für Käufer" == article.title
