"""Write a flat ODT (FODT) of a public-domain book for LibreOffice to lay out as PDF.

usage: make_fodt.py TEXT OUT.fodt [--chapters N] [--columns 2] [--first-chapter K]

The text format is sample_articles/long/moby-dick.txt: one paragraph per line, blank
lines between; "CHAPTER n. Title." lines become level-1 headings (PDF bookmarks).
Page style: running header (book title, left) and footer (page number, centred) so the
PDF has repeated headers/footers; body justified with hyphenation on (en-US), so line-end
hyphens appear; DejaVu Serif, whose fi/fl ligatures LibreOffice applies.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title>
 <meta:initial-creator>Herman Melville</meta:initial-creator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="10.5pt"
   fo:language="en" fo:country="US" fo:hyphenate="true"
   fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.12cm"
   fo:text-indent="0.5cm"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
  style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.3cm"
   fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="15pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm"
   fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm">
   {columns}
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm"
   fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"
   fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{title_upper}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number
   text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
TAIL = "</office:text></office:body></office:document>\n"
CHAPTER = re.compile(r"^CHAPTER \d+\.")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("out")
    ap.add_argument("--chapters", type=int, default=10**6)
    ap.add_argument("--first-chapter", type=int, default=0, help="0 = keep front matter")
    ap.add_argument("--columns", type=int, default=1)
    a = ap.parse_args()
    lines = [ln.strip() for ln in Path(a.text).read_text(encoding="utf-8").splitlines()]
    paras = [ln for ln in lines if ln]
    title = paras[0]
    body: list[str] = []
    n_ch = 0
    started = a.first_chapter == 0
    for p in paras[2:]:
        if CHAPTER.match(p):
            n_ch += 1
            if n_ch == a.first_chapter:
                started = True
            if n_ch >= a.first_chapter + a.chapters or (a.first_chapter == 0 and n_ch > a.chapters):
                break
            if started:
                body.append(
                    f'<text:h text:style-name="Heading_20_1" text:outline-level="1">'
                    f"{escape(p)}</text:h>"
                )
        elif started:
            body.append(f'<text:p text:style-name="Standard">{escape(p)}</text:p>')
    cols = (
        f'<style:columns fo:column-count="{a.columns}" fo:column-gap="0.6cm"/>'
        if a.columns > 1
        else ""
    )
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(HEAD.format(title=escape(title), title_upper=escape(title.upper()), columns=cols))
        f.write("\n".join(body))
        f.write(TAIL)
    print(f"{a.out}: {len(body)} blocks, chapters seen {n_ch}")


if __name__ == "__main__":
    main()
