"""Lexical evidence of hostility towards a group: group words x devaluing words, with negation.

The embedding model sees that a text is *about* refugees or foreigners, but it separates a neutral
news sentence ("80 Geflüchtete wohnen in der Turnhalle") from a hostile one ("Das sind alles
Schmarotzer") only weakly. This module adds plain, multilingual word tables:

``GROUP_TERMS``        words for migrant, national, ethnic and religious groups (and "the Germans")
``DEVALUING_TERMS``    devaluing predicates and nouns (criminal, lazy, parasites, ...)
``DEHUMANISING_TERMS`` dehumanising words (vermin, rats, ...)
``SLUR_TERMS``         slurs for groups: they name the group and devalue it at once
``EXCLUSION_TERMS``    demands to expel or keep out (sofort abschieben, deport them, ترحيلهم, wynocha)
``VIOLENCE_TERMS``     calls for violence
``HATE_TERMS``         explicit hatred or disgust (ich hasse, I hate, أكره, nienawidzę)
``NEGATORS``           negation words; a hit with a negator in the few words before it (or, for
                       languages that negate after the predicate, after it) counts as negated
``BEFORE_GROUP``       cues that count only right before a group word (colloquial بكره, which
                       also means "tomorrow"; rhetorical "Gibt es überhaupt einen ...")
``NEGATED_BELIEFS``    "ich glaube nicht, dass", "nie sądzę", "ما بظن": negate the rest of the clause

Arabizi (Arabic in Latin letters with digits, "7ayawanat") is matched against the Arabic cues
through a consonant skeleton (:func:`_skeleton`).

:func:`hostility_evidence` turns the hits into one number in [0, 1]; :func:`negated_hostility`
says whether every hostile hit is negated ("Flüchtlinge sind keine Verbrecher", "Niemand sollte
abgeschoben werden"), only quoted, or a copula after a group word is negated. Both are pure
functions over compiled regular expressions (a few thousand texts per second). The tables are data: add a language by adding a tuple. A cue ending in
``*`` is a stem; other cues end at a word boundary; Arabic cues may carry the proclitics و ف ب ل ك
and the article ال.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from nlp_integration.codebook.lexical import GENERALISING_CUES, cue_pattern, normalise
from nlp_integration.codebook.spelling import CueSpeller

# fmt: off
GROUP_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "flüchtling*", "fluechtling*", "geflüchtete*", "gefluechtete*", "auslaender*", "asylant*",
        "asylbewerber*", "asylsuchende*", "asylforderer*", "migrant*", "einwanderer*",
        "zuwanderer*", "ausländer*", "fremde", "muslim*", "moslem*", "muselm*", "araber*", "syrer*",
        "afghane*", "afghanen", "türke*", "türken", "afrikaner*", "nordafrikaner*",
        "schwarzafrikaner*", "marokkaner*", "roma", "sinti", "zigeuner*", "rumänen", "bulgaren",
        "polen", "ukrainer*", "russen", "tschetschenen", "kurden", "eritreer*", "iraker*",
        "iraner*", "kopftuch*", "neubürger*", "die deutschen", "einheimische*", "juden",
        "zuwanderung", "einwanderung", "masseneinwanderung", "merkels gäste", "rumäne*", "bulgare*",
        "pakistaner*", "nigerianer*", "somalier*", "albaner*", "kosovare*", "tschetschene*",
        "georgier*", "vietnamesen", "asiaten", "osteuropäer*", "südländer*", "orientalen",
        "schutzsuchende*", "inder", "nafris", "flüchtis", "asylheim*", "asylunterkunft*",
        "asylantenheim*", "asylbewerberheim*", "aus afrika", "aus nahost",
    ),
    "en": (
        "refugee*", "migrant*", "immigrant*", "asylum seeker*", "foreigner*", "muslim*", "moslem*",
        "islam", "arabs", "syrians", "afghans", "africans", "mexicans", "roma", "gypsies",
        "newcomers", "illegals", "illegal aliens", "aliens", "the germans", "the locals", "jews",
        "immigration",
    ),
    "fr": (
        "réfugié*", "refugie*", "migrant*", "immigré*", "immigre*", "immigrant*", "étranger*",
        "etranger*", "musulman*", "arabes", "africains", "clandestin*", "roms", "maghrébin*",
        "immigration",
    ),
    "pl": (
        "uchodźc*", "uchodzc*", "imigran*", "migran*", "emigran*", "cudzoziem*", "obcokrajow*",
        "muzułman*", "muzulman*", "islam*", "arab*", "syryj*", "afgańcz*", "ukraińc*", "ukrainc*",
        "ukraink*", "cygan*", "romowie", "romów", "azylant*", "niemcy", "niemców", "polacy", "obcy",
        "obcych", "przybysz*", "przybysze", "żydzi", "imigracj*", "czeczen*", "gruzin*", "hindus*",
        "pakistańcz*", "afrykan*", "rumun*", "białorusin*", "wietnamczy*", "turcy", "turków",
        "azjat*", "romk*", "cyganek", "cyganki", "nigeryjczy*", "somalijczy*", "marokańczy*",
        "hindusów", "przyjezdn*", "z afryki", "z bliskiego wschodu", "ten czarny", "tego czarnego",
        "ci czarni", "tych czarnych",
    ),
    "ar": (
        "لاجئ*", "لاجي*", "مهاجر*", "افغان*", "سوداني*", "عراقي*", "صومالي*", "باكستاني*", "اجانب",
        "اجنبي*", "سوري*", "عرب", "مسلم*", "افارق*", "غجر", "نازح*", "الماني*", "المان", "يهود",
        "اكراد", "اتراك", "مغارب*", "وافد*", "طالبي اللجوء", "اللجوء", "الهجره", "بنغال*",
        "اثيوبي*", "اسيوي*", "هنود", "هندي*", "فلبيني*", "نيبالي*", "مصريين", "يمنيين", "افريقي*",
        "السود", "العماله الوافده", "العماله الاجنبيه", "العماله", "العمال الاجانب", "شيشان",
        "روهينغا", "سوريين", "سوريون", "السوريين", "المخيم", "مخيمات", "من افريقيا",
    ),
    "tr": (
        "mülteci*", "multeci*", "göçmen*", "gocmen*", "suriyeli*", "yabancı*", "yabanci*", "arap*",
        "afgan*", "almanlar*", "kürt*", "çingene*", "müslüman*", "sığınmacı*",
    ),
    "ru": (
        "беженц*", "беженка*", "мигрант*", "иммигрант*", "приезж*", "иностранц*", "мусульман*",
        "арабы", "арабов", "сирийц*", "афганц*", "цыган*", "немцы", "немцев", "украинц*",
        "гастарбайтер*", "понаехавш*", "евреи",
    ),
    "uk": (
        "біженц*", "біженці", "мігрант*", "іммігрант*", "приїжджі", "приїжджих", "іноземц*",
        "мусульман*", "араби", "арабів", "сирійц*", "цигани", "циган*", "німці", "німців",
        "переселенц*", "місцеві",
    ),
    "ro": (
        "refugiat*", "imigrant*", "migrant*", "străin*", "strain*", "musulman*", "arabi*",
        "sirieni*", "țigan*", "tigan*", "romi", "romii", "germanii", "ucrainen*",
    ),
    "bg": (
        "бежанц*", "бежанци", "мигрант*", "имигрант*", "чужденц*", "мюсюлман*", "араби", "сирийц*",
        "цигани", "роми", "германци",
    ),
    "fa": (
        "پناهجو*", "پناهنده*", "مهاجر*", "افغان*", "عرب*", "خارجی*", "مسلمان*", "اتباع",
    ),
}

DEVALUING_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "kriminell*", "verbrecher*", "straftäter*", "faul", "faule", "faulen", "faulenzer*",
        "schmarotzer*", "sozialschmarotzer*", "parasit*", "dreckig*", "schmutzig*",
        "vergewaltiger*", "messerstecher*", "messermänner", "messermigrant*", "terrorist*",
        "primitiv*", "unzivilisiert*", "barbar*", "minderwertig*", "dumm*", "asozial*",
        "sozialbetrüger*", "betrüger*", "diebe", "diebisch*", "lügner*", "nichtsnutz*", "nutzlos*",
        "wertlos*", "rückständig*", "integrationsunwillig*", "integrationsunfähig*", "überfremd*",
        "umvolk*", "bevölkerungsaustausch", "invasion", "invasoren", "eindringling*",
        "taugenichts*", "gewalttätig*", "kulturlos*", "wirtschaftsflüchtling*", "scheinasylant*",
        "bereichern uns", "goldstück*", "nehmen uns", "leben vom staat", "auf unsere kosten",
        "auf kosten der", "unser geld", "wollen nicht arbeiten", "wollen sich nicht integrieren",
        "keinen respekt", "ist schuld", "sind schuld", "sind an allem schuld", "schuld an allem",
        "passen nicht", "gehören nicht zu", "gehört nicht zu", "gefahr für", "nur ärger", "scheiß*",
        "scheiss*", "drecks*", "widerlich*", "dreck", "nicht willkommen", "nicht erwünscht",
        "nicht integrierbar", "keine menschen", "unter sich", "nie richtig deutsch",
        "sich nicht anpassen", "aggressiv*", "eine gefahr", "das schlimmste", "unehrlich*",
        "nicht zivilisiert*", "zurückgeblieben*", "weniger intelligent*", "ärger machen", "klauen",
        "klaut", "stehlen", "bestehlen", "vermehren sich", "durchfüttern", "auf der tasche",
        "verfickt*", "verdammte", "nichts wert", "undankbar*", "unfähig*", "gewaltproblem*",
        "in den genen", "unheil", "nichts als ärger", "nur probleme", "nichts als probleme",
        "verlogen*", "kein vertrauen", "ehrlos*", "hinterhältig*", "verschlagen*", "schmarotz*",
        "abzocken", "abzocker*", "nur wegen dem geld", "nur wegen des geldes",
        "nur wegen der kohle", "nur wegen der stütze", "nur wegen hartz",
        "nur wegen dem bürgergeld", "nur wegen des bürgergelds", "nur fürs geld",
        "nur für das geld", "nehmen uns die arbeit", "nehmen uns die jobs",
        "nehmen uns die wohnungen", "nehmen uns alles", "treiben die mieten", "eine plage",
        "primitivling*", "kulturfremd*",
        "ungebildet*", "faulpelz*", "halsabschneider*", "banditen", "gesocks", "gesockse",
        "kleinkriminell*", "drogendealer*", "taschendieb*", "klauen alles", "unzuverlässig*",
        "respektlos*", "frauenverachtend*", "frauenfeind*", "bringen nichts als", "vermüllen",
        "verdrecken", "verwahrlos*", "benehmen sich wie", "sie lügen", "die lügen", "lügen alle",
        "lügen doch", "kann man nicht trauen", "ihnen nicht trauen", "denen nicht trauen",
        "liegt ihnen im blut", "liegt denen im blut", "im blut haben", "weniger wert",
        "nicht zu trauen", "taugen nichts", "stinken", "menschen zweiter klasse",
        "geld nachzählen", "dein geld nach", "tasche fest", "auf meine kinder aufpassen",
        "dankbar sein dass man sie", "überhaupt reinlässt", "fallen die hauspreise",
        "fahrräder verschwinden", "am arsch lecken",
    ),
    "en": (
        "criminal*", "thug*", "rapist*", "terrorist*", "lazy", "parasite*", "leech*",
        "freeloader*", "scrounger*", "savage*", "barbarian*", "filthy", "dirty", "invader*",
        "invasion", "primitive", "backward", "worthless", "useless", "stupid", "burden",
        "take our", "steal our", "taking over", "don't belong", "do not belong", "shithole*",
        "fucking", "damn", "bloody", "disgusting", "drain on", "on benefits", "live off",
        "not human", "don't want to work", "don't want to integrate", "refuse to integrate",
        "never fit in", "never integrate", "aggressive", "a danger", "a threat", "uncivilised",
        "uncivilized", "less intelligent", "steal", "they steal", "breed like", "freeload*",
        "worst thing",
    ),
    "fr": (
        "criminel*", "délinquant*", "voleur*", "violeur*", "terroriste*", "fainéant*", "parasite*",
        "sauvage*", "barbare*", "envahisseur*", "invasion", "grand remplacement", "sale", "sales",
        "dangereux", "profiteur*", "assisté*", "dégueulasse*", "chance pour la",
    ),
    "pl": (
        "przestęp*", "kryminali*", "bandyt*", "złodzie*", "gwałcicie*", "terroryst*", "nieroby",
        "nieroba", "nierób", "leniw*", "brudn*", "śmierdz*", "dzikus*", "prymityw*", "zacofan*",
        "barbarzyń*", "pasożyt*", "darmozjad*", "najeźdźc*", "inwazj*", "islamizacj*",
        "kombinator*", "oszuś*", "oszust*", "głupi*", "żyją z naszych", "na nasz koszt",
        "zabierają nam", "nie pasują", "nie chcą pracować", "nie chcą się integrować", "nachodźc*",
        "bandyc*", "terroryśc*", "nie są ludźmi", "niemile widzian*", "nigdy się nie zintegrują",
        "nie chcą się uczyć", "agresywn*", "zagrożenie*", "mniej inteligentn*", "niewarci",
        "nic niewart*", "szkodzą", "kradną", "kradnie", "okradają", "banda", "jebać", "pierdolen*",
        "pierdolon*", "pieprzon*", "zasran*", "żebrzą", "niecywilizowan*", "kłamc*", "klamc*",
        "niezdoln*", "niezdatn*", "tylko po kasę", "tylko po pieniądze", "tylko po zasiłki",
        "tylko po zasiłek", "tylko po socjal", "po nasze pieniądze", "z naszego budżetu",
        "siać zamęt", "sieją zamęt", "nieuczciw*", "nie można im ufać", "nie da się im ufać",
        "nie ufam im", "kłamią", "oszukują", "są gorsi", "gorszego sortu", "gorszym sortem",
        "niewdzięczn*", "roszczeniow*", "roszczeniowi", "cwaniak*", "cwaniaczk*", "naciągacz*",
        "pijak*", "pijacy", "śmierdzą", "smierdza", "śmierdziel*", "menel*", "nieokrzesan*",
        "prostac*", "chamy", "chamstwo", "chamsk*", "zasyfi*", "zaśmiecaj*", "rozkradaj*",
        "rozkradną", "zabierają nam pracę", "zabierają pracę", "zabiorą nam", "pasożytuj*",
        "żerują", "nie szanują", "nie szanuja", "zero szacunku", "wrogowie", "wrogiem", "okupanci",
        "okupant*", "hołota", "nie da się z nimi żyć",
        "handlarze prochów", "handlarze narkotyków", "dilerzy narkotyków", "bezwartościow*",
        "gorszy sort", "nic warci", "nic warte", "nic wart", "nie można ufać", "nie wolno ufać",
        "nie da się ufać", "gorszymi ludźmi", "gorsi ludzie", "gorszych ludzi",
        "ludzie drugiej kategorii", "najgorsze co", "chuj*", "jeban*", "przelicz pieniądze",
        "przeliczyć pieniądze", "ściskam torebkę", "pilnuję portfela", "trzymam torebkę",
        "opiekować się moimi dziećmi", "w ogóle ich tu wpuszczamy", "ceny mieszkań spadają",
        "zaczęły znikać", "pocałować w dupę", "nie jest wart złamanego grosza",
        "nie mają za grosz",
    ),
    "ar": (
        "مجرم*", "ارهاب*", "لصوص", "لص", "حرامي*", "كسالي", "كسول*", "قذر*", "وسخ*", "متخلف*",
        "همج*", "طفيلي*", "عاله", "عبء", "سبب كل", "يسرقون", "يغتصبون", "جهله", "اغبياء", "غبي",
        "منحط*", "غزاه", "غزو", "نصابين", "متسولين", "عديمي", "لا يحترمون", "يأخذون", "ياخذون",
        "مغتصب*", "غير مرغوب", "ليسوا بشرا", "عبئ*", "لا يريدون العمل", "لا يريدون الاندماج",
        "لن يندمجوا", "خطر على", "عدواني*", "فوضى", "ما بيستاهلو*", "ما يستاهلو*", "لا يستحقون",
        "عايشين على المساعدات", "يعيشون على المساعدات", "غير متحضرين", "ليسوا متحضرين",
        "مش متحضرين", "يسرقوا", "نهب", "لنهب", "ينهبوا", "ينهبون", "ما بيحترموا", "ما بيحترمو",
        "ما يحترموا", "مش بيحترموا", "ما بيحترمو*", "قليلين ادب", "قلالات ادب", "ما عندهم ادب",
        "بلا تربيه", "ما بتتربا*", "ما عندهم امانه", "ما عندهم اخلاق", "بلا اخلاق", "عديمي الاخلاق",
        "ما بثق فيهم", "ما بنثق فيهم", "ما نثق فيهم", "لا يوثق بهم", "لا نثق بهم", "لا اثق بهم",
        "ما بينوثق فيهم", "مش هيتغيروا", "مش هتتغير", "ما رح يتغيروا", "لن يتغيروا", "ياخدوا شغلنا",
        "ياخذوا شغلنا", "ياخدو شغلنا", "اخدوا شغلنا", "اخذوا شغلنا", "سرقوا شغلنا", "يسرقوا شغلنا",
        "ياخدوا وظايفنا", "ياخذون وظائفنا", "يرفعوا الايجارات", "رفعوا الايجارات", "خربوا البلد",
        "خربو البلد", "يخربوا البلد", "دمروا البلد", "يدمروا البلد", "شحادين", "شحاتين", "متسول*",
        "كذابين", "كذابون", "نصاب*", "حراميه", "حرامي", "بلاوي", "مصايب", "مشاكل وبس",
        "غير المشاكل", "وسخين", "معفنين", "زبالين", "جربانين", "مالين الشوارع", "يبيعوا المساعدات",
        "عايشين ع حسابنا", "على حسابنا", "ع حسابنا", "يعيشون على حسابنا", "حيوانيه", "مالهمش امان",
        "ما الهم امان", "يحسبون روحهم", "عنف في دمهم", "في دمهم", "دواعش", "يفسدوا", "فساد اخلاقي",
        "نجسين", "انجاس", "بلطجيه", "بلطجيين", "ولاد الشرموطه", "شرموط*", "ولاد الكلب",
        "ولاد الحرام", "كس اخت", "كس ام*", "كسم*", "منايك*", "عرص*", "ولاد الكلاب", "تجار مخدرات",
        "تجار المخدرات", "احقر", "حقير*", "حقراء", "اقل قيمه", "لا قيمه لهم", "بلا قيمه",
        "لا يساوون شيئا", "من الدرجه الثانيه", "عد نقودك", "امسك حقيبتي", "امسكت بمحفظتي",
        "يعتني باطفالي", "ان يحمدوا ربهم", "سمحنا لهم بالدخول", "تنخفض اسعار", "انخفضت اسعار",
        "بدات السرقات", "عديمو*",
    ),
    "tr": (
        "suçlu*", "hırsız*", "tecavüzcü*", "terörist*", "tembel*", "pis", "pislik*", "asalak*",
        "barbar*", "istilacı*", "çalışmak istemiyor*", "uyum sağlamak istemiyor*",
        "sadece yardım alıyor*",
    ),
    "ru": (
        "преступник*", "бандит*", "воры", "ворьё", "воровств*", "насильник*", "террорист*",
        "ленив*", "бездельник*", "паразит*", "нахлебник*", "грязн*", "дикар*", "только ради",
        "не хотят работать", "не хотят интегрироваться", "не хотят учить",
    ),
    "uk": (
        "злочинц*", "бандит*", "злодії", "крадії", "ґвалтівник*", "гвалтівник*", "терорист*",
        "ледач*", "ледар*", "паразит*", "нахлібник*", "брудн*", "дикун*", "не хочуть працювати",
        "не хочуть інтегруватися",
    ),
    "ro": (
        "infractor*", "criminali*", "hoți", "hoti", "violator*", "terorist*", "leneș*", "lenes*",
        "parazit*", "murdar*", "împuțit*", "imputit*", "sălbatic*", "salbatic*",
    ),
    "bg": (
        "престъпни*", "крадц*", "крадци", "изнасилвач*", "терорист*", "мързелив*", "паразит*",
        "мръсн*", "диваци",
    ),
    "fa": (
        "جنایتکار*", "دزد*", "تروریست*", "تنبل*", "انگل*", "کثیف*", "وحشی*",
    ),
}

DEHUMANISING_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "ungeziefer", "ratten", "tiere", "viecher", "gesindel", "abschaum", "pack", "pöbel", "brut",
        "plage", "seuche", "kopftuchmädchen", "affen", "kakerlaken", "heuschrecken",
        "untermenschen", "horden", "dreckspack", "mischpoke", "hyänen", "läuse", "flöhe", "wanzen",
        "parasiten", "viehzeug", "getier", "zecken", "geschmeiß", "kroppzeug", "drecksvolk",
        "pestbeulen", "krebsgeschwür*", "gehören in den zoo", "gehören in einen zoo",
        "gehört in den zoo", "gehören in käfige", "keine echten menschen", "keine richtigen menschen",
    ),
    "en": (
        "vermin", "rats", "animals", "scum", "cockroach*", "subhuman*", "trash", "garbage",
        "plague", "apes", "monkeys", "infestation", "swarm*", "hordes", "belong in a zoo",
        "belong in the zoo",
    ),
    "fr": (
        "vermine", "rats", "animaux", "racaille*", "déchet*", "ordure*", "singes",
    ),
    "pl": (
        "robactw*", "szczur*", "zwierzęt*", "zwierzeta", "bydło", "hołot*", "holot*", "motłoch",
        "ścierw*", "śmieci", "swołocz", "szumowin*", "plaga", "zaraza", "murzyn*",
        "małp*", "pomiot*", "dzicz", "karaluch*", "hieny", "hien*", "wszy", "wszawic*", "pluskw*",
        "pchły", "kleszcz*", "bydlak*", "zwierzaki", "trzoda", "dziczy", "wrzód", "gangrena",
        "śmiecie", "podludzi*", "jest w zoo", "są w zoo", "powinni mieszkać w zoo",
        "powinni siedzieć w zoo", "nie są prawdziwymi ludźmi", "nie są prawdziwi ludzie",
        "gorszy gatunek",
    ),
    "ar": (
        "حشرات", "حشره", "جرذان", "فئران", "حيوانات", "كلاب", "كلب", "خنازير", "خنزير", "قرود",
        "حثاله", "زباله", "نفايات", "سرطان", "وباء", "افه", "بهائم", "رعاع", "صراصير", "قمامه",
        "جراثيم", "قمل", "قمله", "براغيث", "طاعون", "جرب", "ذباب", "بق", "دود", "طفيليات", "حمير",
        "بقر", "غنم", "وحوش", "ديدان", "اقل من البشر", "دون البشر", "ادني من البشر",
        "هو حديقه الحيوان", "مكانهم حديقه الحيوان", "مكانهم في حديقه الحيوان", "اوباش",
        "الاوباش", "ادني منزله",
    ),
    "tr": (
        "hayvan*", "böcek*", "sürü*", "köpek*", "domuz*", "çöp*",
    ),
    "ru": (
        "животн*", "скот*", "мразь", "твар*", "отброс*", "крысы", "тараканы",
    ),
    "uk": (
        "тварин*", "худоб*", "покидьк*", "щури", "таргани", "мерзот*",
    ),
    "ro": (
        "animale", "gunoi*", "șobolani", "sobolani", "jeg*",
    ),
    "bg": (
        "животни", "боклуц*", "плъхове", "паплач*", "измет",
    ),
    "fa": (
        "حیوان*", "آشغال*", "کثافت*", "سوسک*",
    ),
}

SLUR_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "kanake*", "kanacke*", "neger*", "bimbo*", "kameltreiber*", "ziegenficker*", "musels",
        "polacke*", "polake", "polaken", "zigeuner", "zigeunern", "zigeunerin*", "zigeunerpack",
        "schlitzauge*", "kümmeltürke*", "kuffnucke*", "ölauge*", "moslemschwein*",
        "kopftuchgeschwader", "türkenpack", "negerpack", "scheißausländer", "kanaken",
        "asylschmarotzer*", "asylbetrüger*",
    ),
    "en": (
        "nigger*", "spic", "spics", "wetback*", "chink*", "gook*", "raghead*", "towelhead*",
        "kike*", "paki", "pakis", "muzzie*", "coon", "coons", "chinaman", "chinamen",
    ),
    "fr": (
        "bougnoul*", "bicot*", "nègre*", "negre*", "négro*", "youpin*", "crouille*", "bamboula*",
    ),
    "pl": (
        "ciapat*", "ciapak*", "czarnuch*", "banderowc*", "kozojeb*", "szmaciarz*", "ciapaci",
        "ciapatych", "pejsat*", "ukry", "ukrów", "ruscy", "cyganichy", "cyganiory", "czarnuchy",
        "brudas*",
    ),
    "ar": (
        "زنوج", "يا عبد", "المجوس", "مجوس", "كحالش", "الكحالش", "قرباط", "القرباط", "روافض",
        "الروافض", "صفويين", "الصفويين", "يا عبيد",
    ),
    "ru": (
        "чурк*", "хач*",
    ),
}

EXCLUSION_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "raus", "abschiebung sofort", "sofort abschieben", "ausweisen", "zurückschicken",
        "zurückgeschickt werden", "heimschicken", "rausschmeißen", "rauswerfen",
        "haben hier nichts verloren", "haben hier nichts zu suchen", "nichts zu suchen",
        "grenzen dicht", "grenzen schließen", "remigration", "verpisst euch", "verpisst", "hau ab",
        "haut ab", "gehören nicht hierher", "wollen wir hier nicht", "wollen keine",
        "brauchen wir nicht", "sollen heim", "zurück in ihre heimat", "dahin zurück",
        "wo sie herkommen", "wo der pfeffer wächst", "nach hause schicken", "keine mehr aufnehmen",
        "das boot ist voll", "alle abschieben", "endlich abschieben", "gehören abgeschoben",
        "sollen abgeschoben", "sollten abgeschoben", "müssen abgeschoben", "muss abgeschoben",
        "abschieben sofort", "sollen verschwinden", "sollen alle verschwinden",
        "müssen verschwinden", "verschwindet", "sollte abgeschoben", "abgeschoben werden",
        "aus dem land jagen", "rausjagen", "davonjagen", "verjagen", "vertreiben", "sollen zurück",
        "sollen alle zurück", "müssen zurück", "müssen alle zurück", "zurück in ihr land",
        "raus aus unserem", "ab nach hause", "ab in die heimat", "rückführung jetzt",
        "nicht hier haben", "wollen wir nicht", "weg mit ihnen", "weg mit denen", "los werden",
        "loswerden", "ausschaffen", "sollen gehen", "sollen abhauen", "sollen sich verpissen",
        "nicht reinlassen", "nicht mehr reinlassen",
    ),
    "en": (
        "deport them", "deport all", "deport every", "should be deported", "must be deported",
        "send them back", "send them home", "go back", "kick them out", "get out",
        "throw them out", "keep them out", "close the borders", "build the wall", "not welcome",
        "don't want them", "no place here", "no place in", "get rid of", "ban them", "ban all",
    ),
    "fr": (
        "dehors", "expulsez", "expulser", "renvoyer", "renvoyez", "rentrez chez vous", "retournez",
        "dégagez", "dégage", "fermer les frontières", "chez eux",
    ),
    "pl": (
        "wyrzuc*", "won", "wynocha", "precz", "niech wracają", "niech wraca", "wracajcie",
        "odesłać", "wydalić", "nie chcemy", "nie ma tu miejsca", "nie ma dla nich miejsca",
        "zamknąć granice", "zamknac granice", "trzeba deportować", "należy deportować",
        "deportować ich", "deportować wszystkich", "deportować tych", "wygonić", "wygonimy",
        "przegonić", "pogonić", "niech spadają", "spierdalać", "spierdalają", "spierdalajcie",
        "wypierdalać", "skąd przyszli", "skąd przyjechali", "zabrać stąd", "stąd zabierze",
        "do siebie wracać", "wracać do siebie", "wynoś*", "wynocha z", "won z", "niech jadą",
        "niech wyjeżdżają", "niech wypierdalają", "wypierdalajcie", "odesłać ich", "pozbyć się ich",
        "pozbędziemy", "nie chcę ich", "nie chcemy ich", "nie chcemy tu", "nie potrzebujemy ich",
        "nie wpuszczać", "nie wpuszczać ich", "zamknąć granicę", "wygnać", "wykurzyć", "przegnać",
        "pozbył*", "pozbyć się", "nie chcę żadnych", "nie chcemy żadnych",
    ),
    "ar": (
        "يجب ترحيل", "ترحيلهم", "ترحيل كل", "طردهم", "يجب طرد", "اطردو*", "رحلوهم", "ارجعوا",
        "يرجعوا", "ليرجعوا", "ليعودوا", "عودوا", "يعودوا الي بلاد*", "اخرجوا", "يخرجوا", "لا نريد*",
        "لا مكان لهم", "ارحلوا", "فليرحلوا", "يرحلوا", "غير مرحب", "اغلاق الحدود", "يطرد*", "يرحل*",
        "يطلعوا برا", "يطلعوا بره", "برا البلد", "بره البلد", "يرجعوا لبلاد*", "لازم يرجعوا",
        "لازم يطلعوا", "نطردهم", "يطردوهم", "ينطرد*", "ينطردوا", "يتطردوا", "يترحلوا", "نخلص منهم",
        "نتخلص منهم", "التخلص منهم", "هنخلص من", "ينقلع*", "انقلعوا", "يفلوا", "فلوا", "يولوا",
        "روحوا على بلادكم", "ارجع لبلدك", "ارجعوا لبلادكم", "ما نبيهم", "ما نبغاهم", "محد يبيهم",
        "ما بدنا ياهم", "ما بدنا اياهم", "مش عايزينهم", "مش عاوزينهم", "ما بدنا ياهن",
        "يطلعوا من البلد", "مين سمح لهم", "مين سمحلهم", "مين جابهم", "ما لهم مكان", "ما الهم مكان",
    ),
    "tr": (
        "defolsun*", "defolun", "gitsin*", "geri gönder*", "sınır dışı edil*", "istemiyoruz",
    ),
    "ru": (
        "выгнать", "депортир*", "выслать", "пусть уезжают", "валите", "вон из", "не нужны",
    ),
    "uk": (
        "вигнати", "депортува*", "нехай їдуть", "забирайтеся", "геть", "не потрібні",
    ),
    "ro": (
        "să plece", "sa plece", "afară", "afara", "expulza*", "deporta*", "trimiși acasă",
    ),
    "bg": (
        "да се махат", "вън", "депортира*", "изгонят", "изгонете", "да си ходят",
    ),
    "fa": (
        "اخراج*", "برگردند", "بروند", "بیرون کنید",
    ),
}

VIOLENCE_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "töten", "umbringen", "erschießen", "erschiessen", "abknallen", "vergasen", "verbrennen",
        "anzünden", "aufhängen", "ausrotten", "vernichten", "an die wand", "absaufen",
        "ertrinken lassen", "abschlachten", "totschlagen", "kopf ab", "erschlagen", "totprügeln",
        "schlag ich tot", "schlage ich tot", "schlagen wir tot", "abfackeln", "abgefackelt",
        "zünde ich", "zünden wir", "anzuzünden", "brandsatz", "molotow*", "schießen dürfen",
        "schiessen dürfen", "auf sie schießen", "abschießen", "verprügeln", "verprügelt",
        "in lager stecken", "ins lager stecken", "in lager sperren", "stacheldraht", "einsperren",
        "wegsperren", "internieren", "ausräuchern", "plattmachen", "kopf einschlagen",
        "fresse polieren", "auf die fresse", "hetzjagd", "jagen wir", "werden wir jagen",
        "jagen sie", "baseballschläger*", "schlagstöcke*", "schlagstock", "knüppel*",
        "eisenstange*", "ist er fällig", "ist sie fällig", "sind sie fällig", "sind die fällig",
        "dann ist er dran", "dann sind sie dran", "die werden sich wundern",
        "werden sich noch wundern", "werden es bereuen", "wird es bereuen", "wirst es bereuen",
        "werdet es bereuen", "bereuen, dass", "abreibung", "denkzettel", "einen besuch abstatten",
        "besuch abstatten", "klopfen wir an", "räumen wir", "mit gewalt räumen",
        "mit gewalt vertreiben", "zwangssterilis*", "sterilisieren", "in die luft jagen",
        "aufs maul", "eins auf die fresse", "aufmischen", "mischen wir auf", "platt machen",
        "machen wir platt", "mach ich kaputt", "mache ich kaputt", "machen wir kaputt",
        "zusammenschlagen", "zusammentreten", "schlagen wir zusammen", "brennen sehen",
        "sollen brennen", "soll brennen", "sollen verrecken", "sollen krepieren",
        "werden noch lernen was", "werden schon lernen was", "sollen lernen was",
        "was sie davon haben", "abstechen", "absteche*", "steche ich", "stech ich", "stechen wir",
        "erstechen", "erstech ich", "aufschlitzen", "kaltmachen", "kalt machen", "mach ich kalt",
        "mache ich kalt", "sollen bluten", "werden bluten", "bluten lassen", "bluten sehen",
        "kehle durchschneiden", "ertränken", "aufknüpfen", "niederstechen",
        "abmurksen", "sollen sterben", "sollen alle sterben", "sollten alle sterben",
        "wären alle tot", "den tod wünsche*", "ausgepeitscht", "auspeitschen",
        "bei lebendigem leib", "ins gesicht spucken", "lebend rauskommt", "knochen brechen",
    ),
    "en": (
        "kill them", "kill all", "kill every", "shoot them", "exterminat*", "gas them",
        "hang them", "lynch*", "burn them", "wipe them out", "should die", "let them drown",
        "deserve to die", "should be shot", "should be killed", "beat them", "beat up",
        "shot at", "burn down", "set fire", "lock them up", "put them in camps",
        "hunt them", "hunt down", "smash their", "break their",
    ),
    "fr": (
        "tuer", "tuez", "exterminer", "brûler", "noyer", "fusiller", "crever",
    ),
    "pl": (
        "zabić", "zabic", "zabijać", "wystrzelać", "powiesić", "spalić", "utopić", "do gazu",
        "do pieca", "rozstrzelać", "eksterminacj*", "zatłuc", "strzelać do", "strzelac do",
        "powinno się strzelać", "zastrzelić", "zamknąć w obozach", "zamknac w obozach", "zabijemy",
        "zabiję", "pobić", "pobijemy", "spalimy", "podpalić", "podpalimy", "benzyną",
        "koktajl mołotowa", "pałami", "pałować", "obozy koncentracyjne", "połamać", "łby",
        "w worku", "wyniesiemy", "zatłuczemy", "zlikwidować", "popamiętają", "pożałują", "pożałuje",
        "pożałujesz", "z pałką", "pałką", "pałkami", "kijami", "z kijem", "bejsbol*", "kastet*",
        "maczet*", "nogi z dupy", "wpierdol", "wpierdolimy", "dostaną wpierdol", "spuścić wpierdol",
        "oklep*", "skopać", "skopiemy", "zajebać", "zajebiemy", "zajebię", "niech się potopią",
        "niech zdychają", "zdychać", "niech zdechną", "zdechną", "oby utonęli", "niech utoną",
        "utopić ich", "za drutem", "za drutami", "drut kolczast*", "wysterylizować", "sterylizować",
        "zrobimy z nimi porządek", "porządek z nimi", "spalić ich", "podpalić im", "nauczkę",
        "dać nauczkę", "damy im nauczkę", "jeszcze poznają", "poznają co to", "z kijami", "połamię",
        "połamiemy", "połamie", "nauczą się co to", "zobaczą co to znaczy", "zatłukę", "zatłuczę",
        "podpalę", "spalę", "zastrzelę", "pobiję", "powieszę", "poderżnę", "zadźgam",
        "zadźgać", "spłynęli krwią", "spłyną krwią", "spłynęły krwią", "zalać krwią",
        "poderżnąć gardła", "zdech*", "niech umrą", "żeby umarli", "żeby wszyscy umarli",
        "żywcem", "napluć", "pod ścianą",
    ),
    "ar": (
        "اقتلو*", "قتلهم", "يجب قتل", "حرقهم", "احرقو*", "اباده*", "ابادتهم", "اعدامهم", "اعدموهم",
        "ليموتوا", "يموتوا", "اغرقو*", "ذبحهم", "اذبحو*", "اقتل*", "نقتل*", "ساقتل*", "سنقتل*",
        "هقتل*", "بقتل*", "اكسر*", "هكسر*", "نكسر*", "اضربهم", "نضربهم", "هضرب*", "رح اضرب*",
        "نحرق*", "سنحرق*", "احرق*", "اطلاق النار", "اطلقوا النار", "يطلق النار", "نطلق النار",
        "بالرصاص", "رصاصه", "بالعصا*", "نسحق*", "تكسير", "ليندم*", "سيندم*", "هيندم*", "حيندم*",
        "رح يندم*", "يندموا", "بيندموا", "معنا عصي", "بالعصي", "عصي", "عصايه", "بالعصايه",
        "الله يغرقهم", "الله ياخدهم", "الله يحرقهم", "نحرقهم", "نولع فيهم", "نولعها فيهم",
        "نكسر راسه*", "نكسرلهم", "نفرمهم", "نربيهم", "نعلمهم الادب", "هنربيهم", "رح نربيهم",
        "نأدبهم", "نادبهم", "تاديبهم", "علقوهم", "اشنقوهم", "يندبحوا", "ينذبحوا", "ندبحهم",
        "نذبحهم", "نموتهم", "هنموتهم", "اسلاك شائكه", "ورا الشبك", "يموتوا كلهم",
        "ان شاء الله يغرقوا", "يغرقوا كلهم", "يلعنهم",
        "رح يعرفوا شو يعني", "سيعرفون معنى", "هيعرفوا يعني ايه", "هيعرفوا يعني اي", "ساضرب*",
        "سنضرب*", "ساحرق*", "ساذبح*", "سنذبح*", "ساطعن*", "اطعنهم", "ينزفون", "ينزفوا",
        "اغراق", "ساسحق*", "القضاء عليهم", "ساقضي علي*", "اتمني لو يموت*", "اتمني ان يموت*",
        "اتمني موتهم", "ليتهم يموتون", "ينضربوا", "لحد ما يموت*", "حتي يموت*", "جلدهم",
        "يجب جلد", "ينبغي جلد", "ابصق في وجوه*", "اطلق النار", "حبسهم", "يجب حبس",
    ),
    "tr": (
        "öldür*", "yakın", "asın", "gebersin",
    ),
    "ru": (
        "убить", "убивать", "расстрелять", "сжечь", "повесить", "уничтожить",
    ),
    "uk": (
        "вбити", "вбивати", "розстріляти", "спалити", "повісити", "знищити",
    ),
    "ro": (
        "omorâți", "omorati", "împușcați", "ucideți", "să moară",
    ),
    "bg": (
        "убийте", "избийте", "застреляйте", "да умрат",
    ),
    "fa": (
        "بکشید", "کشتن", "اعدام",
    ),
}

HATE_TERMS: dict[str, tuple[str, ...]] = {
    "de": (
        "ich hasse", "hasse", "hasse diese", "hasse die", "hassen wir", "verachte", "ekelhaft*", "kotzen",
        "zum kotzen", "widern mich an", "widert mich an", "ekel", "ekelt", "mir wird schlecht",
        "wird mir schlecht", "könnte kotzen", "könnt kotzen", "nicht ausstehen",
        "kann sie nicht leiden", "kann die nicht leiden", "auf den sack",
        "gehen mir auf die nerven", "geht mir auf die nerven", "abscheu*", "hass auf",
        "verabscheue*", "verabscheuen", "kocht mir das blut", "kocht das blut", "blut kocht",
        "das blut in den adern", "zuwider", "ertrage sie nicht", "ertrage ihre", "ertrage die",
        "kann sie nicht ertragen", "kann die nicht ertragen", "ekelt mich", "ekeln mich",
        "ekelt mich an", "ekeln mich an", "nichts ekelt mich so", "nichts hasse ich so",
        "nichts widert mich so", "mir wird richtig schlecht", "mir wird übel", "wird mir übel",
        "wird mir richtig schlecht", "hasse sie", "hasse euch", "mein hass", "hasserfüllt",
        "widerwärtig*", "brechreiz", "könnte ich kotzen", "schnauze voll", "die schnauze voll",
        "geht mir gegen den strich", "platzt mir der kragen", "könnte ausrasten", "sehe rot",
        "hab die nase voll", "habe die nase voll", "nase voll von", "kann sie nicht mehr sehen",
        "kann die nicht mehr sehen", "mein hass auf", "nichts verabscheue ich so",
        "nichts verachte ich so", "widern sie mich an", "widern die mich an", "ichhasse",
    ),
    "en": (
        "i hate", "we hate", "hate them", "hate these", "hate those", "hate all", "despise",
        "can't stand", "sick of", "disgusted by", "sickens me", "make me sick", "makes me sick",
        "can't bear", "cannot stand",
    ),
    "fr": (
        "je hais", "je déteste", "déteste", "haïr", "marre des",
    ),
    "pl": (
        "nienawidzę", "nienawidzimy", "gardzę", "obrzydliw*", "odrażając*", "brzydzę", "mam dość",
        "mdli", "rzygać", "rzygam", "obrzydzenie*", "nie znoszę", "nie cierpię", "nie trawię",
        "wkurwiają", "wkurzają", "mam ich dość", "nie mogę na nich patrzeć", "krew mnie zalewa",
        "krew zalewa", "mnie krew zalewa", "nienawidz*", "brzydzi mnie", "brzydzą mnie",
        "brzydzę się", "budzą odrazę", "czuję odrazę", "obrzydzają", "obrzydza mnie",
        "rzygać mi się chce", "chce mi się rzygać", "szlag mnie trafia", "trafia mnie szlag",
        "wkurwia mnie", "wkurwiają mnie", "nie mogę patrzeć na", "nie mogę ich znieść",
        "nie znoszę ich", "nie cierpię ich", "nie trawię ich", "mam dość tych",
        "mam ich serdecznie dość", "mam serdecznie dość", "żygać", "rzygać się chce", "wstręt",
        "wstrętem", "wstrętni", "wstrętn*", "obrzydliwi", "wkurzają mnie", "denerwują mnie",
        "drażnią mnie", "niedobrze mi", "robi mi się niedobrze", "czystą nienawiść",
        "budzą nienawiść", "budzą we mnie", "czuję nienawiść", "brzydz*",
    ),
    "ar": (
        "اكره", "نكره", "اكرههم", "احتقر*", "مقرف*", "قرف", "اشمئزاز", "ما بتحمل*", "لا اتحمل*",
        "يقرف*", "مش طايق*", "ما بطيق*", "لا اطيق*", "انا بكره", "بكرههم", "بكرهم", "بكرهن",
        "بكرههن", "بكرهكم", "كرهتهم", "كرهتهن", "بنكرههم", "نكرههم", "يكرههم", "كرهي لل", "اكرههن",
        "نفور", "نفورا", "تثير في نفسي", "اشمئز*", "يشمئز*", "بقرف من", "بيقرفوني", "بيقرفني",
        "بتقرفني", "بقرفوني", "قرفانين", "قرفان من", "بحقد عل*", "حقدي", "امقت*", "ابغض*",
        "ما بطيقهم", "ما بطيقهن", "مش طايقهم", "ما بتحملهم", "ما بقدر اتحملهم", "ما اطيقهم",
        "لا اطيقهم", "الله يلعن*", "الله يقرفهم", "يقهروني", "بيقهروني", "دمي بيغلي", "دمي يغلي",
        "بيغلي دمي", "يغلي دمي", "يعصبوني", "بيعصبوني", "من كل قلبي اكره*", "الله يلعنهم",
        "يلعن ابوهم", "يلعن دينهم", "بالغثيان", "الغثيان",
    ),
    "tr": (
        "nefret ediyorum", "iğrenç*",
    ),
    "ru": (
        "ненавижу", "ненавидим", "презираю", "мерзк*", "отвратительн*",
    ),
    "uk": (
        "ненавиджу", "ненавидимо", "зневажаю", "огидн*",
    ),
    "ro": (
        "urăsc", "urasc", "dezgustător*",
    ),
    "bg": (
        "мразя", "мразим", "отвратителн*",
    ),
    "fa": (
        "متنفرم",
    ),
}

# negation words; "after" languages also negate after the predicate (tr değil, fa نیستند)
NEGATORS: dict[str, tuple[str, ...]] = {
    "de": (
        "nicht", "kein", "keine", "keinen", "keiner", "keines", "keinem", "nie", "niemals",
        "niemand", "weder", "nichts", "keineswegs", "keinesfalls",
    ),
    "en": (
        "not", "no", "never", "nobody", "neither", "nor", "isn't", "aren't", "don't", "doesn't",
        "won't", "shouldn't", "n't",
    ),
    "fr": (
        "ne", "n'", "pas", "jamais", "aucun", "aucune", "personne",
    ),
    "pl": (
        "nie", "żaden", "żadni", "żadna", "wcale", "nigdy", "nikt", "ani", "bynajmniej",
    ),
    "ar": (
        "ليس", "ليسوا", "ليست", "لسن", "لسنا", "غير", "لا", "لم", "لن", "ما", "مش", "مو", "موش",
    ),
    "tr": (
        "değil", "degil", "değiller", "hiç", "asla",
    ),
    "ru": (
        "не", "нет", "никогда", "ни",
    ),
    "uk": (
        "не", "ні", "ніколи", "жоден",
    ),
    "ro": (
        "nu", "niciodată", "nici",
    ),
    "bg": (
        "не", "никога", "нито",
    ),
    "fa": (
        "نه", "نیست", "نیستند", "هرگز",
    ),
}
# more generalising words and pronoun references that stand in for a group word
EXTRA_GENERALISING: dict[str, tuple[str, ...]] = {
    "de": (
        "alles", "sämtliche", "die ganzen", "das sind", "sie sind", "solche", "dieses volk",
        "diese typen", "immer so", "eigentlich alle",
    ),
    "en": (
        "they are", "they're", "them", "every single", "these", "those",
    ),
    "pl": (
        "to są", "oni są", "oni", "ci", "sami", "cały", "takich", "zawsze tacy",
        "wszyscy co do jednego",
    ),
    "ar": (
        "هم", "كل", "جميع", "امثالهم",
    ),
    "fr": (
        "ils sont", "ces", "tous des",
    ),
    "ru": (
        "они", "эти", "всех",
    ),
    "uk": (
        "вони", "ці", "всіх",
    ),
    "tr": (
        "onlar", "bunların",
    ),
}
# fmt: on
# German compounds: a group word may be the head of a compound (Drecksflüchtlinge, Asylmigranten)
COMPOUND_GROUP_HEADS = ("flüchtling", "migrant", "ausländer", "asylant", "moslem", "muslim")
NEGATION_AFTER = ("değil", "degil", "değiller", "nicht", "نیستند", "نیست")
NEGATION_WINDOW = 3  # words
# words that open a relative or subordinate clause: a negator after them is not the predicate's
CLAUSE_STARTERS = frozenset(
    (
        "was",
        "der",
        "die",
        "das",
        "wenn",
        "dass",
        "weil",
        "which",
        "that",
        "who",
        "co",
        "który",
        "ktore",
        "ktorzy",
        "ze",
        "اللي",
        "الذي",
        "الذين",
    )
)
# "nobody" anywhere earlier in the clause negates the hit ("Niemand sollte abgeschoben werden")
NEGATIVE_QUANTIFIERS = (
    "niemand",
    "keiner",
    "nobody",
    "no one",
    "nikt",
    "لا احد",
    "никто",
    "ніхто",
    "hiç kimse",
    "nimeni",
    "никой",
    "personne",
    "هیچ کس",
)
# a negated opinion or saying earlier in the clause negates the hits after it ("Ich glaube nicht,
# dass ...", "Nigdy nie mówiłem, że ...", "ما بظن إنو ...")
NEGATED_BELIEFS = (
    "ich glaube nicht",
    "ich denke nicht",
    "ich finde nicht",
    "ich behaupte nicht",
    "ich sage nicht",
    "habe nie gesagt",
    "hab nie gesagt",
    "habe nie behauptet",
    "i don't think",
    "i do not think",
    "i never said",
    "nie mówiłem",
    "nie mówiłam",
    "nie powiedziałem",
    "nie powiedziałam",
    "nie twierdzę",
    "nie uważam",
    "nie sądzę",
    "nie myślę",
    "ما بظن",
    "ما بعتقد",
    "ما اظن",
    "ما اعتقد",
    "لا اظن",
    "لا اعتقد",
    "مش شايف",
    "مش بظن",
    "ما قلت",
    "لم اقل",
    "nie zauważyłem",
    "nie zauważyłam",
    "nie widziałem",
    "nie widziałam",
    "habe nie erlebt",
    "hab nie erlebt",
    "habe nie gesehen",
    "never seen",
    "ما شفت",
    "لم ار",
    "لم الاحظ",
)
# an exceptive after a negator means "only" ("ما بيجيبوا غير الفوضى", "bringen nichts als Ärger"):
# Arabic exceptives after any negator a few words earlier, the others right after "nothing"
EXCEPTIVES_AR = ("غير", "الا", "سوى")
EXCEPTIVES = {
    "als": "nichts",
    "außer": "nichts",
    "ausser": "nichts",
    "poza": "nic",
    "oprocz": "nic",
    "but": "nothing",
}
# a hostile word placed right before a group word: "بكره السوريين" (I hate; also "tomorrow" alone),
# rhetorical questions that expect "no" ("Gibt es auch nur einen X, der ...?", "Jest w ogóle jakiś
# X, który ...?")
BEFORE_GROUP: dict[str, tuple[str, ...]] = {
    "hate": ("بكره", "بكرهو", "بنكره", "ich hasse alle", "nienawidzę wszystkich"),
    "devaluing": (
        "gibt es auch nur einen",
        "gibt es auch nur eine",
        "gibt es überhaupt einen",
        "gibt es überhaupt eine",
        "gibt es eigentlich auch nur einen",
        "gibt es eigentlich auch nur eine",
        "gibt es einen einzigen",
        "gibt es eine einzige",
        "jest w ogóle jakiś",
        "jest w ogóle jakaś",
        "czy jest choć jeden",
        "czy jest choć jedna",
        "czy jest chociaż jeden",
        "czy jest chociaż jedna",
        "jest choć jeden",
        "jest chociaż jeden",
        "czy jest w ogóle jakiś",
        "czy jest w ogóle jakaś",
    ),
}
# a negated copula after a group word ("Flüchtlinge sind keine ...", "ليسوا", "nie są")
NEGATED_COPULAS = (
    "sind nicht",
    "sind keine",
    "sind doch keine",
    "ist nicht",
    "ist kein",
    "ist keine",
    "are not",
    "aren't",
    "is not",
    "isn't",
    "nie są",
    "nie jest",
    "to nie",
    "ليسوا",
    "ليست",
    "ليس",
    "değil",
    "değiller",
    "nu sunt",
    "nu este",
    "не са",
    "не е",
    "ne sont pas",
    "не являются",
    "не є",
    "نیستند",
)
# harm that a negated statement spares the group from: "Kein Flüchtling verdient es zu sterben",
# "Nikt nie powinien krzywdzić uchodźców", "لا يستحق أي لاجئ أن يموت" are not hostile
HARM_TERMS = (
    "sterben", "leiden", "verletzt", "verletzen", "gewalt", "diskriminiert",
    "angegriffen", "getötet", "gequält", "den tod", "to die", "suffer", "harmed", "hurt",
    "discriminated", "attacked", "killed", "umrzeć", "umierać", "śmierć", "śmierci", "cierpieć",
    "krzywdzić", "skrzywdzić", "skrzywdzon*", "dyskryminowan*", "atakowan*", "يموت", "يموتوا",
    "الموت", "يعاني", "يعانوا", "ايذاء", "اذى", "يتاذى", "التمييز", "يقتل", "مرگ", "آسیب",
    "умереть", "страдать", "пострадать", "вмирати", "страждати", "să moară", "să sufere",
    "ölmeyi", "acı çekmeyi", "geschlagen", "beleidigt", "يضرب", "يهان", "pobity", "bity",
    "obrażany", "krzywd*",
)  # fmt: skip
# the speaker names themselves as one of the group ("Wir sind Geflüchtete aus Syrien", "Jesteśmy
# grupą uchodźców", "نحن لاجئون"): a group word right after these (one word may stand between)
# is self-description
SELF_TERMS = (
    "ich bin", "wir sind", "wir sind eine gruppe von", "i am", "i'm", "we are", "we're",
    "we are a group of", "jestem", "jesteśmy",
    "انا", "نحن", "احنا", "نحن مجموعه من", "je suis", "nous sommes", "я", "мы", "ми", "eu sunt",
    "noi suntem", "ben", "biz",
)  # fmt: skip
# praise of the group in the clause of a group word ("Migranten sind großartige Nachbarn", "Kocham
# moich sąsiadów imigrantów", "المهاجرون جيران رائعون"): not hostile when nothing hostile is left.
# Words used sarcastically about migrants in hostile posts ("Bereicherung", "willkommen", "toll",
# "Goldstücke") are left out.
PRAISE_TERMS = (
    "wunderbar*", "wundervoll*", "großartig*", "ich liebe", "wir lieben", "freue mich über",
    "freuen uns über", "dankbar für", "fleißig*", "hilfsbereit*", "freundlich*", "sympathisch*",
    "bewundere", "stolz auf", "schätze", "schätzen", "herzlich*", "gute nachbarn",
    "wonderful", "i love", "we love", "proud of", "grateful for", "hardworking", "hard-working",
    "friendly", "wspania*", "cudown*", "kocham", "uwielbiam", "świetn*", "życzliw*", "pracowi*",
    "serdeczn*", "dumni z", "dumna z", "dumny z", "cieszę się", "podziwiam", "przyjaźn*",
    "dobrzy sąsiedzi", "dobrymi sąsiadami", "رائع*", "احب", "نحب", "طيبين", "كرماء", "مجتهد*",
    "نفخر", "فخور*", "ممتن*", "لطفاء", "اغنوا", "اثروا", "يثرون", "يثري*", "anständig*",
    "wertvoll*", "przyzwoit*", "wartościow*", "porządn*", "uczciwi", "uczciwymi", "محترم*",
    "inteligentn*", "intelligent*", "klug", "kluge", "اذكياء", "ذكي*", "صادق*", "مفيد*", "يفيد*",
    "nützlich*", "pożyteczn*", "einen cent wert", "mile widzian*", "مرحب بهم", "mit aufgebaut",
    "ساهم*",
)  # fmt: skip
# praise right after a group word with a negative determiner ("Kein einziger Zuwanderer ist ein
# anständiger Mensch", "ولا لاجئ واحد إنسان محترم"): at most this many words between them; one word
# may stand between determiner and group word ("kein einziger")
PRAISE_AFTER_NEGATED_GROUP = 3
COMPARATIVE_LESS = ("weniger", "less", "mniej", "اقل")
NEGATIVE_DETERMINERS = frozenset(
    # folded: "żaden" -> "zaden"
    ("kein", "keine", "keinem", "keinen", "keiner", "keines", "no", "zaden", "zadna", "zadne",
     "zadnemu", "zadnego", "zadni", "ولا", "لا")
)  # fmt: skip
# a negated "deserve" spares the group from the harm named after it ("Kein Asylbewerber verdient
# es, geschlagen zu werden", "Żaden migrant nie zasługuje na to, żeby go pobić")
DESERVE_TERMS = (
    "verdient", "verdienen", "deserve", "deserves", "zasługuje", "zasługują", "يستحق", "يستحقون",
    "заслуживает", "заслуговує", "merită",
)  # fmt: skip
# German separable verbs of violence with the object between verb and particle ("Ich schlage
# jeden Migranten zusammen", "steche ihn ab"): verb forms, then particles (folded, no umlauts)
SEPARABLE_VIOLENCE = (
    (("schlag", "schlage", "schlagen", "prugel", "prugle", "prugeln", "tret", "trete", "treten"),
     ("zusammen", "tot", "nieder", "krankenhausreif")),
    (("stech", "steche", "stechen", "knall", "knalle", "knallen", "murks", "murkse"), ("ab",)),
    (("mach", "mache", "machen"), ("kalt",)),
)  # fmt: skip
# words between a self-description cue and a group word that make it a stance, not a self-description
# ("Wir sind für islamische Kindergärten", "Ich bin gegen Migranten")
SELF_STANCE_WORDS = (
    "für", "gegen", "for", "against", "za", "przeciw", "przeciwko", "ضد", "مع", "pour", "contre",
    "nicht", "kein", "keine", "not", "no", "nie", "لست", "لسنا", "за", "против", "pentru", "contra",
)  # fmt: skip
# the group is the victim in this clause: devaluing words describe others ("Opfer von Kriminellen")
VICTIM_TERMS = (
    "opfer",
    "victim*",
    "ofiar*",
    "ofiarą",
    "ضحايا",
    "ضحيه",
    "жертв*",
    "жертвами",
    "kurban*",
    "victime*",
    "victimă",
    "victime",
)
# a news or statistics clause: devaluing words report a charge or a figure ("Die Polizei ermittelt
# wegen Diebstahls", "Zahl krimineller Zuwanderer gesunken"), they do not devalue the group
NEWS_TERMS = (
    "polizei",
    "staatsanwaltschaft",
    "gericht",
    "statistik",
    "laut",
    "zahl der",
    "zahl krimineller",
    "police",
    "court",
    "according to",
    "statistics",
    "policja",
    "policji",
    "sąd",
    "według",
    "liczba",
    "statystyk*",
    "الشرطه",
    "المحكمه",
    "وفق",
    "حسب",
    "عدد",
    "احصاء*",
)
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
_HARM = _phrase_pattern(HARM_TERMS)
_PRAISE = _phrase_pattern(PRAISE_TERMS)
_DESERVE = _phrase_pattern(DESERVE_TERMS)
_SEPARABLE_VERBS = frozenset(v for verbs, _ in SEPARABLE_VIOLENCE for v in verbs)
_SEPARABLE_PARTICLES = frozenset(p for _, particles in SEPARABLE_VIOLENCE for p in particles)
_SEPARABLE = re.compile(
    "|".join(
        rf"(?<!\w)(?:{'|'.join(verbs)})(?: \w+){{1,4}} (?:{'|'.join(particles)})(?!\w)"
        for verbs, particles in SEPARABLE_VIOLENCE
    )
)

_NEWS = _phrase_pattern(NEWS_TERMS)


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


# short words that may run into a group word when a space is dropped ("dieflüchtlinge")
GLUE_WORDS = (
    "die", "diese", "alle", "sind", "the", "all", "are", "te", "ci", "to", "są", "wszyscy", "les",
    "tous",
)  # fmt: skip


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
# a Polish cue that carries its own negation: a negator before it is negative concord, not a
# second negation ("Uchodźcy nie są nic warci", "Żaden cudzoziemiec nie jest wart złamanego grosza")
CONCORD_STARTS = ("nic ", "nie ")


ARABIC_SPLIT_PARTS = 3  # "الأ جا نب": a group word split into at most this many parts


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
                if len(parts) == k and all(_ARABIC.match(w) for w in parts):
                    if _group_word(group, "".join(parts)) and not _group_word(group, parts[-1]):
                        joined_to = i + k - 1
                        break
        out.append("".join(words[i : joined_to + 1]))
        i = joined_to + 1
    return " ".join(out)


ARABIC_ENDINGS = ("", "ين", "ون", "ات", "ه", "ي", "ا")


def _group_word(group: re.Pattern[str], word: str) -> bool:
    """``word`` is a group word: a cue, or a stem with a plural or case ending."""
    m = group.match(word)
    return m is not None and word[m.end() :] in ARABIC_ENDINGS


def _strip_ar(word: str) -> str:
    """An Arabic word without the conjunctions wa-/fa- ("ولا" -> "لا")."""
    return word[1:] if len(word) > 2 and word[0] in "\u0648\u0641" else word


def _negator_before(words: list[str]) -> bool:
    """One of the last few words is a negator."""
    negators = _negator_set()
    return any(
        w in negators or _strip_ar(w) in negators or w.endswith("n't")
        for w in words[-NEGATION_WINDOW:]
    )


def _negated(norm: str, start: int, end: int, table: str = "") -> bool:
    """A negator among the few words before the hit, "nobody", a negated opinion or a negated
    "deserve" earlier in the clause, or (for languages that negate after the predicate) a negator
    right after it; not when the negator is followed by an exceptive ("nothing but"). A slur is not
    negated by what follows it ("Ich kann diese Kanaken nicht mehr sehen"); a hate word is negated
    by a German "nicht" that ends the clause ("Ich hasse Migranten überhaupt nicht")."""
    if norm.startswith(CONCORD_STARTS, start):
        return False
    words = norm[:start].split()
    if _exceptive(words + norm[start:end].split()[:1]):
        return False
    if _negator_before(words):
        return True
    if _NOBODY.search(norm[:start]):
        return True
    if table in ("violence", "harm") and any(
        _negator_before(norm[: m.start()].split()) for m in _DESERVE.finditer(norm, 0, start)
    ):
        return True
    if table in ("slur", "dehumanising", "exclusion"):
        return False
    rest = norm[end:].split()
    if table == "hate" and rest[-1:] == ["nicht"] and rest[-2:-1] != ["oder"]:
        return True
    following = rest[:2]
    if following[:1] and following[0] in CLAUSE_STARTERS:
        return False  # "klauen alles, was nicht ...": the negator belongs to a relative clause
    if len(following) > 1 and following[1] in CLAUSE_STARTERS:
        following = following[:1]
    return any(w in _negation_after() for w in following)


@lru_cache(maxsize=1)
def _negation_after() -> frozenset[str]:
    return frozenset(_fold(w) for w in NEGATION_AFTER)


def find_hits(text: str) -> dict[str, list[tuple[str, bool]]]:
    """Hits per table: ``{table: [(matched text, negated), ...]}``, clause by clause.

    ``negated_copula`` holds the negated copulas that follow a group word in the same clause;
    ``spared`` the harm words of a clause whose group word or harm word is negated ("Kein
    Flüchtling verdient es zu sterben"); ``self`` a speaker naming themselves as one of the group
    ("Wir sind Geflüchtete"); ``praised`` praise in the clause of a group word ("Migranten sind
    großartige Nachbarn"). All count as negated when nothing hostile is left.
    """
    out: dict[str, list[tuple[str, bool]]] = {name: [] for name in _HIT_TABLES}
    out["negated_copula"] = []
    out["spared"] = []
    out["self"] = []
    out["praised"] = []
    arabizi = _looks_arabizi(str(text))
    for clause in _CLAUSE.split(str(text)):
        norm = _speller().repair(_fold(clause))
        if not norm:
            continue
        if _ARABIC.search(norm):
            norm = _join_split_arabic(norm)
        first_group = None
        group_spans: list[tuple[int, int, bool]] = []  # start, end, negated
        determined: list[int] = []  # ends of group words after a negative determiner
        victim = bool(_VICTIM.search(norm) or _NEWS.search(_OWN_VIEW.sub(" ", norm)))
        for name in _HIT_TABLES:
            for m in _table_pattern(name).finditer(norm):
                if victim and name == "devaluing":
                    continue  # victim or news clause: neither hostile nor negated

                out[name].append((m.group(0), _negated(norm, m.start(), m.end(), name)))
                if name == "group":
                    group_spans.append((m.start(), m.end(), out[name][-1][1]))
                    if NEGATIVE_DETERMINERS.intersection(norm[: m.start()].split()[-2:]):
                        determined.append(m.end())
                    first_group = m.end() if first_group is None else first_group
        words = frozenset(norm.split())
        if not (_SEPARABLE_VERBS.isdisjoint(words) or _SEPARABLE_PARTICLES.isdisjoint(words)):
            for m in _SEPARABLE.finditer(norm):
                out["violence"].append((m.group(0), _negated(norm, m.start(), m.end(), "violence")))
        for name, pattern in _before_group_patterns():
            for m in pattern.finditer(norm):
                out[name].append((m.group(0), _negated(norm, m.start(), m.end())))
        if first_group is not None:
            out["negated_copula"] += [
                (m.group(0), True)
                for m in _NEG_COPULA.finditer(norm, first_group)
                if norm[m.end() :].split()[:1] not in ([w] for w in _EXCEPTIVES_AR)
            ]  # "ليسوا سوى جرذان" (nothing but rats) is not negated
            group_negated = any(neg for _, _, neg in group_spans)
            out["spared"] += [
                (m.group(0), True)
                for m in _HARM.finditer(norm)
                if group_negated or _negated(norm, m.start(), m.end(), "harm")
            ]
            out["self"] += [(m.group(0), True) for m in _self_pattern().finditer(norm)]
            for m in _PRAISE.finditer(norm):
                if norm[: m.start()].split()[-1:] in ([w] for w in COMPARATIVE_LESS):
                    continue  # "nicht weniger fleißig als": a comparison, neither praise nor blame
                after_negated_group = any(
                    end <= m.start()
                    and len(norm[end : m.start()].split()) <= PRAISE_AFTER_NEGATED_GROUP
                    for end in determined
                )
                if after_negated_group or _negated(norm, m.start(), m.end()):
                    out["devaluing"].append((m.group(0), False))  # "nie jest przyzwoitym"
                else:
                    out["praised"].append((m.group(0), True))
        if arabizi:
            for name, hit, negated in _arabizi_hits(normalise(clause)):
                out[name].append((hit, negated))
    return out


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
# Arabizi spellings whose Arabic cue has a skeleton too short to match (hamza, long vowels)
ARABIZI_TERMS: dict[str, tuple[str, ...]] = {
    "group": (
        "laje2*",
        "lage2*",
        "laji2*",
        "la2je2*",
        "mohajer*",
        "muhajir*",
        "m7ajr*",
        "ajaneb",
        "aganeb",
        "soriyeen",
        "souriyin",
        "soriyin",
        "sooriyeen",
        "afghan*",
        "sudaniyeen",
        "sodaniyeen",
        "masriyeen",
        "afar2a",
        "afare2a",
        "afaree2a",
        "nawar",
        "ghajar",
        "8ajar",
    ),
    "negators": ("mish", "mesh", "msh", "mush", "mosh", "ma", "mo", "la", "lays", "lam", "lan"),
}


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
    """``(hostility_evidence(text), negated_hostility(text))`` in one pass.

    Hostility only inside quotation marks, with some words of the speaker's own outside them, is
    mentioned rather than used ("„Ausländer raus“ – so etwas darf man nicht sagen") and counts as
    negated; so does hostility quoted and condemned ("Zu sagen „… sind Abschaum“ ist widerlich"),
    where the condemning word would otherwise count as the speaker's own hostility.
    """
    if not text or not str(text).strip():
        return 0.0, False
    text = str(text)
    outside = _QUOTED.sub(" ", text)
    if outside != text and len(outside.split()) >= 2:
        quoted = _features(text)
        own = _features(_without_denouncing(outside))
        if own[0] == 0.0 and quoted[0] > 0.0:
            return 0.0, True
        return quoted if own[0] > 0.0 else own
    return _features(text)


def _without_denouncing(text: str) -> str:
    """``text`` clause by clause, normalised, without the speaker's condemning words."""
    denouncing = cue_pattern("denouncing")
    return ". ".join(denouncing.sub(" ", normalise(clause)) for clause in _CLAUSE.split(text))


def _features(text: str) -> tuple[float, bool]:
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
    return score, bool(negated)


def hostility_evidence(text: str) -> float:
    """Lexical evidence that a text is hostile towards a group, in [0, 1].

    1.0: a dehumanising word, a slur, a call for violence or expulsion together with a group word
    or a generalising word; 0.7-0.9: a devaluing word or hatred together with a group word (more
    with a generalising word); lower without a group. Negated hits ("sind keine Verbrecher",
    "nie są przestępcami", "ليسوا مجرمين") do not count.
    """
    return hostility_features(text)[0]


def negated_hostility(text: str) -> bool:
    """True when every hostile word of a text is negated ("sind keine Verbrecher", "Niemand sollte
    abgeschoben werden") or a copula after a group word is ("Flüchtlinge sind nicht ...") and
    nothing hostile is left."""
    return hostility_features(text)[1]
