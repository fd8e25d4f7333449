"""Scale-out on Dask: the per-contribution stages run partitioned on the workers of a cluster.

``analyse_distributed`` gives the same :class:`~nlp_integration.pipeline.RunResult` as
:func:`~nlp_integration.pipeline.analyse` (one row per input row, in input order, same columns):

1. read: a folder of Parquet parts through ``dask.dataframe.read_parquet`` (one partition per part
   or row group), or one file / DataFrame cut into partitions of ``partition_size`` rows;
2. on the workers, per partition, in two passes: (a) validation and status, redaction, and the
   languages of long texts, which the client adds up into the detector's corpus prior exactly as
   ``LanguageDetector.fit(texts)`` does; (b) language with that prior, embedding (each worker
   builds its own embedder once; on one machine they share the SQLite cache) and classification
   (the codebook classifier is fitted once on the client and broadcast). Partition results, with
   their vectors, stay in the workers' memory;
3. on the client: topics fitted on a seeded random sample of at most ``topic_sample`` analysed
   contributions; the other contributions go to the nearest topic centroid (on the workers, in the
   same language-centred space); then quarters, cross-tables and priorities as in the pipeline.

With ``scheduler=None`` a local cluster of ``n_workers`` processes is started and closed; with an
address (``"tcp://host:8786"``) the function connects to a running ``dask.distributed`` scheduler
whose workers have ``nlp_integration`` installed. Dask is imported only when the function runs.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nlp_integration import pipeline, topic_sampling
from nlp_integration import schemas as S
from nlp_integration.config import Settings
from nlp_integration.embedding import CachedEmbedder, CacheStats, Embedder, make_embedder
from nlp_integration.errors import InputFileError
from nlp_integration.io import prepare_contributions, read_notes, read_table, resolve_column
from nlp_integration.pipeline import RunResult

EmbedderFactory = Callable[[], Embedder]
_WORKER_STATE: dict[str, Any] = {}  # per process: detectors, embedders, classifiers built once


@dataclass
class PartitionResult:
    """What one partition yields on a worker; ``vectors`` stay on the worker until asked for."""

    table: pd.DataFrame
    langs: pd.DataFrame
    classes: pd.DataFrame
    vectors: np.ndarray
    redaction: dict[str, int]
    truncated: int
    cache: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # analysed texts, between the two passes
    languages: dict[str, int] = field(default_factory=dict)  # for the language prior


# ------------------------------------------------------------------------------ worker side
def _cached(key: str, build: Callable[[], Any]) -> Any:
    if key not in _WORKER_STATE:
        _WORKER_STATE[key] = build()
    return _WORKER_STATE[key]


def _worker_embedder(settings: Settings, factory: EmbedderFactory | None) -> Embedder:
    from dask.base import tokenize

    key = "embedder-" + tokenize(factory, asdict(settings.embedding))
    if factory is not None:
        return _cached(key, factory)
    cfg = settings.embedding
    return _cached(
        key, lambda: make_embedder(cfg.backend, cfg.model, cfg.batch_size, cfg.cache, cfg.precision)
    )


def fit_classifiers(settings: Settings, embedder: Embedder) -> list[Any]:
    """The codebook classifier (and a trained model, if the settings name one), as the pipeline
    fits them; fitted once per client process (kept for later runs) and sent to every worker."""
    from dask.base import tokenize

    from nlp_integration.codebook import CodebookClassifier, SupervisedClassifier, load_codebook

    cfg = settings.classify
    key = "classifiers-" + tokenize(embedder.model_id, asdict(cfg))

    def build() -> list[Any]:
        models: list[Any] = [
            # as in the pipeline: the codebook model learns from the codebook, its seed stays fixed
            CodebookClassifier(load_codebook(), cfg.max_themes, cfg.max_statement_types).fit(
                embedder
            )
        ]
        if cfg.model_dir:
            models.append(SupervisedClassifier.load(cfg.model_dir))
        return models

    return list(_cached(key, build))


def _worker_detector(settings: Settings) -> Any:
    from nlp_integration.language import LanguageDetector

    cfg = settings.language
    key = f"detector-{cfg.candidates}-{cfg.min_letters}"
    return _cached(key, lambda: LanguageDetector(cfg.candidates, cfg.min_letters).fit())


def _partition_ids(
    part: pd.DataFrame, settings: Settings, source: str
) -> tuple[int, list | None, str]:
    """Rows of a partition, its raw id cells (None without an id column) and its content hash.

    Also checks that the text column exists, so a missing column fails before any work.
    """
    cfg = settings.input
    resolve_column(part, cfg.text_column, source, what="text")
    id_col = resolve_column(part, cfg.id_column, source, required=False, what="id")
    ids = part[id_col].tolist() if id_col is not None else None
    return len(part), ids, pipeline.frame_hash(part) if len(part) else ""


class _Laps:
    """Seconds per stage, summed over calls."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.clock = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self.clock
        self.clock = now


def prepare_partition(
    part: pd.DataFrame, ids: Sequence[str], settings: Settings, source: str = "input"
) -> PartitionResult:
    """First pass on one partition: validate, redact, and count the languages of long texts.

    ``ids`` are the partition's final ids (validated, or generated, over the whole input). The
    language counts are what ``LanguageDetector.fit(texts)`` learns its corpus prior from; the
    client adds them up over all partitions.
    """
    from nlp_integration.redact import redact_texts

    cfg_in = settings.input
    seconds: dict[str, float] = {}
    lap = _Laps(seconds)
    table, text_col = prepare_contributions(
        part, cfg_in.text_column, cfg_in.id_column, source, settings.language.min_letters
    )
    table[S.ID] = list(ids)
    analysed = (table[S.STATUS] == S.STATUS_ANALYSED).to_numpy()
    lap("read")

    if settings.redaction.enabled:
        redacted, counts = redact_texts(table[text_col].tolist())
    else:
        redacted, counts = table[text_col].tolist(), {}
    table[text_col] = redacted
    texts = [t[: cfg_in.max_text_chars] for t, keep in zip(redacted, analysed, strict=True) if keep]
    truncated = int(sum(len(t) > cfg_in.max_text_chars for t in redacted))
    lap("redact")

    languages = _worker_detector(settings).language_counts(texts)
    lap("language")
    empty = pd.DataFrame()
    return PartitionResult(
        table, empty, empty, np.zeros((0, 0), np.float32), counts, truncated, {}, seconds,
        texts, languages,
    )  # fmt: skip


def corpus_prior(languages: dict[str, int], settings: Settings) -> dict[str, float] | None:
    """The corpus prior ``LanguageDetector.fit(texts)`` derives from the added-up counts."""
    from nlp_integration import language

    return language.corpus_prior(
        languages, language.resolve_candidates(settings.language.candidates)
    )


def analyse_partition(
    prepared: PartitionResult,
    settings: Settings,
    classifiers: Sequence[Any],
    prior: dict[str, float] | None,
    languages: dict[str, int],
    embedder_factory: EmbedderFactory | None = None,
) -> PartitionResult:
    """Second pass on one partition: language (with the corpus prior), embedding, classification.

    ``classifiers`` are fitted (:func:`fit_classifiers`); ``prior`` comes from
    :func:`corpus_prior` over the whole input.
    """
    from nlp_integration.pipeline import fill_analysed

    seconds = dict(prepared.seconds)
    lap = _Laps(seconds)
    texts = prepared.texts
    detector = copy.copy(_worker_detector(settings))  # shares the loaded lingua models
    detector.cache_, detector.prior_, detector.corpus_languages_ = {}, prior, dict(languages)
    langs = detector.detect(texts)[[S.LANG, S.LANG_SCORE, S.LANG_MIXED]]
    lap("language")

    embedder = _worker_embedder(settings, embedder_factory)
    before = asdict(embedder.stats) if isinstance(embedder, CachedEmbedder) else {}
    vectors = embedder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)
    vectors = np.asarray(vectors, dtype=np.float32)
    cache = (
        {k: v - before[k] for k, v in asdict(embedder.stats).items()}
        if isinstance(embedder, CachedEmbedder)
        else {}
    )
    lap("embed")

    holder = pd.DataFrame(index=range(len(texts)))
    everything = np.ones(len(texts), dtype=bool)
    for model in classifiers:
        fill_analysed(holder, everything, model.predict(vectors, texts))
    lap("classify")
    return dataclasses.replace(
        prepared,
        langs=langs,
        classes=holder.reset_index(drop=True),
        vectors=vectors,
        cache=cache,
        seconds=seconds,
        texts=[],
    )


def _languages_of(result: PartitionResult) -> dict[str, int]:
    return result.languages


def _without_vectors(result: PartitionResult) -> PartitionResult:
    return dataclasses.replace(result, vectors=np.zeros((0, 0), dtype=np.float32))


def _take_vectors(result: PartitionResult, rows: Sequence[int]) -> np.ndarray:
    return result.vectors[np.asarray(rows, dtype=int)]


def _assign(result: PartitionResult, centroids, topic_ids, centring) -> np.ndarray:
    return topic_sampling.nearest_topics(
        result.vectors, result.langs[S.LANG].tolist(), centroids, topic_ids, centring
    )


# ------------------------------------------------------------------------------ client side
# Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536. Setting it switches off glibc's adaptive
# mmap threshold, so every large activation is mapped and unmapped afresh: fast-e5 then embeds
# about 2.1x slower (300 texts, one thread: 13.7 s against 6.4 s). Our local cluster leaves it unset.
_SLOW_MALLOC_SETTING = "MALLOC_TRIM_THRESHOLD_"


@contextmanager
def _client(scheduler: str | None, n_workers: int) -> Iterator[Any]:
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            _warn_about_slow_malloc(client)
            yield client
        return
    with (
        dask.config.set({f"distributed.nanny.pre-spawn-environ.{_SLOW_MALLOC_SETTING}": None}),
        LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _warn_about_slow_malloc(client: Any) -> None:
    """Warn when the workers of a user's cluster run with Dask's malloc trim setting."""
    values = client.run(os.environ.get, _SLOW_MALLOC_SETTING)
    slowed = sorted(address for address, value in values.items() if value is not None)
    if slowed:
        warnings.warn(
            f"{len(slowed)} Dask worker(s) run with {_SLOW_MALLOC_SETTING} set (Dask's default), "
            "which makes the embedding about 2x slower: start them with the Dask setting "
            f"distributed.nanny.pre-spawn-environ.{_SLOW_MALLOC_SETTING}: null (docs/scaling.md)",
            stacklevel=5,  # the caller of analyse_distributed
        )


def _input_partitions(
    client: Any, source: str | Path | pd.DataFrame, partition_size: int, sheet: str
) -> tuple[list[Any], str, pd.DataFrame | None, list[str], bool]:
    """Futures of the input partitions, the source name, the in-memory frame (if any), the
    reader's notes, and whether the result gets a fresh RangeIndex (a folder of Parquet parts)."""
    if isinstance(source, pd.DataFrame):
        frame, name = source, "input"
    else:
        path = Path(source)
        if path.is_dir():
            import dask
            import dask.dataframe as dd

            parts = sorted(path.glob("*.parquet"))
            if not parts:
                raise InputFileError(f"{path} is a folder without .parquet parts: give a file")
            with dask.config.set({"dataframe.convert-string": False}):
                ddf = dd.read_parquet([str(p) for p in parts])
                futures = client.compute(ddf.to_delayed())
            return futures, str(path), None, [f"{len(parts)} Parquet parts"], True
        frame, name = read_table(path, sheet), str(path)
    size = max(1, int(partition_size))
    chunks = [frame.iloc[i : i + size] for i in range(0, len(frame), size)] or [frame]
    futures = client.scatter(chunks)
    return futures, name, frame, read_notes(frame), False


def _global_ids(
    counts_and_ids: list[tuple[int, list | None, str]], settings: Settings, source: str
) -> list[str]:
    """Validate ids over the whole input (unique, none empty) or generate them, as the pipeline does."""
    cfg = settings.input
    lengths = [n for n, _, _ in counts_and_ids]
    light = pd.DataFrame({cfg.text_column: ["ab"] * sum(lengths)})
    if all(ids is not None for _, ids, _ in counts_and_ids):
        light[cfg.id_column] = [v for _, ids, _ in counts_and_ids for v in ids]
    prepared, _ = prepare_contributions(light, cfg.text_column, cfg.id_column, source)
    return prepared[S.ID].tolist()


def _sample_rows(
    analysed_per_part: list[int], size: int, seed: int
) -> tuple[list[list[int]], bool]:
    """Seeded sample of analysed rows: per partition the positions among its analysed rows."""
    chosen = topic_sampling.sample_positions(sum(analysed_per_part), size, seed)
    if chosen is None:
        return [list(range(n)) for n in analysed_per_part], True
    bounds = np.cumsum([0, *analysed_per_part])
    rows = [
        (chosen[(chosen >= lo) & (chosen < hi)] - lo).tolist()
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)
    ]
    return rows, False


def analyse_distributed(
    source: str | Path | pd.DataFrame,
    quarters: pd.DataFrame | None = None,
    settings: Settings | None = None,
    scheduler: str | None = None,
    n_workers: int = 2,
    partition_size: int = 2000,
    topic_sample: int | None = None,
    embedder_factory: EmbedderFactory | None = None,
    geojson: dict | None = None,
) -> RunResult:
    """Run the analysis with the per-contribution stages partitioned on a Dask cluster.

    Parameters
    ----------
    source
        A DataFrame, a table file (any suffix :func:`~nlp_integration.io.read_table` reads) or a
        folder of ``*.parquet`` parts (read by ``dask.dataframe.read_parquet``, parts in name order).
    quarters
        Optional indicator table for the quarter typology.
    settings
        The run's settings (defaults when omitted).
    scheduler
        ``None``: a local cluster of ``n_workers`` processes (one thread each), closed at the end;
        otherwise the address of a running scheduler (``"tcp://host:8786"``).
    partition_size
        Rows per partition for a file or DataFrame (a Parquet folder keeps its parts).
    topic_sample
        Topics are fitted on at most this many analysed contributions (a seeded random sample,
        the same as the local pipeline's); the rest go to the nearest topic. Default:
        ``settings.topics.fit_sample``. With fewer contributions the fit sees all of them, in
        input order, exactly as the local pipeline.
    embedder_factory
        A picklable callable returning an embedder (each worker calls it once); default: the
        embedder the settings name, with the on-disk cache.
    geojson
        Quarter polygons for the report's map, passed through as in ``pipeline.analyse``.
    """
    from nlp_integration.topics import TOPIC_COLUMNS

    settings = settings or Settings()
    timer = pipeline._Timer()
    cfg_in = settings.input
    with _client(scheduler, n_workers) as client:
        with timer.stage("read"):
            parts, name, frame, notes, fresh_index = _input_partitions(
                client, source, partition_size, cfg_in.sheet
            )
            info = client.gather(
                client.map(_partition_ids, parts, settings=settings, source=name, pure=False)
            )
            keep = [i for i, (n, _, _) in enumerate(info) if n]
            parts, info = [parts[i] for i in keep], [info[i] for i in keep]
            ids = _global_ids(info, settings, name)
            bounds = np.cumsum([0, *[n for n, _, _ in info]]).tolist()
            part_hashes = [h for _, _, h in info]
            id_chunks = [ids[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]

        embedder = embedder_factory() if embedder_factory is not None else None
        embedder = embedder or make_embedder(
            settings.embedding.backend,
            settings.embedding.model,
            settings.embedding.batch_size,
            settings.embedding.cache,
            settings.embedding.precision,
        )
        with timer.stage("classifier_fit"):
            [classifiers] = client.scatter([fit_classifiers(settings, embedder)], broadcast=True)

        with timer.stage("per_contribution"):
            prepared = client.map(
                prepare_partition, parts, id_chunks, settings=settings, source=name, pure=False
            )
            languages: dict[str, int] = {}
            for counts in client.gather(client.map(_languages_of, prepared, pure=False)):
                for lang, n in counts.items():
                    languages[lang] = languages.get(lang, 0) + n
            prior = corpus_prior(languages, settings)
            results = client.map(
                analyse_partition,
                prepared,
                settings=settings,
                classifiers=classifiers,
                prior=prior,
                languages=languages,
                embedder_factory=embedder_factory,
                pure=False,
            )
            light = client.gather(client.map(_without_vectors, results, pure=False))
            del parts, prepared

        table = pd.concat([r.table for r in light])
        if fresh_index:
            table = table.reset_index(drop=True)
        analysed = (table[S.STATUS] == S.STATUS_ANALYSED).to_numpy()
        langs = pd.concat([r.langs for r in light], ignore_index=True)
        pipeline.fill_analysed(table, analysed, langs)
        text_col = resolve_column(table, cfg_in.text_column, name)
        texts = [t[: cfg_in.max_text_chars] for t in table.loc[analysed, text_col]]
        lang_list = langs[S.LANG].tolist()
        id_list = table.loc[analysed, S.ID].tolist()

        with timer.stage("topics"):
            rows, everything = _sample_rows(
                [len(r.langs) for r in light],
                settings.topics.fit_sample if topic_sample is None else topic_sample,
                settings.seed,
            )
            pieces = client.gather(client.map(_take_vectors, results, rows, pure=False))
            pieces = [p for p in pieces if len(p)] or [np.zeros((0, 384), dtype=np.float32)]
            sample_vectors = np.vstack(pieces).astype(np.float32)
            offsets = np.cumsum([0, *[len(r.langs) for r in light]])
            pick = np.concatenate(
                [np.asarray(r, dtype=int) + o for r, o in zip(rows, offsets[:-1], strict=True)]
            ).astype(int)
            topic_model = pipeline.fit_topics(
                [texts[i] for i in pick],
                sample_vectors,
                [lang_list[i] for i in pick],
                [id_list[i] for i in pick],
                settings,
                embedder,
            )
            topic_table = (
                topic_model.topics_table()
                if topic_model
                else pd.DataFrame(columns=list(TOPIC_COLUMNS))
            )
        with timer.stage("assign_topics"):
            if not topic_model:
                assignments = pipeline.no_topics(len(texts))
            elif everything:
                assignments = topic_model.assignments()
            else:
                from nlp_integration.topics import language_means

                centring = (
                    language_means(sample_vectors, [lang_list[i] for i in pick])
                    if settings.topics.center_languages
                    else None
                )
                args = (topic_model.centroids_, list(topic_model.topic_ids_), centring)
                assigned = client.gather(
                    client.map(_assign, results, *[[a] * len(results) for a in args], pure=False)
                )
                topic_ids = np.concatenate(assigned).astype(int) if assigned else np.zeros(0, int)
                topic_model, topic_table, assignments = topic_sampling.extend_to_all(
                    topic_model, topic_table, topic_ids, pick, lang_list
                )
        pipeline.fill_analysed(table, analysed, assignments)
        classes = pd.concat([r.classes for r in light], ignore_index=True)
        pipeline.fill_analysed(table, analysed, classes)
        vectors = sample_vectors if everything else None

    redaction: dict[str, int] = {}
    cache = asdict(CacheStats())
    worker_seconds: dict[str, float] = {}
    for r in light:
        for k, v in r.redaction.items():
            redaction[k] = redaction.get(k, 0) + int(v)
        for k, v in r.cache.items():
            cache[k] += int(v)
        for k, v in r.seconds.items():
            worker_seconds[k] = round(worker_seconds.get(k, 0.0) + v, 3)
    return _finish(
        table,
        analysed,
        topic_model,
        topic_table,
        vectors,
        quarters,
        settings,
        timer,
        embedder,
        source=name,
        frame=frame,
        notes=notes,
        extra={
            "redaction": redaction,
            "parts_sha256": hashlib.sha256("".join(part_hashes).encode()).hexdigest(),
            "truncated": sum(r.truncated for r in light),
            "embedding_cache": cache if isinstance(embedder, CachedEmbedder) else {},
            "distributed": {
                "scheduler": scheduler or f"LocalCluster({n_workers} processes)",
                "partitions": len(light),
                "topic_sample": int(len(pick)),
                "worker_seconds": worker_seconds,
            },
        },
        text_col=text_col,
        geojson=geojson,
    )


def _finish(
    table: pd.DataFrame,
    analysed: np.ndarray,
    topic_model: Any,
    topic_table: pd.DataFrame,
    vectors: np.ndarray | None,
    quarters: pd.DataFrame | None,
    settings: Settings,
    timer: Any,
    embedder: Embedder,
    source: str,
    frame: pd.DataFrame | None,
    notes: list[str],
    extra: dict[str, Any],
    text_col: str,
    geojson: dict | None = None,
) -> RunResult:
    """Quarters, cross-tables, priorities and the manifest: ``pipeline.finish_analysis``."""
    facts = pipeline.InputFacts(
        source=source,
        sha256=pipeline.frame_hash(frame) if frame is not None else extra["parts_sha256"],
        notes=notes,
        text_column=text_col,
        redaction=extra["redaction"],
        truncated=extra["truncated"],
    )
    extra_manifest = {
        "packages": {**pipeline.package_versions(), **_dask_versions()},
        "embedding_cache": extra["embedding_cache"],
        "distributed": extra["distributed"],
    }
    return pipeline.finish_analysis(
        table, analysed, topic_model, topic_table, vectors, quarters, settings, timer, embedder,
        facts, extra_manifest=extra_manifest, geojson=geojson,
    )  # fmt: skip


def _dask_versions() -> dict[str, str]:
    from importlib import metadata

    return {name: metadata.version(name) for name in ("dask", "distributed")}
