from __future__ import annotations

import pandas as pd

from nlp_integration.config import load_settings
from nlp_integration.embedding import HashingEmbedder
from nlp_integration.evaluation import evaluate_gold


def test_evaluate_reports_language_and_labels_against_gold(tmp_path):
    gold = pd.DataFrame(
        {
            "text": [
                "Wir brauchen mehr Sprachkurse am Abend.",
                "Нам потрібні курси німецької мови.",
                "",
            ],
            "gold_lang": ["de", "uk", "und"],
            "gold_themes": ["language", "language", ""],
            "gold_statement_types": ["need", "need", ""],
        }
    )
    settings = load_settings(overrides=["embedding.cache=false"], environ={})
    summary = evaluate_gold(gold, tmp_path, settings, embedder=HashingEmbedder())
    language = summary[summary["task"] == "language"].set_index("metric")["value"]
    assert language["n"] == 3
    assert 0.0 <= language["accuracy"] <= 1.0
    assert {"themes", "statement_types"} <= set(summary["task"])
    assert (tmp_path / "language_confusion.csv").is_file()
    assert (tmp_path / "themes_per_label.csv").is_file()
