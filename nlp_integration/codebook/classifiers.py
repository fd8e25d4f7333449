"""The default codebook classifier: few-shot from codebook examples, zero-shot from label definitions.

For every label a linear model (weighted ridge regression on +-1 targets) separates the label's
examples (and its definitions) from the examples of the other labels of the same kind and from the
label's counter-examples. Its out-of-fold decision value and a zero-shot margin (cosine similarity
to the label's definitions minus the mean similarity to the other labels' definitions) are combined
and calibrated to 0..1 by a second, two-input logistic model (Platt scaling) fitted on out-of-fold
predictions; for ``prejudice`` the lexical hostility evidence of
:mod:`nlp_integration.codebook.hostility` is a third input. A per-label threshold maximises F1 on
the same out-of-fold scores (then scaled, see ``THRESHOLD_SCALE``). The ``prejudice`` score is
lowered by the counter-speech layer (:mod:`nlp_integration.codebook.lexical`) and by negated
hostility.
"""

from __future__ import annotations

import hashlib
import warnings
import zipfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from threadpoolctl import threadpool_limits

from nlp_integration.codebook.fear import fear_evidence
from nlp_integration.codebook.hostility import (
    counter_speech,
    hostility_evidence,
    hostility_signals,
)
from nlp_integration.errors import InputValueError, ModelError
from nlp_integration.io import atomic_write

# labels whose score the counter-speech layer lowers, and by how much (score * (1 - w * strength))
COUNTER_SPEECH_LABELS: dict[str, float] = {"prejudice": 0.85}
# labels whose calibration takes lexical evidence as a third input (see hostility.py; prediction
# reads it from ``lexical_evidence``)
LEXICAL_EVIDENCE_LABELS = {"prejudice": hostility_evidence}
# Fear words (fear.py) add a fixed logit instead: learned on the codebook examples, their weight
# took over from the embeddings and cost recall on texts without such words. 2.0 was chosen
# among 0-4 on the dev half (by text hash) of BRIGHTER fear (docs/classification.md).
FIXED_LEXICAL_LOGITS = {"fear": 2.0}
# the column of ``lexical_evidence`` that holds each label's evidence
LEXICAL_COLUMNS = {"prejudice": 0, "fear": 3}
GROUP_COLUMN = 4  # the column of lexical_evidence that says a group word or slur occurs
# The calibration learns the lexical weight on codebook examples, which the embeddings already
# separate well, so it understates lexical evidence on real text; the learned weight is doubled.
# 2.0 was chosen among 0-4 on the dev half of GermEval 2018 (docs/classification.md, section 4).
LEXICAL_WEIGHT_SCALE = 2.0
ZERO_SHOT_TEMPERATURE = 0.02  # cosine margins of e5 vectors are small; this turns them into logits
RIDGE_ALPHA = 1.0  # ridge penalty of the few-shot linear models (embeddings have norm 1)
DESCRIPTION_WEIGHT = 0.5  # a definition counts half as much as an example when training
THRESHOLD_RANGE = (0.2, 0.8)
CV_REPEATS = 3  # repeated 5-fold CV for the out-of-fold scores behind calibration and thresholds
# Codebook examples are prototypical; real contributions score lower on the same label, so the
# F1-best threshold on out-of-fold codebook examples is scaled down, per kind of label. The scales
# were chosen on the dev half (by text hash) of the sample corpus (docs/classification.md, 4d):
# themes 0.35, statement types 0.25. ``fear`` keeps 0.65, chosen earlier on BRIGHTER fear;
# ``prejudice`` 0.65, chosen among 1.0/0.8/0.65/0.5/0.4 on the dev half of GermEval 2018.
THRESHOLD_SCALE = {"theme": 0.35, "statement_type": 0.25}
LABEL_THRESHOLD_SCALE = {"fear": 0.65, "prejudice": 0.65}
KINDS = ("theme", "statement_type")


LEXICAL_INPUTS = 5  # columns of lexical_evidence
# The hostility direction (scripts/build_hostility_direction.py): a logistic regression on the
# default embedder's vectors of the project's own hostile and non-hostile texts. For a text that
# names a group, the prejudice probability becomes (1 - w) * p + w * p_direction before the
# counter-speech and negation dampening; other texts and other embedders keep p. w = 0.5 was
# chosen among 0.3/0.4/0.5 on mhc_style6 (seventh round; before: 0.3, chosen on mhc_style4, the
# older blind set and GermEval 2018); it costs MLMA about 0.02 macro-F1. The direction was
# fitted on half-hostile texts; real texts that name a group are hostile far less often, so its
# logit is shifted by -1.0 (a prior of about 27 %): chosen among 0 / -0.5 / -1 / -1.5 on test6,
# mhc_style4, the older blind set and 22 neutral sentences of a reviewer, all seen before
# (docs/classification.md).
HOSTILITY_DIRECTION = Path(__file__).with_name("hostility_direction.npz")
HOSTILITY_DIRECTION_WEIGHT = 0.5
HOSTILITY_DIRECTION_SHIFT = -1.0
FITTED = (
    "center_",
    "keys_",
    "kinds_",
    "prototypes_",
    "coef_",
    "intercept_",
    "platt_",
    "thresholds_",
)


def lexical_evidence(texts: Sequence[str]) -> np.ndarray:
    """The text-only inputs of prediction, one row per text: hostility evidence, negated
    hostility (0/1: the group is named without hostility, see
    :func:`~.hostility.negated_hostility`), counter-speech strength
    (:func:`~.hostility.counter_speech`), fear evidence (:mod:`.fear`) and whether a group word
    or slur occurs (0/1).

    Pure functions of the texts, so they can be computed ahead, in another process.
    """
    seen: dict[str, tuple[float, ...]] = {}  # repeated texts are read once
    for text in texts:
        if text not in seen:
            evidence, negated, group = hostility_signals(text)
            seen[text] = (
                evidence, float(negated), counter_speech(text), fear_evidence(text), float(group)
            )  # fmt: skip
    rows = [seen[text] for text in texts]
    return np.array(rows, dtype=np.float64).reshape(len(texts), LEXICAL_INPUTS)


def _hostility_direction(embedder_id: str, dims: int | None) -> dict | None:
    """The shipped hostility direction (``coef``, ``intercept``, ``id``) when it belongs to
    ``embedder_id`` (and has ``dims`` weights); None otherwise. Read on every call (3 KB), so a
    rebuilt file counts at once. A damaged file warns, naming it, and prediction goes without."""
    try:
        with np.load(HOSTILITY_DIRECTION, allow_pickle=False) as data:
            if str(data["embedder_id"]) != embedder_id:
                return None
            coef = np.asarray(data["coef"], dtype=np.float64)
            intercept = np.asarray(data["intercept"], dtype=np.float64)
            shown = f"{str(data['weights_sha256'])[:12]}/{int(data['n_texts'])}"
    except FileNotFoundError:
        return None
    except (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as error:
        warnings.warn(
            f"{HOSTILITY_DIRECTION}: cannot be read ({error}); prejudice scores go without the "
            "hostility direction - rebuild it with scripts/build_hostility_direction.py",
            stacklevel=2,
        )
        return None
    if coef.ndim != 1 or intercept.ndim != 0 or not np.isfinite(coef).all():
        warnings.warn(
            f"{HOSTILITY_DIRECTION}: weights of the wrong shape or not finite; prejudice scores "
            "go without the hostility direction",
            stacklevel=2,
        )
        return None
    if dims is not None and coef.shape != (dims,):
        return None
    return {"coef": coef, "intercept": float(intercept), "id": shown}


def hostility_direction_id(embedder_id: str, dims: int | None = None) -> str | None:
    """``<first 12 characters of the weights' hash>/<number of training texts>`` of the hostility
    direction used with ``embedder_id`` (for run manifests); None when none applies."""
    direction = _hostility_direction(embedder_id, dims)
    return None if direction is None else direction["id"]


def _description_texts(label) -> list[str]:
    """Texts that describe a label: names with definitions, descriptions and inclusion notes."""
    texts = [
        f"{label.name_de}: {label.definition_de}",
        f"{label.name_en}: {label.definition_en}",
        label.description_de,
        label.description_en,
        *label.include,
    ]
    return [t.strip() for t in texts if t and str(t).strip()]


def _ridge(x: np.ndarray, target: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    """Weighted ridge regression on +-1 targets (a least-squares linear classifier), closed form."""
    xa = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    penalty = np.full(xa.shape[1], RIDGE_ALPHA)
    penalty[-1] = 1e-6  # the intercept is (almost) not penalised
    gram = xa.T @ (xa * weight[:, None]) + np.diag(penalty)
    solution = np.linalg.solve(gram, xa.T @ (weight * target))
    return solution[:-1], float(solution[-1])


def _best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    low, high = THRESHOLD_RANGE
    grid = sorted(np.round(np.arange(low, high + 1e-9, 0.025), 3), key=lambda t: abs(t - 0.5))
    best, best_f1 = 0.5, -1.0
    for t in grid:
        pred = p >= t
        f1 = 2 * float((pred & y).sum()) / max(float(pred.sum() + y.sum()), 1.0)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


class CodebookClassifier:
    """Multi-label themes and statement types from the built-in (or a given) codebook.

    Parameters
    ----------
    codebook
        A :class:`~nlp_integration.codebook.codebook.Codebook`; ``None`` loads the built-in one in
        :meth:`fit`.
    max_themes, max_statement_types
        At most this many labels of each kind per text (highest scores first); may be none.
    random_state
        Seed of the cross-validation folds.
    """

    def __init__(
        self,
        codebook=None,
        max_themes: int = 3,
        max_statement_types: int = 2,
        random_state: int = 42,
    ) -> None:
        self.codebook = codebook
        self.max_themes = max_themes
        self.max_statement_types = max_statement_types
        self.random_state = random_state

    # ------------------------------------------------------------------ training
    def fit(self, embedder) -> CodebookClassifier:
        """Embed the codebook's definitions and examples with ``embedder`` and fit one model per label.

        Where the embedder keeps an on-disk cache, the fitted arrays are kept beside it
        (``codebook_models/*.npz``, no pickle) under a hash of the codebook, its vectors, the seed
        and the fitting code; later fits with the same inputs load them (saves about a second).
        """
        codebook = self.codebook
        if codebook is None:
            from nlp_integration.codebook.codebook import load_codebook

            codebook = load_codebook()
        self.codebook_ = codebook
        self.embedder_id_ = str(getattr(embedder, "model_id", ""))
        labels = list(codebook.labels)
        if not labels:
            raise ModelError(
                "the codebook holds no labels: give a codebook with themes and statement types"
            )

        # every distinct text once: (text, role) -> row in one embedding matrix
        rows: list[str] = []
        seen: dict[str, int] = {}

        def row_of(text: str) -> int:
            if text not in seen:
                seen[text] = len(rows)
                rows.append(text)
            return seen[text]

        desc = {lab.key: [row_of(t) for t in _description_texts(lab)] for lab in labels}
        pos = {lab.key: [row_of(e.text) for e in lab.examples if e.text.strip()] for lab in labels}
        neg = {
            lab.key: [row_of(e.text) for e in lab.counter_examples if e.text.strip()]
            for lab in labels
        }
        vectors = np.asarray(embedder.encode(rows), dtype=np.float32)
        folder = getattr(getattr(embedder, "cache", None), "folder", None)  # CachedEmbedder's
        stored = (
            Path(folder) / "codebook_models" / f"{self._fingerprint(codebook, vectors)}.npz"
            if folder is not None
            else None
        )
        if stored is not None and self._restore(stored):
            return self
        self.center_ = (
            vectors[sorted({i for v in pos.values() for i in v})].mean(axis=0)
            if any(pos.values())
            else vectors.mean(axis=0)
        )

        keys, kinds, coefs, intercepts, platts, thresholds, prototypes = [], [], [], [], [], [], []
        for kind in KINDS:
            kind_labels = [lab for lab in labels if lab.kind == kind]
            for lab in kind_labels:
                proto = (
                    vectors[desc[lab.key]].mean(axis=0)
                    if desc[lab.key]
                    else vectors[pos[lab.key]].mean(axis=0)
                )
                prototypes.append(proto / max(np.linalg.norm(proto), 1e-12))
            keys += [lab.key for lab in kind_labels]
            kinds += [kind] * len(kind_labels)
        self.keys_ = keys
        self.kinds_ = np.array(kinds)
        self.prototypes_ = np.vstack(prototypes).astype(np.float32)

        with threadpool_limits(limits=1):  # many small solves: threads only contend
            fitted = [self._fit_label(key, vectors, pos, neg, desc, rows) for key in keys]
        for coef, intercept, platt, threshold in fitted:
            coefs.append(coef)
            intercepts.append(intercept)
            platts.append(platt)
            thresholds.append(threshold)
        self.coef_ = np.vstack(coefs).astype(np.float32)
        self.intercept_ = np.array(intercepts, dtype=np.float64)
        self.platt_ = np.vstack(platts)
        self.thresholds_ = np.array(thresholds, dtype=np.float64)
        if stored is not None:
            self._store(stored)
        return self

    def _fingerprint(self, codebook, vectors: np.ndarray) -> str:
        digest = hashlib.sha256(repr(codebook).encode("utf-8"))
        digest.update(str(self.random_state).encode())
        digest.update(np.ascontiguousarray(vectors).tobytes())
        for source in sorted(Path(__file__).parent.glob("*.py")):  # the fitting code itself
            digest.update(source.read_bytes())
        return digest.hexdigest()[:40]

    def _store(self, path: Path) -> None:
        """Keep the fitted arrays; a cache that cannot be written is skipped."""
        arrays = {name: np.asarray(getattr(self, name)) for name in FITTED}

        def write(tmp: Path) -> None:
            with tmp.open("wb") as handle:  # a file object: savez adds no ".npz" to the name
                np.savez(handle, **arrays)

        with suppress(OSError):
            atomic_write(path, write)  # whole or not at all, also with runs in parallel

    def _restore(self, path: Path) -> bool:
        """Load the fitted arrays kept by :meth:`_store`; False where there are none (or broken)."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                arrays = {name: stored[name] for name in FITTED}
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            return False
        for name, value in arrays.items():
            setattr(self, name, value)
        self.keys_ = [str(key) for key in self.keys_]
        return True

    def _zero_shot(self, x: np.ndarray) -> np.ndarray:
        """Per label: (cos to own definitions - mean cos to the same kind's definitions) / T."""
        sims = x @ self.prototypes_.T
        out = np.zeros_like(sims)
        for kind in KINDS:
            cols = self.kinds_ == kind
            if cols.any():
                out[:, cols] = sims[:, cols] - sims[:, cols].mean(axis=1, keepdims=True)
        return out / ZERO_SHOT_TEMPERATURE

    def _fit_label(self, key, vectors, pos, neg, desc, rows):
        kind = self.kinds_[self.keys_.index(key)]
        same_kind = [k for k, kd in zip(self.keys_, self.kinds_, strict=True) if kd == kind]
        positives = set(pos[key])
        described = set(desc[key]) - positives
        others = {i for k in same_kind if k != key for i in pos[k]} - positives
        negatives = (others | set(neg[key])) - positives
        other_desc = (
            {i for k in same_kind if k != key for i in desc[k]} - positives - negatives - described
        )
        idx = np.array(
            sorted(positives) + sorted(described) + sorted(negatives) + sorted(other_desc),
            dtype=int,
        )
        y = np.array(
            [1] * (len(positives) + len(described)) + [0] * (len(negatives) + len(other_desc))
        )
        weight = np.array(
            [1.0] * len(positives)
            + [DESCRIPTION_WEIGHT] * len(described)
            + [1.0] * len(negatives)
            + [DESCRIPTION_WEIGHT] * len(other_desc)
        )
        is_example = np.array(
            [True] * len(positives)
            + [False] * len(described)
            + [True] * len(negatives)
            + [False] * len(other_desc)
        )
        x = vectors[idx] - self.center_
        if y.min() == y.max():  # a label without examples or without contrast: zero-shot only
            return np.zeros(x.shape[1]), 0.0, np.array([0.0, 1.0, 0.0, -3.0]), 0.5

        def model(xs, ys, ws):
            w = ws * np.where(
                ys == 1, len(ys) / max(2 * ys.sum(), 1), len(ys) / max(2 * (len(ys) - ys.sum()), 1)
            )
            return _ridge(xs, np.where(ys == 1, 1.0, -1.0), w)

        final_coef, final_intercept = model(x, y, weight)
        # out-of-fold decision values on the examples (definitions are never scored: zero-shot leaks)
        n_pos = int((y[is_example] == 1).sum())
        n_neg = int((y[is_example] == 0).sum())
        folds = min(5, n_pos, n_neg)
        zs_col = self.keys_.index(key)
        if folds < 2:
            return final_coef, final_intercept, np.array([1.0, 0.5, 0.0, 0.0]), 0.5
        # out-of-fold decision values, averaged over CV_REPEATS shufflings (steadier thresholds)
        oof = np.zeros(len(y))
        ex = np.flatnonzero(is_example)
        for repeat in range(CV_REPEATS):
            splitter = StratifiedKFold(
                n_splits=folds, shuffle=True, random_state=self.random_state + repeat
            )
            for train_ex, test_ex in splitter.split(ex, y[ex]):
                train = np.concatenate([ex[train_ex], np.flatnonzero(~is_example)])
                test = ex[test_ex]
                if len(np.unique(y[train])) < 2:
                    continue
                coef, intercept = model(x[train], y[train], weight[train])
                oof[test] += (x[test] @ coef + intercept) / CV_REPEATS
        zs = self._zero_shot(vectors[idx[ex]])[:, zs_col]
        lexical = LEXICAL_EVIDENCE_LABELS.get(key)
        lex = (
            np.array([lexical(rows[i]) for i in idx[ex]])
            if lexical is not None
            else np.zeros(len(ex))
        )
        stacked = np.column_stack([oof[ex], zs, lex])
        calib = LogisticRegression(C=1.0, max_iter=1000).fit(stacked, y[ex])
        platt = np.array([*calib.coef_[0], calib.intercept_[0]])
        platt[2] = platt[2] * LEXICAL_WEIGHT_SCALE if lexical is not None else 0.0
        proba = 1.0 / (1.0 + np.exp(-(stacked @ platt[:3] + platt[3])))
        threshold = _best_threshold(y[ex] == 1, proba)
        threshold *= LABEL_THRESHOLD_SCALE.get(key, THRESHOLD_SCALE.get(str(kind), 1.0))
        return final_coef, final_intercept, platt, threshold

    # ---------------------------------------------------------------- prediction
    def _check(self, embeddings: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        if not hasattr(self, "coef_"):
            raise ModelError("the codebook classifier is not fitted: call fit(embedder) first")
        x = np.asarray(embeddings, dtype=np.float32)
        if x.ndim != 2 or len(x) != len(texts):
            raise InputValueError(
                f"{len(x)} embeddings for {len(texts)} texts: give one embedding per text"
            )
        if len(x) and x.shape[1] != self.coef_.shape[1]:
            raise ModelError(
                f"embeddings have {x.shape[1]} dimensions but the classifier was fitted on {self.coef_.shape[1]} "
                f"({self.embedder_id_}): embed contributions with the same embedder"
            )
        return x

    def predict_scores(
        self, embeddings: np.ndarray, texts: Sequence[str], lexical: np.ndarray | None = None
    ) -> pd.DataFrame:
        """One row per text, ``score_<key>`` in 0..1 for every label of the codebook.

        ``lexical`` is :func:`lexical_evidence` of ``texts`` where it was computed ahead (the
        pipeline does so in a worker process); computed here otherwise.
        """
        x = self._check(embeddings, texts)
        columns = [f"score_{k}" for k in self.keys_]
        if len(x) == 0:
            return pd.DataFrame(columns=columns, dtype=float)
        if lexical is None:
            lexical = lexical_evidence(texts)
        lexical = np.asarray(lexical, dtype=np.float64)
        if lexical.shape != (len(x), LEXICAL_INPUTS):
            raise InputValueError(
                f"lexical evidence of shape {lexical.shape} for {len(x)} texts: pass "
                "lexical_evidence(texts), one row per text"
            )
        negated, counter_speech = lexical[:, 1], lexical[:, 2]
        decision = (x - self.center_) @ self.coef_.T + self.intercept_
        zs = self._zero_shot(x)
        z = decision * self.platt_[:, 0] + zs * self.platt_[:, 1] + self.platt_[:, 3]
        for key, column in LEXICAL_COLUMNS.items():
            if key in self.keys_:
                col = self.keys_.index(key)
                weight = FIXED_LEXICAL_LOGITS.get(key, self.platt_[col, 2])
                z[:, col] += weight * lexical[:, column]
        scores = 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
        direction = _hostility_direction(self.embedder_id_, x.shape[1])
        if direction is not None and "prejudice" in self.keys_:
            col = self.keys_.index("prejudice")
            logit = x.astype(np.float64) @ direction["coef"] + direction["intercept"]
            p = 1.0 / (1.0 + np.exp(-np.clip(logit + HOSTILITY_DIRECTION_SHIFT, -50, 50)))
            base = scores[:, col]
            mixed = (1.0 - HOSTILITY_DIRECTION_WEIGHT) * base + HOSTILITY_DIRECTION_WEIGHT * p
            scores[:, col] = np.where(lexical[:, GROUP_COLUMN] > 0, mixed, base)
        for key, weight in COUNTER_SPEECH_LABELS.items():
            if key in self.keys_:
                col = self.keys_.index(key)
                scores[:, col] *= 1.0 - weight * np.maximum(counter_speech, negated)
        return pd.DataFrame(scores, columns=columns)

    def predict(
        self, embeddings: np.ndarray, texts: Sequence[str], lexical: np.ndarray | None = None
    ) -> pd.DataFrame:
        """Columns ``themes``, ``statement_types`` (";"-joined keys, may be empty), then the scores."""
        scores = self.predict_scores(embeddings, texts, lexical)
        values = scores.to_numpy()
        out = {}
        for kind, column, limit in (
            ("theme", "themes", self.max_themes),
            ("statement_type", "statement_types", self.max_statement_types),
        ):
            cols = np.flatnonzero(self.kinds_ == kind)
            cells = []
            for row in values:
                hits = [c for c in cols if row[c] >= self.thresholds_[c]]
                hits = sorted(hits, key=lambda c: -row[c])[: max(limit, 0)]
                cells.append(";".join(self.keys_[c] for c in hits))
            out[column] = cells
        frame = pd.DataFrame(out, index=scores.index)
        return pd.concat([frame, scores], axis=1)

    def thresholds(self) -> dict[str, float]:
        """Per-label decision thresholds chosen on out-of-fold codebook examples."""
        return {k: float(t) for k, t in zip(self.keys_, self.thresholds_, strict=True)}
