"""Steps run in a worker process give exactly what they give in this process, or fall back here."""

from __future__ import annotations

import logging
import subprocess

import numpy as np
import pandas as pd
import pytest

from nlp_integration import analyse, background
from nlp_integration.codebook.classifiers import lexical_evidence
from nlp_integration.config import load_settings
from nlp_integration.embedding import HashingEmbedder
from nlp_integration.keywords import tokenize_texts
from nlp_integration.topics import TopicModel
from tests.pipeline_data import QUARTERS, contributions
from tests.test_topics import blobs

TEXTS = [
    "Die Mieten im Viertel steigen, sagt [NAME]; 2024 zahlen wir 30 % mehr.",
    "Ausländer sind alle kriminell.",
    "Man hört oft, Flüchtlinge seien kriminell – das stimmt nicht.",
    "Otobüs sabahları durağa 20 dakika geç geliyor.",
    "Нам нужен детский сад рядом с домом.",
    "",
]
LANGS = ["de", "de", "de", "tr", "ru", "und"]


def test_keyword_tokens_from_the_worker_equal_those_made_here():
    tokens, forms = tokenize_texts(TEXTS, LANGS)
    answer = background.start("keyword_tokens", {"texts": TEXTS, "langs": LANGS}).result()
    assert answer == {"tokens": tokens, "forms": forms}
    assert any("miete" in t for t in tokens)  # not trivially empty


def test_lexical_evidence_from_the_worker_equals_that_made_here():
    here = lexical_evidence(TEXTS)
    answer = np.asarray(background.start("lexical_evidence", {"texts": TEXTS}).result())
    assert np.array_equal(answer, here)
    assert here[1, 0] > 0.5 and max(here[2, 1], here[2, 2]) > 0.5  # hostile; counter-speech


def test_languages_from_the_worker_equal_those_detected_here():
    from nlp_integration.language import LanguageDetector

    texts = [*TEXTS, "Çocuklar için park yok. Wir brauchen mehr Spielplätze in unserem Viertel."]
    here = LanguageDetector(["de", "tr", "ru", "en"], 2).fit(texts).detect(texts)
    payload = {"texts": texts, "candidates": ["de", "tr", "ru", "en"], "min_letters": 2}
    answer = pd.DataFrame(background.start("languages", payload).result())
    pd.testing.assert_frame_equal(answer, here)
    assert answer["lang"].tolist()[:5] == ["de", "de", "de", "tr", "ru"]
    assert answer["lang_mixed"].iloc[-1]  # the mixed text is seen as mixed


def test_worker_that_cannot_start_falls_back_here(monkeypatch, caplog):
    monkeypatch.setattr(background.sys, "executable", "/nonexistent/python")
    with caplog.at_level(logging.WARNING, logger="nlp_integration.background"):
        answer = background.start("lexical_evidence", {"texts": TEXTS}).result()
    assert np.array_equal(np.asarray(answer), lexical_evidence(TEXTS))
    assert "did not start" in caplog.text


def test_failing_worker_falls_back_here(monkeypatch, caplog):
    def crash(command, **kwargs):
        return subprocess.CompletedProcess(
            command, 1, b"", b"Traceback\nMemoryError: out of memory"
        )

    monkeypatch.setattr(background.subprocess, "run", crash)
    with caplog.at_level(logging.WARNING, logger="nlp_integration.background"):
        answer = background.start("keyword_tokens", {"texts": TEXTS, "langs": LANGS}).result()
    assert answer == dict(zip(("tokens", "forms"), tokenize_texts(TEXTS, LANGS), strict=True))
    assert "MemoryError: out of memory" in caplog.text


def test_unknown_task_is_refused():
    with pytest.raises(ValueError, match="unknown background task 'nope'"):
        background.start("nope", {})


def test_worker_command_line_refuses_a_bad_task():
    done = subprocess.run(
        [background.sys.executable, "-m", "nlp_integration.background", "nope"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "usage" in done.stderr


def test_worth_it_needs_enough_items_and_a_second_core(monkeypatch):
    monkeypatch.setattr(background, "available_cores", lambda: 2)
    assert background.worth_it(background.MIN_ITEMS)
    assert not background.worth_it(background.MIN_ITEMS - 1)
    monkeypatch.setattr(background, "available_cores", lambda: 1)
    assert not background.worth_it(10**6)
    monkeypatch.setattr(background, "available_cores", lambda: 2)
    monkeypatch.setenv("NLP_INTEGRATION_WORKERS", "0")
    assert not background.worth_it(10**6)


def test_topics_are_the_same_with_tokens_from_the_worker(monkeypatch, hashing_embedder):
    texts, x, langs, ids, _ = blobs()
    here = TopicModel(nr_topics=3).fit(texts, x, langs, ids, label_embedder=hashing_embedder)
    calls = []
    original = background.start
    monkeypatch.setattr(background, "worth_it", lambda n: True)
    monkeypatch.setattr(background, "start", lambda *a: calls.append(a[2]) or original(*a))
    worker = TopicModel(nr_topics=3).fit(texts, x, langs, ids, label_embedder=hashing_embedder)
    assert calls == [True]
    assert np.array_equal(here.labels_, worker.labels_)
    pd.testing.assert_frame_equal(here.topics_table(), worker.topics_table())
    assert here.word_forms_ == worker.word_forms_


@pytest.mark.slow
def test_analysis_is_the_same_with_workers(monkeypatch):
    settings = load_settings(overrides=["embedding.cache=false"], environ={})

    def contributions_table(in_workers: bool) -> pd.DataFrame:
        monkeypatch.setattr(background, "worth_it", lambda n: in_workers)
        result = analyse(contributions(), QUARTERS, settings, embedder=HashingEmbedder())
        return result.contributions

    pd.testing.assert_frame_equal(contributions_table(False), contributions_table(True))
