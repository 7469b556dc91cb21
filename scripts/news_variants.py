"""Variants of tread's news model, scored on each style: the record of how the trees
(train_news.py --model trees) were chosen over the logistic regression.

    PYTHONPATH=/tmp/sk python scripts/news_variants.py --shared ../shared \
        [--report benchmarks/results/news_variants.md]

Each variant changes one thing in scripts/train_news.py's recipe and is scored out of
fold (5-fold CV, the same grouped folds) at the same four selection settings
(redundancy, lead margin), so the rows compare like with like. R-2 gain over Lead-3 (3
sentences) on the highlights, on each style, and for Daily Mail also the mean over all
eleven human summaries; '= L3': share of stories whose picks are Lead-3's.

- *shipped recipe*: logistic regression on greedy-oracle labels (train_news.py).
- *C = 0.05*: twenty times stronger L2 regularisation.
- *soft labels*: each sentence's own ROUGE-1 + ROUGE-2 against the highlights (scaled
  to the story's best) as the target, instead of the oracle's 0/1.
- *crowd labels*: for the Daily Mail stories, the share of the eleven human summaries
  whose greedy oracle picks the sentence (more signal from the same stories).
- *pairwise*: a ranking model (logistic regression on the feature differences of an
  oracle sentence and up to 12 others of its story).
- *position one-hot*: eight indicator features for the first eight places added.
- *trees, depth 2 / 3*: boosted trees (scikit-learn's HistGradientBoostingClassifier,
  150 / 200 rounds, learning rate 0.05, leaves of at least 50 sentences; log-odds x 0.25).
  Depth 2 is what train_news.py --model trees now ships.
- *swap fallback*: the linear scores, but selection starts from the lead and swaps in
  a pick only where it beats the weakest lead sentence by the margin (a per-sentence
  fallback, instead of all or nothing).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import news_data as nd
import train_news as tn

SETTINGS = [(2.0, 0.1), (4.0, 0.0), (4.0, 0.1), (4.0, 0.2)]
Scorer = Callable[[np.ndarray], np.ndarray]


def _tokenizer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer.tokenize


def soft_labels(doc: dict[str, Any], tokenize: Any) -> np.ndarray:
    ref = tokenize(" ".join(doc["reference"]))
    v = np.array([nd._f1(t, ref, 1) + nd._f1(t, ref, 2) for t in doc["tokens"]])
    return v / v.max() if v.max() > 0 else v


def crowd_labels(doc: dict[str, Any], tokenize: Any) -> np.ndarray:
    if not doc["crowd"]:
        return np.asarray(doc["labels"])
    found = [doc["labels"]] + [nd.oracle(doc["tokens"], tokenize(r)) for r in doc["crowd"]]
    return np.asarray(np.mean(found, axis=0))


def one_hot_places(x: np.ndarray, places: int = 8) -> np.ndarray:
    place = np.rint(1 / x[:, 0] - 1).astype(int)  # position_inverse = 1 / (place + 1)
    return np.hstack([x, np.stack([place == k for k in range(places)], axis=1)])


def training_rows(
    data: tn.Data, train: list[int], labels: str = "labels", augment: Any = None
) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """Per article of ``train`` and per shuffled copy (at half weight): its features,
    labels and weights, as train_news.py fits them."""
    xs, ys, ws = [], [], []
    for i in train:
        for x, doc, weight in ((data.x[i], data.docs[i], 1.0), (data.sx[i], data.sdocs[i], 0.5)):
            xs.append(augment(x) if augment else x)
            ys.append(np.asarray(doc[labels]))
            ws.append(np.full(len(x), weight))
    return xs, ys, ws


def fitter(
    labels: str = "labels", c: float = 1.0, augment: Any = None, pairwise: bool = False
) -> Callable[[tn.Data, list[int]], Scorer]:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)

    def fit(data: tn.Data, train: list[int]) -> Scorer:
        xs, ys, ws = training_rows(data, train, labels, augment)
        x = np.vstack(xs)
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        if pairwise:
            diffs: list[np.ndarray] = []
            weights: list[float] = []
            for xa, ya, wa in zip(xs, ys, ws, strict=True):
                z = (xa - mean) / scale
                negatives = np.flatnonzero(ya == 0)
                for p in np.flatnonzero(ya > 0):
                    some = negatives
                    if len(negatives) > 12:
                        some = rng.choice(negatives, 12, replace=False)
                    diffs += [z[p] - z[q] for q in some]
                    weights += [float(wa[0])] * len(some)
            d, dw = np.array(diffs), np.array(weights)
            model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False).fit(
                np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))], np.r_[dw, dw]
            )
        else:  # fractional targets as two weighted rows (y=1 with w*y, y=0 with w*(1-y))
            y, w = np.concatenate(ys), np.concatenate(ws)
            z = (x - mean) / scale
            model = LogisticRegression(C=c, max_iter=3000).fit(
                np.vstack([z, z]),
                np.r_[np.ones(len(y)), np.zeros(len(y))],
                np.r_[w * y, w * (1 - y)],
            )
        coef, b = model.coef_[0], float(model.intercept_[0])

        def score(x: np.ndarray) -> np.ndarray:
            result: np.ndarray = ((augment(x) if augment else x) - mean) / scale @ coef + b
            return result

        return score

    return fit


def tree_fitter(depth: int, rounds: int) -> Callable[[tn.Data, list[int]], Scorer]:
    from sklearn.ensemble import HistGradientBoostingClassifier

    def fit(data: tn.Data, train: list[int]) -> Scorer:
        xs, ys, ws = training_rows(data, train)
        model = HistGradientBoostingClassifier(
            max_depth=depth,
            max_iter=rounds,
            learning_rate=0.05,
            min_samples_leaf=50,
            random_state=0,
        ).fit(np.vstack(xs), np.concatenate(ys), sample_weight=np.concatenate(ws))

        def score(x: np.ndarray) -> np.ndarray:
            result: np.ndarray = model.decision_function(x) * tn.TREE_SCALE
            return result

        return score

    return fit


def swap_picks(
    data: tn.Data, i: int, s: np.ndarray, shuffled: bool, redundancy: float, margin: float
) -> list[int]:
    from tread.core.summarizers.news import lead_is_central
    from tread.core.summarizers.selection import dot, select

    vec = (data.sv if shuffled else data.v)[i]
    x = (data.sx if shuffled else data.x)[i]
    count = min(tn.COUNT, len(s))
    best = select(s, vec, count, redundancy, 0.0, tn.REPEAT_FLOOR, False).chosen
    if not lead_is_central(x, count):
        return sorted(best)

    def worth(j: int, members: list[int]) -> float:
        repeat = max((dot(vec[j], vec[k]) for k in members if k != j and s[k] >= s[j]), default=0.0)
        return float(s[j]) - redundancy * max(0.0, repeat - tn.REPEAT_FLOOR)

    chosen = list(range(count))
    for candidate in best:
        if candidate in chosen:
            continue
        weakest = min(chosen, key=lambda j: worth(j, chosen))
        trial = [k for k in chosen if k != weakest] + [candidate]
        if worth(candidate, trial) > worth(weakest, chosen) + margin:
            chosen = trial
    return sorted(chosen)


def out_of_fold(data: tn.Data, fit: Any) -> tuple[dict[int, Any], dict[int, Any]]:
    everyone = range(len(data.docs))
    oof, soof = {}, {}
    for k in sorted(set(data.fold)):
        score = fit(data, [i for i in everyone if data.fold[i] != k])
        for i in everyone:
            if data.fold[i] == k:
                oof[i], soof[i] = score(data.x[i]), score(data.sx[i])
    return oof, soof


def rows_for(name: str, data: tn.Data, fit: Any, pick: Any = None) -> list[str]:
    pick = pick or tn.choose_picks
    oof, soof = out_of_fold(data, fit)
    everyone = sorted(oof)
    out = []
    for redundancy, margin in SETTINGS:
        picks = {i: pick(data, i, oof[i], False, redundancy, margin) for i in everyone}
        spicks = {i: pick(data, i, soof[i], True, redundancy, margin) for i in everyone}
        cells = []
        for style in ("cnn", "dailymail"):
            members = [i for i in everyone if data.style[i] == style]
            gain = statistics.fmean(
                data.score(i, picks[i])["rouge2"] - data.score(i, data.lead(i))["rouge2"]
                for i in members
            )
            same = statistics.fmean(picks[i] == data.lead(i) for i in members)
            cells.append(f"{gain:+.2f} | {same:.0%}")
            if style == "dailymail":
                multi = statistics.fmean(
                    data.score(i, picks[i])["multi_rouge2_mean"]
                    - data.score(i, data.lead(i))["multi_rouge2_mean"]
                    for i in members
                    if data.docs[i]["crowd"]
                )
                cells.append(f"{multi:+.2f}")
        _, kept = tn.objective(data, everyone, picks, spicks)
        out.append(
            f"| {name} | {redundancy} / {margin} | " + " | ".join(cells) + f" | {kept:.2f} |"
        )
        print(out[-1], flush=True)
    return out


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--shared", type=Path, default=tn.ROOT.parent / "shared")
    p.add_argument("--cache", type=Path, default=Path("/tmp/tread-train-news"))
    p.add_argument("--report", type=Path)
    args = p.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    started = time.time()
    data = tn.Data(args.shared, args.cache, 5, False)
    tokenize = _tokenizer()
    for doc in (*data.docs, *data.sdocs):
        doc["soft"] = soft_labels(doc, tokenize)
        doc["crowd_labels"] = crowd_labels(doc, tokenize)
    rows = []
    rows += rows_for("shipped recipe", data, fitter())
    rows += rows_for("C = 0.05", data, fitter(c=0.05))
    rows += rows_for("soft labels", data, fitter("soft"))
    rows += rows_for("crowd labels", data, fitter("crowd_labels"))
    rows += rows_for("pairwise", data, fitter(pairwise=True))
    rows += rows_for("position one-hot", data, fitter(augment=one_hot_places))
    rows += rows_for("swap fallback", data, fitter(), swap_picks)
    rows += rows_for("trees, depth 2", data, tree_fitter(2, 150))
    rows += rows_for("trees, depth 3", data, tree_fitter(3, 200))
    lines = [
        "# Variants of the news model on each style (5-fold CV)",
        "",
        f"`PYTHONPATH=/tmp/sk python scripts/news_variants.py --shared ../shared --report "
        f"{args.report}` ({time.time() - started:.0f} s). What each variant changes: the "
        "script's docstring. R-2 gain over Lead-3, 3 sentences, out of fold; DM 11 refs: "
        "gain on the mean over the highlights and the ten crowd summaries; shuffled: share "
        "of LexRank's lead over chance kept on shuffled copies.",
        "",
        "| variant | redundancy / lead margin | CNN R-2 gain | CNN = L3 | DM R-2 gain "
        "| DM = L3 | DM 11 refs | shuffled |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
