"""Reports rendered from a fixture run folder built to the table contract (DEVELOPERS.md)."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from reporting_fixture import (
    FORMULA_TEXT,
    HIDDEN_MARKERS,
    MIN_CELL,
    NEVER_QUOTED,
    RESIDUE_TEXT,
    SCRIPT_TEXT,
    SMALL_CHANNEL,
    SMALL_CHANNEL_TEXT,
    SMALL_GROUP,
    SMALL_LANG,
    SMALL_QUARTER,
    write_fixture_run,
)

from nlp_integration import schemas as S
from nlp_integration.errors import ConfigError, InputFileError
from nlp_integration.reporting import charts, render_reports
from nlp_integration.reporting.load import (
    load_run,
    participation,
    small_level_mask,
    suppress_counts,
    top_priorities,
    type_key,
)
from nlp_integration.reporting.quotes import evidence_quotes, personal_residue, select_quotes
from nlp_integration.reporting.texts import LANGUAGE_NAMES, STATEMENT_TYPE_NAMES, THEME_NAMES

SECTIONS = (
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


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    folder = write_fixture_run(tmp_path_factory.mktemp("run") / "run")
    return folder, render_reports(folder)


@pytest.fixture(scope="module")
def page(run) -> str:
    return run[1]["html"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def summary(run) -> str:
    return run[1]["markdown"].read_text(encoding="utf-8")


def _without_plotly(text: str) -> str:
    return re.sub(r'<script id="plotly-js">.*?</script>', "", text, flags=re.S)


def _figure(page: str, name: str) -> dict:
    match = re.search(
        rf'<script type="application/json" id="chart-{name}-spec">(.*?)</script>', page, re.S
    )
    assert match, f"chart {name} missing"
    return json.loads(match.group(1))


def _quotes(page: str) -> list[str]:
    return [
        html.unescape(q) for q in re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", page, re.S)
    ]


# ------------------------------------------------------------------------------------ files
def test_render_writes_three_reports(run):
    folder, paths = run
    assert set(paths) == {"html", "markdown", "excel"}
    for path in paths.values():
        assert path.parent == folder and path.stat().st_size > 0
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*.tmp"))


# ------------------------------------------------------------------------------------- html
def test_html_has_every_section_and_navigation(page):
    for sid in SECTIONS:
        assert f'<section id="{sid}"' in page
        assert f'href="#{sid}"' in page
    assert '<html lang="de">' in page and "Überblick" in page and "Ängste und Vorurteile" in page


def test_html_is_self_contained(page):
    assert page.count('<script id="plotly-js">') == 1
    assert "Plotly.newPlot" in page
    rest = _without_plotly(page)
    assert "http://" not in rest and "https://" not in rest
    assert not re.search(r"<(script|img|iframe|link)[^>]+(src|href)\s*=", page, re.I)
    assert "@import" not in rest and "url(" not in rest


def test_contribution_text_is_escaped_everywhere(page, summary):
    assert "<script>alert(1)</script>" not in page
    assert html.escape(SCRIPT_TEXT) in page  # quoted as text
    assert "<script>alert(1)" not in summary and "<script" not in summary


def test_figure_labels_are_escaped():
    counts = pd.Series({"<script>x</script>": 9.0, "a&b": 7.0})
    fig = charts.count_bar(counts, {}, "de", MIN_CELL, "Beiträge")
    spec = charts.figure_json(fig)
    assert "<" not in spec and ">" not in spec
    data = json.loads(spec)["data"][0]
    assert data["y"][0] == "&lt;script&gt;x&lt;/script&gt;" and data["y"][1] == "a&amp;b"


def test_small_participation_counts_are_suppressed(page):
    lang = _figure(page, "participation-lang")["data"][0]
    name = f"{LANGUAGE_NAMES['de'][SMALL_LANG]} ({SMALL_LANG})"
    i = lang["y"].index(name)
    assert lang["x"][i] == 0 and lang["text"][i] == f"&lt; {MIN_CELL}"
    group = _figure(page, "participation-group")["data"][0]
    i = group["y"].index(SMALL_GROUP)
    assert group["x"][i] == 0 and "&lt;" in group["text"][i]
    for fig_name in ("participation-lang", "participation-group", "participation-quarter"):
        bars = _figure(page, fig_name)["data"][0]
        shown = [
            x for x, t in zip(bars["x"], bars["text"], strict=True) if "&lt;" not in t and t != "–"
        ]
        assert all(x >= MIN_CELL for x in shown)


def test_suppressed_crosstab_cells_are_blank_in_heatmap(run, page):
    folder, _ = run
    cross = pd.read_csv(folder / "crosstab_quarter_type.csv")
    themes = cross[cross["label_kind"] == "theme"]
    grey, fig = _figure(page, "themes-heatmap")["data"]  # suppressed layer, values layer
    rows = {THEME_NAMES["de"][k]: k for k in S.THEME_KEYS}
    suppressed = 0
    for r, row_name in enumerate(fig["y"]):
        for c, col in enumerate(fig["x"][:-1]):  # last column: city
            level = int(col.split()[-1])
            label = rows[html.unescape(row_name)]
            cell = themes[(themes["label"] == label) & (themes["level"] == level)]
            if bool(cell["suppressed"].iloc[0]):
                suppressed += 1
                assert fig["z"][r][c] is None and fig["text"][r][c] == ""
                assert grey["z"][r][c] == 1 and grey["text"][r][c] == f"&lt; {MIN_CELL}"
            else:
                assert fig["z"][r][c] == pytest.approx(float(cell["share"].iloc[0]))
                assert grey["z"][r][c] is None and "&lt;" not in fig["text"][r][c]
    assert suppressed > 0


def test_quotes_only_from_cells_with_enough_contributions(run, page, summary):
    folder, _ = run
    for marker in HIDDEN_MARKERS:
        assert marker not in page and marker not in summary
    contributions = pd.read_parquet(folder / "contributions.parquet")
    cross = pd.read_csv(folder / "crosstab_quarter_type.csv")
    ok = cross[(~cross["suppressed"].astype(bool)) & (cross["n"] >= MIN_CELL)]
    allowed = {(int(a), b) for a, b in zip(ok["level"], ok["label"], strict=True)}
    fears = page[page.index('<section id="fears"') : page.index('<section id="priorities"')]
    quotes = _quotes(fears)
    assert quotes and SCRIPT_TEXT in quotes
    for text in quotes:
        rows = contributions[contributions[S.TEXT] == text.rstrip(" …")]
        assert any(
            (int(qt), label) in allowed
            for qt, labels in zip(rows[S.QUARTER_TYPE], rows[S.STATEMENT_TYPES], strict=True)
            for label in S.split_labels(labels)
            if label in ("fear", "prejudice") and not pd.isna(qt)
        ), text


def test_quotes_carry_language_tags(page):
    tags = re.findall(r'<blockquote lang="([a-z]+)" dir="auto">', page)
    assert {"de", "tr", "ar"} <= set(tags)


# ------------------------------------------------------------------------------------ excel
def test_excel_sheets_are_formatted_and_formula_free(run):
    folder, paths = run
    wb = load_workbook(paths["excel"])
    names = wb.sheetnames
    assert names[0] == "README"
    expected = ["Beiträge", "Themen", "Prioritäten", "Kreuztab. Quartierstyp", "Kreuztab. Kanal",
                "Kreuztab. Gruppe", "Kreuztab. Sprache", "Quartiere", "Profile", "Manifest"]  # fmt: skip
    assert names[1:] == expected
    readme_sheets = {
        wb["README"].cell(row=i, column=1).value for i in range(2, wb["README"].max_row + 1)
    }
    assert set(expected) <= readme_sheets
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref, ws.title
        assert all(cell.font.bold for cell in ws[1]), ws.title
        for column in ws.column_dimensions.values():
            assert column.width <= 100
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    prio = wb["Prioritäten"]
    header = [c.value for c in prio[1]]
    assert len(header) == len(pd.read_csv(folder / "priorities.csv").columns)
    assert prio.cell(row=2, column=header.index("Score") + 1).number_format == "0.000"
    cross = wb["Kreuztab. Quartierstyp"]
    header = [c.value for c in cross[1]]
    assert cross.cell(row=2, column=header.index("Anteil") + 1).number_format == "0.0%"
    texts = [c.value for c in wb["Beiträge"]["B"] if isinstance(c.value, str)]
    assert "'" + FORMULA_TEXT in texts and FORMULA_TEXT not in texts


# ---------------------------------------------------------------------------------- summary
def test_summary_lists_exactly_the_top_priorities(run, summary):
    folder, _ = run
    prio = pd.read_csv(folder / "priorities.csv")
    prio = prio[prio["n"] >= MIN_CELL].sort_values(["quarter_type", "rank"])
    blocks = re.split(r"^### ", summary, flags=re.M)[1:]
    by_type = {int(re.match(r"Typ (\d+)", b).group(1)): b for b in blocks}
    assert set(by_type) == set(pd.read_csv(folder / "priorities.csv")["quarter_type"])
    for qtype, group in prio.groupby("quarter_type"):
        listed = re.findall(r"^\d+\. \*\*(.+?) – (.+?)\*\*", by_type[int(qtype)], flags=re.M)
        expected = [
            (THEME_NAMES["de"][t], STATEMENT_TYPE_NAMES["de"][s])
            for t, s in zip(group["theme"].head(3), group["statement_type"].head(3), strict=True)
        ]
        assert listed == expected


def test_summary_has_no_count_below_min_cell(summary):
    text = re.sub(r"„.*?“", "", summary)  # quotes are the contributions' own words
    counts = [int(n) for n in re.findall(r"(\d+) Beiträge", text)]
    counts += [int(n) for n in re.findall(r"\((\d+)\)", text)]
    assert counts and min(counts) >= MIN_CELL
    heard = summary[summary.index("## Wer wurde gehört") :]
    assert f"weniger als {MIN_CELL} Beiträge" in heard
    assert LANGUAGE_NAMES["de"][SMALL_LANG] in heard and SMALL_GROUP in heard


def test_rendering_is_deterministic(run, tmp_path):
    folder, paths = run
    copy = shutil.copytree(folder, tmp_path / "again")
    again = render_reports(copy)
    assert again["markdown"].read_text("utf-8") == paths["markdown"].read_text("utf-8")
    assert again["html"].read_text("utf-8") == paths["html"].read_text("utf-8")
    first, second = load_workbook(paths["excel"]), load_workbook(again["excel"])
    assert first.sheetnames == second.sheetnames
    for name in first.sheetnames:
        a = [[c.value for c in row] for row in first[name].iter_rows()]
        b = [[c.value for c in row] for row in second[name].iter_rows()]
        assert a == b, name


# ----------------------------------------------------------------------------- variants
def test_english_reports(tmp_path):
    folder = write_fixture_run(tmp_path / "run")
    paths = render_reports(folder, language="en", title="Dialogue <2026>")
    page = paths["html"].read_text("utf-8")
    assert '<html lang="en">' in page and "Fears and prejudices" in page
    assert "<title>Dialogue &lt;2026&gt;</title>" in page
    summary = paths["markdown"].read_text("utf-8")
    assert "Top concerns per quarter type" in summary and "fewer than 5" in summary
    assert load_workbook(paths["excel"]).sheetnames[1] == "Contributions"


def test_csv_only_run_without_optional_tables(tmp_path):
    folder = write_fixture_run(tmp_path / "run", geojson=False)
    (folder / "contributions.parquet").unlink()
    for name in ("quarters.csv", "quarter_profiles.csv", "topics.csv", "crosstab_lang.csv"):
        (folder / name).unlink()
    paths = render_reports(folder)
    page = paths["html"].read_text("utf-8")
    assert "Keine Geometrie" in page
    assert html.escape("'" + FORMULA_TEXT) not in page  # the CSV formula guard is undone on reading
    tables = load_run(folder)
    assert tables.topics.empty and tables.geojson is None


def test_user_errors(tmp_path):
    with pytest.raises(InputFileError):
        render_reports(tmp_path / "missing")
    with pytest.raises(InputFileError):
        render_reports(tmp_path)
    folder = write_fixture_run(tmp_path / "run")
    with pytest.raises(ConfigError):
        render_reports(folder, language="fr")


def test_suppress_counts_hides_a_lonely_small_cell_complementarily():
    out = suppress_counts(pd.Series({"a": 30, "b": 12, "c": 9, "d": 2}), MIN_CELL)
    assert out.isna().tolist() == [False, False, True, True]
    assert out.attrs["complementary"] == ["c"]
    out = suppress_counts(pd.Series({"a": 30, "b": 3, "c": 2}), MIN_CELL)
    assert out.attrs["complementary"] == [] and out.isna().sum() == 2


def test_run_with_user_named_text_column(tmp_path):
    folder = write_fixture_run(tmp_path / "run")
    frame = pd.read_parquet(folder / "contributions.parquet").rename(columns={"text": "Beitrag"})
    frame.to_parquet(folder / "contributions.parquet", index=False)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["input"]["text_column"] = "Beitrag"
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    paths = render_reports(folder)
    assert html.escape(SCRIPT_TEXT) in paths["html"].read_text("utf-8")
    header = [c.value for c in load_workbook(paths["excel"])["Beiträge"][1]]
    assert "Beitrag" in header and "text" not in header


def test_large_sheets_round_scores_instead_of_styling_each_cell(run, tmp_path, monkeypatch):
    from nlp_integration.reporting import excel
    from nlp_integration.reporting.load import load_run

    folder, _ = run
    monkeypatch.setattr(excel, "STYLED_ROWS", 3)  # every sheet with more rows counts as large
    path = excel.render_excel(load_run(folder), tmp_path / "big.xlsx", "de")
    ws = load_workbook(path)["Prioritäten"]
    header = [c.value for c in ws[1]]
    scores = [header.index(name) + 1 for name in ("Score", "Breite", "struktureller Bedarf")]
    values = [ws.cell(row=r, column=c).value for r in range(2, ws.max_row + 1) for c in scores]
    numbers = [v for v in values if isinstance(v, float)]
    assert numbers and all(v == round(v, 3) for v in numbers)
    assert ws.freeze_panes == "A2" and all(cell.font.bold for cell in ws[1])


# ------------------------------------------------------------------- planner privacy (audit C)
def _sheet(path: Path, name: str) -> pd.DataFrame:
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def _section(page: str, sid: str) -> str:
    start = page.index(f'<section id="{sid}"')
    return page[start : page.index("</section>", page.index("<h2>", start) + 1)]


def test_planner_contribution_sheet_leaves_small_groups_out(run):
    folder, paths = run
    sheet = _sheet(paths["excel"], "Beiträge")
    assert list(sheet.columns) == [
        "Kennung", "Beitrag", "Thema", "Themenfelder", "Aussagetypen", "Quartierstyp"
    ]  # fmt: skip
    data = load_run(folder).analysed
    small = data[
        data[S.QUARTER].isin([SMALL_QUARTER, S.UNKNOWN_QUARTER, S.CITYWIDE_QUARTER])
        | (data[S.GROUP] == SMALL_GROUP)
        | (data[S.CHANNEL] == SMALL_CHANNEL)
        | data[S.LANG].isin([SMALL_LANG, "fa"])
    ]
    shown = set(sheet["Kennung"])
    assert not shown & set(small[S.ID])
    # per quarter type, 0 or at least MIN_CELL rows are left out (the types' sizes are public)
    typed = data[data[S.QUARTER_TYPE].notna()]
    left_out = (~typed[S.ID].isin(shown)).groupby(typed[S.QUARTER_TYPE].map(type_key)).sum()
    assert all(n == 0 or n >= MIN_CELL for n in left_out), left_out.to_dict()
    labels = {n for cell in sheet["Themenfelder"].dropna() for n in cell.split("; ")}
    assert labels <= set(THEME_NAMES["de"].values())
    readme = _sheet(paths["excel"], "README")
    note = readme[(readme["Blatt"] == "Beiträge") & readme["Spalte"].isna()]["Bedeutung"].iloc[0]
    assert f"{len(data) - len(shown)} Beiträge" in note and "contributions.csv" in note


def test_planner_topic_sheet_names_only_languages_with_enough_contributions(run):
    _, paths = run
    topics = _sheet(paths["excel"], "Themen")
    for size, shares, keywords in zip(
        topics["Größe"], topics["Anteile der Sprachen"], topics["Schlüsselwörter je Sprache"],
        strict=True,
    ):  # fmt: skip
        shares = json.loads(shares)
        assert all(round(v * size) >= MIN_CELL for v in shares.values())
        assert set(json.loads(keywords)) <= set(shares)
    assert SMALL_LANG not in "".join(topics["Anteile der Sprachen"])


def test_quotes_never_come_from_small_levels_or_carry_residue(run, page, summary):
    folder, _ = run
    for text in NEVER_QUOTED:
        assert html.escape(text) not in page and text not in summary
    tables = load_run(folder)
    small_ids = set(tables.analysed.loc[small_level_mask(tables, MIN_CELL), S.ID])
    by_text = tables.analysed.set_index(S.TEXT)[S.ID]
    for quote in _quotes(page):
        ids = by_text[by_text.index == quote.rstrip(" …")]
        assert set(ids) - small_ids, quote
    # the evidence of a priority skips its quotable-cell texts of a small channel or with residue
    ids = tables.analysed.loc[tables.analysed[S.TEXT].isin(NEVER_QUOTED), S.ID]
    row = top_priorities(tables, MIN_CELL).iloc[0].copy()
    row["evidence_ids"] = ";".join(ids)
    assert evidence_quotes(tables, row, MIN_CELL).empty
    assert SMALL_CHANNEL_TEXT not in set(select_quotes(tables, "fear", MIN_CELL, 50)[S.TEXT])


@pytest.mark.parametrize(
    ("text", "residue"),
    [
        ("Mój sąsiad pan Kowalski, 80 lat, nie może dojechać. Tel. kom. 512 345 678.", True),
        ("Wir wohnen im Haus Nr. 5 am Dorfplatz und niemand grüßt uns.", True),
        ("Mein Nachbar Dieter Krause aus Nr. 14 sagt immer, sie sollen zurück.", True),
        ("Моя соседка Галина Петровна из дома 5 боится выходить вечером.", True),
        ("Komşum 5 numaralı evde oturuyor, 82 yaşında.", True),
        ("My name is [NAME], call me on [PHONE]; the waiting list is too long.", True),
        ("Telefonisch, Herr [NAME], 85 Jahre: Ich habe Angst.", True),
        ("رقمي ٠١٥١٢٣٤٥٦٧ اتصلوا بي", True),
        (
            "Ich heiße [NAME], ich suche seit zwei Jahren eine Wohnung, die Miete ist zu hoch.",
            False,
        ),
        ("Der Bus fährt nach 18 Uhr nicht mehr, seit 2024 ist das so.", False),
        ("Мы ищем квартиру уже год, цены слишком высокие.", False),
    ],
)
def test_personal_residue(text, residue):
    assert personal_residue(text) is residue


def test_residue_texts_are_not_quoted_and_placeholders_come_last(run):
    folder, _ = run
    tables = load_run(folder)
    quotes = select_quotes(tables, "fear", MIN_CELL, 50)
    assert RESIDUE_TEXT not in set(quotes[S.TEXT])
    marked = quotes[S.TEXT].str.contains(r"\[[A-Z]+\]").tolist()
    assert marked == sorted(marked)
    need = select_quotes(tables, "need", MIN_CELL, 50)[S.TEXT].str.contains(r"\[NAME\]")
    assert need.any() and need.tolist() == sorted(need.tolist())


def test_reports_do_not_claim_complete_redaction(page, summary, run):
    assert "erkannte personenbezogene Angaben ersetzt" in page
    assert "Namen ohne Hinweiswort können stehen bleiben" in page
    assert "(personenbezogene Angaben ersetzt)" not in page
    assert "von personenbezogenen Angaben bereinigt" not in page
    english = render_reports(run[0], language="en")["html"].read_text("utf-8")
    assert "names without a cue word may remain" in english
    render_reports(run[0])  # the module's run stays German


def test_unmatched_quarter_names_are_only_counted(run, page):
    _, paths = run
    assert "Neubaugebiet Ost" not in page
    assert "1 Quartiersnamen aus der Eingabe wurden keinem Quartier zugeordnet" in page
    manifest = _sheet(paths["excel"], "Manifest")
    assert "Neubaugebiet Ost" not in manifest.to_string()
    assert manifest.loc[manifest["Eintrag"] == "unmatched_quarters", "Wert"].iloc[0] == 1


def test_quarter_type_totals_do_not_reveal_a_small_quarter(run, page):
    folder, _ = run
    tables = load_run(folder)
    counts = participation(tables, S.QUARTER, MIN_CELL)
    truth = tables.analysed[S.QUARTER].value_counts()
    quarters = pd.read_csv(folder / "quarters.csv")
    for _, members in quarters.groupby("quarter_type")["quarter"]:
        hidden = [q for q in members if q in counts.index and pd.isna(counts[q])]
        assert len(hidden) != 1 and sum(truth[q] for q in hidden) in [0] + list(
            range(MIN_CELL, 999)
        )
    assert pd.isna(counts[SMALL_QUARTER]) and "Altstadt" in counts.attrs["complementary"]
    table = re.search(
        r'<table class="data" id="table-quarters-participation">.*?</table>', page, re.S
    )
    rows = {
        re.sub("<.*?>", "", cells[0]): [re.sub("<.*?>", "", c) for c in cells]
        for cells in (re.findall(r"<td[^>]*>(.*?)</td>", tr) for tr in re.findall(r"<tr>(.*?)</tr>", table.group(0)))
        if cells
    }  # fmt: skip
    assert rows["Altstadt"][2] == "–"  # hidden to protect Lindenhof: not "< 5"
    assert rows[SMALL_QUARTER][2] == "&lt; 5"
    assert rows[SMALL_QUARTER][3] == "–" and rows[SMALL_QUARTER][5] == "–"  # share, rate


def test_suppress_counts_protects_group_totals():
    counts = pd.Series({"A": 40, "B": 20, "C": 3, "D": 30, "E": 25})
    groups = {"A": "1", "B": "1", "C": "1", "D": "2", "E": "3"}
    out = suppress_counts(counts, MIN_CELL, groups)
    assert out.isna().tolist() == [False, True, True, False, False]
    assert out.attrs["complementary"] == ["B"]
    # E is alone in type 3 (its total is public): D is hidden instead, then F for type 2
    counts = pd.Series({"D": 30, "F": 40, "E": 25, "C": 3})
    out = suppress_counts(counts, MIN_CELL, {"D": "2", "F": "2", "E": "3"})
    assert out.attrs["complementary"] == ["D", "F"] and not pd.isna(out["E"])


@pytest.fixture(scope="module")
def hidden_cell_run(tmp_path_factory) -> tuple[Path, pd.Series, dict[str, Path]]:
    """The fixture run with a shown priority's theme cell hidden complementarily (n >= 5)."""
    folder = write_fixture_run(tmp_path_factory.mktemp("hidden") / "run")
    prio = top_priorities(load_run(folder), MIN_CELL, 1).iloc[0]
    cross = pd.read_csv(folder / "crosstab_quarter_type.csv")
    cell = (cross["level"] == int(prio["quarter_type"])) & (cross["label"] == prio["theme"])
    numbers = [c for c in cross.columns if c not in ("dimension", "level", "label_kind", "label")]
    cross[numbers] = cross[numbers].astype(object)
    cross.loc[cell, numbers] = None
    cross.loc[cell, "suppressed"] = True
    cross.to_csv(folder / "crosstab_quarter_type.csv", index=False)
    return folder, prio, render_reports(folder)


def test_priorities_of_suppressed_cells_are_not_shown(hidden_cell_run):
    folder, prio, paths = hidden_cell_run
    tables = load_run(folder)
    shown = top_priorities(tables, MIN_CELL)
    same = (shown["_type"] == str(prio["quarter_type"])) & (shown["theme"] == prio["theme"])
    assert not same.any()
    theme = THEME_NAMES["de"][prio["theme"]]
    page = paths["html"].read_text("utf-8")
    section = page[
        page.index('<section id="priorities"') : page.index('<section id="quarter-types"')
    ]
    block = section.split("<h3>")[1]
    assert f"{theme} · " not in block and f"{theme}</td>" not in block
    summary = paths["markdown"].read_text("utf-8")
    block = summary.split("### ")[1]
    assert f"**{theme} – " not in block
    sheet = _sheet(paths["excel"], "Prioritäten")
    assert not (
        (sheet["Quartierstyp"] == prio["quarter_type"]) & (sheet["Themenfeld"] == theme)
    ).any()


def test_complementary_cells_show_a_dash(hidden_cell_run):
    _, prio, paths = hidden_cell_run
    page = paths["html"].read_text("utf-8")
    grey, _values = _figure(page, "themes-heatmap")["data"]
    row = grey["y"].index(html.escape(THEME_NAMES["de"][prio["theme"]]))
    col = grey["x"].index(f"Typ {int(prio['quarter_type'])}")
    assert grey["text"][row][col] == "–"
    tags = [t for r in grey["text"] for t in r if t]
    assert f"&lt; {MIN_CELL}" in tags  # primary cells keep "< 5"


def test_most_frequent_type_is_qualified_when_a_competitor_is_suppressed(summary):
    line = next(x for x in summary.splitlines() if x.startswith("- **Vorurteile**"))
    assert "Unter den ausgewiesenen Quartierstypen am häufigsten in" in line
    assert "Am häufigsten" not in line


def test_skipped_rows_one_figure_with_real_reasons(run, page, summary):
    assert '<div class="big">3</div><div>übersprungene Zeilen</div>' in page
    assert "3 Eingabezeilen wurden nicht ausgewertet (leer: 2, ohne Buchstaben: 1)." in summary
    method = page[page.index('<section id="method"') :]
    assert "<th>übersprungen: leer</th><td>2</td>" in method
    assert "<th>übersprungen: ohne Buchstaben</th><td>1</td>" in method
    assert "zu kurz" not in summary and "doppelt" not in summary


def test_german_names_in_planner_cells_and_headers(run, page):
    _, paths = run
    section = page[page.index('<section id="quarter-types"') : page.index('<section id="map"')]
    assert "Anteil ausländischer Staatsangehöriger" in section and "Arbeitslosenquote" in section
    assert "share foreign nationals" not in section and "unemployment rate" not in section
    prio = _sheet(paths["excel"], "Prioritäten")
    assert set(prio["Themenfeld"]) <= set(THEME_NAMES["de"].values())
    assert set(prio["Aussagetyp"]) <= set(STATEMENT_TYPE_NAMES["de"].values())
    cross = _sheet(paths["excel"], "Kreuztab. Kanal")
    assert set(cross["Gliederung"]) == {"Kanal"} and set(cross["Art"]) == {
        "Themenfeld",
        "Aussagetyp",
    }
    assert "public_space" not in set(cross["Bezeichnung"])
    assert "Türkisch" in set(_sheet(paths["excel"], "Kreuztab. Sprache")["Ausprägung"])


def test_suppressed_excel_cells_have_no_significance(run):
    _, paths = run
    for name in (
        "Kreuztab. Quartierstyp",
        "Kreuztab. Kanal",
        "Kreuztab. Gruppe",
        "Kreuztab. Sprache",
    ):
        cross = _sheet(paths["excel"], name)
        hidden = cross[cross["unterdrückt"] == True]  # noqa: E712
        assert len(hidden) and hidden["signifikant"].isna().all(), name
        assert cross.loc[cross["unterdrückt"] == False, "signifikant"].notna().all()  # noqa: E712


def test_the_default_title_follows_the_report_language(run):
    from nlp_integration.config import ReportSettings

    paths = render_reports(run[0], language="en", title=ReportSettings().title)
    assert "Integration dialogue – analysis" in paths["html"].read_text("utf-8")
    render_reports(run[0])  # the module's run stays German
