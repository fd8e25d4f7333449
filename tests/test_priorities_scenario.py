"""A planted scenario: known over-representations in known quarter types must come out on top,
the statistics must agree with scipy, and no figure may describe fewer than min_cell
contributions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from nlp_integration.analysis import crosstab, prioritise, voiced_by
from nlp_integration.config import PriorityWeights
from nlp_integration.priorities import COMPONENTS, PRIORITY_COLUMNS
from nlp_integration.privacy import combination_counts
from nlp_integration.quarters import QuarterTypology, join_quarter_types
from nlp_integration.schemas import STATEMENT_TYPE_KEYS, THEME_KEYS, split_labels

MIN_CELL = 5
LANGS = ["de", "tr", "ar", "uk", "en"]
CHANNELS = ["Workshop", "Online", "Fragebogen", "Straßenaktion"]
GROUPS = ["Neuzugewanderte", "Alteingesessene", "Jugendliche"]

# three clearly different kinds of quarters: arrival quarters (A), large estates (B), suburbs (C)
INDICATORS = pd.DataFrame(
    {
        "quarter": ["Altstadt Nord", "Hafen", "Grünau", "Plattenweg", "Waldhang", "Seeblick"],
        "population": [12000, 9000, 15000, 14000, 5000, 6000],
        "share_new_arrivals_5y": ["21,5", "19,0", "8,0", "9,5", "2,0", "2,5"],
        "sgb2_rate": [24.0, 22.0, 26.0, 27.0, 3.0, 4.0],
        "fluctuation_rate": [28.0, 30.0, 12.0, 11.0, 6.0, 5.0],
        "living_space_per_person": [31.0, 30.0, 29.0, 30.0, 52.0, 55.0],
    }
)
# how contributors spell the quarters
SPELLINGS = {
    "Altstadt Nord": ["Altstadt Nord", "altstadt-nord", "ALTSTADT NORD "],
    "Hafen": ["Hafen", "hafen"],
    "Grünau": ["Grünau", "Gruenau"],
    "Plattenweg": ["Plattenweg", "plattenweg"],
    "Waldhang": ["Waldhang"],
    "Seeblick": ["Seeblick", "seeblick"],
}
PLANTED = {"A": ("housing", "fear"), "B": ("public_space", "prejudice")}


def make_scenario(seed: int, per_quarter: int = 80) -> pd.DataFrame:
    """Contributions with planted combinations: housing+fear in A, public_space+prejudice in B."""
    rng = np.random.default_rng(seed)
    kind = {"Altstadt Nord": "A", "Hafen": "A", "Grünau": "B", "Plattenweg": "B"}
    rows: list[dict] = []

    def add(quarter, themes, types, *, lang=None, group=None, channel=None):
        rows.append(
            {
                "quarter": quarter,
                "themes": ";".join(themes),
                "statement_types": ";".join(types),
                "lang": lang or str(rng.choice(LANGS)),
                "group": group or str(rng.choice(GROUPS)),
                "channel": channel or str(rng.choice(CHANNELS)),
            }
        )

    for quarter, spellings in SPELLINGS.items():
        for _ in range(per_quarter):
            raw = str(rng.choice(spellings))
            planted = PLANTED.get(kind.get(quarter, ""))
            if planted and rng.random() < 0.25:
                add(raw, [planted[0]], [planted[1]])
                continue
            themes = rng.choice(THEME_KEYS, size=int(rng.integers(1, 3)), replace=False)
            add(raw, [str(t) for t in themes], [str(rng.choice(STATEMENT_TYPE_KEYS))])
    for _ in range(70):  # language courses: voiced by newcomers, everywhere
        add(str(rng.choice(list(SPELLINGS))), ["language"], ["need"], group="Neuzugewanderte")
    for _ in range(40):  # no quarter or an unknown one: city totals only
        add(
            str(rng.choice(["", "Kaiserberg"])),
            [str(rng.choice(THEME_KEYS))],
            [str(rng.choice(STATEMENT_TYPE_KEYS))],
        )
    for _ in range(3):  # a rare channel: must be suppressed everywhere
        add("Hafen", ["health"], ["need"], channel="Telefon")
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", [f"c{i:04d}" for i in range(len(frame))])
    frame["status"] = "analysed"
    frame.loc[rng.choice(len(frame), 12, replace=False), "status"] = "skipped:empty"
    for label in THEME_KEYS + STATEMENT_TYPE_KEYS:
        source = frame["themes"] if label in THEME_KEYS else frame["statement_types"]
        has = source.map(lambda cell, label=label: label in split_labels(cell))
        frame[f"score_{label}"] = np.where(
            has, rng.uniform(0.5, 1.0, len(frame)), rng.uniform(0.0, 0.4, len(frame))
        ).round(3)
    return frame


@pytest.fixture(scope="module")
def typology() -> QuarterTypology:
    return QuarterTypology(random_state=0).fit(INDICATORS)


def joined_scenario(seed: int, typology: QuarterTypology) -> tuple[pd.DataFrame, dict[str, int]]:
    with pytest.warns(UserWarning, match="Kaiserberg"):
        joined, unmatched = join_quarter_types(make_scenario(seed), typology.types_)
    assert unmatched == ["Kaiserberg"]
    type_of = dict(zip(typology.types_["quarter"], typology.types_["quarter_type"], strict=True))
    return joined, {"A": type_of["Altstadt Nord"], "B": type_of["Grünau"], "C": type_of["Waldhang"]}


@pytest.fixture(scope="module")
def scenario(typology) -> tuple[pd.DataFrame, dict[str, int]]:
    return joined_scenario(7, typology)


def analysed(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["status"] == "analysed"]


def has(frame: pd.DataFrame, column: str, label: str) -> pd.Series:
    return frame[column].map(lambda cell: label in split_labels(cell))


def _two_by_two(data: pd.DataFrame, dimension: str, level, kind_column: str, label: str):
    in_level = (data[dimension].astype(object) == level).to_numpy()
    with_label = has(data, kind_column, label).to_numpy()
    a = int((in_level & with_label).sum())
    b = int((in_level & ~with_label).sum())
    c = int((~in_level & with_label).sum())
    d = int((~in_level & ~with_label).sum())
    return np.array([[a, b], [c, d]])


def test_typology_finds_the_three_kinds(typology):
    types = typology.types_.set_index("quarter")["quarter_type"]
    assert types["Altstadt Nord"] == types["Hafen"]
    assert types["Grünau"] == types["Plattenweg"]
    assert types["Waldhang"] == types["Seeblick"]
    assert types.nunique() == 3


@pytest.mark.parametrize("seed", [7, 11, 2024, 99])
def test_planted_priorities_come_out_on_top(seed, typology):
    frame, types = joined_scenario(seed, typology)
    priorities = prioritise(frame, None, PriorityWeights(), min_cell=MIN_CELL)
    assert list(priorities.columns) == PRIORITY_COLUMNS
    for kind, (theme, statement_type) in PLANTED.items():
        top = priorities[priorities["quarter_type"] == types[kind]].sort_values("rank").iloc[0]
        assert (top["theme"], top["statement_type"]) == (theme, statement_type)
        assert top["over_representation"] > 0
    # the planted combination of one type is not a top priority of another type
    top_c = priorities[(priorities["quarter_type"] == types["C"]) & (priorities["rank"] <= 3)]
    assert not {("housing", "fear"), ("public_space", "prejudice")} & set(
        zip(top_c["theme"], top_c["statement_type"], strict=True)
    )


def test_priority_score_is_the_documented_weighted_sum(scenario, typology):
    frame, types = scenario
    weights = PriorityWeights(0.4, 0.2, 0.1, 0.2, 0.1)
    priorities = prioritise(frame, typology.types_, weights, min_cell=MIN_CELL, top=50)
    components = priorities[list(COMPONENTS)].to_numpy(dtype=float)
    assert ((components >= 0) & (components <= 1)).all()
    weight_vector = np.array([getattr(weights, c) for c in COMPONENTS])
    np.testing.assert_allclose(
        priorities["score"], components @ weight_vector / weight_vector.sum(), atol=1e-3
    )
    for _, rows in priorities.groupby("quarter_type"):
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))
        assert rows["score"].is_monotonic_decreasing
    # structural need follows the indicators: arrival quarters above suburbs
    need = priorities.groupby("quarter_type")["structural_need"].first()
    assert need[types["A"]] > 0.5 > need[types["C"]]
    assert priorities["quarter_type_label"].str.len().gt(0).all()


def test_priority_counts_and_evidence_are_true(scenario):
    frame, types = scenario
    priorities = prioritise(frame, None, PriorityWeights(), min_cell=MIN_CELL, top=50)
    data = analysed(frame)
    by_id = data.set_index("id")
    assert (priorities["n"] >= MIN_CELL).all()
    for _, row in priorities.iterrows():
        members = data[
            (data["quarter_type"] == row["quarter_type"])
            & has(data, "themes", row["theme"])
            & has(data, "statement_types", row["statement_type"])
        ]
        assert row["n"] == len(members)
        ids = row["evidence_ids"].split(";")
        assert set(ids) <= set(members["id"])
        assert row["evidence_langs"].split(";") == by_id.loc[ids, "lang"].tolist()
    planted = priorities[
        (priorities["quarter_type"] == types["A"])
        & (priorities["theme"] == "housing")
        & (priorities["statement_type"] == "fear")
    ].iloc[0]
    assert len(set(planted["evidence_langs"].split(";"))) == 5  # one per language first


def test_contributions_without_type_count_only_citywide(scenario):
    frame, _ = scenario
    data = analysed(frame)
    assert set(data.loc[data["quarter_type"].isna(), "quarter"]) == {"citywide", "unknown"}
    table = crosstab(frame, "quarter_type", min_cell=MIN_CELL)
    assert table["level"].notna().all()
    assert set(table["level"]) == set(data["quarter_type"].dropna().astype(int))
    housing = table[(table["label"] == "housing") & ~table["suppressed"]].iloc[0]
    assert housing["share_city"] == pytest.approx(has(data, "themes", "housing").mean())


@pytest.mark.parametrize("dimension", ["quarter_type", "channel", "lang"])
def test_statistics_agree_with_scipy(scenario, dimension):
    frame, _ = scenario
    data = analysed(frame)
    table = crosstab(frame, dimension, min_cell=0)  # nothing hidden: every figure checkable
    assert not table["suppressed"].any()
    for _, row in table.iterrows():
        column = "themes" if row["label_kind"] == "theme" else "statement_types"
        counts = _two_by_two(data, dimension, row["level"], column, row["label"])
        assert (row["n"], row["n_level"]) == (counts[0, 0], counts[0].sum())
        assert row["p_value"] == pytest.approx(stats.fisher_exact(counts).pvalue, rel=1e-9)
        interval = stats.binomtest(int(row["n"]), int(row["n_level"])).proportion_ci(
            method="wilson"
        )
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((interval.low, interval.high))
        if np.isfinite(row["residual"]):
            chi2 = stats.chi2_contingency(counts, correction=False).statistic
            assert row["residual"] ** 2 == pytest.approx(chi2, rel=1e-9)
    expected = stats.false_discovery_control(table["p_value"].to_numpy(dtype=float), method="bh")
    np.testing.assert_allclose(table["p_adjusted"].to_numpy(dtype=float), expected, rtol=1e-12)
    assert (table["significant"] == (table["p_adjusted"] < 0.05)).all()


def test_large_tables_use_chi_square(scenario):
    frame, _ = scenario
    big = pd.concat([frame] * 3, ignore_index=True)  # > 1000 analysed contributions
    data = analysed(big)
    table = crosstab(big, "quarter_type", min_cell=MIN_CELL)
    checked = 0
    for _, row in table[~table["suppressed"]].iterrows():
        column = "themes" if row["label_kind"] == "theme" else "statement_types"
        counts = _two_by_two(data, "quarter_type", row["level"], column, row["label"])
        if stats.contingency.expected_freq(counts).min() >= 5:
            p = stats.chi2_contingency(counts, correction=False).pvalue
            assert row["p_value"] == pytest.approx(p, rel=1e-9)
            checked += 1
    assert checked > 10


def test_planted_cells_are_significant_over_representations(scenario):
    frame, types = scenario
    table = crosstab(frame, "quarter_type", min_cell=MIN_CELL)
    for kind, (theme, statement_type) in PLANTED.items():
        rows = table[table["level"] == types[kind]].set_index("label")
        assert rows.loc[theme, "significant"] and rows.loc[theme, "lift"] > 1.5
        assert rows.loc[theme, "residual"] > 3
        # a statement type is diluted by the background of six types: over-represented all the same
        assert rows.loc[statement_type, "lift"] > 1.1 and rows.loc[statement_type, "residual"] > 2


def _assert_no_small_cells(table: pd.DataFrame, data: pd.DataFrame, dimension: str) -> None:
    visible = table[~table["suppressed"]]
    assert (visible["n"] >= MIN_CELL).all() and (visible["n_level"] >= MIN_CELL).all()
    hidden = table[table["suppressed"]]
    assert hidden[["n", "n_level", "share", "lift", "p_value", "ci_low"]].isna().all().all()
    for _, line in table.groupby(["label_kind", "label"]):
        hidden_line = line[line["suppressed"]]
        assert len(hidden_line) != 1  # a single hidden cell would follow from the total
        if 0 < len(hidden_line) < len(line):
            column = "themes" if line["label_kind"].iloc[0] == "theme" else "statement_types"
            label = line["label"].iloc[0]
            true_counts = [
                _two_by_two(data, dimension, level, column, label)[0, 0]
                for level in hidden_line["level"]
            ]
            assert sum(true_counts) == 0 or sum(true_counts) >= MIN_CELL


@pytest.mark.parametrize("dimension", ["quarter_type", "channel", "group", "lang"])
def test_small_cells_are_suppressed_everywhere(scenario, dimension):
    frame, _ = scenario
    table = crosstab(frame, dimension, min_cell=MIN_CELL)
    _assert_no_small_cells(table, analysed(frame), dimension)
    record = table.attrs["suppression"]
    assert record["primary"] + record["complementary"] == int(table["suppressed"].sum())


def test_rare_channel_and_its_complement_are_hidden(scenario):
    frame, _ = scenario
    table = crosstab(frame, "channel", min_cell=MIN_CELL)
    assert table.loc[table["level"] == "Telefon", "suppressed"].all()
    # the level sizes add up to the city total: a second level must be hidden with Telefon
    hidden_levels = table.groupby("level")["suppressed"].all()
    assert hidden_levels.sum() == 2
    assert table.attrs["suppression"]["complementary"] > 0


def test_larger_min_cell_hides_more(scenario):
    frame, _ = scenario
    table = crosstab(frame, "lang", min_cell=15)
    visible = table[~table["suppressed"]]
    assert (visible["n"] >= 15).all()
    assert (
        table["suppressed"].sum() > crosstab(frame, "lang", min_cell=MIN_CELL)["suppressed"].sum()
    )
    priorities = prioritise(frame, None, PriorityWeights(), min_cell=15, top=50)
    assert (priorities["n"] >= 15).all()


def test_voiced_by_finds_newcomer_theme_and_hides_small_rows(scenario):
    frame, _ = scenario
    table = voiced_by(frame, min_cell=MIN_CELL)
    language = table[table["label"] == "language"].iloc[0]
    assert language["voiced_mainly_by"] == "Neuzugewanderte"
    data = analysed(frame)
    newcomers = data[data["group"] == "Neuzugewanderte"]
    residents = data[data["group"] == "Alteingesessene"]
    counts = [
        [has(newcomers, "themes", "language").sum(), len(newcomers)],
        [has(residents, "themes", "language").sum(), len(residents)],
    ]
    counts = [[a, n - a] for a, n in counts]
    assert language["p_value"] == pytest.approx(stats.fisher_exact(counts).pvalue)
    visible = table[~table["suppressed"]]
    assert (visible[["n_a", "n_b"]] >= MIN_CELL).all().all()
    assert table.loc[table["suppressed"], ["n_a", "n_b", "share_a"]].isna().all().all()


def test_quarter_group_channel_combinations_are_safe(scenario):
    frame, _ = scenario
    data = analysed(frame)
    counts, record = combination_counts(data, ["quarter", "group", "channel"], MIN_CELL)
    visible = counts["n"].dropna()
    assert (visible >= MIN_CELL).all()
    assert record["primary"] > 0 and record["complementary"] >= 0
    for margin in (["quarter", "group"], ["quarter", "channel"], ["group", "channel"]):
        for _, line in counts.groupby(margin):
            assert line["n"].isna().sum() != 1 or len(line) == 1
