"""Quarter typology from an indicator table, and tolerant matching of quarter names.

The typology standardises the indicators (z-scores over all quarters), groups the quarters with
Ward's method or k-means, and names every type in German from its distinctive indicators (mean
|z| >= 0.5, the strongest two first). The number of types is chosen by the mean silhouette over
k = 2..min(6, n-1) unless the analyst fixes it or supplies a ``quarter_type`` column.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from nlp_integration.errors import ConfigError, InputColumnError, InputValueError
from nlp_integration.schemas import (
    CITYWIDE_QUARTER,
    GERMAN_COLUMN_ALIASES,
    QUARTER,
    QUARTER_TYPE,
    QUARTER_TYPE_LABEL,
    UNKNOWN_QUARTER,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go


class IndicatorWords(NamedTuple):
    """How an indicator is named in labels: its name and its high/low phrases (de, en)."""

    name_de: str
    name_en: str
    high_de: str
    low_de: str
    high_en: str
    low_en: str


# indicator | name (de) | name (en) | high (de) | low (de) | high (en) | low (en)
_VOCABULARY = """
population | Einwohnerzahl | population | bevölkerungsreich | bevölkerungsarm | populous | sparsely populated
share_foreign_nationals | Anteil ausländischer Staatsangehöriger | share of foreign nationals | hoher Anteil ausländischer Staatsangehöriger | niedriger Anteil ausländischer Staatsangehöriger | high share of foreign nationals | low share of foreign nationals
share_new_arrivals_5y | Anteil Neuzugewanderter (5 Jahre) | share of new arrivals (5 years) | hoher Anteil Neuzugewanderter | wenige Neuzugewanderte | high share of new arrivals | few new arrivals
sgb2_rate | SGB-II-Quote | SGB II (basic income support) rate | hohe SGB-II-Quote | niedrige SGB-II-Quote | high rate of basic income support | low rate of basic income support
fluctuation_rate | Fluktuationsrate | residential turnover | hohe Fluktuation | geringe Fluktuation | high residential turnover | low residential turnover
share_under_18 | Anteil unter 18-Jähriger | share under 18 | viele Kinder und Jugendliche | wenige Kinder und Jugendliche | many children and young people | few children and young people
share_over_65 | Anteil über 65-Jähriger | share over 65 | hoher Anteil Älterer | niedriger Anteil Älterer | many older residents | few older residents
living_space_per_person | Wohnfläche pro Kopf | living space per person | viel Wohnfläche pro Kopf | beengtes Wohnen | ample living space | crowded housing
unemployment_rate | Arbeitslosenquote | unemployment rate | hohe Arbeitslosigkeit | niedrige Arbeitslosigkeit | high unemployment | low unemployment
"""
#: German and English words for known indicators; unknown columns fall back to their name.
INDICATOR_WORDS: dict[str, IndicatorWords] = {
    fields[0]: IndicatorWords(*fields[1:])
    for fields in (
        [part.strip() for part in line.split("|")] for line in _VOCABULARY.strip().splitlines()
    )
}

#: Size columns describe how big a quarter is, not what it is like; they are profiled but not
#: used to form types unless named explicitly in ``indicators``.
SIZE_COLUMNS = frozenset({"population", "einwohner", "area", "flaeche", "fläche", "households"})

#: mean |z| a type must reach on an indicator before the indicator names the type
DISTINCTIVE_Z = 0.5
MAX_LABEL_PARTS = 2
#: an indicator within this much mean |z| of the last one named is named too (at most 3 parts)
NEAR_TIE_Z = 0.1
MAX_AUTO_TYPES = 6
AVERAGE_LABEL_DE = "durchschnittliche Struktur"
AVERAGE_LABEL_EN = "average profile"

_MISSING_TOKENS = frozenset(
    {"", "na", "n/a", "nan", "none", "null", "-", "–", "—", ".", "k.a.", "k. a.", "x", "?"}
)
_UNIT_RE = re.compile(r"\s*(%|‰|m²|m2|qm|€|eur)\s*$", re.IGNORECASE)
_TEXT_COLUMNS = (QUARTER_TYPE, QUARTER_TYPE_LABEL)
_SHARE_NAME = re.compile(r"(^share_|_share$|_rate$|quote|anteil)", re.IGNORECASE)
_GERMAN_DECIMAL = re.compile(r"^\s*[+\-−]?[\d.]*\d,\d+\s*(%|‰|m²|m2|qm|€|eur)?\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- validation


def _parse_number(value: object, german: bool = False) -> tuple[float | None, str]:
    """Parse one cell: ``(number or None for missing, unit suffix)``; ``ValueError`` for text.

    With ``german`` (the table writes decimal commas somewhere), "12.345" means 12345.
    """
    if value is None or isinstance(value, bool):
        if value is None:
            return None, ""
        raise ValueError(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return (None if math.isnan(number) else number), ""
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").replace("−", "-").strip()
    if text.casefold() in _MISSING_TOKENS:
        return None, ""
    unit = ""
    match = _UNIT_RE.search(text)
    if match:
        unit = match.group(1).lower().replace("m2", "m²").replace("qm", "m²")
        text = text[: match.start()].strip()
    text = text.replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        if text.count(",") > 1:
            raise ValueError(value)
        text = text.replace(",", ".")  # German decimal comma
    elif text.count(".") > 1 or (german and re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text)):
        text = text.replace(".", "")  # German thousands separators: 1.234.567
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
        raise ValueError(value)
    return float(text), unit


def _find_quarter_column(table: pd.DataFrame, quarter_column: str, source: str) -> str:
    """``quarter_column``, else a column named like it, ``quarter`` or a German alias."""
    if quarter_column in table.columns:
        return quarter_column
    wanted = {quarter_column.casefold(), QUARTER}
    for column in table.columns:
        name = str(column).strip().casefold()
        if name in wanted or GERMAN_COLUMN_ALIASES.get(name) == QUARTER:
            return str(column)
    raise InputColumnError(
        f"{source}: no column '{quarter_column}' with the quarter names (columns: "
        f"{', '.join(map(str, table.columns))}); rename the column or pass its name"
    )


def _row_ref(position: int, quarter: object) -> str:
    return f"data row {position + 1} (quarter '{quarter}')"


def validate_indicators(
    table: pd.DataFrame, source: str = "indicator table", quarter_column: str = "quarter"
) -> pd.DataFrame:
    """Check and clean an indicator table: one row per quarter, numbers in every indicator column.

    Accepts German decimal commas ("12,5"), thousands separators and unit suffixes ("%", "m²").
    Missing numbers are replaced by the column median with a warning; a column without any value,
    duplicate quarter names, or text in a number column raise ``InputValueError`` naming the
    source, column and row. Columns that hold mostly text are kept but not used as indicators.

    Returns a new frame (the input is not changed) whose indicator columns are numeric (int
    where every value is whole, else float), with the quarter names in ``quarter_column``.
    """
    if table is None or len(table) == 0:
        raise InputValueError(f"{source}: the table has no rows; give one row per quarter")
    column = _find_quarter_column(table, quarter_column, source)
    out = table.copy().reset_index(drop=True)
    if column != quarter_column:
        out = out.rename(columns={column: quarter_column})
    names = out[quarter_column]
    seen: dict[str, int] = {}
    for position, name in enumerate(names):
        if name is None or (isinstance(name, float) and math.isnan(name)) or not str(name).strip():
            raise InputValueError(
                f"{source}: column '{quarter_column}', data row {position + 1} has no quarter "
                f"name; fill it in or delete the row"
            )
        key = normalise_quarter_name(str(name))
        if key in seen:
            raise InputValueError(
                f"{source}: column '{quarter_column}': quarter '{str(name).strip()}' in data row "
                f"{position + 1} duplicates data row {seen[key] + 1}; keep one row per quarter"
            )
        seen[key] = position
    out[quarter_column] = names.map(lambda value: str(value).strip())

    german = any(
        isinstance(cell, str) and _GERMAN_DECIMAL.search(cell)
        for name in out.columns
        if name != quarter_column and name not in _TEXT_COLUMNS
        for cell in out[name]
    )
    indicator_columns: list[str] = []
    for name in out.columns:
        if name == quarter_column or name in _TEXT_COLUMNS:
            continue
        parsed, units, bad = [], [], []
        for position, value in enumerate(out[name]):
            try:
                number, unit = _parse_number(value, german)
            except ValueError:
                number, unit = None, ""
                bad.append(position)
            parsed.append(number)
            units.append(unit)
        filled = sum(number is not None for number in parsed)
        if bad and len(bad) >= filled:  # mostly text: a descriptive column, not an indicator
            warnings.warn(
                f"{source}: column '{name}' holds text, not numbers; it is kept but not used "
                f"as an indicator",
                UserWarning,
                stacklevel=2,
            )
            continue
        if bad:
            position = bad[0]
            raise InputValueError(
                f"{source}: column '{name}', {_row_ref(position, out[quarter_column][position])}"
                f": '{out[name][position]}' is not a number; write a number such as 12,5 or 12.5 "
                f"(a unit like % may follow) or leave the cell empty"
            )
        if filled == 0:
            raise InputValueError(
                f"{source}: column '{name}' has no values; fill it in or remove the column"
            )
        _check_units(parsed, units, name, source, out[quarter_column])
        _check_range(parsed, str(name), source, out[quarter_column])
        values = pd.Series(parsed, dtype="float64")
        missing = values.isna()
        if missing.any():
            median = float(values.median())
            where = ", ".join(
                _row_ref(position, out[quarter_column][position])
                for position in np.flatnonzero(missing.to_numpy())
            )
            warnings.warn(
                f"{source}: column '{name}' has missing values in {where}; replaced by the "
                f"median {median:g}",
                UserWarning,
                stacklevel=2,
            )
            values = values.fillna(median)
        integral = bool((values == values.round()).all()) and values.abs().max() < 2**53
        out[name] = values.astype("int64").to_numpy() if integral else values.to_numpy()
        indicator_columns.append(str(name))
    if not indicator_columns:
        raise InputColumnError(
            f"{source}: no numeric indicator columns besides '{quarter_column}'; add columns "
            f"such as sgb2_rate or share_new_arrivals_5y"
        )
    if QUARTER_TYPE in out.columns:
        _check_analyst_types(out, source, quarter_column)
    return out


def _check_units(
    parsed: list[float | None], units: list[str], name: str, source: str, quarters: pd.Series
) -> None:
    found = {unit for unit in units if unit}
    if len(found) > 1:
        raise InputValueError(
            f"{source}: column '{name}' mixes units ({', '.join(sorted(found))}); use one unit "
            f"per column"
        )
    if "%" in found:
        plain = [v for v, u in zip(parsed, units, strict=True) if v is not None and not u]
        percent = [v for v, u in zip(parsed, units, strict=True) if v is not None and u]
        if plain and max(abs(v) for v in plain) <= 1 and max(abs(v) for v in percent) > 1:
            position = next(
                i
                for i, (v, u) in enumerate(zip(parsed, units, strict=True))
                if v is not None and not u
            )
            raise InputValueError(
                f"{source}: column '{name}' mixes percentages and fractions (e.g. "
                f"{_row_ref(position, quarters[position])}); write all values as percent"
            )


def _check_range(parsed: list[float | None], name: str, source: str, quarters: pd.Series) -> None:
    """Shares and rates lie between 0 and 100 (percent) and no indicator is infinite."""
    is_share = bool(_SHARE_NAME.search(name))
    for position, value in enumerate(parsed):
        if value is None:
            continue
        if not math.isfinite(value) or (is_share and not 0 <= value <= 100):
            raise InputValueError(
                f"{source}: column '{name}', {_row_ref(position, quarters[position])}: {value:g} "
                f"is not a valid share or rate (0 to 100 %); correct the value"
            )


def _check_analyst_types(out: pd.DataFrame, source: str, quarter_column: str) -> None:
    for position, value in enumerate(out[QUARTER_TYPE]):
        if (
            value is None
            or (isinstance(value, float) and math.isnan(value))
            or not str(value).strip()
        ):
            raise InputValueError(
                f"{source}: column '{QUARTER_TYPE}', "
                f"{_row_ref(position, out[quarter_column][position])} is empty; give every "
                f"quarter a type or remove the column to derive types"
            )


def indicator_columns(table: pd.DataFrame, quarter_column: str = "quarter") -> list[str]:
    """The numeric indicator columns of a validated table."""
    return [
        str(column)
        for column in table.columns
        if column != quarter_column
        and column not in _TEXT_COLUMNS
        and pd.api.types.is_numeric_dtype(table[column])
    ]


# --------------------------------------------------------------------------- typology


def _standardise(values: pd.DataFrame) -> pd.DataFrame:
    std = values.std(ddof=0).replace(0.0, np.nan)
    return ((values - values.mean()) / std).fillna(0.0)


def _words(indicator: str) -> IndicatorWords:
    words = INDICATOR_WORDS.get(indicator)
    if words is not None:
        return words
    return IndicatorWords(
        indicator,
        indicator,
        f"hoch: {indicator}",
        f"niedrig: {indicator}",
        f"high {indicator}",
        f"low {indicator}",
    )


def _phrase(parts: list[tuple[str, int]], lang: str) -> str:
    if not parts:
        return AVERAGE_LABEL_DE if lang == "de" else AVERAGE_LABEL_EN
    phrases = []
    for indicator, sign in parts:
        words = _words(indicator)
        if lang == "de":
            phrases.append(words.high_de if sign > 0 else words.low_de)
        else:
            phrases.append(words.high_en if sign > 0 else words.low_en)
    return ", ".join(phrases)


def _label_parts(z_means: pd.DataFrame) -> dict[int, list[tuple[str, int]]]:
    """Distinctive indicators per type; extended until every type has its own label."""
    ranked: dict[int, list[tuple[str, int]]] = {}
    for quarter_type, row in z_means.iterrows():
        order = row.abs().sort_values(ascending=False, kind="stable")
        ranked[int(quarter_type)] = [
            (str(ind), 1 if row[ind] > 0 else -1)
            for ind in order.index
            if abs(row[ind]) >= DISTINCTIVE_Z
        ]
    size = {}
    for t, parts in ranked.items():  # near-ties with the last part shown join it (up to 3)
        size[t] = MAX_LABEL_PARTS
        while (
            size[t] < min(len(parts), MAX_LABEL_PARTS + 1)
            and abs(z_means.loc[t, parts[size[t]][0]])
            >= abs(z_means.loc[t, parts[size[t] - 1][0]]) - NEAR_TIE_Z
        ):
            size[t] += 1
    for _ in range(len(z_means.columns) + 1):
        labels = {t: tuple(parts[: size[t]]) for t, parts in ranked.items()}
        clashes = [t for t in labels if list(labels.values()).count(labels[t]) > 1]
        growable = [t for t in clashes if size[t] < len(ranked[t])]
        if not growable:
            break
        for t in growable:
            size[t] += 1
    return {t: list(parts[: size[t]]) for t, parts in ranked.items()}


class QuarterTypology:
    """Group quarters into types from standardised indicators and name the types.

    Parameters
    ----------
    n_types : int
        Number of types; 0 chooses k in 2..min(6, n-1) with the highest mean silhouette (ties go
        to the smaller k).
    method : str
        ``"ward"`` (agglomerative, Ward linkage) or ``"kmeans"``.
    quarter_column : str
        Column with the quarter names.
    random_state : int
        Seed for k-means.
    indicators : sequence of str, optional
        Columns that form the types; default: every numeric column except size columns such as
        ``population`` (they appear in the profiles all the same).

    If the table has a ``quarter_type`` column, the analyst's types are used as given (text types
    are numbered 1..k in order of appearance and keep their text as label).
    """

    def __init__(
        self,
        n_types: int = 0,
        method: str = "ward",
        quarter_column: str = "quarter",
        random_state: int = 42,
        indicators: Sequence[str] | None = None,
    ) -> None:
        self.n_types = n_types
        self.method = method
        self.quarter_column = quarter_column
        self.random_state = random_state
        self.indicators = indicators

    def fit(self, indicators: pd.DataFrame) -> QuarterTypology:
        """Validate the table, derive (or take) the types, and build labels and profiles."""
        if self.method not in ("ward", "kmeans"):
            raise ConfigError(f"quarters.method '{self.method}' is unknown; use 'ward' or 'kmeans'")
        table = validate_indicators(indicators, quarter_column=self.quarter_column)
        numeric = indicator_columns(table, self.quarter_column)
        features = self._features(table, numeric)
        z_all = _standardise(table[numeric])
        given_labels: dict[int, str] = {}
        if QUARTER_TYPE in table.columns:
            types, given_labels = self._analyst_types(table)
            self.criterion_ = {
                "choice": "analyst",
                "rule": "types taken from the quarter_type column of the indicator table",
                "n_types": int(types.nunique()),
                "features": features,
            }
        else:
            types = self._derive_types(z_all[features])
        self.features_ = features
        z_means = z_all.groupby(types.to_numpy()).mean()
        parts = _label_parts(z_means[features])
        self.label_parts_ = parts
        labels = {t: given_labels.get(t) or _phrase(parts[t], "de") for t in parts}
        self._labels_en = {t: _phrase(parts[t], "en") for t in parts}
        out = table.copy()
        out[QUARTER_TYPE] = types.to_numpy()
        out[QUARTER_TYPE_LABEL] = out[QUARTER_TYPE].map(labels)
        self.types_ = out
        self.profiles_ = self._profiles(out, z_all, numeric, labels)
        return self

    def _features(self, table: pd.DataFrame, numeric: list[str]) -> list[str]:
        if self.indicators:
            missing = [c for c in self.indicators if c not in numeric]
            if missing:
                raise InputColumnError(
                    f"indicator table: indicator column(s) {', '.join(missing)} missing or not "
                    f"numeric; available: {', '.join(numeric)}"
                )
            candidates = list(self.indicators)
        else:
            candidates = [c for c in numeric if c.casefold() not in SIZE_COLUMNS] or numeric
        constant = [c for c in candidates if table[c].nunique() <= 1]
        if constant:
            warnings.warn(
                f"indicator table: column(s) {', '.join(constant)} have the same value in every "
                f"quarter and cannot separate types; ignored",
                UserWarning,
                stacklevel=3,
            )
        features = [c for c in candidates if c not in constant]
        if not features:
            raise InputValueError(
                "indicator table: no indicator varies between quarters; types cannot be formed"
            )
        return features

    def _analyst_types(self, table: pd.DataFrame) -> tuple[pd.Series, dict[int, str]]:
        raw = table[QUARTER_TYPE]
        numbers = pd.to_numeric(raw, errors="coerce")
        if numbers.notna().all() and (numbers == numbers.round()).all():
            types = numbers.astype(int)
            text_labels: dict[int, str] = {}
        else:
            order = list(dict.fromkeys(str(v).strip() for v in raw))
            codes = {name: i + 1 for i, name in enumerate(order)}
            types = raw.map(lambda v: codes[str(v).strip()]).astype(int)
            text_labels = {code: name for name, code in codes.items()}
        if QUARTER_TYPE_LABEL in table.columns:
            for t, label in zip(types, table[QUARTER_TYPE_LABEL], strict=True):
                if isinstance(label, str) and label.strip():
                    text_labels.setdefault(int(t), label.strip())
        return types.rename(QUARTER_TYPE), text_labels

    def _cluster(self, z: np.ndarray, k: int) -> np.ndarray:
        if self.method == "kmeans":
            from sklearn.cluster import KMeans

            model = KMeans(n_clusters=k, n_init=10, random_state=self.random_state)
            return model.fit_predict(z)
        from sklearn.cluster import AgglomerativeClustering

        return AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(z)

    def _derive_types(self, z: pd.DataFrame) -> pd.Series:
        from sklearn.metrics import silhouette_score

        n = len(z)
        values = z.to_numpy()
        scores: dict[int, float] = {}
        if self.n_types:
            if not 1 <= self.n_types <= n:
                raise ConfigError(
                    f"quarters.n_types = {self.n_types} but the table has {n} quarters; choose "
                    f"1..{n} or 0 for automatic"
                )
            k = int(self.n_types)
            labels = self._cluster(values, k) if k > 1 else np.zeros(n, dtype=int)
            if 1 < k < n:
                scores[k] = float(silhouette_score(values, labels))
            rule = "fixed by the analyst (quarters.n_types)"
        else:
            if n < 3:
                raise InputValueError(
                    f"indicator table: {n} quarter(s) are too few to derive types (need 3); give "
                    f"a quarter_type column instead"
                )
            best: tuple[float, int, np.ndarray] | None = None
            for k in range(2, min(MAX_AUTO_TYPES, n - 1) + 1):
                candidate = self._cluster(values, k)
                if len(set(candidate)) < 2:
                    continue
                scores[k] = float(silhouette_score(values, candidate))
                if best is None or scores[k] > best[0] + 1e-12:
                    best = (scores[k], k, candidate)
            if best is None:
                raise InputValueError("indicator table: quarters cannot be separated into types")
            _, k, labels = best
            rule = (
                f"highest mean silhouette over k = 2..{min(MAX_AUTO_TYPES, n - 1)} on the "
                f"standardised indicators; ties go to the smaller k"
            )
        self.criterion_ = {
            "choice": "fixed" if self.n_types else "silhouette",
            "method": self.method,
            "rule": rule,
            "silhouette": scores,
            "n_types": int(len(set(labels))),
            "features": list(z.columns),
        }
        order = {old: new + 1 for new, old in enumerate(dict.fromkeys(labels))}
        return pd.Series([order[label] for label in labels], name=QUARTER_TYPE, dtype=int)

    def _profiles(
        self, out: pd.DataFrame, z_all: pd.DataFrame, numeric: list[str], labels: dict[int, str]
    ) -> pd.DataFrame:
        groups = out[QUARTER_TYPE].to_numpy()
        z_means = z_all.groupby(groups).mean().add_prefix("z_")
        raw_means = out[numeric].groupby(groups).mean()
        profiles = pd.concat([z_means, raw_means], axis=1)
        profiles.insert(0, "n_quarters", out.groupby(groups).size())
        profiles.insert(0, QUARTER_TYPE_LABEL, [labels[int(t)] for t in profiles.index])
        profiles.insert(0, QUARTER_TYPE, profiles.index.astype(int))
        profiles["quarters"] = out.groupby(groups)[self.quarter_column].agg("; ".join)
        return profiles.reset_index(drop=True)

    def label_en(self) -> dict[int, str]:
        """English labels of the types (from the same distinctive indicators)."""
        return dict(self._labels_en)


def profile_figure(profiles: pd.DataFrame, lang: str = "de") -> go.Figure:
    """Heatmap of the mean z-scores of every indicator by type (rows = types)."""
    import plotly.graph_objects as go

    z_columns = [c for c in profiles.columns if str(c).startswith("z_")]
    names = [_words(c[2:]).name_de if lang == "de" else _words(c[2:]).name_en for c in z_columns]
    rows = [
        f"Typ {t}: {label}" if lang == "de" else f"Type {t}: {label}"
        for t, label in zip(profiles[QUARTER_TYPE], profiles[QUARTER_TYPE_LABEL], strict=True)
    ]
    values = profiles[z_columns].to_numpy(dtype=float)
    figure = go.Figure(
        go.Heatmap(
            z=values,
            x=names,
            y=rows,
            zmid=0,
            colorscale="RdBu",
            reversescale=True,
            text=np.round(values, 1),
            texttemplate="%{text}",
            colorbar={"title": "z"},
        )
    )
    title = (
        "Quartierstypen: mittlere standardisierte Indikatoren (z)"
        if lang == "de"
        else "Quarter types: mean standardised indicators (z)"
    )
    figure.update_layout(title=title, yaxis={"autorange": "reversed"}, margin={"l": 260})
    return figure


# --------------------------------------------------------------------------- name matching

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_CITYWIDE_NAMES = frozenset({"citywide", "city wide", "gesamtstadt", "stadtweit", "ganze stadt"})
_UNKNOWN_NAMES = frozenset(
    {"unknown", "unbekannt", "keine angabe", "k a", "ka", "weiss nicht", "keine ahnung", "n a"}
)
#: leading words of a quarter name that people leave out ("Am Kreuzberg" -> "Kreuzberg")
_NAME_PREFIXES = re.compile(r"^(am|an der|an den|im|in der|auf der|auf dem|zum|zur|beim|bei der) ")
#: difflib ratio a close match must reach; it must also be the single best candidate and within
#: an edit distance of max(1, len // 6) of the known name
MATCH_CUTOFF = 0.85


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_quarter_name(name: str) -> str:
    """Casefold, transliterate umlauts (ä -> ae), turn '-', '_' and punctuation into spaces."""
    text = unicodedata.normalize("NFC", str(name)).casefold().translate(_UMLAUTS)
    text = _strip_diacritics(text)
    text = re.sub(r"[\W_]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _plain_key(name: str) -> str:
    """Second key: umlauts dropped instead of transliterated ("Grünau" -> "grunau")."""
    return normalise_quarter_name(_strip_diacritics(unicodedata.normalize("NFC", str(name))))


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NA or (isinstance(value, str) and not value.strip())


def match_quarters(names: Sequence, known: Sequence[str]) -> tuple[pd.Series, list[str]]:
    """Map raw quarter names to the canonical names in ``known``.

    Normalised equality first (case, umlauts, hyphens, spaces), then a close difflib match that
    must be unique and within a small edit distance. Empty names become ``citywide``, names that
    match nothing ``unknown``. Returns the matched names (aligned with ``names``) and the sorted
    unmatched raw names.
    """
    index = names.index if isinstance(names, pd.Series) else None
    lookup: dict[str, str] = {}
    for canonical in known:
        for key in (normalise_quarter_name(canonical), _plain_key(canonical)):
            lookup.setdefault(key, str(canonical))
            lookup.setdefault(key.replace(" ", ""), str(canonical))
    short: dict[str, str | None] = {}
    for canonical in known:
        alias = _NAME_PREFIXES.sub("", normalise_quarter_name(canonical))
        if alias != normalise_quarter_name(canonical):
            short[alias] = None if alias in short else str(canonical)  # None: ambiguous
    for alias, canonical in short.items():
        if canonical is not None:
            lookup.setdefault(alias, canonical)
    keys = list(lookup)
    cache: dict[str, str] = {}
    matched: list[str] = []
    unmatched: set[str] = set()
    for raw in list(names):
        if _is_missing(raw):
            matched.append(CITYWIDE_QUARTER)
            continue
        text = str(raw).strip()
        if text not in cache:
            cache[text] = _match_one(text, lookup, keys)
        result = cache[text]
        if result == UNKNOWN_QUARTER and normalise_quarter_name(text) not in _UNKNOWN_NAMES:
            unmatched.add(text)
        matched.append(result)
    return pd.Series(matched, index=index, name=QUARTER, dtype=object), sorted(unmatched)


def _match_one(text: str, lookup: dict[str, str], keys: list[str]) -> str:
    norm = normalise_quarter_name(text)
    if norm in _CITYWIDE_NAMES:
        return CITYWIDE_QUARTER
    if norm in _UNKNOWN_NAMES:
        return UNKNOWN_QUARTER
    for key in (norm, _plain_key(text), norm.replace(" ", ""), _plain_key(text).replace(" ", "")):
        if key in lookup:
            return lookup[key]
    if len(norm) < 5:
        return UNKNOWN_QUARTER
    candidates = difflib.get_close_matches(norm, keys, n=5, cutoff=MATCH_CUTOFF)
    good = [key for key in candidates if _edit_distance(norm, key) <= max(1, len(key) // 6)]
    targets = {lookup[key] for key in good}
    if len(targets) != 1:
        return UNKNOWN_QUARTER  # nothing close, or ambiguous between two quarters
    return targets.pop()


def join_quarter_types(
    contributions: pd.DataFrame,
    types: pd.DataFrame | None,
    quarter_column: str = "quarter",
) -> tuple[pd.DataFrame, list[str]]:
    """Canonical ``quarter``, ``quarter_type`` and ``quarter_type_label`` for every contribution.

    ``types`` is the ``quarters.csv`` table (quarter + quarter_type + label). Unmatched names are
    returned (and warned about); their contributions get ``unknown`` and no type, and
    contributions without a quarter get ``citywide``.
    """
    out = contributions.copy()
    raw = out[quarter_column] if quarter_column in out.columns else pd.Series([None] * len(out))
    known = [] if types is None else types[QUARTER].astype(str).tolist()
    matched, unmatched = match_quarters(raw.reset_index(drop=True), known)
    out[QUARTER] = matched.to_numpy()
    if types is not None and QUARTER_TYPE in types.columns:
        type_of = dict(zip(types[QUARTER].astype(str), types[QUARTER_TYPE], strict=True))
        label_of = dict(
            zip(types[QUARTER].astype(str), types.get(QUARTER_TYPE_LABEL, ""), strict=True)
        )
        out[QUARTER_TYPE] = pd.array(out[QUARTER].map(type_of), dtype="Int64")
        out[QUARTER_TYPE_LABEL] = out[QUARTER].map(label_of)
    else:
        out[QUARTER_TYPE] = pd.array([pd.NA] * len(out), dtype="Int64")
        out[QUARTER_TYPE_LABEL] = None
    if unmatched:
        warnings.warn(
            f"{len(unmatched)} quarter name(s) match no quarter of the indicator table and count "
            f"as '{UNKNOWN_QUARTER}': {', '.join(unmatched[:20])}"
            + (" ..." if len(unmatched) > 20 else ""),
            UserWarning,
            stacklevel=2,
        )
    return out, unmatched
