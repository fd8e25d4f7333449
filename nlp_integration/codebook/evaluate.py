"""Precision, recall and F1 per label and per language, with a confusion summary.

Cells hold one label (single-label) or ``sep``-joined labels (multi-label). The table is read as
multi-label as soon as one gold or predicted cell holds more than one label or is empty; then each
label is scored as its own yes/no decision. Macro averages run over every label that occurs in the
gold or the predicted cells (as scikit-learn's ``f1_score(average="macro")`` does).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from nlp_integration.errors import InputValueError

NONE_LABEL = "(none)"


def _split(cell: object, sep: str) -> list[str]:
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return sorted({part.strip() for part in str(cell).split(sep) if part.strip()})


def _prf(
    tp: np.ndarray, fp: np.ndarray, fn: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), 0.0)
        recall = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), 0.0)
        f1 = np.where(
            precision + recall > 0,
            2 * precision * recall / np.maximum(precision + recall, 1e-12),
            0.0,
        )
    return precision, recall, f1


def _indicator(cells: list[list[str]], labels: list[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    out = np.zeros((len(cells), len(labels)), dtype=bool)
    for row, cell in enumerate(cells):
        for label in cell:
            out[row, index[label]] = True
    return out


def _per_label(gold: np.ndarray, pred: np.ndarray, labels: list[str]) -> pd.DataFrame:
    tp = (gold & pred).sum(axis=0).astype(float)
    fp = (~gold & pred).sum(axis=0).astype(float)
    fn = (gold & ~pred).sum(axis=0).astype(float)
    precision, recall, f1 = _prf(tp, fp, fn)
    return pd.DataFrame(
        {
            "label": labels,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": gold.sum(axis=0).astype(int),
            "predicted": pred.sum(axis=0).astype(int),
        }
    )


def evaluate_labels(
    gold: Sequence[str],
    predicted: Sequence[str],
    langs: Sequence[str] | None = None,
    sep: str = ";",
) -> dict[str, pd.DataFrame]:
    """Score predicted label cells against gold cells.

    Parameters
    ----------
    gold, predicted
        One cell per item, in the same order.
    langs
        Optional language code per item; adds a per-language table.
    sep
        Separator of multi-label cells.

    Returns
    -------
    dict
        ``per_label`` (label, precision, recall, f1, support, predicted), ``per_language`` (lang,
        label, ... with a ``macro`` row per language; empty without ``langs``), ``confusion``
        (single-label: gold × predicted counts; multi-label: label, tp, fp, fn, tn) and ``summary``
        (metric, value: n, micro precision/recall/F1, macro precision/recall/F1, exact match).
    """
    gold, predicted = list(gold), list(predicted)
    if len(gold) != len(predicted):
        raise InputValueError(
            f"gold and predicted labels differ in length ({len(gold)} vs {len(predicted)}): "
            "give one predicted cell per gold cell"
        )
    if langs is not None and len(langs) != len(gold):
        raise InputValueError(
            f"langs has {len(langs)} entries for {len(gold)} items: give one language per item"
        )
    gold_cells = [_split(c, sep) for c in gold]
    pred_cells = [_split(c, sep) for c in predicted]
    multi = any(len(c) != 1 for c in gold_cells + pred_cells)
    labels = sorted({label for cell in gold_cells + pred_cells for label in cell})
    g = _indicator(gold_cells, labels)
    p = _indicator(pred_cells, labels)

    per_label = _per_label(g, p, labels)
    tp, fp, fn = (g & p).sum(), (~g & p).sum(), (g & ~p).sum()
    micro_p, micro_r, micro_f = (
        float(x[0]) for x in _prf(np.array([tp]), np.array([fp]), np.array([fn]))
    )
    n = len(gold)
    exact = (
        float(np.mean([a == b for a, b in zip(gold_cells, pred_cells, strict=True)])) if n else 0.0
    )
    summary = pd.DataFrame(
        {
            "metric": [
                "n",
                "n_labels",
                "multi_label",
                "micro_precision",
                "micro_recall",
                "micro_f1",
                "macro_precision",
                "macro_recall",
                "macro_f1",
                "exact_match",
            ],
            "value": [
                float(n),
                float(len(labels)),
                float(multi),
                micro_p,
                micro_r,
                micro_f,
                float(per_label["precision"].mean()) if labels else 0.0,
                float(per_label["recall"].mean()) if labels else 0.0,
                float(per_label["f1"].mean()) if labels else 0.0,
                exact,
            ],
        }
    )

    if multi:
        confusion = pd.DataFrame(
            {
                "label": labels,
                "tp": (g & p).sum(axis=0),
                "fp": (~g & p).sum(axis=0),
                "fn": (g & ~p).sum(axis=0),
                "tn": (~g & ~p).sum(axis=0),
            }
        )
    else:
        confusion = pd.crosstab(
            pd.Series([c[0] for c in gold_cells], name="gold"),
            pd.Series([c[0] for c in pred_cells], name="predicted"),
        ).reindex(index=labels, columns=labels, fill_value=0)

    frames = []
    if langs is not None:
        lang_arr = np.array([str(x) for x in langs])
        for lang in sorted(set(lang_arr)):
            mask = lang_arr == lang
            table = _per_label(g[mask], p[mask], labels)
            table = table[(table["support"] > 0) | (table["predicted"] > 0)]
            macro = {
                "label": "macro",
                "precision": table["precision"].mean() if len(table) else 0.0,
                "recall": table["recall"].mean() if len(table) else 0.0,
                "f1": table["f1"].mean() if len(table) else 0.0,
                "support": int(mask.sum()),
                "predicted": int(mask.sum()),
            }
            table = pd.concat([table, pd.DataFrame([macro])], ignore_index=True)
            table.insert(0, "lang", lang)
            frames.append(table)
    columns = ["lang", "label", "precision", "recall", "f1", "support", "predicted"]
    per_language = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return {
        "per_label": per_label,
        "per_language": per_language,
        "confusion": confusion,
        "summary": summary,
    }
