"""Language identification for short, mixed and closely related texts.

The detector combines, cheapest first:

1. cleaning and a letter count: URLs, e-mail addresses, @mentions, redaction placeholders,
   digits, emoji and punctuation carry no language; texts with fewer than ``min_letters``
   letters are ``und`` with score 0;
2. script and character rules that decide without a model: a script used by only one candidate
   (Greek -> ``el``), letters only one language of a script uses (Persian پ چ ژ گ ک ی, Ukrainian
   і ї є ґ, Russian ы э ё, Bulgarian ъ, Serbian ђ ћ, Macedonian ѓ ќ ѕ, Sorani Kurdish ڕ ڵ ۆ ێ ە,
   Pashto ټ ډ ړ ږ ښ ګ ڼ), Latin-script Arabic ("Arabizi": digits 2/3/5/7/9 inside words,
   Arabic pronouns and particles) and Kurmanji Kurdish (ê/û with ş, "xw", function words);
3. for short texts, words only one of uk/ru/bg uses, and function words of en/de/tr/pl/ro;
4. lingua (high-accuracy mode, restricted to the candidate languages) for everything else; its
   confidence values are renormalised over the languages the rules still allow and, for short
   texts, weighted by a prior of the corpus's languages (``fit(texts)``).

Mixed contributions are split into sentences and script runs; each segment is detected on its
own and ``lang_mixed`` lists the languages with their share of letters. See docs/language.md
for the measured accuracy and what is not handled.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import pandas as pd

from nlp_integration.errors import ConfigError
from nlp_integration.schemas import LANG, LANG_MIXED, LANG_SCORE, UNDETERMINED_LANG

DEFAULT_CANDIDATES: tuple[str, ...] = (
    "de", "en", "tr", "ar", "fa", "ku", "ps", "ru", "uk", "pl", "ro", "bg", "sq",
    "sr", "hr", "bs", "mk", "it", "el", "es", "fr", "pt", "hu", "so", "vi",
)  # fmt: skip
"""Languages common in German arrival neighbourhoods that the detector can tell apart."""

LINGUA_CODES: tuple[str, ...] = (
    "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "eu", "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is",
    "it", "ja", "ka", "kk", "ko", "la", "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb",
    "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv",
    "sw", "ta", "te", "th", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh", "yo", "zh", "zu",
)  # fmt: skip
RULE_ONLY_CODES: tuple[str, ...] = ("ku", "ps")
"""Languages recognised by character rules only (lingua has no model for them)."""
SUPPORTED_CODES: tuple[str, ...] = tuple(sorted(set(LINGUA_CODES) | set(RULE_ONLY_CODES)))

# --- scripts -----------------------------------------------------------------------------------
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x139F, "ethiopic"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
)
_LANG_SCRIPTS: dict[str, tuple[str, ...]] = {
    "ar": ("arabic",), "fa": ("arabic",), "ur": ("arabic",), "ps": ("arabic",),
    "ku": ("arabic", "latin"), "bg": ("cyrillic",), "ru": ("cyrillic",), "uk": ("cyrillic",),
    "be": ("cyrillic",), "kk": ("cyrillic",), "mk": ("cyrillic",), "mn": ("cyrillic",),
    "sr": ("cyrillic",), "el": ("greek",), "he": ("hebrew",), "hy": ("armenian",),
    "ka": ("georgian",), "hi": ("devanagari",), "mr": ("devanagari",), "bn": ("bengali",),
    "pa": ("gurmukhi",), "gu": ("gujarati",), "ta": ("tamil",), "te": ("telugu",),
    "th": ("thai",), "ja": ("kana", "han"), "zh": ("han",), "ko": ("hangul",),
}  # fmt: skip


_SCRIPT_CACHE: dict[str, str] = {}


def _script_of(char: str) -> str:
    script = _SCRIPT_CACHE.get(char)
    if script is None:
        code = ord(char)
        script = next((name for low, high, name in _SCRIPT_RANGES if low <= code <= high), "other")
        _SCRIPT_CACHE[char] = script
    return script


def written_in(word: str, scripts: Sequence[str]) -> bool:
    """Whether every letter of ``word`` belongs to one of ``scripts``."""
    if word.isascii():
        return "latin" in scripts
    return all(_script_of(ch) in scripts for ch in word if ch.isalpha())


def scripts_of(lang: str) -> tuple[str, ...]:
    """Scripts a language is written in (Latin unless listed otherwise)."""
    return _LANG_SCRIPTS.get(lang, ("latin",))


# --- cleaning ----------------------------------------------------------------------------------
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|@\w+|\[[A-Z_]+\]|<\|?[A-Z_]+\|?>|&\w+;",
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;:…\n])\s+|\n+|\s[-–—|•]\s")


def clean_text(text: str) -> str:
    """Remove parts without language: URLs, e-mail addresses, @mentions, placeholders."""
    return _NOISE.sub(" ", unicodedata.normalize("NFC", text))


def count_letters(text: str) -> int:
    """Number of letters (Unicode category L*) in ``text``."""
    return sum(map(str.isalpha, text))


# --- character rules ---------------------------------------------------------------------------
_CYRILLIC_MARKERS: dict[str, str] = {
    "uk": "іїєґ",
    "ru": "ыэё",
    "bg": "ъ",
    "sr": "ђћ",
    "mk": "ѓќѕ",
    "be": "ў",
}
_BG_HARD_SIGN = re.compile(r"ъ(?![еёюя])")
_ARABIC_MARKERS: dict[str, str] = {
    "ps": "ټډړږښګڼۍېځڅ",
    "ku": "ڕڵۆێەڤ",
    "ur": "ٹڈڑںےھ",
    "fa": "پچژگکی",
    "ar": "ةىيكأإؤ",
}
_ARABIZI_DIGIT_WORD = re.compile(
    r"^(?=[a-z'235679]*[a-z][a-z'235679]*[a-z])[a-z']*[235679][a-z'235679]*$"
)
_ARABIZI_TOKEN = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")
_ARABIZI_DIGIT = re.compile(r"[235679]")
_ARABIZI_WORDS = frozenset(
    "ana enta inta enti inti ehna e7na howa huwa heya hiya ya3ni yani mesh msh mish mafi mafish "
    "mafeesh fih fiha yalla yallah wallah walla wallahi inshallah inchallah habibi habibti shokran "
    "shukran keda kida kwayes kwayis leh 3ashan 3shan 3ala 3la kaman kman awi 2awi ahlan marhaba "
    "aywa la2 tayeb tayyeb ezay ezzay feen fein ba3d 3and 3ndi 3andi 3ayez 3ayza 3awz bidi baddi "
    "badi hada hadi hatha dah deh di el7amdulillah hamdulillah alhamdulillah wa7ed we7da "
    # Maghrebi (Darija, Algerian)
    "wakha bzaf bzzaf kolchi kifach kifash rani raho chokran chokeran wach wesh machi mashi "
    "hadchi dyal dial bghit 3lach 3lik ghir khoya sahbi mzyan mzian daba hbib hbibi drari".split()
)


def _decide_by_letters(text: str, script: str, allowed: Sequence[str]) -> str | None:
    """Language that distinctive letters of ``script`` decide among ``allowed``, else None."""
    markers = _CYRILLIC_MARKERS if script == "cyrillic" else _ARABIC_MARKERS
    if script not in ("cyrillic", "arabic"):
        return None
    text = text.lower()
    counts = {lang: sum(text.count(ch) for ch in chars) for lang, chars in markers.items()}
    if script == "cyrillic":  # Russian writes ъ only before е ё ю я (объявление, подъезд)
        counts["bg"] = len(_BG_HARD_SIGN.findall(text))
    counts = {lang: n for lang, n in counts.items() if n and lang in allowed}
    if script == "arabic":
        # Pashto, Sorani and Urdu letters are decisive; Persian vs Arabic is a comparison
        # (Persian typed on an Arabic keyboard shows ي ك, so a clear majority is required).
        for lang in ("ps", "ku", "ur"):
            if counts.get(lang, 0) >= 1:
                return lang
        fa, ar = counts.get("fa", 0), counts.get("ar", 0)
        if fa and fa >= 2 * ar:
            return "fa"
        if ar and ar >= 2 * fa:
            return "ar"
        return None
    if len(counts) == 1:
        return next(iter(counts))
    return None


_SOUTH_SLAVIC_LETTERS = frozenset("јљњџђћѓќѕ")

# Frequent words without a decisive letter that only one of uk/ru/bg uses (words shared with
# another of the three, such as "как", "но", "ще", "може", "много", are left out).
_CYRILLIC_WORDS: dict[str, frozenset[str]] = {
    "uk": frozenset(
        "що щоб шо це але або треба дуже зараз коли який яка яке які цей ця мене вона воно "
        "вони був була було буде вже теж нема немає наш ваш лише тобто".split()
    ),
    "ru": frozenset(
        "что чтобы мне меня он она они очень сейчас когда где сегодня хорошо тоже только нет "
        "его если надо нужно уже вот какой какая какое потому пока".split()
    ),
    "bg": frozenset(
        "това тази този тези тук защото искам трябва няма са се като тя сме сте беше нещо "
        "кога където".split()
    ),
}


# Frequent function words of the Latin-script target languages that no other default candidate
# writes as a word ("was", "in", "so", "ne", "si", "la", "to", "we" are left out on purpose).
_LATIN_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and you it's i'm don't can't let's this that they with have what then would should "
        "could there their about just like been your our she his who why how when where which "
        "were".split()
    ),
    "de": frozenset(
        "und nicht ist ich das die der den dem des ein eine einen wir sie auch mit für auf sind "
        "kein keine mehr bitte gibt haben wird noch nur schon sehr wie aus bei nach oder aber "
        "wenn weil dass uns unsere".split()
    ),
    "tr": frozenset(
        "ve bir bu çok cok için icin yok var ama daha gibi değil degil kadar sonra biz siz bunu "
        "şu hiç hic lazım lazim".split()
    ),
    "pl": frozenset("nie się jest są że czy już tylko bardzo mamy dla przez który też".split()),
    "ro": frozenset(
        "și este sunt pentru care să foarte acest această lui fost avem vreau există nevoie".split()
    ),
}


def _word_boost(text: str, scored: dict[str, float]) -> dict[str, float]:
    """Multiply lingua's scores of languages whose own function words occur in a short text."""
    words = set(re.findall(r"[\w'’]+", text.lower().replace("’", "'")))
    return {
        c: v * _WORD_BOOST if c in _LATIN_WORDS and words & _LATIN_WORDS[c] else v
        for c, v in scored.items()
    }


def _decide_by_words(text: str, allowed: Sequence[str]) -> str | None:
    """uk/ru/bg when only one of them has its own frequent words in ``text``."""
    words = set(re.findall(r"\w+", text.lower()))
    if not set(allowed) <= set(_CYRILLIC_WORDS):
        return None
    hits = [lang for lang, vocab in _CYRILLIC_WORDS.items() if lang in allowed and words & vocab]
    return hits[0] if len(hits) == 1 else None


def _exclude_by_absence(text: str, script: str, allowed: Sequence[str]) -> list[str]:
    """Drop languages whose everyday letters are all absent from ``text``.

    Serbian and Macedonian write ј (and љ њ џ) in almost every sentence; Russian, Ukrainian and
    Bulgarian never do. (The same rule for Ukrainian і/ї/є failed: many Ukrainian clauses of
    30+ letters have none, e.g. "Розмовляти з телефоном погана прикмета".)
    """
    if script != "cyrillic":
        return list(allowed)
    low = text.lower()
    kept = list(allowed)
    if any(ch in _SOUTH_SLAVIC_LETTERS for ch in low):
        south = [c for c in kept if c in ("sr", "mk")]
        return south or kept
    return [c for c in kept if c not in ("sr", "mk")] or kept


def arabizi_evidence(text: str) -> bool:
    """True when a Latin-script text looks like Arabic written with Latin letters and digits."""
    words = _ARABIZI_TOKEN.findall(text.lower())  # runs of a-z, digits, ' with a letter
    if not words:
        return False
    has_digits = _ARABIZI_DIGIT.search(text) is not None
    digit_words = sum(1 for t in words if _ARABIZI_DIGIT_WORD.match(t)) if has_digits else 0
    func_words = sum(1 for t in words if t in _ARABIZI_WORDS)
    if digit_words and (digit_words + func_words >= 2 or digit_words / len(words) >= 0.5):
        return True
    return func_words >= 2 and func_words / len(words) >= 0.4


_KURMANJI_WORDS = frozenset("û ji li bi xwe ew ez hûn yên ên jî tê dike heye wê wî wan bo".split())


def kurmanji_evidence(text: str) -> bool:
    """True for Latin-script Kurmanji: ê/û with ş, "xw", or with two Kurmanji function words."""
    low = text.lower()
    has_vowel = "ê" in low or "û" in low
    if has_vowel and ("ş" in low or "xw" in low):
        return True
    if not (has_vowel or "î" in low):
        return False
    words = re.findall(r"\w+", low)
    return sum(1 for w in words if w in _KURMANJI_WORDS) >= 2


# --- the detector ------------------------------------------------------------------------------
def resolve_candidates(candidates: str | Sequence[str]) -> tuple[str, ...]:
    """Candidate codes from "default", "all", "de,tr,..." or a list; ConfigError on unknown."""
    if isinstance(candidates, str):
        key = candidates.strip().lower()
        if key == "default":
            return DEFAULT_CANDIDATES
        if key == "all":
            return SUPPORTED_CODES
        codes = [c.strip().lower() for c in key.split(",") if c.strip()]
    else:
        codes = [str(c).strip().lower() for c in candidates if str(c).strip()]
    unknown = sorted(set(codes) - set(SUPPORTED_CODES))
    if unknown:
        raise ConfigError(
            f"unknown language code(s) {', '.join(unknown)} in candidates; use ISO 639-1 codes "
            f"from {', '.join(SUPPORTED_CODES)}, or 'default' / 'all'"
        )
    if not codes:
        raise ConfigError(
            "no language candidates given; use 'default', 'all' or codes like 'de,tr'"
        )
    return tuple(dict.fromkeys(codes))


_PRIOR_LETTERS = 30  # texts this long count towards the corpus prior and are not re-weighted
_PRIOR_SCORE = 0.8
_PRIOR_MIN_TEXTS = 20
_WORD_BOOST = 5.0
_PRIOR_WEIGHT = 0.5  # 1.0 and 0.5 compared on the dev half; 0.5 better on all three sets


_CACHE_SIZE = 200_000
_MIXED_RATIO = 3.0  # see _segment_job
_MIXED_SCORE = 0.25  # a segment counts when its score reaches this (0.6, 0.4, 0.25 on the dev half)
_DIGITS = re.compile(r"[\d_]+")
_PRIOR_SAMPLE = 3_000  # at most about this many long texts are detected for the corpus prior
_MAX_LINGUA_CHARS = 2_000  # lingua reads this much of a text; more adds time, not accuracy
_LINGUA_MEMO_SIZE = 20_000  # lingua's answers kept: the prior's sample is detected again later
_QUICK_SCORE = 0.9  # a segment whose trigram score for the text's language reaches this is settled
_MAX_SEGMENTS = 12  # segments judged per text for lang_mixed (an even sample of longer texts)


class _LinguaJob(NamedTuple):
    text: str
    allowed: tuple[str, ...]


class LanguageDetector:
    """Language of each text among candidate languages, with a score and mixed-language shares.

    Parameters
    ----------
    candidates
        ``"default"`` (:data:`DEFAULT_CANDIDATES`), ``"all"`` or ISO 639-1 codes (list or
        comma-separated string).
    min_letters
        Texts with fewer letters (after removing URLs, numbers, emoji) are ``und``.
    low_accuracy
        Use lingua's faster low-accuracy mode (worse on texts under ~120 characters).
    mixed_min_share
        Smallest share of letters a second language needs to appear in ``lang_mixed``.
    corpus_priors
        When ``fit`` gets texts, count the languages of its long, confidently detected texts and
        use that distribution (add-one smoothed) as a prior for short or uncertain texts.
    """

    def __init__(
        self,
        candidates: str | Sequence[str] = "default",
        min_letters: int = 2,
        low_accuracy: bool = False,
        mixed_min_share: float = 0.2,
        corpus_priors: bool = True,
        cyrillic_words: bool = True,
        latin_words: bool = True,
    ) -> None:
        self.candidates = candidates
        self.min_letters = min_letters
        self.low_accuracy = low_accuracy
        self.mixed_min_share = mixed_min_share
        self.corpus_priors = corpus_priors
        self.cyrillic_words = cyrillic_words
        self.latin_words = latin_words

    def fit(self, texts: Sequence[str] | None = None) -> LanguageDetector:
        """Resolve candidates and load the lingua models once (``load_seconds_``).

        With ``texts`` (and ``corpus_priors``), texts of at least 30 letters (an even sample of
        at most about 3,000 of them) are detected first; the languages of those detected with
        score >= 0.8 become ``prior_`` (None otherwise), which re-weights lingua's confidences
        for short or uncertain texts in ``detect``.
        """
        self._load()
        self.corpus_languages_: dict[str, int] = {}
        if texts is not None and self.corpus_priors:
            self.corpus_languages_ = self.language_counts(texts)
            self.prior_ = corpus_prior(self.corpus_languages_, self.candidates_)
        return self

    def _load(self) -> None:
        """Resolve candidates and build the lingua detectors (``load_seconds_``)."""
        started = time.perf_counter()
        self.candidates_ = resolve_candidates(self.candidates)
        self.lingua_codes_ = tuple(c for c in self.candidates_ if c in LINGUA_CODES)
        self.detector_: Any = None
        self.quick_detector_: Any = None
        if len(self.lingua_codes_) >= 2:
            from lingua import IsoCode639_1, LanguageDetectorBuilder

            codes = [getattr(IsoCode639_1, c.upper()) for c in self.lingua_codes_]

            def builder():
                return LanguageDetectorBuilder.from_iso_codes_639_1(*codes)

            if self.low_accuracy:
                self.detector_ = builder().with_low_accuracy_mode().build()
            else:
                self.detector_ = builder().with_preloaded_language_models().build()
                # trigrams only: a cheap first look at the segments of mixed texts
                self.quick_detector_ = builder().with_low_accuracy_mode().build()
        self.code_of_ = _lingua_codes() if self.detector_ is not None else {}
        self.by_script_: dict[str, tuple[str, ...]] = {}
        for code in self.candidates_:
            for script in scripts_of(code):
                self.by_script_.setdefault(script, ())
                self.by_script_[script] += (code,)
        self.cache_: dict[str, tuple[str, float, str]] = {}
        self.lingua_memo_: dict[str, Any] = {}
        self.prior_: dict[str, float] | None = None
        self.load_seconds_ = time.perf_counter() - started

    def language_counts(self, texts: Sequence[str]) -> dict[str, int]:
        """How many long texts (an even sample of at most about 3,000) each language has.

        Texts of at least 30 letters count when their language is detected with a score of at
        least 0.8; :func:`corpus_prior` turns the counts into the prior ``fit(texts)`` uses.
        """
        if not hasattr(self, "cache_"):
            self.fit()
        long = [t for t in texts if isinstance(t, str) and count_letters(t) >= _PRIOR_LETTERS]
        step = max(1, len(long) // _PRIOR_SAMPLE)  # an even sample is enough for a prior
        decided = self._decide([clean_text(t) for t in long[::step]])
        confident = Counter(lang for lang, score in decided if score >= _PRIOR_SCORE)
        return {lang: int(n) for lang, n in confident.most_common()}

    def detect(self, texts: Sequence[str]) -> pd.DataFrame:
        """One row per text: ``lang`` (ISO 639-1 or ``und``), ``lang_score``, ``lang_mixed``."""
        if not hasattr(self, "cache_"):
            self.fit()
        keys = [text if isinstance(text, str) else "" for text in texts]
        todo = [k for k in dict.fromkeys(keys) if k not in self.cache_]
        cleaned = [clean_text(k) for k in todo]
        decided = self._decide(cleaned)
        mixed = self._mixed_batch(cleaned, [lang for lang, _ in decided])
        # where the segments' majority is another language, it names the language of the text,
        # and the segments are judged again against it
        majority = [mix.split(";")[0].split(":") if mix else None for mix in mixed]
        again = [i for i, m in enumerate(majority) if m and m[0] != decided[i][0]]
        redone = self._mixed_batch([cleaned[i] for i in again], [majority[i][0] for i in again])
        for i, mix in zip(again, redone, strict=True):
            decided[i] = (majority[i][0], float(majority[i][1]))
            mixed[i] = mix
        results = {
            key: (lang, score, mix) if lang != UNDETERMINED_LANG else (lang, 0.0, "")
            for key, (lang, score), mix in zip(todo, decided, mixed, strict=True)
        }
        if len(self.cache_) < _CACHE_SIZE:
            self.cache_.update(results)
        rows = [self.cache_.get(k) or results[k] for k in keys]
        return pd.DataFrame(rows, columns=[LANG, LANG_SCORE, LANG_MIXED])

    # -- internals ------------------------------------------------------------------------------
    def _decide(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Language and score of each (cleaned) text; lingua runs once over all undecided ones."""
        prepared = [self._prepare(text) for text in texts]
        jobs = [i for i, p in enumerate(prepared) if isinstance(p, _LinguaJob)]
        values = self._lingua([prepared[i] for i in jobs])  # type: ignore[misc]
        for i, found in zip(jobs, values, strict=True):
            prepared[i] = self._finish(prepared[i], found)  # type: ignore[arg-type]
        return prepared  # type: ignore[return-value]

    def _lingua(self, jobs: Sequence[_LinguaJob], quick: bool = False) -> list[Any]:
        """Lingua's confidence values for many jobs at once, on all cores."""
        if not jobs:
            return []
        texts = [job.text[:_MAX_LINGUA_CHARS] for job in jobs]
        if quick:
            return self.quick_detector_.compute_language_confidence_values_in_parallel(texts)
        memo = self.lingua_memo_
        todo = [text for text in dict.fromkeys(texts) if text not in memo]
        values = self.detector_.compute_language_confidence_values_in_parallel(todo)
        fresh = dict(zip(todo, values, strict=True))
        if len(memo) < _LINGUA_MEMO_SIZE:
            memo.update(fresh)
        return [fresh[text] if text in fresh else memo[text] for text in texts]

    def _prepare(self, text: str) -> tuple[str, float] | _LinguaJob:
        """A decision by letters and rules, or the lingua job that is still needed."""
        scripts = _script_counts(text)
        if sum(scripts.values()) < self.min_letters:
            return UNDETERMINED_LANG, 0.0
        # the dominant script among those some candidate is written in
        usable = [(n, s) for s, n in scripts.items() if s in self.by_script_]
        if not usable:
            return UNDETERMINED_LANG, 0.0
        letters, script = max(usable)
        foreign = [(n, s) for s, n in scripts.items() if s not in self.by_script_ and s != "other"]
        if _weight(foreign) > _weight([(letters, script)]):
            return UNDETERMINED_LANG, 0.0  # mostly a script no candidate writes (Amharic with "UN")
        if script != "latin" and len(scripts) > 1:
            text = "".join(
                ch if not ch.isalpha() or _script_of(ch) == script else " " for ch in text
            )
        allowed = self.by_script_[script]
        if len(allowed) == 1:
            return allowed[0], 1.0
        if script == "latin":
            if "ar" in self.candidates_ and arabizi_evidence(text):
                return "ar", 0.9
            if "ku" in allowed and kurmanji_evidence(text):
                return "ku", 0.9
        decided = _decide_by_letters(text, script, allowed)
        if decided is not None:
            return decided, 0.95
        allowed = _exclude_by_absence(text, script, allowed)
        if script == "cyrillic" and self.cyrillic_words and count_letters(text) < _PRIOR_LETTERS:
            decided = _decide_by_words(text, allowed)  # short texts only: lingua reads long ones
            if decided is not None:
                return decided, 0.9
        allowed = [c for c in allowed if c in self.lingua_codes_]
        if not allowed:
            return UNDETERMINED_LANG, 0.0
        if len(allowed) == 1 or self.detector_ is None:
            return allowed[0], 0.5
        return _LinguaJob(_DIGITS.sub(" ", text), tuple(allowed))

    def _finish(self, job: _LinguaJob, values: Sequence[Any]) -> tuple[str, float]:
        """Lingua's confidences renormalised over the allowed languages, times the prior."""
        code_of = self.code_of_
        scored = {code_of[v.language]: v.value for v in values}
        scored = {c: scored.get(c, 0.0) for c in job.allowed}
        short = count_letters(job.text) < _PRIOR_LETTERS
        if short and self.latin_words and "latin" in {_script_of(ch) for ch in job.text[:40]}:
            scored = _word_boost(job.text, scored)
        prior = self.prior_
        if prior and short:
            scored = {c: v * prior[c] ** _PRIOR_WEIGHT for c, v in scored.items()}
        total = sum(scored.values())
        if total <= 0:
            return UNDETERMINED_LANG, 0.0
        best = max(job.allowed, key=lambda c: (scored[c], -job.allowed.index(c)))
        return best, round(scored[best] / total, 4)

    def _segment_job(self, segment: str, lang: str) -> str | None | _LinguaJob:
        """Language of one segment of a text in ``lang``, or the lingua job that decides it.

        A segment that lingua finds only slightly more English than German (German street
        names in an English sentence) stays with the text's language: another language must
        reach ``_MIXED_RATIO`` times lingua's confidence for ``lang`` and a score of
        ``_MIXED_SCORE`` (see ``_segment_result``). When the text is not German, capitalised
        words after the first are left out (German nouns and place names in other languages:
        "the Ausländerbehörde").
        """
        if lang != "de":
            words = segment.split()
            kept = words[:1] + [w for w in words[1:] if not w[:1].isupper()]
            if count_letters(" ".join(kept)) < 8:
                return lang
            segment = " ".join(kept)
        prepared = self._prepare(segment)
        if isinstance(prepared, _LinguaJob):
            return prepared
        found, _ = prepared
        return None if found == UNDETERMINED_LANG else found

    def _segment_result(self, job: _LinguaJob, values: Sequence[Any], lang: str) -> str | None:
        found, score = self._finish(job, values)
        if found == lang or lang not in job.allowed:
            return found if score >= _MIXED_SCORE or found == lang else None
        raw = {self.code_of_[v.language]: v.value for v in values}
        if score >= _MIXED_SCORE and raw.get(found, 0.0) >= _MIXED_RATIO * raw.get(lang, 0.0):
            return found
        return lang

    def _mixed_segments(self, text: str) -> list[str]:
        """Segments of a text worth judging on their own (none for plainly one-part texts)."""
        if count_letters(text) < 16:
            return []
        if not _SENTENCE_SPLIT.search(text) and (text.isascii() or len(_scripts_in(text)) < 2):
            return []
        segments = [s for s in _segments(text) if count_letters(s) >= 8 and len(s.split()) >= 2]
        if len(segments) > _MAX_SEGMENTS:  # long texts: an even sample of their segments
            step = len(segments) / _MAX_SEGMENTS
            segments = [segments[int(i * step)] for i in range(_MAX_SEGMENTS)]
        return segments if len(segments) >= 2 else []

    def _mixed_batch(self, texts: Sequence[str], langs: Sequence[str]) -> list[str]:
        """``lang_mixed`` of each text: languages with at least ``mixed_min_share`` of letters.

        The segments of all texts go through lingua in one parallel call.
        """
        found: list[list[tuple[str, str | None | _LinguaJob]]] = []
        jobs: list[tuple[int, int]] = []
        for t, (text, lang) in enumerate(zip(texts, langs, strict=True)):
            parts = [] if lang == UNDETERMINED_LANG else self._mixed_segments(text)
            found.append([(segment, self._segment_job(segment, lang)) for segment in parts])
            jobs += [(t, i) for i, (_, job) in enumerate(found[t]) if isinstance(job, _LinguaJob)]
        if self.quick_detector_ is not None:
            # a quick look first: segments that lingua's trigrams clearly give the text's language
            quick = self._lingua([found[t][i][1] for t, i in jobs], quick=True)  # type: ignore[misc]
            for (t, i), value in zip(jobs, quick, strict=True):
                segment, job = found[t][i]
                lang, score = self._finish(job, value)  # type: ignore[arg-type]
                if lang == langs[t] and score >= _QUICK_SCORE:
                    found[t][i] = (segment, lang)
            jobs = [(t, i) for t, i in jobs if isinstance(found[t][i][1], _LinguaJob)]
        values = self._lingua([found[t][i][1] for t, i in jobs])  # type: ignore[misc]
        for (t, i), value in zip(jobs, values, strict=True):
            segment, job = found[t][i]
            found[t][i] = (segment, self._segment_result(job, value, langs[t]))  # type: ignore[arg-type]
        return [self._shares(parts, lang) for parts, lang in zip(found, langs, strict=True)]

    def _shares(self, parts: Sequence[tuple[str, Any]], lang: str) -> str:
        shares: Counter[str] = Counter()
        for segment, seg_lang in parts:
            if seg_lang is not None:
                shares[seg_lang] += count_letters(segment)
        total = sum(shares.values())
        kept = {
            k: n / total for k, n in shares.items() if total and n / total >= self.mixed_min_share
        }
        if len(kept) < 2 or lang not in kept:
            return ""
        ordered = sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))
        return ";".join(f"{k}:{v:.2f}" for k, v in ordered)


# characters that stand for a syllable or a word count as that many letters of an alphabet
_LETTERS_PER_CHARACTER = {"ethiopic": 2, "hangul": 2, "kana": 2, "han": 3}


def _weight(counts: Sequence[tuple[int, str]]) -> int:
    """Letters in alphabet terms, of ``(characters, script)`` pairs."""
    return sum(n * _LETTERS_PER_CHARACTER.get(script, 1) for n, script in counts)


def _script_counts(text: str) -> Counter[str]:
    """Number of letters per script."""
    if text.isascii():
        return Counter({"latin": sum(map(str.isalpha, text))})
    scripts: Counter[str] = Counter()
    for char, n in Counter(filter(str.isalpha, text)).items():
        scripts[_script_of(char)] += n
    return scripts


def corpus_prior(counts: dict[str, int], candidates: Sequence[str]) -> dict[str, float] | None:
    """Add-one smoothed shares of ``counts`` over ``candidates``; None below 20 counted texts."""
    n_total = sum(counts.values())
    if n_total < _PRIOR_MIN_TEXTS:
        return None
    return {c: (counts.get(c, 0) + 1) / (n_total + len(candidates)) for c in candidates}


def _scripts_in(text: str) -> set[str]:
    return {_script_of(char) for char in set(filter(str.isalpha, text))}


def _lingua_codes() -> dict[Any, str]:
    """lingua Language -> ISO 639-1 code."""
    from lingua import Language

    return {lang: lang.iso_code_639_1.name.lower() for lang in Language.all()}


def _segments(text: str) -> list[str]:
    """Sentences, further split where the script of the words changes."""
    out: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        if sentence.isascii() or len(_scripts_in(sentence)) < 2:  # one script: one segment
            if sentence.split():
                out.append(" ".join(sentence.split()))
            continue
        run: list[str] = []
        run_script = None
        for word in sentence.split():
            letters = [_script_of(ch) for ch in word if ch.isalpha()]
            script = Counter(letters).most_common(1)[0][0] if letters else run_script
            if run and script != run_script:
                out.append(" ".join(run))
                run = []
            run.append(word)
            run_script = script
        if run:
            out.append(" ".join(run))
    return out


def detect_language(
    texts: Sequence[str], candidates: str | Sequence[str] = "default"
) -> pd.DataFrame:
    """Columns ``lang``, ``lang_score``, ``lang_mixed`` for each text (see LanguageDetector).

    The texts themselves give the corpus prior (``LanguageDetector.fit(texts)``).
    """
    return LanguageDetector(candidates=candidates).fit(texts).detect(texts)


# --- evaluation --------------------------------------------------------------------------------
LENGTH_CLASSES: tuple[str, ...] = ("single word", "two words", "short sentence", "sentence")


def length_class(text: str) -> str:
    """``single word``, ``two words``, ``short sentence`` (3-6 words) or ``sentence`` (7+)."""
    n = len(str(text).split())
    if n <= 1:
        return LENGTH_CLASSES[0]
    if n == 2:
        return LENGTH_CLASSES[1]
    return LENGTH_CLASSES[2] if n <= 6 else LENGTH_CLASSES[3]


def evaluate_language(
    gold: Sequence[str], predicted: Sequence[str], texts: Sequence[str]
) -> dict[str, pd.DataFrame]:
    """Accuracy overall, per language, per length class and both; confusion tables.

    Returns a dict with ``overall``, ``by_language``, ``by_length``, ``by_language_length``
    (languages × length classes, accuracy), ``confusion`` (gold × predicted counts) and
    ``top_confusions`` (gold, predicted, n, share of the gold language).
    """
    frame = pd.DataFrame(
        {
            "gold": [str(g) for g in gold],
            "predicted": [str(p) for p in predicted],
            "length_class": [length_class(t) for t in texts],
        }
    )
    frame["correct"] = frame["gold"] == frame["predicted"]

    overall = pd.DataFrame({"n": [len(frame)], "accuracy": [frame["correct"].mean()]})
    by_lang = frame.groupby("gold")["correct"].agg(n="size", accuracy="mean").reset_index()
    by_length = frame.groupby("length_class")["correct"].agg(n="size", accuracy="mean")
    by_length = by_length.reset_index()
    by_both = frame.pivot_table(
        index="gold", columns="length_class", values="correct", aggfunc="mean"
    )
    by_both = by_both.reindex(columns=[c for c in LENGTH_CLASSES if c in by_both.columns])
    confusion = pd.crosstab(frame["gold"], frame["predicted"])
    wrong = frame[~frame["correct"]].groupby(["gold", "predicted"]).size().rename("n")
    wrong = wrong.reset_index().sort_values(["n", "gold"], ascending=[False, True])
    counts = frame["gold"].value_counts()
    wrong["share_of_gold"] = [n / counts[g] for g, n in zip(wrong["gold"], wrong["n"], strict=True)]
    wrong["share_of_gold"] = wrong["share_of_gold"].astype(float)
    return {
        "overall": overall,
        "by_language": by_lang,
        "by_length": by_length,
        "by_language_length": by_both.reset_index(),
        "confusion": confusion,
        "top_confusions": wrong.reset_index(drop=True),
    }
