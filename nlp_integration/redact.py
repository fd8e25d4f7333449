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


_Replacement = str | tuple[str, int] | None


def _sub(pattern: re.Pattern[str], func: Callable[[re.Match[str]], _Replacement], text: str) -> str:
    """``pattern.sub`` where ``func`` may decline or shorten a match.

    ``func`` returns the replacement of the whole match, ``(replacement, end)`` to replace only
    ``text[match.start():end]`` (the rest is scanned again), or ``None`` to decline: the scan then
    resumes one character after the match's start, so a shorter match inside it can be found.
    """
    out: list[str] = []
    pos = 0
    search_from = 0
    while True:
        match = pattern.search(text, search_from)
        if match is None:
            break
        result = func(match)
        if result is None:
            search_from = match.start() + 1
            continue
        repl, end = result if isinstance(result, tuple) else (result, match.end())
        out.append(text[pos : match.start()])
        out.append(repl)
        pos = search_from = end
        if end == match.start():  # never loop on an empty match
            search_from += 1
    out.append(text[pos:])
    return "".join(out)


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
IBAN_RE = re.compile(r"(?<![\w])[A-Za-z]{2}[ \u00a0]?\d{2}(?:[ \u00a0]?[A-Za-z0-9]){11,34}(?![\w])")


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616 mod-97 check of a compact IBAN (``DE89370400440532013000``)."""
    iban = iban.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _iban_accept(compact: str) -> bool:
    """Checksum-valid, or an upper-case candidate of its country's exact length and shape.

    A mistyped IBAN is still personal data, so a well-formed candidate of the right length is
    redacted even when its check digits are wrong (documented trade-off).
    """
    if iban_checksum_ok(compact):
        return True
    if not compact[:2].isupper() or compact[4:].upper() != compact[4:]:
        return False
    if compact[:2] == "DE":
        return compact[2:].isdigit()
    return sum(ch.isdigit() for ch in compact) >= len(compact) - 8


def _iban_sub(repl: str) -> Callable[[re.Match[str]], str | None]:
    def sub(match: re.Match[str]) -> str | None:
        raw = match.group(0)
        expected = IBAN_LENGTHS.get(raw[:2].upper())
        if expected is None:  # only countries of the IBAN registry table above
            return None
        # the character loop may have caught trailing words ("BIC", "bitte"): cut the candidate
        # at the country's exact IBAN length, which must end at a space or at the end
        count = 0
        for i, ch in enumerate(raw):
            if ch not in " \u00a0":
                count += 1
                if count == expected:
                    end = i + 1
                    break
        else:
            return None
        if end < len(raw) and raw[end] not in " \u00a0":
            return None
        compact = raw[:end].replace(" ", "").replace("\u00a0", "")
        return repl + raw[end:] if _iban_accept(compact) else None

    return sub


def ibans(text: str, repl: str = PLACEHOLDERS["iban"]) -> str:
    """Replace IBANs (with or without spaces) of the countries in ``IBAN_LENGTHS`` with ``repl``."""
    return _sub(IBAN_RE, _iban_sub(repl), text)


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
    r"(?:(?:\d{1,2}[./\-]\s?\d{1,2}[./\-]\s?(?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}(?!\d)"
    rf"|\d{{1,2}}\.?\s(?i:{_MONTHS})\.?,?\s\d{{4}}"
    rf"|(?i:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}})"
    r"(?:\s?(?:року|года|г\.|г(?!\w)|р\.|р(?!\w)))?)"
)
_BIRTH_CUE = (
    r"geboren(?:\s(?:am|den|im))?|geb\.(?:\s?am)?|Geburtsdatum|Geburtstag|Geb\.-Datum"
    r"|born(?:\s(?:on|in))?|date\sof\sbirth|birth\s?date|DOB|d\.o\.b\."
    r"|doğum\starihi(?:m)?|doğum\sgünü(?:m)?|doğumlu"
    r"|дата\sрождения|родил(?:ся|ась)|дата\sнародження|народи(?:вся|лася)|роден(?:а)?(?:\sна)?|дата\sна\sраждане"
    r"|data\surodzenia|urodzon[ya](?:\sdnia)?|urodzi(?:łam|łem|łaś|łeś|ła|ł)(?:\ssię)?|data\snașterii|data\snasterii|născut[ăa]?(?:\s(?:pe|la|în))?|nascut[ăa]?(?:\s(?:pe|la))?"
    r"|تاريخ\sالميلاد|تاريخ\sميلادي|مواليد|ولدت\s(?:في|بتاريخ)|تاریخ\sتولد|متولد|né(?:e)?\s?le|fecha\sde\snacimiento|nacid[oa]\sel"
)
_BIRTH_CUE_RE = re.compile(rf"(?<!\w)(?i:{_BIRTH_CUE})")
_SEP_DATE_RE = re.compile(
    rf"[ \u00a0]?[:：\-–]?\s?(?:(?:ist|is|war|was)\s)?(?:den\s|am\s|on\s|the\s)?(?P<date>{_DATE})"
)
# cues that may follow the date: "am 3. Mai 2015 geboren", "12.03.1985 doğumluyum"
_BIRTH_AFTER_RE = re.compile(
    r"(?<=\s)(?i:geboren|doğumlu\w*|born|родил(?:ся|ась)|народи(?:вся|лася))(?!\w)"
)
_DATE_BEFORE_RE = re.compile(rf"(?<![\w.])(?P<date>{_DATE})\s$")


def birthdates(text: str, repl: str = PLACEHOLDERS["birthdate"]) -> str:
    """Replace a date of birth that follows (or precedes) a birth cue; other dates stay.

    The date patterns run only next to a cue, which keeps long texts fast.
    """
    spans: list[tuple[int, int]] = []
    for cue in _BIRTH_CUE_RE.finditer(text):
        match = _SEP_DATE_RE.match(text, cue.end())
        if match:
            spans.append(match.span("date"))
    for cue in _BIRTH_AFTER_RE.finditer(text):
        if not re.match(r"[\dгр.]\s", text[max(0, cue.start() - 2) : cue.start()]):
            continue  # a date (or "г.", "року") must end right before the cue
        start = max(0, cue.start() - 48)
        match = _DATE_BEFORE_RE.search(text[start : cue.start()])
        if match:
            spans.append((start + match.start("date"), start + match.end("date")))
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(set(spans)):
        if start < pos:  # overlapping spans: keep the first
            continue
        out.append(text[pos:start])
        out.append(repl)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- phone numbers
_D0 = "[0٠۰]"
_D1 = "[1-9١-٩۱-۹]"
# one separator between digit groups: a space, or "-", "–", "/" with optional spaces around
_SEP = r"(?:[ \u00a0]?[\-–/][ \u00a0]?|[ \u00a0])"
PHONE_RE = re.compile(
    r"(?<![\w+\-/.,])(?:"
    # international: +49 170 1234567, 0049 (0) 631 12345, +7 (912) 345-67-89
    rf"(?P<intl>(?:\(?\+|{_D0}{_D0}){_D1}(?:\)(?=[ \u00a0\d])|\d|\(\d{{1,5}}\)|{_SEP}(?=\d|\(\d)){{6,24}})"
    # national with area code: 0631 1234567, 0631/123456, (0631) 12 34 56, 0176-12345678
    rf"|(?P<nat>(?:{_D0}[ \u00a0]?{_D1}|\({_D0}{_D1}\d{{1,4}}\)[ \u00a0]?|{_D0}[ \u00a0]?\({_D1}\d{{1,4}}\)[ \u00a0]?)(?:\d|{_SEP}(?=\d)){{3,20}})"
    # Russian trunk prefix: 8 (912) 345-67-89, 8-912-345-67-89
    r"|(?P<ru>8[ \u00a0]?\(\d{3,4}\)[ \u00a0]?\d{2,3}[ \-]?\d{2}[ \-]?\d{2}"
    r"|8[ \-]\d{3}[ \-]\d{3}[ \-]\d{2}[ \-]\d{2})"
    r")(?![\w])"
)
_PHONE_CUE_RE = re.compile(
    r"(?<!\w)(?P<cue>(?i:tel(?:efon|\.|efonnummer|\.-nr\.)?|handy(?:nummer)?|mobil(?:nummer)?|fon|phone|mobile|whatsapp|ruf(?:nummer)?"
    r"|telefon(?:um)?|cep(?:\stelefonu)?|тел\.?|телефон|номер|telefonu?|nr\.?\stel\.?|numer(?:\stelefonu)?|رقم\s(?:الهاتف|هاتفي|الجوال)|هاتف|جوال|تلفن|شماره))"
    r"(?P<sep>\s?(?:[:.]|nr\.?|nummer|number|kom\.?)?\s?[:]?\s?)"  # "Tel. kom. 512 345 678"
    r"(?P<num>\+?\d(?:[\-/]?\d|[ \u00a0](?=[1-9])\d){4,14})(?![\w])"
)


def _digits(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


_COMPACT_DATE_RE = re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}")  # 03082022
_DATELIKE_RE = re.compile(r"(?<!\d)\d{1,2}\s?[/\-]\s?(?:\d{1,2}\s?[/\-]\s?)?(?:19|20)?\d{2}(?!\d)")


def _phone_ok(match: re.Match[str], raw: str) -> bool:
    n = _digits(raw)
    if match.group("intl"):
        return 8 <= n <= 17  # E.164: 15 digits, plus "00" prefix and a "(0)"
    if match.group("nat"):
        # month/year ranges like "03/2024-04/2025" and dates "01/02/25" are no numbers
        return (
            8 <= n <= 14
            and not _DATELIKE_RE.fullmatch(raw)
            and "/20" not in raw.replace(" ", "")[:6]
            and not _COMPACT_DATE_RE.fullmatch(raw)
        )
    return True


def _phone_sub(repl: str) -> Callable[[re.Match[str]], _Replacement]:
    def sub(match: re.Match[str]) -> _Replacement:
        raw = match.group(0)
        if _phone_ok(match, raw):
            return repl
        # two numbers in a row ("0631 123456 0176 1234567"): cut before a new prefix
        for cut in reversed([m.start() for m in _NEXT_NUMBER_RE.finditer(raw)]):
            if _phone_ok(match, raw[:cut]):
                return repl, match.start() + cut
        return None

    return sub


_NEXT_NUMBER_RE = re.compile(r"[ \u00a0](?=[0٠۰+(])")


def phones(text: str, repl: str = PLACEHOLDERS["phone"]) -> str:
    """Replace German and international phone numbers with ``repl``.

    A number needs a ``+``/``00`` country prefix or a ``0`` area-code prefix and at least 8 digits;
    bare digit runs (years, postcodes, prices, counts, times) stay. After a cue such as ``Tel.``
    or ``телефон`` any run of 5-15 digits is taken.
    """
    text = _PHONE_CUE_RE.sub(lambda m: m.group("cue") + m.group("sep") + repl, text)
    return _sub(PHONE_RE, _phone_sub(repl), text)


# --------------------------------------------------------------------------- German street addresses
_STREET_SUFFIX = (
    r"straße|strasse|str\.?|weg|allee|platz|ring|gasse|ufer|damm|chaussee|pfad|steig|stieg|graben"
    r"|wall|promenade|markt|kamp|twiete|zeile|siedlung"
)
_STREET_WORD = (
    r"Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Gasse|Ufer|Damm|Chaussee|Pfad|Steig|Graben|Wall"
    r"|Promenade|Markt|Kamp|Zeile|Anger|Hof|Berg|Siedlung"
)
_PREPOSITION = r"Am|An\sder|An\sden|Auf\sder|Auf\sdem|Im|In\sder|In\sden|Zum|Zur|Unter\sden|Hinter\sder|Hinter\sdem|Vor\sdem"
_ARTICLE = r"(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einer|Jede|Jeder|Diese|Dieser|Unsere|Unser|Meine|Mein|Keine|Viele|Alle|Im|Am)\s)"
_CAP = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]*){0,4}"
_HOUSE_NO = (
    r"(?:Nr\.?\s?)?(?P<no>[1-9]\d{0,2})(?!\d|[.,:]\d)(?:\s?[a-hA-H](?![\w]))?"
    r"(?:\s?[\-–/]\s?[1-9]\d{0,2}[a-h]?(?!\d))?"
)
_POSTCODE_CITY = r"(?:,?\s(?:D-)?\d{5}\s[A-ZÄÖÜ][\wäöüß\-]+(?:\s\([A-ZÄÖÜ][\w .]+\)|\s(?:am|an\sder|im|in|ob\sder)\s[A-ZÄÖÜ][\wäöüß]+)?)?"
ADDRESS_RE = re.compile(
    r"(?<![\w\-])(?P<street>"
    rf"[A-ZÄÖÜ][\wäöüß]*(?:-[\wäöüß]+){{0,5}}?-?(?i:{_STREET_SUFFIX})"  # Hauptstraße, Konrad-Adenauer-Platz
    r"|[a-zäöü][\wäöüß]*(?:-[\wäöüß]+){0,5}?-?(?:straße|strasse|str\.?|allee|gasse|platz)"  # hauptstr. 5
    rf"|(?:{_ARTICLE}{_CAP}\s){{1,2}}(?:{_STREET_WORD})"  # Godesberger Allee, Lange Straße
    rf"|(?:{_PREPOSITION})\s{_CAP}(?:\s{_CAP})?"  # Am Markt, An der Alten Mühle
    r"|(?:Straße|Platz)\sde[rs]\s[\wäöüß]+(?:\s[\wäöüß]+)?"  # Straße der Einheit
    rf")\s?{_HOUSE_NO}{_POSTCODE_CITY}"
    r"(?![\w])(?!\s?(?:%|€|\$|Euro|EUR|Uhr|Jahre?n?|Prozent|Minuten|Min\.|Stunden|Tage|Wochen|Monate|km|m\b|Meter|Mal|mal|x\b|Kinder|Personen|Leute|Menschen|Familien|Autos|Plätze|Stellplätze))"
)
# Common nouns that end like streets ("Radweg 2", "Platz 3") but are no street names.
_NOT_STREETS = frozenset(
    """radweg fußweg fussweg gehweg schulweg umweg ausweg heimweg arbeitsweg feldweg waldweg
    spielplatz parkplatz arbeitsplatz stellplatz sportplatz bolzplatz kitaplatz studienplatz
    ausbildungsplatz supermarkt arbeitsmarkt wohnungsmarkt wochenmarkt flohmarkt
    innenhof bahnhof friedhof schulhof hinterhof bauhof park stadtpark tor berg ring weg platz
    straße strasse gasse allee hof markt brücke radstreifen radring kreisverkehr bring spring
    string firewall anstieg ausstieg einstieg aufstieg umstieg""".split()
)
_NOT_STREET_STARTS = frozenset(
    """der die das den dem des ein eine einen einem einer jede jeder jedes jeden diese dieser
    dieses diesen unser unsere meine mein ihre ihr seine sein keine kein kein viele alle neue
    jahr""".split()
)
_PREP_STOP = frozenset(
    """montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar
    märz april mai juni juli august september oktober november dezember jahr jahre alter
    moment ende anfang schnitt durchschnitt monat abend morgen tag vormittag nachmittag
    sommer winter herbst frühling frühjahr mittel bereich viertel quartier stadtteil
    klasse zone tempo bus raum zimmer linie seite kapitel paragraph paragraf absatz gruppe stufe
    level woche runde reihe etage stock geschoss punkt artikel heft band ausgabe nummer folge
    teil stunde minute abschnitt kurs modul tabelle liste spalte anlage anhang fall haus hauses
    häuser häusern gebäude block bereich gleis nr""".split()
)
_STREET_WORDS = frozenset(_STREET_WORD.replace("\\", "").split("|"))
_STREET_END_RE = re.compile(rf"(?i:{_STREET_SUFFIX})$")


def _address_sub(repl: str) -> Callable[[re.Match[str]], str | None]:
    def sub(match: re.Match[str]) -> str | None:
        street = match.group("street")
        words = street.replace("-", " ").split()
        first, last = words[0].lower(), street.split()[-1].lower()
        if len(street.split()) == 1 and last in _NOT_STREETS:
            return None
        if len(street.split()) == 1 and re.search(r"[aeiouäöüy]ring$", last):
            return None  # "during", "offering": English -ing words, not a "-ring" street
        if len(words) > 1 and first in _NOT_STREET_STARTS:
            return None
        parts = street.split()
        if any(w.lower() in _PREP_STOP for w in parts[1:]):
            return None
        if re.match(rf"(?:{_PREPOSITION})\s", street) and any(
            _STREET_END_RE.search(w) for w in parts[1:-1]
        ):  # "In den Häusern Nordstraße 106": the street starts later
            return None
        if len(parts) == 3 and parts[-1] in _STREET_WORDS:
            # "Haus Rheindorfer Straße 75": only adjective-like words belong to the street
            if not parts[0].endswith(("er", "e", "es")):
                return None
        return repl

    return sub


def addresses(text: str, repl: str = PLACEHOLDERS["address"]) -> str:
    """Replace German street addresses (street + house number, optional postcode and city).

    A street name without a house number is a place, not personal data, and stays.
    """
    return _sub(ADDRESS_RE, _address_sub(repl), text)


# --------------------------------------------------------------------------- personal names
# Titles before a name: case-sensitive, followed by whitespace (or directly after their dot).
_TITLE_CUES = (
    r"Herrn?|Frau|Familie|Fam\.|Dr\.|Prof\.|Mr\.?|Mrs\.?|Ms\.?|Miss|Bay|Bayan|Sayın|Pan|Pani|Państwo"
    r"|Domnul|Doamna|Dl\.|Dna\.|Господин|господин|Госпожа|госпожа|Пан|пан|Пані|пані|г-н|г-жа"
    r"|السيد|السيدة|آقای|خانم|Señor|Señora|Sr\.|Sra\.|Monsieur|Madame|Mme"
    r"|pan|pani|państwo"  # Polish titles are lower-case inside a sentence: "pan Kowalski"
    # neighbours are named after the word: "mein Nachbar Dieter Krause", "соседка Галина Петровна"
    r"|Nachbar|Nachbarin|[Nn]eighbou?r|sąsiad|sąsiadka|[Сс]осед|[Сс]оседка|[Сс]усід|[Сс]усідка"
    r"|[Kk]omşum|[Kk]omşumuz|vecinul|vecina"
)
# Phrases that introduce one's own (or someone's) name: after them a name is very likely.
_INTRO_CUES = (
    r"ich\sheiße|ich\sheisse|mein\s(?:Vor|Nach|Familien|Ruf)?[Nn]ame\s(?:ist|lautet)|(?:Vor|Nach|Familien)?[Nn]ame\s?:"
    r"|ansprechpartner(?:in)?\s?:|ansprechperson\s?:|kontaktperson\s?:|unterschrift\s?:"
    r"|my\s(?:first\s|last\s|full\s|sur)?name\sis|i['’]?m\scalled|i\sam\scalled"
    r"|benim\sad[ıi]m|ad[ıi]m|benim\sismim|ismim|ad[ıi]m\ssoyad[ıi]m"
    r"|меня\sзовут|моё\sимя|мое\sимя|моя\sфамилия|зовут|мене\sзвати|мене\sзвуть|звати|моє\sім['’ʼ]я|моє\sпрізвище"
    r"|nazywam\ssię|mam\sna\simię|moje\simię\sto|na\simię\smi"
    r"|mă\snumesc|ma\snumesc|numele\smeu\s(?:este|e)|mă\scheamă|ma\scheama"
    r"|казвам\sсе|името\sми\sе|казва\sсе"
    r"|اسمي|إسمي|اسمى|أنا\sاسمي|انا\sاسمي|اسم\sمن|نام\sمن|اسمم|نامم"
    r"|me\sllamo|mi\snombre\ses|je\sm['’]appelle|mon\snom\sest|mi\schiamo|navê\smin"
)
# "I am <X>": X is often a role or nationality, so these cues take only strict name-like tokens.
_WEAK_CUES = r"ich\sbin(?:\sdie|\sder)?|i['’]m|i\sam|call\sme|аз\sсъм|jestem"
# Sign-offs: a name follows at the end of a message.
_SIGNOFF_CUES = (
    r"(?:viele|liebe|beste|freundliche|herzliche|schöne)\sgrüße|mit\sfreundlichen\sgrüßen|gruß|gez\."
    r"|best\sregards|kind\sregards|regards|saygılarımla|с\sуважением|з\sповагою|pozdrawiam|cu\sstimă"
    r"|с\sуважение|grüße|mfg|lg|vg"
)
_TOKEN = (
    r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u200c])*(?:(?:-|['’](?=[A-Z]))[^\W\d_]+)?"
)
NAME_RE = re.compile(
    r"(?<![\w\-])(?:"
    rf"(?P<title>{_TITLE_CUES})(?P<tsep>[ \u00a0]+|(?<=\.))"
    rf"|(?P<cue>(?P<intro>(?i:{_INTRO_CUES}))|(?P<weak>(?i:{_WEAK_CUES}))|(?P<signoff>(?i:{_SIGNOFF_CUES})))"
    r"(?P<psep>(?<=[.:])[ \u00a0]?|[ \u00a0]?[:,\-–]?\s|[ \u00a0]?[:,][ \u00a0]?)"
    r")"
    r"(?P<pre>(?:(?:Dr|Prof|med|Dipl|Ing)\.[ \u00a0]?){0,3})"
    rf"(?P<names>{_TOKEN}(?:[ \u00a0]{_TOKEN}){{0,3}})"
)
_UNCASED = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u0590-\u05ff]")
# Capitalised words after a cue that are no names: German nouns are capitalised ("ich bin Mutter",
# "Frau Bürgermeisterin"), pronouns and function words start sentences, nationalities in English.
_NOT_NAMES = frozenset(
    """
    ich du er sie es wir ihr und oder aber aus von in im am auf mit bei seit bin wohne lebe komme
    euch dich mich alle nicht nur hier dort gerade oft täglich sehr schon noch auch ja nein kein
    keine gerne froh mitte anfang ende seit jahren zeit lust ahnung recht unrecht schuld angst
    hilfe rad sorge sorgen ihre ihr euer eure dein deine
    dr prof med dipl ing mr mrs ms herr herrn frau familie
    der die das den dem des ein eine einen einem einer mein meine meinen meinem meiner unser
    unsere dieser diese dieses jede jeder alle viele
    mutter vater oma opa eltern elternteil kind kinder sohn tochter frau mann ehefrau ehemann witwe
    witwer rentner rentnerin student studentin schüler schülerin lehrer lehrerin arbeiter arbeiterin
    arbeitslos arbeitslose azubi auszubildende hausfrau hausmann erzieher erzieherin pflegekraft
    krankenschwester arzt ärztin anwohner anwohnerin bewohner bewohnerin nachbar nachbarin mitglied
    teil neu neuer neue flüchtling geflüchtete geflüchteter migrant migrantin ausländer ausländerin
    zugezogen zugezogene zugezogener neubürger neubürgerin ehrenamtlich ehrenamtliche ehrenamtler
    mitarbeiter mitarbeiterin praktikant praktikantin doktorand doktorandin beamter beamtin
    koch köchin bäcker bäckerin maler malerin fahrer fahrerin polizist polizistin verkäufer
    verkäuferin friseur friseurin elektriker mechaniker informatiker journalist journalistin
    künstler künstlerin musiker musikerin architekt architektin anwalt anwältin soldat hausmeister
    sozialarbeiter putzkraft reinigungskraft minijobber vorstand selbstständiger selbständiger
    deutscher deutsche türke türkin syrer syrerin ukrainer ukrainerin russe russin pole polin
    rumäne rumänin bulgare bulgarin araber araberin afghane afghanin iraner iranerin kurde kurdin
    iraker irakerin eritreer eritreerin somalier somalierin italiener grieche griechin spanier
    kroate kroatin serbe serbin bosnier albaner albanerin kosovare kosovarin marokkaner tunesier
    algerier ägypter libanese libanesin palästinenser pakistaner inder inderin chinese chinesin
    vietnamese vietnamesin nigerianer ghanaer kameruner amerikaner amerikanerin brite britin
    franzose französin niederländer österreicher schweizer ungar ungarin tscheche tschechin
    slowake litauer lette este moldauer georgier georgierin armenier armenierin tschetschene
    muslim muslimin christ christin jude jüdin alleinerziehend alleinerziehende single fan gast
    selbstständig selbständig freiberufler freiberuflerin unternehmer unternehmerin ingenieur
    ingenieurin vorsitzender vorsitzende sprecher sprecherin bürgermeister bürgermeisterin
    oberbürgermeister oberbürgermeisterin stadträtin stadtrat kollege kollegin doktor professor
    professorin präsident präsidentin direktor direktorin leiter leiterin pfarrer pfarrerin
    radfahrer radfahrerin autofahrer autofahrerin fußgänger fußgängerin pendler pendlerin
    i and or from in at the a an of to not here there your yours so just also very really
    german turkish syrian afghan ukrainian russian polish romanian bulgarian arab arabic iranian
    kurdish muslim christian jewish american british english new happy sorry glad mother father
    student teacher retired unemployed single european african asian native area
    katholik katholikin protestant protestantin evangelisch katholisch atheist atheistin
    sunteti sunteți va vă esti ești aveti aveți
    ben ve bir bu da de ile için çok annesi anne baba öğrenci emekli belediye başkan başkanı
    yetkili yetkililer ilgili müdür almanca türkçe
    я и в из на не мать мама отец папа студент студентка пенсионер пенсионерка і з та мати
    ja i w z na nie jestem matka ojciec
    eu și din în la mama tata sunt
    аз и от в на съм майка баща
    """.split()
)
_NOT_NAME_SUFFIXES = (
    "erin", "istin", "entin", "antin", "eurin", "ling", "ung", "heit", "keit", "schaft", "ismus",
    "ität", "pfleger", "fahrer", "arbeiter", "lehrer", "händler", "meister", "berater", "leiter",
    "bürger", "rentner", "ierte", "ierter", "pendler", "nutzer", "nutzerin", "bewohner", "ist",
    "präsident", "kanzler", "ingenieur", "techniker", "wissenschaftler", "helfer", "manager",
    "minister", "abgeordnete", "abgeordneter",
)  # fmt: skip
_GENERIC_BEFORE_TITLE = frozenset(
    """eine einer jede jeder keine keiner als wie meine deine seine ihre unsere eure meiner
    deiner seiner ihrer unserer eurer meinem deinem seinem ihrem unserem einem
    diese dieser welche ältere junge alte ledige alleinstehende the a an every as یک""".split()
)
_ARABIC_STOP = frozenset(
    """من في و أنا انا عمري وعمري أعيش اعيش أسكن اسكن لدي عندي هو هي كان وأنا وانا أبلغ ابلغ
    است هستم هست و از در ساله سال میباشد می‌باشد هستش بود من که با""".split()
)
_PARTICLES = frozenset("von van de al el ben bin ibn zu".split())
_SECOND_PARTICLES = frozenset("der den de la".split())
_END_RE = re.compile(r"[\s.,;:!?)\]\"'»“”-]*")


def _name_like(token: str, *, strict: bool, lower_ok: bool = False) -> bool:
    """A capitalised token that is no common word (and, if strict, has no noun-like suffix)."""
    low = token.lower()
    if low in _NOT_NAMES or len(token) < 2:
        return False
    if _UNCASED.match(token):
        return True
    if not token[0].isupper():
        return lower_ok
    if token.isupper() and len(token) > 3:  # shouting, acronyms
        return False
    if strict and "-" in token and low.rsplit("-", 1)[-1].endswith(("er", "erin", "in")):
        return False  # "Fahrrad-Berufspendler", "Wahl-Bonnerin": compound nouns, no names
    if strict and low.endswith("in") and len(low) >= 9:  # "Sonderpädagogin", "Mitbewohnerin"
        return False
    if low.endswith(("qvist", "kvist", "vist")):  # Lindqvist: a name, despite "-ist" below
        return True
    return not (
        strict and any(low.endswith(s) and len(low) > len(s) + 2 for s in _NOT_NAME_SUFFIXES)
    )


def _name_count(tokens: list[str], *, strict: bool, lower_ok: bool, particles: bool = False) -> int:
    """How many of the tokens after a cue form the name (0 = no name)."""
    if not tokens:
        return 0
    if _UNCASED.match(tokens[0]):  # Arabic script has no capitals: a name is 1-2 tokens
        if tokens[0] in _ARABIC_STOP or tokens[0].startswith("وال"):  # "and the ...": no name
            return 0
        # a second token is taken when it looks like a family name: al-..., or a nisba in -i
        second = tokens[1] if len(tokens) > 1 else ""
        if second and second not in _ARABIC_STOP and second.startswith(("ال", "آل")):
            return 2
        if second and second not in _ARABIC_STOP and second.endswith(("ی", "ي", "ى")):
            return 2
        return 1
    if particles and len(tokens) > 1 and tokens[0] in _PARTICLES:
        # after a title: "Frau von der Leyen", "Herr van Dijk", "Familie al Hassan"
        skip = 2 if len(tokens) > 2 and tokens[1] in _SECOND_PARTICLES else 1
        rest = _name_count(tokens[skip:], strict=strict, lower_ok=False)
        return skip + rest if rest and tokens[skip][0].isupper() else 0
    if not _name_like(tokens[0], strict=strict, lower_ok=lower_ok):
        return 0
    if not tokens[0][0].isupper():  # a lower-case name after "ich heiße": take one token only
        return 1
    n = 1
    for token in tokens[1:3]:
        if not _name_like(token, strict=True):
            break
        n += 1
    return n


def _name_sub(repl: str) -> Callable[[re.Match[str]], _Replacement]:
    def sub(match: re.Match[str]) -> _Replacement:
        before = match.string[max(0, match.start() - 30) : match.start()].split()
        previous_raw = before[-1] if before else ""
        previous = previous_raw.lower()
        if match.group("title"):
            head, sep = match.group("title"), match.group("tsep")
            if previous in _GENERIC_BEFORE_TITLE:  # "als Frau", "eine Frau": no title
                return None
            if previous_raw.endswith("en") and previous_raw.islower() and head in ("Frau", "Herr"):
                return None  # "einer aktiven Frau Ausschau halten": declined adjective, generic
        else:
            head, sep = match.group("cue"), match.group("psep")
            if head.lower() in (previous, match.group("names").split()[0].lower()):
                return None  # "adım adım" = step by step
        tokens = match.group("names").split()
        n = _name_count(
            tokens,
            strict=not match.group("intro") and not match.group("signoff"),
            # a lower-case name only after a two-word cue ("ich heiße anna", not "adım atıldı")
            lower_ok=bool(match.group("intro")) and bool(re.search(r"\s", head)),
            particles=bool(match.group("title")),
        )
        if n == 0:
            return None
        names = match.group("names")
        end = match.start("names") + [m.end() for m in re.finditer(r"\S+", names)][n - 1]
        if match.group("signoff") and len(head) <= 3:  # "LG Bonn" may be a court: end of text only
            if _END_RE.fullmatch(match.string, end) is None:
                return None
        # only the name is consumed; the words after it are scanned again (they may hold a cue)
        return head + sep + match.group("pre") + repl, end

    return sub


def names(text: str, repl: str = PLACEHOLDERS["name"]) -> str:
    """Replace personal names that follow a cue ("ich heiße", "Frau", "меня зовут", "اسمي", ...).

    Only 1-3 name-like tokens after a cue are taken; names without a cue are not found.
    """
    return _sub(NAME_RE, _name_sub(repl), text)


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
    """Redact many texts; return them in order and the total count per kind (all kinds listed).

    Missing cells (``None``, NaN) pass through unchanged; other non-text cells (a phone number
    that a spreadsheet stored as a number) are redacted as their ``str``.
    """
    totals: Counter[str] = Counter()
    out: list[str] = []
    for text in texts:
        if text is None or (isinstance(text, float) and text != text):
            out.append(text)
            continue
        redacted, counts = redact_text(text if isinstance(text, str) else str(text))
        out.append(redacted)
        totals.update(counts)
    return out, {kind: int(totals.get(kind, 0)) for kind in PLACEHOLDERS}
