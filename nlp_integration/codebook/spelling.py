"""Repair misspelt cue words before matching: one letter swapped, missing, extra or wrong, and two
words run together.

Word filters are dodged by small misspellings ("Flüchtilnge", "Migrnten", "imigrnaci") and by
dropped spaces ("dieflüchtlinge"). :class:`CueSpeller` knows the words of a cue table and
rewrites a text's *unknown* long words that are one edit away from exactly one cue word (edits
found through delete variants, as in SymSpell: a word and a cue match when deleting at most one
letter from each gives the same string, checked to be one edit; this covers one swap of
neighbouring letters too). The first letter must be right (typos rarely hit it). A word
that is a cue, or begins with a cue stem, is left alone; so are short words, where one edit turns
too many ordinary words into cues.

Pure functions of the text; a few microseconds per word (results are memoised per word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MIN_FUZZY_LENGTH = 8  # shorter words are not repaired (too many near neighbours)
MIN_FUZZY_STEM = 7  # shorter stems are not repaired towards
MAX_STEM_ENDING = 3  # a repaired stem may be followed by an inflection of this many letters
MIN_JOINED_PART = 4  # a cue inside a run-together word has at least this many letters
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _deletes(word: str) -> set[str]:
    """The word itself and every string one deleted letter away."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or replaced letter, or one swap of
    neighbouring letters."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        swapped = a[start + 1 : start + 2] + a[start : start + 1]
        return a[start + 1 :] == b[start + 1 :] or (
            swapped == b[start : start + 2] and a[start + 2 :] == b[start + 2 :]
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


class CueSpeller:
    """Spelling repair towards a fixed set of cue words.

    Parameters
    ----------
    words : whole cue words (already folded as the text will be).
    stems : cue stems: a text word beginning with a stem matches it ("flüchtling" -> "flüchtlinge").
    glue : short words that may run into a cue ("die", "all"): "dieflüchtlinge" -> "die flüchtlinge".
    """

    def __init__(self, words: Iterable[str], stems: Iterable[str], glue: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w.isalpha())
        self.stems = frozenset(s for s in stems if s.isalpha())
        self.glue = frozenset(glue)
        self._stem_lengths = sorted({len(s) for s in self.stems})
        self._word_index = self._index(w for w in self.words if len(w) >= MIN_FUZZY_LENGTH)
        self._stem_index = self._index(s for s in self.stems if len(s) >= MIN_FUZZY_STEM)
        self.repair_word = lru_cache(maxsize=65_536)(self._repair_word)

    @staticmethod
    def _index(entries: Iterable[str]) -> dict[str, frozenset[str]]:
        index: dict[str, set[str]] = {}
        for entry in entries:
            for variant in _deletes(entry):
                index.setdefault(variant, set()).add(entry)
        return {k: frozenset(v) for k, v in index.items()}

    def known(self, word: str) -> bool:
        """``word`` is a cue word or begins with a cue stem."""
        if word in self.words:
            return True
        return any(word[:n] in self.stems for n in self._stem_lengths if n <= len(word))

    def repair(self, norm: str) -> str:
        """``norm`` (folded, space-separated words) with misspelt cue words rewritten."""
        return " ".join(self.repair_word(w) for w in norm.split(" "))

    def _repair_word(self, word: str) -> str:
        if (
            len(word) < MIN_FUZZY_LENGTH
            or not word.isalpha()
            or _ARABIC.search(word)  # clitics and the article make edit distance misleading
            or self.known(word)
        ):
            return word
        return self._near_cue(word) or self._split(word) or word

    def _near_cue(self, word: str) -> str | None:
        """The repaired word one edit away from a cue word, or from a cue stem followed by a short
        ending (at most :data:`MAX_STEM_ENDING` letters). Among several, the one closest in length
        to ``word``; None when there is none or that is not unique."""
        found = {
            c
            for v in _deletes(word)
            for c in self._word_index.get(v, ())
            if c[0] == word[0] and _one_edit(word, c)
        }
        for cut in range(max(len(word) - MAX_STEM_ENDING, 1), len(word) + 1):
            head = word[:cut]  # a stem one edit from ``head`` is within one letter of its length
            found |= {
                s + word[cut:]
                for v in _deletes(head)
                for s in self._stem_index.get(v, ())
                if s[0] == word[0] and _one_edit(head, s)
            }
        if not found:
            return None
        closest = min(abs(len(c) - len(word)) for c in found)  # a swap over an added letter
        best = [c for c in found if abs(len(c) - len(word)) == closest]
        return best[0] if len(best) == 1 else None

    def _split(self, word: str) -> str | None:
        """Two words run together, one a cue of at least four letters and the other a cue or a
        glue word: "dieflüchtlinge" -> "die flüchtlinge".

        ``word`` itself is not :meth:`known`, so no left part begins with a stem: a left cue is a
        whole cue word, and only then (or after a glue word) is the right part looked up.
        """
        for cut in range(2, len(word) - 1):
            left, right = word[:cut], word[cut:]
            if len(left) >= MIN_JOINED_PART and left in self.words:
                if right in self.glue or (len(right) >= MIN_JOINED_PART and self.known(right)):
                    return f"{left} {right}"
            elif left in self.glue and len(right) >= MIN_JOINED_PART and self.known(right):
                return f"{left} {right}"
        return None
