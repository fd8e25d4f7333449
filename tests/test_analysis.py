from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from nlp_integration.analysis import (
    CROSSTAB_COLUMNS,
    adjusted_residual,
    benjamini_hochberg,
    crosstab,
    label_matrix,
    two_by_two_p_value,
    voiced_by,
    wilson_interval,
)
from nlp_integration.config import PriorityWeights
from nlp_integration.errors import ConfigError, InputColumnError
from nlp_integration.priorities import prioritise, structural_need


def tiny() -> pd.DataFrame:
    """Level x: 6 rows, 4 with housing; level y: 6 rows, 1 with housing; 2 without level."""
    themes = ["housing;work"] * 3 + ["housing", "work", "work"] + ["housing"] + ["work"] * 5
    themes += ["housing", "work"]
    return pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(14)],
            "status": ["analysed"] * 14,
            "channel": ["x"] * 6 + ["y"] * 6 + [None, ""],
            "themes": themes,
            "statement_types": ["need"] * 14,
        }
    )


def test_counts_shares_and_lift_by_hand():
    frame = pd.concat(
        [
            tiny(),
            pd.DataFrame({"status": ["skipped:empty"], "channel": ["x"], "themes": ["housing"]}),
        ],
        ignore_index=True,
    )
    table = crosstab(frame, "channel", min_cell=1)
    assert list(table.columns) == CROSSTAB_COLUMNS
    row = table[(table["level"] == "x") & (table["label"] == "housing")].iloc[0]
    # skipped rows do not count; rows without a channel count in the city only
    assert (row["n"], row["n_level"]) == (4, 6)
    assert row["share"] == pytest.approx(4 / 6)
    assert row["share_city"] == pytest.approx(6 / 14)
    assert row["lift"] == pytest.approx((4 / 6) / (6 / 14))
    assert row["label_kind"] == "theme" and row["dimension"] == "channel"
    assert set(table["level"]) == {"x", "y"}
    assert set(table.loc[table["label_kind"] == "statement_type", "label"]) == {"need"}
    # multi-label: a row with housing;work counts for both labels
    work_x = table[(table["level"] == "x") & (table["label"] == "work")].iloc[0]
    assert work_x["n"] == 5
    counts = np.array([[4, 2], [2, 6]])
    assert row["p_value"] == pytest.approx(stats.fisher_exact(counts).pvalue)


def test_small_cells_are_blank_with_keys_kept():
    table = crosstab(tiny(), "channel", min_cell=5)
    hidden = table[table["suppressed"]]
    assert not hidden.empty
    assert hidden[["dimension", "level", "label_kind", "label"]].notna().all().all()
    assert hidden[CROSSTAB_COLUMNS[4:15]].isna().all().all()
    visible = table[~table["suppressed"]]
    assert (visible["n"] >= 5).all()
    # housing: x has 4 (< 5) -> hidden, so y's housing must be hidden too
    assert table.loc[table["label"] == "housing", "suppressed"].all()


def test_quarter_type_levels_are_integers_and_blanks_excluded():
    frame = tiny().assign(quarter_type=pd.array([1] * 6 + [2] * 6 + [None, None], dtype="Int64"))
    table = crosstab(frame, "quarter_type", min_cell=1)
    assert sorted(set(table["level"])) == [1, 2]
    floats = tiny().assign(quarter_type=[1.0] * 6 + [2.0] * 6 + [np.nan, np.nan])
    assert sorted(set(crosstab(floats, "quarter_type", min_cell=1)["level"])) == [1, 2]


def test_missing_dimension_and_empty_input():
    with pytest.raises(InputColumnError, match="'lang'"):
        crosstab(tiny(), "lang")
    empty = crosstab(tiny().assign(status="skipped:empty"), "channel")
    assert empty.empty and list(empty.columns) == CROSSTAB_COLUMNS


def test_statistics_helpers_agree_with_scipy():
    rng = np.random.default_rng(0)
    p = rng.uniform(0, 0.2, 40)
    np.testing.assert_allclose(benjamini_hochberg(p), stats.false_discovery_control(p), rtol=1e-12)
    with_gap = np.array([0.01, np.nan, 0.04, 0.03])
    adjusted = benjamini_hochberg(with_gap)
    assert np.isnan(adjusted[1])
    np.testing.assert_allclose(
        adjusted[[0, 2, 3]], stats.false_discovery_control([0.01, 0.04, 0.03])
    )
    for a, b, c, d in [(12, 30, 40, 300), (3, 8, 20, 25), (0, 10, 15, 40)]:
        chi2 = stats.chi2_contingency([[a, b], [c, d]], correction=False).statistic
        assert adjusted_residual(a, b, c, d) ** 2 == pytest.approx(chi2)
        interval = stats.binomtest(a, a + b).proportion_ci(method="wilson")
        assert wilson_interval(a, a + b) == pytest.approx((interval.low, interval.high))
    assert two_by_two_p_value(3, 8, 20, 25) == pytest.approx(
        stats.fisher_exact([[3, 8], [20, 25]]).pvalue
    )
    big = (300, 700, 500, 900)
    assert two_by_two_p_value(*big) == pytest.approx(
        stats.chi2_contingency([[300, 700], [500, 900]], correction=False).pvalue
    )


def test_label_matrix_keeps_known_order_and_extra_labels():
    matrix = label_matrix(
        pd.Series(["work;housing", "", None, "custom"]), ("housing", "work", "health")
    )
    assert list(matrix.columns) == ["housing", "work", "custom"]
    assert matrix["custom"].tolist() == [False, False, False, True]


def test_voiced_by_compares_two_groups():
    frame = pd.DataFrame(
        {
            "status": "analysed",
            "group": ["neuzugewanderte"] * 20 + ["Alteingesessene"] * 20 + ["Jugendliche"] * 3,
            "themes": ["language"] * 15
            + ["housing"] * 5
            + ["language"] * 2
            + ["housing"] * 18
            + ["language"] * 3,
        }
    )
    table = voiced_by(frame, min_cell=5)
    rows = table.set_index("label")
    assert rows.loc["housing", "voiced_mainly_by"] == "Alteingesessene"
    assert rows.loc["housing", "n_a"] == 5 and rows.loc["housing", "n_b"] == 18
    assert rows.loc["language", "suppressed"]  # only 2 long-term residents: hidden
    assert pd.isna(rows.loc["language", "n_b"]) and rows.loc["language", "voiced_mainly_by"] == ""
    assert rows.loc["housing", "p_value"] == pytest.approx(
        stats.fisher_exact([[5, 15], [18, 2]]).pvalue
    )


def test_prioritise_small_example_and_weights():
    frame = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(30)],
            "status": "analysed",
            "quarter_type": [1] * 20 + [2] * 10,
            "themes": ["housing"] * 12 + ["work"] * 8 + ["housing"] * 2 + ["work"] * 8,
            "statement_types": ["fear"] * 12 + ["idea"] * 8 + ["fear"] * 2 + ["idea"] * 8,
            "lang": ["de", "tr"] * 15,
            "score_housing": np.linspace(0.5, 1.0, 30),
            "score_fear": 0.9,
        }
    )
    table = prioritise(frame, None, PriorityWeights(), min_cell=5)
    top = table[table["quarter_type"] == 1].iloc[0]
    assert (top["theme"], top["statement_type"], top["n"]) == ("housing", "fear", 12)
    assert top["prevalence"] == 1.0 and top["severity"] == 1.0
    assert top["structural_need"] == 0.5  # no indicators: neutral
    # evidence: highest scores first, alternating languages
    assert top["evidence_ids"].split(";")[:2] == ["r11", "r10"]
    assert top["evidence_langs"].split(";")[:2] == ["tr", "de"]
    assert not ((table["quarter_type"] == 2) & (table["theme"] == "housing")).any()  # n = 2
    only_severity = prioritise(frame, None, PriorityWeights(0, 0, 0, 1, 0), min_cell=5)
    assert (only_severity["score"] == only_severity["severity"]).all()
    with pytest.raises(ConfigError):
        prioritise(frame, None, PriorityWeights(0, 0, 0, 0, 0))


def test_structural_need_from_indicators_or_profiles():
    quarters = pd.DataFrame(
        {
            "quarter": list("abcd"),
            "quarter_type": [1, 1, 2, 2],
            "sgb2_rate": [20.0, 22.0, 4.0, 5.0],
            "living_space_per_person": [30.0, 29.0, 50.0, 55.0],
        }
    )
    need = structural_need(quarters)
    assert need[1] > 0.8 and need[2] < 0.2
    profiles = pd.DataFrame({"quarter_type": [1, 2], "z_sgb2_rate": [1.0, -1.0]})
    from_profiles = structural_need(profiles)
    assert from_profiles[1] == pytest.approx(stats.norm.cdf(1.0))
    assert structural_need(None) == {}
