"""Language detection: what it adds to `tread summarize`, and how often it is right.

    python benchmarks/language.py [--repeat 15] [--data DIR] [--candidate PYTHON]

1. Start-up: `tread summarize` on short articles with `-l english` against the default
   (`--language auto`), interleaved runs in one process tree, medians.
2. Accuracy of tread's choice (detect_language: windows, votes, fall-backs) per language
   on one-sentence texts, five-sentence texts and short snippets; how mixed texts fall
   back. Data: lingua-py's test sentences (Leipzig corpora, 1,000 sentences a language),
   not shipped: extract them with
       git -C <lingua-py clone> show HEAD:language-testdata/sentences/de.txt > DIR/sentences/de.txt
   for each ISO code (cs de el en es fr it pl pt sk sv).
3. Sentence ends: those sentences joined into one paragraph per language, the true ends
   Punkt finds and the false ones it adds, without and with tread's abbreviation table.
4. With --candidate PYTHON (an interpreter where py3langid and lingua are installed):
   each candidate library's start-up, how long it holds the GIL, and its accuracy.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _common import parser

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "data" / "news"
ISO = ("cs", "de", "el", "en", "es", "fr", "it", "pl", "pt", "sk", "sv")
PER_LANGUAGE = 300


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def startup(repeat: int) -> None:
    tread = [sys.executable, "-m", "tread", "summarize"]
    en, de = str(NEWS / "en.txt"), str(NEWS / "de.txt")
    sample = str(ROOT / "sample_articles" / "la-ice-operation.txt")
    cases = {
        "en.txt -l english": [*tread, "-l", "english", en],
        "en.txt (auto)": [*tread, en],
        "de.txt -l german": [*tread, "-l", "german", de],
        "de.txt (auto)": [*tread, de],
        "la-ice-operation.txt -l english": [*tread, "-l", "english", sample],
        "la-ice-operation.txt (auto)": [*tread, sample],
    }
    walls: dict[str, list[float]] = {k: [] for k in cases}
    cpus: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(repeat):
        for name, cmd in cases.items():
            wall, cpu = timed(cmd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    print(f"## `tread summarize` start-up: median of {repeat} interleaved runs\n")
    print(f"load average before and after: {LOAD_BEFORE} / {_load()}\n")
    print(
        "| command | wall median (s) | wall min (s) | CPU median (s) "
        "| auto - explicit: wall / CPU (ms) |"
    )
    print("|---|---:|---:|---:|---:|")
    wall_m = {k: statistics.median(v) for k, v in walls.items()}
    cpu_m = {k: statistics.median(v) for k, v in cpus.items()}
    for name in cases:
        delta = ""
        if name.endswith("(auto)"):
            explicit = next(k for k in cases if k.startswith(name.split()[0]) and k != name)
            delta = (
                f"{1000 * (wall_m[name] - wall_m[explicit]):+.0f} / "
                f"{1000 * (cpu_m[name] - cpu_m[explicit]):+.0f}"
            )
        print(
            f"| {name} | {wall_m[name]:.3f} | {min(walls[name]):.3f} | {cpu_m[name]:.3f} "
            f"| {delta} |"
        )
    print()


CRITICAL_PATH = r"""
import sys, time
t0 = time.perf_counter()
from tread.commands.summarize import _import_summariser
from tread.core.sources import load
from tread.core.text.choosing import start_choosing
article = load(sys.argv[1])
t1 = time.perf_counter()
pending = start_choosing(article.text, "auto", "english")
t2 = time.perf_counter()
_import_summariser("tread")
t3 = time.perf_counter()
choice = pending.result()
t4 = time.perf_counter()
print(pending.forked, t2 - t1, t3 - t2, t4 - t3, choice.language)
"""


def critical_path(repeat: int) -> None:
    """How long the first summary waits for the language: the fork, then the wait for
    the child after the summariser's imports (0 when the child finished first)."""
    rows = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", CRITICAL_PATH, str(NEWS / "de.txt")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        rows.append([float(x) for x in out[1:4]])
    fork, imports, wait = (statistics.median(col) for col in zip(*rows, strict=True))
    print(f"## the first summary's critical path (de.txt, median of {repeat})\n")
    print("| forking the detection | summariser imports meanwhile | then waiting for the child |")
    print("|---:|---:|---:|")
    print(f"| {1000 * fork:.1f} ms | {1000 * imports:.0f} ms | {1000 * wait:.1f} ms |\n")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


LOAD_BEFORE = _load()


def _sentences(data: Path, iso: str) -> list[str]:
    path = data / "sentences" / f"{iso}.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def accuracy(data: Path) -> None:
    from tread.core.text.detect import detect_language
    from tread.core.text.languages import ISO_CODES

    rng = random.Random(15)
    sentences = {iso: _sentences(data, iso) for iso in ISO}

    def snippet(iso: str, n: int) -> str:
        words = rng.choice([s for s in sentences[iso] if len(s.split()) >= n]).split()
        start = rng.randrange(len(words) - n + 1)
        return " ".join(words[start : start + n])

    kinds: dict[str, Callable[[str, int], str]] = {
        "3 words": lambda iso, i: snippet(iso, 3),
        "5 words": lambda iso, i: snippet(iso, 5),
        "8 words": lambda iso, i: snippet(iso, 8),
        "1 sentence": lambda iso, i: sentences[iso][i],
        "5 sentences": lambda iso, i: " ".join(rng.sample(sentences[iso], 5)),
    }
    print(f"## tread's choice per language ({PER_LANGUAGE} texts each; fallback english)\n")
    print("right / fell back / wrong, in % of the texts\n")
    print("| language | " + " | ".join(kinds) + " |")
    print("|---|" + "---:|" * len(kinds))
    totals = {k: Counter[str]() for k in kinds}
    for iso in ISO:
        want = ISO_CODES[iso]
        cells = []
        for kind, make in kinds.items():
            outcome: Counter[str] = Counter()
            for i in range(PER_LANGUAGE):
                choice = detect_language(make(iso, i), "english")
                if choice.detected:
                    outcome["right" if choice.language == want else "wrong"] += 1
                else:
                    outcome["fell back"] += 1
            totals[kind] += outcome
            cells.append(_cell(outcome, PER_LANGUAGE))
        print(f"| {want} | " + " | ".join(cells) + " |")
    n = PER_LANGUAGE * len(ISO)
    print("| **all** | " + " | ".join(_cell(totals[k], n) for k in kinds) + " |\n")
    _mixed(sentences, rng)


def _cell(outcome: Counter[str], n: int) -> str:
    return "/".join(f"{100 * outcome[k] / n:.0f}" for k in ("right", "fell back", "wrong"))


def _mixed(sentences: dict[str, list[str]], rng: random.Random) -> None:
    from tread.core.text.detect import detect_language
    from tread.core.text.languages import ISO_CODES

    print("## two languages in one text (200 texts each, 10 sentences, random pairs)\n")
    print("| mix | detected as the main language | fell back (mixed or unclear) | other |")
    print("|---|---:|---:|---:|")
    for main_count in (5, 7, 9):
        outcome: Counter[str] = Counter()
        for _ in range(200):
            a, b = rng.sample(ISO, 2)
            picked = rng.sample(sentences[a], main_count) + rng.sample(
                sentences[b], 10 - main_count
            )
            if main_count == 5:  # interleave halves so neither language leads
                picked = [s for pair in zip(picked[:5], picked[5:], strict=True) for s in pair]
            choice = detect_language(" ".join(picked), "english")
            if not choice.detected:
                outcome["fell back"] += 1
            elif choice.language == ISO_CODES[a] and main_count > 5:
                outcome["main"] += 1
            else:
                outcome["other"] += 1
        print(
            f"| {main_count} + {10 - main_count} sentences | {outcome['main'] / 2:.0f}% "
            f"| {outcome['fell back'] / 2:.0f}% | {outcome['other'] / 2:.0f}% |"
        )
    print()


def sentence_ends(data: Path) -> None:
    import punkt
    from sumy.nlp.tokenizers import Tokenizer as SumyTokenizer

    from tread.core.text.abbreviations import abbreviation_types
    from tread.core.text.languages import ISO_CODES, PUNKT_MODELS

    print("## sentence ends in 1,000 joined sentences: found / added falsely\n")
    print("| language | sumy's extra abbreviations only | with tread's table |")
    print("|---|---:|---:|")
    for iso in ISO:
        lang = ISO_CODES[iso]
        text, ends = "", set()
        for s in _sentences(data, iso):
            text += (" " if text else "") + s
            ends.add(len(text))
        cells = []
        for table in (False, True):
            types = {a.lower() for a in SumyTokenizer.LANGUAGE_EXTRA_ABREVS.get(lang, [])}
            if table:
                types |= abbreviation_types(lang)
            params = punkt.load_model(PUNKT_MODELS[lang]).merged_with(
                punkt.PunktParameters(abbrev_types=types)
            )
            found = {e for _s, e in punkt.PunktSentenceTokenizer(params).span_tokenize(text)}
            cells.append(f"{len(found & ends)} / {len(found - ends)}")
        print(f"| {lang} | " + " | ".join(cells) + " |")
    print()


CANDIDATE_SCRIPT = r"""
import sys, time, threading, random
which, data = sys.argv[1], sys.argv[2]
LANGS = "cs de el en es fr it pl pt sk sv".split()
t0 = time.perf_counter()
def build():
    if which == "py3langid":
        from py3langid.langid import LanguageIdentifier, MODEL_FILE
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(LANGS)
        return lambda t: ident.classify(t)[0]
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, l.upper())) for l in LANGS]
    b = LanguageDetectorBuilder.from_languages(*langs)
    if which == "lingua-low":
        b = b.with_low_accuracy_mode()
    d = b.build()
    def detect(t):
        r = d.detect_language_of(t)
        return r.iso_code_639_1.name.lower() if r else None
    return detect
box = {}
def first():
    detect = build()
    detect("Der Bundestag hat am Dienstag ein neues Gesetz beschlossen.")
    box["detect"] = detect
    box["took"] = time.perf_counter() - t0
th = threading.Thread(target=first); th.start()
stall, last = 0.0, time.perf_counter()
while th.is_alive():
    now = time.perf_counter(); stall = max(stall, now - last); last = now
th.join()
detect = box["detect"]
rng = random.Random(1)
acc = {}
for kind in ("single-words", "word-pairs", "sentences"):
    ok = n = 0
    for l in LANGS:
        path = f"{data}/{kind}/{l}.txt"
        lines = [x for x in open(path, encoding="utf-8").read().splitlines() if x.strip()]
        lines = lines[:300]
        ok += sum(detect(t) == l for t in lines); n += len(lines)
    acc[kind] = 100 * ok / n
cells = " | ".join(f"{v:.1f}%" for v in acc.values())
print(f"| {which} | {1000 * box['took']:.0f} | {1000 * stall:.0f} | {cells} |")
"""


def candidates(python: str, data: Path) -> None:
    print(f"## candidate libraries (run by {python}; first detection in a thread)\n")
    print(
        "| library | build + first detection (ms) | longest main-thread stall (ms) "
        "| single words | word pairs | sentences |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for which in ("py3langid", "lingua-low", "lingua-high"):
        out = subprocess.run(
            [python, "-c", CANDIDATE_SCRIPT, which, str(data)],
            capture_output=True,
            text=True,
            check=False,
        )
        print(out.stdout.strip() or f"| {which} | failed: {out.stderr.strip()[-80:]} |||||")
    print()


def main() -> None:
    p = parser(__doc__ or "")
    p.set_defaults(repeat=15)
    p.add_argument("--data", type=Path, default=Path("/tmp/langdata"))
    p.add_argument("--candidate", default=None, help="a Python with py3langid and lingua")
    p.add_argument("--skip-startup", action="store_true")
    args = p.parse_args()
    if not args.skip_startup:
        startup(args.repeat)
        critical_path(args.repeat)
    if (args.data / "sentences").is_dir():
        accuracy(args.data)
        sentence_ends(args.data)
    else:
        print(f"(no test sentences in {args.data}: accuracy and sentence ends skipped)\n")
    if args.candidate:
        candidates(args.candidate, args.data)


if __name__ == "__main__":
    main()
