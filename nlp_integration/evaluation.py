"""``evaluate``: the pipeline's language ID and classification measured against gold columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.config import Settings
from nlp_integration.embedding import Embedder
from nlp_integration.errors import InputColumnError
from nlp_integration.io import write_table
from nlp_integration.tasks import classify_table, detect_languages_table, gold_column


def _summary_rows(name: str, tables: dict[str, pd.DataFrame]) -> list[dict]:
    summary = tables.get("summary")
    if summary is not None and not summary.empty:
        return [
            {"task": name, "metric": str(r["metric"]), "value": r["value"]}
            for _, r in summary.iterrows()
        ]
    overall = tables.get("overall")  # language ID: one row of n and accuracy
    if overall is not None and not overall.empty:
        return [
            {"task": name, "metric": str(k), "value": float(v)} for k, v in overall.iloc[0].items()
        ]
    return []


def evaluate_gold(
    frame: pd.DataFrame,
    out_dir: str | Path,
    settings: Settings | None = None,
    model_dir: str | Path | None = None,
    embedder: Embedder | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Write metric tables per task into ``out_dir`` and return a summary (task, metric, value).

    Gold columns are ``gold_lang``/``lang``, ``gold_themes``/``themes``,
    ``gold_statement_types``/``statement_types`` and ``gold_label``/``label`` (with ``model_dir``).
    """
    from nlp_integration.codebook import evaluate_labels
    from nlp_integration.language import evaluate_language

    settings = settings or Settings()
    out_dir = Path(out_dir)
    columns = {
        key: gold_column(frame, key) for key in (S.LANG, S.THEMES, S.STATEMENT_TYPES, S.LABEL)
    }
    if not any(columns.values()):
        raise InputColumnError(
            f"{source}: no gold column found: name them gold_lang, gold_themes, gold_statement_types or gold_label"
        )
    gold = frame.rename(columns={c: f"__gold_{k}" for k, c in columns.items() if c})
    rows: list[dict] = []
    detected = detect_languages_table(gold, settings, source)  # once: scored here, reused per label
    if columns[S.LANG]:
        tables = evaluate_language(
            detected[f"__gold_{S.LANG}"].astype(str).tolist(),
            detected[S.LANG].astype(str).tolist(),
            _texts(detected, settings),
        )
        for name, table in tables.items():
            write_table(
                table.reset_index() if table.index.name else table, out_dir / f"language_{name}.csv"
            )
        rows += _summary_rows("language", tables)
    wanted = [k for k in (S.THEMES, S.STATEMENT_TYPES, S.LABEL) if columns[k]]
    if wanted:
        predicted = classify_table(
            gold, settings, model_dir if columns[S.LABEL] else None, embedder, source
        )
        analysed = predicted[S.STATUS] == S.STATUS_ANALYSED
        langs = detected.loc[analysed, S.LANG].tolist()
        for key in wanted:
            if key == S.LABEL and S.LABEL not in predicted.columns:
                continue
            part = predicted.loc[analysed]
            gold_cells = part[f"__gold_{key}"].fillna("").astype(str).tolist()
            if key != S.LABEL:
                gold_cells = codebook_keys(gold_cells, key, source)
            tables = evaluate_labels(gold_cells, part[key].fillna("").astype(str).tolist(), langs)
            for name, table in tables.items():
                write_table(table, out_dir / f"{key}_{name}.csv")
            rows += _summary_rows(key, tables)
    summary = pd.DataFrame(rows, columns=["task", "metric", "value"])
    write_table(summary, out_dir / "summary.csv")
    return summary


def codebook_keys(cells: list[str], kind: str, source: str = "input") -> list[str]:
    """Gold cells of ``themes`` or ``statement_types`` with German or English label names
    ("Wohnen", "Housing") turned into the codebook's keys; a warning names labels that are none."""
    import warnings

    from nlp_integration.codebook import load_codebook

    labels = [
        lab for lab in load_codebook().labels if (lab.key in S.THEME_KEYS) == (kind == S.THEMES)
    ]
    keys = {
        name.casefold(): lab.key for lab in labels for name in (lab.key, lab.name_de, lab.name_en)
    }
    out, unknown = [], set()
    for cell in cells:
        names = S.split_labels(cell)
        unknown |= {n for n in names if n.casefold() not in keys}
        out.append(S.LABEL_SEP.join(keys.get(n.casefold(), n) for n in names))
    if unknown:
        warnings.warn(
            f"{source}, gold {kind}: {', '.join(sorted(unknown)[:8])} are no labels of the codebook "
            f"(keys such as {labels[0].key}, or their German or English names): scored as misses",
            stacklevel=2,
        )
    return out


def _texts(table: pd.DataFrame, settings: Settings) -> list[str]:
    from nlp_integration.io import resolve_column

    column = resolve_column(table, settings.input.text_column, "input")
    return table[column].astype(str).tolist()
