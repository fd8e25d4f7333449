from __future__ import annotations

import hashlib
import json
import time

import pandas as pd
import pytest

from nlp_integration import analyse, write_run
from nlp_integration.config import load_settings
from nlp_integration.embedding import HashingEmbedder
from tests.pipeline_data import QUARTERS, contributions

RUN_FILES = [
    "contributions.csv", "contributions.parquet", "topics.csv", "priorities.csv", "report.html",
    "summary.md", "report.xlsx", "manifest.json", "quarters.csv", "quarter_profiles.csv",
    "crosstab_quarter_type.csv", "crosstab_lang.csv",
]  # fmt: skip


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    result = analyse(contributions(), QUARTERS, settings, embedder=HashingEmbedder(), source="test")
    out = write_run(result, tmp_path_factory.mktemp("run") / "run")
    return result, out


def test_run_folder_is_complete(run):
    _, out = run
    for name in RUN_FILES:
        assert (out / name).is_file(), name
    assert not out.with_name(out.name + ".partial").exists()


def test_every_row_once_in_order_with_status(run):
    result, out = run
    table = pd.read_csv(out / "contributions.csv", dtype=str, keep_default_na=False)
    source = contributions()
    assert table["id"].tolist() == source["id"].tolist()
    assert table.loc[table["id"] == "empty", "status"].item() == "skipped:empty"
    assert table.loc[table["id"] == "emoji", "status"].item() == "skipped:no_letters"
    assert set(source.columns) <= set(table.columns)
    manifest = json.loads((out / "manifest.json").read_text())
    assert sum(manifest["rows_by_status"].values()) == len(source)


def test_raw_personal_data_never_in_outputs(run):
    _, out = run
    for path in out.iterdir():
        if path.suffix in (".csv", ".md", ".html", ".json"):
            content = path.read_text(encoding="utf-8")
            assert "thomas.becker@example.org" not in content, path.name
            assert "Thomas Becker" not in content, path.name


def test_quarters_matched_tolerantly_and_types_joined(run):
    result, _ = run
    table = result.contributions
    assert set(table["quarter"]) <= {"Nordstadt", "Südhang", "Mitte", "Hafen", "citywide"}
    assert table.loc[table["quarter"] == "Mitte", "quarter_type"].notna().all()
    assert table.loc[table["quarter"] == "citywide", "quarter_type"].isna().all()


def test_labels_use_the_fixed_keys(run):
    result, _ = run
    from nlp_integration.schemas import STATEMENT_TYPE_KEYS, THEME_KEYS, split_labels

    analysed = result.contributions[result.contributions["status"] == "analysed"]
    for cell in analysed["themes"]:
        assert set(split_labels(cell)) <= set(THEME_KEYS)
    for cell in analysed["statement_types"]:
        assert set(split_labels(cell)) <= set(STATEMENT_TYPE_KEYS)
    for key in THEME_KEYS + STATEMENT_TYPE_KEYS:
        assert f"score_{key}" in analysed.columns


def _table_hashes(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.suffix in (".csv",)
    }


def test_same_input_same_tables_byte_for_byte(run, tmp_path):
    _, first = run
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    again = write_run(
        analyse(contributions(), QUARTERS, settings, embedder=HashingEmbedder(), source="test"),
        tmp_path / "again",
    )
    assert _table_hashes(first) == _table_hashes(again)


def test_input_frame_is_not_mutated():
    frame = contributions(24)
    before = frame.copy()
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    analyse(frame, None, settings, embedder=HashingEmbedder())
    pd.testing.assert_frame_equal(frame, before)


def test_trained_model_is_applied_and_a_foreign_one_refused_before_work(tmp_path):
    from nlp_integration.errors import ModelError
    from nlp_integration.tasks import train_model

    frame = contributions(40)
    frame["code"] = ["a" if i % 2 else "b" for i in range(len(frame))]
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    train_model(frame, "code", tmp_path / "model", settings=settings, embedder=HashingEmbedder())
    with_model = load_settings(
        overrides=["embedding.cache=false", f"classify.model_dir={tmp_path / 'model'}"], environ={}
    )
    result = analyse(frame.drop(columns="code"), None, with_model, embedder=HashingEmbedder())
    analysed = result.contributions[result.contributions["status"] == "analysed"]
    assert set(analysed["label"]) <= {"a", "b"} and "score_a" in analysed.columns
    foreign = HashingEmbedder(model_id="hashing/other")
    with pytest.raises(ModelError, match="trained on embeddings of 'hashing/char3-5'"):
        analyse(frame.drop(columns="code"), None, with_model, embedder=foreign)


@pytest.mark.parametrize("column", ["label", "Label", "themes"])
def test_labels_in_a_column_named_like_an_output_train(tmp_path, column):
    # "label" is also the column a trained model writes; the input column is kept as label_input
    from nlp_integration.codebook import SupervisedClassifier
    from nlp_integration.tasks import train_model

    frame = contributions(40)
    frame[column] = ["a" if i % 2 else "b" for i in range(len(frame))]
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    train_model(frame, column, tmp_path / "model", settings=settings, embedder=HashingEmbedder())
    assert list(SupervisedClassifier.load(tmp_path / "model").classes_) == ["a", "b"]


def test_nested_stages_count_only_for_themselves():
    from nlp_integration.pipeline import _Timer

    timer = _Timer()
    with timer.stage("classify"):
        time.sleep(0.05)
        with timer.stage("embed"):
            time.sleep(0.2)
    assert timer.seconds["embed"] >= 0.2
    assert 0.05 <= timer.seconds["classify"] < 0.2


def test_every_embedding_counts_as_the_embed_stage(monkeypatch):
    """The codebook's texts and the topic labels' vocabulary are embedded in later stages; their
    time belongs to ``embed``, not to ``classify`` or ``topics``."""
    from nlp_integration import pipeline

    calls = []  # every embedding call takes 100 s on the run's clock
    real_clock = time.perf_counter

    def clock() -> float:
        return real_clock() + 100.0 * len(calls)

    class SlowEmbedder(HashingEmbedder):
        def encode(self, texts):
            calls.append(len(texts))
            return super().encode(texts)

    monkeypatch.setattr(pipeline._Timer, "clock", staticmethod(clock))
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    result = analyse(contributions(), QUARTERS, settings, embedder=SlowEmbedder())
    seconds = result.manifest["timings_s"]
    assert len(calls) >= 3  # contributions, codebook, label vocabulary
    assert seconds["embed"] >= 100 * len(calls)
    assert max(v for k, v in seconds.items() if k != "embed") < 50
