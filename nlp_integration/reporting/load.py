"""Read a finished run folder into a small dataclass of DataFrames (no recomputation)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.errors import InputFileError

CROSSTAB_DIMENSIONS: tuple[str, ...] = ("quarter_type", "channel", "group", "lang")

CROSSTAB_COLUMNS: list[str] = [
    "dimension",
    "level",
    "label_kind",
    "label",
    "n",
    "n_level",
    "share",
    "share_city",
    "lift",
    "residual",
    "p_value",
    "p_adjusted",
    "ci_low",
    "ci_high",
    "significant",
    "suppressed",
]
TOPIC_COLUMNS: list[str] = [
    "topic_id",
    "label",
    "label_en",
    "keywords",
    "keywords_by_lang",
    "size",
    "share_by_lang",
    "representative_ids",
]
PRIORITY_COLUMNS: list[str] = [
    "quarter_type",
    "quarter_type_label",
    "rank",
    "theme",
    "statement_type",
    "score",
    "prevalence",
    "over_representation",
    "breadth",
    "severity",
    "structural_need",
    "n",
    "evidence_ids",
    "evidence_langs",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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

    @property
    def analysed(self) -> pd.DataFrame:
        """Contributions with status ``analysed``."""
        c = self.contributions
        if S.STATUS not in c.columns:
            return c
        return c[c[S.STATUS].astype(str) == S.STATUS_ANALYSED]


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


def _read_csv(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=columns or [])
    try:
        frame = pd.read_csv(path, keep_default_na=True, low_memory=False)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=columns or [])
    except (OSError, pd.errors.ParserError) as exc:
        raise InputFileError(f"{path}: cannot read the table ({exc}); re-run the analysis") from None
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(_unneutralise)
    return frame


def _to_bool(series: pd.Series) -> pd.Series:
    mapping = {"true": True, "1": True, "1.0": True, "false": False, "0": False, "0.0": False}
    return series.map(
        lambda v: v
        if isinstance(v, bool)
        else mapping.get(str(v).strip().lower(), False)
        if v is not None and v == v
        else False
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


def suppress_counts(counts: pd.Series, min_cell: int) -> pd.Series:
    """Counts with cells below ``min_cell`` set to NA (plus complementary suppression).

    When exactly one positive cell is below ``min_cell``, the next smallest cell is suppressed
    too, so that the hidden value cannot be recovered from a shown total.
    """
    out = counts.astype("float").copy()
    small = (out > 0) & (out < min_cell)
    if int(small.sum()) == 1 and len(out) > 2:
        rest = out[~small & (out > 0)]
        if len(rest):
            small[rest.idxmin()] = True
    out[small] = float("nan")
    return out


def quotable_groups(tables: RunTables, min_cell: int) -> set[tuple[str, str]]:
    """``(quarter_type, label)`` pairs with at least ``min_cell`` contributions, unsuppressed."""
    cross = tables.crosstabs.get("quarter_type")
    if cross is None or cross.empty:
        return set()
    ok = cross[(~cross["suppressed"]) & (cross["n"].fillna(0) >= min_cell)]
    ok = ok[ok["n_level"].fillna(0) >= min_cell]
    return {(str(level), str(label)) for level, label in zip(ok["level"], ok["label"], strict=True)}
