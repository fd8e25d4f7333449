from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nlp_integration.errors import ConfigError, InputColumnError, InputValueError
from nlp_integration.quarters import (
    QuarterTypology,
    join_quarter_types,
    match_quarters,
    normalise_quarter_name,
    profile_figure,
    validate_indicators,
)

SAMPLE_QUARTERS = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "quarters.csv"


def toy_table() -> pd.DataFrame:
    """Two clear clusters: three arrival quarters and three suburban quarters."""
    return pd.DataFrame(
        {
            "quarter": [
                "Altstadt Nord",
                "Bahnhofsviertel",
                "Hafen",
                "Waldhang",
                "Seeblick",
                "Am Park",
            ],
            "population": [12000, 8000, 9000, 5000, 6000, 5500],
            "share_new_arrivals_5y": ["18,5", "21,0", "19,5", "2,0", "3,5", "2,5"],
            "fluctuation_rate": ["25,0 %", "28,5 %", "27,0 %", "6,0 %", "5,5 %", "7,0 %"],
            "share_over_65": [12.0, 11.0, 13.0, 14.0, 12.0, 13.0],
        }
    )


def test_two_clear_clusters_are_separated_and_named():
    table = toy_table()
    before = table.copy()
    typology = QuarterTypology().fit(table)
    pd.testing.assert_frame_equal(table, before)  # input untouched
    types = typology.types_.set_index("quarter")["quarter_type"]
    assert types.nunique() == 2
    assert types[["Altstadt Nord", "Bahnhofsviertel", "Hafen"]].nunique() == 1
    assert types[["Waldhang", "Seeblick", "Am Park"]].nunique() == 1
    assert sorted(types.unique()) == [1, 2]
    # k chosen by silhouette, with the scores per k on record
    criterion = typology.criterion_
    assert criterion["choice"] == "silhouette" and criterion["n_types"] == 2
    assert max(criterion["silhouette"], key=criterion["silhouette"].get) == 2
    assert set(criterion["silhouette"]) == {2, 3, 4, 5}
    json.dumps(criterion)
    # population is a size, not a characteristic: profiled, not clustered
    assert "population" not in criterion["features"]
    labels = typology.types_.set_index("quarter")["quarter_type_label"]
    arrival = labels["Hafen"]
    assert "Neuzugewanderter" in arrival and "Fluktuation" in arrival
    assert labels["Waldhang"] != arrival
    english = typology.label_en()
    assert "new arrivals" in english[types["Hafen"]]


def test_profiles_follow_the_contract():
    typology = QuarterTypology().fit(toy_table())
    profiles = typology.profiles_
    assert list(profiles.columns[:3]) == ["quarter_type", "quarter_type_label", "n_quarters"]
    assert {"z_share_new_arrivals_5y", "z_fluctuation_rate", "z_population"} <= set(
        profiles.columns
    )
    assert {"share_new_arrivals_5y", "fluctuation_rate"} <= set(profiles.columns)
    assert profiles["n_quarters"].sum() == 6
    arrival = profiles.set_index("quarter_type").loc[
        typology.types_.set_index("quarter").loc["Hafen", "quarter_type"]
    ]
    assert arrival["share_new_arrivals_5y"] == pytest.approx((18.5 + 21.0 + 19.5) / 3)
    assert arrival["z_share_new_arrivals_5y"] > 0.9
    figure = profile_figure(profiles)
    heatmap = figure.data[0]
    assert np.asarray(heatmap.z).shape == (2, len([c for c in profiles if c.startswith("z_")]))
    assert "Neuzugewanderter" in " ".join(heatmap.x)


def test_kmeans_and_fixed_number_of_types():
    kmeans = QuarterTypology(method="kmeans", random_state=1).fit(toy_table())
    types = kmeans.types_.set_index("quarter")["quarter_type"]
    assert types["Hafen"] != types["Waldhang"] and types.nunique() == 2
    fixed = QuarterTypology(n_types=3).fit(toy_table())
    assert fixed.types_["quarter_type"].nunique() == 3
    assert fixed.criterion_["choice"] == "fixed"
    assert len(set(fixed.types_["quarter_type_label"])) == 3  # labels stay distinct
    with pytest.raises(ConfigError, match="n_types"):
        QuarterTypology(n_types=9).fit(toy_table())
    with pytest.raises(ConfigError, match="method"):
        QuarterTypology(method="dbscan").fit(toy_table())


def test_analyst_types_are_used_as_given():
    table = toy_table().assign(quarter_type=[2, 2, 1, 1, 1, 1])
    typology = QuarterTypology().fit(table)
    assert typology.types_["quarter_type"].tolist() == [2, 2, 1, 1, 1, 1]
    assert typology.criterion_["choice"] == "analyst"
    named = toy_table().assign(quarter_type=["Ankunftsquartier"] * 3 + ["Stadtrand"] * 3)
    typology = QuarterTypology().fit(named)
    assert typology.types_["quarter_type"].tolist() == [1, 1, 1, 2, 2, 2]
    assert (
        typology.types_["quarter_type_label"].tolist()
        == ["Ankunftsquartier"] * 3 + ["Stadtrand"] * 3
    )
    assert "new arrivals" in typology.label_en()[1]


def test_unknown_indicators_fall_back_to_their_name():
    table = pd.DataFrame(
        {"quarter": list("ABCDEF"), "kita_places": [1, 2, 1, 30, 31, 29], "sgb2_rate": 7.0}
    )
    with pytest.warns(UserWarning, match="sgb2_rate have the same value"):
        labels = set(QuarterTypology().fit(table).types_["quarter_type_label"])
    assert labels == {"hoch: kita_places", "niedrig: kita_places"}


def test_validation_parses_german_numbers_and_units():
    table = pd.DataFrame(
        {
            "Stadtteil": ["A", "B", "C"],
            "population": ["1.234", "12.345", "2.000"],
            "sgb2_rate": ["12,5 %", "3,25%", "7 %"],
            "living_space_per_person": ["35,5 m²", "40 qm", "38"],
        }
    )
    clean = validate_indicators(table)
    assert clean["quarter"].tolist() == ["A", "B", "C"]
    assert clean["population"].tolist() == [1234.0, 12345.0, 2000.0]
    assert clean["sgb2_rate"].tolist() == [12.5, 3.25, 7.0]
    assert clean["living_space_per_person"].tolist() == [35.5, 40.0, 38.0]
    assert "Stadtteil" in table.columns  # input untouched


def test_validation_errors_name_column_and_row():
    table = toy_table()
    table.loc[4, "fluctuation_rate"] = "hoch"
    with pytest.raises(InputValueError) as error:
        validate_indicators(table, source="quartiere.csv")
    message = str(error.value)
    assert "quartiere.csv" in message and "'fluctuation_rate'" in message
    assert "data row 5" in message and "Seeblick" in message and "'hoch'" in message

    empty = toy_table().assign(sgb2_rate=[None] * 6)
    with pytest.raises(InputValueError, match="'sgb2_rate' has no values"):
        validate_indicators(empty)

    duplicate = toy_table()
    duplicate.loc[3, "quarter"] = "altstadt-nord"
    with pytest.raises(InputValueError, match=r"data row 4 duplicates data row 1"):
        validate_indicators(duplicate)

    with pytest.raises(InputColumnError, match="no column 'quarter'"):
        validate_indicators(toy_table().rename(columns={"quarter": "name"}))

    mixed = toy_table().assign(share_over_65=["12 %", "0.11", "13 %", "14 %", "12 %", "13 %"])
    with pytest.raises(InputValueError, match="mixes percentages and fractions"):
        validate_indicators(mixed)

    negative = toy_table()
    negative.loc[0, "share_over_65"] = -3.0
    with pytest.raises(InputValueError, match=r"'share_over_65', data row 1.*-3 is not a valid"):
        validate_indicators(negative)

    nameless = toy_table()
    nameless.loc[2, "quarter"] = " "
    with pytest.raises(InputValueError, match="data row 3 has no quarter name"):
        validate_indicators(nameless)


def test_missing_values_are_imputed_with_a_warning():
    table = toy_table()
    table.loc[1, "share_over_65"] = None
    table.loc[2, "share_new_arrivals_5y"] = "k.A."
    with pytest.warns(UserWarning) as record:
        clean = validate_indicators(table)
    messages = [str(w.message) for w in record]
    assert any(
        "'share_over_65'" in m and "Bahnhofsviertel" in m and "median 13" in m for m in messages
    )
    assert any("'share_new_arrivals_5y'" in m and "Hafen" in m for m in messages)
    assert clean.loc[1, "share_over_65"] == 13.0
    assert clean.loc[2, "share_new_arrivals_5y"] == pytest.approx(
        np.median([18.5, 21.0, 2.0, 3.5, 2.5])
    )


def test_text_columns_are_kept_but_not_used():
    table = toy_table().assign(district=["Mitte", "Mitte", "Nord", "Süd", "Süd", "West"])
    with pytest.warns(UserWarning, match="'district' holds text"):
        typology = QuarterTypology().fit(table)
    assert "district" in typology.types_.columns
    assert "district" not in typology.criterion_["features"]


def test_too_few_quarters():
    with pytest.raises(InputValueError, match="too few"):
        QuarterTypology().fit(toy_table().head(2))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Altstadt Nord", "Altstadt Nord"),
        ("altstadt-nord", "Altstadt Nord"),
        ("ALTSTADT NORD ", "Altstadt Nord"),
        ("Altstadt_Nord", "Altstadt Nord"),
        ("Altstadtnord", "Altstadt Nord"),
        ("Altsadt Nord", "Altstadt Nord"),  # one typo
        ("Gruenau", "Grünau"),
        ("Grunau", "Grünau"),
        ("grünau", "Grünau"),
        ("St. Georg", "St Georg"),
        ("Kaiserberg", "unknown"),
        ("Altstadt Nordost", "unknown"),  # not a typo of Altstadt Nord
        ("Altstadt", "unknown"),
        ("", "citywide"),
        ("   ", "citywide"),
        ("Gesamtstadt", "citywide"),
        ("Kreuzberg", "Am Kreuzberg"),  # people drop the leading "Am"
    ],
)
def test_match_quarters_variants(raw, expected):
    known = ["Altstadt Nord", "Altstadt Süd", "Grünau", "St Georg", "Am Kreuzberg"]
    matched, unmatched = match_quarters([raw], known)
    assert matched.tolist() == [expected]
    assert unmatched == ([raw.strip()] if expected == "unknown" else [])


def test_match_quarters_keeps_index_and_lists_unmatched_sorted():
    names = pd.Series(
        ["Zeche", None, np.nan, "grünau", "Abtei", "Zeche"], index=[10, 11, 12, 13, 14, 15]
    )
    matched, unmatched = match_quarters(names, ["Grünau"])
    assert matched.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert matched.tolist() == ["unknown", "citywide", "citywide", "Grünau", "unknown", "unknown"]
    assert unmatched == ["Abtei", "Zeche"]


def test_ambiguous_short_names_stay_unknown():
    matched, unmatched = match_quarters(
        ["Kreuzberg", "weiß nicht"], ["Am Kreuzberg", "Im Kreuzberg"]
    )
    assert matched.tolist() == ["unknown", "unknown"]
    assert unmatched == ["Kreuzberg"]  # "weiß nicht" is an answer, not a quarter name


def test_normalise_quarter_name():
    assert normalise_quarter_name("  Süd-Ost_Straße ") == "sued ost strasse"
    assert normalise_quarter_name("ALTSTADT   NORD") == "altstadt nord"


def test_join_quarter_types():
    typology = QuarterTypology().fit(toy_table())
    contributions = pd.DataFrame({"id": [1, 2, 3], "quarter": ["hafen", "", "Atlantis"]})
    with pytest.warns(UserWarning, match="Atlantis"):
        joined, unmatched = join_quarter_types(contributions, typology.types_)
    assert joined["quarter"].tolist() == ["Hafen", "citywide", "unknown"]
    assert joined["quarter_type"].isna().tolist() == [False, True, True]
    assert unmatched == ["Atlantis"]
    assert contributions["quarter"].tolist() == ["hafen", "", "Atlantis"]


def test_sample_quarter_table_forms_named_types():
    if not SAMPLE_QUARTERS.is_file():
        pytest.skip(f"{SAMPLE_QUARTERS} not written yet")
    typology = QuarterTypology().fit(pd.read_csv(SAMPLE_QUARTERS))
    labels = typology.types_["quarter_type_label"]
    assert labels.str.len().gt(0).all()
    assert not labels.str.contains("hoch: |niedrig: ").any()  # every indicator has words
    assert typology.profiles_["n_quarters"].sum() == len(typology.types_)
