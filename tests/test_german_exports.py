"""German export columns and side files: Stadtteil, Datum, GeoJSON names, input hashes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nlp_integration import analyse
from nlp_integration.config import load_settings
from nlp_integration.embedding import HashingEmbedder
from nlp_integration.pipeline import load_geojson
from nlp_integration.priorities import _evidence
from tests.pipeline_data import QUARTERS, contributions

GERMAN = {"text": "Beitrag", "quarter": "Stadtteil", "channel": "Format", "date": "Datum"}


def _run(frame: pd.DataFrame, quarters: pd.DataFrame, *overrides: str, geojson=None):
    settings = load_settings(overrides=["embedding.cache=false", *overrides], environ={})
    return analyse(frame, quarters, settings, embedder=HashingEmbedder(), geojson=geojson)


@pytest.mark.parametrize("indicator_column", ["quarter", "Stadtteil"])
def test_quarter_column_names_the_contributions_column(indicator_column):
    frame = contributions().rename(columns=GERMAN)
    quarters = QUARTERS.rename(columns={"quarter": indicator_column})
    result = _run(frame, quarters, "input.text_column=Beitrag", "input.quarter_column=Stadtteil")
    assert "quarter" in result.quarters.columns  # stored under its canonical name
    assert result.contributions.loc[0, "quarter"] == "Nordstadt"
    assert result.contributions["quarter_type"].notna().any()


def test_german_date_column_gives_dates_and_topics_over_time():
    frame = contributions(120).rename(columns=GERMAN)
    result = _run(frame, QUARTERS, "input.text_column=Beitrag")
    assert result.contributions["date"].tolist() == frame["Datum"].tolist()
    assert not result.topics_over_time.empty


def test_geojson_quarter_name_taken_from_a_name_property(tmp_path):
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    collection = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"Name": "Nordstadt"}, "geometry": square}],
    }
    path = tmp_path / "quarters.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert load_geojson(path)["features"][0]["properties"]["quarter"] == "Nordstadt"

    collection["features"][0]["properties"] = {"id": 7}
    path.write_text(json.dumps(collection), encoding="utf-8")
    with pytest.warns(UserWarning, match="no feature has a property with the quarter name"):
        load_geojson(path)


def test_manifest_identifies_the_quarter_table_and_geojson():
    geojson = {"type": "FeatureCollection", "features": []}
    manifest = _run(contributions(), QUARTERS, geojson=geojson).manifest
    assert manifest["quarter_table"]["rows"] == len(QUARTERS)
    assert len(manifest["quarter_table"]["sha256"]) == 64
    assert manifest["geojson"]["features"] == 0
    other = _run(contributions(), QUARTERS.assign(population=1)).manifest
    assert other["quarter_table"]["sha256"] != manifest["quarter_table"]["sha256"]
    assert other["geojson"] is None


def test_a_repeated_text_is_evidence_once():
    rows = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": ["Mehr Sprachkurse!", "Mehr Sprachkurse! ", "Ein Treffpunkt fehlt."],
            "lang": ["de", "de", "de"],
            "score_language": [0.90001, 0.90002, 0.5],
            "score_need": [1.0, 1.0, 1.0],
        }
    )
    assert _evidence(rows, "language", "need", 3)[0] == "a;c"


def test_blank_cells_as_pandas_readers_give_them():
    # pd.read_excel / read_csv give NaN for blank cells; hashing them once crashed the run
    frame = contributions().astype(object)
    frame.loc[::4, "quarter"] = float("nan")
    quarters = QUARTERS.astype({"sgb2_rate": float})
    quarters.loc[1, "sgb2_rate"] = float("nan")  # replaced by the median
    result = _run(frame, quarters)
    assert len(result.contributions) == len(frame)
    assert len(result.manifest["quarter_table"]["sha256"]) == 64


def test_usage_errors_are_one_line_with_exit_code_2(capsys, monkeypatch):
    import sys

    from nlp_integration.cli import main

    monkeypatch.setattr(sys, "argv", ["nlp-integration", "analyse", "x.csv"])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    assert "Missing option '--out'" in capsys.readouterr().err


def test_an_output_folder_that_is_not_a_run_is_refused(tmp_path):
    from nlp_integration.errors import InputFileError
    from nlp_integration.pipeline import check_run_folder

    data = tmp_path / "daten"
    data.mkdir()
    (data / "beitraege.csv").write_text("text\nHallo Welt\n", encoding="utf-8")
    for out, inputs in [
        (data, [data / "beitraege.csv"]),  # the input lies inside
        (data / "beitraege.csv", [data / "beitraege.csv"]),  # the input itself
        (data, []),  # someone's folder without a manifest
        (data / "beitraege.csv", []),  # a file
    ]:
        with pytest.raises(InputFileError):
            check_run_folder(out, inputs)
    earlier_run = tmp_path / "run"
    earlier_run.mkdir()
    (earlier_run / "manifest.json").write_text("{}", encoding="utf-8")
    assert check_run_folder(earlier_run, [data / "beitraege.csv"]) == earlier_run
    assert check_run_folder(tmp_path / "new") == tmp_path / "new"
    assert (data / "beitraege.csv").is_file()


def test_german_dates_are_read_day_first_and_iso_as_it_is():
    from nlp_integration.io import parse_dates

    dates = pd.Series(
        ["12.03.2025", "2025-03-12", "3.4.25", "", "kein Datum"], index=[5, 6, 7, 8, 9]
    )
    parsed = parse_dates(dates)
    assert parsed.index.tolist() == [5, 6, 7, 8, 9]
    assert parsed.dt.strftime("%Y-%m-%d").tolist()[:3] == ["2025-03-12", "2025-03-12", "2025-04-03"]
    assert parsed.iloc[3:].isna().all()


def test_a_named_column_must_exist(tmp_path):
    from nlp_integration.errors import InputColumnError
    from nlp_integration.io import prepare_contributions

    frame = pd.DataFrame({"Beitrag": ["Mehr Bänke im Park"], "ID": ["B1"]})
    with pytest.raises(InputColumnError, match="Kommentar"):
        prepare_contributions(frame, text_column="Kommentar")
    with pytest.raises(InputColumnError, match="Nummer"):
        prepare_contributions(frame, id_column="Nummer")
    table, text_column = prepare_contributions(frame)  # defaults find the German export names
    assert text_column == "Beitrag" and table["id"].tolist() == ["B1"]


def test_a_trained_label_named_like_a_codebook_label_keeps_both_scores():
    from nlp_integration.pipeline import with_trained_scores

    codebook = pd.DataFrame({"themes": ["housing"], "score_housing": [0.9], "score_work": [0.1]})
    trained = pd.DataFrame({"label": ["housing"], "score_housing": [0.4]})
    with pytest.warns(UserWarning, match="housing"):
        first, second = with_trained_scores(codebook, trained)
    assert list(first.columns) == ["themes", "codebook_score_housing", "score_work"]
    assert second.equals(trained)


def test_texts_whose_letters_a_code_page_lost_are_warned_about():
    from nlp_integration.io import prepare_contributions

    frame = pd.DataFrame({"text": ["Wir brauchen Kitaplätze. Warum???", "????? ??? ?????? ????"]})
    with pytest.warns(UserWarning, match="1 texts in column 'text' are mostly '\\?'.*data row 2"):
        prepare_contributions(frame)


def test_training_says_what_it_leaves_out(tmp_path, hashing_embedder):
    from nlp_integration.tasks import train_model

    texts = [f"Text Nummer {i} über Kita und Miete" for i in range(24)]
    labels = ["Kita", "Miete"] * 10 + ["", "", "", "Sport"]
    frame = pd.DataFrame({"text": texts, "Code": labels})
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    with pytest.warns(UserWarning) as caught:
        train_model(frame, "Code", tmp_path / "m", settings=settings, embedder=hashing_embedder)
    messages = " ".join(str(w.message) for w in caught)
    assert "3 rows without a label are not used" in messages
    assert "1 labels occur only once (Sport)" in messages


def test_gold_labels_may_be_german_or_english_names():
    from nlp_integration.evaluation import codebook_keys

    assert codebook_keys(["Wohnen; Sprache", "Housing"], "themes") == [
        "housing;language",
        "housing",
    ]
    with pytest.warns(UserWarning, match="Miete, Vorurteil are no labels"):  # not themes
        assert codebook_keys(["Miete", "Vorurteil"], "themes") == ["Miete", "Vorurteil"]
    assert codebook_keys(["Vorurteil;Bedarf"], "statement_types") == ["prejudice;need"]
