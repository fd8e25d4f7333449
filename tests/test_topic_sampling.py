"""Fitting topics on a sample and extending them to every contribution."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.config import Settings, TopicSettings
from nlp_integration.embedding import HashingEmbedder
from nlp_integration.pipeline import fit_topics_sampled
from nlp_integration.topic_sampling import extend_to_all, full_topic_table, sample_positions


def test_sample_positions_are_seeded_sorted_and_none_when_all_fit():
    assert sample_positions(10, 20, seed=1) is None
    assert sample_positions(10, 0, seed=1) is None  # 0 = no sampling
    first, again = sample_positions(100, 30, seed=1), sample_positions(100, 30, seed=1)
    assert np.array_equal(first, again) and not np.array_equal(first, sample_positions(100, 30, 2))
    assert len(set(first.tolist())) == 30 and (np.diff(first) > 0).all() and first.max() < 100


def test_extend_to_all_keeps_the_samples_own_topics_and_recounts():
    table = pd.DataFrame({"topic_id": [0, 1, 2], "label": ["a", "b", "c"], "size": [2, 1, 0],
                          "share_by_lang": ["{}"] * 3})  # fmt: skip
    model = SimpleNamespace(labels_=np.array([1, 0, 1]))
    nearest = np.array([0, 0, 0, 0, 1, 0])
    pick = np.array([1, 3, 4])
    langs = ["de", "de", "tr", "tr", "tr", "de"]
    extended, topics, assignments = extend_to_all(model, table, nearest, pick, langs)
    assert assignments[S.TOPIC_ID].tolist() == [0, 1, 0, 0, 1, 0]
    assert assignments[S.TOPIC_LABEL].tolist() == ["a", "b", "a", "a", "b", "a"]
    assert extended.labels_.tolist() == [0, 1, 0, 0, 1, 0] and model.labels_.tolist() == [1, 0, 1]
    assert topics["topic_id"].tolist() == [0, 1]  # topic 2 has no contribution: left out
    assert topics["size"].tolist() == [4, 2]
    assert json.loads(topics.loc[1, "share_by_lang"]) == {"de": 0.5, "tr": 0.5}


def test_full_topic_table_shares_sum_to_one():
    table = pd.DataFrame({"topic_id": [0, 1], "label": ["a", "b"], "size": [0, 0],
                          "share_by_lang": ["", ""]})  # fmt: skip
    rows = full_topic_table(table, np.array([0, 0, 1, 0]), ["de", "tr", "ar", "de"])
    shares = [json.loads(v) for v in rows["share_by_lang"]]
    assert shares[0] == {"de": 0.667, "tr": 0.333} and shares[1] == {"ar": 1.0}


def test_pipeline_fits_on_a_sample_and_gives_every_contribution_a_topic(hashing_embedder):
    texts = [f"Thema {i % 3}: Wir brauchen {['Kitas', 'Busse', 'Wohnungen'][i % 3]} {i}"
             for i in range(60)]  # fmt: skip
    vectors = HashingEmbedder().encode(texts)
    settings = Settings(topics=TopicSettings(nr_topics=3, fit_sample=25, guided=False))
    ids = [f"c{i}" for i in range(60)]
    model, topics, assignments = fit_topics_sampled(
        texts, vectors, ["de"] * 60, ids, settings, hashing_embedder
    )
    assert len(model.labels_) == 60 and len(assignments) == 60
    assert assignments[S.TOPIC_ID].isin(topics["topic_id"]).all()
    assert int(topics["size"].sum()) == 60
