"""The tables of the planners' workbook: the run's tables with small groups left out and keys named.

``report.xlsx`` is a planner file, so it follows the rules of the HTML report: no row of a
quarter, group, channel or language with fewer than ``min_cell`` contributions; languages of a
topic named only with ``min_cell`` contributions in it; priorities only where the report shows
them; readable names instead of label keys. The complete tables stay in the run folder
(``contributions.csv`` and the other CSV files) for researchers.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.reporting import texts as T
from nlp_integration.reporting.load import (
    BREAKDOWN_COLUMNS,
    RunTables,
    small_level_mask,
    top_priorities,
    type_key,
)

#: the columns of the planners' contribution sheet, in order
CONTRIBUTION_COLUMNS: tuple[str, ...] = (
    S.ID,
    S.TEXT,
    S.TOPIC_LABEL,
    S.THEMES,
    S.STATEMENT_TYPES,
    S.QUARTER_TYPE,
)
DIMENSION_NAMES: dict[str, dict[str, str]] = {
    "de": {"quarter_type": "Quartierstyp", "channel": "Kanal", "group": "Gruppe", "lang": "Sprache"},
    "en": {"quarter_type": "quarter type", "channel": "channel", "group": "group", "lang": "language"},
}  # fmt: skip
LABEL_KIND_NAMES: dict[str, dict[str, str]] = {
    "de": {"theme": "Themenfeld", "statement_type": "Aussagetyp"},
    "en": {"theme": "theme", "statement_type": "statement type"},
}


def left_out_mask(tables: RunTables, min_cell: int) -> pd.Series:
    """Analysed contributions the planners' sheet leaves out.

    Those of a small level (see ``small_level_mask``). The sheet's rows per quarter type can be
    compared with the types' sizes, and its row count with the number of analysed contributions,
    so each type with 1 to ``min_cell - 1`` rows left out loses its last rows until ``min_cell``
    are left out, and when fewer than ``min_cell`` rows are left out in all, the smallest other
    levels are left out too (complementary suppression of rows).
    """
    mask = small_level_mask(tables, min_cell).copy()
    data = tables.analysed
    if S.QUARTER_TYPE in data.columns:
        types = data[S.QUARTER_TYPE].map(type_key)
        for _key, rows in types.groupby(types).groups.items():
            short = min_cell - int(mask[rows].sum())
            if 0 < short < min_cell:
                kept = [row for row in rows if not mask[row]]
                mask[kept[-short:]] = True
    if not 0 < int(mask.sum()) < min_cell:
        return mask
    levels = []
    for column in BREAKDOWN_COLUMNS:
        if column in data.columns:
            counts = data[column].dropna().astype(str).value_counts()
            levels += [(int(n), column, level) for level, n in counts.items() if n >= min_cell]
    for _n, column, level in sorted(levels):
        mask |= data[column].astype(str) == level
        if mask.sum() >= min_cell:
            break
    return mask


def _names(cell: object, name: Any, language: str) -> str:
    return "; ".join(name(language, key) for key in S.split_labels(cell))


def planner_contributions(
    tables: RunTables, language: str, min_cell: int
) -> tuple[pd.DataFrame, int]:
    """The contributions planners may see, and how many were left out.

    Only id, redacted text, topic label, theme and statement-type names and the quarter type: no
    quarter, group, channel, language, date or other input column.
    """
    data = tables.analysed
    left_out = left_out_mask(tables, min_cell)
    rows = data[~left_out]
    out = pd.DataFrame(index=rows.index)
    for column in CONTRIBUTION_COLUMNS:
        if column in rows.columns:
            out[column] = rows[column]
    if S.THEMES in out:
        out[S.THEMES] = out[S.THEMES].map(lambda c: _names(c, T.theme_name, language))
    if S.STATEMENT_TYPES in out:
        out[S.STATEMENT_TYPES] = out[S.STATEMENT_TYPES].map(
            lambda c: _names(c, T.statement_type_name, language)
        )
    if S.QUARTER_TYPE in out:
        out[S.QUARTER_TYPE] = out[S.QUARTER_TYPE].map(type_key)
    return out.reset_index(drop=True), int(left_out.sum())


def _json_object(raw: object) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def planner_topics(tables: RunTables, min_cell: int) -> pd.DataFrame:
    """Topics with small sizes blank and languages named only with ``min_cell`` contributions."""
    topics = tables.topics.copy()
    if topics.empty:
        return topics
    size = pd.to_numeric(topics.get("size"), errors="coerce")
    shares, keywords = [], []
    for raw_share, raw_kw, n in zip(
        topics.get("share_by_lang", [None] * len(topics)),
        topics.get("keywords_by_lang", [None] * len(topics)),
        size,
        strict=True,
    ):
        share = _json_object(raw_share)
        keep = [c for c, v in share.items() if n == n and round(float(v) * float(n)) >= min_cell]
        kw = _json_object(raw_kw)
        shares.append(json.dumps({c: share[c] for c in keep}, ensure_ascii=False))
        keywords.append(json.dumps({c: kw[c] for c in keep if c in kw}, ensure_ascii=False))
    topics["share_by_lang"] = shares
    topics["keywords_by_lang"] = keywords
    topics["size"] = size.where(size >= min_cell)
    return topics


def planner_priorities(tables: RunTables, language: str, min_cell: int) -> pd.DataFrame:
    """The priorities the HTML report shows (``top_priorities``), with theme and type names."""
    prio = top_priorities(tables, min_cell).drop(columns=["_type"], errors="ignore")
    if prio.empty:
        return prio
    prio["theme"] = prio["theme"].map(lambda k: T.theme_name(language, str(k)))
    prio["statement_type"] = prio["statement_type"].map(
        lambda k: T.statement_type_name(language, str(k))
    )
    return prio


def planner_crosstab(frame: pd.DataFrame, dimension: str, language: str) -> pd.DataFrame:
    """A cross-table with readable names; suppressed cells have no significance either."""
    out = frame.copy()
    out["dimension"] = DIMENSION_NAMES[language].get(dimension, dimension)
    out["label_kind"] = out["label_kind"].map(
        lambda k: LABEL_KIND_NAMES[language].get(str(k), str(k))
    )
    out["label"] = out["label"].map(lambda k: T.label_name(language, str(k)))
    if dimension == S.LANG:
        out["level"] = out["level"].map(lambda code: T.language_name(language, code))
    out["significant"] = out["significant"].astype(object).where(~out["suppressed"], None)
    return out


def planner_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with unmatched quarter names (raw input values) replaced by their count."""
    out = dict(manifest)
    if "unmatched_quarters" in out:
        out["unmatched_quarters"] = len(out["unmatched_quarters"] or [])
    return out
