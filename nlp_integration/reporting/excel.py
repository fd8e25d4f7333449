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

from nlp_integration.reporting import sheets
from nlp_integration.reporting.load import RunTables
from nlp_integration.reporting.texts import indicator_name

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
        "contributions": (
            "Ein Beitrag je Zeile mit Thema, Themenfeldern, Aussagetypen und Quartierstyp. Text: "
            "erkannte personenbezogene Angaben ersetzt; Namen ohne Hinweiswort können stehen "
            "bleiben. {left_out} Beiträge aus Quartieren, Gruppen, Kanälen oder Sprachen mit "
            "weniger als {min_cell} Beiträgen (bei Bedarf ergänzt um die nächstkleineren) sind "
            "nicht aufgeführt; die vollständige Tabelle steht in contributions.csv im "
            "Laufordner (Forschungsdaten, nicht zur Weitergabe)."
        ),
        "topics": (
            "Automatisch gefundene Themen mit Bezeichnung, Schlüsselwörtern und Größe; Sprachen "
            "nur mit mindestens {min_cell} Beiträgen im Thema."
        ),
        "priorities": (
            "Rangfolge der Anliegen je Quartierstyp mit Score-Komponenten und Beleg-IDs; nur "
            "Anliegen mit mindestens {min_cell} Beiträgen, deren Zellen ausgewiesen sind."
        ),
        "crosstab": "Themenfelder und Aussagetypen nach {dim}; unterdrückte Zellen (zu wenige Beiträge) sind leer.",
        "quarters": "Indikatoren je Quartier mit zugeordnetem Quartierstyp.",
        "quarter_profiles": "Profil je Quartierstyp: mittlere standardisierte Indikatoren (z_…), Mittelwerte, Anzahl Quartiere.",
        "manifest": "Protokoll des Laufs: Version, Eingabe, Zeilen nach Status, Ersetzungen, Laufzeiten (nicht zugeordnete Quartiersnamen nur als Anzahl).",
    },
    "en": {
        "contributions": (
            "One contribution per row with topic, themes, statement types and quarter type. Text: "
            "detected personal data replaced; names without a cue word may remain. {left_out} "
            "contributions of quarters, groups, channels or languages with fewer than {min_cell} "
            "contributions (topped up with the next smallest where needed) are left out; the full "
            "table is contributions.csv in the run folder (research data, not for sharing)."
        ),
        "topics": (
            "Topics found automatically, with label, keywords and size; languages only with at "
            "least {min_cell} contributions in the topic."
        ),
        "priorities": (
            "Ranked concerns per quarter type with score components and evidence ids; only "
            "concerns with at least {min_cell} contributions whose cells are shown."
        ),
        "crosstab": "Themes and statement types by {dim}; suppressed cells (too few contributions) are empty.",
        "quarters": "Indicators per quarter with the assigned quarter type.",
        "quarter_profiles": "Profile per quarter type: mean standardised indicators (z_…), means, number of quarters.",
        "manifest": "Run record: version, input, rows by status, redactions, timings (unmatched quarter names as a count only).",
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
        "id": "Kennung des Beitrags", "text": "Beitragstext, erkannte personenbezogene Angaben ersetzt ([NAME] …); Namen ohne Hinweiswort können stehen bleiben",
        "status": "analysed = ausgewertet; skipped:<Grund> = nicht ausgewertet",
        "lang": "Sprache (ISO 639-1, und = unbestimmt)", "lang_score": "Sicherheit der Spracherkennung (0–1)",
        "lang_mixed": "mehrsprachiger Text", "topic_id": "Themennummer (-1 = keinem Thema zugeordnet)",
        "topic_label": "Bezeichnung des Themas", "themes": "Themenfelder (mit ; getrennt)",
        "statement_types": "Aussagetypen: Bedarf, Idee, Angst, Vorurteil, Potenzial, Erfahrung (mit ; getrennt)",
        "score_*": "Score eines Themenfelds oder Aussagetyps (0–1)", "quarter": "Quartier (kanonischer Name, unknown, citywide)",
        "quarter_type": "Quartierstyp (Nummer)", "quarter_type_label": "Beschreibung des Quartierstyps",
        "label": "Bezeichnung (deutsch) bzw. Merkmal", "label_en": "Bezeichnung (englisch)",
        "keywords": "Schlüsselwörter", "keywords_by_lang": "Schlüsselwörter je Sprache (JSON)",
        "size": "Anzahl Beiträge", "share_by_lang": "Anteile der Sprachen (JSON)",
        "representative_ids": "typische Beiträge (IDs)", "dimension": "Gliederungsmerkmal",
        "level": "Ausprägung", "label_kind": "Themenfeld oder Aussagetyp",
        "n": "Anzahl Beiträge", "n_level": "Beiträge der Ausprägung insgesamt", "share": "Anteil n / n_level",
        "share_city": "Anteil in der ganzen Stadt", "lift": "share / share_city",
        "residual": "standardisiertes Residuum", "p_value": "p-Wert", "p_adjusted": "p-Wert, korrigiert",
        "ci_low": "95 %-Intervall unten", "ci_high": "95 %-Intervall oben",
        "significant": "signifikant nach Korrektur (leer, wenn unterdrückt)", "suppressed": "unterdrückt (zu wenige Beiträge)",
        "rank": "Rang im Quartierstyp", "theme": "Themenfeld", "statement_type": "Aussagetyp",
        "score": "Gesamtscore (gewichtete Summe)", "prevalence": "Häufigkeit im Typ",
        "over_representation": "Überrepräsentation gegenüber der Stadt", "breadth": "Verbreitung über Quartiere",
        "severity": "Dringlichkeit des Aussagetyps", "structural_need": "struktureller Bedarf (Indikatoren)",
        "evidence_ids": "Beleg-Beiträge (IDs)", "evidence_langs": "Sprachen der Belege",
        "z_*": "mittlerer standardisierter Indikatorwert", "n_quarters": "Anzahl Quartiere",
        "key": "Eintrag", "value": "Wert",
    },
    "en": {
        "id": "contribution id", "text": "contribution text, detected personal data replaced ([NAME] …); names without a cue word may remain",
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
        "ci_high": "95% interval high", "significant": "significant after adjustment (empty if suppressed)",
        "suppressed": "suppressed (too few contributions)", "rank": "rank within quarter type",
        "theme": "theme", "statement_type": "statement type", "score": "total score (weighted sum)",
        "prevalence": "prevalence within type", "over_representation": "over-representation vs city",
        "breadth": "spread over quarters", "severity": "severity of statement type",
        "structural_need": "structural need (indicators)", "evidence_ids": "evidence contributions (ids)",
        "evidence_langs": "languages of evidence", "z_*": "mean standardised indicator",
        "n_quarters": "number of quarters", "key": "item", "value": "value",
    },
}  # fmt: skip
#: German column headers of the workbook (English keeps the keys); indicators are named too
HEADERS_DE: dict[str, str] = {
    "id": "Kennung", "text": "Beitrag", "topic_label": "Thema", "themes": "Themenfelder",
    "statement_types": "Aussagetypen", "quarter": "Quartier", "quarter_type": "Quartierstyp",
    "quarter_type_label": "Beschreibung des Quartierstyps", "topic_id": "Nr.",
    "label": "Bezeichnung", "label_en": "Bezeichnung (englisch)", "keywords": "Schlüsselwörter",
    "keywords_by_lang": "Schlüsselwörter je Sprache", "size": "Größe",
    "share_by_lang": "Anteile der Sprachen", "representative_ids": "typische Beiträge (IDs)",
    "dimension": "Gliederung", "level": "Ausprägung", "label_kind": "Art", "n": "Anzahl",
    "n_level": "Anzahl der Ausprägung", "share": "Anteil", "share_city": "Anteil Stadt",
    "lift": "Verhältnis zur Stadt", "residual": "Residuum", "p_value": "p-Wert",
    "p_adjusted": "p-Wert (korrigiert)", "ci_low": "Intervall unten", "ci_high": "Intervall oben",
    "significant": "signifikant", "suppressed": "unterdrückt", "rank": "Rang",
    "theme": "Themenfeld", "statement_type": "Aussagetyp", "score": "Score",
    "prevalence": "Häufigkeit", "over_representation": "Überrepräsentation",
    "breadth": "Breite", "severity": "Dringlichkeit", "structural_need": "struktureller Bedarf",
    "evidence_ids": "Belege (IDs)", "evidence_langs": "Sprachen der Belege",
    "n_quarters": "Anzahl Quartiere", "key": "Eintrag", "value": "Wert",
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


def header(column: str, language: str) -> str:
    """The column header shown in the workbook: German names, indicators by their name."""
    if language != "de":
        return column
    if column in HEADERS_DE:
        return HEADERS_DE[column]
    if column.startswith("z_"):
        return f"z: {indicator_name(language, column[2:])}"
    return indicator_name(language, column)


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
    language: str = "",
) -> None:
    """Stream ``frame`` into a write-only sheet: bold header, widths, number formats, filter.

    Formats follow the column keys; the header row shows ``header(key, language)``.
    """
    columns = [str(c) for c in frame.columns]
    titles = [header(c, language) if language else c for c in columns]
    styles: list[dict[str, Any] | None] = []
    for idx, column in enumerate(columns, start=1):
        values = frame.iloc[:, idx - 1]
        fmt = _number_format(column, values) if len(frame) else None
        sample = [len(str(v)) for v in values.iloc[:200] if not _is_na(v)]
        width = max([len(titles[idx - 1])] + sample) + 2
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
    ws.append([_styled(ws, _cell(c), HEADER_STYLE) for c in titles])
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


def workbook_tables(
    tables: RunTables, language: str = "de", min_cell: int = 5
) -> tuple[dict[str, pd.DataFrame], int]:
    """The planner tables of the workbook, keyed like ``SHEETS`` (empty ones left out).

    Also returns how many contributions the contribution sheet leaves out (see ``sheets``).
    """
    contributions, left_out = sheets.planner_contributions(tables, language, min_cell)
    out: dict[str, pd.DataFrame] = {
        "contributions": contributions,
        "topics": sheets.planner_topics(tables, min_cell),
        "priorities": sheets.planner_priorities(tables, language, min_cell),
    }
    for dim, frame in tables.crosstabs.items():
        out[f"crosstab_{dim}"] = sheets.planner_crosstab(frame, dim, language)
    out["quarters"] = tables.quarters
    out["quarter_profiles"] = tables.quarter_profiles
    manifest = sheets.planner_manifest(tables.manifest)
    out["manifest"] = pd.DataFrame(_flatten(manifest), columns=["key", "value"])
    return {k: v for k, v in out.items() if not v.empty and len(v.columns)}, left_out


def _readme(
    frames: dict[str, pd.DataFrame], language: str, min_cell: int, left_out: int
) -> pd.DataFrame:
    """One row per sheet (what it holds) and one per column (header and meaning)."""
    rows: list[list[str]] = []
    for key, frame in frames.items():
        sheet = SHEETS[language][key]
        if key.startswith("crosstab_"):
            dim = DIM_NAMES[language].get(key.removeprefix("crosstab_"), key)
            about = SHEET_TEXT[language]["crosstab"].format(dim=dim)
        else:
            about = SHEET_TEXT[language][key].format(min_cell=min_cell, left_out=left_out)
        rows.append([sheet, "", about])
        rows += [
            [sheet, header(str(c), language), _describe(str(c), language)] for c in frame.columns
        ]
    return pd.DataFrame(rows, columns=README_HEAD[language])


def render_excel(
    tables: RunTables, path: str | Path, language: str = "de", min_cell: int = 5
) -> Path:
    """Write the planners' workbook to ``path`` (callers write to a temporary file, then rename)."""
    wb = Workbook(write_only=True)  # streamed: 100,000 rows need neither minutes nor gigabytes
    readme = wb.create_sheet("README")
    frames, left_out = workbook_tables(tables, language, min_cell)
    _write_sheet(readme, _readme(frames, language, min_cell, left_out), (), {"C": 100})
    for key, frame in frames.items():
        ws = wb.create_sheet(SHEETS[language][key][:31])
        text_columns = ("text",) if key == "contributions" else ()
        _write_sheet(ws, frame, text_columns, language=language)
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
