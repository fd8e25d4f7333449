"""The integration codebook (themes, statement types, multilingual examples) and its classifiers."""

from __future__ import annotations

from nlp_integration.codebook.classifiers import CodebookClassifier
from nlp_integration.codebook.codebook import Codebook, Example, Label, load_codebook
from nlp_integration.codebook.evaluate import evaluate_labels
from nlp_integration.codebook.hostility import hostility_evidence, negated_hostility
from nlp_integration.codebook.lexical import counter_speech_strength, dampen_prejudice, find_cues
from nlp_integration.codebook.supervised import SupervisedClassifier

__all__ = [
    "Codebook",
    "CodebookClassifier",
    "Example",
    "Label",
    "SupervisedClassifier",
    "counter_speech_strength",
    "dampen_prejudice",
    "evaluate_labels",
    "find_cues",
    "hostility_evidence",
    "load_codebook",
    "negated_hostility",
]
