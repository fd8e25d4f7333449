"""CueSpeller: one-edit repair of misspelt cue words and run-together words, and nothing else."""

from __future__ import annotations

import pytest

from nlp_integration.codebook.spelling import CueSpeller, _one_edit


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("migranten", "migranten", True),
        ("migrnten", "migranten", True),  # deleted letter
        ("migrannten", "migranten", True),  # extra letter
        ("migrabten", "migranten", True),  # wrong letter
        ("mirganten", "migranten", True),  # neighbours swapped
        ("mgiranetn", "migranten", False),  # two swaps
        ("migrants", "migranten", False),
    ],
)
def test_one_edit(a, b, expected):
    assert _one_edit(a, b) is expected
    assert _one_edit(b, a) is expected


@pytest.fixture
def speller() -> CueSpeller:
    return CueSpeller(words={"uchodzcy", "refugees"}, stems={"fluchtling"}, glue={"ich", "die"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich hasse fluchtilnge", "ich hasse fluchtlinge"),  # swap inside a stem + ending
        ("ich hasse fluchtlnge", "ich hasse fluchtlinge"),
        ("nienawidze uchodzcyy", "nienawidze uchodzcy"),
        ("i hate refguees", "i hate refugees"),
        ("diefluchtlinge sind", "die fluchtlinge sind"),  # a glue word run into a cue
        ("ich hasse fluchtlinge", "ich hasse fluchtlinge"),  # already right
        ("fluchtlin", "fluchtling"),  # a stem's missing last letter
    ],
)
def test_repairs_misspelt_cue_words(speller, text, expected):
    assert speller.repair(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "fluchtweg und rettungsweg",  # not one edit from the cue
        "refugee",  # shorter than the minimum length
        "der radweg ist zu schmal",
        "x" * 40,
    ],
)
def test_leaves_other_words_alone(speller, text):
    assert speller.repair(text) == text


def test_an_ambiguous_word_is_not_repaired():
    speller = CueSpeller(words={"abcdefgh", "abcdefgx"}, stems=(), glue=())
    assert speller.repair("abcdefgz") == "abcdefgz"


def test_arabic_words_are_not_repaired():
    speller = CueSpeller(words={"المهاجرين"}, stems=(), glue=())
    assert speller.repair("المهاجرن") == "المهاجرن"
