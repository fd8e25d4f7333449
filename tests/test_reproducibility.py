"""Same input and config, same tables; the manifest holds what is needed to run it again (issue 9).

tests/test_pipeline.py already compares the CSV bytes of two in-process runs; this module adds the
Parquet table, the Excel report's cell values, the manifest, other seeds, and two separate
processes through the CLI (another PYTHONHASHSEED each, so set-order effects would show).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import tomli_w
from openpyxl import load_workbook

from nlp_integration.config import load_settings
from nlp_integration.embedding import HashingEmbedder
from nlp_integration.pipeline import analyse, frame_hash, write_run
from tests.pipeline_data import QUARTERS, contributions

TABLES = ("*.csv", "contributions.parquet")
VOLATILE_MANIFEST_KEYS = ("created", "timings_s")


def _settings(*overrides: str):
    return load_settings(overrides=["embedding.cache=false", *overrides], environ={})


def _run(out: Path, *overrides: str, rows: int = 24) -> Path:
    result = analyse(
        contributions(rows), QUARTERS, _settings(*overrides), embedder=HashingEmbedder(), source="t"
    )
    return write_run(result, out)


def _digests(folder: Path, patterns=TABLES) -> dict[str, str]:
    files = sorted({p for pattern in patterns for p in folder.glob(pattern)})
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def twice(tmp_path_factory):
    root = tmp_path_factory.mktemp("repro")
    return _run(root / "first"), _run(root / "second")


def test_parquet_and_csv_tables_are_byte_identical(twice):
    first, second = twice
    digests = _digests(first)
    assert "contributions.parquet" in digests and "priorities.csv" in digests
    assert digests == _digests(second)


def test_excel_report_has_identical_sheets_and_cells(twice):
    books = [load_workbook(folder / "report.xlsx", read_only=True) for folder in twice]
    assert books[0].sheetnames == books[1].sheetnames
    for name in books[0].sheetnames:
        rows = [
            [r for r in book[name].iter_rows(values_only=True) if not _volatile(r)]
            for book in books
        ]
        assert rows[0] == rows[1], name


def _volatile(row: tuple) -> bool:
    """Manifest rows that record when and how fast, not what."""
    return bool(row) and str(row[0]).split(".")[0] in VOLATILE_MANIFEST_KEYS


def test_summary_and_manifest_identical_except_time(twice):
    first, second = (_manifest(folder) for folder in twice)
    for key in VOLATILE_MANIFEST_KEYS:
        first.pop(key), second.pop(key)
    assert first == second
    assert (twice[0] / "summary.md").read_bytes() == (twice[1] / "summary.md").read_bytes()


def test_manifest_records_what_a_rerun_needs(twice, tmp_path):
    manifest = _manifest(twice[0])
    assert manifest["input"]["sha256"] == frame_hash(contributions(24))
    assert manifest["input"]["sha256"] != frame_hash(contributions(23))
    assert manifest["input"]["rows"] == len(contributions(24))
    assert manifest["config"]["seed"] == _settings().seed
    for package in ("nlp_integration", "numpy", "pandas", "scikit-learn", "bertopic", "umap-learn"):
        assert manifest["packages"][package] not in ("", "not installed"), package
    assert manifest["models"]["embedding"] == HashingEmbedder().model_id
    assert manifest["models"]["hostility_direction"] is None  # built for the default embedder only
    # the recorded config, written back as TOML, gives the very same settings
    config = tmp_path / "from_manifest.toml"
    config.write_text(tomli_w.dumps(manifest["config"]), encoding="utf-8")
    assert load_settings(config, environ={}) == _settings()


@pytest.fixture(scope="module")
def other_seed(tmp_path_factory):
    folder = _run(tmp_path_factory.mktemp("seed") / "seed7", "seed=7")
    assert _manifest(folder)["config"]["seed"] == 7
    return pd.read_parquet(folder / "contributions.parquet")


def test_another_seed_changes_only_topics_and_quarter_types(twice, other_seed):
    """Topics and quarter types may change with the seed; rows, language and labels may not."""
    base = pd.read_parquet(twice[0] / "contributions.parquet")
    assert base.columns.tolist() == other_seed.columns.tolist()
    same = ["id", "status", "text", "lang", "lang_score", "lang_mixed", "quarter", "channel",
            "themes", "statement_types"] + [c for c in base.columns if c.startswith("score_")]  # fmt: skip
    pd.testing.assert_frame_equal(base[same], other_seed[same])


@pytest.mark.slow  # two fresh processes, each paying the BERTopic/UMAP import (~30 s)
def test_two_processes_via_cli_write_identical_tables(tmp_path):
    source = contributions(40)
    source.to_csv(tmp_path / "in.csv", index=False)
    QUARTERS.to_csv(tmp_path / "quarters.csv", index=False)
    folders = []
    for run, hash_seed in (("a", "1"), ("b", "2")):
        env = {**os.environ, "NLP_INTEGRATION_PROGRESS": "0", "PYTHONHASHSEED": hash_seed,
               "NLP_INTEGRATION_CACHE": str(tmp_path / f"cache_{run}")}  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "nlp_integration", "analyse", "in.csv", "--out", run,
             "--quarters", "quarters.csv", "--set", "embedding.backend=hashing"],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        folders.append(tmp_path / run)
    assert _digests(folders[0]) == _digests(folders[1])
    assert len(_digests(folders[0])) >= 5
    table = pd.read_parquet(folders[0] / "contributions.parquet")
    assert table["id"].tolist() == source["id"].tolist()
