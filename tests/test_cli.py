from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest


def run_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NLP_INTEGRATION_PROGRESS": "0"}
    return subprocess.run(
        [sys.executable, "-m", "nlp_integration", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
    )


@pytest.mark.parametrize(
    ("make", "args", "code", "needle"),
    [
        (None, ["analyse", "missing.csv", "--out", "o"], 3, "does not exist"),
        ("text;x\n", ["detect-language", "in.csv", "--out", "o.csv"], 3, "header but no rows"),
        (
            "txt,id\nhallo welt,1\n",
            ["detect-language", "in.csv", "--out", "o.csv"],
            4,
            "did you mean 'txt'",
        ),
        (
            "text,id\nhallo welt,1\nhallo du,1\n",
            ["detect-language", "in.csv", "--out", "o.csv"],
            5,
            "rows 2 and 3",
        ),
        (
            "text\nhallo welt\n",
            ["detect-language", "in.csv", "--out", "o.csv", "--set", "nope.x=1"],
            6,
            "unknown setting",
        ),
        ("text\nhallo welt\n", ["report", "."], 3, "not a finished run folder"),
    ],
)
def test_user_errors_are_one_line_with_distinct_exit_codes(tmp_path, make, args, code, needle):
    if make is not None:
        (tmp_path / "in.csv").write_text(make, encoding="utf-8")
    result = run_cli(*args, cwd=tmp_path)
    message = result.stderr.strip()
    assert needle in message
    assert "Traceback" not in result.stderr
    assert len(message.splitlines()) == 1, message
    assert result.returncode == code


def test_detect_language_keeps_columns_and_rows(tmp_path):
    frame = pd.DataFrame(
        {
            "Beitrag": ["Wir brauchen mehr Kitas im Viertel", "", "Нам потрібні курси мови"],
            "extra": [1, 2, 3],
        }
    )
    frame.to_csv(tmp_path / "in.csv", sep=";", index=False)
    result = run_cli("detect-language", "in.csv", "--out", "out.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = pd.read_csv(tmp_path / "out.csv", keep_default_na=False)
    assert out["extra"].tolist() == [1, 2, 3]
    assert out["lang"].tolist() == ["de", "und", "uk"]
    assert out["status"].tolist() == ["analysed", "skipped:empty", "analysed"]


def test_init_config_and_version(tmp_path):
    assert run_cli("--version").stdout.startswith("nlp-integration")
    result = run_cli("init-config", "--out", "c.toml", cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "c.toml").read_text().count("[analysis]") == 1


def test_command_line_imports_bertopic_without_unused_heavy_representations():
    probe = (
        "import sys\n"
        "from nlp_integration.cli import _skip_unused_representations\n"
        "_skip_unused_representations()\n"
        "from bertopic import BERTopic\n"
        "from bertopic.representation import PartOfSpeech, TextGeneration\n"
        "assert 'transformers.pipelines' not in sys.modules and 'spacy' not in sys.modules\n"
        "assert type(TextGeneration).__name__ == type(PartOfSpeech).__name__ == 'NotInstalled'\n"
        "import spacy\n"  # spaCy itself stays importable for the keyword tokens
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_console_command_exits_with_the_code_and_runs_exit_handlers(tmp_path):
    probe = (
        "import atexit, sys\n"
        "from nlp_integration.cli import run\n"
        "atexit.register(lambda: print('handler ran'))\n"
        "sys.argv = ['nlp-integration', *sys.argv[1:]]\n"
        "run()\n"
    )
    ok = subprocess.run([sys.executable, "-c", probe, "--version"], capture_output=True, text=True)
    assert ok.returncode == 0
    assert ok.stdout.startswith("nlp-integration") and ok.stdout.rstrip().endswith("handler ran")
    failed = subprocess.run(
        [sys.executable, "-c", probe, "analyse", str(tmp_path / "missing.csv"), "--out", "o"],
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 3 and "does not exist" in failed.stderr
    assert failed.stdout.strip() == "handler ran"
