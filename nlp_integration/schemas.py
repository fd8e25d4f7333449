"""Column names, label keys and table layouts, defined once (see INTERFACE.md)."""

from __future__ import annotations

# per-contribution columns
ID = "id"
TEXT = "text"
STATUS = "status"
LANG = "lang"
LANG_SCORE = "lang_score"
LANG_MIXED = "lang_mixed"
TOPIC_ID = "topic_id"
TOPIC_LABEL = "topic_label"
THEMES = "themes"
STATEMENT_TYPES = "statement_types"
LABEL = "label"
QUARTER = "quarter"
QUARTER_TYPE = "quarter_type"
QUARTER_TYPE_LABEL = "quarter_type_label"
CHANNEL = "channel"
GROUP = "group"
DATE = "date"

SCORE_PREFIX = "score_"

STATUS_ANALYSED = "analysed"
SKIPPED_PREFIX = "skipped:"

UNDETERMINED_LANG = "und"
OUTLIER_TOPIC = -1
UNKNOWN_QUARTER = "unknown"
CITYWIDE_QUARTER = "citywide"

LABEL_SEP = ";"

STATEMENT_TYPE_KEYS: tuple[str, ...] = (
    "need",
    "idea",
    "fear",
    "prejudice",
    "potential",
    "experience",
)
THEME_KEYS: tuple[str, ...] = (
    "language",
    "education",
    "work",
    "housing",
    "public_space",
    "safety",
    "health",
    "mobility",
    "leisure",
    "encounter",
    "participation",
    "discrimination",
    "administration",
    "culture_religion",
)

# German column names as municipal exports write them -> our names
GERMAN_COLUMN_ALIASES: dict[str, str] = {
    "beitrag": TEXT,
    "text": TEXT,
    "kommentar": TEXT,
    "stadtteil": QUARTER,
    "quartier": QUARTER,
    "format": CHANNEL,
    "kanal": CHANNEL,
    "zielgruppe": GROUP,
    "gruppe": GROUP,
    "datum": DATE,
}


# table layouts of the run folder (see DEVELOPERS.md)
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
CROSSTAB_DIMENSIONS: tuple[str, ...] = (QUARTER_TYPE, CHANNEL, GROUP, LANG)

# columns the pipeline writes; an input column of the same name is kept as "<name>_input"
OUTPUT_COLUMNS: tuple[str, ...] = (
    LANG, LANG_SCORE, LANG_MIXED, TOPIC_ID, TOPIC_LABEL, THEMES, STATEMENT_TYPES, LABEL,
    QUARTER_TYPE, QUARTER_TYPE_LABEL,
)  # fmt: skip


def is_output_column(name: str) -> bool:
    """True for a column name the pipeline writes itself (including every ``score_<label>``)."""
    return name in OUTPUT_COLUMNS or name.startswith(SCORE_PREFIX)


def score_column(label: str) -> str:
    """The column holding the calibrated score of one label."""
    return f"{SCORE_PREFIX}{label}"


def split_labels(cell: object) -> list[str]:
    """Split a semicolon-separated label cell into clean keys ('' and NaN give [])."""
    if cell is None or (isinstance(cell, float) and cell != cell):
        return []
    return [part.strip() for part in str(cell).split(LABEL_SEP) if part.strip()]


def join_labels(labels: list[str] | tuple[str, ...]) -> str:
    """Join label keys into one semicolon-separated cell."""
    return LABEL_SEP.join(labels)
