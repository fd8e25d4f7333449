"""Fear words as lexical evidence for the codebook's ``fear`` label, negation included."""

from __future__ import annotations

import numpy as np
import pytest

from nlp_integration.codebook.classifiers import LEXICAL_INPUTS, lexical_evidence
from nlp_integration.codebook.fear import fear_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Abends habe ich Angst, durch den Park nach Hause zu gehen.",
        "Mir macht die Zukunftsangst meiner Kinder zu schaffen.",
        "Ich mache mir Sorgen, dass wir die Miete bald nicht mehr zahlen können.",
        "I am worried that the youth centre will close.",
        "Я боюсь отпускать детей одних на площадку.",
        "Мені страшно ввечері на зупинці.",
        "Mi-e frică să merg seara singură pe stradă.",
        "Boję się, że stracę mieszkanie.",
        "Akşamları sokakta yürümekten korkuyorum.",
        "أخاف على أولادي في الشارع ليلاً.",
    ],
)
def test_fear_words_in_several_languages(text):
    assert fear_evidence(text) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Keine Angst, das Fest findet trotzdem statt.",
        "Ich bin nicht besorgt, die Nachbarn helfen sich.",
        "Я не боюсь, у нас спокойный район.",
        "Nu mi-e frică de nimic aici.",
        "I am not afraid of the new neighbours.",
        "Die Stadt soll dafür sorgen, dass der Spielplatz repariert wird.",
        "Wir brauchen mehr Bänke im Park.",
        "",
    ],
)
def test_negated_or_missing_fear_words_give_no_evidence(text):
    assert fear_evidence(text) == 0.0


def test_lexical_evidence_carries_fear_in_its_fourth_column():
    rows = lexical_evidence(["Ich habe Angst im Dunkeln.", "Wir brauchen mehr Bänke."])
    assert rows.shape == (2, LEXICAL_INPUTS)
    assert np.array_equal(rows[:, 3], [1.0, 0.0])


def test_fear_words_raise_only_the_fear_score(hashing_embedder):
    from nlp_integration.codebook import CodebookClassifier, load_codebook

    model = CodebookClassifier(load_codebook()).fit(hashing_embedder)
    texts = ["Am Abend im Park.", "Am Abend im Park."]
    x = hashing_embedder.encode(texts)
    lexical = np.zeros((2, LEXICAL_INPUTS))
    lexical[1, 3] = 1.0  # the second one as if it held a fear word
    scores = model.predict_scores(x, texts, lexical)
    assert scores.loc[1, "score_fear"] > scores.loc[0, "score_fear"]
    others = [c for c in scores.columns if c != "score_fear"]
    assert np.allclose(scores.loc[0, others], scores.loc[1, others])
