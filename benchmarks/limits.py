"""Time and peak memory of `tread summarize` at and around each of its limits.

    python benchmarks/limits.py [--only NAME ...] [--timeout 300] [--memory-cap-mb 3000]
                                [--out benchmarks/results/limits.md]

Each case runs the real command (`python -m tread summarize FILE`) in a fresh process on
a generated text; wall time and the child's own peak RSS (``os.wait4`` rusage) are
recorded. The child's address space is capped (``--memory-cap-mb``) so that a runaway
case ends in a MemoryError instead of swapping a shared machine, and it is killed after
``--timeout`` seconds. The README's limits table is filled from the file this writes.
Texts are generated (seeded), so the script needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "more",
    "about",
    "up",
    "out",
    "them",
    "some",
    "could",
    "then",
    "what",
    "into",
]


def _word(i: int) -> str:
    """A distinct made-up lowercase word for every i (letters only: sumy keeps it)."""
    letters = "bcdfghjklmnprstvz"
    out = ""
    i += len(letters) ** 3  # at least four letters
    while i:
        i, r = divmod(i, len(letters))
        out += letters[r] + "aeiou"[r % 5]
    return out


def prose(sentences: int, vocab: int = 20_000, seed: int = 7) -> str:
    """Sentences of 8 to 30 words, a Zipf vocabulary half diluted with function words,
    six to a paragraph: about 106 characters a sentence, like news prose."""
    rng = random.Random(seed)
    lex = [_word(i) for i in range(vocab)]
    weights = [1 / (i + 1) for i in range(vocab)]
    out = []
    for _ in range(sentences):
        words = [
            rng.choice(COMMON) if rng.random() < 0.45 else w
            for w in rng.choices(lex, weights, k=rng.randint(8, 30))
        ]
        words[0] = words[0].capitalize()
        out.append(" ".join(words) + ".")
    return "\n\n".join(" ".join(out[i : i + 6]) for i in range(0, len(out), 6)) + "\n"


def sentences_of(text: str, n: int) -> str:
    """The first ``n`` sentences of ``text`` as tread finds them: a limit is met exactly."""
    from tread.core.text.segment import segment

    seg = segment(text, detect_title=False)
    assert len(seg.sentences) >= n, "generate more text"
    return text[: seg.sentences[n - 1].end] + "\n"


def prose_mb(mb: float) -> str:
    text = prose(max(1, int(mb * 1024 * 1024 / 106)))
    return text[: int(mb * 1024 * 1024)]


def unique_words(sentences: int, words: int) -> str:
    """Every word used once: the vocabulary is sentences x words."""
    out, k = [], 0
    for _ in range(sentences):
        out.append(" ".join(_word(k + j) for j in range(words)).capitalize() + ".")
        k += words
    return " ".join(out) + "\n"


TEXTS: dict[str, Callable[[], str]] = {
    "go-200000": lambda: "Go. " * 200_000,
    "go-200001": lambda: "Go. " * 200_001,
    "short-200000": lambda: (
        " ".join(f"{_word(2 * i).capitalize()} {_word(2 * i + 1)}." for i in range(200_000)) + "\n"
    ),
    "go-1000000": lambda: "Go. " * 1_000_000,
    "go-4000000": lambda: "Go. " * 4_000_000,
    "prose-16mb": lambda: prose_mb(15.9),
    "prose-1000": lambda: sentences_of(prose(1_100), 1_000),
    "prose-5000": lambda: sentences_of(prose(5_100), 5_000),
    "prose-5001": lambda: sentences_of(prose(5_100), 5_001),
    "prose-10000": lambda: sentences_of(prose(10_100), 10_000),
    "line-15mb": lambda: "a" * 15_000_000,
    "spaced-15mb": lambda: ("a" * 4_999 + " ") * 3_000,
    "lsa-200x5000": lambda: unique_words(200, 5_000),
    "lsa-500x8": lambda: unique_words(500, 8),
}


@dataclass
class Case:
    name: str
    limit: str
    text: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)


#: the algorithms whose only limits are the sentences and the input size
LINEAR = ("tread", "luhn", "edmundson", "lsa", "sum-basic", "kl", "random", "lead")

CASES = [
    Case("go-at", "sentences (every algorithm)", "go-200000", []),
    Case("go-at-kl", "greedy comparisons", "go-200000", ["-a", "kl"]),
    *(
        Case(f"short-at-{a}", "sentences (every algorithm)", "short-200000", ["-a", a])
        for a in LINEAR
    ),
    Case("go-over", "sentences (every algorithm)", "go-200001", []),
    Case("go-1m", "sentences (every algorithm)", "go-1000000", []),
    Case("go-4m", "sentences (every algorithm)", "go-4000000", []),
    *(Case(f"prose-16mb-{a}", "input size", "prose-16mb", ["-a", a]) for a in LINEAR),
    Case("line-15mb", "characters a sentence", "line-15mb", []),
    Case("spaced-15mb", "characters a sentence", "spaced-15mb", []),
    Case("lex-rank-at", "graph sentences", "prose-5000", ["-a", "lex-rank"]),
    Case("text-rank-at", "graph sentences", "prose-5000", ["-a", "text-rank"]),
    Case("reduction-at", "graph sentences", "prose-5000", ["-a", "reduction"]),
    Case("lex-rank-over", "graph sentences", "prose-5001", ["-a", "lex-rank"]),
    Case("lsa-unique-words", "LSA matrix cells", "lsa-200x5000", ["-a", "lsa"]),
    Case("lsa-svd", "LSA matrix cells", "lsa-500x8", ["-a", "lsa"]),
    Case("kl-at", "greedy comparisons", "prose-1000", ["-a", "kl", "-n", "140"]),
    Case("kl-over", "greedy comparisons", "prose-1000", ["-a", "kl", "-n", "141"]),
    Case("sum-basic-at", "greedy comparisons", "prose-10000", ["-a", "sum-basic", "-n", "1000"]),
    Case("sum-basic-over", "greedy comparisons", "prose-10000", ["-a", "sum-basic", "-n", "1001"]),
]


@dataclass
class Result:
    code: int | None
    seconds: float
    rss_mb: float
    sentences: int
    outcome: str


def run(case: Case, path: Path, timeout: float, cap_mb: int) -> Result:
    def limit_memory() -> None:
        cap = cap_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.setsid()

    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", **case.env}
    cmd = [sys.executable, "-m", "tread", "summarize", *case.args, str(path)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, preexec_fn=limit_memory)
        status = usage = None
        while time.perf_counter() - start < timeout:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        if not usage or not pid:
            os.killpg(proc.pid, signal.SIGKILL)
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            code = None
        else:
            assert status is not None  # wait4 gave the child's status with its pid
            code = os.waitstatus_to_exitcode(status)
            proc.returncode = code
        out.seek(0)
        err.seek(0)
        lines = out.read().decode("utf-8", "replace").splitlines()
        errors = err.read().decode("utf-8", "replace").strip().splitlines()
    if code is None:
        outcome = f"killed after {timeout:.0f} s"
    elif code == 0:
        widest = max((len(x) for x in lines), default=0)
        outcome = f"summary: {len(lines)} lines, the longest {widest:,} characters"
    else:
        last = errors[-1] if errors else "(no message)"
        if len(errors) > 1:
            last = f"{len(errors)} lines on stderr, the last: {last}"
        outcome = last.replace(str(path), path.stem)
    return Result(code, seconds, usage.ru_maxrss / 1024, len(lines), outcome)


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--only", nargs="*", help="case names (default: all)")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--memory-cap-mb", type=int, default=3000)
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "limits.md")
    p.add_argument("--label", default="", help="a note for the report's heading")
    args = p.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            path = Path(tmp) / f"{case.text}.txt"
            if not path.exists():
                path.write_text(TEXTS[case.text](), encoding="utf-8")
            r = run(case, path, args.timeout, args.memory_cap_mb)
            size = path.stat().st_size / 1024 / 1024
            cmd = " ".join(["tread summarize", *case.args, case.text])
            row = (
                f"| {case.name} | {case.limit} | `{cmd}` | {size:.1f} MB | "
                f"{'killed' if r.code is None else r.code} | {r.seconds:.1f} | "
                f"{r.rss_mb:.0f} | {r.outcome.replace('|', '/')} |"
            )
            print(row, flush=True)
            rows.append(row)
    heading = (
        f"# `tread summarize` at its limits\n\ncommit {commit()}{args.label}; "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"OPENBLAS_NUM_THREADS=1, address space capped at {args.memory_cap_mb} MB, "
        f"timeout {args.timeout:.0f} s. Made by `python benchmarks/limits.py`.\n\n"
        "| case | limit | command | input | exit | time (s) | peak RSS (MB) | outcome |\n"
        "|---|---|---|---:|---:|---:|---:|---|\n"
    )
    if not args.only:
        args.out.write_text(heading + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
