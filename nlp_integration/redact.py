"""Personal-data redaction: small pure ``str -> str`` redactors (textacy style) and an audit count.

Each redactor replaces only the sensitive span with a placeholder and keeps the surrounding text.
``redact_text`` runs them in a fixed order (e-mail before URL, IBAN before phone, dates of birth
before phone, addresses and names last) and counts what it replaced per kind. Regexes are
compiled once at import (cheap; no models). Every pattern starts at a token boundary
(look-behind) and has no nested quantifiers, so a 1 MB text runs in linear time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

PLACEHOLDERS: dict[str, str] = {
    "name": "[NAME]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "address": "[ADDRESS]",
    "iban": "[IBAN]",
    "birthdate": "[DATE_OF_BIRTH]",
    "url": "[URL]",
}

# --------------------------------------------------------------------------- e-mail and URL
_AT = r"(?:@|\s?[\(\[\{]\s?(?:at|ät|AT)\s?[\)\]\}]\s?)"
_DOT = r"(?:\.|\s?[\(\[\{]\s?(?:dot|punkt|DOT)\s?[\)\]\}]\s?)"
EMAIL_RE = re.compile(
    rf"(?<![\w.+\-])[\w+\-]+(?:\.[\w+\-]+)*{_AT}[\w\-]+(?:{_DOT}[\w\-]+)*{_DOT}[^\W\d_]{{2,24}}(?![\w\-])"
)
URL_RE = re.compile(
    r"(?<![\w@/])(?:(?:https?|ftp)://|www\.)[^\s<>\"'\]\[]+",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)»“”’'"


def emails(text: str, repl: str = PLACEHOLDERS["email"]) -> str:
    """Replace e-mail addresses (also ``name (at) host (dot) de`` spellings) with ``repl``."""
    return EMAIL_RE.sub(repl, text)


def _url_sub(repl: str) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        url = match.group(0)
        stripped = url.rstrip(_URL_TRAILING)
        # keep a closing bracket that belongs to the URL, e.g. wiki links "..._(Stadt)"
        if url.endswith(")") and stripped.count("(") > stripped.count(")"):
            stripped += ")"
        return repl + url[len(stripped) :]

    return sub


def urls(text: str, repl: str = PLACEHOLDERS["url"]) -> str:
    """Replace ``http(s)://`` and ``www.`` links with ``repl`` (trailing punctuation kept)."""
    return URL_RE.sub(_url_sub(repl), text)


# --------------------------------------------------------------------------- IBAN
# Official IBAN lengths (SWIFT registry) for countries likely to occur in German city dialogues.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FR": 27, "GB": 22, "GE": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IQ": 23, "IR": 26,
    "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PS": 29,
    "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SY": 31,
    "TN": 24, "TR": 26, "UA": 29, "XK": 20,
}  # fmt: skip
IBAN_RE = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}"
    r"(?:[A-Za-z0-9]{11,30}|(?:[ \u00a0][A-Za-z0-9]{4}){2,7}(?:[ \u00a0][A-Za-z0-9]{1,3})?)"
    r"(?![\w])"
)


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616 mod-97 check of a compact IBAN (``DE89370400440532013000``)."""
    iban = iban.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _iban_accept(compact: str) -> bool:
    """Checksum-valid, or an upper-case candidate with its country's exact length and digits.

    A mistyped IBAN is still personal data, so a well-formed candidate of the right length is
    redacted even when its check digits are wrong (documented trade-off).
    """
    if iban_checksum_ok(compact):
        return True
    country = compact[:2]
    expected = IBAN_LENGTHS.get(country)
    if expected is None or len(compact) != expected or not compact[:2].isupper():
        return False
    if country == "DE":
        return compact[2:].isdigit()
    return sum(ch.isdigit() for ch in compact) >= len(compact) - 8 and compact[4:].upper() == compact[4:]


def _iban_sub(repl: str) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        raw = match.group(0)
        groups = re.split(r"[ \u00a0]", raw)
        # try the longest prefix of space-separated groups that is a valid IBAN
        for end in range(len(groups), 0, -1):
            compact = "".join(groups[:end])
            if len(compact) >= 15 and _iban_accept(compact):
                consumed = len(" ".join(groups[:end]))
                return repl + raw[consumed:]
        return raw

    return sub


def ibans(text: str, repl: str = PLACEHOLDERS["iban"]) -> str:
    """Replace IBANs (any country, with or without spaces) with ``repl``."""
    return IBAN_RE.sub(_iban_sub(repl), text)


# --------------------------------------------------------------------------- dates of birth
_MONTHS = (
    r"Jan(?:uar|uary)?|Feb(?:ruar|ruary)?|März|Maerz|Mar(?:ch)?|Apr(?:il)?|Mai|May|Jun[ie]?|Jul[iy]?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?"
    r"|Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
    r"|ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie"
    r"|януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември"
)
_DATE = (
    r"(?:\d{1,2}[./\-]\s?\d{1,2}[./\-]\s?(?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}-\d{2}-\d{2}(?!\d)"
    rf"|\d{{1,2}}\.?\s(?i:{_MONTHS})\.?,?\s\d{{4}}(?:\s?(?:г\.?|р\.?|року|года))?"
    rf"|(?i:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}})"
)
_BIRTH_CUE = (
    r"geboren(?:\s(?:am|den|im))?|geb\.(?:\s?am)?|Geburtsdatum|Geburtstag|Geb\.-Datum"
    r"|born(?:\s(?:on|in))?|date\sof\sbirth|birth\s?date|DOB|d\.o\.b\."
    r"|doğum\starihi(?:m)?|doğum\sgünü(?:m)?|doğumlu"
    r"|дата\sрождения|родил(?:ся|ась)|дата\sнародження|народи(?:вся|лася)|роден(?:а)?(?:\sна)?|дата\sна\sраждане"
    r"|data\surodzenia|urodzon[ya](?:\sdnia)?|urodziłe[mś]\ssię|data\snașterii|data\snasterii|născut[ăa]?(?:\s(?:pe|la|în))?|nascut[ăa]?(?:\s(?:pe|la))?"
    r"|تاريخ\sالميلاد|تاريخ\sميلادي|مواليد|ولدت\s(?:في|بتاريخ)|تاریخ\sتولد|متولد|né(?:e)?\s?le|fecha\sde\snacimiento|nacid[oa]\sel"
)
BIRTHDATE_RE = re.compile(
    rf"(?<!\w)(?P<cue>(?i:{_BIRTH_CUE}))(?P<sep>\s?[:：\-–]?\s?(?:den\s|am\s|on\s|the\s)?)(?P<date>{_DATE})"
)
BIRTHDATE_BEFORE_RE = re.compile(
    rf"(?<![\w.])(?P<date>{_DATE})(?P<rest>\s(?i:geboren|doğumlu\w*|born|родил(?:ся|ась)|народи(?:вся|лася)))(?!\w)"
)


def birthdates(text: str, repl: str = PLACEHOLDERS["birthdate"]) -> str:
    """Replace a date of birth that follows (or precedes) a birth cue; other dates stay."""
    text = BIRTHDATE_RE.sub(lambda m: m.group("cue") + m.group("sep") + repl, text)
    return BIRTHDATE_BEFORE_RE.sub(lambda m: repl + m.group("rest"), text)


# --------------------------------------------------------------------------- phone numbers
_D0 = "[0٠۰]"
_GROUP = r"(?:[ \u00a0]?[\-–/][ \u00a0]?|[ \u00a0.])"  # one separator between digit groups
PHONE_RE = re.compile(
    r"(?<![\w+\-/.,])(?:"
    # international: +49 170 1234567, 0049 (0) 631 12345, +7 (912) 345-67-89
    rf"(?P<intl>(?:\+|{_D0}{_D0})[1-9]\d{{0,2}}(?:[ \u00a0]?\({_D0}\))?(?:{_GROUP}?(?:\(\d{{1,5}}\)|\d{{1,6}})){{1,7}})"
    # national with area code: 0631 1234567, 0631/123456, (0631) 12 34 56, 0176-12345678
    rf"|(?P<nat>(?:\({_D0}[1-9]\d{{1,4}}\)|{_D0}[1-9]\d{{1,4}})(?:{_GROUP}?\d{{1,8}}){{1,5}})"
    # Russian trunk prefix: 8 (912) 345-67-89
    r"|(?P<ru>8[ \u00a0]?\(\d{3,4}\)[ \u00a0]?\d{2,3}[ \-]?\d{2}[ \-]?\d{2})"
    r")(?![\w])"
)
_PHONE_CUE_RE = re.compile(
    r"(?<!\w)(?P<cue>(?i:tel(?:efon|\.|efonnummer|\.-nr\.)?|handy(?:nummer)?|mobil(?:nummer)?|fon|phone|mobile|whatsapp|ruf(?:nummer)?"
    r"|telefon(?:um)?|cep(?:\stelefonu)?|тел\.?|телефон|номер|telefonu?|nr\.?\stel\.?|numer(?:\stelefonu)?|رقم\s(?:الهاتف|هاتفي|الجوال)|هاتف|جوال|تلفن|شماره))"
    r"(?P<sep>\s?(?:[:.]|nr\.?|nummer|number)?\s?[:]?\s?)"
    r"(?P<num>\+?\d(?:[ \-/]?\d){4,14})(?![\w])"
)


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _phone_sub(repl: str) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        raw = match.group(0)
        n = _digits(raw)
        if match.group("intl"):
            ok = 8 <= n <= 15 + 2
        elif match.group("nat"):
            ok = 8 <= n <= 14 and not _looks_like_date(raw)
        else:
            ok = True
        return repl if ok else raw

    return sub


def _looks_like_date(value: str) -> bool:
    """``01.02.2025`` or ``03/04/25``: date-like groupings that a phone pattern could catch."""
    return bool(re.fullmatch(r"\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}", value.strip()))


def phones(text: str, repl: str = PLACEHOLDERS["phone"]) -> str:
    """Replace German and international phone numbers with ``repl``.

    A number needs a ``+``/``00`` country prefix or a ``0`` area-code prefix and at least 8 digits;
    bare digit runs (years, postcodes, prices, counts, times) stay. After a cue such as ``Tel.``
    or ``телефон`` any run of 5-15 digits is taken.
    """
    text = _PHONE_CUE_RE.sub(lambda m: m.group("cue") + m.group("sep") + repl, text)
    return PHONE_RE.sub(_phone_sub(repl), text)


# --------------------------------------------------------------------------- German street addresses
_STREET_SUFFIX = (
    r"straße|strasse|str\.|weg|allee|platz|ring|gasse|ufer|damm|chaussee|pfad|steig|stieg|graben"
    r"|wall|promenade|markt|kamp|twiete|zeile|anger|hof|berg|park|tor|brücke|bruecke|siedlung"
)
_STREET_WORD = (
    r"Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Gasse|Ufer|Damm|Chaussee|Pfad|Steig|Graben|Wall"
    r"|Promenade|Markt|Kamp|Zeile|Anger|Hof|Berg|Park|Tor|Brücke|Siedlung"
)
_PREPOSITION = r"Am|An\sder|An\sden|Auf\sder|Auf\sdem|Im|In\sder|In\sden|Zum|Zur|Unter\sden|Hinter\sder|Hinter\sdem|Vor\sdem|Alte[rs]?"
_CAP = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]*){0,4}"
_HOUSE_NO = (
    r"(?:Nr\.?\s?)?(?P<no>[1-9]\d{0,2})(?!\d|[.,:]\d)(?:\s?[a-hA-H](?![\w]))?"
    r"(?:\s?[\-–/]\s?[1-9]\d{0,2}[a-h]?(?!\d))?"
)
_POSTCODE_CITY = r"(?:,?\s(?:D-)?\d{5}\s[A-ZÄÖÜ][\wäöüß\-]+(?:\s\([A-ZÄÖÜ][\w .]+\)|\s(?:am|an\sder|im|in|ob\sder)\s[A-ZÄÖÜ][\wäöüß]+)?)?"
ADDRESS_RE = re.compile(
    r"(?<![\w\-])(?P<street>"
    rf"[A-ZÄÖÜa-zäöü][\wäöüß]*(?:-[\wäöüß]+){{0,5}}(?:{_STREET_SUFFIX})"  # Hauptstraße, Konrad-Adenauer-Platz
    rf"|(?:{_CAP}\s){{1,2}}(?:{_STREET_WORD})"  # Godesberger Allee, Lange Straße
    rf"|(?:{_PREPOSITION})\s{_CAP}(?:\s{_CAP})?"  # Am Markt, An der Alten Mühle
    r"|(?:Straße|Platz)\sde[rs]\s[\wäöüß]+(?:\s[\wäöüß]+)?"  # Straße der Einheit
    rf")\s?{_HOUSE_NO}{_POSTCODE_CITY}"
    r"(?![\w])(?!\s?(?:%|€|\$|Euro|EUR|Uhr|Jahre?n?|Prozent|Minuten|Min\.|Stunden|Tage|Wochen|Monate|km|m\b|Meter|Mal|mal|x\b|Kinder|Personen|Leute|Menschen|Familien|Autos|Plätze|Stellplätze))"
)
# Common nouns that end like streets ("Radweg 2", "Platz 3") but are no street names.
_NOT_STREETS = frozenset(
    """radweg fußweg fussweg gehweg schulweg umweg ausweg heimweg arbeitsweg feldweg waldweg
    spielplatz parkplatz arbeitsplatz stellplatz sportplatz bolzplatz kitaplatz studienplatz
    ausbildungsplatz marktplatz supermarkt arbeitsmarkt wohnungsmarkt wochenmarkt flohmarkt
    innenhof bahnhof friedhof schulhof hinterhof bauhof park stadtpark tor berg ring weg platz
    straße strasse gasse allee hof markt brücke radstreifen radring kreisverkehr""".split()
)
_NOT_STREET_STARTS = frozenset(
    """der die das den dem des ein eine einen einem einer jede jeder jedes jeden diese dieser
    dieses diesen unser unsere meine mein ihre ihr seine sein keine kein kein viele alle neue
    im am jahr""".split()
)
_PREP_STOP = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar
    märz april mai juni juli august september oktober november dezember jahr jahre alter
    moment ende anfang schnitt durchschnitt monat abend morgen tag vormittag nachmittag
    sommer winter herbst frühling frühjahr mittel bereich viertel quartier stadtteil""".split()
)


def _address_sub(repl: str) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        street = match.group("street")
        words = street.replace("-", " ").split()
        first, last = words[0].lower(), street.split()[-1].lower()
        if len(street.split()) == 1 and last in _NOT_STREETS:
            return match.group(0)
        if len(words) > 1 and first in _NOT_STREET_STARTS:
            return match.group(0)
        if re.match(rf"(?:{_PREPOSITION})\s", street) and street.split()[-1].lower() in _PREP_STOP:
            return match.group(0)
        if any(w.lower() in _PREP_STOP for w in street.split()[1:]):
            return match.group(0)
        return repl

    return sub


def addresses(text: str, repl: str = PLACEHOLDERS["address"]) -> str:
    """Replace German street addresses (street + house number, optional postcode and city).

    A street name without a house number is a place, not personal data, and stays.
    """
    return ADDRESS_RE.sub(_address_sub(repl), text)


# --------------------------------------------------------------------------- personal names
# Cues after which a personal name follows. Titles are case-sensitive, phrases are not.
_TITLE_CUES = (
    r"Herrn?|Frau|Familie|Fam\.|Dr\.|Prof\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Bay|Bayan|Sayın|Pan|Pani|Państwo"
    r"|Domnul|Doamna|Dl\.|Dna\.|Господин|господин|Госпожа|госпожа|Пан|пан|Пані|пані|г-н|г-жа"
    r"|السيد|السيدة|آقای|خانم|Señor|Señora|Sr\.|Sra\.|Monsieur|Madame|M\.|Mme"
)
_PHRASE_CUES = (
    r"ich\sheiße|ich\sheisse|mein\s(?:Vor|Nach|Familien)?[Nn]ame\s(?:ist|lautet)|ich\sbin(?:\sdie|\sder)?"
    r"|(?:Vor|Nach|Familien)?[Nn]ame\s?:|unterschrieben\svon"
    r"|my\s(?:first\s|last\s|full\s)?name\sis|i['’]?m\scalled|i\sam\scalled|call\sme|i['’]m|i\sam|this\sis"
    r"|benim\sad[ıi]m|ad[ıi]m|benim\sismim|ismim|ad[ıi]m\ssoyad[ıi]m"
    r"|меня\sзовут|моё\sимя|мое\sимя|моя\sфамилия|зовут|мене\sзвати|мене\sзвуть|звати|моє\sім['’ʼ]я|моє\sпрізвище"
    r"|nazywam\ssię|mam\sna\simię|moje\simię\sto|na\simię\smi"
    r"|mă\snumesc|ma\snumesc|numele\smeu\s(?:este|e)|mă\scheamă|ma\scheama"
    r"|казвам\sсе|името\sми\sе|аз\sсъм|казва\sсе"
    r"|اسمي|إسمي|اسمى|أنا\sاسمي|انا\sاسمي|اسم\sمن|نام\sمن|اسمم|نامم"
    r"|me\sllamo|mi\snombre\ses|je\sm['’]appelle|mon\snom\sest|mi\schiamo|navê\smin"
    r"|(?:viele|liebe|beste|freundliche|herzliche)\sgrüße|mit\sfreundlichen\sgrüßen|mfg|lg|vg"
    r"|best\sregards|kind\sregards|regards|saygılarımla|с\sуважением|з\sповагою|pozdrawiam|cu\sstimă|с\sуважение"
)
_TOKEN = r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u200c])*(?:(?:-|['’](?=[A-Z]))[^\W\d_]+)?"
NAME_RE = re.compile(
    r"(?<![\w\-])"
    rf"(?P<cue>(?P<title>{_TITLE_CUES})|(?i:{_PHRASE_CUES}))"
    r"(?P<sep>(?<=[.:])\s?|\s?[:,\-–]?\s|\s?[:,]\s?\n?)"
    r"(?P<pre>(?:(?:Dr|Prof|med|Dipl)\.\s){0,3})"
    rf"(?P<names>{_TOKEN}(?:[ \u00a0]{_TOKEN}){{0,3}})"
)
_UNCASED = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u0590-\u05ff]")
# Capitalised words after a cue that are no names: German nouns are capitalised ("ich bin Mutter",
# "Frau Bürgermeisterin"), pronouns and function words start sentences, nationalities in English.
_NOT_NAMES = frozenset(
    """
    ich du er sie es wir ihr und oder aber aus von in im am auf mit bei seit bin wohne lebe komme
    mutter vater oma opa eltern elternteil kind kinder sohn tochter frau mann ehefrau ehemann witwe
    witwer rentner rentnerin student studentin schüler schülerin lehrer lehrerin arbeiter arbeiterin
    arbeitslos arbeitslose azubi auszubildende hausfrau hausmann erzieher erzieherin pflegekraft
    krankenschwester arzt ärztin anwohner anwohnerin bewohner bewohnerin nachbar nachbarin mitglied
    teil neu neuer neue flüchtling geflüchtete geflüchteter migrant migrantin ausländer ausländerin
    deutscher deutsche türke türkin syrer syrerin ukrainer ukrainerin russe russin pole polin
    rumäne rumänin bulgare bulgarin araber araberin afghane afghanin iraner iranerin kurde kurdin
    muslim muslimin christ christin jude jüdin alleinerziehend alleinerziehende single fan gast
    selbstständig selbständig freiberufler freiberuflerin unternehmer unternehmerin ingenieur
    ingenieurin vorsitzender vorsitzende sprecher sprecherin bürgermeister bürgermeisterin
    oberbürgermeister oberbürgermeisterin stadträtin stadtrat kollege kollegin doktor professor
    professorin präsident präsidentin direktor direktorin leiter leiterin pfarrer pfarrerin
    radfahrer radfahrerin autofahrer autofahrerin fußgänger fußgängerin pendler pendlerin
    seit jahren hier dort angst hilfe rad sorge sorgen zeit lust ahnung recht unrecht schuld
    mitte anfang ende ja nein nicht kein keine gerne froh sehr schon noch auch
    i and or from in at the a an of to not from here there
    german turkish syrian afghan ukrainian russian polish romanian bulgarian arab arabic iranian
    kurdish muslim christian jewish american british english new happy sorry glad mother father
    ben ve bir bu da de ile için çok annesi anne baba öğrenci emekli
    я и в из на не мать мама отец папа студент студентка пенсионер пенсионерка і з та мати
    ja i w z na nie jestem matka ojciec
    eu și din în la mama tata sunt
    аз и от в на съм майка баща
    """.split()
)
_NOT_NAME_SUFFIXES = ("erin", "istin", "entin", "antin", "eurin", "ling", "ung", "heit", "keit",
                      "schaft", "ismus", "ität", "ion")  # fmt: skip
_GENERIC_BEFORE_TITLE = frozenset(
    """die der eine einer jede jeder keine keiner als wie meine deine seine ihre unsere eure
    diese dieser welche ältere junge alte ledige alleinstehende the a an every as یک""".split()
)
_WEAK_CUES = ("ich bin", "ich bin die", "ich bin der", "i'm", "i’m", "i am", "this is", "аз съм")


def _name_like(token: str, *, strict: bool) -> bool:
    """A capitalised token that is no common word (and, for weak cues, has no noun suffix)."""
    low = token.lower()
    if low in _NOT_NAMES:
        return False
    if _UNCASED.match(token):
        return True
    if not token[0].isupper():
        return False
    if token.isupper() and len(token) > 3:  # shouting, acronyms
        return False
    return not (strict and low.endswith(_NOT_NAME_SUFFIXES))


_ARABIC_STOP = frozenset(
    """من في و أنا انا عمري وعمري أعيش اعيش أسكن اسكن لدي عندي هو هي كان وأنا وانا أبلغ ابلغ
    است هستم هست و از در ساله سال میباشد می‌باشد هستش بود من که با""".split()
)


def _name_count(tokens: list[str], *, strict: bool) -> int:
    """How many of the tokens after a cue form the name (0 = no name)."""
    if not tokens:
        return 0
    if _UNCASED.match(tokens[0]):  # Arabic script: no capitals; a name is 1-2 tokens
        if tokens[0] in _ARABIC_STOP:
            return 0
        n = 1
        if len(tokens) > 1 and tokens[1] not in _ARABIC_STOP and not tokens[1].startswith("و"):
            n = 2
        return n
    n = 0
    for token in tokens[:3]:
        if not _name_like(token, strict=strict or n > 0):
            break
        n += 1
    return n


def _name_sub(repl: str) -> Callable[[re.Match[str]], str]:
    def sub(match: re.Match[str]) -> str:
        cue = match.group("cue")
        weak = cue.lower().replace("\u2019", "'") in _WEAK_CUES
        tokens = match.group("names").split()
        if match.group("title"):
            before = match.string[max(0, match.start() - 30) : match.start()].split()
            if before and before[-1].lower() in _GENERIC_BEFORE_TITLE:
                return match.group(0)
        n = _name_count(tokens, strict=weak)
        if n == 0:
            return match.group(0)
        names = match.group("names")
        # position after the n-th token in the original spacing
        spans = [m.end() for m in re.finditer(r"\S+", names)]
        rest = names[spans[n - 1] :]
        return cue + match.group("sep") + match.group("pre") + repl + rest

    return sub


def names(text: str, repl: str = PLACEHOLDERS["name"]) -> str:
    """Replace personal names that follow a cue ("ich heiße", "Frau", "меня зовут", "اسمي", ...).

    Only 1-3 name-like tokens after a cue are taken; names without a cue are not found.
    """
    return NAME_RE.sub(_name_sub(repl), text)


# --------------------------------------------------------------------------- pipeline
REDACTORS: tuple[tuple[str, Callable[..., str]], ...] = (
    ("email", emails),
    ("url", urls),
    ("iban", ibans),
    ("birthdate", birthdates),
    ("phone", phones),
    ("address", addresses),
    ("name", names),
)


def redact_text(text: str) -> tuple[str, Counter[str]]:
    """Run every redactor in order; return the redacted text and the number of spans per kind."""
    if not isinstance(text, str):
        raise TypeError(f"redact_text expects str, got {type(text).__name__}")
    counts: Counter[str] = Counter()
    for kind, redactor in REDACTORS:
        placeholder = PLACEHOLDERS[kind]
        before = text.count(placeholder)
        text = redactor(text, placeholder)
        added = text.count(placeholder) - before
        if added > 0:
            counts[kind] += added
    return text, counts


def redact_texts(texts: Sequence[str]) -> tuple[list[str], dict[str, int]]:
    """Redact many texts; return them in order and the total count per kind (all kinds listed)."""
    totals: Counter[str] = Counter()
    out: list[str] = []
    for text in texts:
        redacted, counts = redact_text(text)
        out.append(redacted)
        totals.update(counts)
    return out, {kind: int(totals.get(kind, 0)) for kind in PLACEHOLDERS}
