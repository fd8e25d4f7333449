"""The library functions behind the component commands (detect-language, topics, classify, ...).

Each takes and returns DataFrames so that notebooks can call them too; each keeps all input
columns and one row per input row, with the ``status`` of every row.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.config import Settings
from nlp_integration.embedding import Embedder, make_embedder
from nlp_integration.errors import InputValueError
from nlp_integration.io import prepare_contributions, resolve_column
from nlp_integration.pipeline import fill_analysed


def _prepared(
    frame: pd.DataFrame, settings: Settings, source: str
) -> tuple[pd.DataFrame, str, np.ndarray, list[str]]:
    table, text_col = prepare_contributions(
        frame,
        settings.input.text_column,
        settings.input.id_column,
        source,
        settings.language.min_letters,
    )
    mask = (table[S.STATUS] == S.STATUS_ANALYSED).to_numpy()
    texts = [t[: settings.input.max_text_chars] for t in table.loc[mask, text_col]]
    return table, text_col, mask, texts


def _embedder(settings: Settings, embedder: Embedder | None) -> Embedder:
    cfg = settings.embedding
    return embedder or make_embedder(
        cfg.backend, cfg.model, cfg.batch_size, cfg.cache, cfg.precision
    )


def detect_languages_table(
    frame: pd.DataFrame, settings: Settings | None = None, source: str = "input"
) -> pd.DataFrame:
    """Input + ``id``, ``status``, ``lang``, ``lang_score``, ``lang_mixed``."""
    from nlp_integration.language import LanguageDetector

    settings = settings or Settings()
    table, _, mask, texts = _prepared(frame, settings, source)
    detector = LanguageDetector(settings.language.candidates, settings.language.min_letters).fit(
        texts
    )
    fill_analysed(table, mask, detector.detect(texts)[[S.LANG, S.LANG_SCORE, S.LANG_MIXED]])
    table.loc[~mask, S.LANG] = S.UNDETERMINED_LANG
    table.loc[~mask, S.LANG_SCORE] = 0.0
    return table


def topics_tables(
    frame: pd.DataFrame,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    source: str = "input",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(assignments: input + ``topic_id``, ``topic_label``; the topics table)."""
    from nlp_integration.language import LanguageDetector
    from nlp_integration.pipeline import fit_topics, no_topics
    from nlp_integration.topics import TOPIC_COLUMNS

    settings = settings or Settings()
    table, _, mask, texts = _prepared(frame, settings, source)
    langs = (
        LanguageDetector(settings.language.candidates, settings.language.min_letters)
        .fit(texts)
        .detect(texts)
    )
    fill_analysed(table, mask, langs[[S.LANG, S.LANG_SCORE]])
    embedder = _embedder(settings, embedder)
    vectors = embedder.encode(texts)
    model = fit_topics(
        texts, vectors, langs[S.LANG].tolist(), table.loc[mask, S.ID].tolist(), settings, embedder
    )
    if model is None:
        fill_analysed(table, mask, no_topics(len(texts)))
        return table, pd.DataFrame(columns=TOPIC_COLUMNS)
    fill_analysed(table, mask, model.assignments())
    return table, model.topics_table()


def classify_table(
    frame: pd.DataFrame,
    settings: Settings | None = None,
    model_dir: str | Path | None = None,
    embedder: Embedder | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Input + ``themes``, ``statement_types``, ``score_<label>``; with ``model_dir`` also ``label``."""
    from nlp_integration.codebook import CodebookClassifier, load_codebook
    from nlp_integration.pipeline import load_trained_model, with_trained_scores

    settings = settings or Settings()
    table, _, mask, texts = _prepared(frame, settings, source)
    embedder = _embedder(settings, embedder)
    trained = load_trained_model(model_dir, embedder) if model_dir else None
    vectors = embedder.encode(texts)
    cfg = settings.classify
    codebook_model = CodebookClassifier(load_codebook(), cfg.max_themes, cfg.max_statement_types)
    predictions = with_trained_scores(
        codebook_model.fit(embedder).predict(vectors, texts),
        trained.predict(vectors, texts) if trained is not None else None,
    )
    for values in predictions:
        fill_analysed(table, mask, values)
    return table


def train_model(
    frame: pd.DataFrame,
    label_column: str,
    out_dir: str | Path,
    multi_label: bool = False,
    sep: str = S.LABEL_SEP,
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    source: str = "input",
):
    """Train a classifier on the analyst's labels, cross-validate it and store it in ``out_dir``."""
    from nlp_integration.codebook import SupervisedClassifier

    settings = settings or Settings()
    label_col = resolve_column(frame, label_column, source, what="label")
    table, _, mask, texts = _prepared(frame, settings, source)
    if label_col not in table.columns:  # named like an output ("label", "themes"): kept renamed
        label_col = f"{label_col}_input"
    labels = table.loc[mask, label_col].map(lambda v: "" if pd.isna(v) else str(v).strip())
    keep = (labels != "").to_numpy()
    if keep.sum() < 10:
        raise InputValueError(
            f"{source}, column '{label_col}': only {int(keep.sum())} labelled rows with text: label at least 10 (better 20 per label)"
        )
    _warn_about_labels(labels, keep, multi_label, sep, source, label_col)
    embedder = _embedder(settings, embedder)
    vectors = embedder.encode(texts)
    model = SupervisedClassifier(multi_label=multi_label, sep=sep, random_state=settings.seed).fit(
        vectors[keep], [t for t, k in zip(texts, keep, strict=True) if k], labels[keep].tolist()
    )
    model.save(out_dir, embedder.model_id)
    return model


def _warn_about_labels(
    labels: pd.Series, keep: np.ndarray, multi_label: bool, sep: str, source: str, column: str
) -> None:
    """Say what training leaves out or cannot learn well: unlabelled rows, labels seen once,
    and cells that look like several labels joined by another separator."""
    import warnings

    where = f"{source}, column '{column}'"
    if (~keep).any():
        warnings.warn(
            f"{where}: {int((~keep).sum())} rows without a label are not used", stacklevel=3
        )
    cells = labels[keep]
    names = cells.str.split(sep).explode().str.strip() if multi_label else cells
    once = sorted(n for n, count in names.value_counts().items() if count == 1)
    if once:
        warnings.warn(
            f"{where}: {len(once)} labels occur only once ({', '.join(once[:5])}): they cannot be "
            "learnt or cross-validated; label more examples or merge them",
            stacklevel=3,
        )
    other = next(
        (
            s
            for s in (";", ",", "|", "/")
            if s != sep and cells.str.contains(s, regex=False).mean() > 0.2
        ),
        None,
    )
    if multi_label and other:
        warnings.warn(
            f"{where}: many labels contain '{other}'; if it separates labels, pass --sep '{other}'",
            stacklevel=3,
        )


def gold_column(frame: pd.DataFrame, key: str) -> str | None:
    """The gold column for ``key``: ``gold_<key>`` if present, else ``<key>``."""
    for name in (f"gold_{key}", key):
        if name in frame.columns:
            return name
    return None
