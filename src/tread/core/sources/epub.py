"""EPUB 2 and 3 books: the zip read directly, chapters in spine order, TOC titles as
headings.

No EPUB library: EbookLib, the common one, is AGPL (tread is MIT) and silently reads an
OPF that declares entities. Every XML part (container, package, navigation, chapters)
goes through defusedxml, which refuses entity declarations and external entities; a
chapter that is merely not well-formed XML (``&nbsp;`` in XHTML) is still read, by
lxml's HTML parser, which expands no entities. Unpacking is bounded: members, bytes
per member and bytes in all, counted as read, so a lying zip header cannot inflate
past them. A book with DRM (encryption other than font obfuscation) is refused.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import unquote, urldefrag

from tread.core.article import Article
from tread.core.errors import InputTooLarge, UnreadableInput
from tread.core.sources.blocks import HTML, walk
from tread.core.sources.known import Known
from tread.core.sources.textbuild import TextBuilder, one_paragraph

MAX_MEMBERS: Final = 10_000
MAX_MEMBER_BYTES: Final = 32 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 256 * 1024 * 1024
_NS: Final = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
#: font obfuscation is not DRM: the text is readable
_FONT_OBFUSCATION: Final = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_MIMETYPE: Final = b"mimetypeapplication/epub+zip"


def is_epub(data: bytes) -> bool:
    """A zip whose first member is the ``mimetype`` file an EPUB must start with."""
    return data.startswith(b"PK\x03\x04") and data[30:58] == _MIMETYPE


@dataclass
class _Zip:
    archive: zipfile.ZipFile
    names: frozenset[str]
    read_so_far: int = 0

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise UnreadableInput(f"not a readable EPUB ({name!r} is missing)")
        with self.archive.open(name) as member:
            data = member.read(MAX_MEMBER_BYTES + 1)
        self.read_so_far += len(data)
        if len(data) > MAX_MEMBER_BYTES or self.read_so_far > MAX_TOTAL_BYTES:
            raise InputTooLarge("the EPUB is too large unpacked; refused")
        return data


@dataclass
class _Package:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    spine: list[str] = field(default_factory=list)
    #: chapter file -> its first title in the table of contents
    titles: dict[str, str] = field(default_factory=dict)


def read_epub(data: bytes, known: Known) -> Article:
    """The book: its title, then each chapter in reading order, its TOC title a heading
    (unless the chapter opens with that heading itself)."""
    try:
        book = _open(data)
        package = _package(book)
        builder = TextBuilder()
        if package.title:
            builder.heading(package.title)
        for href in package.spine:
            chapter = _chapter(book.read(href), href)
            title = package.titles.get(href)
            if title and chapter.first_block.casefold() == title.casefold():
                chapter.make_first_a_heading()
            elif title:
                builder.heading(title)
            builder.extend(chapter)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UnreadableInput(f"not a readable EPUB ({exc})") from None
    return Article(
        text=builder.text,
        source=known.name,
        title=package.title,
        headings=builder.headings,
        author=package.author,
        published=package.date,
    )


def _open(data: bytes) -> _Zip:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableInput("not a readable EPUB (not a zip archive)") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputTooLarge(f"the EPUB has more than {MAX_MEMBERS:,} files; refused")
    book = _Zip(archive, frozenset(i.filename for i in infos))
    if "META-INF/encryption.xml" in book.names:
        encryption = _xml(book.read("META-INF/encryption.xml"), "encryption.xml")
        methods = {
            m.get("Algorithm") for m in encryption.iter() if str(m.tag).endswith("EncryptionMethod")
        }
        if methods - _FONT_OBFUSCATION:
            raise UnreadableInput("the EPUB is encrypted (DRM); tread cannot read it")
    return book


def _package(book: _Zip) -> _Package:
    container = _xml(book.read("META-INF/container.xml"), "container.xml")
    rootfile = container.find(".//c:rootfile", _NS)
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path:
        raise UnreadableInput("not a readable EPUB (its container names no package file)")
    opf = _xml(book.read(opf_path), opf_path)
    base = posixpath.dirname(opf_path)
    package = _Package(
        title=_text(opf.findtext(".//dc:title", None, _NS)),
        author=_text(opf.findtext(".//dc:creator", None, _NS)),
        date=_text(opf.findtext(".//dc:date", None, _NS)),
    )
    manifest: dict[str, tuple[str, str]] = {}
    nav = None
    for item in opf.iterfind(".//opf:manifest/opf:item", _NS):
        href = _resolve(base, item.get("href", ""))
        manifest[item.get("id", "")] = (href, item.get("media-type", ""))
        if "nav" in (item.get("properties") or "").split():
            nav = href
    spine = opf.find(".//opf:spine", _NS)
    if spine is None:
        raise UnreadableInput("not a readable EPUB (its package has no spine)")
    for ref in spine.iterfind("opf:itemref", _NS):
        href, media_type = manifest.get(ref.get("idref", ""), ("", ""))
        if href and "html" in media_type:
            package.spine.append(href)
    toc = _nav(book, nav) if nav else []
    ncx = manifest.get(spine.get("toc", ""), ("", ""))[0]
    if not toc and ncx:
        toc = _ncx(book, ncx)
    for href, title in toc:
        package.titles.setdefault(urldefrag(href)[0], title)
    return package


def _nav(book: _Zip, href: str) -> list[tuple[str, str]]:
    """EPUB 3: the links of ``<nav epub:type="toc">``, in order."""
    root = _xml(book.read(href), href)
    base = posixpath.dirname(href)
    found = []
    for nav in root.iter(f"{{{_NS['x']}}}nav"):
        if "toc" in nav.get(f"{{{_NS['epub']}}}type", "").split():
            for link in nav.iter(f"{{{_NS['x']}}}a"):
                title = one_paragraph("".join(link.itertext()))
                if link.get("href") and title:
                    found.append((_resolve(base, link.get("href", "")), title))
    return found


def _ncx(book: _Zip, href: str) -> list[tuple[str, str]]:
    """EPUB 2: the navPoints of toc.ncx, in document order (nested ones included)."""
    root = _xml(book.read(href), href)
    base = posixpath.dirname(href)
    found = []
    for point in root.iter(f"{{{_NS['ncx']}}}navPoint"):
        title = one_paragraph(point.findtext("ncx:navLabel/ncx:text", "", _NS))
        content = point.find("ncx:content", _NS)
        if content is not None and content.get("src") and title:
            found.append((_resolve(base, content.get("src", "")), title))
    return found


def _chapter(raw: bytes, href: str) -> TextBuilder:
    import lxml.html

    from tread.core.sources.feed import decode_feed

    text = _XML_DECLARATION.sub("", decode_feed(raw, what=f"chapter {href!r}"), count=1)
    _xml(text, href, tolerant=True)
    builder = TextBuilder()
    if text.strip():
        walk(lxml.html.fromstring(text), HTML, builder)
    return builder


def _xml(data: bytes | str, what: str, *, tolerant: bool = False) -> Any:
    """The parsed XML part, through defusedxml; with ``tolerant``, a part that is not
    well-formed gives None (it is read as HTML), but one declaring entities is refused."""
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise UnreadableInput(
            f"the EPUB's {what} declares XML entities; refused (entity expansion and "
            "external entities are unsafe)"
        ) from None
    except (ET.ParseError, ValueError, LookupError) as exc:
        if tolerant:
            return None
        raise UnreadableInput(f"not a readable EPUB ({what}: {exc})") from None


def _resolve(base: str, href: str) -> str:
    path, fragment = urldefrag(href)
    resolved = posixpath.normpath(posixpath.join(base, unquote(path)))
    return f"{resolved}#{fragment}" if fragment else resolved


def _text(value: str | None) -> str | None:
    return one_paragraph(value) or None if value else None
