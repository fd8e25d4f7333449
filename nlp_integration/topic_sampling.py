"""Topics for large corpora: fit on a seeded sample, give every other contribution its nearest topic.

UMAP, HDBSCAN and c-TF-IDF grow faster than the corpus, in time and in memory; twenty thousand
contributions show the topics of a city's dialogue as well as a hundred thousand do. Both the
local pipeline and the Dask path fit on at most ``topics.fit_sample`` contributions and assign the
rest to the nearest topic centroid in the fit's language-centred space. Sizes and language shares
in ``topics.csv`` are then counted over all contributions; keywords, labels and representative ids
come from the sample.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from nlp_integration import schemas as S


def sample_positions(n: int, size: int, seed: int) -> np.ndarray | None:
    """Sorted positions of a seeded sample of ``size`` out of ``n``; None when all are used."""
    if size <= 0 or n <= size:
        return None
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


def nearest_topics(
    vectors: np.ndarray,
    langs: Sequence[str],
    centroids: np.ndarray,
    topic_ids: Sequence[int],
    centring: tuple[dict[str, np.ndarray], np.ndarray] | None,
    block: int = 20_000,
) -> np.ndarray:
    """Topic of each vector: the nearest centroid (cosine) after the fit's language centring.

    ``centring`` is what ``topics.language_means`` gave for the fitted contributions (None: no
    centring); a language without a mean of its own gets the shared one. Works in blocks of
    ``block`` rows.
    """
    if len(vectors) == 0 or len(topic_ids) == 0:
        return np.full(len(vectors), S.OUTLIER_TOPIC, dtype=int)
    ids = np.asarray(topic_ids, dtype=int)
    c = np.asarray(centroids, dtype=np.float64)
    c = c / np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)
    out = np.empty(len(vectors), dtype=int)
    for start in range(0, len(vectors), block):
        x = np.asarray(vectors[start : start + block], dtype=np.float64)
        if centring is not None:
            means, shared = centring
            part = langs[start : start + block]
            x = x - np.vstack([means.get(str(lang), shared) for lang in part])
        x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
        out[start : start + block] = ids[np.argmax(x @ c.T, axis=1)]
    return out


def full_topic_table(
    topic_table: pd.DataFrame, topic_ids: np.ndarray, langs: Sequence[str]
) -> pd.DataFrame:
    """Topic sizes and language shares counted over all contributions (labels from the sample)."""
    frame = pd.DataFrame({"topic_id": topic_ids, "lang": list(langs)})
    present = set(frame["topic_id"].tolist())
    rows = topic_table[topic_table["topic_id"].isin(present)].copy()
    sizes = frame["topic_id"].value_counts()
    rows["size"] = rows["topic_id"].map(sizes).astype(int)
    shares = frame.groupby("topic_id")["lang"].value_counts(normalize=True).round(3)
    rows["share_by_lang"] = [
        json.dumps({k: float(v) for k, v in shares.loc[t].items()}, ensure_ascii=False)
        for t in rows["topic_id"]
    ]
    return rows.reset_index(drop=True)


def extend_to_all(
    model: Any, topic_table: pd.DataFrame, topic_ids: np.ndarray, pick: np.ndarray,
    langs: Sequence[str],
) -> tuple[Any, pd.DataFrame, pd.DataFrame]:  # fmt: skip
    """The sample's own topics into ``topic_ids``; the model (a copy whose ``labels_`` cover
    every contribution, for topics over time), the recounted topic table and the assignments."""
    topic_ids = np.asarray(topic_ids, dtype=int).copy()
    topic_ids[pick] = model.labels_
    labels = dict(zip(topic_table["topic_id"], topic_table["label"], strict=True))
    assignments = pd.DataFrame(
        {S.TOPIC_ID: topic_ids, S.TOPIC_LABEL: [labels.get(int(t), "") for t in topic_ids]}
    )
    extended = copy.copy(model)
    extended.labels_ = topic_ids
    return extended, full_topic_table(topic_table, topic_ids, langs), assignments
