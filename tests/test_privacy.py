from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_integration.privacy import combination_counts, complete_suppression, suppress_small_cells


def _check_lines(values: np.ndarray, hidden: np.ndarray, min_cell: int) -> None:
    """Every row and column: no single hidden cell, hidden cells 0 or >= min_cell together."""
    for axis in (0, 1):
        for k in range(values.shape[axis]):
            line_values = values[k, :] if axis == 0 else values[:, k]
            line_hidden = hidden[k, :] if axis == 0 else hidden[:, k]
            if len(line_values) < 2 or line_hidden.all() or not line_hidden.any():
                continue
            assert line_hidden.sum() >= 2
            total = line_values[line_hidden].sum()
            assert total == 0 or total >= min_cell


def test_one_small_cell_needs_partners_in_its_row_and_column():
    table = pd.DataFrame(
        {"Workshop": [20, 3, 15], "Online": [12, 30, 9], "Fragebogen": [8, 14, 25]},
        index=["Altstadt", "Hafen", "Grünau"],
    )
    before = table.copy()
    out, record = suppress_small_cells(table, ["Workshop", "Online", "Fragebogen"], 5)
    pd.testing.assert_frame_equal(table, before)  # input untouched
    hidden = out[["Workshop", "Online", "Fragebogen"]].isna().to_numpy()
    assert hidden[1, 0]  # the primary cell
    assert record["primary"] == 1 and record["complementary"] >= 2
    assert hidden.sum() == record["primary"] + record["complementary"]
    # the smallest partners are chosen: 14 in the Hafen row, 15 in the Workshop column
    assert out.loc["Hafen", "Fragebogen"] is pd.NA and out.loc["Grünau", "Workshop"] is pd.NA
    _check_lines(table.to_numpy(), hidden, 5)
    visible = out.to_numpy(dtype=float, na_value=np.nan)
    assert np.nanmin(visible) >= 5
    reasons = {(c["row"], c["column"]): c["reason"] for c in record["cells"]}
    assert reasons[("Hafen", "Workshop")] == "primary"
    assert set(reasons.values()) == {"primary", "complementary"}


def test_zero_cells_are_small_unless_told_otherwise():
    table = pd.DataFrame({"a": [0, 10, 12], "b": [9, 7, 30]})
    out, record = suppress_small_cells(table, ["a", "b"], 5)
    assert out["a"].isna().iloc[0] and record["primary"] == 1
    kept, record = suppress_small_cells(table, ["a", "b"], 5, suppress_zeros=False)
    assert record["primary"] == 0 and kept["a"].iloc[0] == 0


def test_two_small_cells_that_sum_below_min_cell_take_a_third():
    values = np.array([1.0, 2.0, 40.0, 50.0])
    hidden = complete_suppression(values, values < 5, [np.arange(4)], 5)
    assert hidden.tolist() == [True, True, True, False]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 30), min_size=2, max_size=5), min_size=2, max_size=5).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    ),
    st.integers(2, 10),
)
def test_suppression_invariants_hold_for_any_table(rows, min_cell):
    values = np.array(rows, dtype=float)
    table = pd.DataFrame(values, columns=[f"c{j}" for j in range(values.shape[1])])
    out, record = suppress_small_cells(table, list(table.columns), min_cell)
    hidden = out.isna().to_numpy()
    assert (hidden | (values >= min_cell)).all()  # every small cell is hidden
    _check_lines(values, hidden, min_cell)
    assert record["primary"] == int((values < min_cell).sum())


def test_combination_counts_protect_every_margin():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "quarter": rng.choice(["Hafen", "Grünau", "Seeblick"], 400),
            "group": rng.choice(
                ["Neuzugewanderte", "Alteingesessene", "Jugendliche"], 400, p=[0.45, 0.45, 0.1]
            ),
            "channel": rng.choice(["Workshop", "Online", "Telefon"], 400, p=[0.5, 0.45, 0.05]),
        }
    )
    counts, record = combination_counts(frame, ["quarter", "group", "channel"], min_cell=5)
    assert counts["n"].sum(skipna=True) < 400 and record["primary"] > 0
    assert (counts["n"].dropna() >= 5).all()
    truth = frame.value_counts(["quarter", "group", "channel"])
    for margin in (["quarter", "group"], ["quarter", "channel"], ["group", "channel"]):
        for _, line in counts.groupby(margin):
            hidden = line[line["n"].isna()]
            if 0 < len(hidden) < len(line):
                assert len(hidden) >= 2
                keys = hidden[["quarter", "group", "channel"]].itertuples(index=False)
                assert sum(int(truth[tuple(k)]) for k in keys) >= 5


def test_long_table_without_margins_is_only_primary():
    table = pd.DataFrame({"lang": ["de", "tr", "ar"], "n": [40, 3, 12]})
    out, record = suppress_small_cells(table, ["n"], 5, by=[])
    assert out["n"].isna().tolist() == [False, True, False]
    assert record["complementary"] == 0
    # with the total known (one line over all rows) the next smallest goes too
    out, record = suppress_small_cells(table, ["n"], 5)
    assert out["n"].isna().tolist() == [False, True, True]


def test_fixed_cells_are_partners_only_as_a_last_resort():
    values = np.array([3.0, 20.0, 30.0, 40.0])
    fixed = np.array([False, True, False, False])  # 20 is published elsewhere
    hidden = complete_suppression(values, values < 5, [np.arange(4)], 5, fixed=fixed)
    assert hidden.tolist() == [True, False, True, False]
    # a line whose only visible partner is fixed still gets it
    values = np.array([3.0, 20.0])
    hidden = complete_suppression(values, values < 5, [np.arange(2)], 5, fixed=np.array([0, 1]))
    assert hidden.tolist() == [True, True]
