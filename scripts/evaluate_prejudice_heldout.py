"""Measure the default prejudice detector on the blind held-out set (never tune on it).

Run from the repository root::

    .venv/bin/python scripts/evaluate_prejudice_heldout.py

The set is ``corpora/prejudice_heldout/statements.csv`` (see its README); ``--data`` with
``--kind-column functionality`` reads the functional sets in ``corpora/prejudice_functional/``
(``dev.csv`` for development, ``test.csv`` once at the end). The classifier is built
as ``analyse`` builds it: default :class:`~nlp_integration.config.Settings`, redaction of the
texts, ``make_embedder`` with the settings' backend and the on-disk cache, the built-in codebook,
``CodebookClassifier(codebook, max_themes, max_statement_types).fit(embedder).predict``. A text
counts as predicted hostile when ``prejudice`` is among its ``statement_types``; the AUC is that
of ``score_prejudice``. Figures are printed as Markdown.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "corpora" / "prejudice_heldout" / "statements.csv"
LABEL = "prejudice"


def predict(texts: list[str]) -> pd.DataFrame:
    """``statement_types`` and ``score_prejudice`` of the default pipeline for ``texts``."""
    from nlp_integration import redact
    from nlp_integration.codebook import CodebookClassifier, load_codebook
    from nlp_integration.config import Settings
    from nlp_integration.embedding import make_embedder

    settings = Settings()
    embedder = make_embedder(
        settings.embedding.backend,
        settings.embedding.model,
        settings.embedding.batch_size,
        settings.embedding.cache,
        settings.embedding.precision,
    )
    if settings.redaction.enabled:
        texts, _ = redact.redact_texts(texts)
    texts = [t[: settings.input.max_text_chars] for t in texts]
    vectors = embedder.encode(texts)
    classifier = CodebookClassifier(
        load_codebook(), settings.classify.max_themes, settings.classify.max_statement_types
    ).fit(embedder)
    return classifier.predict(vectors, texts)


def _figures(frame: pd.DataFrame) -> dict[str, float]:
    y, p, s = frame["hostile"], frame["pred"], frame[f"score_{LABEL}"]
    auc = roc_auc_score(y, s) if y.nunique() == 2 else float("nan")
    return {
        "n": len(frame),
        "macro_f1": f1_score(y, p, average="macro", zero_division=0),
        "f1_hostile": f1_score(y, p, pos_label=1, zero_division=0),
        "auc": auc,
    }


def report(frame: pd.DataFrame, source: Path = DATA, worst: int = 15, kind: str = "kind") -> None:
    """Print the figures table, the error rates per ``kind`` column and the ``worst`` errors."""
    frame = frame.rename(columns={kind: "kind"})
    print(f"# Prejudice held-out set ({source.name}), default codebook model\n")
    print("| lang | n | macro-F1 | F1 hostile | AUC score_prejudice |")
    print("|---|---:|---:|---:|---:|")
    groups = [(lang, frame[frame["lang"] == lang]) for lang in sorted(frame["lang"].unique())]
    for name, part in [*groups, ("all", frame)]:
        f = _figures(part)
        print(
            f"| {name} | {f['n']} | {f['macro_f1']:.3f} | {f['f1_hostile']:.3f} | {f['auc']:.3f} |"
        )

    print("\n## Error rate per kind (rows: kind; columns: lang)\n")
    frame = frame.assign(error=(frame["pred"] != frame["hostile"]).astype(float))
    table = frame.pivot_table(index="kind", columns="lang", values="error", aggfunc="mean")
    table["all"] = frame.groupby("kind")["error"].mean()
    print("| kind | hostile | " + " | ".join(table.columns) + " |")
    print("|---|---:|" + "---:|" * len(table.columns))
    for kind, row in table.iterrows():
        gold = int(frame.loc[frame["kind"] == kind, "hostile"].iloc[0])
        print(f"| {kind} | {gold} | " + " | ".join(f"{v:.2f}" for v in row) + " |")

    print(f"\n## {worst} worst errors (largest distance of score_{LABEL} from the gold label)\n")
    errors = frame[frame["error"] == 1].copy()
    errors["distance"] = (errors["hostile"] - errors[f"score_{LABEL}"]).abs()
    errors = errors.sort_values(["distance", "id"], ascending=[False, True]).head(worst)
    print(f"| id | kind | gold | score_{LABEL} | statement_types | text |")
    print("|---|---|---:|---:|---|---|")
    for _, r in errors.iterrows():
        text = str(r["text"]).replace("|", "/")
        print(
            f"| {r['id']} | {r['kind']} | {r['hostile']} | {r[f'score_{LABEL}']:.3f} | "
            f"{r['statement_types']} | {text} |"
        )


def main() -> None:
    """Load the set, predict, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the held-out CSV")
    parser.add_argument("--worst", type=int, default=15, help="number of worst errors to list")
    parser.add_argument(
        "--kind-column", default="kind", help="column that groups the texts (functionality sets)"
    )
    args = parser.parse_args()
    data = pd.read_csv(args.data, dtype={"id": str, "text": str}, keep_default_na=False)
    scores = predict(data["text"].tolist())
    frame = data.reset_index(drop=True).assign(
        statement_types=scores["statement_types"].to_numpy(),
        pred=np.array(
            [int(LABEL in str(v).split(";")) for v in scores["statement_types"]], dtype=int
        ),
        **{f"score_{LABEL}": scores[f"score_{LABEL}"].to_numpy()},
    )
    report(frame, args.data, args.worst, args.kind_column)


if __name__ == "__main__":
    main()
