"""Structure of the functional prejudice sets (no model): the project-designed sets (dev, test,
test2) and the Multilingual-HateCheck-style sets (mhc_style*)."""

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


MHC_HOSTILE = {
    "derog_neg_emote_h", "derog_neg_attrib_h", "derog_dehum_h", "derog_impl_h", "threat_dir_h",
    "threat_norm_h", "slur_h", "profanity_h", "ref_subs_clause_h", "ref_subs_sent_h",
    "negate_pos_h", "phrase_question_h", "phrase_opinion_h", "spell_char_swap_h",
    "spell_char_del_h", "spell_space_del_h", "spell_space_add_h", "spell_leet_h",
}  # fmt: skip
MHC_NOT_HOSTILE = {
    "negate_neg_nh", "ident_neutral_nh", "ident_pos_nh", "counter_quote_nh", "counter_ref_nh",
}  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["id", "text", "lang", "functionality", "hostile"]
        return list(reader)


PROJECT = (HOSTILE, NOT_HOSTILE)  # dev, test, test2: functionalities named by this project
MHC = (MHC_HOSTILE, MHC_NOT_HOSTILE)  # mhc_style*: named as in Multilingual HateCheck


@pytest.mark.parametrize(
    ("name", "per_cell", "design"),
    [
        ("dev.csv", 3, PROJECT),
        ("test.csv", 6, PROJECT),
        ("test2.csv", 6, PROJECT),
        ("mhc_style.csv", 5, MHC),
        ("mhc_style2.csv", 6, MHC),
        ("mhc_style3.csv", 6, MHC),
        ("mhc_style4.csv", 6, MHC),
        ("mhc_style5.csv", 6, MHC),
        ("mhc_style6.csv", 6, MHC),
        ("mhc_style7.csv", 6, MHC),
    ],
)
def test_every_language_and_functionality_is_covered(name, per_cell, design):
    hostile, not_hostile = design
    rows = _rows(name)
    counts = Counter((r["lang"], r["functionality"]) for r in rows)
    assert set(counts) == {(lang, f) for lang in LANGS for f in hostile | not_hostile}
    assert set(counts.values()) == {per_cell}
    wrong = [r["id"] for r in rows if r["hostile"] != str(int(r["functionality"] in hostile))]
    assert not wrong, f"hostile contradicts functionality: {wrong}"
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["text"].strip() for r in rows)
    assert len({r["text"].strip() for r in rows}) == len(rows)


def test_the_sets_share_no_text():
    dev = {r["text"].strip() for r in _rows("dev.csv")}
    test = {r["text"].strip() for r in _rows("test.csv")}
    test2 = {r["text"].strip() for r in _rows("test2.csv")}
    assert not dev & test and not (dev | test) & test2


def test_the_mhc_style_sets_overlap_only_in_a_few_template_sentences():
    # blind writers independently wrote some of the plainest cases ("Ich hasse Flüchtlinge.");
    # docs/classification.md reports figures with and without them
    earlier: set[str] = set()
    sets = (
        ("mhc_style.csv", 0),
        ("mhc_style2.csv", 9),
        ("mhc_style3.csv", 33),
        ("mhc_style4.csv", 16),
        ("mhc_style5.csv", 32),
        ("mhc_style6.csv", 24),
        ("mhc_style7.csv", 2),
    )
    for name, most in sets:
        texts = {r["text"].strip() for r in _rows(name)}
        shared = texts & earlier
        assert len(shared) <= most, name
        assert all(len(text) <= 70 for text in shared), name
        earlier |= texts | {r["text"].strip() for r in _rows("dev.csv")}
