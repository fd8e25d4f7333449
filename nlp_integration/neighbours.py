"""Exact nearest neighbours by cosine distance, in memory-bounded blocks.

UMAP finds neighbours with pynndescent, whose numba functions are compiled afresh in every
process (tens of seconds on two cores). Up to some tens of thousands of contributions one
blocked matrix product finds the exact neighbours faster, and UMAP takes them as
``precomputed_knn``.
"""

from __future__ import annotations

import numpy as np

BLOCK_BYTES = 64 * 2**20  # similarity block held in memory at once


def nearest_neighbours(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices and cosine distances of each row's ``k`` nearest rows (itself first), nearest first.

    Rows are normalised to unit length first; ``k`` is capped at the number of rows.
    """
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    x = x / np.where(norms > 0, norms, 1.0)
    n = len(x)
    k = min(k, n)
    indices = np.empty((n, k), dtype=np.int64)
    distances = np.empty((n, k), dtype=np.float32)
    block = max(1, BLOCK_BYTES // (4 * max(n, 1)))
    for start in range(0, n, block):
        sims = x[start : start + block] @ x.T
        rows = np.arange(len(sims))
        sims[rows, start + rows] = np.inf  # a row is its own nearest neighbour, also among twins
        top = (
            np.argpartition(-sims, k - 1, axis=1)[:, :k]
            if k < n
            else np.tile(np.arange(n), (len(sims), 1))
        )
        top_sims = np.take_along_axis(sims, top, axis=1)
        order = np.argsort(-top_sims, axis=1, kind="stable")
        indices[start : start + block] = np.take_along_axis(top, order, axis=1)
        nearest = np.take_along_axis(top_sims, order, axis=1)
        nearest[:, 0] = 1.0
        distances[start : start + block] = np.clip(1.0 - nearest, 0.0, 2.0)
    return indices, distances
