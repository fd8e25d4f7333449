"""Ranked priorities per quarter type: theme × statement type with a transparent score.

Every component lies in [0, 1] (see docs/priorities.md):

- prevalence: share of the type's analysed contributions that carry the theme and the statement
  type, divided by the largest such share in the type (1 = the type's most frequent combination);
- over_representation: clip(log2(lift) / 2, 0, 1), where lift is the lower end of the Wilson 95 %
  interval of the type's share divided by the city share (city level or below = 0, double = 0.5,
  four times or more = 1), so that a handful of contributions cannot look over-represented;
- breadth: mean over channel, group and language of (distinct values voicing the combination /
  distinct values among the type's contributions);
- severity: a fixed weight per statement type (``SEVERITY``);
- structural_need: Φ(mean signed z of the need indicators of the type), 0.5 = city average.

score = Σ weight × component / Σ weights (the weights in the config sum to 1, so this is the
weighted sum). Combinations describing fewer than ``min_cell`` contributions are never listed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from nlp_integration.config import PriorityWeights
from nlp_integration.errors import ConfigError
from nlp_integration.schemas import (
    CHANNEL,
    GROUP,
    ID,
    LANG,
    PRIORITY_COLUMNS,
    QUARTER,
    QUARTER_TYPE,
    QUARTER_TYPE_LABEL,
    STATEMENT_TYPE_KEYS,
    STATEMENT_TYPES,
    STATUS,
    STATUS_ANALYSED,
    TEXT,
    THEME_KEYS,
    THEMES,
    UNDETERMINED_LANG,
    score_column,
    split_labels,
)

COMPONENTS = ("prevalence", "over_representation", "breadth", "severity", "structural_need")

#: how much a statement type calls for action: fears and needs most, prejudice nearly as much
#: (it needs a response), experiences, ideas and potentials less (they inform, not alarm)
SEVERITY: dict[str, float] = {
    "need": 1.0,
    "fear": 1.0,
    "prejudice": 0.9,
    "experience": 0.5,
    "idea": 0.4,
    "potential": 0.4,
}
DEFAULT_SEVERITY = 0.5

#: indicators that signal structural need, with their direction (+1: higher = more need)
NEED_INDICATORS: dict[str, int] = {
    "sgb2_rate": 1,
    "unemployment_rate": 1,
    "share_new_arrivals_5y": 1,
    "fluctuation_rate": 1,
    "living_space_per_person": -1,
}
NEUTRAL_NEED = 0.5

BREADTH_DIMENSIONS = (CHANNEL, GROUP, LANG)


def _type_key(value: object) -> int | str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        number = float(str(value).strip())
        if number.is_integer():
            return int(number)
    except ValueError:
        pass
    text = str(value).strip()
    return text or None


def _type_keys(column: pd.Series) -> pd.Series:
    return pd.Series([_type_key(v) for v in column], index=column.index, dtype=object)


def _wilson_low(n: int, total: int, z: float = 1.959963984540054) -> float:
    """Lower end of the Wilson score interval of ``n / total``."""
    p = n / total
    centre = p + z * z / (2 * total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return max(0.0, (centre - half) / (1 + z * z / total))


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def structural_need(quarter_types: pd.DataFrame | None) -> dict[int | str, float]:
    """Need of every quarter type in [0, 1]: Φ(mean signed z of the need indicators).

    Accepts the quarters table (one row per quarter with raw indicators) or the profile table
    (``z_<indicator>`` columns). Types without need indicators get 0.5 (the city average).
    """
    if quarter_types is None or quarter_types.empty or QUARTER_TYPE not in quarter_types.columns:
        return {}
    keys = _type_keys(quarter_types[QUARTER_TYPE])
    z_columns = {ind: f"z_{ind}" for ind in NEED_INDICATORS if f"z_{ind}" in quarter_types.columns}
    if z_columns:
        z = pd.DataFrame({ind: quarter_types[col] for ind, col in z_columns.items()})
    else:
        present = [ind for ind in NEED_INDICATORS if ind in quarter_types.columns]
        if not present:
            return {}
        raw = quarter_types[present].apply(pd.to_numeric, errors="coerce")
        std = raw.std(ddof=0).replace(0.0, np.nan)
        z = ((raw - raw.mean()) / std).fillna(0.0)
    signed = sum(z[ind] * NEED_INDICATORS[ind] for ind in z.columns) / len(z.columns)
    per_type = signed.groupby(keys.to_numpy()).mean()
    return {key: _normal_cdf(float(value)) for key, value in per_type.items()}


def _type_labels(contributions: pd.DataFrame, quarter_types: pd.DataFrame | None) -> dict:
    labels: dict = {}
    for frame in (quarter_types, contributions):
        if frame is not None and {QUARTER_TYPE, QUARTER_TYPE_LABEL} <= set(frame.columns):
            for key, label in zip(
                _type_keys(frame[QUARTER_TYPE]), frame[QUARTER_TYPE_LABEL], strict=True
            ):
                if key is not None and isinstance(label, str) and label.strip():
                    labels.setdefault(key, label.strip())
    return labels


def _with_types(contributions: pd.DataFrame, quarter_types: pd.DataFrame | None) -> pd.Series:
    """Quarter type of every contribution: its own column, else joined through the quarter."""
    if QUARTER_TYPE in contributions.columns and contributions[QUARTER_TYPE].notna().any():
        return _type_keys(contributions[QUARTER_TYPE])
    if (
        quarter_types is not None
        and QUARTER in contributions.columns
        and QUARTER in quarter_types.columns
    ):
        from nlp_integration.quarters import join_quarter_types

        joined, _ = join_quarter_types(contributions, quarter_types)
        return _type_keys(joined[QUARTER_TYPE])
    return pd.Series([None] * len(contributions), index=contributions.index, dtype=object)


def _label_lists(column: pd.Series | None, n: int) -> list[list[str]]:
    return [[] for _ in range(n)] if column is None else [split_labels(c) for c in column]


def _indicator(lists: list[list[str]], labels: list[str]) -> np.ndarray:
    position = {label: j for j, label in enumerate(labels)}
    out = np.zeros((len(lists), len(labels)), dtype=float)
    for i, labels_of_row in enumerate(lists):
        for label in labels_of_row:
            out[i, position[label]] = 1.0
    return out


def _ordered(lists: list[list[str]], keys: tuple[str, ...]) -> list[str]:
    found = {label for labels in lists for label in labels}
    return [k for k in keys if k in found] + sorted(found - set(keys))


def _breadth(sub: pd.DataFrame, members: np.ndarray) -> float:
    parts = []
    for dimension in BREADTH_DIMENSIONS:
        if dimension not in sub.columns:
            continue
        values = (
            sub[dimension].astype(object).where(sub[dimension].notna(), "").astype(str).str.strip()
        )
        valid = (values != "") & (values != UNDETERMINED_LANG)
        available = values[valid].nunique()
        if available:
            parts.append(values[valid & members].nunique() / available)
    return float(np.mean(parts)) if parts else 0.0


def _evidence(rows: pd.DataFrame, theme: str, statement_type: str, k: int) -> tuple[str, str]:
    """Ids of the highest-scoring contributions, one language after another.

    A text given several times is evidence once, by its first row: duplicates cannot crowd out
    other voices, and float noise between their scores cannot decide which id is shown.
    """
    if rows.empty or k <= 0:
        return "", ""
    if TEXT in rows.columns:
        rows = rows[~rows[TEXT].astype(str).str.strip().duplicated()]
    score = pd.Series(1.0, index=rows.index)
    for label in (theme, statement_type):
        column = score_column(label)
        if column in rows.columns:
            score = score * pd.to_numeric(rows[column], errors="coerce").fillna(0.0).clip(lower=0)
    langs = rows[LANG].astype(str) if LANG in rows.columns else pd.Series("", index=rows.index)
    # rounded, so that float noise (batch sizes change the last bits) cannot reorder near-ties
    ranked = pd.DataFrame({"score": score.round(6), "lang": langs, "order": np.arange(len(rows))})
    ranked = ranked.sort_values(["score", "order"], ascending=[False, True], kind="stable")
    queues = {lang: list(group.index) for lang, group in ranked.groupby("lang", sort=False)}
    chosen: list = []
    while len(chosen) < k and any(queues.values()):
        for lang in list(queues):
            if queues[lang] and len(chosen) < k:
                chosen.append(queues[lang].pop(0))
    ids = rows.loc[chosen, ID].astype(str) if ID in rows.columns else pd.Series(chosen).astype(str)
    return ";".join(ids), ";".join(langs.loc[chosen])


def prioritise(
    contributions: pd.DataFrame,
    quarter_types: pd.DataFrame | None,
    weights: PriorityWeights | None = None,
    min_cell: int = 5,
    top: int = 10,
    evidence_per_priority: int = 5,
    severity: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Ranked theme × statement-type priorities per quarter type (``priorities.csv``).

    Parameters
    ----------
    contributions : the contributions table (``status``, ``themes``, ``statement_types``,
        ``score_<label>``, ``quarter_type`` or ``quarter``, ``channel``, ``group``, ``lang``, ``id``).
    quarter_types : the quarters table (or the profile table) for labels and structural need; the
        type of each contribution is joined through ``quarter`` if the contributions lack it.
    weights : component weights (config ``analysis.weights``).
    min_cell : combinations with fewer contributions are not listed.
    top : at most this many priorities per type.
    evidence_per_priority : number of evidence ids per priority.
    severity : statement type -> weight in [0, 1]; default ``SEVERITY``.
    """
    weights = weights or PriorityWeights()
    weight_of = {name: float(getattr(weights, name)) for name in COMPONENTS}
    if any(w < 0 for w in weight_of.values()) or sum(weight_of.values()) <= 0:
        raise ConfigError(
            "analysis.weights must be non-negative and not all zero; e.g. prevalence = 0.3"
        )
    severity_of = dict(SEVERITY if severity is None else severity)
    frame = contributions
    if STATUS in frame.columns:
        frame = frame[frame[STATUS].astype(str) == STATUS_ANALYSED]
    frame = frame.reset_index(drop=True)
    types = _with_types(frame, quarter_types).reset_index(drop=True)
    need = structural_need(quarter_types)
    labels = _type_labels(contributions, quarter_types)
    theme_lists = _label_lists(frame.get(THEMES), len(frame))
    type_lists = _label_lists(frame.get(STATEMENT_TYPES), len(frame))
    themes = _ordered(theme_lists, THEME_KEYS)
    statement_types = _ordered(type_lists, STATEMENT_TYPE_KEYS)
    if frame.empty or not themes or not statement_types:
        return pd.DataFrame(columns=PRIORITY_COLUMNS)
    theme_x = _indicator(theme_lists, themes)
    type_x = _indicator(type_lists, statement_types)
    city_pairs = theme_x.T @ type_x
    n_city = len(frame)
    rows = []
    for key in sorted({t for t in types if t is not None}, key=lambda t: (isinstance(t, str), t)):
        in_type = (types == key).to_numpy()
        n_type = int(in_type.sum())
        if n_type < min_cell:
            continue
        pairs = theme_x[in_type].T @ type_x[in_type]
        sub = frame[in_type]
        candidates = []
        largest = pairs.max()
        for i, j in zip(*np.nonzero(pairs >= min_cell), strict=True):
            n = int(pairs[i, j])
            city_share = city_pairs[i, j] / n_city
            lift_low = _wilson_low(n, n_type) / city_share
            members = (theme_x[in_type, i] > 0) & (type_x[in_type, j] > 0)
            component = {
                "prevalence": n / largest,
                "over_representation": float(np.clip(np.log2(max(lift_low, 1e-9)) / 2, 0, 1)),
                "breadth": _breadth(sub, members),
                "severity": float(severity_of.get(statement_types[j], DEFAULT_SEVERITY)),
                "structural_need": float(need.get(key, NEUTRAL_NEED)),
            }
            score = sum(weight_of[c] * component[c] for c in COMPONENTS) / sum(weight_of.values())
            candidates.append((score, n, themes[i], statement_types[j], component, members))
        candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
        for rank, (score, n, theme, statement_type, component, members) in enumerate(
            candidates[:top], start=1
        ):
            ids, langs = _evidence(sub[members], theme, statement_type, evidence_per_priority)
            rows.append(
                {
                    "quarter_type": key,
                    "quarter_type_label": labels.get(key, ""),
                    "rank": rank,
                    "theme": theme,
                    "statement_type": statement_type,
                    "score": round(score, 4),
                    **{c: round(component[c], 4) for c in COMPONENTS},
                    "n": n,
                    "evidence_ids": ids,
                    "evidence_langs": langs,
                }
            )
    return pd.DataFrame(rows, columns=PRIORITY_COLUMNS)
