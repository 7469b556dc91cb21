"""PDF and EPUB reading: how soon the first text is there, how long the rest takes, and
how much a background extraction delays the thread that draws the reader.

    python benchmarks/pdf.py [--pdf BOOK.pdf] [--repeat 5] [--shared DIR]

Without ``--pdf`` the bundled 26-page sample is repeated 12 times (312 pages, with its
running header and footer) into a temporary file. For each run, in a fresh process:

- first part: ``load_parts(path)`` to its first Part (pypdfium2 imported, the document
  opened, 12 pages sampled for running lines, the first page read), measured from the
  call, as the reader (already running) would make it; and from the process start;
- all parts: to the last Part (every page read, paragraphs and hyphens repaired);
- tick lateness: while another thread reads every part, a 10 ms timer on the main thread
  (where Textual draws) is late by this much at the 99th percentile and at most.

With ``--shared``, the whole of Moby-Dick is also built as an EPUB (scripts/make_epub.py)
and read with ``load``. Prints medians of ``--repeat`` runs.
"""

from __future__ import annotations

import io
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import parser

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_articles" / "moby-dick-ch1-3.pdf"

CHILD = r"""
import json, sys, time
start = time.perf_counter()
from tread.core.sources import load_parts
called = time.perf_counter()
parts = load_parts(sys.argv[1])
first = next(parts)
at_first = time.perf_counter()
last = first
for last in parts:
    pass
done = time.perf_counter()
print(json.dumps({
    "first_from_call": at_first - called, "first_from_start": at_first - start,
    "all_from_call": done - called, "pages": last.total, "chars": len(last.article.text),
    "first_chars": len(first.article.text), "headings": len(last.article.headings),
}))
"""

TICKS = r"""
import json, sys, threading, time
from tread.core.sources import load_parts
list(load_parts(sys.argv[1]))  # warm: the import and the library loaded
late = []
reader = threading.Thread(target=lambda: list(load_parts(sys.argv[1])))
reader.start()
due = time.perf_counter()
while reader.is_alive():
    due += 0.010
    time.sleep(max(0.0, due - time.perf_counter()))
    late.append(time.perf_counter() - due)
reader.join()
late.sort()
print(json.dumps({"p99": late[int(len(late) * 0.99)], "max": late[-1], "ticks": len(late)}))
"""


def repeated_sample(times: int) -> bytes:
    import pypdfium2 as pdfium

    book = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(str(SAMPLE))
    for _ in range(times):
        book.import_pages(source)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def child(script: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    p = parser(__doc__ or "")
    p.add_argument("--pdf", type=Path, help="a PDF to read (default: the sample, 12 times)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = args.pdf
        if pdf is None:
            pdf = Path(tmp) / "sample-x12.pdf"
            pdf.write_bytes(repeated_sample(12))
        runs = [child(CHILD, pdf) for _ in range(args.repeat)]
        ticks = [child(TICKS, pdf) for _ in range(args.repeat)]

        def median(key: str, rows: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in rows)

        r = runs[0]
        print(
            f"{pdf.name}: {r['pages']:.0f} pages, {r['chars']:,.0f} characters, "
            f"{r['headings']:.0f} headings; first part {r['first_chars']:,.0f} characters; "
            f"median of {args.repeat} fresh processes\n"
        )
        print("| measure | median | runs |\n|---|---:|---|")
        for key, label in (
            ("first_from_call", "first part, from the call"),
            ("first_from_start", "first part, from process start"),
            ("all_from_call", "all parts, from the call"),
        ):
            shown = ", ".join(f"{x[key]:.2f}" for x in runs)
            print(f"| {label} | {median(key):.2f} s | {shown} |")
        for key in ("p99", "max"):
            shown = ", ".join(f"{x[key] * 1000:.0f}" for x in ticks)
            label = f"10 ms tick lateness while reading, {key}"
            print(f"| {label} | {median(key, ticks) * 1000:.0f} ms | {shown} |")
        book = args.shared / "sample_articles" / "long" / "moby-dick.txt"
        if book.exists():
            epub = Path(tmp) / "moby-dick.epub"
            script = str(ROOT / "scripts" / "make_epub.py")
            make = [sys.executable, script, str(book), str(epub), "--first-chapter", "1"]
            subprocess.run([*make, "--chapters", "135"], check=True, capture_output=True)
            rows = [child(CHILD, epub) for _ in range(args.repeat)]
            shown = ", ".join(f"{x['all_from_call']:.2f}" for x in rows)
            print(
                f"| whole Moby-Dick as EPUB ({epub.stat().st_size / 1e6:.1f} MB, "
                f"{rows[0]['headings']:.0f} headings): load | "
                f"{median('all_from_call', rows):.2f} s | {shown} |"
            )


if __name__ == "__main__":
    main()
