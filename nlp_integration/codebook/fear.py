"""Lexical evidence that a text voices worry or fear, in the languages of the dialogue.

The codebook model's ``fear`` score comes from the embeddings; words of fear ("Angst", "боюсь",
"mi-e frică") are strong extra evidence that the embedding margin alone underrates on real text.
:func:`fear_evidence` is 1.0 when a text holds a fear word that is not negated ("keine Angst",
"не боюсь", "nu mi-e frică", "not afraid"), else 0.0. The cues were written from the languages, not
taken from any evaluation data; ``docs/classification.md`` has the measurement.

Deliberately left out: words that are mostly something else in participation texts ("sorgen für"
= to provide for, "ужасно" = terribly, "gefährlich" = dangerous, which is a fact about a crossing
rather than the speaker's worry).
"""

from __future__ import annotations

import re
from functools import lru_cache

FEAR_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        r"\w*angst\w*", r"\w*ängste\w*", r"ängstlich\w*", r"befürcht\w*", r"fürchte\w*",
        r"beängstig\w*", r"beunruhig\w*", r"besorgt\w*", r"sorgen mache\w*",
        r"(?:mache|macht|machen) mir sorgen", r"mir sorgen", r"panik\w*", r"furcht",
        r"gruselig\w*", r"unheimlich\w*", r"bange", r"bedrohlich\w*",
        r"(?:fühle|fühlen) (?:mich|uns) unsicher", r"(?:fühle|fühlen) (?:mich|uns) bedroht",
        r"alb ?traum\w*", r"alptraum\w*", r"traue mich nicht", r"trau mich nicht",
    ),
    "en": (
        r"afraid", r"fear\w*", r"scared", r"worried", r"worry", r"worries", r"anxious",
        r"frightened", r"terrified", r"panic\w*", r"feel unsafe", r"don't feel safe",
    ),
    "ru": (
        r"страх\w*", r"страшн\w*", r"боюсь", r"боится", r"боятся", r"бояться", r"боялась",
        r"боялся", r"испуг\w*", r"пугает", r"пугают", r"тревог\w*", r"тревожн\w*", r"опасаюсь",
        r"опасени\w*", r"паник\w*", r"беспокоюсь", r"беспокоит", r"беспокойств\w*", r"жутк\w*",
    ),
    "uk": (
        r"страх\w*", r"страшн\w*", r"боюся", r"боїться", r"бояться", r"боятися", r"боялася",
        r"боявся", r"тривог\w*", r"тривожн\w*", r"лякає", r"лякають", r"налякан\w*",
        r"побоююсь", r"панік\w*", r"хвилююсь", r"хвилюванн\w*", r"непокоїть",
    ),
    "ro": (
        r"frică", r"frica", r"teamă", r"teama", r"mă tem", r"ma tem", r"se tem", r"ne temem",
        r"îngrijorat\w*", r"ingrijorat\w*", r"îngrijorare\w*", r"ingrijorare\w*",
        r"neliniștit\w*", r"nelinistit\w*", r"panică", r"panica", r"speriat\w*", r"sperie\w*",
        r"înfricoșat\w*", r"groază", r"groaza",
    ),
    "pl": (
        r"boję się", r"boimy się", r"boi się", r"boją się", r"strach\w*", r"lęk\w*", r"obaw\w*",
        r"martwię się", r"martwimy się", r"niepokoj\w*", r"przeraż\w*", r"przeraz\w*", r"panik\w*",
    ),
    "tr": (
        r"kork\w*", r"endişe\w*", r"kaygı\w*", r"tedirgin\w*", r"ürküt\w*", r"panik\w*",
    ),
    "bg": (
        r"страх\w*", r"страхувам\w*", r"боя се", r"бои се", r"тревож\w*", r"притесн\w*",
        r"паник\w*", r"плаш\w*",
    ),
    "ar": (
        r"خوف\w*", r"أخاف", r"اخاف", r"نخاف", r"يخاف\w*", r"خائف\w*", r"قلق\w*", r"مخيف\w*",
        r"رعب\w*", r"أخشى", r"اخشى", r"نخشى", r"مرعب\w*",
    ),
    "fa": (r"ترس\w*", r"می‌ترسم", r"میترسم", r"نگران\w*", r"وحشت\w*", r"اضطراب\w*"),
}  # fmt: skip

# a negator up to one word before the cue ("keine Angst", "nicht wirklich besorgt", "не боюсь")
NEGATORS = (
    r"kein\w*", "nicht", "nie", "niemals", "не", "ні", "nu", "not", "no", "never", "без",
    "bez", "değil", "لا", "ما", "نه",
)  # fmt: skip


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = "|".join(c for terms in FEAR_CUES.values() for c in terms)
    negator = "|".join(NEGATORS)
    return (
        re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{negator})(?:\s+\S+)?\s+$", re.IGNORECASE),
    )


def fear_evidence(text: str) -> float:
    """1.0 when ``text`` holds a fear word that is not negated, else 0.0."""
    if not text:
        return 0.0
    text = str(text)
    cue, negated = _patterns()
    for match in cue.finditer(text):
        if not negated.search(text[max(0, match.start() - 40) : match.start()]):
            return 1.0
    return 0.0
