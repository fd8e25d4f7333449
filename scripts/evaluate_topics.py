"""Compare BERTopic's defaults with our TopicModel on parallel SIB-200 sentences.

Prints, for both: NMI(topic, language), outlier rate overall and per language, purity and ARI
against the 7 gold topics with ``--nr-topics``, ARI between runs with different seeds, and time.

Data: ``../shared/data/topics/sib200_train_dev.csv``; ``--n-ids`` sentence ids (drawn with a
fixed seed) in ``--langs``; the first half of the ids is the tuning half, the second the report
half (``--half``); ``--half unused`` takes the ids not drawn at all. ``--subsamples N`` fits our
model (``nr_topics`` only) on N random halves of the chosen ids and prints mean and spread, since
one split of a few hundred sentences is a noisy yardstick. ``--guided`` fits as the pipeline does
(codebook themes as seed topics, the embedder for labels). Embeddings come from
``make_embedder()`` and its on-disk cache.

    .venv/bin/python scripts/evaluate_topics.py --half test
    .venv/bin/python scripts/evaluate_topics.py --half tune --subsamples 10
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from nlp_integration.embedding import make_embedder
from nlp_integration.topics import TopicModel, language_nmi

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "topics" / "sib200_train_dev.csv"
LANGS = "de,en,tr,ar,ru,uk,pl,ro,bg,fa"


def load(path: Path, langs: list[str], n_ids: int, half: str) -> pd.DataFrame:
    """The parallel subset: index ids × ``langs`` of the tuning, report or unused half."""
    data = pd.read_csv(path)
    data = data[data["lang"].isin(langs)]
    ids = np.sort(data["index_id"].unique())
    picked = np.random.default_rng(0).choice(ids, n_ids, replace=False)
    parts = {
        "tune": picked[: n_ids // 2],
        "test": picked[n_ids // 2 :],
        "unused": np.setdiff1d(ids, picked),
    }
    return data[data["index_id"].isin(parts[half])].reset_index(drop=True)


def purity(pred: np.ndarray, gold: np.ndarray) -> float:
    table = pd.crosstab(pred, gold)
    return float(table.max(axis=1).sum() / len(pred))


def outlier_rates(topics: np.ndarray, langs: np.ndarray) -> tuple[float, dict[str, float]]:
    per_lang = pd.Series(topics == -1).groupby(langs).mean()
    return float((topics == -1).mean()), {k: round(float(v), 3) for k, v in per_lang.items()}


def bertopic_default(docs, embeddings, seed: int, nr_topics: int | None) -> np.ndarray:
    """BERTopic as documented, with only UMAP's random_state added (to measure seed stability)."""
    from bertopic import BERTopic
    from umap import UMAP

    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    model = BERTopic(language="multilingual", umap_model=umap, nr_topics=nr_topics)
    return np.asarray(model.fit_transform(docs, embeddings=embeddings)[0])


def ours(data, embeddings, seed: int, nr_topics: int, guided=None) -> tuple[np.ndarray, int]:
    """Our model; ``guided`` = ``(seed_topics, embedder)`` fits as the pipeline does."""
    seeds, embedder = guided or (None, None)
    model = TopicModel(nr_topics=nr_topics, random_state=seed, seed_topics=seeds)
    model.fit(
        data["text"].tolist(),
        embeddings,
        data["lang"].tolist(),
        data["id"].tolist(),
        label_embedder=embedder,
    )
    return model.labels_, model.n_outliers_before_


def pipeline_guidance(embedder) -> tuple[dict[str, list[str]], object]:
    """The codebook themes as seed topics, as ``pipeline.build_topic_model`` passes them."""
    from nlp_integration.codebook import load_codebook

    seeds = {label.name_de: [label.description_de] for label in load_codebook().themes()}
    return seeds, embedder


def subsample_report(data, embeddings, args, guided) -> None:
    """Our nr_topics model on ``args.subsamples`` random halves of the ids: mean and spread."""
    ids = np.sort(data["index_id"].unique())
    rows = []
    for i in range(args.subsamples):
        picked = np.random.default_rng(100 + i).choice(ids, len(ids) // 2, replace=False)
        mask = data["index_id"].isin(picked).to_numpy()
        part = data[mask].reset_index(drop=True)
        runs = []
        for seed in args.seeds:
            start = time.perf_counter()
            labels, before = ours(part, embeddings[mask], seed, args.nr_topics, guided)
            runs.append((labels, time.perf_counter() - start, before))
        rows.append(report(f"subsample {i}", runs, part))
    table = pd.DataFrame(rows)
    print(table.round(3).to_string(index=False))
    numeric = table.drop(columns="setting")
    print(
        f"\nours, nr_topics={args.nr_topics}, {args.subsamples} subsamples of {len(ids) // 2} ids:"
    )
    print(
        pd.DataFrame({"mean": numeric.mean(), "sd": numeric.std(), "min": numeric.min()})
        .round(3)
        .to_string()
    )


def report(name: str, runs: list[tuple[np.ndarray, float, int | None]], data: pd.DataFrame) -> dict:
    langs, gold = data["lang"].to_numpy(), data["label"].to_numpy()
    labels = [r[0] for r in runs]
    pairs = [adjusted_rand_score(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :]]
    rates = [outlier_rates(t, langs) for t in labels]
    per_lang = pd.DataFrame([r[1] for r in rates]).mean()
    before = [r[2] for r in runs if r[2] is not None]
    return {
        "setting": name,
        "n_topics": np.mean([len(set(t) - {-1}) for t in labels]),
        "nmi_lang": np.mean([language_nmi(t, langs) for t in labels]),
        "outliers": np.mean([r[0] for r in rates]),
        "outliers_before_reduction": np.mean(before) / len(data) if before else np.nan,
        "outlier_lang_spread": float(per_lang.max() - per_lang.min()),
        "purity": np.mean([purity(t, gold) for t in labels]),
        "ari_gold": np.mean([adjusted_rand_score(gold, t) for t in labels]),
        "ari_seeds": np.mean(pairs) if pairs else np.nan,
        "seconds_per_fit": np.mean([r[1] for r in runs]),
    }


def corpus_report(path: Path, nr_topics: int) -> None:
    """Our model on a contributions file (``text``, ``gold_lang``, ``gold_themes``): labels and figures."""
    from nlp_integration.schemas import split_labels

    data = pd.read_csv(path)
    data = data[data["text"].fillna("").str.strip() != ""].reset_index(
        drop=True
    )  # as the pipeline skips them
    embedder = make_embedder()
    embeddings = embedder.encode(data["text"].tolist())
    first_theme = data["gold_themes"].map(lambda cell: (split_labels(cell) or ["none"])[0])
    for k in (0, nr_topics):
        start = time.perf_counter()
        model = TopicModel(nr_topics=k).fit(
            data["text"].tolist(),
            embeddings,
            data["gold_lang"].tolist(),
            data["id"].tolist(),
            label_embedder=embedder,
        )
        seconds = time.perf_counter() - start
        print(
            f"nr_topics={k}: {len(model.topic_ids_)} topics ({model.clusterer_}), "
            f"NMI(topic, lang) {language_nmi(model.labels_, data['gold_lang']):.3f}, "
            f"purity vs first gold theme {purity(model.labels_, first_theme.to_numpy()):.3f}, "
            f"outliers before reduction {model.n_outliers_before_ / len(data):.3f}, {seconds:.1f} s"
        )
        table = model.topics_table()
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            print(
                table[["topic_id", "size", "label", "label_en", "keywords"]].to_string(index=False)
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--langs", default=LANGS)
    parser.add_argument("--n-ids", type=int, default=400)
    parser.add_argument("--half", choices=["tune", "test", "unused"], default="test")
    parser.add_argument("--nr-topics", type=int, default=7)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--subsamples", type=int, default=0, help="random halves of the ids")
    parser.add_argument(
        "--guided", action="store_true", help="codebook seed topics as in the pipeline"
    )
    parser.add_argument("--corpus", type=Path, help="report on a contributions file instead")
    args = parser.parse_args()
    if args.corpus:
        corpus_report(args.corpus, args.nr_topics)
        return
    if not args.data.is_file():
        raise SystemExit(
            f"{args.data} not found: the shared development data is needed for this script"
        )

    data = load(args.data, args.langs.split(","), args.n_ids, args.half)
    data["id"] = data["index_id"].astype(str) + "_" + data["lang"]
    embedder = make_embedder()
    embeddings = np.asarray(embedder.encode(data["text"].tolist()))
    guided = pipeline_guidance(embedder) if args.guided else None
    print(
        f"{len(data)} texts, {data['lang'].nunique()} languages, {data['index_id'].nunique()} ids, half={args.half}"
    )
    if args.subsamples:
        subsample_report(data, embeddings, args, guided)
        return

    rows = []
    settings = [
        ("ours, auto", lambda s: ours(data, embeddings, s, 0, guided)),
        (
            f"ours, nr_topics={args.nr_topics}",
            lambda s: ours(data, embeddings, s, args.nr_topics, guided),
        ),
    ]
    if not args.skip_baseline:
        docs = data["text"].tolist()
        settings = [
            (
                "BERTopic defaults, auto",
                lambda s: (bertopic_default(docs, embeddings, s, None), None),
            ),
            (
                f"BERTopic defaults, nr_topics={args.nr_topics}",
                lambda s: (bertopic_default(docs, embeddings, s, args.nr_topics), None),
            ),
        ] + settings
    for name, run in settings:
        runs = []
        for seed in args.seeds:
            start = time.perf_counter()
            labels, before = run(seed)
            runs.append((labels, time.perf_counter() - start, before))
        rows.append(report(name, runs, data))
        print(pd.DataFrame(rows[-1:]).round(3).to_string(index=False), flush=True)
    print()
    table = pd.DataFrame(rows).round(3)
    print("| " + " | ".join(table.columns) + " |")
    print("|" + "---|" * len(table.columns))
    for row in table.itertuples(index=False):
        print("| " + " | ".join(str(v) for v in row) + " |")


if __name__ == "__main__":
    main()
