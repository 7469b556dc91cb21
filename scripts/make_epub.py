"""Build a small, valid, deterministic EPUB 3 (with an EPUB 2 toc.ncx) from a plain-text
public-domain book in tread's sample format (one paragraph per line; "CHAPTER n. Title."
lines start chapters).

usage: make_epub.py TEXT OUT.epub --first-chapter 1 --chapters 3

Layout (the minimum the EPUB 3.3 spec asks for, plus toc.ncx for EPUB 2 readers):
  mimetype                      "application/epub+zip", first entry, STORED
  META-INF/container.xml        -> OEBPS/content.opf
  OEBPS/content.opf             metadata (dc:title, dc:creator, dc:language, dc:identifier,
                                dcterms:modified fixed), manifest, spine
  OEBPS/nav.xhtml               <nav epub:type="toc"> linking each chapter's <h1 id>
  OEBPS/toc.ncx                 the same list for EPUB 2 readers
  OEBPS/chNNN.xhtml             one chapter each: <h1> then <p> paragraphs
All zip timestamps are fixed (1980-01-01), so the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

CHAPTER = re.compile(r"^CHAPTER (\d+)\. ?(.*)$")
STAMP = (1980, 1, 1, 0, 0, 0)
UID = "urn:tread:sample:moby-dick-ch1-3"


def chapters(path: str, first: int, count: int) -> tuple[str, str, list[tuple[str, list[str]]]]:
    text = Path(path).read_text(encoding="utf-8")
    paras = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title, author = paras[0], re.sub(r"^By ", "", paras[1])
    out: list[tuple[str, list[str]]] = []
    for p in paras[2:]:
        m = CHAPTER.match(p)
        if m:
            n = int(m.group(1))
            if n >= first + count:
                break
            if n >= first:
                out.append((p, []))
        elif out:
            out[-1][1].append(p)
    return title, author, out


def xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">\n'
        f"<head><title>{escape(title)}</title></head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("out")
    ap.add_argument("--first-chapter", type=int, default=1)
    ap.add_argument("--chapters", type=int, default=3)
    a = ap.parse_args()
    title, author, chs = chapters(a.text, a.first_chapter, a.chapters)
    files: list[tuple[str, str]] = []
    nav_items, ncx_points, manifest, spine = [], [], [], []
    for i, (head, paras) in enumerate(chs, 1):
        name = f"ch{i:03d}.xhtml"
        body = (
            f'<section epub:type="chapter">\n<h1 id="c{i}">{escape(head)}</h1>\n'
            + "\n".join(f"<p>{escape(p)}</p>" for p in paras)
            + "\n</section>"
        )
        files.append((f"OEBPS/{name}", xhtml(head, body)))
        nav_items.append(f'<li><a href="{name}#c{i}">{escape(head)}</a></li>')
        ncx_points.append(
            f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{escape(head)}'
            f'</text></navLabel><content src="{name}#c{i}"/></navPoint>'
        )
        manifest.append(f'<item id="ch{i}" href="{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="ch{i}"/>')
    nav = xhtml(
        "Contents",
        '<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>\n'
        + "\n".join(nav_items)
        + "\n</ol></nav>",
    )
    ncx = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">\n'
        f'<head><meta name="dtb:uid" content="{UID}"/></head>\n'
        f"<docTitle><text>{escape(title)}</text></docTitle>\n<navMap>\n"
        + "\n".join(ncx_points)
        + "\n</navMap>\n</ncx>\n"
    )
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="uid" xml:lang="en">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="uid">{UID}</dc:identifier>\n'
        f"<dc:title>{escape(title)}</dc:title>\n<dc:creator>{escape(author)}</dc:creator>\n"
        "<dc:language>en</dc:language>\n"
        "<dc:rights>Public domain (text: Project Gutenberg eBook #2701)</dc:rights>\n"
        '<meta property="dcterms:modified">2000-01-01T00:00:00Z</meta>\n</metadata>\n'
        '<manifest>\n<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        'properties="nav"/>\n<item id="ncx" href="toc.ncx" '
        'media-type="application/x-dtbncx+xml"/>\n'
        + "\n".join(manifest)
        + '\n</manifest>\n<spine toc="ncx">\n'
        + "\n".join(spine)
        + "\n</spine>\n</package>\n"
    )
    container = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<rootfiles><rootfile full-path="OEBPS/content.opf" '
        'media-type="application/oebps-package+xml"/></rootfiles></container>\n'
    )
    with zipfile.ZipFile(a.out, "w") as z:

        def put(name: str, data: str, method: int = zipfile.ZIP_DEFLATED) -> None:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"), compresslevel=9 if method else None)

        put("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        put("META-INF/container.xml", container)
        put("OEBPS/content.opf", opf)
        put("OEBPS/nav.xhtml", nav)
        put("OEBPS/toc.ncx", ncx)
        for name, data in files:
            put(name, data)
    print(f"{a.out}: {len(chs)} chapters, {sum(len(p) for _, p in chs)} paragraphs")


if __name__ == "__main__":
    main()
