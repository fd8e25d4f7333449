"""End to end on the bundled sample corpus with the real offline models (slow, runs in CI)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_writes_the_whole_run_folder_and_second_run_embeds_nothing(tmp_path):
    env = {
        **os.environ,
        "NLP_INTEGRATION_PROGRESS": "0",
        "NLP_INTEGRATION_CACHE": str(tmp_path / "cache"),
    }
    out = tmp_path / "demo"
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "nlp_integration", "demo", "--out", str(out)],
                                capture_output=True, text=True, env=env, timeout=900)  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        if _ == 0:
            first = json.loads((out / "manifest.json").read_text())
    second = json.loads((out / "manifest.json").read_text())
    for name in ("contributions.csv", "contributions.parquet", "topics.csv", "priorities.csv", "report.html",
                 "summary.md", "report.xlsx", "manifest.json", "crosstab_quarter_type.csv"):  # fmt: skip
        assert (out / name).is_file(), name
    corpus = pd.read_csv(
        ROOT / "corpora" / "sample" / "contributions.csv", dtype=str, keep_default_na=False
    )
    table = pd.read_csv(out / "contributions.csv", dtype=str, keep_default_na=False)
    assert table["id"].tolist() == corpus["id"].tolist()
    assert first["embedding_cache"]["embedded"] > 0
    assert second["embedding_cache"]["embedded"] == 0, "the second run is served from the cache"
    assert second["timings_s"]["embed"] < first["timings_s"]["embed"]
    topics = pd.read_csv(out / "topics.csv")
    assert len(topics) >= 3
