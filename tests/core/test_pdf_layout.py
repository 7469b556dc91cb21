"""The layout rules that turn a PDF page's lines into paragraphs, one at a time."""

from __future__ import annotations

from collections import Counter

from tread.core.sources.pdf_layout import (
    Layout,
    Line,
    RunningLines,
    count_words,
    page_blocks,
    repair_hyphens,
)

SIZE = 10.0


def line(text: str, top: float, left: float = 50.0, right: float = 350.0) -> Line:
    return Line(text, left, right, top, top - SIZE, SIZE)


def page(index: int, header: str, footer: str, body: str = "Some body text here.") -> list[Line]:
    return [line(header, 800), line(body, 700), line(footer, 40, 190, 200)]


def test_a_repeated_header_and_a_page_number_footer_run() -> None:
    pages = {i: page(i, "A BOOK TITLE", str(i + 1)) for i in range(6)}
    running = RunningLines(pages)
    assert [ln.text for ln in running.body(3, pages[3])] == ["Some body text here."]


def test_a_header_whose_text_changes_runs_by_its_page_number() -> None:
    """Texinfo: "Chapter 2: Syntax 5", "Chapter 3: Utilities 9"... differ in words, but
    the number is the page index plus a fixed offset."""
    headers = ["Chapter 1: Intro 3", "Chapter 1: Intro 4", "Chapter 2: Syntax 5", "Chapter 2: X 6"]
    pages = {i: page(i, h, "") for i, h in enumerate(headers)}
    running = RunningLines(pages)
    assert running.is_running("top", 5, line("Chapter 3: Utilities 8", 800))
    assert not running.is_running("top", 5, line("Chapter 3: Utilities 99", 800))


def test_bare_page_numbers_run_and_a_title_page_keeps_its_lines() -> None:
    running = RunningLines({})
    assert running.is_running("bottom", 0, line("Page 3 of 9", 40))
    assert running.is_running("bottom", 0, line("xii", 40))
    title_page = [line("The Title", 800), line("An Author", 700)]
    assert [ln.text for ln in RunningLines({0: title_page}).body(0, title_page)] == [
        "The Title",
        "An Author",
    ]


def texts(lines: list[Line], edges: tuple[float, ...] = (350.0,)) -> list[str]:
    layout = Layout(body_size=SIZE, right_edges=edges)
    return [" ".join(b.lines) for b in page_blocks(lines, layout)]


def test_a_short_line_ends_a_paragraph_and_an_indent_starts_one() -> None:
    lines = [
        line("The first paragraph runs to the right margin and", 700),
        line("ends here.", 688, right=120),
        line("The second one starts here and runs to the right", 676, left=65),
        line("margin too, and then it ends.", 664, right=250),
    ]
    assert texts(lines) == [
        "The first paragraph runs to the right margin and ends here.",
        "The second one starts here and runs to the right margin too, and then it ends.",
    ]


def test_a_one_line_paragraph_that_fills_its_line_is_still_one() -> None:
    lines = [
        line('"Landlord," I whispered, "that aint the harpooneer is it?"', 700, left=65),
        line('"Oh, no," said he, looking a sort of diabolically funny,', 688, left=65),
        line('"the harpooneer is a dark complexioned chap."', 676, right=300),
    ]
    assert len(texts(lines)) == 2


def test_a_column_break_and_a_hyphen_do_not_end_a_paragraph() -> None:
    lines = [
        line("the last line of the left column is full", 80, right=200),
        line("and goes on at the top of the right col-", 540, left=220, right=300),
        line("umn, which is full as well and ends.", 528, left=235, right=370),
    ]
    assert texts(lines, edges=(200.0, 370.0)) == [
        "the last line of the left column is full and goes on at the top of the right col- "
        "umn, which is full as well and ends."
    ]


def test_outline_titles_and_large_lines_are_headings() -> None:
    big = Line("Loomings.", 50, 150, 750, 735, 15.0)
    lines = [line("2.1 ASN.1 syntax", 800, right=150), big, line("Call me Ishmael.", 700)]
    layout = Layout(body_size=SIZE, right_edges=(350.0,))
    blocks = page_blocks(lines, layout, ("ASN.1 syntax",))
    assert [(b.lines, b.heading) for b in blocks] == [
        (["2.1 ASN.1 syntax"], True),
        (["Loomings."], True),
        (["Call me Ishmael."], False),
    ]


def test_bullets_start_paragraphs() -> None:
    lines = [line("• On-line structure management that is full width", 700, left=60)]
    lines.append(line("• Off-line structure management.", 688, left=60, right=200))
    assert len(texts(lines)) == 2


def test_line_end_hyphens_join_unless_the_compound_is_seen_more() -> None:
    counts: Counter[str] = Counter()
    count_words("a pine-tree and another pine-tree", counts)
    assert repair_hyphens("noth\x02\ning and noth\ufffeing", counts) == "nothing and nothing"
    assert repair_hyphens("the pine-\ntree", counts) == "the pine-tree"
    assert repair_hyphens("the sea-\nmen", counts) == "the seamen"
    assert repair_hyphens("ago--\nnever", counts) == "ago--never"
    assert repair_hyphens("left over\x02", counts) == "left over-"
    assert repair_hyphens("\ufb01ne \ufb02ow ½", counts) == "fine flow ½"
