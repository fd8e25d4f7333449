"""Structure of the blind prejudice held-out set (no model; the set is for evaluation only)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "corpora" / "prejudice_heldout" / "statements.csv"
LANGS = {"de", "ar", "pl"}
HOSTILE_KINDS = {"hostile_generalisation", "dehumanising_or_expulsion"}
KINDS = HOSTILE_KINDS | {
    "counter_speech",
    "negated",
    "neutral_mention",
    "need_or_experience_of_migrants",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["id", "text", "lang", "kind", "hostile"]
        return list(reader)


def test_values_are_known(rows):
    assert {r["lang"] for r in rows} == LANGS
    assert {r["kind"] for r in rows} == KINDS
    assert {r["hostile"] for r in rows} == {"0", "1"}


def test_at_least_15_per_language_and_kind(rows):
    counts = Counter((r["lang"], r["kind"]) for r in rows)
    missing = {(lang, kind) for lang in LANGS for kind in KINDS if counts[lang, kind] < 15}
    assert not missing, f"fewer than 15 texts: {sorted(missing)}"
    assert len(rows) >= 270


def test_hostile_follows_kind(rows):
    wrong = [r["id"] for r in rows if r["hostile"] != str(int(r["kind"] in HOSTILE_KINDS))]
    assert not wrong, f"hostile contradicts kind: {wrong}"


def test_ids_unique_and_texts_present(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r["id"].startswith(r["lang"] + "-") for r in rows)
    assert all(r["text"].strip() for r in rows)
    texts = [r["text"].strip() for r in rows]
    assert len(texts) == len(set(texts)), "duplicate texts"


def test_lengths_vary(rows):
    words = [len(r["text"].split()) for r in rows]
    assert min(words) >= 3
    assert max(words) >= 20
