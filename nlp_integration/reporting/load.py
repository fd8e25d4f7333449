"""Read a finished run folder into a small dataclass of DataFrames (no recomputation)."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.errors import InputFileError
from nlp_integration.privacy import complete_suppression
from nlp_integration.schemas import (
    CROSSTAB_COLUMNS,
    CROSSTAB_DIMENSIONS,
    PRIORITY_COLUMNS,
    TOPIC_COLUMNS,
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: the breakdowns whose small levels are protected everywhere a planner looks
BREAKDOWN_COLUMNS: tuple[str, ...] = (S.QUARTER, S.GROUP, S.CHANNEL, S.LANG)


@dataclass(frozen=True)
class RunTables:
    """The stored tables of one run folder, as read from disk."""

    run_dir: Path
    contributions: pd.DataFrame
    topics: pd.DataFrame
    quarters: pd.DataFrame
    quarter_profiles: pd.DataFrame
    crosstabs: dict[str, pd.DataFrame]
    priorities: pd.DataFrame
    manifest: dict[str, Any] = field(default_factory=dict)
    geojson: dict[str, Any] | None = None
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def analysed(self) -> pd.DataFrame:
        """Contributions with status ``analysed``, input columns under their canonical names.

        A run read with ``--text-column Beitrag`` (or other channel/group/date columns) keeps the
        user's names in ``contributions``; the manifest says which they are.
        """
        c = self.contributions
        if S.STATUS in c.columns:
            c = c[c[S.STATUS].astype(str) == S.STATUS_ANALYSED]
        rename = {
            actual: canonical
            for canonical, actual in input_columns(self.manifest).items()
            if canonical not in c.columns and actual in c.columns
        }
        return c.rename(columns=rename) if rename else c


def input_columns(manifest: dict[str, Any]) -> dict[str, str]:
    """``{canonical: actual}`` names of text, channel, group and date columns from the manifest."""
    config_input = ((manifest.get("config") or {}).get("input")) or {}
    found = {
        S.TEXT: (manifest.get("input") or {}).get("text_column") or config_input.get("text_column"),
        S.CHANNEL: config_input.get("channel_column"),
        S.GROUP: config_input.get("group_column"),
        S.DATE: config_input.get("date_column"),
    }
    return {k: str(v) for k, v in found.items() if v and str(v) != k}


def type_key(value: object) -> str:
    """A stable string key of a quarter type (``1``, ``1.0`` and ``"1"`` all give ``"1"``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else text


def _unneutralise(value: object) -> object:
    """Undo a CSV writer's formula guard (a ``'`` before =, +, -, @, tab or CR)."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


def _read_csv(path: Path, columns: Sequence[str] | None = None) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=list(columns or []))
    try:
        frame = pd.read_csv(path, keep_default_na=True, low_memory=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=list(columns or []))
    except (OSError, pd.errors.ParserError) as exc:
        raise InputFileError(
            f"{path}: cannot read the table ({exc}); re-run the analysis"
        ) from None
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            frame[col] = frame[col].map(_unneutralise)
    return frame


def _to_bool(series: pd.Series) -> pd.Series:
    mapping = {"true": True, "1": True, "1.0": True, "false": False, "0": False, "0.0": False}
    return series.map(
        lambda v: (
            v
            if isinstance(v, bool)
            else mapping.get(str(v).strip().lower(), False)
            if v is not None and v == v
            else False
        )
    ).astype(bool)


def _read_contributions(run_dir: Path) -> pd.DataFrame:
    parquet = run_dir / "contributions.parquet"
    csv = run_dir / "contributions.csv"
    if parquet.exists():
        try:
            frame = pd.read_parquet(parquet)
        except (OSError, ValueError, ImportError):
            frame = None
        if frame is not None:
            return frame
    if csv.exists():
        frame = _read_csv(csv)
        if S.ID in frame.columns:
            frame[S.ID] = frame[S.ID].astype(str)
        return frame
    raise InputFileError(
        f"{run_dir}: no contributions.parquet or contributions.csv; give a run folder written by "
        "'nlp-integration analyse'"
    )


def _read_crosstab(run_dir: Path, dimension: str) -> pd.DataFrame:
    frame = _read_csv(run_dir / f"crosstab_{dimension}.csv", CROSSTAB_COLUMNS)
    for col in CROSSTAB_COLUMNS:
        if col not in frame.columns:
            frame[col] = pd.NA
    frame["level"] = frame["level"].map(type_key)
    frame["suppressed"] = _to_bool(frame["suppressed"])
    frame["significant"] = _to_bool(frame["significant"])
    for col in ("n", "n_level", "share", "share_city", "lift", "residual", "p_value", "p_adjusted"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    for col in ("ci_low", "ci_high"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce")
    return frame


def load_run(run_dir: str | Path, geojson: dict[str, Any] | None = None) -> RunTables:
    """Read the tables of a run folder; missing optional tables become empty frames.

    Parameters
    ----------
    run_dir
        Folder written by the pipeline (see DEVELOPERS.md, "Tables between steps").
    geojson
        A GeoJSON FeatureCollection; when None, ``quarters.geojson`` in the folder is used if present.
    """
    root = Path(run_dir)
    if not root.is_dir():
        raise InputFileError(f"{root}: run folder not found; give the --out folder of 'analyse'")
    contributions = _read_contributions(root)
    topics = _read_csv(root / "topics.csv", TOPIC_COLUMNS)
    quarters = _read_csv(root / "quarters.csv")
    profiles = _read_csv(root / "quarter_profiles.csv")
    priorities = _read_csv(root / "priorities.csv", PRIORITY_COLUMNS)
    for col in PRIORITY_COLUMNS:
        if col not in priorities.columns:
            priorities[col] = pd.NA
    crosstabs = {dim: _read_crosstab(root, dim) for dim in CROSSTAB_DIMENSIONS}
    manifest: dict[str, Any] = {}
    manifest_path = root / "manifest.json"
    if manifest_path.exists():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputFileError(f"{manifest_path}: not valid JSON ({exc})") from None
    geo = geojson
    geo_path = root / "quarters.geojson"
    if geo is None and geo_path.exists():
        try:
            geo = json.loads(geo_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputFileError(f"{geo_path}: not valid GeoJSON ({exc})") from None
    return RunTables(
        run_dir=root,
        contributions=contributions,
        topics=topics,
        quarters=quarters,
        quarter_profiles=profiles,
        crosstabs=crosstabs,
        priorities=priorities,
        manifest=manifest,
        geojson=geo,
    )


def suppress_counts(
    counts: pd.Series, min_cell: int, groups: Mapping[str, str] | None = None
) -> pd.Series:
    """Counts with cells below ``min_cell`` set to NaN, plus complementary suppression.

    The total over all cells is treated as known, and so is the total of each group in
    ``groups`` (``{key: group}``, e.g. quarter → quarter type, whose size the cross-tables show):
    no such line may hold exactly one hidden cell, nor hidden cells adding up to fewer than
    ``min_cell``. A key that is alone in its group is never chosen as a partner (its group total
    shows it). Keys hidden only as partners are listed in ``result.attrs["complementary"]``.
    """
    out = counts.astype("float").copy()
    keys = [str(k) for k in out.index]
    values = out.fillna(0).to_numpy()
    primary = (values > 0) & (values < min_cell)
    groups = groups or {}
    members: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if groups.get(key):
            members.setdefault(groups[key], []).append(i)
    lines = [np.arange(len(values))] + [np.array(m) for m in members.values() if len(m) > 1]
    alone = np.array([len(members.get(groups.get(k, ""), [])) == 1 for k in keys], dtype=bool)
    hidden = complete_suppression(values, primary, lines, min_cell, fixed=alone)
    out[hidden] = float("nan")
    out.attrs["complementary"] = [k for k, h, p in zip(out.index, hidden, primary, strict=True)
                                  if h and not p]  # fmt: skip
    return out


def quarter_types_of(tables: RunTables) -> dict[str, str]:
    """``{quarter: quarter type key}`` of the analysed contributions (unknown/citywide have none)."""
    data = tables.analysed
    if S.QUARTER not in data.columns or S.QUARTER_TYPE not in data.columns:
        return {}
    pairs = zip(data[S.QUARTER].astype(str), data[S.QUARTER_TYPE].map(type_key), strict=True)
    return {quarter: key for quarter, key in pairs if key}


def participation(tables: RunTables, column: str, min_cell: int) -> pd.Series:
    """Analysed contributions per category of ``column``, small cells suppressed (NaN).

    Quarters are also protected along the quarter → quarter type hierarchy.
    """
    data = tables.analysed
    if column not in data.columns:
        return pd.Series(dtype="float")
    values = data[column].dropna().astype(str)
    values = values[values.str.strip() != ""]
    counts = values.value_counts()
    counts = counts.sort_values(ascending=False, kind="stable")
    groups = quarter_types_of(tables) if column == S.QUARTER else None
    return suppress_counts(counts, min_cell, groups)


def small_level_mask(tables: RunTables, min_cell: int) -> pd.Series:
    """True for analysed contributions of a quarter, group, channel or language below ``min_cell``."""
    cached = tables.cache.get(("small", min_cell))
    if cached is not None:
        return cached
    data = tables.analysed
    mask = pd.Series(False, index=data.index)
    for column in BREAKDOWN_COLUMNS:
        if column in data.columns:
            values = data[column].astype("string").str.strip()
            counts = values[values != ""].value_counts()
            mask |= values.isin(counts.index[counts < min_cell]).fillna(False).astype(bool)
    tables.cache[("small", min_cell)] = mask
    return mask


def quotable_groups(tables: RunTables, min_cell: int) -> set[tuple[str, str]]:
    """``(quarter_type, label)`` pairs with at least ``min_cell`` contributions, unsuppressed."""
    cross = tables.crosstabs.get("quarter_type")
    if cross is None or cross.empty:
        return set()
    ok = cross[(~cross["suppressed"]) & (cross["n"].fillna(0) >= min_cell)]
    ok = ok[ok["n_level"].fillna(0) >= min_cell]
    return {(str(level), str(label)) for level, label in zip(ok["level"], ok["label"], strict=True)}


def complementary_cells(tables: RunTables, dimension: str, min_cell: int) -> set[tuple[str, str]]:
    """Suppressed ``(level, label)`` cells of a cross-table that hold ``min_cell`` or more.

    They were hidden only to protect another cell; the report shows them as "–", not "< 5".
    The counts are taken from the analysed contributions (the cross-table keeps them blank).
    """
    cached = tables.cache.get(("complementary", dimension, min_cell))
    if cached is not None:
        return cached
    cross = tables.crosstabs.get(dimension)
    data = tables.analysed
    if cross is None or cross.empty or dimension not in data.columns:
        return set()
    levels = data[dimension].map(type_key)
    n_level = levels.value_counts()
    cells: Counter[tuple[str, str]] = Counter()
    for column in (S.THEMES, S.STATEMENT_TYPES):
        if column in data.columns:
            for level, cell in zip(levels, data[column], strict=True):
                cells.update((level, label) for label in S.split_labels(cell))
    hidden = cross[cross["suppressed"]]
    found = {
        (str(level), str(label))
        for level, label in zip(hidden["level"], hidden["label"], strict=True)
        if cells[(str(level), str(label))] >= min_cell and n_level.get(str(level), 0) >= min_cell
    }
    tables.cache[("complementary", dimension, min_cell)] = found
    return found


def top_priorities(tables: RunTables, min_cell: int, per_type: int | None = None) -> pd.DataFrame:
    """Priorities planners may see, by quarter type and rank.

    A priority needs ``n >= min_cell`` and both of its cells (type × theme, type × statement
    type) shown in the quarter-type cross-table: otherwise its n (and its prevalence) would undo
    the suppression of that cell.
    """
    prio = tables.priorities.copy()
    if prio.empty:
        return prio
    prio["n"] = pd.to_numeric(prio["n"], errors="coerce")
    prio["rank"] = pd.to_numeric(prio["rank"], errors="coerce")
    prio["_type"] = prio["quarter_type"].map(type_key)
    shown = quotable_groups(tables, min_cell)
    cells_shown = [
        (key, str(theme)) in shown and (key, str(stype)) in shown
        for key, theme, stype in zip(
            prio["_type"], prio["theme"], prio["statement_type"], strict=True
        )
    ]
    prio = prio[(prio["n"].fillna(0) >= min_cell) & pd.Series(cells_shown, index=prio.index)]
    prio["_order"] = pd.to_numeric(prio["_type"], errors="coerce")
    prio = prio.sort_values(["_order", "_type", "rank"], kind="stable")
    if per_type is not None:
        prio = prio.groupby("_type", sort=False).head(per_type)
    return prio.drop(columns=["_order"]).reset_index(drop=True)


def skipped_rows(tables: RunTables) -> dict[str, int]:
    """``{reason: rows}`` of the input rows that were not analysed (``skipped:<reason>``)."""
    status = tables.contributions.get(S.STATUS, pd.Series(dtype=str)).astype(str)
    skipped = status[status.str.startswith(S.SKIPPED_PREFIX)].str.removeprefix(S.SKIPPED_PREFIX)
    return {str(k): int(v) for k, v in skipped.value_counts().sort_index().items()}


def type_labels(tables: RunTables) -> dict[str, str]:
    """``{quarter type key: German label}`` from profiles, quarters or priorities."""
    labels: dict[str, str] = {}
    for frame in (tables.quarter_profiles, tables.quarters, tables.priorities):
        if S.QUARTER_TYPE in frame.columns and S.QUARTER_TYPE_LABEL in frame.columns:
            for key, label in zip(frame[S.QUARTER_TYPE], frame[S.QUARTER_TYPE_LABEL], strict=True):
                k = type_key(key)
                if k and k not in labels and isinstance(label, str) and label.strip():
                    labels[k] = label.strip()
    return labels


def ordered_types(keys: object) -> list[str]:
    """Quarter type keys, numeric ones first in numeric order."""
    uniq = {type_key(k) for k in keys if type_key(k)}  # type: ignore[union-attr]
    return sorted(uniq, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))


def concern_counts(tables: RunTables, key: str, min_cell: int) -> pd.Series:
    """Themes of the contributions with statement type ``key`` (counts < min_cell as NaN)."""
    data = tables.analysed
    if S.STATEMENT_TYPES not in data.columns or S.THEMES not in data.columns:
        return pd.Series(dtype=float)
    has = data[S.STATEMENT_TYPES].map(lambda cell: key in S.split_labels(cell))
    themes = [t for cell in data.loc[has, S.THEMES] for t in S.split_labels(cell)]
    counts = pd.Series(themes, dtype=object).value_counts()
    counts = counts.reindex(
        [k for k in S.THEME_KEYS if k in counts.index]
        + sorted(set(counts.index) - set(S.THEME_KEYS))
    )
    counts = counts.astype(float)
    return counts.where(counts >= min_cell)
