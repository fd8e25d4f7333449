"""``summary.md``: one to two pages for planners, generated from the stored tables only.

No number below ``min_cell`` is ever written: such groups are named with "weniger als 5".
"""

from __future__ import annotations

import html
import math

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.reporting import texts as T
from nlp_integration.reporting.charts import fmt_number, fmt_pct
from nlp_integration.reporting.load import (
    RunTables,
    concern_counts,
    ordered_types,
    participation,
    skipped_rows,
    top_priorities,
    type_key,
    type_labels,
)
from nlp_integration.reporting.quotes import evidence_quotes, select_quotes

TOP_PER_TYPE = 3
QUOTE_CHARS = 160
SHOW_PER_DIMENSION = 6


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def md_quote(text: object, lang: object, limit: int = QUOTE_CHARS, marks: str = "„“") -> str:
    """A short, escaped quote with its language tag: „…“ *(tr)*."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[:limit].rsplit(" ", 1)[0] + " …"
    flat = html.escape(flat, quote=False)
    for char in ("\\", "`", "*", "_", "|"):
        flat = flat.replace(char, "\\" + char)
    code = html.escape(str(lang or S.UNDETERMINED_LANG))
    return f"{marks[0]}{flat}{marks[1]} *({code})*"


class _Summary:
    def __init__(self, tables: RunTables, language: str, min_cell: int) -> None:
        self.tables = tables
        self.lang = language
        self.min_cell = min_cell
        self.labels = type_labels(tables)
        self.marks = "„“" if language == "de" else "“”"

    def t(self, key: str, **values: object) -> str:
        return T.t(self.lang, key, min_cell=self.min_cell, **values)

    def num(self, value: float, decimals: int = 0) -> str:
        return fmt_number(float(value), self.lang, decimals)

    def type_name(self, key: object) -> str:
        k = type_key(key)
        short = T.t(self.lang, "type_n", n=k) if k.isdigit() else k
        label = self.labels.get(k)
        return f"{short} – {label}" if label else short

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.t('md_and')} " + items[-1]

    # ------------------------------------------------------------------ parts
    def header(self, title: str) -> list[str]:
        data = self.tables.analysed
        langs = participation(self.tables, S.LANG, self.min_cell)
        quarters = participation(self.tables, S.QUARTER, self.min_cell)
        real = [q for q in quarters.index if q not in (S.UNKNOWN_QUARTER, S.CITYWIDE_QUARTER)]
        created = str(self.tables.manifest.get("created", ""))[:10] or "–"
        basis = self.t("md_basis", created=created, n=self.num(len(data)), langs=len(langs),
                       quarters=len(real))  # fmt: skip
        return [f"# {self.t('md_title', title=title)}", "", f"*{basis}*", ""]

    def priorities(self) -> list[str]:
        lines = [f"## {self.t('md_priorities')}", ""]
        prio = top_priorities(self.tables, self.min_cell, TOP_PER_TYPE)
        cross = self.tables.crosstabs.get("quarter_type", pd.DataFrame())
        all_types = ordered_types(
            list(self.tables.priorities["quarter_type"])
            + list(self.tables.quarters.get(S.QUARTER_TYPE, []))
            + list(cross.get("level", []))
        )
        if not all_types:
            return lines + [self.t("md_no_priorities"), ""]
        quarters = self.tables.quarters
        for key in all_types:
            lines += [f"### {self.type_name(key)}", ""]
            if not quarters.empty and S.QUARTER_TYPE in quarters.columns:
                names = quarters.loc[quarters[S.QUARTER_TYPE].map(type_key) == key, S.QUARTER]
                if len(names):
                    lines += [self.t("md_quarters_of_type", names=", ".join(map(str, names))), ""]
            group = prio[prio["_type"] == key] if not prio.empty else prio
            if group.empty:
                lines += [self.t("md_no_priorities"), ""]
                continue
            used: set[str] = set()
            for i, (_, row) in enumerate(group.iterrows(), start=1):
                line = self.t(
                    "md_priority_line",
                    theme=T.theme_name(self.lang, str(row["theme"])),
                    stype=T.statement_type_name(self.lang, str(row["statement_type"])),
                    score=self.num(float(row["score"]), 3),
                    n=self.num(float(row["n"])),
                )
                quotes = evidence_quotes(self.tables, row, self.min_cell)
                fresh = (
                    quotes[~quotes[S.TEXT].astype(str).isin(used)] if not quotes.empty else quotes
                )
                if not fresh.empty:
                    first = fresh.iloc[0]
                    used.add(str(first[S.TEXT]))
                    line += " " + md_quote(first[S.TEXT], first.get(S.LANG), marks=self.marks)
                else:
                    line += " " + self._count_evidence(cross, key, str(row["theme"]))
                lines.append(f"{i}. {line}")
            n_ok = int((top_priorities(self.tables, self.min_cell)["_type"] == key).sum())
            n_all = int((self.tables.priorities["quarter_type"].map(type_key) == key).sum())
            if n_ok < TOP_PER_TYPE and n_all > n_ok:
                lines += ["", self.t("md_fewer_priorities")]
            lines.append("")
        return lines

    def _count_evidence(self, cross: pd.DataFrame, key: str, theme: str) -> str:
        if cross.empty:
            return ""
        row = cross[(cross["level"] == key) & (cross["label"] == theme) & ~cross["suppressed"]]
        if row.empty or _missing(row.iloc[0]["share"]):
            return ""
        r = row.iloc[0]
        lift = "–" if _missing(r["lift"]) else self.num(float(r["lift"]), 1) + "×"
        return self.t("md_evidence_counts", share=fmt_pct(float(r["share"]), self.lang), lift=lift)

    def fears(self) -> list[str]:
        lines = [f"## {self.t('md_fears')}", ""]
        data = self.tables.analysed
        cross = self.tables.crosstabs.get("quarter_type", pd.DataFrame())
        for key in ("fear", "prejudice"):
            name = T.t(self.lang, "md_name_" + key)
            has = data.get(S.STATEMENT_TYPES, pd.Series(dtype=object)).map(
                lambda cell, k=key: k in S.split_labels(cell)
            )
            n = int(has.sum()) if len(has) else 0
            if n < self.min_cell:
                lines.append(f"- {self.t('md_fear_small', name=name)}")
                continue
            parts = [self.t("md_fear_line", name=name, n=self.num(n),
                            share=fmt_pct(n / max(1, len(data)), self.lang))]  # fmt: skip
            concerns = concern_counts(self.tables, key, self.min_cell).dropna()
            concerns = concerns.sort_values(ascending=False, kind="stable").head(3)
            if len(concerns):
                themes = [
                    f"{T.theme_name(self.lang, k)} ({self.num(v)})" for k, v in concerns.items()
                ]
                parts.append(self.t("md_concern", themes=self.join(themes)))
            if not cross.empty:
                parts += self._most_in(cross[cross["label"] == key])
            quotes = select_quotes(self.tables, key, self.min_cell, 1)
            if not quotes.empty:
                q = quotes.iloc[0]
                parts.append(
                    self.t("md_example", quote=md_quote(q[S.TEXT], q.get(S.LANG), marks=self.marks))
                )
            lines.append("- " + " ".join(parts))
        return lines + [""]

    def _most_in(self, rows: pd.DataFrame) -> list[str]:
        """Where a label is most frequent; qualified when a competing type is suppressed."""
        shown = rows[~rows["suppressed"]].dropna(subset=["share"])
        if shown["significant"].any():
            shown = shown[shown["significant"] & (shown["lift"] > 1)]
        if shown.empty:
            return []
        best = shown.sort_values(["share", "level"], ascending=[False, True]).iloc[0]
        where = (f"{self.type_name(best['level'])} ({fmt_pct(float(best['share']), self.lang)}, "
                 f"{T.t(self.lang, 'md_city')} {fmt_pct(float(best['share_city']), self.lang)})")  # fmt: skip
        key = "md_most_in_shown" if rows["suppressed"].any() else "md_most_in"
        return [self.t(key, types=where)]

    def heard(self) -> list[str]:
        lines = [f"## {self.t('md_heard')}", ""]
        for column, key in ((S.LANG, "md_dim_language"), (S.GROUP, "md_dim_group"),
                            (S.CHANNEL, "md_dim_channel")):  # fmt: skip
            counts = participation(self.tables, column, self.min_cell)
            if counts.empty:
                continue
            name = (lambda c: T.language_name(self.lang, c)) if column == S.LANG else str
            shown = [f"{name(k)} ({self.num(v)})" for k, v in counts.dropna().items()][
                :SHOW_PER_DIMENSION
            ]
            rest = len(counts.dropna()) - len(shown)
            text = ", ".join(shown) + (f", … (+{rest})" if rest > 0 else "")
            comp = {str(k) for k in counts.attrs.get("complementary", [])}
            small = [name(k) for k, v in counts.items() if _missing(v) and str(k) not in comp]
            hidden = [name(k) for k in counts.index if str(k) in comp]
            if small:
                text += "; " + self.t("md_fewer", names=", ".join(small))
            if hidden:
                text += "; " + self.t("md_not_shown", names=", ".join(hidden))
            lines.append(f"- **{self.t(key)}**: {text}.")
        lines += self._quarters_heard()
        return lines + [""]

    def _quarters_heard(self) -> list[str]:
        counts = participation(self.tables, S.QUARTER, self.min_cell)
        q = self.tables.quarters
        parts: list[str] = []
        if not q.empty and S.QUARTER in q.columns:
            names = [str(v) for v in q[S.QUARTER]]
            none = [n for n in names if n not in counts.index]
            comp = {str(k) for k in counts.attrs.get("complementary", [])}
            small = [
                n for n in names if n in counts.index and _missing(counts[n]) and n not in comp
            ]
            hidden = [n for n in names if n in comp]
            if "population" in q.columns:
                pop = pd.to_numeric(q["population"], errors="coerce")
                rate = (
                    pd.Series([counts.get(n, math.nan) for n in names], index=names, dtype=float)
                    / pop.to_numpy()
                    * 1000
                )
                rate = rate.dropna().sort_values(kind="stable")
                if len(rate) >= 3:
                    fmt = lambda n, v: f"{n} ({self.t('md_per_1000', value=self.num(v, 1))})"  # noqa: E731
                    parts.append(
                        self.t(
                            "md_high_rate",
                            names=", ".join(fmt(n, v) for n, v in rate.tail(2)[::-1].items()),
                        )
                    )
                    parts.append(
                        self.t(
                            "md_low_rate",
                            names=", ".join(fmt(n, v) for n, v in rate.head(2).items()),
                        )
                    )
            if small:
                parts.append(self.t("md_fewer", names=", ".join(small)))
            if hidden:
                parts.append(self.t("md_not_shown", names=", ".join(hidden)))
            if none:
                parts.append(self.t("md_none", names=", ".join(none)))
        elif len(counts):
            shown = [f"{k} ({self.num(v)})" for k, v in counts.dropna().items()][
                :SHOW_PER_DIMENSION
            ]
            parts.append(", ".join(shown))
        return [f"- **{self.t('md_dim_quarter')}**: " + "; ".join(parts) + "."] if parts else []

    def caveats(self) -> list[str]:
        lines = [f"## {self.t('md_caveats')}", ""]
        for key in ("caveat_auto", "caveat_suppression", "caveat_proxy"):
            lines.append(f"- {self.t(key)}")
        skipped = skipped_rows(self.tables)  # rows, not people: the exact figure, as in the HTML
        if skipped:
            reasons = ", ".join(
                f"{T.reason_name(self.lang, k)}: {self.num(v)}" for k, v in skipped.items()
            )
            lines.append(
                f"- {self.t('md_skipped', n=self.num(sum(skipped.values())), reasons=reasons)}"
            )
        return lines + ["", self.t("md_details"), ""]


def render_markdown(
    tables: RunTables, language: str = "de", min_cell: int = 5, title: str | None = None
) -> str:
    """The planners' summary as Markdown text (deterministic for the same tables)."""
    s = _Summary(tables, language, min_cell)
    heading = title or T.t(language, "default_title")
    lines = s.header(heading) + s.priorities() + s.fears() + s.heard() + s.caveats()
    return "\n".join(lines).rstrip() + "\n"
