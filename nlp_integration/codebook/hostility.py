"""Lexical evidence of hostility towards a group: group words x devaluing words, with negation.

The embedding model sees that a text is *about* refugees or foreigners, but it separates a neutral
news sentence ("80 Geflüchtete wohnen in der Turnhalle") from a hostile one ("Das sind alles
Schmarotzer") only weakly. This module reads plain, multilingual word tables
(:mod:`.hostility_terms`): group words, devaluing, dehumanising, slur, exclusion, violence and
hate words, negators, and the cues of the rules below.

Per clause, :func:`find_hits` matches the tables and marks each hit negated or not: a negator
shortly before it (Polish negative concord and Arabic "لا يزال" excepted), "nobody" or a negated
opinion earlier ("Ich glaube nicht, dass …"), a negated "deserve" before a harm word, a German
clause-final "nicht" after a hate word, or a negator after a predicate in languages that negate
after it. It also records what makes a text *not* hostile although it names a group: a negated
copula after a group word ("Flüchtlinge sind keine …"), harm a negation spares the group from,
the speaker naming themselves as one of the group, and praise of the group. Misspelt group words
are repaired first (:mod:`.spelling`); Arabizi ("7ayawanat") is matched through a consonant
skeleton (:func:`_skeleton`).

:func:`hostility_evidence` turns the hits into one number in [0, 1]; :func:`negated_hostility`
says whether the text names the group without hostility in one of those ways (every hostile hit
negated, only quoted or quoted and condemned, spared, self-description, praise).
:func:`counter_speech` is the counter-speech strength of :mod:`.lexical` with a check that the
group is the object of the words referred to. All are pure functions over compiled regular
expressions (a few thousand texts per second).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from nlp_integration.codebook.hostility_terms import (
    ARABIC_ENDINGS,
    ARABIC_SPLIT_PARTS,
    ARABIZI_TERMS,
    ARRIVAL_TERMS,
    BEFORE_GROUP,
    CLAUSE_FINAL_REACH,
    CLAUSE_STARTERS,
    COMPARATIVE_LESS,
    COMPOUND_GROUP_HEADS,
    CONCORD_STARTS,
    CONCORD_WORDS,
    CONJUNCTIONS,
    CONSEQUENCE_REACH,
    CONSEQUENCE_TERMS,
    DEHUMANISING_TERMS,
    DESERVE_REACH,
    DESERVE_TERMS,
    DEVALUING_TERMS,
    EXCEPTIVES,
    EXCEPTIVES_AR,
    EXCLUSION_TERMS,
    EXTRA_GENERALISING,
    GLUE_WORDS,
    GROUP_TERMS,
    HARM_TERMS,
    HATE_TERMS,
    NEGATED_BELIEFS,
    NEGATED_COPULAS,
    NEGATION_AFTER,
    NEGATION_WINDOW,
    NEGATIVE_DETERMINERS,
    NEGATIVE_QUANTIFIERS,
    NEGATORS,
    NEWS_ACTORS,
    NEWS_TERMS,
    NOT_NEGATED_AFTER,
    NOT_ONLY,
    OBJECT_AFTER,
    OBJECT_PREPOSITIONS,
    PRAISE_AFTER_NEGATED_GROUP,
    PRAISE_REACH,
    PRAISE_TERMS,
    SELF_STANCE_WORDS,
    SELF_TERMS,
    SEPARABLE_VIOLENCE,
    SINGLE_WORDS,
    SLUR_NEGATION_WINDOW,
    SLUR_TERMS,
    STILL_VERBS_AR,
    VICTIM_TERMS,
    VIOLENCE_TERMS,
)
from nlp_integration.codebook.lexical import (
    GENERALISING_CUES,
    REFERENCE_CUES,
    counter_speech_strength,
    cue_pattern,
    normalise,
)
from nlp_integration.codebook.spelling import CueSpeller

_CLAUSE = re.compile(r"[.!?;\n]+")
# "in my opinion" phrased with a news word ("według mnie", "حسب رأيي"): not a source
_OWN_VIEW = re.compile(r"(?:wedlug|laut|حسب|برايي|براي) (?:mnie|nas|mir|رايي|رأيي|ي)(?!\w)")
_ARABIC = re.compile(r"[\u0600-\u06FF]")

_HIT_TABLES: dict[str, Mapping[str, Iterable[str]]] = {
    "group": GROUP_TERMS,
    "devaluing": DEVALUING_TERMS,
    "dehumanising": DEHUMANISING_TERMS,
    "slur": SLUR_TERMS,
    "exclusion": EXCLUSION_TERMS,
    "violence": VIOLENCE_TERMS,
    "hate": HATE_TERMS,
    "generalising": {
        **GENERALISING_CUES,
        "extra": tuple(w for v in EXTRA_GENERALISING.values() for w in v),
    },
}
_LATIN_FOLD = str.maketrans({"ł": "l", "ı": "i", "ø": "o"})
_LATIN_MARKED = re.compile(r"[\u00c0-\u024f]")  # Latin letters with diacritics
_COMBINING_LATIN = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ئ": "ي", "ؤ": "و"})
# proclitics (wa-, fa-, bi-, li-, ka-), then the article al-, lil- or colloquial "hal-" (this/these:
# هالسوريين)
_AR_PREFIX = (
    "(?:[\u0648\u0641][\u0628\u0644\u0643]?|[\u0628\u0644\u0643])?"
    "(?:\u0627\u0644|\u0644\u0644|\u0647\u0627\u0644)?"
)


_AR_DOUBLED_END = re.compile(r"([\u0621-\u064a])\1(?!\w)")
_CAMEL_CASE = re.compile(r"(?<=[a-zäöüßąćęłńóśźż])(?=[A-ZÄÖÜĄĆĘŁŃÓŚŹŻ])")
_WORD_NOT_HANDLE = re.compile(r"(?<![\w@])\w+")  # user names (@SteiblBarbara) stay whole
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
_LETTERS_AND_DIGITS = re.compile(r"(?<!\w)(?=\w*[^\W\d_])(?=\w*\d)\w+")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\w ){3,}\w(?!\S)")  # "a s y l a n t e n"
# the same in the raw text, where two or more spaces still separate the spaced-out words
_SPACED_RAW = re.compile(r"(?<!\S)(?:\w ){3,}\w(?!\w)")


def _deobfuscate(norm: str) -> str:
    """Undo the usual spellings that dodge word filters: digits for letters inside a word
    ("kr1minell" -> "kriminell") and letters spaced apart (four or more one-letter tokens)."""
    norm = _LETTERS_AND_DIGITS.sub(lambda m: m.group(0).translate(_LEET), norm)
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), norm)


def _fold(text: str) -> str:
    """:func:`~nlp_integration.codebook.lexical.normalise`, Arabic letter folding (alef, ya, ta
    marbuta), Latin diacritics dropped (so "przestepcy" matches "przestępcy"), words run together
    in camel case split ("verachteEinwanderer", "#AusländerRaus") and :func:`_deobfuscate`."""
    text = str(text)
    if _CAMEL_CASE.search(text):
        text = _WORD_NOT_HANDLE.sub(lambda m: _CAMEL_CASE.sub(" ", m.group(0)), text)
    if "  " in text:  # "A f r y k a n i e   t o": join each spaced word before spaces collapse
        text = _SPACED_RAW.sub(lambda m: m.group(0).replace(" ", ""), text)
    out = _deobfuscate(normalise(text)).translate(_AR_FOLD)
    if _ARABIC.search(out):  # a doubled last letter is a spelling trick ("الغجرر"), not Arabic
        out = _AR_DOUBLED_END.sub(r"\1", out)
    if _LATIN_MARKED.search(out):
        out = unicodedata.normalize("NFKD", out.translate(_LATIN_FOLD))
        out = unicodedata.normalize("NFC", _COMBINING_LATIN.sub("", out))
    return out


_WORD_END = r"(?!\w)"
_WORD_REST = re.compile(r"\w*")
_ARABIC_WORD_END = r"ا?(?!\w)"  # accusative tanween adds an alef: لصوصاً -> لصوصا


def _cue(cue: str) -> tuple[str, str]:
    """The folded literal of a cue and what must follow it (nothing for a stem ``*``)."""
    norm = _fold(cue)
    if norm.endswith("*"):
        return norm[:-1].strip(), ""
    if _ARABIC.search(norm):
        return norm, _ARABIC_WORD_END
    return norm, _WORD_END


def _trie(cues: Iterable[tuple[str, str]]) -> str:
    """One regular expression for many cues, as a trie: each position walks the shared prefixes
    once instead of trying every cue (Python's ``re`` does not do this itself). At each point
    the longer cue is tried first, so the longest matching cue wins, as in a length-sorted
    alternation."""
    root: dict = {}
    for literal, end in cues:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node.setdefault(None, set()).add(end)

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        ends = sorted(node.get(None, ()), key=len, reverse=True)  # "" (a stem) last
        options = branches + ends
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return build(root)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){_AR_PREFIX}{_trie(_cue(p) for p in phrases)}")


_NOBODY = _phrase_pattern(NEGATIVE_QUANTIFIERS + NEGATED_BELIEFS)
_NEG_COPULA = _phrase_pattern(NEGATED_COPULAS)
_VICTIM = _phrase_pattern(VICTIM_TERMS)
_ARRIVAL = _phrase_pattern(ARRIVAL_TERMS)
_CONSEQUENCE = _phrase_pattern(CONSEQUENCE_TERMS)
_HARM = _phrase_pattern(HARM_TERMS)
_PRAISE = _phrase_pattern(PRAISE_TERMS)
_DESERVE = _phrase_pattern(DESERVE_TERMS)
_SEPARABLE_VERBS = frozenset(v for verbs, _ in SEPARABLE_VIOLENCE for v in verbs)
_SEPARABLE_PARTICLES = frozenset(p for _, particles in SEPARABLE_VIOLENCE for p in particles)
_SEPARABLE = re.compile(
    "|".join(
        rf"(?<!\w)(?:{'|'.join(verbs)})(?: \w+){{1,4}} (?:{'|'.join(particles)})"
        rf"(?=$| (?:{'|'.join(sorted(CLAUSE_STARTERS))})(?!\w))"
        for verbs, particles in SEPARABLE_VIOLENCE
    )
)

_NEWS = _phrase_pattern(NEWS_TERMS)
_NEWS_ACTORS = _phrase_pattern(NEWS_ACTORS)


@lru_cache(maxsize=1)
def _self_pattern() -> re.Pattern[str]:
    """A self-description cue right before a group word (at most one word between)."""
    group = _table_pattern("group").pattern
    cues = _trie(_cue(c) for c in SELF_TERMS)
    stance = "|".join(re.escape(_fold(w)) for w in SELF_STANCE_WORDS)
    return re.compile(rf"(?<![\w']){cues} (?:(?!(?:{stance}) )\w+ )?(?:{group})")


@lru_cache(maxsize=16)
def _table_pattern(name: str) -> re.Pattern[str]:
    cues = {c for terms in _HIT_TABLES[name].values() for c in terms}
    if name == "violence":  # the future prefix sa- before first-person verbs: سأضرب، سنحرق
        cues |= {"س" + c for c in cues if _fold(c)[:1] in ("ا", "ن")}
    pattern = rf"(?<![\w']){_AR_PREFIX}{_trie(_cue(c) for c in cues)}"
    if name == "group":
        pattern += r"|\w+(?:" + "|".join(_fold(h) for h in COMPOUND_GROUP_HEADS) + r")\w*"
    return re.compile(pattern)


@lru_cache(maxsize=1)
def _before_group_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per table of :data:`BEFORE_GROUP`: its cues, matched only when a group word follows."""
    group = _table_pattern("group").pattern
    return tuple(
        (name, re.compile(rf"(?<![\w']){_AR_PREFIX}{_trie(_cue(c) for c in cues)} (?=(?:{group}))"))
        for name, cues in BEFORE_GROUP.items()
    )


@lru_cache(maxsize=1)
def _speller() -> CueSpeller:
    """:class:`~.spelling.CueSpeller` over the single-word group words.

    Only these: repairing towards devaluing or hate words turned ordinary words into cues in real
    German text ("stellen" -> "stehlen", "verzichten" -> "vernichten"), towards slurs ordinary
    words into slurs ("knacken", "couilles"); a repaired group word adds evidence only together
    with a hostile word.
    """
    words, stems = set(), set()
    for cues in GROUP_TERMS.values():
        for cue in cues:
            literal, end = _cue(cue)
            if literal and " " not in literal:
                (stems if end == "" else words).add(literal)
    return CueSpeller(words, stems, (_fold(w) for w in GLUE_WORDS))


@lru_cache(maxsize=1)
def _negator_set() -> frozenset[str]:
    return frozenset(_fold(w) for words in NEGATORS.values() for w in words)


def _exceptive(words: list[str]) -> bool:
    """The last words before a hit hold an exceptive after a negator ("ما ... غير", "nichts als")."""
    negators = _negator_set()
    for i in range(len(words) - 1, max(len(words) - 1 - NEGATION_WINDOW, -1), -1):
        word = words[i]
        if word in _EXCEPTIVES_AR:
            return any(_strip_ar(w) in negators for w in words[max(i - 6, 0) : i])
        if word in EXCEPTIVES and i > 0 and words[i - 1] == EXCEPTIVES[word]:
            return True
    return False


_EXCEPTIVES_AR = frozenset(_fold(w) for w in EXCEPTIVES_AR)  # texts are folded: سوى -> سوي


def _join_split_arabic(norm: str) -> str:
    """Join Arabic words that together, and only together, make a group word ("النا زحون",
    "المها جرين", "الأ جا نب")."""
    group = _table_pattern("group")
    words = norm.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        joined_to = i
        if _ARABIC.match(words[i]) and not _group_word(group, words[i]):
            for k in range(ARABIC_SPLIT_PARTS, 1, -1):
                parts = words[i : i + k]
                if (
                    len(parts) == k
                    and all(_ARABIC.match(w) for w in parts)
                    and (k > 2 or _arabic_stop_words().isdisjoint(parts))
                ):
                    if _group_word(group, "".join(parts)) and not _group_word(group, parts[-1]):
                        joined_to = i + k - 1
                        break
        out.append("".join(words[i : joined_to + 1]))
        i = joined_to + 1
    return " ".join(out)


@lru_cache(maxsize=1)
def _arabic_stop_words() -> frozenset[str]:
    """spaCy's Arabic stop words, folded: two words of which one is a stop word are not a split
    word ("الم ان" is not "ألمان"); three pieces are ("الأ جا نب")."""
    from spacy.lang.ar.stop_words import STOP_WORDS

    return frozenset(_fold(w) for w in STOP_WORDS)


def _group_word(group: re.Pattern[str], word: str) -> bool:
    """``word`` is a group word: a cue, or a stem with a plural or case ending."""
    m = group.match(word)
    return m is not None and word[m.end() :] in ARABIC_ENDINGS


def _strip_ar(word: str) -> str:
    """An Arabic word without the conjunctions wa-/fa- ("ولا" -> "لا")."""
    return word[1:] if len(word) > 2 and word[0] in "\u0648\u0641" else word


def _negator_before(words: list[str]) -> bool:
    """One of the last few words is a negator (not the لا/ما of "لا يزال", "still")."""
    negators = _negator_set()
    window = words[-NEGATION_WINDOW:]
    return any(
        (w in negators or _strip_ar(w) in negators or w.endswith("n't"))
        and after not in STILL_VERBS_AR
        for w, after in zip(window, [*window[1:], ""], strict=False)
    )


def _negated(norm: str, start: int, end: int, table: str = "") -> bool:
    """Whether the hit ``norm[start:end]`` of ``table`` is negated.

    Negated: a negator among the few words before it (for a Polish cue that starts with its own
    "nie", concord words such as "żaden" or "nigdy" do not count), "nobody" or a negated opinion
    earlier in the clause, for violence and harm a negated "deserve" right before it
    (:func:`_spared`), for hate words a German "nicht" ending the clause ("Ich hasse Migranten
    überhaupt nicht"), and for predicates in languages that negate after them a negator right
    after. Not negated: a negator followed by an exceptive ("nothing but"); slurs, dehumanising
    and exclusion phrases and praise are not negated by what follows them ("Ich kann diese
    Kanaken nicht mehr sehen", "gehören in den Zoo, nicht in unsere Städte").
    """
    words = norm[:start].split()
    if _exceptive(words + norm[start:end].split()[:1]):
        return False
    window = words[-(SLUR_NEGATION_WINDOW if table == "slur" else NEGATION_WINDOW) :]
    if norm.startswith(CONCORD_STARTS, start):  # "nie są nic warci", "Żaden … nie jest wart"
        concord = CONCORD_WORDS | {"nie"} if norm.startswith("nic ", start) else CONCORD_WORDS
        window = [w for w in window if w not in concord]
    if _negator_before(window) or _NOBODY.search(norm[:start]):
        return True
    if table in ("violence", "harm") and _spared(norm, start):
        return True
    if table in NOT_NEGATED_AFTER:
        return False
    rest = norm[end:].split()
    if table == "hate" and _clause_final_nicht(rest):
        return True
    following = rest[:2]
    if following[:1] and following[0] in CLAUSE_STARTERS:
        return False  # "klauen alles, was nicht ...": the negator belongs to a relative clause
    if len(following) > 1 and following[1] in CLAUSE_STARTERS:
        following = following[:1]
    return any(w in _negation_after() for w in following)


def _spared(norm: str, start: int) -> bool:
    """A negated "deserve" at most :data:`DESERVE_REACH` words before ``start``, no clause starter
    between."""
    for m in _DESERVE.finditer(norm, 0, start):
        between = norm[m.end() : start].split()
        if (
            len(between) <= DESERVE_REACH
            and CLAUSE_STARTERS.isdisjoint(between)
            and _negator_before(norm[: m.start()].split())
        ):
            return True
    return False


def _clause_final_nicht(rest: list[str]) -> bool:
    """The words after a hate word end in a German "nicht" of the same short clause (the first
    word may be an article: "Ich verachte die Asylbewerber … überhaupt nicht")."""
    return (
        rest[-1:] == ["nicht"]
        and len(rest) <= CLAUSE_FINAL_REACH
        and CLAUSE_STARTERS.isdisjoint(rest[1:-1])
        and CONJUNCTIONS.isdisjoint(rest[:-1])
    )


@lru_cache(maxsize=1)
def _negation_after() -> frozenset[str]:
    return frozenset(_fold(w) for w in NEGATION_AFTER)


def find_hits(text: str) -> dict[str, list[tuple[str, bool]]]:
    """Hits per table: ``{table: [(matched text, negated), ...]}``, clause by clause.

    ``negated_copula`` holds the negated copulas that follow a group word in the same clause;
    ``spared`` the harm words of a clause whose group word or harm word is negated ("Kein
    Flüchtling verdient es zu sterben"); ``self`` a speaker naming themselves as one of the group
    ("Wir sind Geflüchtete"); ``praised`` praise in the clause of a group word ("Migranten sind
    großartige Nachbarn"). All count as negated when nothing hostile is left. ``reported`` holds
    the group words of clauses that report news, what authorities do, or harm to victims.
    """
    out: dict[str, list[tuple[str, bool]]] = {name: [] for name in _HIT_TABLES}
    out["negated_copula"] = []
    out["spared"] = []
    out["self"] = []
    out["praised"] = []
    out["reported"] = []
    arabizi = _looks_arabizi(str(text))
    clauses: list[tuple[str, bool]] = []  # (folded clause, names a group outside a report)
    for clause in _CLAUSE.split(str(text)):
        norm = _speller().repair(_fold(clause))
        if not norm:
            continue
        if _ARABIC.search(norm):
            norm = _join_split_arabic(norm)
        group_spans: list[tuple[int, int, bool]] = []  # start, end, negated
        victim = bool(_VICTIM.search(norm) or _NEWS.search(_OWN_VIEW.sub(" ", norm)))
        reported = victim or bool(_NEWS_ACTORS.search(norm))
        for name in _HIT_TABLES:
            for m in _table_pattern(name).finditer(norm):
                if victim and name == "devaluing":
                    continue  # victim or news clause: neither hostile nor negated

                out[name].append((m.group(0), _negated(norm, m.start(), m.end(), name)))
                if name == "group":  # the span ends where the word ends (cues may be stems)
                    end = _WORD_REST.match(norm, m.end()).end()
                    group_spans.append((m.start(), end, out[name][-1][1]))
        if reported:
            out["reported"] += out["group"][len(out["group"]) - len(group_spans) :]
        clauses.append((norm, bool(group_spans) and not reported))
        out["violence"] += _separable_hits(norm)
        for name, pattern in _before_group_patterns():
            for m in pattern.finditer(norm):
                out[name].append((m.group(0), _negated(norm, m.start(), m.end())))
        if group_spans:
            out["negated_copula"] += [
                (m.group(0), True)
                for m in _NEG_COPULA.finditer(norm, group_spans[0][1])
                if next(iter(norm[m.end() :].split()), "") not in _EXCEPTIVES_AR
            ]  # "ليسوا سوى جرذان" (nothing but rats) is not negated
            group_negated = any(negated for _, _, negated in group_spans)
            out["spared"] += [
                (m.group(0), True)
                for m in _HARM.finditer(norm)
                if group_negated or _negated(norm, m.start(), m.end(), "harm")
            ]
            out["self"] += [(m.group(0), True) for m in _self_pattern().finditer(norm)]
            praised, blamed = _praise_hits(norm, group_spans)
            out["praised"] += praised
            out["devaluing"] += blamed
        if arabizi:
            for name, hit, negated in _arabizi_hits(normalise(clause)):
                out[name].append((hit, negated))
    out["devaluing"] += _implied_devaluation(clauses)
    return out


def _implied_devaluation(clauses: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A group's arrival or presence and, in that clause or the next few, what the speaker does
    about it (:data:`ARRIVAL_TERMS`, :data:`CONSEQUENCE_TERMS`): one devaluing hit."""
    for i, (norm, group) in enumerate(clauses):
        if group and _ARRIVAL.search(norm):
            for later, _ in clauses[i : i + 1 + CONSEQUENCE_REACH]:
                if m := _CONSEQUENCE.search(later):
                    negated = _negated(later, m.start(), m.end(), "consequence")
                    return [(f"implied: {m.group(0)}", negated)]
    return []


def _separable_hits(norm: str) -> list[tuple[str, bool]]:
    """German separable verbs of violence around their object (:data:`SEPARABLE_VIOLENCE`)."""
    words = norm.split()
    if _SEPARABLE_VERBS.isdisjoint(words) or _SEPARABLE_PARTICLES.isdisjoint(words):
        return []  # the pattern is slow; most clauses hold neither a verb form nor a particle
    return [
        (m.group(0), _negated(norm, m.start(), m.end(), "violence"))
        for m in _SEPARABLE.finditer(norm)
    ]


def _praise_hits(
    norm: str, group_spans: list[tuple[int, int, bool]]
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Praise in a clause with a group word: ``(praised, blamed)``.

    Praise counts as blame (a devaluing hit) when it is negated or follows a group word with a
    negative determiner ("Kein einziger Zuwanderer ist ein anständiger Mensch", "Żaden
    cudzoziemiec nie jest przyzwoitym człowiekiem"), close after a group word of its clause;
    "nicht nur fleißig" and "nicht weniger fleißig" are neither negated nor compared down.
    """
    determined = [end for start, end, _ in group_spans if _after_negative_determiner(norm, start)]
    praised: list[tuple[str, bool]] = []
    blamed: list[tuple[str, bool]] = []
    for m in _PRAISE.finditer(norm):
        before = norm[: m.start()].split()
        if before[-1:] and before[-1] in COMPARATIVE_LESS:
            continue  # "nicht weniger fleißig als": a comparison, neither praise nor blame
        near_group = any(
            end <= m.start()
            and len(norm[end : m.start()].split()) <= PRAISE_REACH
            and CLAUSE_STARTERS.isdisjoint(norm[end : m.start()].split())
            for _, end, _ in group_spans
        )
        after_determiner = any(
            end <= m.start() and len(norm[end : m.start()].split()) <= PRAISE_AFTER_NEGATED_GROUP
            for end in determined
        )
        negated = _negated(norm, m.start(), m.end(), "praise") and NOT_ONLY.isdisjoint(
            before[-NEGATION_WINDOW:]
        )
        if near_group and (after_determiner or negated):
            blamed.append((m.group(0), False))
        elif not negated:
            praised.append((m.group(0), True))
    return praised, blamed


def _after_negative_determiner(norm: str, start: int) -> bool:
    """A negative determiner right before the word at ``start``, or before "einziger" and it."""
    before = norm[:start].split()[-2:]
    return bool(before) and (
        before[-1] in NEGATIVE_DETERMINERS
        or (len(before) == 2 and before[0] in NEGATIVE_DETERMINERS and before[1] in SINGLE_WORDS)
    )


# Arabizi: Arabic in Latin letters with digits for the letters Latin lacks (2 hamza/qaf, 3 ain,
# 5 kha, 7 ha, 8 ghain, 9 sad). Both the text and the Arabic cues are reduced to a consonant
# skeleton (vowels, and waw/ya inside a word, dropped; ta marbuta and final h dropped; close
# letters merged), so "7ayawanat" and "حيوانات" both become "hnt".
_ARABIZI_TOKEN = re.compile(
    r"(?<!\w)(?=(?:\w*[a-z]){3})[a-z]*[235789][a-z0-9]*(?!\w)"  # "wes5een", not "A3", "mp3"
)
_LINK = re.compile(r"\S*(?:https?://|www\.|\.[a-z]{2,4}/)\S*")


def _looks_arabizi(text: str) -> bool:
    """Arabic in Latin letters: no Arabic script, and words with digits for letters make up at
    least a sixth of the words (one code or link in a German text is not enough)."""
    if _ARABIC.search(text):
        return False
    lowered = _LINK.sub(" ", text.lower())
    found = len(_ARABIZI_TOKEN.findall(lowered))
    return found >= 1 and 6 * found >= len(lowered.split())


_ARABIZI_DIGRAPHS = (("kh", "5"), ("gh", "8"), ("sh", "c"), ("ch", "c"), ("th", "t"), ("dh", "d"))
_ARABIZI_LETTERS = str.maketrans(
    {
        "2": "2",
        "q": "2",
        "3": "3",
        "5": "x",
        "7": "h",
        "8": "g",
        "j": "g",
        "9": "s",
        "6": "t",
        "p": "b",
        "v": "f",
        "a": None,
        "e": None,
        "i": None,
        "o": None,
        "u": None,
    }
)
_ARABIC_SKELETON = str.maketrans(
    {
        "ا": None,
        "ء": None,
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "g",
        "ح": "h",
        "خ": "x",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "c",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": "3",
        "غ": "g",
        "ف": "f",
        "ق": "2",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
    }
)
_ARABIZI_ARTICLE = ("el", "al", "il")


def _skeleton(word: str, arabic: bool) -> str:
    """Consonant skeleton of an Arabizi word or of a folded Arabic word."""
    if arabic:
        word = word.removeprefix("ال") if len(word) > 4 else word
        head, rest = word[:1], word[1:].replace("و", "").replace("ي", "")
        head = {"و": "w", "ي": "y"}.get(head, head)
        out = (head + rest).translate(_ARABIC_SKELETON)
    else:
        for digraph, letter in _ARABIZI_DIGRAPHS:
            word = word.replace(digraph, letter)
        out = word[:1].translate(_ARABIZI_LETTERS) + word[1:].replace("w", "").replace("y", "")
        out = out[:1] + out[1:].translate(_ARABIZI_LETTERS)
    out = re.sub(r"(.)\1+", r"\1", out)
    return out[:-1] if len(out) > 3 and out.endswith("h") else out


@lru_cache(maxsize=1)
def _arabizi_cues() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(table, skeleton words, stem) for every Arabic cue whose skeleton is long enough."""
    cues = []
    for name, table in _HIT_TABLES.items():
        for lang, terms in table.items():
            if lang not in ("ar", "extra") and name != "generalising":
                continue
            for term in terms:
                folded = _fold(term)
                if not _ARABIC.search(folded):
                    continue
                stem = folded.endswith("*")
                words = tuple(_skeleton(w, True) for w in folded.rstrip("*").split())
                if words and sum(len(w) for w in words) >= 3 and all(words):
                    cues.append((name, words, stem))
    for term in ARABIZI_TERMS["group"]:
        cues.append(("group", (_skeleton(term.rstrip("*"), False),), term.endswith("*")))
    return tuple(cues)


@lru_cache(maxsize=1)
def _arabizi_negators() -> frozenset[str]:
    return frozenset(_skeleton(w, False) for w in ARABIZI_TERMS["negators"])


def _arabizi_hits(norm: str) -> list[tuple[str, str, bool]]:
    """(table, matched words, negated) for the Arabic cues found in an Arabizi clause."""
    tokens = []
    for word in norm.split():
        if word in _ARABIZI_ARTICLE:
            continue
        forms = {_skeleton(word, False)}
        if word[:2] in _ARABIZI_ARTICLE and len(word) > 4:
            forms.add(_skeleton(word[2:], False))
        tokens.append(forms)
    hits = []
    for name, words, stem in _arabizi_cues():
        for i in range(len(tokens) - len(words) + 1):
            last = len(words) - 1
            if all(words[k] in tokens[i + k] for k in range(last)) and any(
                f == words[last] or (stem and f.startswith(words[last])) for f in tokens[i + last]
            ):
                negated = any(
                    _arabizi_negators() & tokens[j] for j in range(max(i - NEGATION_WINDOW, 0), i)
                )
                hits.append((name, " ".join(words), negated))
    return hits


HOSTILE_TABLES = ("dehumanising", "slur", "violence", "exclusion", "devaluing", "hate")
# evidence level per table: (with a group word, with a generalising word only, alone)
LEVELS: dict[str, tuple[float, float, float]] = {
    "dehumanising": (1.0, 0.7, 0.3),
    "slur": (1.0, 1.0, 0.8),  # a slur is itself the group word
    "violence": (1.0, 0.7, 0.3),
    "exclusion": (1.0, 0.5, 0.2),
    "devaluing": (0.7, 0.4, 0.2),
    "hate": (0.8, 0.5, 0.2),
}


_QUOTED = re.compile(r'„[^“”"]{3,}[“”"]|“[^”]{3,}”|"[^"]{3,}"|«[^»]{3,}»|»[^«]{3,}«|‚[^‘’]{3,}[‘’]')


def hostility_features(text: str) -> tuple[float, bool]:
    """``(hostility_evidence(text), negated_hostility(text))`` in one pass."""
    evidence, negated, _ = hostility_signals(text)
    return evidence, negated


def hostility_signals(text: str) -> tuple[float, bool, bool]:
    """``(hostility_evidence(text), negated_hostility(text), names_group)`` in one pass;
    ``names_group``: a slur, or a group word in a clause that is not news, a report on what
    authorities do or about victims ("Die Polizei ermittelt gegen drei Asylbewerber …").

    Hostility only inside quotation marks, with some words of the speaker's own outside them, is
    mentioned rather than used ("„Ausländer raus“ – so etwas darf man nicht sagen") and counts as
    negated; so does hostility quoted and condemned ("Zu sagen „… sind Abschaum“ ist widerlich"),
    where the condemning word would otherwise count as the speaker's own hostility.
    """
    if not text or not str(text).strip():
        return 0.0, False, False
    text = str(text)
    outside = _QUOTED.sub(" ", text)
    if outside != text and len(outside.split()) >= 2:
        quoted = _features(text)
        own = _features(outside)
        if own[0] > 0.0 and _condemned_quote(text, outside):
            own = _features(_without_denouncing(outside))
        if own[0] == 0.0 and quoted[0] > 0.0:
            return 0.0, True, quoted[2]
        score, negated, _ = quoted if own[0] > 0.0 else own
        return score, negated, quoted[2]
    return _features(text)


def counter_speech(text: str) -> float:
    """:func:`~.lexical.counter_speech_strength`, where words referred to and condemned count only
    when a group word before them is their object ("Wer gegen Asylbewerber hetzt, hat nichts
    verstanden"), not their subject ("Nie będziemy tolerować imigrantów, którzy obrażają …")."""
    return counter_speech_strength(text, _group_is_object)


def _group_is_object(norm: str) -> bool:
    """Every group word before the first reference cue is an object: a preposition (or "wer")
    in its two words before, or "als" in its two words after."""
    folded = _fold(norm)
    reference = _reference_pattern().search(folded)
    if reference is None:
        return True
    for m in _table_pattern("group").finditer(folded, 0, reference.start()):
        word_end = _WORD_REST.match(folded, m.end()).end()  # a group cue may be a stem
        before, after = folded[: m.start()].split()[-2:], folded[word_end:].split()[:2]
        if OBJECT_PREPOSITIONS.isdisjoint(before) and OBJECT_AFTER.isdisjoint(after):
            return False
    return True


@lru_cache(maxsize=1)
def _reference_pattern() -> re.Pattern[str]:
    return _phrase_pattern(c for cues in REFERENCE_CUES.values() for c in cues)


def _condemned_quote(text: str, outside: str) -> bool:
    """The quotation itself is hostile and the speaker's own words name no group: a condemning
    word outside it ("ist widerlich") is about the quotation, not about a group."""
    inside = " . ".join(_QUOTED.findall(text))
    return _features(inside)[0] > 0.0 and not find_hits(outside)["group"]


def _without_denouncing(text: str) -> str:
    """``text`` clause by clause, normalised, without the speaker's condemning words."""
    denouncing = cue_pattern("denouncing")
    return ". ".join(denouncing.sub(" ", normalise(clause)) for clause in _CLAUSE.split(text))


def _features(text: str) -> tuple[float, bool, bool]:
    """Evidence, negated and names-a-group of one text (no quotation handling)."""
    hits = find_hits(text)
    group = bool(hits["group"] or hits["slur"])
    general = bool(hits["generalising"])
    score = 0.0
    for name, (with_group, with_general, alone) in LEVELS.items():
        if any(not neg for _, neg in hits[name]):
            level = with_group if group else with_general if general else alone
            if name in ("devaluing", "hate") and group and general:
                level = 0.9
            score = max(score, level)
    negated_any = any(neg for k in HOSTILE_TABLES for _, neg in hits[k])
    negated = (
        negated_any
        or bool(hits["negated_copula"] or hits["spared"] or hits["self"] or hits["praised"])
    ) and score == 0.0
    named = bool(hits["slur"]) or len(hits["group"]) > len(hits["reported"])
    return score, bool(negated), named


def hostility_evidence(text: str) -> float:
    """Lexical evidence that a text is hostile towards a group, in [0, 1].

    1.0: a dehumanising word, a slur, a call for violence or expulsion together with a group word
    or a generalising word; 0.7-0.9: a devaluing word or hatred together with a group word (more
    with a generalising word); lower without a group. Negated hits ("sind keine Verbrecher",
    "nie są przestępcami", "ليسوا مجرمين") do not count.
    """
    return hostility_features(text)[0]


def negated_hostility(text: str) -> bool:
    """True when a text names a group without hostility left: every hostile word is negated
    ("sind keine Verbrecher", "Niemand sollte abgeschoben werden"), only quoted or quoted and
    condemned, a copula after a group word is negated ("Flüchtlinge sind nicht ..."), or harm is
    spared, the speaker is one of the group or the group is praised."""
    return hostility_features(text)[1]
