"""Exact cosine neighbours agree with scikit-learn's brute-force search."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.neighbors import NearestNeighbors

from nlp_integration import neighbours
from nlp_integration.neighbours import nearest_neighbours


@pytest.mark.parametrize("block_bytes", [64 * 2**20, 4 * 50 * 7])  # one block, and 7-row blocks
def test_matches_sklearn_brute_force(monkeypatch, block_bytes):
    monkeypatch.setattr(neighbours, "BLOCK_BYTES", block_bytes)
    x = np.random.default_rng(3).normal(size=(50, 16))
    indices, distances = nearest_neighbours(x, 6)
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    ref_d, ref_i = NearestNeighbors(n_neighbors=6, metric="cosine").fit(unit).kneighbors(unit)
    assert np.array_equal(indices, ref_i)
    assert np.allclose(distances, ref_d, atol=1e-5)
    assert (np.diff(distances, axis=1) >= 0).all()


def test_self_first_among_duplicates_and_k_capped():
    x = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    indices, distances = nearest_neighbours(x, 10)
    assert indices.shape == (3, 3)
    assert indices[:, 0].tolist() == [0, 1, 2]
    assert distances[:, 0].tolist() == [0.0, 0.0, 0.0]
    assert indices[0, 1] == 1 and distances[2, 2] == pytest.approx(1.0)
