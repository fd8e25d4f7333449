"""Fit the hostility direction: logistic regression on embeddings of the project's own texts.

Run from the repository root (offline, default embedder)::

    .venv/bin/python scripts/build_hostility_direction.py

Training texts, all written for this project (none from ``../shared/``):

- ``corpora/prejudice_functional/`` ``dev``, ``test``, ``test2`` and ``mhc_style`` to
  ``mhc_style5`` (HateCheck-style texts in de/ar/pl, ``hostile`` 0/1);
- the codebook's examples: ``prejudice`` examples hostile, its counter-examples and every other
  label's examples and counter-examples not (so complaints about buses or rents are not hostile);
- ``corpora/hostility_training/neutral_news.csv``: news that names migrants without hostility;
- ``corpora/sample/contributions.csv``: hostile where the gold statement types hold ``prejudice``.

``mhc_style6.csv`` and ``corpora/prejudice_heldout/`` stay out (they are for measuring). Texts are
redacted as in ``analyse`` and embedded without the on-disk cache, in float32. Writes
``nlp_integration/codebook/hostility_direction.npz`` (whole or not at all): ``coef``,
``intercept``, ``embedder_id`` (the model the direction belongs to), ``n_texts``, ``data_sha256``
(texts and labels), ``weights_sha256`` (the weights: what run manifests show), ``precision`` and
``c_regularisation``; and prints a 5-fold cross-validated AUC.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONAL = [
    "dev",
    "test",
    "test2",
    "mhc_style",
    "mhc_style2",
    "mhc_style3",
    "mhc_style4",
    "mhc_style5",
]
OUT = ROOT / "nlp_integration" / "codebook" / "hostility_direction.npz"
C_REGULARISATION = 3.0  # chosen among 0.3/1/3/10 by AUC on mhc_style4 (docs/classification.md)
PRECISION = "fp32"  # the same vectors on every CPU (bf16, where native, differs slightly)


def training_texts() -> pd.DataFrame:
    """``text``, ``hostile`` (0/1) and ``source`` of every training text, duplicates dropped."""
    from nlp_integration.codebook import load_codebook

    parts = []
    for name in FUNCTIONAL:
        data = pd.read_csv(ROOT / "corpora" / "prejudice_functional" / f"{name}.csv")
        parts.append(data[["text", "hostile"]].assign(source=name))
    rows = []
    for label in load_codebook().labels:
        for example in label.examples:
            rows.append((example.text, int(label.key == "prejudice"), "codebook"))
        for example in label.counter_examples:
            rows.append((example.text, 0, "codebook"))
    parts.append(pd.DataFrame(rows, columns=["text", "hostile", "source"]))
    news = pd.read_csv(ROOT / "corpora" / "hostility_training" / "neutral_news.csv")
    parts.append(news[["text", "hostile"]].assign(source="neutral_news"))
    sample = pd.read_csv(ROOT / "corpora" / "sample" / "contributions.csv").dropna(subset=["text"])
    hostile = sample["gold_statement_types"].fillna("").str.contains("prejudice").astype(int)
    parts.append(pd.DataFrame({"text": sample["text"], "hostile": hostile, "source": "sample"}))
    data = pd.concat(parts, ignore_index=True)
    data["text"] = data["text"].astype(str).str.strip()
    data = data[data["text"] != ""]
    # a text both hostile and not (a prejudice example also among another label's) counts hostile
    return (
        data.sort_values("hostile", ascending=False).drop_duplicates("text").reset_index(drop=True)
    )


def main() -> None:
    """Embed, fit, report the cross-validated AUC, write the ``.npz``."""
    from nlp_integration import redact
    from nlp_integration.config import Settings
    from nlp_integration.embedding import make_embedder, set_offline_environment
    from nlp_integration.io import atomic_write

    set_offline_environment()

    data = training_texts()
    settings = Settings()
    embedder = make_embedder(
        settings.embedding.backend,
        settings.embedding.model,
        settings.embedding.batch_size,
        cache=False,
        precision=PRECISION,
    )
    texts, _ = redact.redact_texts(data["text"].tolist())
    x = np.asarray(embedder.encode(texts), dtype=np.float64)
    y = data["hostile"].to_numpy()
    model = LogisticRegression(C=C_REGULARISATION, max_iter=5000, class_weight="balanced")
    cv = cross_val_predict(model, x, y, cv=5, method="predict_proba")[:, 1]
    model.fit(x, y)
    pairs = "\n".join(f"{t}\t{h}" for t, h in zip(data["text"], y, strict=True))
    coef = model.coef_[0].astype(np.float32)
    intercept = np.array(model.intercept_[0])
    arrays = {
        "coef": coef,
        "intercept": intercept,
        "embedder_id": np.array(str(embedder.model_id)),
        "n_texts": np.array(len(data)),
        "data_sha256": np.array(hashlib.sha256(pairs.encode()).hexdigest()),
        "weights_sha256": np.array(
            hashlib.sha256(coef.tobytes() + intercept.tobytes()).hexdigest()
        ),
        "precision": np.array(PRECISION),
        "c_regularisation": np.array(C_REGULARISATION),
    }

    def write(tmp: Path) -> None:
        with tmp.open("wb") as handle:  # a file object: savez adds no ".npz" to the name
            np.savez(handle, **arrays)

    atomic_write(OUT, write)
    counts = data.groupby("source")["hostile"].agg(["size", "sum"])
    print(counts.to_string())
    print(f"{len(data)} texts, {int(y.sum())} hostile; 5-fold CV AUC {roc_auc_score(y, cv):.3f}")
    print(f"wrote {OUT.relative_to(ROOT)} for {embedder.model_id}")


if __name__ == "__main__":
    main()
