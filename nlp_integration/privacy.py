"""Small-cell suppression: no table a planner sees describes fewer than ``min_cell`` contributions.

Primary suppression hides every count below ``min_cell`` (zero included: a zero cell is a group
of fewer than ``min_cell`` contributions too). Complementary suppression then hides more cells
wherever a total would give a hidden cell away: along every line that adds up to a visible or
derivable total (a row, a column, a margin of a multi-way table), a line may not hold exactly one
hidden cell, and the hidden cells of a line together must describe 0 or at least ``min_cell``
contributions. The smallest visible cell of such a line is hidden next, until no line is unsafe.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def complete_suppression(
    values: np.ndarray,
    suppressed: np.ndarray,
    lines: Sequence[np.ndarray],
    min_cell: int,
    fixed: np.ndarray | None = None,
) -> np.ndarray:
    """Add complementary suppressions to a flat array of cell counts.

    Parameters
    ----------
    values : array of cell counts (flat).
    suppressed : bool array, the primary suppressions.
    lines : index arrays of cells that sum to a known total.
    min_cell : smallest group a visible figure may describe.
    fixed : bool array of cells whose value is published elsewhere (hiding them protects
        nothing); they are chosen as partners only when a line has no other visible cell.

    Returns
    -------
    A new bool array: primary plus complementary suppressions.
    """
    values = np.asarray(values, dtype=float)
    hidden = np.asarray(suppressed, dtype=bool).copy()
    known = np.zeros(len(values), dtype=bool) if fixed is None else np.asarray(fixed, dtype=bool)
    changed = True
    while changed:
        changed = False
        for line in lines:
            line = np.asarray(line, dtype=int)
            if len(line) < 2:
                continue
            mask = hidden[line]
            count = int(mask.sum())
            if count == 0 or count == len(line):
                continue
            total = float(values[line][mask].sum())
            if count == 1 or 0 < total < min_cell:
                visible = line[~mask]
                if (~known[visible]).any():
                    visible = visible[~known[visible]]
                pick = visible[np.argsort(values[visible], kind="stable")[0]]
                hidden[pick] = True
                changed = True
    return hidden


def _record(
    table: pd.DataFrame,
    columns: Sequence[str],
    primary: np.ndarray,
    final: np.ndarray,
    min_cell: int,
) -> dict:
    shape = (len(table), len(columns))
    primary2, final2 = primary.reshape(shape), final.reshape(shape)
    cells = []
    for row, col in zip(*np.nonzero(final2), strict=True):
        cells.append(
            {
                "row": _jsonable(table.index[row]),
                "column": str(columns[col]),
                "reason": "primary" if primary2[row, col] else "complementary",
            }
        )
    return {
        "min_cell": int(min_cell),
        "cells_total": int(final.size),
        "primary": int(primary.sum()),
        "complementary": int(final.sum() - primary.sum()),
        "cells": cells,
    }


def _jsonable(value: object) -> object:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value if isinstance(value, (int, float, str, bool)) or value is None else str(value)


def suppress_small_cells(
    table: pd.DataFrame,
    count_columns: Sequence[str],
    min_cell: int,
    *,
    by: Sequence[Sequence[str]] | None = None,
    suppress_zeros: bool = True,
) -> tuple[pd.DataFrame, dict]:
    """Hide counts below ``min_cell`` and the cells that would reveal them through totals.

    Parameters
    ----------
    table : a wide table (rows = one category, ``count_columns`` = the other) or, with ``by``,
        a long table of combinations with one count column.
    count_columns : the columns holding counts.
    min_cell : smallest group a visible count may describe (default in the config: 5).
    by : for long tables, the groupings whose totals are known, e.g. for a quarter × group ×
        channel table ``[["quarter", "group"], ["quarter", "channel"], ["group", "channel"]]``.
        Without ``by`` every row and every count column is a line with a known total.
    suppress_zeros : treat 0 as a small cell too (default; set False where zeros are public).

    Returns
    -------
    The table with hidden counts set to missing (nullable Int64 columns), and a record for the
    manifest: ``min_cell``, numbers of primary and complementary suppressions, and the cells.
    """
    columns = list(count_columns)
    out = table.copy()
    values = out[columns].apply(pd.to_numeric, errors="coerce").fillna(0).to_numpy(dtype=float)
    small = values < min_cell if suppress_zeros else (values > 0) & (values < min_cell)
    primary = small.ravel()
    n_rows, n_cols = values.shape
    flat = np.arange(values.size).reshape(values.shape)
    lines: list[np.ndarray] = []
    if by is None:
        lines += [flat[i, :] for i in range(n_rows)] if n_cols > 1 else []
        lines += [flat[:, j] for j in range(n_cols)]
    else:
        positions = pd.Series(np.arange(n_rows), index=out.index)
        for grouping in by:
            keys = [out[c].astype(str) for c in grouping]
            for _, members in positions.groupby(keys if keys else np.zeros(n_rows)):
                for j in range(n_cols):
                    lines.append(flat[members.to_numpy(), j])
        if n_cols > 1:
            lines += [flat[i, :] for i in range(n_rows)]
    final = complete_suppression(values.ravel(), primary, lines, min_cell)
    hidden = final.reshape(values.shape)
    for j, column in enumerate(columns):
        column_values = pd.array(out[column], dtype="Float64")
        column_values[hidden[:, j]] = pd.NA
        out[column] = (
            column_values.astype("Int64") if np.all(np.mod(values[:, j], 1) == 0) else column_values
        )
    return out, _record(out, columns, primary, final, min_cell)


def combination_counts(
    contributions: pd.DataFrame,
    columns: Sequence[str],
    min_cell: int = 5,
) -> tuple[pd.DataFrame, dict]:
    """Counts of contributions per combination (e.g. quarter × group × channel), suppressed.

    Every combination present in the data is a row (absent combinations are not listed); the
    totals over each column and each pair of columns are treated as known, so a hidden count can
    not be recovered by subtraction.
    """
    columns = list(columns)
    keyed = contributions[columns].astype(object).where(contributions[columns].notna(), "")
    counts = keyed.value_counts(sort=False).rename("n").reset_index()
    counts = counts.sort_values(columns, kind="stable").reset_index(drop=True)
    margins = (
        [[c for c in columns if c != dropped] for dropped in columns] if len(columns) > 1 else [[]]
    )
    return suppress_small_cells(counts, ["n"], min_cell, by=margins)
