"""The self-contained ``report.html``: plotly.js, CSS and a little JavaScript inline, no URLs.

Every value from the tables is escaped with ``html.escape``; figures carry their JSON in
``<script type="application/json">`` blocks with ``<``, ``>`` and ``&`` escaped.
"""

from __future__ import annotations

import json
import math
import re
from html import escape
from typing import Any

import pandas as pd

from nlp_integration import __version__
from nlp_integration import schemas as S
from nlp_integration.io import parse_dates
from nlp_integration.reporting import charts as C
from nlp_integration.reporting import texts as T
from nlp_integration.reporting.load import (
    RunTables,
    complementary_cells,
    concern_counts,
    ordered_types,
    participation,
    skipped_rows,
    suppress_counts,
    top_priorities,
    type_key,
    type_labels,
)
from nlp_integration.reporting.quotes import evidence_quotes, select_quotes

SECTION_IDS: tuple[str, ...] = (
    "overview",
    "topics",
    "themes",
    "statement-types",
    "fears",
    "priorities",
    "quarter-types",
    "map",
    "method",
)
_SECTION_TEXT = {
    "overview": "sec_overview",
    "topics": "sec_topics",
    "themes": "sec_themes",
    "statement-types": "sec_statement_types",
    "fears": "sec_fears",
    "priorities": "sec_priorities",
    "quarter-types": "sec_quarter_types",
    "map": "sec_map",
    "method": "sec_method",
}
QUOTE_MAX_CHARS = 320
DEFAULT_WEIGHTS = {
    "prevalence": 0.30,
    "over_representation": 0.25,
    "breadth": 0.15,
    "severity": 0.20,
    "structural_need": 0.10,
}


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def shorten(text: object, limit: int = QUOTE_MAX_CHARS) -> str:
    """One-line text cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " …"


class _Report:
    """Collects the pieces of one report: language, suppression threshold and figures."""

    def __init__(self, tables: RunTables, language: str, min_cell: int, quotes: int) -> None:
        self.tables = tables
        self.lang = language
        self.min_cell = min_cell
        self.quotes = quotes
        self.n_figures = 0
        self.ids: set[str] = set()
        self.type_labels = type_labels(tables)

    # ------------------------------------------------------------------ helpers
    def t(self, key: str, **values: object) -> str:
        return T.t(self.lang, key, **values)

    def sup(self) -> str:
        return escape(self.t("suppressed", min_cell=self.min_cell))

    def num(self, value: object, decimals: int = 0) -> str:
        return "–" if _missing(value) else C.fmt_number(float(value), self.lang, decimals)

    def pct(self, value: object, decimals: int = 1) -> str:
        return "–" if _missing(value) else C.fmt_pct(float(value), self.lang, decimals)

    def type_short(self, key: object) -> str:
        k = type_key(key)
        return self.t("type_n", n=k) if k.isdigit() else k

    def type_long(self, key: object) -> str:
        k = type_key(key)
        label = self.type_labels.get(k)
        return f"{self.type_short(k)} – {label}" if label else self.type_short(k)

    def dom_id(self, wanted: str) -> str:
        """A safe, unique element id (names may come from user data such as type keys)."""
        base = re.sub(r"[^A-Za-z0-9_-]", "-", wanted)
        fid, i = base, 1
        while fid in self.ids:
            i += 1
            fid = f"{base}-{i}"
        self.ids.add(fid)
        return fid

    def chart(self, fig: Any, name: str, title: str | None = None, note: str = "") -> str:
        """A figure block; an empty note when the figure could not be drawn."""
        head = f"<h3>{escape(title)}</h3>" if title else ""
        if fig is None:
            return f'<figure class="chart-box">{head}<p class="muted">{escape(self.t("all_suppressed"))}</p></figure>'
        self.n_figures += 1
        fid = self.dom_id(f"chart-{name}")
        body = C.figure_json(fig)
        foot = f'<figcaption class="muted">{escape(note)}</figcaption>' if note else ""
        return (
            f'<figure class="chart-box">{head}<div class="chart" id="{fid}" '
            f'data-spec="{fid}-spec"></div><script type="application/json" id="{fid}-spec">'
            f"{body}</script>{foot}</figure>"
        )

    def table(self, headers: list[tuple[str, str]], rows: list[list[tuple[str, object]]], tid: str,
              filterable: bool = True) -> str:  # fmt: skip
        """A sortable table; ``headers`` = (text, 'num'|'text'), cells = (escaped html, sort key)."""
        if not rows:
            return ""
        tid = self.dom_id(tid)
        head = "".join(
            f'<th data-type="{kind}" tabindex="0" aria-sort="none">{escape(h)}</th>'
            for h, kind in headers
        )
        body = []
        for row in rows:
            cells = []
            for (content, key), (_h, kind) in zip(row, headers, strict=True):
                sort = "" if _missing(key) else escape(str(key))
                cls = ' class="num"' if kind == "num" else ""
                cells.append(f'<td data-sort="{sort}"{cls}>{content}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        search = (
            f'<input type="search" class="table-filter" data-table="{tid}" '
            f'placeholder="{escape(self.t("filter"))}" aria-label="{escape(self.t("filter"))}">'
            f'<span class="muted small">{escape(self.t("sort_hint"))}</span>'
            if filterable
            else ""
        )
        return (
            f'<div class="table-tools">{search}</div><div class="table-wrap"><table class="data" '
            f'id="{tid}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
        )

    def type_cell(self, key: object) -> tuple[str, object]:
        """A table cell with the short type name and the long one as tooltip."""
        return (
            f'<span title="{escape(self.type_long(key))}">{escape(self.type_short(key))}</span>',
            type_key(key),
        )

    def count_cell(self, value: object, hidden: bool = False) -> tuple[str, object]:
        """A count cell: ``< min_cell`` when suppressed, ``–`` when hidden complementarily."""
        if _missing(value) and hidden:
            return (f'<span class="sup" title="{escape(self.t("not_shown"))}">–</span>', -1)
        if _missing(value):
            return (f'<span class="sup">{self.sup()}</span>', -1)
        return (self.num(value), float(value))

    def quote(self, row: pd.Series) -> str:
        lang = str(row.get(S.LANG) or S.UNDETERMINED_LANG)
        themes = ", ".join(T.theme_name(self.lang, k) for k in S.split_labels(row.get(S.THEMES)))
        meta = [
            f'<span class="lang-tag" title="{escape(T.language_name(self.lang, lang))}">'
            f"{escape(lang.upper())}</span>",
            escape(self.type_long(row.get(S.QUARTER_TYPE))),
        ]
        if themes:
            meta.append(escape(themes))
        return (
            f'<figure class="quote"><blockquote lang="{escape(lang)}" dir="auto">'
            f"{escape(shorten(row.get(S.TEXT, '')))}</blockquote>"
            f"<figcaption>{' · '.join(meta)}</figcaption></figure>"
        )

    def analysed(self) -> pd.DataFrame:
        return self.tables.analysed

    def cross(self, dim: str, kind: str) -> pd.DataFrame:
        frame = self.tables.crosstabs.get(dim, pd.DataFrame())
        if frame.empty:
            return frame
        return frame[frame["label_kind"].astype(str) == kind]

    def types_in_order(self, keys: Any) -> list[str]:
        return ordered_types(keys)


# ---------------------------------------------------------------------- sections
def _period_labels(dates: pd.Series) -> pd.Series:
    parsed = parse_dates(dates).dropna()
    if parsed.empty:
        return parsed.astype(str)
    span_days = (parsed.max() - parsed.min()).days
    if span_days > 730:
        return parsed.dt.year.astype(str) + "-Q" + parsed.dt.quarter.astype(str)
    return parsed.dt.strftime("%Y-%m")


def _overview(r: _Report) -> str:
    data = r.analysed()
    tables = r.tables
    n_skipped = sum(skipped_rows(tables).values())
    topics = tables.topics
    n_topics = (
        int((pd.to_numeric(topics.get("topic_id"), errors="coerce") >= 0).sum())
        if not topics.empty
        else 0
    )
    langs = participation(tables, S.LANG, r.min_cell)
    quarters = participation(tables, S.QUARTER, r.min_cell)
    real_quarters = [q for q in quarters.index if q not in (S.UNKNOWN_QUARTER, S.CITYWIDE_QUARTER)]
    cards = [
        (len(data), "card_analysed"),
        (len(langs), "card_languages"),
        (len(real_quarters), "card_quarters"),
        (n_topics, "card_topics"),
        (n_skipped, "card_skipped"),
    ]
    html = [
        f'<p class="lead">{escape(r.t("overview_intro", min_cell=r.min_cell))}</p><div class="cards">'
    ]
    for value, key in cards:
        html.append(
            f'<div class="card"><div class="big">{r.num(value)}</div><div>{escape(r.t(key))}</div></div>'
        )
    html.append("</div>")
    html.append(_at_a_glance(r))
    html.append('<div class="grid2">')
    unit = r.t("contributions")
    lang_names = {k: f"{T.language_name(r.lang, k)} ({k})" for k in langs.index}
    special = {S.UNKNOWN_QUARTER: r.t("unknown"), S.CITYWIDE_QUARTER: r.t("citywide")}
    for column, key, names in (
        (S.LANG, "by_language", lang_names),
        (S.CHANNEL, "by_channel", {}),
        (S.GROUP, "by_group", {}),
        (S.QUARTER, "by_quarter", special),
    ):
        counts = (
            langs
            if column == S.LANG
            else quarters
            if column == S.QUARTER
            else participation(tables, column, r.min_cell)
        )
        if counts.empty:
            continue
        fig = C.count_bar(counts, names, r.lang, r.min_cell, unit, r.t("not_shown"))
        html.append(r.chart(fig, f"participation-{column}", r.t(key)))
    html.append("</div>")
    if S.DATE in data.columns:
        periods = _period_labels(data[S.DATE])
        if not periods.empty:
            counts = periods.value_counts().sort_index()
            fig = C.time_bars(suppress_counts(counts, r.min_cell), r.lang, r.min_cell, unit)
            html.append(r.chart(fig, "participation-time", r.t("over_time")))
    html.append(_population(r, quarters))
    return "".join(html)


def _at_a_glance(r: _Report) -> str:
    """The top three priorities of each quarter type, as compact cards."""
    prio = top_priorities(r.tables, r.min_cell, 3)
    if prio.empty:
        return ""
    cards = []
    for key in r.types_in_order(prio["_type"]):
        items = "".join(
            f"<li>{escape(T.theme_name(r.lang, str(th)))} · "
            f"{escape(T.statement_type_name(r.lang, str(st)))}</li>"
            for th, st in zip(
                prio.loc[prio["_type"] == key, "theme"],
                prio.loc[prio["_type"] == key, "statement_type"],
                strict=True,
            )
        )
        cards.append(
            f'<div class="glance"><h4>{escape(r.type_long(key))}</h4><ol>{items}</ol></div>'
        )
    return f'<h3>{escape(r.t("at_a_glance"))}</h3><div class="glance-grid">{"".join(cards)}</div>'


def _population(r: _Report, counts: pd.Series) -> str:
    q = r.tables.quarters
    if q.empty or S.QUARTER not in q.columns:
        return ""
    frame = q.copy()
    frame["quarter"] = frame[S.QUARTER].astype(str)
    frame["n"] = frame["quarter"].map(lambda name: counts[name] if name in counts.index else 0.0)
    known_total = (
        float(r.analysed()[S.QUARTER].astype(str).isin(frame["quarter"]).sum())
        if S.QUARTER in r.analysed()
        else 0.0
    )
    frame["share_contrib"] = frame["n"] / known_total if known_total else math.nan
    has_pop = "population" in frame.columns
    if has_pop:
        pop = pd.to_numeric(frame["population"], errors="coerce")
        frame["share_pop"] = pop / pop.sum()
        frame["per_1000"] = frame["n"] / pop * 1000
    html = []
    if has_pop:
        labels = {"share_contrib": r.t("share_contrib"), "share_pop": r.t("share_pop")}
        fig = C.population_comparison(frame, r.lang, labels)
        html.append(r.chart(fig, "population", r.t("vs_population")))
        if "share_foreign_nationals" in frame.columns:
            scatter = pd.DataFrame({
                "quarter": frame["quarter"],
                "x": pd.to_numeric(frame["share_foreign_nationals"], errors="coerce"),
                "y": frame["per_1000"],
            })  # fmt: skip
            fig = C.participation_scatter(scatter, r.lang, r.t("share_foreign"), r.t("per_1000"))
            html.append(r.chart(fig, "participation-foreign", r.t("participation_vs_foreign")))
    headers = [(r.t("quarter"), "text"), (r.t("quarter_type"), "text"), (r.t("contributions"), "num"),
               (r.t("share_contrib"), "num")]  # fmt: skip
    if has_pop:
        headers += [(r.t("share_pop"), "num"), (r.t("per_1000"), "num")]
    if "share_foreign_nationals" in frame.columns:
        headers.append((r.t("share_foreign"), "num"))
    rows = []
    comp = {str(k) for k in counts.attrs.get("complementary", [])}
    for _, row in frame.iterrows():
        hidden = row["quarter"] in comp
        blank = "–" if _missing(row["n"]) else None  # a share or rate is never "< 5"
        cells = [
            (escape(row["quarter"]), row["quarter"]),
            r.type_cell(row.get(S.QUARTER_TYPE)),
            r.count_cell(row["n"], hidden=hidden),
            (blank or r.pct(row["share_contrib"]), row["share_contrib"]),
        ]
        if has_pop:
            cells += [(r.pct(row["share_pop"]), row["share_pop"]),
                      (blank or r.num(row["per_1000"], 1), row["per_1000"])]  # fmt: skip
        if "share_foreign_nationals" in frame.columns:
            value = pd.to_numeric(row["share_foreign_nationals"], errors="coerce")
            shown = r.pct(value) if not _missing(value) and value <= 1 else r.num(value, 1)
            cells.append((shown, value))
        rows.append(cells)
    html.append(r.table(headers, rows, "table-quarters-participation"))
    return "".join(html)


def _lang_shares(r: _Report, raw: object, size: float) -> tuple[str, float]:
    """Readable language shares of a topic; languages under ``min_cell`` contributions merged."""
    try:
        shares = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
    except (ValueError, TypeError):
        shares = {}
    parts, other = [], 0.0
    for code, share in sorted(shares.items(), key=lambda kv: (-float(kv[1]), kv[0])):
        if not _missing(size) and round(float(share) * float(size)) >= r.min_cell:
            parts.append(f"{code} {C.fmt_pct(float(share), r.lang)}")
        else:
            other += float(share)
    if other > 0 and parts:
        parts.append(("weitere" if r.lang == "de" else "other") + f" {C.fmt_pct(other, r.lang)}")
    return ", ".join(parts), float(shares.get("de", 0.0))


def _topics(r: _Report) -> str:
    topics = r.tables.topics
    html = [f'<p class="lead">{escape(r.t("topics_intro"))}</p>']
    if topics.empty:
        return html[0]
    frame = topics.copy()
    frame["topic_id"] = pd.to_numeric(frame["topic_id"], errors="coerce")
    frame["size"] = pd.to_numeric(frame["size"], errors="coerce")
    label_col = "label_en" if r.lang == "en" and "label_en" in frame.columns else "label"
    frame["display"] = [
        r.t("outliers") if tid == -1 else (str(lab) if not _missing(lab) else f"#{int(tid)}")
        for tid, lab in zip(frame["topic_id"], frame[label_col], strict=True)
    ]
    langs = [
        _lang_shares(r, raw, size)
        for raw, size in zip(frame["share_by_lang"], frame["size"], strict=True)
    ]
    frame["langs_text"] = [lt for lt, _ in langs]
    frame["share_de"] = [de for _, de in langs]
    frame["keywords"] = frame["keywords"].fillna("").astype(str)
    real = frame[frame["topic_id"] >= 0]
    texts = {k: r.t(k) for k in ("size", "keywords", "languages", "share_de", "n_contributions")}
    html.append(
        r.chart(C.topic_sizes(real, r.lang, r.min_cell, texts), "topic-map", r.t("topic_map"))
    )
    html.append(_topics_over_time(r, frame))
    headers = [(r.t("topic_id"), "num"), (r.t("topic"), "text"), (r.t("keywords"), "text"),
               (r.t("size"), "num"), (r.t("languages"), "text")]  # fmt: skip
    rows = []
    for _, row in frame.sort_values(["size"], ascending=False, kind="stable").iterrows():
        size = row["size"] if not _missing(row["size"]) and row["size"] >= r.min_cell else math.nan
        rows.append([
            (r.num(row["topic_id"]), row["topic_id"]),
            (f"<strong>{escape(row['display'])}</strong>", row["display"]),
            (escape(row["keywords"]), row["keywords"]),
            r.count_cell(size),
            (escape(row["langs_text"]), row["langs_text"]),
        ])  # fmt: skip
    html.append(r.table(headers, rows, "table-topics"))
    return "".join(html)


def _topics_over_time(r: _Report, topics: pd.DataFrame) -> str:
    data = r.analysed()
    if S.DATE not in data.columns or S.TOPIC_ID not in data.columns:
        return ""
    frame = pd.DataFrame({
        "period": _period_labels(data[S.DATE]),
        "topic": pd.to_numeric(data[S.TOPIC_ID], errors="coerce"),
    }).dropna()  # fmt: skip
    frame = frame[frame["topic"] >= 0]
    if frame.empty:
        return ""
    names = dict(zip(topics["topic_id"], topics["display"], strict=True))
    top = (
        frame["topic"]
        .value_counts()
        .sort_index()
        .sort_values(ascending=False, kind="stable")
        .index[:8]
    )
    matrix = pd.crosstab(frame["period"], frame["topic"]).reindex(columns=list(top), fill_value=0)
    matrix = matrix.sort_index().astype(float)
    matrix = matrix.where(matrix >= r.min_cell)
    matrix.columns = [names.get(c, f"#{int(c)}") for c in matrix.columns]
    fig = C.topics_over_time(matrix, r.lang, r.t("contributions"))
    note = r.t("caveat_suppression", min_cell=r.min_cell)
    return r.chart(fig, "topics-time", r.t("topics_over_time"), note)


def _theme_heatmap(r: _Report) -> str:
    cross = r.cross("quarter_type", "theme")
    html = [f'<p class="lead">{escape(r.t("themes_intro", min_cell=r.min_cell))}</p>']
    if cross.empty:
        return html[0]
    levels = r.types_in_order(cross["level"])
    labels = [k for k in S.THEME_KEYS if k in set(cross["label"])] + sorted(
        set(cross["label"]) - set(S.THEME_KEYS)
    )
    z = pd.DataFrame(math.nan, index=labels, columns=levels + ["city"])
    text = pd.DataFrame(r.sup(), index=labels, columns=levels + ["city"])
    hover = pd.DataFrame("", index=labels, columns=levels + ["city"])
    comp = complementary_cells(r.tables, "quarter_type", r.min_cell)
    for _, row in cross.iterrows():
        label, level = row["label"], row["level"]
        name = escape(T.label_name(r.lang, label))
        if row["suppressed"] or _missing(row["share"]):
            tag = "–" if (level, label) in comp else r.sup()
            note = escape(r.t("not_shown")) if (level, label) in comp else r.sup()
            text.loc[label, level] = tag
            hover.loc[label, level] = f"{name}<br>{escape(r.type_long(level))}<br>{note}"
            continue
        arrow = ""
        if row["significant"] and not _missing(row["lift"]):
            arrow = " ▲" if row["lift"] > 1 else " ▼"
        z.loc[label, level] = row["share"]
        text.loc[label, level] = r.pct(row["share"], 0) + arrow
        hover.loc[label, level] = (
            f"<b>{name}</b><br>{escape(r.type_long(level))}<br>{escape(r.t('share'))}: {r.pct(row['share'])}"
            f" ({r.num(row['n'])} / {r.num(row['n_level'])})<br>{escape(r.t('city'))}: "
            f"{r.pct(row['share_city'])}<br>{escape(r.t('lift'))}: {r.num(row['lift'], 2)}"
            + (f"<br>{escape(r.t('significant'))}" if row["significant"] else "")
        )
        if not _missing(row["share_city"]):
            z.loc[label, "city"] = row["share_city"]
            text.loc[label, "city"] = r.pct(row["share_city"], 0)
            hover.loc[label, "city"] = (
                f"{name}<br>{escape(r.t('city'))}: {r.pct(row['share_city'])}"
            )
    z.index = [T.label_name(r.lang, k) for k in labels]
    text.index = hover.index = z.index
    columns = [r.type_short(k) for k in levels] + [r.t("city")]
    z.columns = text.columns = hover.columns = columns
    fig = C.share_heatmap(z, text, hover, r.lang, r.t("quarter_type"), r.t("share"))
    html.append(r.chart(fig, "themes-heatmap"))
    html.append(_type_legend(r, levels))
    return "".join(html)


def _type_legend(r: _Report, levels: list[str]) -> str:
    items = "".join(f"<li>{escape(r.type_long(k))}</li>" for k in levels)
    return f'<ul class="type-legend">{items}</ul>'


_DIMENSIONS = {
    "de": {
        "quarter_type": "Quartierstyp",
        "channel": "Kanal",
        "group": "Gruppe",
        "lang": "Sprache",
    },
    "en": {
        "quarter_type": "Quarter type",
        "channel": "Channel",
        "group": "Group",
        "lang": "Language",
    },
}


def _crosstab_table(r: _Report) -> str:
    headers = [("Dimension", "text"), (r.t("level"), "text"), (r.t("label_col"), "text"),
               ("n", "num"), (r.t("share"), "num"), (r.t("city"), "num"), (r.t("lift"), "num"),
               (r.t("significant"), "text")]  # fmt: skip
    rows = []
    for dim, frame in r.tables.crosstabs.items():
        dim_name = _DIMENSIONS[r.lang].get(dim, dim)
        comp = complementary_cells(r.tables, dim, r.min_cell)
        for _, row in frame.iterrows():
            level = r.type_short(row["level"]) if dim == "quarter_type" else (
                T.language_name(r.lang, row["level"]) if dim == "lang" else str(row["level"]))  # fmt: skip
            sup = bool(row["suppressed"]) or _missing(row["n"])
            rows.append([
                (escape(dim_name), dim_name), (escape(level), level),
                (escape(T.label_name(r.lang, str(row["label"]))), row["label"]),
                r.count_cell(math.nan if sup else row["n"], hidden=(row["level"], row["label"]) in comp),
                ("–" if sup else r.pct(row["share"]), -1 if sup else row["share"]),
                ("–" if sup else r.pct(row["share_city"]), -1 if sup else row["share_city"]),
                ("–" if sup else r.num(row["lift"], 2), -1 if sup else row["lift"]),
                ("" if sup or not row["significant"] else "✓", 0 if sup else int(bool(row["significant"]))),
            ])  # fmt: skip
    return r.table(headers, rows, "table-crosstabs")


def _statement_types(r: _Report) -> str:
    cross = r.cross("quarter_type", "statement_type")
    html = [f'<p class="lead">{escape(r.t("statement_types_intro"))}</p>']
    if not cross.empty:
        levels = r.types_in_order(cross["level"])
        keys = [k for k in S.STATEMENT_TYPE_KEYS if k in set(cross["label"])]
        frame = pd.DataFrame(math.nan, index=levels, columns=keys)
        for _, row in cross.iterrows():
            if not row["suppressed"] and row["label"] in keys:
                frame.loc[row["level"], row["label"]] = row["share"]
        frame = _name_levels(r, frame, keys)
        fig = C.grouped_shares(frame, r.lang, r.min_cell, C.STATEMENT_COLOURS, r.t("share"))
        html.append(r.chart(fig, "statement-types"))
        html.append(_type_legend(r, levels))
    html.append(f"<h3>{escape(r.t('crosstab_title'))}</h3>")
    html.append(_crosstab_table(r))
    return "".join(html)


def _name_levels(r: _Report, frame: pd.DataFrame, keys: Any) -> pd.DataFrame:
    """A type × label frame with type names as index, legend names and its complementary cells."""
    comp = complementary_cells(r.tables, "quarter_type", r.min_cell)
    out = frame.set_axis([r.type_short(k) for k in frame.index])
    out.attrs["complementary"] = {(r.type_short(lv), lab) for lv, lab in comp if lab in keys}
    out.attrs["names"] = {k: T.statement_type_name(r.lang, k) for k in keys}
    return out


def _fears(r: _Report) -> str:
    html = [f'<p class="lead">{escape(r.t("fears_intro", min_cell=r.min_cell))}</p>']
    cross = r.cross("quarter_type", "statement_type")
    keys = ("fear", "prejudice")
    if not cross.empty:
        levels = r.types_in_order(cross["level"])
        frame = pd.DataFrame(math.nan, index=levels, columns=list(keys))
        for _, row in cross[cross["label"].isin(keys)].iterrows():
            if not row["suppressed"]:
                frame.loc[row["level"], row["label"]] = row["share"]
        frame = _name_levels(r, frame, keys)
        fig = C.grouped_shares(frame, r.lang, r.min_cell, C.STATEMENT_COLOURS, r.t("share"))
        html.append('<div class="grid2">' + r.chart(fig, "fears-by-type", r.t("fears_by_type")))
        html.append(
            r.chart(_concerns_figure(r, keys), "fears-concern", r.t("fears_concern")) + "</div>"
        )
    html.append('<div class="grid2">')
    for key in keys:
        quotes = select_quotes(r.tables, key, r.min_cell, r.quotes)
        body = "".join(r.quote(row) for _, row in quotes.iterrows())
        if not body:
            body = f'<p class="muted">{escape(r.t("no_quotes"))}</p>'
        html.append(f"<div><h3>{escape(r.t('quotes_' + key))}</h3>{body}</div>")
    html.append("</div>")
    return "".join(html)


def _concerns_figure(r: _Report, keys: tuple[str, ...]) -> Any:
    series = {k: concern_counts(r.tables, k, r.min_cell) for k in keys}
    themes = [t for t in S.THEME_KEYS if any(t in s.dropna().index for s in series.values())]
    if not themes:
        return None
    frame = pd.DataFrame({k: s.reindex(themes) for k, s in series.items()})
    frame.index = [T.theme_name(r.lang, t) for t in themes]
    frame.attrs["names"] = {k: T.statement_type_name(r.lang, k) for k in keys}
    return C.grouped_shares(
        frame, r.lang, r.min_cell, C.STATEMENT_COLOURS, r.t("contributions"), percent=False
    )


def _weights(r: _Report) -> dict[str, float]:
    config = r.tables.manifest.get("config") or {}
    weights = ((config.get("analysis") or {}).get("weights")) or {}
    return {k: float(weights.get(k, v)) for k, v in DEFAULT_WEIGHTS.items()}


def _priorities(r: _Report) -> str:
    html = [f'<p class="lead">{escape(r.t("priorities_intro", min_cell=r.min_cell))}</p>']
    prio = top_priorities(r.tables, r.min_cell)
    if prio.empty:
        return html[0] + f'<p class="muted">{escape(r.t("no_priorities"))}</p>'
    names = {k: r.t("comp_" + k) for k in T.PRIORITY_COMPONENTS}
    weights = _weights(r)
    for key in r.types_in_order(prio["_type"]):
        group = prio[prio["_type"] == key].copy()
        group["display"] = [
            f"{int(rank)}. {T.theme_name(r.lang, th)} · {T.statement_type_name(r.lang, st)}"
            for rank, th, st in zip(
                group["rank"], group["theme"], group["statement_type"], strict=True
            )
        ]
        html.append(f'<section class="subsection"><h3>{escape(r.type_long(key))}</h3>')
        fig = C.priority_components(group, weights, names, r.lang, r.t("weighted_contribution"))
        html.append(r.chart(fig, f"priorities-{key}"))
        headers = [(r.t("rank"), "num"), (r.t("theme"), "text"), (r.t("statement_type"), "text"),
                   (r.t("score"), "num"), ("n", "num"), (r.t("evidence"), "text")]  # fmt: skip
        rows = []
        for _, row in group.iterrows():
            quotes = evidence_quotes(r.tables, row, r.min_cell)
            evidence = ""
            if not quotes.empty:
                inner = "".join(r.quote(q) for _, q in quotes.head(3).iterrows())
                evidence = f"<details><summary>{escape(r.t('show_evidence', n=min(3, len(quotes))))}</summary>{inner}</details>"
            rows.append([
                (r.num(row["rank"]), row["rank"]),
                (escape(T.theme_name(r.lang, str(row["theme"]))), row["theme"]),
                (escape(T.statement_type_name(r.lang, str(row["statement_type"]))), row["statement_type"]),
                (r.num(row["score"], 3), row["score"]),
                r.count_cell(row["n"]),
                (evidence, len(quotes)),
            ])  # fmt: skip
        html.append(
            r.table(headers, rows, f"table-priorities-{key}", filterable=False) + "</section>"
        )
    return "".join(html)


def _quarter_types(r: _Report) -> str:
    html = [f'<p class="lead">{escape(r.t("quarter_types_intro"))}</p>']
    prof = r.tables.quarter_profiles
    if not prof.empty and S.QUARTER_TYPE in prof.columns:
        zcols = [c for c in prof.columns if c.startswith("z_")]
        if zcols:
            ordered = prof.assign(_k=prof[S.QUARTER_TYPE].map(type_key))
            ordered = ordered.set_index("_k").loc[r.types_in_order(ordered["_k"])]
            z = ordered[zcols].apply(pd.to_numeric, errors="coerce")
            raw_cols = [c[2:] for c in zcols]
            raw = pd.DataFrame({c: pd.to_numeric(ordered[c], errors="coerce") if c in ordered else math.nan
                                for c in raw_cols}, index=ordered.index)  # fmt: skip
            z.index = raw.index = [r.type_short(k) for k in ordered.index]
            z.columns = raw.columns = [T.indicator_name(r.lang, c) for c in raw_cols]
            html.append(r.chart(C.profile_heatmap(z, raw, r.lang, "z"), "profiles", r.t("profile")))
            html.append(_type_legend(r, list(ordered.index)))
    q = r.tables.quarters
    if not q.empty and S.QUARTER in q.columns:
        cols = [c for c in q.columns if c not in (S.QUARTER, S.QUARTER_TYPE, S.QUARTER_TYPE_LABEL)]
        headers = [(r.t("quarter"), "text"), (r.t("quarter_type"), "text")] + [
            (T.indicator_name(r.lang, c), "num" if pd.api.types.is_numeric_dtype(q[c]) else "text")
            for c in cols
        ]
        rows = []
        for _, row in q.iterrows():
            cells = [
                (escape(str(row[S.QUARTER])), row[S.QUARTER]),
                r.type_cell(row.get(S.QUARTER_TYPE)),
            ]
            for c in cols:
                v = row[c]
                if pd.api.types.is_numeric_dtype(q[c]) and not _missing(v):
                    digits = 0 if float(v).is_integer() else 2
                    cells.append((r.num(v, digits), v))
                else:
                    cells.append(
                        (escape("" if _missing(v) else str(v)), "" if _missing(v) else str(v))
                    )
            rows.append(cells)
        html.append(r.table(headers, rows, "table-quarters"))
    return "".join(html)


def _map(r: _Report) -> str:
    geo = r.tables.geojson
    if not geo:
        return f'<p class="muted">{escape(r.t("no_map"))}</p>'
    q = r.tables.quarters
    types: dict[str, str] = {}
    if not q.empty and S.QUARTER in q.columns and S.QUARTER_TYPE in q.columns:
        types = {str(a): type_key(b) for a, b in zip(q[S.QUARTER], q[S.QUARTER_TYPE], strict=True)}
    counts = participation(r.tables, S.QUARTER, r.min_cell)
    comp = {str(k) for k in counts.attrs.get("complementary", [])}
    hover = {}
    names = {
        f.get("properties", {}).get("quarter")
        for f in geo.get("features", [])
        if isinstance(f, dict)
    }
    for name in sorted(str(n) for n in names if n is not None):
        n = counts.get(name, 0.0) if name not in counts.index else counts[name]
        shown = (escape(r.t("not_shown")) if name in comp else r.sup()) if _missing(n) else r.num(n)
        hover[name] = (f"<b>{escape(name)}</b><br>{escape(r.type_long(types.get(name, '')))}"
                       f"<br>{escape(r.t('contributions'))}: {shown}")  # fmt: skip
    type_names = {k: r.type_long(k) for k in set(types.values())}
    fig = C.quarter_map(geo, types, type_names, hover, r.lang)
    return f'<p class="lead">{escape(r.t("map_intro"))}</p>' + r.chart(fig, "map")


def _flat(mapping: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            out.update(_flat(value, f"{name}."))
        else:
            out[name] = value
    return out


def _facts(r: _Report, title: str, mapping: dict[str, Any]) -> str:
    if not mapping:
        return ""
    mapping = _flat(mapping)
    rows = "".join(
        f"<tr><th>{escape(str(k))}</th><td>{escape(json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else str(v))}</td></tr>"
        for k, v in mapping.items()
    )
    return f'<div class="facts"><h3>{escape(title)}</h3><table class="kv">{rows}</table></div>'


def _method(r: _Report) -> str:
    m = r.tables.manifest
    caveats = "".join(
        f"<li>{escape(r.t(k, min_cell=r.min_cell))}</li>"
        for k in ("caveat_auto", "caveat_suppression", "caveat_proxy")
    )
    inp = dict(m.get("input") or {})
    if "sha256" in inp:
        inp["sha256"] = str(inp["sha256"])[:16] + "…"
    facts = [
        _facts(
            r,
            r.t("input"),
            {**inp, "tool_version": m.get("tool_version", ""), "created": m.get("created", "")},
        ),
        _facts(r, r.t("rows_by_status"), _rows_by_status(r)),
        _facts(r, r.t("redaction"), m.get("redaction") or {}),
        _facts(r, r.t("suppression"), {"min_cell": r.min_cell, **(m.get("suppression") or {})}),
        _facts(r, r.t("models"), m.get("models") or {}),
        _facts(r, r.t("versions"), m.get("packages") or {}),
        _facts(r, r.t("timings"), m.get("timings_s") or {}),
    ]
    unmatched = len(m.get("unmatched_quarters") or [])  # raw input values: a count only
    note = f"<p>{escape(r.t('unmatched_count', n=unmatched))}</p>" if unmatched else ""
    return (
        f'<p class="lead">{escape(r.t("method_intro", min_cell=r.min_cell))}</p>'
        f"<h3>{escape(r.t('caveats_title'))}</h3><ul>{caveats}</ul>{note}"
        f'<div class="facts-grid">{"".join(facts)}</div>'
    )


def _rows_by_status(r: _Report) -> dict[str, int]:
    """Input rows by status with readable names; exact (rows, not people, so no suppression)."""
    status = r.tables.contributions.get(S.STATUS, pd.Series(dtype=str)).astype(str)
    counts = status.value_counts().sort_index()
    out = {T.status_name(r.lang, str(k)): int(v) for k, v in counts.items()}
    out[r.t("skipped_total")] = sum(skipped_rows(r.tables).values())
    return out


def render_html(
    tables: RunTables, language: str = "de", min_cell: int = 5, title: str | None = None,
    quotes_per_section: int = 6,
) -> str:  # fmt: skip
    """The complete report page as one string (plotly.js, CSS and JS inline)."""
    from plotly.offline import get_plotlyjs

    r = _Report(tables, language, min_cell, quotes_per_section)
    heading = title or r.t("default_title")
    builders = {
        "overview": _overview, "topics": _topics, "themes": _theme_heatmap,
        "statement-types": _statement_types, "fears": _fears, "priorities": _priorities,
        "quarter-types": _quarter_types, "map": _map, "method": _method,
    }  # fmt: skip
    sections = []
    for sid in SECTION_IDS:
        body = builders[sid](r)
        sections.append(
            f'<section id="{sid}" class="section"><h2>{escape(r.t(_SECTION_TEXT[sid]))}</h2>{body}</section>'
        )
    nav = "".join(f'<a href="#{sid}">{escape(r.t(_SECTION_TEXT[sid]))}</a>' for sid in SECTION_IDS)
    created = str(tables.manifest.get("created", ""))[:10]
    sub = r.t("generated", created=created or "–", n=r.num(len(tables.analysed)))
    plotly_js = get_plotlyjs()
    return (
        f'<!DOCTYPE html><html lang="{r.t("html_lang")}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(heading)}</title><style>{CSS}</style></head><body>"
        f'<header class="top"><div class="wrap"><h1>{escape(heading)}</h1><p>{escape(sub)}</p></div>'
        f'</header><nav aria-label="{escape(r.t("nav_label"))}"><div class="wrap">{nav}</div></nav>'
        f'<main class="wrap">{"".join(sections)}</main>'
        f'<footer class="wrap muted">{escape(r.t("footer", version=__version__))}</footer>'
        f'<script id="plotly-js">{plotly_js}</script><script>{JS}</script></body></html>'
    )


CSS = """
:root{--ink:#23313d;--muted:#6b7780;--line:#e1e5e8;--bg:#f6f7f5;--card:#fff;--accent:#3e6d8e;
--accent-soft:#e8f0f5;--sup:#eceeef}
*{box-sizing:border-box}
html{scroll-behavior:smooth;scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",
Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
header.top{background:#fff;border-bottom:1px solid var(--line)}
header.top h1{margin:0;padding:22px 0 2px;font-size:26px;font-weight:650;letter-spacing:-.01em}
header.top p{margin:0 0 14px;color:var(--muted)}
nav{position:sticky;top:0;z-index:10;background:rgba(255,255,255,.96);border-top:1px solid var(--line);
backdrop-filter:blur(4px)}
nav .wrap{display:flex;flex-wrap:wrap;gap:2px 4px;padding-top:6px;padding-bottom:6px}
nav a{color:var(--ink);text-decoration:none;padding:5px 10px;border-radius:6px;font-size:14px}
nav a:hover,nav a:focus{background:var(--accent-soft);color:var(--accent)}
.section{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:22px 0;
padding:8px 26px 22px}
.section h2{font-size:21px;margin:18px 0 6px;font-weight:650;color:var(--accent)}
h3{font-size:16px;margin:20px 0 6px;font-weight:620}
.lead{color:#3a4853;max-width:78ch;margin:4px 0 14px}
.muted{color:var(--muted)}.small{font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:8px 0 14px}
.card{background:var(--accent-soft);border-radius:8px;padding:12px 14px;color:#33495a}
.card .big{font-size:26px;font-weight:650;color:var(--accent);line-height:1.2}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:8px 28px}
figure{margin:0}
.chart-box{margin:6px 0 14px;min-width:0}
.chart-box h3{margin-bottom:2px}
.chart{width:100%;min-height:200px}
figcaption.muted{font-size:13px}
.table-tools{display:flex;align-items:center;gap:12px;margin:10px 0 6px}
.table-filter{font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:6px;min-width:240px}
.table-wrap{overflow:auto;max-height:520px;border:1px solid var(--line);border-radius:8px}
table.data{border-collapse:collapse;width:100%;font-size:14px}
table.data th{position:sticky;top:0;background:#f0f3f5;text-align:left;font-weight:600;padding:7px 10px;
cursor:pointer;white-space:nowrap;border-bottom:1px solid var(--line);user-select:none}
table.data th[aria-sort=ascending]::after{content:" ▲";color:var(--accent)}
table.data th[aria-sort=descending]::after{content:" ▼";color:var(--accent)}
table.data td{padding:6px 10px;border-bottom:1px solid #eef1f3;vertical-align:top}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data tbody tr:hover{background:#fafbfc}
.sup{display:inline-block;padding:0 6px;border-radius:4px;color:var(--muted);
background:repeating-linear-gradient(45deg,var(--sup),var(--sup) 4px,#f7f8f8 4px,#f7f8f8 8px)}
.quote{background:#fbfbfa;border-left:3px solid var(--accent);border-radius:0 8px 8px 0;
padding:10px 14px;margin:10px 0}
.quote blockquote{margin:0 0 6px;font-size:15px}
.quote figcaption{font-size:13px;color:var(--muted)}
.lang-tag{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.04em;color:#fff;
background:var(--accent);border-radius:4px;padding:1px 6px}
details summary{cursor:pointer;color:var(--accent);font-size:13px}
details .quote{margin:6px 0}
.type-legend{list-style:none;padding:0;margin:0 0 10px;color:var(--muted);font-size:13px;
display:flex;flex-wrap:wrap;gap:4px 22px}
.glance-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px;
margin:4px 0 10px}
.glance{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.glance h4{margin:0 0 4px;font-size:14px;font-weight:620;color:#33495a}
.glance ol{margin:0;padding-left:20px}
.subsection{border-top:1px solid var(--line);margin-top:14px}
.facts-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:6px 28px}
table.kv{border-collapse:collapse;font-size:13px;width:100%}
table.kv th{text-align:left;font-weight:500;color:var(--muted);padding:3px 10px 3px 0;width:45%;
vertical-align:top}
table.kv td{padding:3px 0;word-break:break-word}
footer{padding:10px 24px 40px;font-size:13px}
@media print{nav{display:none}header.top{position:static}.section{break-inside:avoid-page}}
"""

JS = """
(function(){
  var canHover=window.matchMedia&&window.matchMedia('(hover: hover)').matches;
  var cfg={displaylogo:false,responsive:true,displayModeBar:canHover?'hover':false,
    modeBarButtons:[['toImage','resetScale2d']]};
  document.querySelectorAll('.chart').forEach(function(el){
    var spec=JSON.parse(document.getElementById(el.getAttribute('data-spec')).textContent);
    Plotly.newPlot(el,spec.data,spec.layout,cfg);
  });
  function key(td,num){
    var v=td.getAttribute('data-sort');
    if(num){var f=parseFloat(v);return isNaN(f)?-Infinity:f;}
    return (v===null?td.textContent:v).toLowerCase();
  }
  function sortBy(th){
    var table=th.closest('table'),body=table.tBodies[0];
    var idx=Array.prototype.indexOf.call(th.parentNode.children,th);
    var num=th.getAttribute('data-type')==='num';
    var asc=th.getAttribute('aria-sort')!=='ascending';
    th.parentNode.querySelectorAll('th').forEach(function(h){h.setAttribute('aria-sort','none');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
      var x=key(a.cells[idx],num),y=key(b.cells[idx],num);
      var c=num?(x-y):String(x).localeCompare(String(y),document.documentElement.lang);
      return asc?c:-c;
    });
    rows.forEach(function(row){body.appendChild(row);});
  }
  document.querySelectorAll('table.data th').forEach(function(th){
    th.addEventListener('click',function(){sortBy(th);});
    th.addEventListener('keydown',function(e){if(e.key==='Enter'){sortBy(th);}});
  });
  document.querySelectorAll('.table-filter').forEach(function(input){
    input.addEventListener('input',function(){
      var q=input.value.toLowerCase(),table=document.getElementById(input.getAttribute('data-table'));
      Array.prototype.forEach.call(table.tBodies[0].rows,function(row){
        row.style.display=row.textContent.toLowerCase().indexOf(q)>=0?'':'none';
      });
    });
  });
})();
"""
