"""Structure of the functional prejudice sets (no model): dev and the former test for development,
test2 for one final measurement."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[1] / "corpora" / "prejudice_functional"
LANGS = {"de", "ar", "pl"}
HOSTILE = {
    "neg_emote", "neg_attrib", "dehum", "implicit", "threat_direct", "threat_normative", "slur",
    "profanity_hate", "pronoun_ref", "question", "opinion", "spelling",
}  # fmt: skip
NOT_HOSTILE = {
    "negated", "counter_quote", "counter_ref", "neutral", "positive", "profanity_nonhate",
    "migrant_voice",
}  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["id", "text", "lang", "functionality", "hostile"]
        return list(reader)


@pytest.mark.parametrize(("name", "per_cell"), [("dev.csv", 3), ("test.csv", 6), ("test2.csv", 6)])
def test_every_language_and_functionality_is_covered(name, per_cell):
    rows = _rows(name)
    counts = Counter((r["lang"], r["functionality"]) for r in rows)
    assert set(counts) == {(lang, f) for lang in LANGS for f in HOSTILE | NOT_HOSTILE}
    assert set(counts.values()) == {per_cell}
    wrong = [r["id"] for r in rows if r["hostile"] != str(int(r["functionality"] in HOSTILE))]
    assert not wrong, f"hostile contradicts functionality: {wrong}"
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["text"].strip() for r in rows)


def test_the_sets_share_no_text():
    dev = {r["text"].strip() for r in _rows("dev.csv")}
    test = {r["text"].strip() for r in _rows("test.csv")}
    test2 = {r["text"].strip() for r in _rows("test2.csv")}
    assert not dev & test and not (dev | test) & test2
