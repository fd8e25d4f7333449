"""Cross-tables of themes and statement types by quarter type, channel, group and language.

Every label is a binary indicator (a contribution may carry several). For each level of a
dimension and each label the 2×2 table (level vs rest × label vs not) gives the count, share,
lift against the whole city, the adjusted standardised residual, a two-sided p-value (Fisher's
exact test when the table is small, Pearson's chi-square without continuity correction when every
expected count is at least 5 and the city has more than ``FISHER_MAX_TOTAL`` contributions), a
Benjamini–Hochberg adjusted p-value over all tests of the table, and a Wilson 95 % interval for
the share. Cells that describe fewer than ``min_cell`` contributions are suppressed
(see :mod:`nlp_integration.privacy`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from nlp_integration.errors import InputColumnError
from nlp_integration.priorities import prioritise
from nlp_integration.privacy import complete_suppression, suppress_small_cells
from nlp_integration.schemas import (
    CROSSTAB_COLUMNS,
    STATEMENT_TYPE_KEYS,
    STATEMENT_TYPES,
    STATUS,
    STATUS_ANALYSED,
    THEME_KEYS,
    THEMES,
    split_labels,
)

__all__ = [
    "CROSSTAB_COLUMNS",
    "adjusted_residual",
    "benjamini_hochberg",
    "crosstab",
    "label_matrix",
    "prioritise",
    "suppress_small_cells",
    "two_by_two_p_value",
    "voiced_by",
    "wilson_interval",
]

NUMBER_COLUMNS = CROSSTAB_COLUMNS[4:15]
#: above this many contributions (and with all expected counts >= 5) chi-square replaces Fisher
FISHER_MAX_TOTAL = 1000
Z_95 = 1.959963984540054
LABEL_KINDS = (
    ("theme", THEMES, THEME_KEYS),
    ("statement_type", STATEMENT_TYPES, STATEMENT_TYPE_KEYS),
)


# --------------------------------------------------------------------------- statistics


def wilson_interval(n: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of the share ``n / total``."""
    if total <= 0:
        return float("nan"), float("nan")
    p = n / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * np.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def adjusted_residual(a: int, b: int, c: int, d: int) -> float:
    """Adjusted standardised residual of cell ``a`` in the 2×2 table [[a, b], [c, d]]."""
    total = a + b + c + d
    row, col = a + b, a + c
    if total == 0:
        return float("nan")
    expected = row * col / total
    variance = expected * (1 - row / total) * (1 - col / total)
    return float((a - expected) / np.sqrt(variance)) if variance > 0 else float("nan")


def two_by_two_p_value(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value: Fisher exact when small, else Pearson chi-square (no correction)."""
    table = np.array([[a, b], [c, d]])
    total = table.sum()
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / max(total, 1)
    if total <= FISHER_MAX_TOTAL or expected.min() < 5:
        return float(stats.fisher_exact(table, alternative="two-sided").pvalue)
    return float(stats.chi2_contingency(table, correction=False).pvalue)


def benjamini_hochberg(p_values: Sequence[float]) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (missing values stay missing)."""
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    valid = ~np.isnan(p)
    m = int(valid.sum())
    if m == 0:
        return out
    pv = p[valid]
    order = np.argsort(pv, kind="stable")
    ranked = pv[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    result = np.empty(m)
    result[order] = np.minimum(adjusted, 1.0)
    out[valid] = result
    return out


# --------------------------------------------------------------------------- tables


def label_matrix(column: pd.Series, keys: Sequence[str] = ()) -> pd.DataFrame:
    """One boolean column per label of a ';'-joined label column (known keys first)."""
    lists = [set(split_labels(cell)) for cell in column]
    found = set().union(*lists) if lists else set()
    labels = [k for k in keys if k in found] + sorted(found - set(keys))
    return pd.DataFrame(
        {label: [label in labels_of_row for labels_of_row in lists] for label in labels},
        index=column.index,
        dtype=bool,
    )


def _analysed(contributions: pd.DataFrame) -> pd.DataFrame:
    if STATUS in contributions.columns:
        return contributions[contributions[STATUS].astype(str) == STATUS_ANALYSED]
    return contributions


def level_values(column: pd.Series) -> pd.Series:
    """Levels of a dimension: blanks become missing, whole floats become ints (1.0 -> 1)."""

    def clean(value: object) -> object:
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            return None
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            return int(value)
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return int(value)
        text = str(value).strip()
        return text or None

    return pd.Series([clean(v) for v in column], index=column.index, dtype=object)


def _sort_key(level: object) -> tuple[int, object]:
    return (0, level) if isinstance(level, int) else (1, str(level))


def crosstab(
    contributions: pd.DataFrame, dimension: str, min_cell: int = 5, alpha: float = 0.05
) -> pd.DataFrame:
    """Themes and statement types by the levels of ``dimension`` (long format of the contract).

    Only contributions with status ``analysed`` count. Contributions without a level (e.g. no
    quarter type) count in the city figures but form no level. Suppressed rows keep their keys
    and ``suppressed=True`` with blank numbers.
    """
    if dimension not in contributions.columns:
        raise InputColumnError(
            f"contributions: no column '{dimension}' to cross-tabulate; columns: "
            f"{', '.join(map(str, contributions.columns))}"
        )
    frame = _analysed(contributions)
    levels_of_rows = level_values(frame[dimension])
    levels = sorted(set(levels_of_rows.dropna()), key=_sort_key)
    n_city = len(frame)
    rows: list[dict] = []
    if n_city == 0 or not levels:
        return pd.DataFrame(columns=CROSSTAB_COLUMNS)
    position = {level: i for i, level in enumerate(levels)}
    codes = np.array([position.get(v, -1) if v is not None else -1 for v in levels_of_rows])
    onehot = np.zeros((len(levels), n_city))
    onehot[codes[codes >= 0], np.flatnonzero(codes >= 0)] = 1.0
    sizes = onehot.sum(axis=1)
    level_hidden = complete_suppression(sizes, sizes < min_cell, [np.arange(len(levels))], min_cell)
    primary_count = 0
    for kind, column, keys in LABEL_KINDS:
        if column not in frame.columns:
            continue
        matrix = label_matrix(frame[column], keys)
        if matrix.empty:
            continue
        counts = onehot @ matrix.to_numpy(dtype=float)
        hidden = _suppress_kind(counts, level_hidden, matrix, min_cell)
        primary_count += int(((counts < min_cell) | (sizes < min_cell)[:, None]).sum())
        city = matrix.sum().to_numpy(dtype=float)
        for i, level in enumerate(levels):
            for j, label in enumerate(matrix.columns):
                rows.append(
                    _cell(
                        dimension,
                        level,
                        kind,
                        label,
                        int(counts[i, j]),
                        int(sizes[i]),
                        int(city[j]),
                        n_city,
                        bool(hidden[i, j]),
                    )
                )
    table = pd.DataFrame(rows, columns=CROSSTAB_COLUMNS)
    table["p_adjusted"] = benjamini_hochberg(table["p_value"].to_numpy(dtype=float))
    table["significant"] = (table["p_adjusted"] < alpha).astype(object)
    hidden_rows = table["suppressed"].to_numpy(dtype=bool)
    table.loc[hidden_rows, NUMBER_COLUMNS] = np.nan
    table.loc[hidden_rows, "significant"] = None
    for column in ("n", "n_level"):
        table[column] = pd.array(table[column], dtype="Float64").astype("Int64")
    table.attrs["suppression"] = {
        "min_cell": int(min_cell),
        "cells": int(len(table)),
        "primary": primary_count,
        "complementary": int(hidden_rows.sum()) - primary_count,
        "levels_suppressed": [level for level, h in zip(levels, level_hidden, strict=True) if h],
    }
    return table


def _suppress_kind(
    counts: np.ndarray, level_hidden: np.ndarray, matrix: pd.DataFrame, min_cell: int
) -> np.ndarray:
    """Primary + complementary suppression of a levels × labels count matrix."""
    n_levels, n_labels = counts.shape
    primary = (counts < min_cell) | level_hidden[:, None]
    flat = np.arange(counts.size).reshape(counts.shape)
    lines = [flat[:, j] for j in range(n_labels)]  # a label's count over levels adds up
    single_label = bool((matrix.sum(axis=1) <= 1).all())
    if single_label:  # then the labels of one level add up to its size as well
        lines += [flat[i, :] for i in range(n_levels)]
    return complete_suppression(counts.ravel(), primary.ravel(), lines, min_cell).reshape(
        counts.shape
    )


def _cell(
    dimension: str,
    level: object,
    kind: str,
    label: str,
    n: int,
    n_level: int,
    n_label: int,
    n_city: int,
    hidden: bool,
) -> dict:
    share = n / n_level if n_level else float("nan")
    share_city = n_label / n_city
    a, b = n, n_level - n
    c, d = n_label - n, n_city - n_level - (n_label - n)
    low, high = wilson_interval(n, n_level)
    return {
        "dimension": dimension,
        "level": level,
        "label_kind": kind,
        "label": label,
        "n": n,
        "n_level": n_level,
        "share": share,
        "share_city": share_city,
        "lift": share / share_city if share_city else float("nan"),
        "residual": adjusted_residual(a, b, c, d),
        "p_value": two_by_two_p_value(a, b, c, d),
        "p_adjusted": float("nan"),
        "ci_low": low,
        "ci_high": high,
        "significant": None,
        "suppressed": hidden,
    }


VOICED_COLUMNS = [
    "label_kind",
    "label",
    "group_a",
    "group_b",
    "n_a",
    "n_group_a",
    "share_a",
    "n_b",
    "n_group_b",
    "share_b",
    "share_city",
    "lift_a",
    "lift_b",
    "ratio",
    "p_value",
    "p_adjusted",
    "voiced_mainly_by",
    "suppressed",
]


def voiced_by(
    contributions: pd.DataFrame,
    group_column: str = "group",
    groups: tuple[str, str] = ("Neuzugewanderte", "Alteingesessene"),
    min_cell: int = 5,
    alpha: float = 0.05,
    label_kind: str = "theme",
) -> pd.DataFrame:
    """Which themes are voiced mainly by one group (default newcomers) or the other.

    Compares the share of each label between the two groups (Fisher exact test, BH-adjusted over
    the labels); ``voiced_mainly_by`` names the group with the higher share where the difference
    is significant. Rows where either count or group size is below ``min_cell`` are suppressed.
    Group names are matched case-insensitively.
    """
    if group_column not in contributions.columns:
        raise InputColumnError(
            f"contributions: no column '{group_column}' with the participant group"
        )
    kinds = {kind: (column, keys) for kind, column, keys in LABEL_KINDS}
    column, keys = kinds[label_kind]
    frame = _analysed(contributions)
    if column not in frame.columns or frame.empty:
        return pd.DataFrame(columns=VOICED_COLUMNS)
    group_key = frame[group_column].astype(str).str.strip().str.casefold()
    in_a = (group_key == groups[0].casefold()).to_numpy()
    in_b = (group_key == groups[1].casefold()).to_numpy()
    matrix = label_matrix(frame[column], keys)
    size_a, size_b, n_city = int(in_a.sum()), int(in_b.sum()), len(frame)
    rows = []
    for label in matrix.columns:
        has = matrix[label].to_numpy()
        n_a, n_b = int(has[in_a].sum()), int(has[in_b].sum())
        share_a = n_a / size_a if size_a else float("nan")
        share_b = n_b / size_b if size_b else float("nan")
        share_city = has.sum() / n_city
        p = (
            float(stats.fisher_exact([[n_a, size_a - n_a], [n_b, size_b - n_b]]).pvalue)
            if size_a and size_b
            else float("nan")
        )
        rows.append(
            {
                "label_kind": label_kind,
                "label": label,
                "group_a": groups[0],
                "group_b": groups[1],
                "n_a": n_a,
                "n_group_a": size_a,
                "share_a": share_a,
                "n_b": n_b,
                "n_group_b": size_b,
                "share_b": share_b,
                "share_city": share_city,
                "lift_a": share_a / share_city,
                "lift_b": share_b / share_city,
                "ratio": share_a / share_b
                if share_b
                else float("inf")
                if share_a
                else float("nan"),
                "p_value": p,
                "p_adjusted": float("nan"),
                "voiced_mainly_by": "",
                "suppressed": min(n_a, n_b, size_a, size_b) < min_cell,
            }
        )
    table = pd.DataFrame(rows, columns=VOICED_COLUMNS)
    if table.empty:
        return table
    table["p_adjusted"] = benjamini_hochberg(table["p_value"].to_numpy(dtype=float))
    mainly = np.where(table["share_a"] > table["share_b"], groups[0], groups[1])
    table["voiced_mainly_by"] = np.where(table["p_adjusted"] < alpha, mainly, "")
    hidden = table["suppressed"].to_numpy(dtype=bool)
    numbers = [
        "n_a",
        "share_a",
        "n_b",
        "share_b",
        "share_city",
        "lift_a",
        "lift_b",
        "ratio",
        "p_value",
        "p_adjusted",
    ]
    table.loc[hidden, numbers] = np.nan
    table.loc[hidden, "voiced_mainly_by"] = ""
    for column, size in (("n_group_a", size_a), ("n_group_b", size_b)):
        table[column] = pd.array([pd.NA if size < min_cell else size] * len(table), dtype="Int64")
    for column in ("n_a", "n_b"):
        table[column] = pd.array(table[column], dtype="Float64").astype("Int64")
    return table
