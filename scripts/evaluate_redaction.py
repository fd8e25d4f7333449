"""Measure the redaction: recall per kind, false positives and exact matches on labelled case
tables, and a false-positive check on real German participation data.

Usage::

    python scripts/evaluate_redaction.py                       # both case tables + Bonn data
    python scripts/evaluate_redaction.py --cases tests/data/redaction_heldout.csv --no-shared

A case table has the columns ``lang,kind,text,expected`` where ``expected`` is the text after
ideal redaction; ``kind == "none"`` marks hard negatives that must stay unchanged.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from nlp_integration.redact import PLACEHOLDERS, redact_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = [ROOT / "tests/data/redaction_cases.csv", ROOT / "tests/data/redaction_heldout.csv"]
SHARED = ROOT.parent / "shared/data"
BONN = SHARED / "participation_de/cimt_cycling_bonn.csv"
# other real texts (social media, emotion data; several languages) for --extra
EXTRA = [
    SHARED / "fear/brighter_train_dev.csv",
    SHARED / "prejudice/mlma.csv",
    SHARED / "prejudice/germeval2018_train.csv",
]
STRUCTURED = ("email", "phone", "iban", "address")
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))


def sensitive_spans(text: str, expected: str) -> list[tuple[str, str]]:
    """The (placeholder, original span) pairs that ``expected`` replaced in ``text``."""
    parts = _PLACEHOLDER_RE.split(expected)
    holders = _PLACEHOLDER_RE.findall(expected)
    pattern = "(.+?)".join(re.escape(p) for p in parts)
    match = re.fullmatch(pattern, text, flags=re.DOTALL)
    if match is None:
        raise ValueError(f"expected text does not align with the input: {text!r}")
    return list(zip(holders, match.groups(), strict=True))


_WORD_RE = re.compile(r"\w{3,}")


def case_recalled(text: str, expected: str, output: str) -> bool:
    """The sensitive spans are gone and the right placeholders are there.

    Strict: no word (3+ characters) of a span may survive in the output unless the ideal output
    keeps it elsewhere, so a half-redacted name ("[NAME] Hassan") counts as a miss.
    """
    spans = sensitive_spans(text, expected)
    kept = set(_WORD_RE.findall(expected))
    out_words = set(_WORD_RE.findall(output))
    for _holder, span in spans:
        if span.strip() and span.strip() in output:
            return False
        if any(w in out_words and w not in kept for w in _WORD_RE.findall(span)):
            return False
    need = Counter(h for h, _ in spans)
    return all(output.count(h) >= n for h, n in need.items())


def read_cases(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score_cases(rows: list[dict[str, str]]) -> dict[str, object]:
    """Recall per kind, false positives on ``none`` rows, per-kind precision, exact-match rate."""
    recalled: dict[str, list[bool]] = defaultdict(list)
    produced: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    fp_rows: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str, str]] = []
    exact = 0
    for row in rows:
        output, _ = redact_text(row["text"])
        exact += output == row["expected"]
        for kind, holder in PLACEHOLDERS.items():
            got = output.count(holder) - row["text"].count(holder)
            want = row["expected"].count(holder) - row["text"].count(holder)
            produced[kind] += max(got, 0)
            correct[kind] += min(max(got, 0), want)
        if row["kind"] == "none":
            if output != row["text"]:
                fp_rows.append((row["lang"], row["text"], output))
            continue
        ok = case_recalled(row["text"], row["expected"], output)
        recalled[row["kind"]].append(ok)
        if not ok:
            misses.append((row["lang"], row["text"], output))
    recall = {k: sum(v) / len(v) for k, v in sorted(recalled.items())}
    structured = [ok for k in STRUCTURED for ok in recalled.get(k, [])]
    n_none = sum(r["kind"] == "none" for r in rows)
    return {
        "n": len(rows),
        "n_by_kind": {k: len(v) for k, v in sorted(recalled.items())} | {"none": n_none},
        "recall": recall,
        "recall_structured": sum(structured) / len(structured) if structured else float("nan"),
        "precision": {k: correct[k] / produced[k] for k in PLACEHOLDERS if produced[k]},
        "none_changed": len(fp_rows),
        "none_fp_rate": len(fp_rows) / n_none if n_none else float("nan"),
        "exact_match": exact / len(rows) if rows else float("nan"),
        "false_positives": fp_rows,
        "misses": misses,
    }


def print_scores(name: str, scores: dict[str, object], *, show: bool = True) -> None:
    print(f"\n=== {name}: {scores['n']} rows {scores['n_by_kind']}")
    for kind, value in scores["recall"].items():  # type: ignore[union-attr]
        print(f"  recall {kind:<10} {value:.3f}")
    print(f"  recall structured (email, phone, iban, address): {scores['recall_structured']:.3f}")
    prec = ", ".join(f"{k} {v:.3f}" for k, v in scores["precision"].items())  # type: ignore[union-attr]
    print(f"  placeholder precision: {prec}")
    print(f"  hard negatives changed: {scores['none_changed']} ({scores['none_fp_rate']:.3f})")
    print(f"  exact-match rate: {scores['exact_match']:.3f}")
    if show:
        for lang, text, out in scores["misses"]:  # type: ignore[union-attr]
            print(f"  MISS [{lang}] {text!r}\n        -> {out!r}")
        for lang, text, out in scores["false_positives"]:  # type: ignore[union-attr]
            print(f"  FP   [{lang}] {text!r}\n        -> {out!r}")


def check_real_data(path: Path, n_examples: int = 15, seed: int = 0) -> None:
    """Redact real German contributions (almost no personal data expected) and show changes."""
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    changed: list[tuple[str, str, Counter[str]]] = []
    by_kind: Counter[str] = Counter()
    texts_by_kind: Counter[str] = Counter()
    for text in texts:
        out, counts = redact_text(text)
        if out != text:
            changed.append((text, out, counts))
            by_kind.update(counts)
            texts_by_kind.update(counts.keys())
    print(f"\n=== false-positive check on {path.name}: {len(texts)} texts")
    print(f"  texts changed: {len(changed)} ({len(changed) / len(texts):.3%})")
    print(f"  spans by kind: {dict(by_kind)}; texts by kind: {dict(texts_by_kind)}")
    print(f"  {n_examples} random examples (URLs are redacted by design; judge the others):")
    rng = random.Random(seed)
    shown = changed if len(changed) <= n_examples else rng.sample(changed, n_examples)
    for text, out, counts in shown:
        for snippet in _diff_snippets(text, out):
            print(f"  {dict(counts)}: {snippet}")


def _diff_snippets(text: str, out: str, width: int = 6) -> list[str]:
    """``...context <<original>> -> [PLACEHOLDER] context...`` per replaced span (word-level diff)."""
    import difflib

    split = re.compile(r"(\[[A-Z_]+\]|\s+)")
    a = [t for t in split.split(text) if t]
    b = [t for t in split.split(out) if t]
    snippets = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left = "".join(a[max(0, i1 - width) : i1]).replace("\n", " ")
        right = "".join(a[i2 : i2 + width]).replace("\n", " ")
        snippets.append(f"...{left}<<{''.join(a[i1:i2])}>> -> {''.join(b[j1:j2])}{right}...")
    return snippets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="*", default=DEFAULT_CASES)
    parser.add_argument("--shared", type=Path, default=BONN)
    parser.add_argument("--no-shared", action="store_true")
    parser.add_argument(
        "--extra", action="store_true", help="also check BRIGHTER, MLMA and GermEval texts"
    )
    parser.add_argument(
        "--quiet", action="store_true", help="do not list misses and false positives"
    )
    args = parser.parse_args(argv)
    for path in args.cases:
        if path.is_file():
            print_scores(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
                         score_cases(read_cases(path)), show=not args.quiet)  # fmt: skip
        else:
            print(f"\n(no case table at {path})")
    if not args.no_shared:
        if args.shared.is_file():
            check_real_data(args.shared)
        else:
            print(f"\n(shared data {args.shared} not found: false-positive check skipped)")
    if args.extra:
        for path in EXTRA:
            if path.is_file():
                check_real_data(path, n_examples=25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
