from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.preprocessing import MultiLabelBinarizer

from nlp_integration.codebook import evaluate_labels
from nlp_integration.errors import InputValueError

GOLD_SINGLE = ["a", "a", "b", "b", "c", "c", "a", "b"]
PRED_SINGLE = ["a", "b", "b", "b", "c", "a", "a", "c"]
LANGS = ["de", "de", "ar", "ar", "pl", "pl", "de", "ar"]

GOLD_MULTI = ["fear;prejudice", "need", "", "idea;need", "fear", "prejudice", "need"]
PRED_MULTI = ["fear", "need;idea", "fear", "idea", "", "prejudice;fear", "need"]


def _summary(result):
    return dict(zip(result["summary"]["metric"], result["summary"]["value"], strict=True))


def test_single_label_agrees_with_sklearn():
    result = evaluate_labels(GOLD_SINGLE, PRED_SINGLE)
    summary = _summary(result)
    assert summary["multi_label"] == 0.0
    assert summary["macro_f1"] == pytest.approx(f1_score(GOLD_SINGLE, PRED_SINGLE, average="macro"))
    assert summary["micro_f1"] == pytest.approx(f1_score(GOLD_SINGLE, PRED_SINGLE, average="micro"))
    assert summary["exact_match"] == pytest.approx(
        np.mean(np.array(GOLD_SINGLE) == np.array(PRED_SINGLE))
    )
    p, r, f, s = precision_recall_fscore_support(
        GOLD_SINGLE, PRED_SINGLE, labels=["a", "b", "c"], zero_division=0
    )
    table = result["per_label"].set_index("label")
    np.testing.assert_allclose(table.loc[["a", "b", "c"], "precision"], p)
    np.testing.assert_allclose(table.loc[["a", "b", "c"], "recall"], r)
    np.testing.assert_allclose(table.loc[["a", "b", "c"], "f1"], f)
    assert table.loc[["a", "b", "c"], "support"].tolist() == s.tolist()


def test_single_label_confusion_matrix():
    confusion = evaluate_labels(GOLD_SINGLE, PRED_SINGLE)["confusion"]
    assert confusion.to_numpy().sum() == len(GOLD_SINGLE)
    assert (
        confusion.loc["a", "a"] == 2
        and confusion.loc["a", "b"] == 1
        and confusion.loc["c", "a"] == 1
    )
    assert np.trace(confusion.to_numpy()) == sum(
        g == p for g, p in zip(GOLD_SINGLE, PRED_SINGLE, strict=True)
    )


def test_multi_label_agrees_with_sklearn():
    result = evaluate_labels(GOLD_MULTI, PRED_MULTI)
    binarizer = MultiLabelBinarizer().fit([c.split(";") for c in GOLD_MULTI + PRED_MULTI])
    classes = [c for c in binarizer.classes_ if c]
    binarizer = MultiLabelBinarizer(classes=classes)
    g = binarizer.fit_transform([[x for x in c.split(";") if x] for c in GOLD_MULTI])
    p = binarizer.transform([[x for x in c.split(";") if x] for c in PRED_MULTI])
    summary = _summary(result)
    assert summary["multi_label"] == 1.0
    assert summary["macro_f1"] == pytest.approx(f1_score(g, p, average="macro", zero_division=0))
    assert summary["micro_f1"] == pytest.approx(f1_score(g, p, average="micro", zero_division=0))
    per_label = result["per_label"].set_index("label")
    np.testing.assert_allclose(
        per_label.loc[classes, "f1"], f1_score(g, p, average=None, zero_division=0)
    )
    confusion = result["confusion"].set_index("label")
    assert (confusion.sum(axis=1) == len(GOLD_MULTI)).all()
    assert (
        confusion.loc["fear", "tp"] == 1
        and confusion.loc["fear", "fp"] == 2
        and confusion.loc["fear", "fn"] == 1
    )


def test_label_order_in_cells_does_not_matter():
    summary = _summary(evaluate_labels(["a;b", "c"], ["b;a", "c"]))
    assert summary["exact_match"] == 1.0 and summary["macro_f1"] == 1.0


def test_per_language_table():
    result = evaluate_labels(GOLD_SINGLE, PRED_SINGLE, langs=LANGS)
    table = result["per_language"]
    assert set(table["lang"]) == {"de", "ar", "pl"}
    for lang in ("de", "ar", "pl"):
        mask = np.array(LANGS) == lang
        gold = list(np.array(GOLD_SINGLE)[mask])
        pred = list(np.array(PRED_SINGLE)[mask])
        macro = table[(table["lang"] == lang) & (table["label"] == "macro")]["f1"].iloc[0]
        assert macro == pytest.approx(f1_score(gold, pred, average="macro", zero_division=0))


def test_without_langs_per_language_is_empty():
    assert evaluate_labels(["a"], ["a"])["per_language"].empty


def test_length_mismatch_raises():
    with pytest.raises(InputValueError):
        evaluate_labels(["a", "b"], ["a"])
    with pytest.raises(InputValueError):
        evaluate_labels(["a", "b"], ["a", "b"], langs=["de"])


def test_nan_cells_are_empty():
    summary = _summary(evaluate_labels(["a", float("nan")], ["a", ""]))
    assert summary["exact_match"] == 1.0
