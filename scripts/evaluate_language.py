"""Evaluate language identification: ours vs lingua and langdetect out of the box.

Usage::

    python scripts/evaluate_language.py [--data PATH] [--limit N] [--engines ours lingua ...]
        [--sets lingua sib social sample] [--half test|dev|all] [--details]
        [--mixed PAIRS] [--bench N]

Engines: ours (default candidates + corpus prior), ours_noprior, ours_nowords, ours_nolatin,
ours_low (lingua low-accuracy mode), ours_targets (the 10 target languages only), ours_all
(all languages), "ours:de,tr,..." (any candidate list), lingua and lingua_low (out of the box,
all languages), langdetect (out of the box, seed 0).

Data (read from ../shared/data, skipped with a message when absent):

* ``lingua``: lingua's own test data sample (single words, word pairs, sentences; 26 languages).
  This flatters lingua (its models come from the same Leipzig corpora).
* ``sib``: SIB-200 / Flores-200 sentences (10 target languages plus Kurdish, Pashto, Dari,
  Egyptian and Levantine Arabic, ...), cut into 2-word, 5-word and full-sentence fragments.
* ``social``: real social-media posts (BRIGHTER de/ru/uk/ro/en/es/ar-MA/ar-DZ, MLMA en/fr/ar,
  GermEval de) as whole posts and as 2-word and 5-word fragments.
* ``sample``: ``corpora/sample/contributions.csv`` ``gold_lang`` when present.

Every set is split into two halves by a hash of the text; rules were designed and checked on the
``dev`` half, the figures to quote are on the ``test`` half (the default).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from nlp_integration.language import (
    DEFAULT_CANDIDATES,
    LanguageDetector,
    clean_text,
    evaluate_language,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TARGETS = ("de", "tr", "ar", "ru", "uk", "pl", "ro", "bg", "en", "fa")
SIB_MAP = {"prs": "fa", "arz": "ar", "apc": "ar", "ckb": "ku"}
SOCIAL_MAP = {"ar-MA": "ar", "ar-DZ": "ar"}


def _half(text: str) -> str:
    return "dev" if hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _fragments(frame: pd.DataFrame, sizes: Sequence[int]) -> pd.DataFrame:
    """Full texts plus their first-n-word fragments, with the fragment kind in ``kind``."""
    parts = [frame.assign(kind="full")]
    words = frame["text"].map(
        lambda t: [w for w in clean_text(t).split() if any(map(str.isalpha, w))]
    )
    for n in sizes:
        cut = frame.assign(text=words.str[:n].str.join(" "), kind=f"{n} words")
        parts.append(cut[words.str.len() > n])
    return pd.concat(parts, ignore_index=True)


def load_sets(names: Sequence[str], data: Path | None, limit: int) -> dict[str, pd.DataFrame]:
    """Evaluation sets with columns text, lang, kind (the set's own length label)."""
    sets: dict[str, pd.DataFrame] = {}
    if "lingua" in names:
        path = data or SHARED / "language_id" / "lingua_testdata_sample.csv"
        if path.is_file():
            frame = pd.read_csv(path)[["text", "lang", "label"]].rename(columns={"label": "kind"})
            sets["lingua"] = frame
        else:
            print(f"skip lingua test data: {path} not found", file=sys.stderr)
    if "sib" in names:
        path = SHARED / "topics" / "sib200_train_dev.csv"
        if path.is_file():
            frame = pd.read_csv(path)[["text", "lang"]]
            frame["lang"] = frame["lang"].replace(SIB_MAP)
            frame = frame[~frame["lang"].isin(["am", "ti", "zh"])]
            sets["sib"] = _fragments(frame.drop_duplicates("text"), (2, 5))
        else:
            print(f"skip SIB-200: {path} not found", file=sys.stderr)
    if "social" in names:
        parts = []
        for rel in ("fear/brighter_train_dev.csv", "prejudice/mlma.csv",
                    "prejudice/germeval2018_train.csv"):  # fmt: skip
            path = SHARED / rel
            if path.is_file():
                parts.append(pd.read_csv(path)[["text", "lang"]])
            else:
                print(f"skip {path}: not found", file=sys.stderr)
        if parts:
            frame = pd.concat(parts, ignore_index=True).dropna()
            frame["lang"] = frame["lang"].replace(SOCIAL_MAP)
            sets["social"] = _fragments(frame.drop_duplicates("text"), (2, 5))
    if "sample" in names:
        path = ROOT / "corpora" / "sample" / "contributions.csv"
        if path.is_file():
            frame = pd.read_csv(path)[["text", "gold_lang"]].rename(columns={"gold_lang": "lang"})
            sets["sample"] = frame.dropna().assign(kind="contribution")
        else:
            print(f"skip sample corpus: {path} not found", file=sys.stderr)
    out = {}
    for name, frame in sets.items():
        frame = frame.dropna(subset=["text", "lang"]).copy()
        frame["text"] = frame["text"].astype(str)
        frame["half"] = frame["text"].map(_half)
        if limit:  # same rows for every engine: a fixed sample per language and kind
            shuffled = frame.sample(frac=1.0, random_state=0)
            frame = shuffled.groupby(["lang", "kind", "half"]).head(limit)
        out[name] = frame.reset_index(drop=True)
    return out


Engine = tuple[Callable[[list[str]], list[str]], float, Callable[[list[str]], None] | None]


def make_engines(names: Sequence[str]) -> dict[str, Engine]:
    """Engine name -> (predict function, load seconds, untimed per-corpus preparation)."""
    engines: dict[str, Engine] = {}
    for name in names:
        started = time.perf_counter()
        if name.split(":")[0] in (
            "ours",
            "ours_low",
            "ours_targets",
            "ours_all",
            "ours_noprior",
            "ours_nowords",
            "ours_nolatin",
        ):
            # "ours:de,tr,..." evaluates another candidate list
            candidates = {"ours_targets": ",".join(TARGETS), "ours_all": "all"}.get(name, "default")
            if ":" in name:
                candidates = name.split(":", 1)[1]
            det = LanguageDetector(
                candidates=candidates,
                low_accuracy=name == "ours_low",
                corpus_priors=name != "ours_noprior",
                cyrillic_words=name != "ours_nowords",
                latin_words=name != "ours_nolatin",
            ).fit()
            name = name if len(name) < 20 else f"ours:{len(det.candidates_)} langs"

            def predict(texts: list[str], det: LanguageDetector = det) -> list[str]:
                return det.detect(texts)["lang"].tolist()

            def prepare(texts: list[str], det: LanguageDetector = det) -> None:
                det.fit(texts)  # corpus priors from the evaluation texts themselves (no gold)

            engines[name] = (predict, time.perf_counter() - started, prepare)
        elif name in ("lingua", "lingua_low"):
            from lingua import LanguageDetectorBuilder

            builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
            if name == "lingua_low":
                builder = builder.with_low_accuracy_mode()
            lingua = builder.build()

            def predict(texts: list[str], lingua=lingua) -> list[str]:
                found = [lingua.detect_language_of(t) for t in texts]
                return [f.iso_code_639_1.name.lower() if f else "und" for f in found]

            engines[name] = (predict, time.perf_counter() - started, None)
        elif name == "langdetect":
            from langdetect import DetectorFactory, detector_factory
            from langdetect.lang_detect_exception import LangDetectException

            DetectorFactory.seed = 0
            detector_factory.init_factory()
            factory = detector_factory._factory

            def predict(texts: list[str], factory=factory) -> list[str]:
                out = []
                for text in texts:
                    try:
                        det = factory.create()
                        det.append(text)
                        out.append(det.detect().split("-")[0])
                    except LangDetectException:
                        out.append("und")
                return out

            engines[name] = (predict, time.perf_counter() - started, None)
        else:
            raise SystemExit(f"unknown engine {name!r}")
    return engines


def mixed_check(half: str, n_pairs: int) -> None:
    """lang_mixed on synthetic two-language texts and false alarms on one-language texts.

    Mixed texts join a SIB-200 sentence of one target language with a sentence of another
    (German + Turkish/Arabic/Russian/..., and Russian + Ukrainian); one-language texts join two
    sentences of the same language, and real multi-sentence social-media posts are added.
    """
    path = SHARED / "topics" / "sib200_train_dev.csv"
    if not path.is_file():
        print(f"skip mixed check: {path} not found", file=sys.stderr)
        return
    sib = pd.read_csv(path)
    sib = sib[sib["lang"].isin(TARGETS)]
    sib = sib[sib["text"].map(_half) == half] if half != "all" else sib
    by_lang = {lang: group["text"].tolist() for lang, group in sib.groupby("lang")}
    pairs = [("de", o) for o in TARGETS if o != "de"] + [("ru", "uk"), ("tr", "en")]
    rows = []
    for a, b in pairs:
        for i in range(n_pairs):
            ta, tb, ta2 = by_lang[a][i], by_lang[b][-(i + 1)], by_lang[a][i + n_pairs]
            rows.append({"text": f"{ta} {tb}", "a": a, "b": b, "mixed": True, "kind": "long"})
            rows.append({"text": f"{ta} {ta2}", "a": a, "b": a, "mixed": False, "kind": "long"})
            # short: the first five words of each sentence, as on a workshop card
            sa, sb, sa2 = (" ".join(t.split()[:5]).rstrip(".,;:") + "." for t in (ta, tb, ta2))
            rows.append({"text": f"{sa} {sb}", "a": a, "b": b, "mixed": True, "kind": "short"})
            rows.append({"text": f"{sa} {sa2}", "a": a, "b": a, "mixed": False, "kind": "short"})
    social = SHARED / "fear" / "brighter_train_dev.csv"
    frame = pd.DataFrame(rows)
    if social.is_file():
        posts = pd.read_csv(social)[["text", "lang"]].dropna()
        posts = posts[posts["text"].str.count(r"[.!?] ") >= 1]
        posts = posts[posts["text"].map(_half) == half] if half != "all" else posts
        posts = posts.groupby("lang").head(n_pairs)
        posts = posts.assign(a=posts["lang"], b=posts["lang"], mixed=False, kind="social")
        frame = pd.concat([frame, posts[["text", "a", "b", "mixed", "kind"]]], ignore_index=True)
    det = LanguageDetector().fit(frame["text"].tolist())
    found = det.detect(frame["text"].tolist())
    got = found["lang_mixed"].str.len() > 0
    both = [
        {r.a, r.b} <= {part.split(":")[0] for part in m.split(";")} if m else False
        for r, m in zip(frame.itertuples(), found["lang_mixed"], strict=True)
    ]
    frame = frame.assign(flagged=got.values, both=both)
    mixed = frame[frame["mixed"]]
    single = frame[~frame["mixed"]]
    print("\n## mixed-language texts (lang_mixed)\n")
    summary = mixed.pivot_table(index=["a", "b"], columns="kind", values="both").reset_index()
    print("share of two-language texts whose lang_mixed names both languages:\n")
    print(markdown(summary))
    print("\n| kind | mixed flagged | mixed with both | one-language texts | false alarms |")
    print("|---|---|---|---|---|")
    for kind in ("long", "short", "social"):
        m, o = mixed[mixed["kind"] == kind], single[single["kind"] == kind]
        if len(o):
            flagged = f"{m['flagged'].mean():.3f}" if len(m) else ""
            both = f"{m['both'].mean():.3f}" if len(m) else ""
            print(f"| {kind} | {flagged} | {both} | {len(o)} | {o['flagged'].mean():.3f} |")


def throughput(sets: dict[str, pd.DataFrame], n: int) -> None:
    """Texts per second on unique short texts (2 and 5 words), ours vs lingua alone."""
    short = pd.concat(sets.values())
    short = short[short["kind"].isin(["2 words", "5 words", "word-pairs"])]
    texts = short["text"].drop_duplicates().sample(frac=1.0, random_state=0).head(n).tolist()
    if not texts:
        return
    started = time.perf_counter()
    det = LanguageDetector().fit()
    load = time.perf_counter() - started
    rows = []
    for label, run in (
        ("ours (default candidates)", lambda: det.detect(texts)),
        ("ours, same texts again (cache)", lambda: det.detect(texts)),
        ("lingua alone, same candidates", lambda: det.detector_.detect_languages_in_parallel_of(texts)),
    ):  # fmt: skip
        if label.startswith("ours (") or label.startswith("lingua"):
            det.cache_.clear()
        started = time.perf_counter()
        run()
        rows.append(
            {
                "run": label,
                "texts": len(texts),
                "texts/s": len(texts) / (time.perf_counter() - started),
            }
        )
    print(f"\n## throughput on short texts (detector build {load:.1f} s with models already in memory; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores)\n")  # fmt: skip
    print(markdown(pd.DataFrame(rows), digits=0))


def markdown(frame: pd.DataFrame, digits: int = 3) -> str:
    """A small Markdown table (no tabulate dependency)."""
    frame = frame.copy()
    for col in frame.columns:
        if pd.api.types.is_float_dtype(frame[col]):
            frame[col] = frame[col].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
    cols = [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += [
        "| " + " | ".join(str(v) for v in row) + " |" for row in frame.itertuples(index=False)
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="lingua-style CSV (text, lang, label)")
    parser.add_argument("--limit", type=int, default=100, help="rows per language and kind")
    parser.add_argument(
        "--engines", nargs="+", default=["ours", "lingua", "langdetect"], help="see module doc"
    )
    parser.add_argument(
        "--sets", nargs="+", default=["lingua", "sib", "social", "sample"], help="data sets"
    )
    parser.add_argument(
        "--half", choices=["test", "dev", "all"], default="test", help="hash half to report"
    )
    parser.add_argument("--details", action="store_true", help="per-language tables")
    parser.add_argument("--bench", type=int, default=5000, help="short texts to time (0: skip)")
    parser.add_argument("--mixed", type=int, default=40, help="pairs per language pair (0: skip)")
    args = parser.parse_args(argv)

    sets = load_sets(args.sets, args.data, args.limit)
    engines = make_engines(args.engines)
    print("# Language identification evaluation\n")
    print(f"half={args.half} limit={args.limit} per language×kind; default candidates: "
          f"{','.join(DEFAULT_CANDIDATES)}\n")  # fmt: skip
    print(markdown(pd.DataFrame([{"engine": k, "load_s": v[1]} for k, v in engines.items()])))
    for set_name, frame in sets.items():
        if args.half != "all":
            frame = frame[frame["half"] == args.half]
        texts = frame["text"].tolist()
        summary, confusions = [], []
        for engine, (predict, _, prepare) in engines.items():
            if prepare is not None:
                prepare(texts)
            started = time.perf_counter()
            predicted = predict(texts)
            per_second = len(texts) / max(time.perf_counter() - started, 1e-9)
            frame = frame.assign(**{engine: predicted})
            for scope, mask in (("targets", frame["lang"].isin(TARGETS)), ("all", None)):
                part = frame if mask is None else frame[mask]
                if part.empty:
                    continue
                ok = part["lang"] == part[engine]
                row = {"engine": engine, "scope": scope, "n": len(part), "overall": ok.mean()}
                row.update(ok.groupby(part["kind"]).mean().to_dict())
                row["texts/s"] = per_second if scope == "targets" else float("nan")
                summary.append(row)
            target = frame[frame["lang"].isin(TARGETS)]
            if not target.empty:
                tables = evaluate_language(target["lang"], target[engine], target["text"])
                top = tables["top_confusions"].head(8)
                confusions.append(
                    f"{engine}: "
                    + ", ".join(f"{r.gold}→{r.predicted} {r.n}" for r in top.itertuples())
                )
                if args.details and engine.startswith("ours"):
                    acc = target.assign(ok=target["lang"] == target[engine])
                    table = acc.pivot_table(index="lang", columns="kind", values="ok")
                    print(f"\n### {set_name}: {engine} accuracy per language × kind (targets)\n")
                    print(markdown(table.reset_index()))
                    print("\nlength classes (by word count):\n")
                    print(markdown(tables["by_length"]))
        print(f"\n## {set_name} ({len(frame)} texts)\n")
        print(markdown(pd.DataFrame(summary)))
        print("\ntop confusions over the target languages (gold→predicted count):\n")
        for line in confusions:
            print(f"- {line}")
        if args.details and "ours" in frame.columns:
            others = frame[~frame["lang"].isin(TARGETS)]
            if not others.empty:
                acc = others.assign(ok=others["lang"] == others["ours"])
                print("\nother languages, ours:\n")
                print(
                    markdown(
                        acc.pivot_table(index="lang", columns="kind", values="ok").reset_index()
                    )
                )

    if args.mixed:
        mixed_check(args.half, args.mixed)
    if args.bench:
        throughput(sets, args.bench)


if __name__ == "__main__":
    main()
