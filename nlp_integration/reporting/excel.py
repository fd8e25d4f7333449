"""``report.xlsx``: a README sheet, then every table as a formatted sheet.

Header row frozen and bold, widths fitted (capped), shares as ``0.0%``, scores as ``0.000``,
autofilter on; every text cell that a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nlp_integration.reporting.load import RunTables

try:  # the lead's helper (io.py); a private copy keeps rendering usable without it
    from nlp_integration.io import neutralise_formula
except ImportError:  # pragma: no cover

    def neutralise_formula(value: object) -> object:
        if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
            return "'" + value
        return value


MAX_WIDTH = 60
TEXT_WIDTH = 80
HEADER_FILL = PatternFill("solid", fgColor="E8F0F5")
HEADER_STYLE = {"font": Font(bold=True), "fill": HEADER_FILL}
WRAP = Alignment(wrap_text=True, vertical="top")
STYLED_ROWS = 5_000  # larger sheets show scores rounded to 3 decimals instead of formatted
SHARE_FORMAT = "0.0%"
SCORE_FORMAT = "0.000"
SHARE_COLUMNS = {"share", "share_city", "ci_low", "ci_high", "prevalence"}
SCORE_COLUMNS = {
    "score",
    "lift",
    "over_representation",
    "breadth",
    "severity",
    "structural_need",
    "lang_score",
    "residual",
    "p_value",
    "p_adjusted",
}

SHEETS: dict[str, dict[str, str]] = {
    "de": {
        "contributions": "Beiträge",
        "topics": "Themen",
        "priorities": "Prioritäten",
        "crosstab_quarter_type": "Kreuztab. Quartierstyp",
        "crosstab_channel": "Kreuztab. Kanal",
        "crosstab_group": "Kreuztab. Gruppe",
        "crosstab_lang": "Kreuztab. Sprache",
        "quarters": "Quartiere",
        "quarter_profiles": "Profile",
        "manifest": "Manifest",
    },
    "en": {
        "contributions": "Contributions",
        "topics": "Topics",
        "priorities": "Priorities",
        "crosstab_quarter_type": "Crosstab quarter type",
        "crosstab_channel": "Crosstab channel",
        "crosstab_group": "Crosstab group",
        "crosstab_lang": "Crosstab language",
        "quarters": "Quarters",
        "quarter_profiles": "Profiles",
        "manifest": "Manifest",
    },
}
SHEET_TEXT: dict[str, dict[str, str]] = {
    "de": {
        "contributions": "Ein Beitrag je Zeile (Text bereinigt), mit Sprache, Thema, Themenfeldern, Aussagetypen und Scores.",
        "topics": "Automatisch gefundene Themen mit Bezeichnung, Schlüsselwörtern und Größe.",
        "priorities": "Rangfolge der Anliegen je Quartierstyp mit Score-Komponenten und Beleg-IDs.",
        "crosstab": "Themenfelder und Aussagetypen nach {dim}; unterdrückte Zellen (zu wenige Beiträge) sind leer.",
        "quarters": "Indikatoren je Quartier mit zugeordnetem Quartierstyp.",
        "quarter_profiles": "Profil je Quartierstyp: mittlere standardisierte Indikatoren (z_…), Mittelwerte, Anzahl Quartiere.",
        "manifest": "Protokoll des Laufs: Version, Eingabe, Zeilen nach Status, Ersetzungen, Laufzeiten.",
    },
    "en": {
        "contributions": "One contribution per row (redacted text) with language, topic, themes, statement types and scores.",
        "topics": "Topics found automatically, with label, keywords and size.",
        "priorities": "Ranked concerns per quarter type with score components and evidence ids.",
        "crosstab": "Themes and statement types by {dim}; suppressed cells (too few contributions) are empty.",
        "quarters": "Indicators per quarter with the assigned quarter type.",
        "quarter_profiles": "Profile per quarter type: mean standardised indicators (z_…), means, number of quarters.",
        "manifest": "Run record: version, input, rows by status, redactions, timings.",
    },
}
DIM_NAMES = {
    "de": {
        "quarter_type": "Quartierstyp",
        "channel": "Kanal",
        "group": "Gruppe",
        "lang": "Sprache",
    },
    "en": {
        "quarter_type": "quarter type",
        "channel": "channel",
        "group": "group",
        "lang": "language",
    },
}
COLUMN_TEXT: dict[str, dict[str, str]] = {
    "de": {
        "id": "Kennung des Beitrags", "text": "Beitragstext, personenbezogene Angaben ersetzt ([NAME] …)",
        "status": "analysed = ausgewertet; skipped:<Grund> = nicht ausgewertet",
        "lang": "Sprache (ISO 639-1, und = unbestimmt)", "lang_score": "Sicherheit der Spracherkennung (0–1)",
        "lang_mixed": "mehrsprachiger Text", "topic_id": "Themennummer (-1 = keinem Thema zugeordnet)",
        "topic_label": "Bezeichnung des Themas", "themes": "Themenfelder (mit ; getrennt)",
        "statement_types": "Aussagetypen: need, idea, fear, prejudice, potential, experience",
        "score_*": "Score eines Themenfelds oder Aussagetyps (0–1)", "quarter": "Quartier (kanonischer Name, unknown, citywide)",
        "quarter_type": "Quartierstyp (Nummer)", "quarter_type_label": "Beschreibung des Quartierstyps",
        "label": "Bezeichnung (deutsch) bzw. Merkmal", "label_en": "Bezeichnung (englisch)",
        "keywords": "Schlüsselwörter", "keywords_by_lang": "Schlüsselwörter je Sprache (JSON)",
        "size": "Anzahl Beiträge", "share_by_lang": "Anteile der Sprachen (JSON)",
        "representative_ids": "typische Beiträge (IDs)", "dimension": "Gliederungsmerkmal",
        "level": "Ausprägung", "label_kind": "theme = Themenfeld, statement_type = Aussagetyp",
        "n": "Anzahl Beiträge", "n_level": "Beiträge der Ausprägung insgesamt", "share": "Anteil n / n_level",
        "share_city": "Anteil in der ganzen Stadt", "lift": "share / share_city",
        "residual": "standardisiertes Residuum", "p_value": "p-Wert", "p_adjusted": "p-Wert, korrigiert",
        "ci_low": "95 %-Intervall unten", "ci_high": "95 %-Intervall oben",
        "significant": "signifikant nach Korrektur", "suppressed": "unterdrückt (zu wenige Beiträge)",
        "rank": "Rang im Quartierstyp", "theme": "Themenfeld", "statement_type": "Aussagetyp",
        "score": "Gesamtscore (gewichtete Summe)", "prevalence": "Häufigkeit im Typ",
        "over_representation": "Überrepräsentation gegenüber der Stadt", "breadth": "Verbreitung über Quartiere",
        "severity": "Dringlichkeit des Aussagetyps", "structural_need": "struktureller Bedarf (Indikatoren)",
        "evidence_ids": "Beleg-Beiträge (IDs)", "evidence_langs": "Sprachen der Belege",
        "z_*": "mittlerer standardisierter Indikatorwert", "n_quarters": "Anzahl Quartiere",
        "key": "Eintrag", "value": "Wert",
    },
    "en": {
        "id": "contribution id", "text": "contribution text, personal data replaced ([NAME] …)",
        "status": "analysed, or skipped:<reason>", "lang": "language (ISO 639-1, und = undetermined)",
        "lang_score": "language detection confidence (0–1)", "lang_mixed": "mixed-language text",
        "topic_id": "topic number (-1 = no topic)", "topic_label": "topic label",
        "themes": "themes (;-separated)", "statement_types": "statement types (;-separated)",
        "score_*": "score of a theme or statement type (0–1)", "quarter": "quarter (canonical, unknown, citywide)",
        "quarter_type": "quarter type (number)", "quarter_type_label": "description of the quarter type",
        "label": "label (German) or label key", "label_en": "label (English)", "keywords": "keywords",
        "keywords_by_lang": "keywords per language (JSON)", "size": "number of contributions",
        "share_by_lang": "language shares (JSON)", "representative_ids": "typical contributions (ids)",
        "dimension": "dimension", "level": "level", "label_kind": "theme or statement_type",
        "n": "number of contributions", "n_level": "contributions of the level", "share": "n / n_level",
        "share_city": "citywide share", "lift": "share / share_city", "residual": "standardised residual",
        "p_value": "p-value", "p_adjusted": "adjusted p-value", "ci_low": "95% interval low",
        "ci_high": "95% interval high", "significant": "significant after adjustment",
        "suppressed": "suppressed (too few contributions)", "rank": "rank within quarter type",
        "theme": "theme", "statement_type": "statement type", "score": "total score (weighted sum)",
        "prevalence": "prevalence within type", "over_representation": "over-representation vs city",
        "breadth": "spread over quarters", "severity": "severity of statement type",
        "structural_need": "structural need (indicators)", "evidence_ids": "evidence contributions (ids)",
        "evidence_langs": "languages of evidence", "z_*": "mean standardised indicator",
        "n_quarters": "number of quarters", "key": "item", "value": "value",
    },
}  # fmt: skip
README_HEAD = {"de": ["Blatt", "Spalte", "Bedeutung"], "en": ["Sheet", "Column", "Meaning"]}
OTHER_COLUMN = {"de": "Spalte aus der Eingabe bzw. Indikator", "en": "input column or indicator"}


def _cell(value: Any) -> Any:
    """A Python value openpyxl can store, neutralised against formulas."""
    kind = type(value)
    if kind is str:  # the common cases first: this runs for every cell of the workbook
        return neutralise_formula(value)
    if kind is float:
        return None if math.isnan(value) or math.isinf(value) else value
    if kind is int or kind is bool:
        return value
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, dict | list | tuple):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if not isinstance(value, str | int | float | bool | dt.datetime | dt.date):
        value = str(value)
    return neutralise_formula(value)


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _describe(column: str, language: str) -> str:
    texts = COLUMN_TEXT[language]
    if column in texts:
        return texts[column]
    if column.startswith("score_"):
        return texts["score_*"]
    if column.startswith("z_"):
        return texts["z_*"]
    return OTHER_COLUMN[language]


def _number_format(column: str, values: pd.Series) -> str | None:
    numeric = pd.to_numeric(values, errors="coerce")
    if numeric.notna().sum() == 0 or values.dtype == bool:
        return None
    if column in SHARE_COLUMNS or (column.startswith("share_") and column != "share_by_lang"):
        if numeric.dropna().between(0, 1).all():
            return SHARE_FORMAT
    if column in SCORE_COLUMNS or column.startswith("score_"):
        return SCORE_FORMAT
    if column.startswith("z_"):
        return "0.00"
    return None


def _write_sheet(
    ws: Worksheet,
    frame: pd.DataFrame,
    text_columns: tuple[str, ...] = ("text",),
    widths: dict[str, float] | None = None,
) -> None:
    """Stream ``frame`` into a write-only sheet: bold header, widths, number formats, filter."""
    columns = [str(c) for c in frame.columns]
    styles: list[dict[str, Any] | None] = []
    for idx, column in enumerate(columns, start=1):
        values = frame.iloc[:, idx - 1]
        fmt = _number_format(column, values) if len(frame) else None
        sample = [len(str(v)) for v in values.iloc[:200] if not _is_na(v)]
        width = max([len(column)] + sample) + 2
        cap = TEXT_WIDTH if column in text_columns else MAX_WIDTH
        letter = get_column_letter(idx)
        ws.column_dimensions[letter].width = (widths or {}).get(letter, min(max(width, 8), cap))
        style: dict[str, Any] = {"number_format": fmt} if fmt is not None else {}
        if fmt == SCORE_FORMAT and len(frame) > STYLED_ROWS:
            style = {"round": 3}  # a styled cell costs more than the value: round instead
        if column in text_columns:
            style["alignment"] = WRAP
        styles.append(style or None)
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(frame) + 1)}"
    ws.append([_styled(ws, _cell(c), HEADER_STYLE) for c in columns])
    for row in frame.itertuples(index=False, name=None):
        ws.append(
            [
                _cell(v) if style is None else _styled(ws, _cell(v), style)
                for v, style in zip(row, styles, strict=True)
            ]
        )


def _styled(ws: Worksheet, value: Any, style: dict[str, Any]) -> WriteOnlyCell | Any:
    if "round" in style:
        return round(value, style["round"]) if isinstance(value, float) else value
    cell = WriteOnlyCell(ws, value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        out: list[tuple[str, Any]] = []
        for key in data:
            out += _flatten(data[key], f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(data, list):
        return [(prefix, json.dumps(data, ensure_ascii=False, default=str))]
    return [(prefix, data)]


def workbook_tables(tables: RunTables) -> dict[str, pd.DataFrame]:
    """The tables of the workbook, keyed like ``SHEETS`` (empty ones left out)."""
    out: dict[str, pd.DataFrame] = {
        "contributions": tables.contributions,
        "topics": tables.topics,
        "priorities": tables.priorities,
    }
    for dim, frame in tables.crosstabs.items():
        out[f"crosstab_{dim}"] = frame
    out["quarters"] = tables.quarters
    out["quarter_profiles"] = tables.quarter_profiles
    out["manifest"] = pd.DataFrame(_flatten(tables.manifest), columns=["key", "value"])
    return {k: v for k, v in out.items() if not v.empty and len(v.columns)}


def render_excel(tables: RunTables, path: str | Path, language: str = "de") -> Path:
    """Write the workbook to ``path`` (callers write to a temporary file, then rename)."""
    wb = Workbook(write_only=True)  # streamed: 100,000 rows need neither minutes nor gigabytes
    readme = wb.create_sheet("README")
    frames = workbook_tables(tables)
    rows: list[list[str]] = []
    for key, frame in frames.items():
        sheet = SHEETS[language][key]
        if key.startswith("crosstab_"):
            dim = DIM_NAMES[language].get(key.removeprefix("crosstab_"), key)
            about = SHEET_TEXT[language]["crosstab"].format(dim=dim)
        else:
            about = SHEET_TEXT[language][key]
        rows.append([sheet, "", about])
        rows += [[sheet, str(c), _describe(str(c), language)] for c in frame.columns]
    readme_table = pd.DataFrame(rows, columns=README_HEAD[language])
    _write_sheet(readme, readme_table, text_columns=(), widths={"C": 100})
    for key, frame in frames.items():
        ws = wb.create_sheet(SHEETS[language][key][:31])
        _write_sheet(ws, frame, text_columns=("text",) if key == "contributions" else ())
    stamp = dt.datetime(2000, 1, 1)
    created = str(tables.manifest.get("created", ""))
    try:
        stamp = dt.datetime.fromisoformat(created).replace(tzinfo=None)
    except ValueError:
        pass
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.save(path)
    return Path(path)
