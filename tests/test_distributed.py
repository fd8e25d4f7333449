"""The Dask path gives the local pipeline's per-contribution results, in input order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("distributed")

from pipeline_data import QUARTERS, contributions  # noqa: E402

from nlp_integration import schemas as S  # noqa: E402
from nlp_integration.config import LanguageSettings, Settings, TopicSettings  # noqa: E402
from nlp_integration.distributed import (  # noqa: E402
    _client,
    _sample_rows,
    _warn_about_slow_malloc,
    analyse_distributed,
)
from nlp_integration.embedding import HashingEmbedder  # noqa: E402
from nlp_integration.errors import InputColumnError  # noqa: E402
from nlp_integration.pipeline import analyse  # noqa: E402
from nlp_integration.topic_sampling import nearest_topics  # noqa: E402

# k-means topics and the data's own languages keep model loading (and the test) short
SETTINGS = Settings(
    topics=TopicSettings(nr_topics=4),
    language=LanguageSettings(candidates="de,en,tr,ar,ru,pl"),
)
EXACT = [S.ID, S.STATUS, S.LANG, S.LANG_MIXED, S.THEMES, S.STATEMENT_TYPES, S.TOPIC_ID]


def _frame() -> pd.DataFrame:
    frame = contributions()
    frame.index = [f"row{i}" for i in range(len(frame))][::-1]  # an index of its own is kept
    return frame


@pytest.fixture(scope="module")
def cluster():
    import dask
    from distributed import LocalCluster

    # started as docs/scaling.md recommends for users' clusters (see _warn_about_slow_malloc)
    unset = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
    with (
        dask.config.set(unset),
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
    ):
        yield local.scheduler_address


@pytest.fixture(scope="module")
def local_run():
    return analyse(_frame(), QUARTERS, SETTINGS, embedder=HashingEmbedder())


@pytest.fixture(scope="module")
def dask_run(cluster):
    return analyse_distributed(
        _frame(),
        QUARTERS,
        SETTINGS,
        scheduler=cluster,
        partition_size=16,
        embedder_factory=HashingEmbedder,
    )


def _assert_same_contributions(local: pd.DataFrame, dist: pd.DataFrame) -> None:
    assert list(dist.columns) == list(local.columns)
    assert dist.index.equals(local.index)
    for column in EXACT:
        assert dist[column].tolist() == local[column].tolist(), column
    scores = [S.LANG_SCORE] + [c for c in local.columns if c.startswith(S.SCORE_PREFIX)]
    assert len(scores) > 10
    np.testing.assert_allclose(
        dist[scores].to_numpy(float), local[scores].to_numpy(float), atol=1e-6, equal_nan=True
    )


@pytest.mark.slow
def test_dask_run_equals_local_run_row_by_row(local_run, dask_run):
    _assert_same_contributions(local_run.contributions, dask_run.contributions)
    assert dask_run.manifest["distributed"]["partitions"] == 4  # 62 rows by 16
    assert dask_run.manifest["rows_by_status"] == local_run.manifest["rows_by_status"]
    assert dask_run.manifest["redaction"] == local_run.manifest["redaction"]
    assert dask_run.manifest["input"]["sha256"] == local_run.manifest["input"]["sha256"]
    pd.testing.assert_frame_equal(dask_run.topics, local_run.topics)
    pd.testing.assert_frame_equal(dask_run.priorities, local_run.priorities)
    np.testing.assert_allclose(dask_run.embeddings, local_run.embeddings, atol=1e-6)


@pytest.mark.slow
def test_partitioned_parquet_folder_gives_the_same_rows(local_run, cluster, tmp_path):
    frame = contributions()
    folder = tmp_path / "parts"
    folder.mkdir()
    # part names sort in input order; the middle part is written with an index of its own
    for number, (start, stop) in enumerate([(0, 20), (20, 45), (45, len(frame))]):
        frame.iloc[start:stop].to_parquet(folder / f"part-{number:02d}.parquet")
    result = analyse_distributed(
        folder, QUARTERS, SETTINGS, scheduler=cluster, embedder_factory=HashingEmbedder
    )
    expected = local_run.contributions.reset_index(drop=True)  # parts are read with a new index
    _assert_same_contributions(expected, result.contributions)
    assert result.manifest["distributed"]["partitions"] == 3
    assert result.manifest["input"]["notes"] == ["3 Parquet parts"]


@pytest.mark.slow
def test_topics_fitted_on_a_sample_reach_every_contribution(cluster, tmp_path):
    frame = contributions().drop(columns=[S.ID])  # ids generated over the whole input
    frame.to_csv(tmp_path / "input.csv", index=False)
    result = analyse_distributed(
        tmp_path / "input.csv",
        None,
        SETTINGS,
        scheduler=cluster,
        partition_size=25,
        topic_sample=30,
        embedder_factory=HashingEmbedder,
    )
    table = result.contributions
    analysed = table[S.STATUS] == S.STATUS_ANALYSED
    assert table[S.ID].tolist() == [f"r{i:04d}" for i in range(1, len(frame) + 1)]
    assert result.manifest["distributed"]["topic_sample"] == 30
    assert table.loc[analysed, S.TOPIC_ID].notna().all()
    assert table.loc[~analysed, S.TOPIC_ID].isna().all()
    assert set(table.loc[analysed, S.TOPIC_ID]) <= set(result.topics["topic_id"])
    assert int(result.topics["size"].sum()) == int(analysed.sum())
    assert int(result.topics_over_time["n"].sum()) == int(
        table.loc[analysed, S.DATE].str.len().gt(0).sum()
    )
    assert table[S.TEXT].tolist()[9] != frame[S.TEXT].tolist()[9]  # redacted: a name, an e-mail
    assert result.embeddings is None  # only a sample of the vectors reached the client


@pytest.mark.slow
def test_local_and_dask_fit_topics_on_the_same_sample(cluster):
    sampled = Settings(topics=TopicSettings(nr_topics=4, fit_sample=30), language=SETTINGS.language)
    local = analyse(_frame(), None, sampled, embedder=HashingEmbedder())
    dask = analyse_distributed(
        _frame(), None, sampled, scheduler=cluster, partition_size=16,
        embedder_factory=HashingEmbedder,
    )  # fmt: skip
    _assert_same_contributions(local.contributions, dask.contributions)
    pd.testing.assert_frame_equal(dask.topics, local.topics)
    analysed = local.contributions[S.STATUS] == S.STATUS_ANALYSED
    assert analysed.sum() > 30 and local.contributions.loc[analysed, S.TOPIC_ID].notna().all()
    assert int(local.topics["size"].sum()) == int(analysed.sum())


@pytest.mark.slow
def test_missing_text_column_is_a_user_error(cluster):
    frame = contributions().rename(columns={"text": "body"})
    with pytest.raises(InputColumnError, match="no text column 'text'"):
        analyse_distributed(frame, None, SETTINGS, scheduler=cluster, partition_size=20)


def test_sample_rows_are_seeded_and_within_partitions():
    rows, everything = _sample_rows([5, 0, 7], 100, seed=1)
    assert everything and rows == [[0, 1, 2, 3, 4], [], list(range(7))]
    first, everything = _sample_rows([50, 0, 70], 30, seed=1)
    again, _ = _sample_rows([50, 0, 70], 30, seed=1)
    other, _ = _sample_rows([50, 0, 70], 30, seed=2)
    assert not everything and first == again and first != other
    assert sum(map(len, first)) == 30 and first[1] == []
    assert all(0 <= r < n for part, n in zip(first, [50, 0, 70], strict=True) for r in part)


def test_nearest_topics_uses_the_fits_language_centring():
    # two languages shifted apart; after centring, the topic direction decides
    topic_a, topic_b, shift = np.eye(4)[0], np.eye(4)[1], 3 * np.eye(4)[2]
    centring = ({"de": np.zeros(4), "tr": shift}, shift / 2)
    vectors = np.vstack([topic_a + 0.1 * topic_b, shift + topic_b, shift + topic_a])
    centroids = np.vstack([topic_a, topic_b])
    found = nearest_topics(vectors, ["de", "tr", "tr"], centroids, [7, 9], centring)
    assert found.tolist() == [7, 9, 7]
    # a language without a mean of its own is centred by the shared one
    unseen = nearest_topics(vectors[1:2] - shift / 2, ["xx"], centroids, [7, 9], centring)
    assert unseen.tolist() == [9]
    empty = nearest_topics(vectors, ["de"] * 3, np.zeros((0, 4)), [], centring)
    assert empty.tolist() == [-1] * 3


@pytest.mark.slow
def test_too_few_contributions_for_topics_as_in_the_pipeline(cluster):
    frame = contributions(4)
    result = analyse_distributed(
        frame, None, SETTINGS, scheduler=cluster, embedder_factory=HashingEmbedder
    )
    local = analyse(frame, None, SETTINGS, embedder=HashingEmbedder())
    _assert_same_contributions(local.contributions, result.contributions)
    assert result.manifest["topics"] == local.manifest["topics"]
    assert result.topics.empty and result.topics_over_time.empty


@pytest.mark.slow
def test_our_local_cluster_leaves_glibc_malloc_adaptive():
    import os

    with _client(None, 1) as client:
        assert set(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == {None}


def test_workers_with_dask_malloc_default_get_a_warning():
    class Workers:
        def __init__(self, values):
            self.values = values

        def run(self, function, name):
            return dict(self.values)

    with pytest.warns(UserWarning, match="1 Dask worker.*MALLOC_TRIM_THRESHOLD_.*null"):
        _warn_about_slow_malloc(Workers({"tcp://a:1": "65536", "tcp://b:2": None}))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _warn_about_slow_malloc(Workers({"tcp://a:1": None}))
