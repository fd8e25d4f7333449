"""Crash safety: atomic files, no half-written run folder that looks complete, re-runs use the cache.

Issue 9. The run folder contract: ``write_run`` writes into ``<out>.partial`` and renames it at the
very end, so a folder named ``<out>`` is always a finished run.
"""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import nlp_integration.reporting as reporting
from nlp_integration.config import load_settings
from nlp_integration.embedding import CachedEmbedder, EmbeddingCache, HashingEmbedder
from nlp_integration.io import atomic_write, atomic_write_json, write_table
from nlp_integration.pipeline import analyse, write_run
from tests.pipeline_data import QUARTERS, contributions

SETTINGS = load_settings(overrides=["embedding.cache=false"], environ={})


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ----------------------------------------------------------------------------- atomic files
def test_atomic_write_failure_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old content\n", encoding="utf-8")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("new cont", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_atomic_write_interrupt_keeps_old_file(tmp_path):
    target = tmp_path / "manifest.json"
    atomic_write_json(target, {"rows": 1})

    def interrupted(tmp: Path) -> None:
        tmp.write_text("{", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, interrupted)
    assert target.read_text(encoding="utf-8").startswith('{\n  "rows": 1')
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


@pytest.mark.parametrize(
    ("suffix", "method"),
    [(".csv", "to_csv"), (".parquet", "to_parquet"), (".xlsx", "to_excel"), (".jsonl", "to_json")],
)
def test_write_table_that_fails_midway_keeps_old_file(tmp_path, monkeypatch, suffix, method):
    target = write_table(pd.DataFrame({"text": ["alt"]}), tmp_path / f"t{suffix}")
    before = target.read_bytes()

    def half_written(self, path, *args, **kwargs):
        Path(path).write_bytes(b"half a tab")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, method, half_written)
    with pytest.raises(OSError, match="disk full"):
        write_table(pd.DataFrame({"text": ["neu"]}), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


# ------------------------------------------------------------------------ run folder safety
@pytest.fixture(scope="module")
def result():
    return analyse(contributions(24), QUARTERS, SETTINGS, embedder=HashingEmbedder(), source="t")


def _failing_render(*args, **kwargs):
    raise RuntimeError("renderer crashed")


def test_interrupted_write_run_leaves_no_complete_looking_folder(result, tmp_path, monkeypatch):
    out = tmp_path / "run"
    monkeypatch.setattr(reporting, "render_reports", _failing_render)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        write_run(result, out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.partial"]
    assert (out.with_name("run.partial") / "contributions.csv").is_file()

    monkeypatch.undo()  # the re-run succeeds and cleans up
    write_run(result, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]
    for name in ("contributions.csv", "manifest.json", "report.html", "report.xlsx"):
        assert (out / name).is_file(), name


def test_interrupted_rerun_keeps_previous_run_intact(result, tmp_path, monkeypatch):
    out = write_run(result, tmp_path / "run")
    before = _snapshot(out)
    monkeypatch.setattr(reporting, "render_reports", _failing_render)
    with pytest.raises(RuntimeError):
        write_run(result, out)
    assert _snapshot(out) == before
    monkeypatch.setattr(reporting, "render_reports", lambda *a, **k: _raise(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        write_run(result, out)
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run", "run.partial"]


def _raise(exc: type[BaseException]) -> None:
    raise exc


_KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    import pandas as pd
    import nlp_integration.reporting as reporting
    from nlp_integration.pipeline import RunResult, write_run

    def slow_render(run_dir, *args, **kwargs):
        (run_dir / "render-started").write_text("1")
        time.sleep(120)

    reporting.render_reports = slow_render
    empty = pd.DataFrame()
    table = pd.DataFrame({"id": ["a", "b"], "text": ["eins", "zwei"], "status": ["analysed"] * 2})
    result = RunResult(table, empty, empty, empty, {}, empty, empty, empty, {"timings_s": {}})
    write_run(result, sys.argv[1])
    """
)


def test_killed_process_leaves_only_partial_folder(tmp_path):
    """SIGKILL in the middle of write_run (no exception handler can run) leaves no `run` folder."""
    out = tmp_path / "run"
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    marker = tmp_path / "run.partial" / "render-started"
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.exists(), process.stderr.read().decode() if process.poll() is not None else ""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert not out.exists()
    assert (tmp_path / "run.partial" / "contributions.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.partial"]


# ------------------------------------------------------------------- re-run uses the cache
class FlakyEmbedder:
    """HashingEmbedder that fails on its n-th call, like a run interrupted while embedding."""

    model_id = "hashing/char3-5"

    def __init__(self, fail_on_call: int) -> None:
        self.fail_on_call = fail_on_call
        self.calls = 0
        self.inner = HashingEmbedder()

    def encode(self, texts):
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise KeyboardInterrupt
        return self.inner.encode(texts)


def test_rerun_after_interruption_continues_from_embedding_cache(tmp_path, monkeypatch):
    cache = EmbeddingCache(tmp_path / "cache")
    frame = contributions(12)
    out = tmp_path / "run"

    # 1) interrupted while embedding: the chunks done so far are already on disk
    flaky = CachedEmbedder(FlakyEmbedder(fail_on_call=3), cache, chunk_size=4)
    with pytest.raises(KeyboardInterrupt):
        analyse(frame, QUARTERS, SETTINGS, embedder=flaky, source="t")
    with sqlite3.connect(cache.path) as con:
        stored = con.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    assert stored == 8  # two chunks of 4

    # 2) interrupted while writing the reports
    second = CachedEmbedder(HashingEmbedder(), cache, chunk_size=4)
    result = analyse(frame, QUARTERS, SETTINGS, embedder=second, source="t")
    assert second.stats.from_cache >= 8
    assert 0 < second.stats.embedded < second.stats.unique
    monkeypatch.setattr(reporting, "render_reports", _failing_render)
    with pytest.raises(RuntimeError):
        write_run(result, out)
    assert not out.exists()

    # 3) the re-run embeds nothing and finishes the folder
    monkeypatch.undo()
    third = CachedEmbedder(HashingEmbedder(), cache)
    again = analyse(frame, QUARTERS, SETTINGS, embedder=third, source="t")
    write_run(again, out, render=False)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedding_cache"]["embedded"] == 0
    assert manifest["embedding_cache"]["from_cache"] == manifest["embedding_cache"]["unique"] > 0
    np.testing.assert_array_equal(again.embeddings, result.embeddings)
    assert not (tmp_path / "run.partial").exists()
