"""Tables for scripts/train_news.py: per-style ROUGE against Lead-3 with paired bootstrap
intervals, shuffled-copy checks, and the eleven-reference Daily Mail figures."""

from __future__ import annotations

import statistics
import time
from typing import Any

import numpy as np


def bootstrap(values: list[float], seed: int = 20261129) -> tuple[float, float]:
    arr = np.asarray(values)
    rng = np.random.default_rng(seed)
    means = arr[rng.integers(0, len(arr), (2000, len(arr)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def style_row(
    data: Any, idx: list[int], picks: dict[int, list[int]], spicks: dict[int, list[int]], label: str
) -> dict[str, Any]:
    lead = [data.score(i, data.lead(i)) for i in idx]
    ours = [data.score(i, picks[i]) for i in idx]
    gain = [t["rouge2"] - le["rouge2"] for t, le in zip(ours, lead, strict=True)]
    row: dict[str, Any] = {"label": label, "n": len(idx)}
    for key, results in (("lead", lead), ("tread", ours)):
        for m in ("rouge1", "rouge2", "rougeL"):
            row[f"{key}_{m}"] = statistics.fmean(r[m] for r in results)
    row["gain"], row["gain_ci"] = statistics.fmean(gain), bootstrap(gain)
    row["shuffled"] = statistics.fmean(data.score(i, spicks[i], True)["rouge2"] for i in idx)
    row["lead_shuffled"] = statistics.fmean(
        data.score(i, data.lead(i, True), True)["rouge2"] for i in idx
    )
    row["lexrank_shuffled"] = statistics.fmean(data.lexrank_shuffled[i] for i in idx)
    row["same_as_lead"] = statistics.fmean(float(picks[i] == data.lead(i)) for i in idx)
    crowd = [i for i in idx if data.docs[i]["crowd"]]
    row["n_crowd"] = len(crowd)
    if crowd:
        for kind in ("mean", "max"):
            key = f"multi_rouge2_{kind}"
            diff = [data.score(i, picks[i])[key] - data.score(i, data.lead(i))[key] for i in crowd]
            row[f"multi_{kind}"] = (
                statistics.fmean(data.score(i, data.lead(i))[key] for i in crowd),
                statistics.fmean(data.score(i, picks[i])[key] for i in crowd),
                statistics.fmean(diff),
                bootstrap(diff),
            )
    undated = [
        data.score(i, picks[i], dateline=False)["rouge2"]
        - data.score(i, data.lead(i), dateline=False)["rouge2"]
        for i in idx
    ]
    row["lead_undated"] = statistics.fmean(
        data.score(i, data.lead(i), dateline=False)["rouge2"] for i in idx
    )
    row["tread_undated"] = row["lead_undated"] + statistics.fmean(undated)
    return row


def table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| set | n | Lead-3 R-1 / R-2 / R-L | tread R-1 / R-2 / R-L | R-2 gain [95% CI] "
        "| shuffled R-2: tread / Lead-3 / LexRank | picks = Lead-3 |",
        "|---|---:|---|---|---|---|---:|",
    ]
    for r in rows:
        low, high = r["gain_ci"]
        out.append(
            f"| {r['label']} | {r['n']} | {r['lead_rouge1']:.2f} / {r['lead_rouge2']:.2f} / "
            f"{r['lead_rougeL']:.2f} | {r['tread_rouge1']:.2f} / {r['tread_rouge2']:.2f} / "
            f"{r['tread_rougeL']:.2f} | **{r['gain']:+.2f}** [{low:+.2f}, {high:+.2f}] | "
            f"{r['shuffled']:.2f} / {r['lead_shuffled']:.2f} / {r['lexrank_shuffled']:.2f} | "
            f"{100 * r['same_as_lead']:.0f}% |"
        )
    return out


def multi_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| set | n | R-2 over 11 references | Lead-3 | tread | gain [95% CI] |",
        "|---|---:|---|---:|---:|---|",
    ]
    for r in rows:
        for kind in ("mean", "max"):
            if f"multi_{kind}" in r:
                lead, ours, gain, (low, high) = r[f"multi_{kind}"]
                out.append(
                    f"| {r['label']} | {r['n_crowd']} | {kind} over references "
                    f"| {lead:.2f} | {ours:.2f} | {gain:+.2f} [{low:+.2f}, {high:+.2f}] |"
                )
    return out


def per_article_ms(data: Any, count: int, limit: int = 200) -> float:
    """Wall time of tread's summariser per article (segmenting excluded), as shipped."""
    from tread.core.summarizers.summarize import summarize
    from tread.core.text.segment import segment

    segs = [segment(d["text"], detect_title=False) for d in data.docs[:limit]]
    summarize(segs[0], "tread", count)
    start = time.perf_counter()
    for seg in segs:
        summarize(seg, "tread", count)
    return 1000 * (time.perf_counter() - start) / len(segs)


def margin_table(
    data: Any, curve: list[tuple[float, dict[int, list[int]], dict[int, list[int]]]]
) -> list[str]:
    """R-2 gain, picks equal to Lead-3 and shuffled R-2 per style for each lead margin."""
    styles = sorted(set(data.style))
    out = [
        "| lead margin | "
        + " | ".join(f"{s}: R-2 gain / = Lead-3 / shuffled R-2" for s in styles)
        + " |",
        "|---:|" + "---|" * len(styles),
    ]
    for margin, picks, spicks in curve:
        cells = []
        for s in styles:
            idx = [i for i in picks if data.style[i] == s]
            gain = statistics.fmean(
                data.score(i, picks[i])["rouge2"] - data.score(i, data.lead(i))["rouge2"]
                for i in idx
            )
            same = statistics.fmean(float(picks[i] == data.lead(i)) for i in idx)
            shuffled = statistics.fmean(data.score(i, spicks[i], True)["rouge2"] for i in idx)
            cells.append(f"{gain:+.2f} / {100 * same:.0f}% / {shuffled:.2f}")
        out.append(f"| {margin} | " + " | ".join(cells) + " |")
    return out
