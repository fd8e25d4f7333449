"""German and English UI strings of the reports, label names and language names."""

from __future__ import annotations

from nlp_integration.quarters import INDICATOR_WORDS
from nlp_integration.schemas import SKIPPED_PREFIX

SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en")

THEME_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "language": "Sprache",
        "education": "Bildung",
        "work": "Arbeit",
        "housing": "Wohnen",
        "public_space": "Öffentlicher Raum",
        "safety": "Sicherheit",
        "health": "Gesundheit",
        "mobility": "Mobilität",
        "leisure": "Freizeit",
        "encounter": "Begegnung",
        "participation": "Teilhabe",
        "discrimination": "Diskriminierung",
        "administration": "Verwaltung",
        "culture_religion": "Kultur & Religion",
    },
    "en": {
        "language": "Language",
        "education": "Education",
        "work": "Work",
        "housing": "Housing",
        "public_space": "Public space",
        "safety": "Safety",
        "health": "Health",
        "mobility": "Mobility",
        "leisure": "Leisure",
        "encounter": "Encounter",
        "participation": "Participation",
        "discrimination": "Discrimination",
        "administration": "Administration",
        "culture_religion": "Culture & religion",
    },
}

STATEMENT_TYPE_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "need": "Bedarf",
        "idea": "Idee",
        "fear": "Angst",
        "prejudice": "Vorurteil",
        "potential": "Potenzial",
        "experience": "Erfahrung",
    },
    "en": {
        "need": "Need",
        "idea": "Idea",
        "fear": "Fear",
        "prejudice": "Prejudice",
        "potential": "Potential",
        "experience": "Experience",
    },
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "de": {
        "de": "Deutsch",
        "en": "Englisch",
        "tr": "Türkisch",
        "ar": "Arabisch",
        "uk": "Ukrainisch",
        "ru": "Russisch",
        "pl": "Polnisch",
        "ro": "Rumänisch",
        "bg": "Bulgarisch",
        "fa": "Persisch",
        "ps": "Paschtu",
        "ku": "Kurdisch",
        "ti": "Tigrinya",
        "so": "Somali",
        "sq": "Albanisch",
        "sr": "Serbisch",
        "hr": "Kroatisch",
        "bs": "Bosnisch",
        "it": "Italienisch",
        "es": "Spanisch",
        "fr": "Französisch",
        "pt": "Portugiesisch",
        "el": "Griechisch",
        "vi": "Vietnamesisch",
        "zh": "Chinesisch",
        "hu": "Ungarisch",
        "und": "unbestimmt",
    },
    "en": {
        "de": "German",
        "en": "English",
        "tr": "Turkish",
        "ar": "Arabic",
        "uk": "Ukrainian",
        "ru": "Russian",
        "pl": "Polish",
        "ro": "Romanian",
        "bg": "Bulgarian",
        "fa": "Persian",
        "ps": "Pashto",
        "ku": "Kurdish",
        "ti": "Tigrinya",
        "so": "Somali",
        "sq": "Albanian",
        "sr": "Serbian",
        "hr": "Croatian",
        "bs": "Bosnian",
        "it": "Italian",
        "es": "Spanish",
        "fr": "French",
        "pt": "Portuguese",
        "el": "Greek",
        "vi": "Vietnamese",
        "zh": "Chinese",
        "hu": "Hungarian",
        "und": "undetermined",
    },
}

#: why an input row was skipped (``skipped:<reason>``), and the analysed status
STATUS_NAMES: dict[str, dict[str, str]] = {
    "de": {"analysed": "ausgewertet", "empty": "leer", "no_letters": "ohne Buchstaben"},
    "en": {"analysed": "analysed", "empty": "empty", "no_letters": "no letters"},
}

PRIORITY_COMPONENTS: tuple[str, ...] = (
    "prevalence",
    "over_representation",
    "breadth",
    "severity",
    "structural_need",
)

_DE: dict[str, str] = {
    "default_title": "Integrationsdialog – Auswertung",
    "html_lang": "de",
    "nav_label": "Abschnitte",
    "generated": "Erstellt am {created} · {n} ausgewertete Beiträge",
    "sec_overview": "Überblick",
    "sec_topics": "Themen",
    "sec_themes": "Themenfelder × Quartierstypen",
    "sec_statement_types": "Aussagetypen",
    "sec_fears": "Ängste und Vorurteile",
    "sec_priorities": "Prioritäten",
    "sec_quarter_types": "Quartierstypen",
    "sec_map": "Karte",
    "sec_method": "Methodik & Datenschutz",
    "card_analysed": "ausgewertete Beiträge",
    "at_a_glance": "Auf einen Blick: wichtigste Anliegen je Quartierstyp",
    "card_languages": "Sprachen",
    "card_quarters": "Quartiere",
    "card_topics": "Themen",
    "card_skipped": "übersprungene Zeilen",
    "overview_intro": (
        "Wer hat sich beteiligt? Zahlen beziehen sich auf ausgewertete Beiträge. Gruppen mit "
        "weniger als {min_cell} Beiträgen werden nicht beziffert („< {min_cell}“)."
    ),
    "by_language": "Beiträge nach Sprache",
    "by_channel": "Beiträge nach Kanal",
    "by_group": "Beiträge nach Gruppe",
    "by_quarter": "Beiträge nach Quartier",
    "over_time": "Beiträge im Zeitverlauf",
    "vs_population": "Beteiligung im Verhältnis zur Bevölkerung",
    "share_contrib": "Anteil an den Beiträgen",
    "share_pop": "Anteil an der Bevölkerung",
    "per_1000": "Beiträge je 1.000 Einw.",
    "participation_vs_foreign": "Beteiligung und Anteil ausländischer Staatsangehöriger",
    "share_foreign": "Anteil ausländischer Staatsangehöriger",
    "contributions": "Beiträge",
    "n_contributions": "Anzahl Beiträge",
    "share": "Anteil",
    "period": "Zeitraum",
    "topics_intro": (
        "Automatisch gefundene Themen (Themenmodell über alle Sprachen). Bezeichnungen und "
        "Schlüsselwörter sind maschinell erzeugt; die Farbe zeigt den Anteil deutschsprachiger "
        "Beiträge."
    ),
    "topic_map": "Themenlandkarte: Größe der Themen",
    "topics_over_time": "Themen im Zeitverlauf",
    "topic": "Thema",
    "topic_id": "Nr.",
    "keywords": "Schlüsselwörter",
    "size": "Größe",
    "languages": "Sprachen",
    "share_de": "Anteil Deutsch",
    "outliers": "nicht zugeordnet",
    "themes_intro": (
        "Anteil der Beiträge eines Quartierstyps, die ein Themenfeld ansprechen. ▲ markiert "
        "signifikant überdurchschnittliche, ▼ unterdurchschnittliche Anteile (nach Korrektur für "
        "multiples Testen). Graue Felder sind unterdrückt: „< {min_cell}“ = weniger als {min_cell} "
        "Beiträge, „–“ = zum Schutz einer kleinen Zelle nicht ausgewiesen."
    ),
    "theme": "Themenfeld",
    "quarter_type": "Quartierstyp",
    "type_n": "Typ {n}",
    "city": "Stadt gesamt",
    "lift": "Verhältnis zur Stadt",
    "significant": "signifikant",
    "statement_types_intro": (
        "Welche Art von Aussage überwiegt? Anteil der Beiträge je Quartierstyp nach Aussagetyp."
    ),
    "statement_type": "Aussagetyp",
    "fears_intro": (
        "Ängste und Vorurteile werden automatisch erkannt und getrennt ausgewiesen. Zitate stehen "
        "in der Originalsprache (erkannte personenbezogene Angaben ersetzt; Namen ohne Hinweiswort "
        "können stehen bleiben). Sie stammen nur aus Quartierstypen mit mindestens {min_cell} "
        "solchen Beiträgen und nie aus Quartieren, Gruppen, Kanälen oder Sprachen mit weniger als "
        "{min_cell} Beiträgen; Texte mit Telefonnummern, Hausnummern oder Altersangaben werden "
        "nicht zitiert."
    ),
    "fears_by_type": "Ängste und Vorurteile nach Quartierstyp",
    "fears_concern": "Worauf sich Ängste und Vorurteile beziehen",
    "quotes_fear": "Stimmen: Ängste",
    "quotes_prejudice": "Stimmen: Vorurteile",
    "no_quotes": "Keine Zitate: zu wenige Beiträge je Quartierstyp.",
    "priorities_intro": (
        "Rangfolge je Quartierstyp. Der Score setzt sich aus gewichteten Komponenten zusammen "
        "(Balken). Gezeigt werden nur Prioritäten mit mindestens {min_cell} Beiträgen, deren "
        "Themenfeld und Aussagetyp im Quartierstyp ausgewiesen sind; Belege sind Beiträge aus "
        "diesem Quartierstyp."
    ),
    "rank": "Rang",
    "score": "Score",
    "evidence": "Belege",
    "show_evidence": "{n} Belege anzeigen",
    "comp_prevalence": "Häufigkeit",
    "comp_over_representation": "Überrepräsentation",
    "comp_breadth": "Breite",
    "comp_severity": "Dringlichkeit",
    "comp_structural_need": "struktureller Bedarf",
    "weighted_contribution": "gewichteter Beitrag zum Score",
    "no_priorities": "Keine Prioritäten mit ausreichend vielen Beiträgen.",
    "quarter_types_intro": (
        "Quartierstypen fassen Quartiere mit ähnlichen Indikatoren zusammen (Profil: mittlere "
        "standardisierte Werte, rot = überdurchschnittlich, blau = unterdurchschnittlich)."
    ),
    "profile": "Profil der Quartierstypen",
    "indicator": "Indikator",
    "quarter": "Quartier",
    "n_quarters": "Quartiere",
    "map_intro": "Quartiere nach Quartierstyp; Tooltip mit Beiträgen je Quartier.",
    "no_map": "Keine Geometrie (GeoJSON) übergeben.",
    "method_intro": (
        "Dieser Bericht wurde ausschließlich aus den gespeicherten Tabellen des Laufs erzeugt. "
        "In allen Beitragstexten wurden vor der Analyse erkannte personenbezogene Angaben ersetzt "
        "(Platzhalter wie [NAME]); Namen ohne Hinweiswort können stehen bleiben. Zellen mit "
        "weniger als {min_cell} Beiträgen sind in allen Tabellen, Grafiken, Zitaten und der "
        "Zusammenfassung unterdrückt."
    ),
    "caveats_title": "Einordnung",
    "caveat_auto": (
        "Sprachen, Themen und Aussagetypen sind automatisch bestimmt und können im Einzelfall "
        "falsch sein; sie zeigen Muster, keine Einzelfallentscheidungen."
    ),
    "caveat_suppression": (
        "Kleine Zellen (weniger als {min_cell} Beiträge) sind unterdrückt, damit niemand "
        "erkennbar wird."
    ),
    "caveat_proxy": (
        "Quartierstypen und Indikatoren sind Näherungen (Proxys) für Lebenslagen; Beteiligung ist "
        "nicht repräsentativ."
    ),
    "rows_by_status": "Zeilen nach Status",
    "redaction": "Ersetzte personenbezogene Angaben",
    "suppression": "Unterdrückung kleiner Zellen",
    "versions": "Versionen",
    "models": "Modelle",
    "timings": "Laufzeiten (s)",
    "input": "Eingabe",
    "unmatched": "Nicht zugeordnete Quartiersnamen",
    "unmatched_count": (
        "{n} Quartiersnamen aus der Eingabe wurden keinem Quartier zugeordnet (die Namen stehen "
        "nur in manifest.json)."
    ),
    "skipped_total": "übersprungen insgesamt",
    "skipped": "übersprungen",
    "fact": "Angabe",
    "value": "Wert",
    "filter": "Filtern …",
    "sort_hint": "Spaltenkopf anklicken zum Sortieren",
    "suppressed": "< {min_cell}",
    "footer": "Erstellt mit nlp_integration {version} – offline, ohne externe Ressourcen.",
    "unknown": "unbekannt",
    "citywide": "stadtweit",
    "none": "–",
    "all_suppressed": "Zu wenige Beiträge je Zelle für eine Darstellung.",
    "md_title": "{title}: Zusammenfassung für die Planung",
    "md_basis": (
        "Stand {created}. Grundlage: {n} ausgewertete Beiträge in {langs} Sprachen aus {quarters} "
        "Quartieren. Automatisch aus den Tabellen dieses Laufs erstellt; Zellen mit weniger als "
        "{min_cell} Beiträgen sind unterdrückt."
    ),
    "md_priorities": "Wichtigste Anliegen je Quartierstyp",
    "md_quarters_of_type": "Quartiere: {names}.",
    "md_priority_line": "**{theme} – {stype}** (Score {score}; {n} Beiträge).",
    "md_evidence_counts": "{share} der Beiträge dieses Typs, {lift} so häufig wie stadtweit.",
    "md_fewer_priorities": (
        "Weitere Anliegen beruhen auf zu wenigen Beiträgen (weniger als {min_cell} oder in einer "
        "unterdrückten Zelle) und werden nicht genannt."
    ),
    "md_no_priorities": "Kein Anliegen mit mindestens {min_cell} Beiträgen.",
    "md_fears": "Ängste und Vorurteile",
    "md_fear_line": "**{name}**: {n} der ausgewerteten Beiträge ({share}).",
    "md_fear_small": "**{name}**: weniger als {min_cell} Beiträge.",
    "md_concern": "Sie betreffen vor allem {themes}.",
    "md_most_in": "Am häufigsten in {types}.",
    "md_most_in_shown": "Unter den ausgewiesenen Quartierstypen am häufigsten in {types}.",
    "md_example": "Beispiel: {quote}",
    "md_heard": "Wer wurde gehört – und wer nicht",
    "md_dim_language": "Sprachen",
    "md_dim_group": "Gruppen",
    "md_dim_channel": "Kanäle",
    "md_dim_quarter": "Quartiere",
    "md_fewer": "weniger als {min_cell} Beiträge: {names}",
    "md_none": "keine Beiträge: {names}",
    "md_low_rate": "im Verhältnis zur Bevölkerung schwach beteiligt: {names}",
    "md_high_rate": "stark beteiligt: {names}",
    "md_per_1000": "{value} je 1.000 Einw.",
    "md_caveats": "Hinweise zur Einordnung",
    "md_skipped": "{n} Eingabezeilen wurden nicht ausgewertet ({reasons}).",
    "md_details": "Details, Grafiken und alle Tabellen: `report.html` und `report.xlsx`.",
    "md_and": "und",
    "md_name_fear": "Ängste",
    "md_name_prejudice": "Vorurteile",
    "md_city": "stadtweit",
    "level": "Ausprägung",
    "label_col": "Themenfeld / Aussagetyp",
    "crosstab_title": "Alle Kreuztabellen (Quartierstyp, Kanal, Gruppe, Sprache)",
    "not_shown": "nicht ausgewiesen (Schutz kleiner Zellen)",
    "md_not_shown": "ohne Zahl zum Schutz kleiner Gruppen: {names}",
}

_EN: dict[str, str] = {
    "default_title": "Integration dialogue – analysis",
    "html_lang": "en",
    "nav_label": "Sections",
    "generated": "Created {created} · {n} contributions analysed",
    "sec_overview": "Overview",
    "sec_topics": "Topics",
    "sec_themes": "Themes × quarter types",
    "sec_statement_types": "Statement types",
    "sec_fears": "Fears and prejudices",
    "sec_priorities": "Priorities",
    "sec_quarter_types": "Quarter types",
    "sec_map": "Map",
    "sec_method": "Method & privacy",
    "card_analysed": "contributions analysed",
    "at_a_glance": "At a glance: top concerns per quarter type",
    "card_languages": "languages",
    "card_quarters": "quarters",
    "card_topics": "topics",
    "card_skipped": "rows skipped",
    "overview_intro": (
        "Who took part? Figures refer to analysed contributions. Groups with fewer than "
        "{min_cell} contributions are not given a number (“< {min_cell}”)."
    ),
    "by_language": "Contributions by language",
    "by_channel": "Contributions by channel",
    "by_group": "Contributions by group",
    "by_quarter": "Contributions by quarter",
    "over_time": "Contributions over time",
    "vs_population": "Participation relative to population",
    "share_contrib": "share of contributions",
    "share_pop": "share of population",
    "per_1000": "contributions per 1,000 residents",
    "participation_vs_foreign": "Participation and share of foreign nationals",
    "share_foreign": "share of foreign nationals",
    "contributions": "contributions",
    "n_contributions": "number of contributions",
    "share": "share",
    "period": "period",
    "topics_intro": (
        "Topics found automatically (one topic model across all languages). Labels and keywords "
        "are machine-generated; colour shows the share of German-language contributions."
    ),
    "topic_map": "Topic map: size of topics",
    "topics_over_time": "Topics over time",
    "topic": "Topic",
    "topic_id": "No.",
    "keywords": "Keywords",
    "size": "Size",
    "languages": "Languages",
    "share_de": "share German",
    "outliers": "unassigned",
    "themes_intro": (
        "Share of a quarter type's contributions that address a theme. ▲ marks significantly "
        "higher, ▼ significantly lower shares (adjusted for multiple testing). Grey cells are "
        "suppressed: “< {min_cell}” = fewer than {min_cell} contributions, “–” = not shown to "
        "protect a small cell."
    ),
    "theme": "Theme",
    "quarter_type": "Quarter type",
    "type_n": "Type {n}",
    "city": "City overall",
    "lift": "ratio to city",
    "significant": "significant",
    "statement_types_intro": "Which kind of statement prevails? Share per quarter type.",
    "statement_type": "Statement type",
    "fears_intro": (
        "Fears and prejudices are detected automatically and reported separately. Quotes are in "
        "the original language (detected personal data replaced; names without a cue word may "
        "remain). They come only from quarter types with at least {min_cell} such contributions "
        "and never from quarters, groups, channels or languages with fewer than {min_cell} "
        "contributions; texts with phone numbers, house numbers or ages are not quoted."
    ),
    "fears_by_type": "Fears and prejudices by quarter type",
    "fears_concern": "What fears and prejudices concern",
    "quotes_fear": "Voices: fears",
    "quotes_prejudice": "Voices: prejudices",
    "no_quotes": "No quotes: too few contributions per quarter type.",
    "priorities_intro": (
        "Ranking per quarter type. The score is a weighted sum of components (bars). Only "
        "priorities with at least {min_cell} contributions whose theme and statement type are "
        "shown for the quarter type are listed; evidence comes from this quarter type."
    ),
    "rank": "Rank",
    "score": "Score",
    "evidence": "Evidence",
    "show_evidence": "show {n} quotes",
    "comp_prevalence": "prevalence",
    "comp_over_representation": "over-representation",
    "comp_breadth": "breadth",
    "comp_severity": "severity",
    "comp_structural_need": "structural need",
    "weighted_contribution": "weighted contribution to score",
    "no_priorities": "No priorities with enough contributions.",
    "quarter_types_intro": (
        "Quarter types group quarters with similar indicators (profile: mean standardised values, "
        "red = above average, blue = below average)."
    ),
    "profile": "Profile of quarter types",
    "indicator": "Indicator",
    "quarter": "Quarter",
    "n_quarters": "quarters",
    "map_intro": "Quarters by quarter type; tooltip with contributions per quarter.",
    "no_map": "No geometry (GeoJSON) given.",
    "method_intro": (
        "This report was rendered only from the stored tables of the run. Detected personal data "
        "in the contribution texts was replaced before analysis (placeholders such as [NAME]); "
        "names without a cue word may remain. Cells with fewer than {min_cell} contributions are "
        "suppressed in every table, chart, quote and in the summary."
    ),
    "caveats_title": "Caveats",
    "caveat_auto": (
        "Languages, topics and statement types are determined automatically and can be wrong in "
        "single cases; they show patterns, not individual decisions."
    ),
    "caveat_suppression": (
        "Small cells (fewer than {min_cell} contributions) are suppressed so that nobody can be "
        "identified."
    ),
    "caveat_proxy": (
        "Quarter types and indicators are proxies for living conditions; participation is not "
        "representative."
    ),
    "rows_by_status": "Rows by status",
    "redaction": "Personal data replaced",
    "suppression": "Small-cell suppression",
    "versions": "Versions",
    "models": "Models",
    "timings": "Timings (s)",
    "input": "Input",
    "unmatched": "Unmatched quarter names",
    "unmatched_count": (
        "{n} quarter names of the input matched no quarter (the names are only in manifest.json)."
    ),
    "skipped_total": "skipped in total",
    "skipped": "skipped",
    "fact": "Item",
    "value": "Value",
    "filter": "Filter …",
    "sort_hint": "click a column header to sort",
    "suppressed": "< {min_cell}",
    "footer": "Made with nlp_integration {version} – offline, no external resources.",
    "unknown": "unknown",
    "citywide": "citywide",
    "none": "–",
    "all_suppressed": "Too few contributions per cell to show.",
    "md_title": "{title}: summary for planners",
    "md_basis": (
        "As of {created}. Basis: {n} analysed contributions in {langs} languages from {quarters} "
        "quarters. Generated automatically from the tables of this run; cells with fewer than "
        "{min_cell} contributions are suppressed."
    ),
    "md_priorities": "Top concerns per quarter type",
    "md_quarters_of_type": "Quarters: {names}.",
    "md_priority_line": "**{theme} – {stype}** (score {score}; {n} contributions).",
    "md_evidence_counts": "{share} of this type's contributions, {lift} as often as citywide.",
    "md_fewer_priorities": (
        "Further concerns rest on too few contributions (fewer than {min_cell} or in a suppressed "
        "cell) and are not listed."
    ),
    "md_no_priorities": "No concern with at least {min_cell} contributions.",
    "md_fears": "Fears and prejudices",
    "md_fear_line": "**{name}**: {n} of the analysed contributions ({share}).",
    "md_fear_small": "**{name}**: fewer than {min_cell} contributions.",
    "md_concern": "They mainly concern {themes}.",
    "md_most_in": "Most frequent in {types}.",
    "md_most_in_shown": "Among the quarter types shown, most frequent in {types}.",
    "md_example": "Example: {quote}",
    "md_heard": "Who was heard – and who was not",
    "md_dim_language": "Languages",
    "md_dim_group": "Groups",
    "md_dim_channel": "Channels",
    "md_dim_quarter": "Quarters",
    "md_fewer": "fewer than {min_cell} contributions: {names}",
    "md_none": "no contributions: {names}",
    "md_low_rate": "low participation relative to population: {names}",
    "md_high_rate": "high participation: {names}",
    "md_per_1000": "{value} per 1,000 residents",
    "md_caveats": "Caveats",
    "md_skipped": "{n} input rows were not analysed ({reasons}).",
    "md_details": "Details, charts and all tables: `report.html` and `report.xlsx`.",
    "md_and": "and",
    "md_name_fear": "Fears",
    "md_name_prejudice": "Prejudices",
    "md_city": "citywide",
    "level": "Level",
    "label_col": "Theme / statement type",
    "crosstab_title": "All cross-tables (quarter type, channel, group, language)",
    "not_shown": "not shown (protects small cells)",
    "md_not_shown": "no number, to protect small groups: {names}",
}

TEXTS: dict[str, dict[str, str]] = {"de": _DE, "en": _EN}


def check_language(language: str) -> str:
    """Return ``language`` if supported, else raise a ConfigError naming the choices."""
    from nlp_integration.errors import ConfigError

    if language not in SUPPORTED_LANGUAGES:
        raise ConfigError(
            f"report language '{language}' is not supported: use one of "
            f"{', '.join(SUPPORTED_LANGUAGES)}"
        )
    return language


def t(language: str, key: str, **values: object) -> str:
    """The UI string ``key`` in ``language`` with ``{placeholders}`` filled in."""
    text = TEXTS[language][key]
    return text.format(**values) if values else text


def theme_name(language: str, key: str) -> str:
    """Readable name of a theme key (the key itself when unknown)."""
    return THEME_NAMES[language].get(key, key)


def statement_type_name(language: str, key: str) -> str:
    """Readable name of a statement-type key (the key itself when unknown)."""
    return STATEMENT_TYPE_NAMES[language].get(key, key)


def label_name(language: str, key: str) -> str:
    """Readable name of a theme or statement-type key."""
    return THEME_NAMES[language].get(key) or STATEMENT_TYPE_NAMES[language].get(key) or key


def language_name(language: str, code: object) -> str:
    """Readable name of an ISO 639-1 code, e.g. ``tr`` → ``Türkisch``."""
    code_str = str(code)
    return LANGUAGE_NAMES[language].get(code_str, code_str)


def reason_name(language: str, reason: str) -> str:
    """Readable name of a skip reason (``empty`` → ``leer``)."""
    return STATUS_NAMES[language].get(reason, reason)


def status_name(language: str, status: str) -> str:
    """Readable name of a row status (``skipped:empty`` → ``übersprungen: leer``)."""
    if status.startswith(SKIPPED_PREFIX):
        return f"{t(language, 'skipped')}: {reason_name(language, status.removeprefix(SKIPPED_PREFIX))}"
    return reason_name(language, status)


def indicator_name(language: str, column: str) -> str:
    """Readable name of an indicator column (``sgb2_rate`` → ``SGB-II-Quote``)."""
    words = INDICATOR_WORDS.get(column)
    if words is None:
        return column.replace("_", " ")
    return words.name_de if language == "de" else words.name_en
