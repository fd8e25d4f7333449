"""A small multilingual lexical layer: cues for counter-speech, quoting and negated generalisation.

Embeddings place "Die Ausländer sind alle kriminell" and "Man hört oft, die Ausländer seien alle
kriminell – das stimmt nicht" close together. The codebook's definition of ``prejudice`` excludes
quoted, rejected and negated prejudice, so the prejudice score is lowered when one of these cues is
found. The cue tables are plain data (one tuple of lower-case phrases per language); the functions
are pure and cheap (one compiled regular expression per table), so 10,000 texts take well under a
second.

Languages: de, en, fr, es, it, pl, ru, uk, ro, bg, tr, ar (and a few Farsi cues).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

# A claim is explicitly rejected: "das stimmt nicht", "that's a myth", "to nieprawda".
REJECTION_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "stimmt nicht",
        "stimmt so nicht",
        "stimmt aber nicht",
        "ist falsch",
        "ist nicht wahr",
        "nicht wahr",
        "vorurteil*",
        "klischee*",
        "das ist rassistisch",
        "rassistisch*",
        "pauschalisier*",
        "verallgemeiner*",
        "über einen kamm",
        "schubladendenken",
        "stimmt einfach nicht",
        "ist nicht so",
        "gar nicht wahr",
        "ein mythos",
        "märchen",
        "ich widerspreche",
        "dem widerspreche",
        "hetze",
        "schlicht falsch",
        "einfach falsch",
        "völlig falsch",
        "sätze wie",
        "aussagen wie",
        "sprüche wie",
        "parolen wie",
        "hassrede*",
        "menschenverachtend*",
        "volksverhetz*",
        "rassismus",
        "quatsch",
        "unsinn",
        "blödsinn",
        "stimmungsmache",
        "diskriminierend*",
        "stigmatisier*",
        "sollte sich schämen",
        "das gegenteil",
        "die zahlen zeigen",
        "rechtsextrem*",
        "neonazi*",
        "beschimpften",
        "darf man nicht sagen",
        "sagt man nicht",
        "nichts gegen",
        "habe nichts gegen",
        "hab nichts gegen",
    ),
    "en": (
        "not true",
        "isn't true",
        "is false",
        "is a myth",
        "a myth",
        "prejudice*",
        "stereotyp*",
        "that's racist",
        "is racist",
        "generalis*",
        "generaliz*",
        "simply wrong",
        "is wrong",
        "i disagree",
        "misconception*",
        "not the case",
        "scapegoat*",
        "hate speech",
        "statements like",
        "phrases like",
        "remarks like",
        "racism",
        "nonsense",
        "bigotry",
        "bigoted",
        "fearmongering",
        "xenophob*",
        "shame on",
        "the opposite",
        "the numbers show",
        "far-right",
        "far right",
        "neo-nazi*",
        "neonazi*",
    ),
    "fr": (
        "pas vrai",
        "c'est faux",
        "est faux",
        "un mythe",
        "préjugé*",
        "prejuge*",
        "cliché*",
        "stéréotype*",
        "c'est raciste",
        "généralis*",
        "pas le cas",
    ),
    "es": (
        "no es verdad",
        "no es cierto",
        "es falso",
        "un mito",
        "prejuicio*",
        "estereotipo*",
        "es racista",
        "generaliz*",
        "no es así",
    ),
    "it": (
        "non è vero",
        "è falso",
        "un mito",
        "pregiudizi*",
        "stereotip*",
        "è razzista",
        "generalizz*",
        "non è così",
    ),
    "pl": (
        "nieprawda",
        "to nie jest prawda",
        "nie jest prawdą",
        "to mit",
        "mitem",
        "uprzedzeni*",
        "stereotyp*",
        "to rasistowsk*",
        "generalizow*",
        "uogólni*",
        "to kłamstwo",
        "nie zgadzam się",
        "wcale nie",
        "mowa nienawiści",
        "mowy nienawiści",
        "mową nienawiści",
        "hasła typu",
        "wypowiedzi typu",
        "słowa typu",
        "krzywdząc*",
        "nieprawdą",
        "rasizm*",
        "bzdur*",
        "kłamstw*",
        "dyskryminacj*",
        "skandaliczn*",
        "ksenofob*",
        "do jednego worka",
        "zaprzecza*",
        "podżega*",
        "skrajni prawicowcy",
        "skrajnej prawicy",
        "skrajna prawica",
        "neonazi*",
        "faszyś*",
        "wyzywali",
        "nie wolno tak mówić",
        "nie można tak mówić",
        "nic przeciwko",
        "nic nie mam do",
        "nie mam nic do",
        "nagonk*",
    ),
    "ru": (
        "неправда",
        "это не так",
        "не правда",
        "это миф",
        "миф*",
        "предрассуд*",
        "стереотип*",
        "это расизм",
        "обобща*",
        "это ложь",
        "не согласен",
        "не согласна",
        "вовсе не",
    ),
    "uk": (
        "неправда",
        "це не так",
        "не правда",
        "це міф",
        "міф*",
        "упередж*",
        "стереотип*",
        "це расизм",
        "узагальн*",
        "це брехня",
        "не згоден",
        "не згодна",
        "зовсім не",
    ),
    "ro": (
        "nu este adevărat",
        "nu e adevărat",
        "nu e adevarat",
        "nu este adevarat",
        "e fals",
        "este fals",
        "un mit",
        "prejudecat*",
        "stereotip*",
        "e rasist",
        "generaliz*",
        "nu sunt de acord",
    ),
    "tr": (
        "doğru değil",
        "dogru degil",
        "bu yanlış",
        "efsane*",
        "önyargı*",
        "onyargi*",
        "klişe*",
        "basmakalıp*",
        "ırkçılık",
        "genelle*",
        "katılmıyorum",
    ),
    "ar": (
        "غير صحيح",
        "ليس صحيحا",
        "ليس صحيحاً",
        "هذا خطأ",
        "أكذوبة",
        "خرافة",
        "أسطورة",
        "تحيز*",
        "صورة نمطية",
        "الصور النمطية",
        "هذه عنصرية",
        "عنصري*",
        "العنصري*",
        "تعميم*",
        "لا أتفق",
        "ليس كذلك",
        "افتراء",
        "التعميم",
        "خطاب كراهية",
        "خطاب الكراهية",
        "مرفوض",
        "من الظلم",
        "لا يجوز",
        "عبارات مثل",
        "عنصرية",
        "كلام عنصري",
        "تحريض*",
        "الكراهية",
        "كفى",
        "العكس",
        "متطرف*",
        "اليمين المتطرف",
        "ووصفوهم",
        "لا يجوز قول",
        "لا يجب أن نقول",
        "كذبة",
        "كذبه",
        "هذا كذب",
        "مش صحيح",
        "مو صحيح",
        "كلام فاضي",
        "ما عندي شي ضد",
        "ما عندي مشكلة مع",
        "ليس لدي شيء ضد",
        "ليس لدي أي شيء ضد",
        "ما عندي أي مشكلة مع",
        "غير صحيح*",
        "لا أساس له",
        "لا اساس له",
        "ما لها أي أساس",
        "ما له أي أساس",
        "ما لها اي اساس",
    ),
    "bg": (
        "не е вярно",
        "това не е вярно",
        "не е истина",
        "мит",
        "предразсъд*",
        "стереотип*",
        "обобща*",
        "не съм съгласен",
        "не съм съгласна",
    ),
    "fa": ("درست نیست", "تعصب*", "کلیشه*", "تعمیم*", "پیش داوری*", "پیش‌داوری*"),
}

# Somebody else's claim is reported: "man hört oft", "people say", "mówi się".
QUOTING_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "man hört oft",
        "man hört immer",
        "hört man oft",
        "man sagt",
        "es heißt",
        "viele sagen",
        "manche sagen",
        "einige sagen",
        "heißt es",
        "wird behauptet",
        "die behauptung",
        "wird oft gesagt",
        "die leute sagen",
        "immer wieder hört man",
        "man liest",
        "angeblich",
        "sollen angeblich",
        "behaupten",
        "behauptet",
        "man behauptet",
        "sagt immer",
        "sagen immer",
        "meint immer",
    ),
    "en": (
        "people say",
        "they say",
        "some say",
        "some people say",
        "you often hear",
        "you hear",
        "it is said",
        "it's said",
        "is often said",
        "claim that",
        "claims that",
        "allegedly",
        "supposedly",
        "people think",
        "many think",
    ),
    "fr": ("on dit", "on entend", "certains disent", "il paraît", "soi-disant", "prétend*"),
    "es": ("se dice", "dicen que", "se oye", "algunos dicen", "supuestamente"),
    "it": ("si dice", "dicono che", "si sente dire", "presunt*"),
    "pl": (
        "mówi się",
        "słyszy się",
        "słyszę często",
        "często słyszę",
        "ludzie mówią",
        "niektórzy mówią",
        "podobno",
        "rzekomo",
        "twierdzą",
    ),
    "ru": (
        "говорят",
        "говорят, что",
        "часто слышу",
        "многие считают",
        "якобы",
        "утверждают",
        "считается",
    ),
    "uk": ("кажуть", "часто чую", "багато хто вважає", "нібито", "стверджують", "вважається"),
    "ro": ("se spune", "se zice", "lumea spune", "unii spun", "chipurile", "pretind"),
    "tr": ("derler", "deniyor", "diyorlar", "söyleniyor", "duyuyoruz", "iddia ed*", "sözde"),
    "ar": (
        "يقولون",
        "يقال",
        "يُقال",
        "يزعمون",
        "يدعي",
        "يدّعي",
        "يقول البعض",
        "نسمع",
        "كثيرا ما نسمع",
        "المزعوم",
    ),
    "bg": ("казват", "говори се", "хората казват", "твърдят", "уж"),
    "fa": ("می گویند", "می‌گویند", "گفته می شود", "ادعا*", "فکر می کنند", "فکر می‌کنند"),
}

# A generalisation is negated: "nicht alle", "not all", "nie wszyscy".
NEGATED_GENERALISATION_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "nicht alle",
        "nicht jeder",
        "nicht jede",
        "keineswegs alle",
        "die meisten sind nicht",
        "nicht pauschal*",
    ),
    "en": (
        "not all",
        "not every",
        "not everyone",
        "not everybody",
        "most of them are not",
        "not them all",
    ),
    "fr": ("pas tous", "pas toutes", "tous ne sont pas", "pas tout le monde"),
    "es": ("no todos", "no todas", "no todo el mundo"),
    "it": ("non tutti", "non tutte"),
    "pl": ("nie wszyscy", "nie wszystkie", "nie każdy", "nie każda"),
    "ru": ("не все", "не каждый", "далеко не все"),
    "uk": ("не всі", "не кожен", "не кожна", "далеко не всі"),
    "ro": ("nu toți", "nu toti", "nu toate", "nu oricine"),
    "tr": ("hepsi değil", "hepsi degil", "herkes değil", "hepsi öyle değil", "hepsi böyle değil"),
    "ar": ("ليس كل", "ليسوا كلهم", "ليسوا جميعا", "ليس جميع", "لا يمكن التعميم", "ليس الكل"),
    "bg": ("не всички", "не всеки"),
    "fa": ("نه همه", "همه نیستند"),
}

# Somebody else's words are referred to ("Flüchtlinge als Parasiten zu bezeichnen", "calling them
# ...", "nazywanie ..."): counter-speech when the text also condemns them (DENOUNCING_CUES).
REFERENCE_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "zu bezeichnen",
        "zu nennen",
        "zu beschimpfen",
        "bezeichnet werden",
        "genannt werden",
        "beschimpft",
        "beschimpfung*",
        "gehetzt",
        "hetzen",
        "sprüche",
        "parolen",
        "kommentare",
        "pöbeleien",
        "hinstellt",
        "hinstellen",
        "darstellt",
        "darstellen",
        "abstempelt",
        "abstempeln",
        "vergleiche",
        "tiervergleich*",
        "gleichsetzt",
        "gleichsetzen",
        "in den kommentaren",
        "beleidigen",
        "beleidigt",
        "beleidigung*",
        "entmenschlich*",
        "herabwürdig*",
        "kommentar",
        "hasskommentar*",
        "hassrede*",
        "hetze gegen",
        "dein hass",
        "deinen hass",
        "euer hass",
        "eure hetze",
        "deine hetze",
        "dein rassismus",
        "deinen rassismus",
        "hetzt",
        "herziehen",
        "herzieht",
        "pöbelt",
        "pöbeln",
        "witze",
    ),
    "en": (
        "calling them",
        "calling refugees",
        "calling migrants",
        "to call them",
        "labelling",
        "labeling",
        "remarks",
        "comments",
        "slurs",
        "insults",
        "insulting",
        "dehumanis*",
        "dehumaniz*",
        "your hatred",
        "your hate",
        "your racism",
    ),
    "pl": (
        "nazywanie",
        "nazywać",
        "szczuje",
        "szczucie",
        "szczuć",
        "określanie",
        "wyzywanie",
        "wyzywać",
        "teksty",
        "komentarze",
        "hasła",
        "obelgi",
        "wyzwiska",
        "porównywanie",
        "porównywać",
        "porównuje",
        "przyrównywanie",
        "przyrównuje",
        "wrzucanie",
        "w komentarzach",
        "obrażać",
        "obrażanie",
        "obraża",
        "obrażają",
        "odczłowiecz*",
        "komentarz",
        "wpis",
        "wpisy",
        "mowa nienawiści",
        "mowę nienawiści",
        "twoja nienawiść",
        "wasza nienawiść",
        "twój rasizm",
        "twoje komentarze",
        "obrażania",
        "szerzyć",
        "szerzenie",
        "żarty",
        "dowcipy",
        "nagonk*",
    ),
    "ar": (
        "وصف",
        "نعت",
        "تسميه",
        "التحريض",
        "تحريض",
        "تعليقات",
        "شتائم",
        "الاهانات",
        "اهانات",
        "تشبيه",
        "التشبيه",
        "تشبيههم",
        "يشبه",
        "يشبهون",
        "التعليقات",
        "يصف",
        "يصفون",
        "وصفهم",
        "اهانة",
        "اهانتهم",
        "كرهك",
        "كرهكم",
        "حقدك",
        "حقدكم",
        "عنصريتك",
        "عنصريتكم",
        "تعليق",
        "يجرد",
        "تجريد",
        "خطاب الكراهية",
        "إهانة",
        "بإهانة",
        "يحرض",
        "بيحرض",
        "يحرضون",
        "الحقد",
        "هالحقد",
        "النكت",
        "نكت",
    ),
    "tr": ("demek", "diye anmak", "yorumlar", "hakaretler"),
    "ru": ("называть", "называя", "комментарии", "оскорбления"),
    "uk": ("називати", "коментарі", "образи"),
}

# The speaker condemns what was said ("ist widerlich", "is shameful", "jest podłe", "مقزز").
DENOUNCING_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "widerlich",
        "ekelhaft",
        "beschämend",
        "schäbig",
        "unerträglich",
        "abstoßend",
        "inakzeptabel",
        "nicht akzeptabel",
        "geht gar nicht",
        "fassungslos",
        "erschreckend",
        "unanständig",
        "schäme mich",
        "schämen",
        "macht mich wütend",
        "verbreitet hass",
        "hass verbreitet",
        "schürt hass",
        "unterste schublade",
        "geschmacklos",
        "armselig",
        "erbärmlich",
        "niederträchtig",
        "menschenfeindlich",
        "traurig",
        "nicht in ordnung",
        "nicht okay",
        "nicht ok",
        "ist falsch",
        "hör auf",
        "hört auf",
        "aufhören",
        "ich melde",
        "dulden wir nicht",
        "dulden wir hier nicht",
        "nicht dulden",
        "tolerieren wir nicht",
        "nicht tolerieren",
        "hat nichts verstanden",
        "kein platz für",
        "rassistisch",
        "nichts aus der geschichte gelernt",
        "nicht lustig",
    ),
    "en": (
        "disgusting",
        "shameful",
        "unacceptable",
        "appalling",
        "vile",
        "outrageous",
        "ashamed",
        "sickening",
        "sad",
        "not okay",
        "not ok",
        "is wrong",
        "stop",
        "i report",
        "racist",
        "won't tolerate",
        "will not tolerate",
    ),
    "pl": (
        "podłe",
        "podły",
        "ohydne",
        "haniebne",
        "obrzydliwe",
        "żenujące",
        "skandaliczne",
        "wstyd",
        "nie do przyjęcia",
        "niedopuszczalne",
        "żałosn*",
        "smutn*",
        "nie w porządku",
        "nie wolno",
        "nie można tak",
        "przestań",
        "przestańcie",
        "zgłaszam",
        "zgłoszę",
        "jest złe",
        "to złe",
        "nie będziemy tolerować",
        "nie będziemy tu tolerować",
        "nie ma miejsca na",
        "wstydzę się",
        "nie tolerujemy",
        "rasistowsk*",
        "chamskie",
        "prostackie",
        "poniżej krytyki",
        "hańba",
        "podłość",
        "obrzydliwość",
        "musi się skończyć",
        "muszą się skończyć",
        "nie są śmieszne",
        "nie jest śmieszne",
    ),
    "ar": (
        "مقزز",
        "معيب",
        "عار",
        "ظالم",
        "مخجل",
        "مرفوض",
        "عيب",
        "مقرف",
        "وقاحة",
        "وقاحه",
        "انحطاط",
        "مخزي",
        "حقير",
        "قبيح",
        "بشع",
        "لا يليق",
        "مؤسف",
        "محزن",
        "لا يجوز",
        "غير مقبول",
        "من الخطأ",
        "توقف عن",
        "توقفوا عن",
        "تتوقف عن",
        "كف عن",
        "كفوا عن",
        "أبلغ عن",
        "ابلغ عن",
        "سأبلغ عن",
        "لن نسمح",
        "لا مكان ل*",
        "اخجل من",
        "لا نسمح",
        "لن نقبل",
        "ما عنده ضمير",
        "بلا ضمير",
        "عنصري",
        "سابلغ عن",
        "من الخطا",
        "مخز",
        "يجب أن تتوقف",
        "يجب ان تتوقف",
        "يجب أن يتوقف",
        "يجب ان يتوقف",
        "مو مضحك*",
        "مش مضحك*",
        "ليست مضحك*",
        "غير مضحك*",
    ),
    "tr": ("utanç verici", "iğrenç", "kabul edilemez"),
    "ru": ("отвратительно", "позор", "недопустимо", "стыдно"),
    "uk": ("огидно", "ганьба", "неприпустимо", "соромно"),
}

# The speaker endorses what was reported ("und das stimmt") or disclaims racism before a
# generalisation ("ich bin kein Rassist, aber"): cancels every counter-speech cue.
ENDORSEMENT_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "und das stimmt",
        "traurig aber wahr",
        "das stimmt auch",
        "und es stimmt",
        "zu recht",
        "und so ist es",
        "das ist so",
        "kein rassist aber",
        "nichts gegen ausländer aber",
        "nichts gegen flüchtlinge aber",
    ),
    "en": (
        "and it's true",
        "and it is true",
        "and that's true",
        "rightly so",
        "which is true",
        "not racist but",
        "not a racist but",
        "nothing against immigrants but",
    ),
    "fr": ("et c'est vrai", "à juste titre", "pas raciste mais"),
    "es": ("y es verdad", "y es cierto", "con razón", "no soy racista pero"),
    "it": ("ed è vero", "a ragione"),
    "pl": (
        "smutne ale prawdziwe",
        "niestety prawda",
        "i to prawda",
        "i słusznie",
        "i tak jest",
        "nie jestem rasistą ale",
        "nie jestem rasistką ale",
    ),
    "ru": ("и это правда", "и правильно", "так и есть", "не расист но"),
    "uk": ("і це правда", "і правильно", "так і є", "не расист але"),
    "ro": ("și e adevărat", "si e adevarat", "pe bună dreptate", "nu sunt rasist dar"),
    "tr": ("ve doğru", "haklılar", "ırkçı değilim ama"),
    "ar": ("وهذا صحيح", "وهذه حقيقة", "لست عنصريا ولكن", "لست عنصريا لكن"),
}

# Devaluing generalisation about a group: quantifiers and distancing demonstratives.
GENERALISING_CUES: dict[str, tuple[str, ...]] = {
    "de": (
        "alle",
        "immer",
        "die ganzen",
        "diese leute",
        "solche leute",
        "diese menschen",
        "typisch*",
        "die sind",
        "die wollen",
    ),
    "en": (
        "all of them",
        "they all",
        "all",
        "always",
        "these people",
        "those people",
        "typical*",
        "never",
    ),
    "fr": ("tous", "toujours", "ces gens", "ces gens-là", "typique*", "jamais"),
    "es": ("todos", "siempre", "esa gente", "esta gente", "típic*", "nunca"),
    "it": ("tutti", "sempre", "questa gente", "quella gente", "tipic*"),
    "pl": ("wszyscy", "zawsze", "ci ludzie", "tacy ludzie", "typow*", "nigdy"),
    "ru": ("все они", "всегда", "эти люди", "такие люди", "типичн*", "никогда"),
    "uk": ("всі вони", "завжди", "ці люди", "такі люди", "типов*", "ніколи"),
    "ro": ("toți", "toti", "mereu", "întotdeauna", "oamenii ăștia", "tipic*", "niciodată"),
    "tr": ("hepsi", "hep", "her zaman", "bu insanlar", "bunlar", "tipik*", "asla"),
    "bg": ("всички", "винаги", "тези хора", "такива хора", "типично", "никога"),
    "ar": ("كلهم", "جميعهم", "دائما", "دائماً", "هؤلاء", "هذه الأشكال", "أبدا"),
}

_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")  # harakat, dagger alif, tatweel
_PUNCT = re.compile(r"[^\w\s'*]")


def normalise(text: object) -> str:
    """Lower-case and NFKC-fold; unify apostrophes; punctuation to spaces; strip Arabic vowel marks."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    out = unicodedata.normalize("NFKC", str(text)).lower()
    out = out.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    out = _ARABIC_MARKS.sub("", out)
    out = _PUNCT.sub(" ", out)
    return " ".join(out.split())


def _cue_regex(cue: str) -> str:
    """A cue ending in ``*`` is a stem (may continue); other cues must end at a word boundary."""
    norm = normalise(cue)
    if norm.endswith("*"):
        return re.escape(norm[:-1].strip())
    return re.escape(norm) + r"(?!\w)"


@lru_cache(maxsize=64)
def _pattern(table_name: str, langs: tuple[str, ...] | None) -> re.Pattern[str]:
    table = _TABLES[table_name]
    keys = list(table) if langs is None else [lang for lang in langs if lang in table]
    cues = sorted({cue for key in keys for cue in table[key]}, key=len, reverse=True)
    if not cues:
        return re.compile(r"(?!x)x")  # matches nothing
    body = "|".join(_cue_regex(cue) for cue in cues)
    # a cue starts at a word start; Arabic proclitics (wa-, fa-, bi-, li-) may precede it
    return re.compile(rf"(?<![\w'])[\u0648\u0641\u0628\u0644]?(?:{body})")


# "all X are not Y" inside one clause (word order that a fixed phrase cannot catch)
NEGATED_ALL_PATTERNS: tuple[str, ...] = (
    r"\b(?:bütün|tüm)\b[^.!?;]{0,60}\bdeğil",  # tr: Bütün Almanlar ırkçı değil
    r"\bsind (?:doch |ja )?(?:gar )?nicht alle\b",  # de: die sind nicht alle so
    r"\bare(?:n't| not) all\b",  # en: they aren't all like that
    r"\bnie są wszyscy\b",  # pl
    r"\bне все они\b",  # ru
)
_NEGATED_ALL = re.compile("|".join(NEGATED_ALL_PATTERNS))
# "nothing against X, but ...": the disclaimer opens a generalisation instead of rejecting one
_DISCLAIMER_BUT = re.compile(
    r"(?:nichts gegen|nic przeciwko|nic nie mam do|nie mam nic do|شي ضد|شيء ضد|مشكلة مع)"
    r".{0,80}?(?<!\w)(?:aber|doch|jedoch|ale|lecz|بس|لكن|ولكن)(?!\w)"
)


_TABLES: dict[str, Mapping[str, Iterable[str]]] = {
    "rejection": REJECTION_CUES,
    "quoting": QUOTING_CUES,
    "negated_generalisation": NEGATED_GENERALISATION_CUES,
    "endorsement": ENDORSEMENT_CUES,
    "reference": REFERENCE_CUES,
    "denouncing": DENOUNCING_CUES,
    "generalising": GENERALISING_CUES,
}


def cue_pattern(table: str, langs: Iterable[str] | None = None) -> re.Pattern[str]:
    """The compiled pattern of one cue table over :func:`normalise`-d text (``langs``: only
    those languages' cues)."""
    if table not in _TABLES:
        raise ValueError(f"unknown cue table '{table}': use one of {sorted(_TABLES)}")
    return _pattern(table, None if langs is None else tuple(sorted(langs)))


def find_cues(text: str, table: str, langs: Iterable[str] | None = None) -> list[str]:
    """Cues of one table (``rejection``, ``quoting``, ``negated_generalisation``, ``endorsement``,
    ``generalising``) found in ``text``; ``langs`` limits the search to those languages' cues."""
    return cue_pattern(table, langs).findall(normalise(text))


def counter_speech_strength(
    text: str, reference_counts: Callable[[str], bool] | None = None
) -> float:
    """How clearly a text quotes, rejects or negates a generalisation, in [0, 1].

    1.0 for an explicit rejection ("das stimmt nicht"), a negated generalisation ("nicht alle") or
    words of others referred to and condemned ("sie Parasiten zu nennen, ist widerlich"),
    0.6 for reported speech alone ("man hört oft ..."), 0.0 otherwise or when the speaker endorses
    what was reported ("... und das stimmt"). ``reference_counts(normalised_text)`` may veto the
    "referred to and condemned" reading (the hostility layer checks that the group is the object
    of the words referred to, not their subject).
    """
    norm = normalise(text)
    if not norm:
        return 0.0
    if _pattern("endorsement", None).search(norm) or _DISCLAIMER_BUT.search(norm):
        return 0.0
    if (
        _pattern("rejection", None).search(norm)
        or _pattern("negated_generalisation", None).search(norm)
        or _NEGATED_ALL.search(norm)
        or (
            _pattern("reference", None).search(norm)
            and _pattern("denouncing", None).search(norm)
            and (reference_counts is None or reference_counts(norm))
        )
    ):
        return 1.0
    if _pattern("quoting", None).search(norm):
        return 0.6
    return 0.0


def generalisation_strength(text: str) -> float:
    """Share-like measure of generalising cues ("alle", "these people", "wszyscy"), in [0, 1]."""
    hits = len(find_cues(text, "generalising"))
    return min(1.0, hits / 2.0)


def dampen_prejudice(score: float, text: str, weight: float = 0.85) -> float:
    """Lower a prejudice score by the counter-speech strength of the text: ``score * (1 - w * s)``."""
    return float(score) * (1.0 - weight * counter_speech_strength(text))
