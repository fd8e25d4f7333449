"""Which contributions may be quoted to planners, and which are chosen.

A quote must come from a (quarter type × label) cell that the cross-table shows, must not belong
to a quarter, group, channel or language with fewer than ``min_cell`` contributions, and must not
carry what redaction left behind: long digit runs (phone numbers), house numbers, ages, or so many
placeholders that the text is mostly about a person. Texts with any placeholder come last.
"""

from __future__ import annotations

import re

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.reporting.load import (
    RunTables,
    quotable_groups,
    small_level_mask,
    type_key,
)

#: six or more digits, single spaces allowed between them: "512 345 678", "0151234567"
DIGIT_RUN = re.compile(r"\d(?:[ \u00a0\u202f]?\d){5,}")
#: house numbers: "Nr. 5", "Haus Nr.", "Hausnummer", "дома 5", "будинку 5", "5 numaralı", "numer 5"
HOUSE_NUMBER = re.compile(
    r"\b(?:nr|no)\.?\s*\d+|\bhaus\s*(?:nr|nummer)\b|\bhausnummer\b|\bдом(?:а|е|у)?\s*(?:№\s*)?\d+"
    r"|\bбуд(?:инок|инку|\.)?\s*\d+|\d+\s*numaral|\bnumer(?:ze|em|u)?\s*\d+",
    re.IGNORECASE,
)
#: ages: "85 Jahre", "80 lat", "9 років", "82 yaşında", "70 years old"
AGE = re.compile(r"\b\d{1,3}\s*(?:jahre\b|j\.|lat\b|років|yaşında|years old)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
#: a text with at least this many placeholders, or this share of placeholder words, is left out
MAX_PLACEHOLDERS = 2
MAX_PLACEHOLDER_SHARE = 1 / 6


def personal_residue(text: str) -> bool:
    """True when a redacted text still looks like it describes a person (see module docstring)."""
    if DIGIT_RUN.search(text) or HOUSE_NUMBER.search(text) or AGE.search(text):
        return True
    placeholders = len(PLACEHOLDER.findall(text))
    words = max(1, len(text.split()))
    return placeholders >= MAX_PLACEHOLDERS or placeholders / words >= MAX_PLACEHOLDER_SHARE


def quotable(tables: RunTables, frame: pd.DataFrame, min_cell: int) -> pd.Series:
    """Rows of ``frame`` (analysed contributions) that may be quoted, whatever their label."""
    text = frame[S.TEXT].fillna("").astype(str).str.strip()
    small = small_level_mask(tables, min_cell).reindex(frame.index, fill_value=True)
    return (text != "") & ~small & ~text.map(personal_residue).astype(bool)


def _labels_of(frame: pd.DataFrame, label: str) -> pd.Series:
    column = S.STATEMENT_TYPES if label in S.STATEMENT_TYPE_KEYS else S.THEMES
    if column not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[column].map(lambda cell: label in S.split_labels(cell))


def _has_placeholder(frame: pd.DataFrame) -> pd.Series:
    return frame[S.TEXT].astype(str).str.contains(PLACEHOLDER)


def _diverse(frame: pd.DataFrame, k: int, key: str) -> pd.DataFrame:
    """Take up to ``k`` rows round-robin over the values of ``key``, keeping the frame's order."""
    buckets: dict[str, list[int]] = {}
    for idx, value in zip(frame.index, frame[key].astype(str), strict=True):
        buckets.setdefault(value, []).append(idx)
    chosen: list[int] = []
    while len(chosen) < k and any(buckets.values()):
        for value in list(buckets):
            if buckets[value] and len(chosen) < k:
                chosen.append(buckets[value].pop(0))
    return frame.loc[chosen]


def select_quotes(tables: RunTables, label: str, min_cell: int, k: int) -> pd.DataFrame:
    """Representative quotable contributions for ``label`` from shown (quarter type × label) cells.

    Texts without placeholders first, then by the label's score; one text once, spread
    round-robin over languages.
    """
    data = tables.analysed
    if data.empty or S.QUARTER_TYPE not in data.columns or k <= 0:
        return data.iloc[0:0]
    allowed = quotable_groups(tables, min_cell)
    keys = data[S.QUARTER_TYPE].map(type_key)
    pool = data[_labels_of(data, label) & keys.map(lambda key: (key, label) in allowed)]
    pool = pool[quotable(tables, pool, min_cell)].copy()
    score = S.score_column(label)
    pool["_score"] = pd.to_numeric(pool[score], errors="coerce") if score in pool else 0.0
    pool["_marked"] = _has_placeholder(pool)
    pool["_text"] = pool[S.TEXT].astype(str).str.strip().str.lower()
    order = ["_marked", "_score", S.ID]
    pool = pool.sort_values(order, ascending=[True, False, True], kind="stable")
    pool = pool.drop_duplicates("_text")
    lang = pool[S.LANG] if S.LANG in pool.columns else pd.Series("und", index=pool.index)
    pool["_lang"] = lang.fillna(S.UNDETERMINED_LANG)
    return _diverse(pool, k, "_lang").drop(columns=["_score", "_marked", "_text", "_lang"])


def evidence_quotes(tables: RunTables, priority: pd.Series, min_cell: int) -> pd.DataFrame:
    """The quotable evidence contributions of one priority row (same quarter type).

    Evidence order is kept, except that texts with placeholders come last.
    """
    data = tables.analysed
    ids = S.split_labels(priority.get("evidence_ids"))
    if not ids or data.empty or pd.to_numeric(priority.get("n"), errors="coerce") < min_cell:
        return data.iloc[0:0]
    qtype = type_key(priority.get("quarter_type"))
    allowed = quotable_groups(tables, min_cell)
    if (qtype, str(priority.get("theme"))) not in allowed:
        return data.iloc[0:0]
    if (qtype, str(priority.get("statement_type"))) not in allowed:
        return data.iloc[0:0]
    found = data[data[S.ID].astype(str).isin(ids)].drop_duplicates(S.ID)
    found = found[found[S.QUARTER_TYPE].map(type_key) == qtype]
    found = found[quotable(tables, found, min_cell)]
    position = {i: n for n, i in enumerate(ids)}
    order = pd.DataFrame(
        {"marked": _has_placeholder(found), "pos": found[S.ID].astype(str).map(position)}
    )
    return found.loc[order.sort_values(["marked", "pos"], kind="stable").index]
