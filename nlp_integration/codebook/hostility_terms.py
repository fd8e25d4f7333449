"""Word tables and rule constants of the hostility layer (:mod:`.hostility`): data only.

A cue ending in ``*`` is a stem; other cues end at a word boundary; Arabic cues may carry the
proclitics و ف ب ل ك and the article ال. Cues are compared after :func:`.hostility._fold`
(lower case, Latin diacritics dropped, Arabic letters folded). Add a language by adding a tuple.
"""

from __future__ import annotations

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
        "nicht zu trauen", "taugen nichts", "stinken",
        "geld nachzählen", "dein geld nach",
        "am arsch lecken",
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
        "chuj*", "jeban*", "przelicz pieniądze",
        "przeliczyć pieniądze",
        "pocałować w dupę", "nie jest wart złamanego grosza",
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
        "لا يساوون شيئا", "عد نقودك", "عديمو القيمه", "عديمي القيمه",
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
        "ins gesicht spucken", "lebend rauskommt", "knochen brechen",
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
        "podpalę", "zastrzelę", "pobiję", "powieszę", "poderżnę", "zadźgam",
        "zadźgać", "spłynęli krwią", "spłyną krwią", "spłynęły krwią", "zalać krwią",
        "poderżnąć gardła", "zdech*", "niech umrą", "żeby umarli", "żeby wszyscy umarli",
        "napluć",
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
        "رح يعرفوا شو يعني", "سيعرفون معنى", "هيعرفوا يعني ايه", "هيعرفوا يعني اي",
        "سنضرب*", "ساحرق*", "ساذبح*", "سنذبح*", "ساطعن*", "اطعنهم",
        "اغراق", "ساسحق*", "القضاء عليهم", "ساقضي علي*", "اتمني لو يموت*", "اتمني ان يموت*",
        "اتمني موتهم", "ليتهم يموتون", "لحد ما يموت*",
        "يجب جلد", "ينبغي جلد", "ساطلق النار", "سنطلق النار", "ساضربهم",
        "ساضرب اي", "ساضرب كل", "لازم ينضربوا", "spalić żywcem", "palić żywcem", "pogrzebać żywcem",
        "postawić pod ścianą", "pod ścianę z nimi", "ابصق في وجوه*", "يجب حبس",
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
        "kann sie nicht ertragen", "kann die nicht ertragen", "nicht ertragen", "ekelt mich", "ekeln mich",
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
        "يلعن ابوهم", "يلعن دينهم", "تصيبني بالغثيان", "يصيبني بالغثيان", "اشعر بالغثيان",
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

# German compounds: a group word may be the head of a compound (Drecksflüchtlinge, Asylmigranten)
COMPOUND_GROUP_HEADS = ("flüchtling", "migrant", "ausländer", "asylant", "moslem", "muslim")

NEGATION_AFTER = ("değil", "degil", "değiller", "nicht", "نیستند", "نیست")

NEGATION_WINDOW = 3  # words
# a slur is negated only by a negator right before it or its article ("sind keine Kanaken"), not
# by one further off that negates something else ("setz mich doch nicht neben einen N…")
SLUR_NEGATION_WINDOW = 2

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
        "ktory",
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
    "exclusion": ("nie chcę żadnych", "nie chcemy żadnych"),
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
    "bewundere", "stolz auf", "herzlich*", "gute nachbarn",
    "wonderful", "i love", "we love", "proud of", "grateful for", "hardworking", "hard-working",
    "friendly", "wspania*", "cudown*", "kocham", "uwielbiam", "świetn*", "życzliw*", "pracowi*",
    "serdeczn*", "dumni z", "dumna z", "dumny z", "cieszę się", "podziwiam", "przyjaźn*",
    "dobrzy sąsiedzi", "dobrymi sąsiadami", "رائع*", "احب", "نحب", "طيبين", "كرماء", "مجتهد*",
    "نفخر", "فخور*", "ممتن*", "لطفاء", "anständig*",
    "przyzwoit*", "wartościow*", "porządn*", "uczciw*", "محترم*", "امين", "امينين", "امناء",
    "vertrauenswürdig*", "zuverlässig*", "godni zaufania", "التقدير", "اجدع",
    "inteligentn*", "intelligent*", "klug", "kluge", "اذكياء", "ذكي*", "صادق*", "مفيد*", "يفيد*",
    "nützlich*", "pożyteczn*", "einen cent wert", "mile widzian*", "مرحب بهم", "mit aufgebaut",
    "ساهم*",
)  # fmt: skip

# praise right after a group word with a negative determiner ("Kein einziger Zuwanderer ist ein
# anständiger Mensch", "ولا لاجئ واحد إنسان محترم"): at most this many words between them; one word
# may stand between determiner and group word ("kein einziger")
PRAISE_AFTER_NEGATED_GROUP = 3

# negated praise counts as devaluation only this close after a group word, with no clause starter
# between ("Ich kenne keinen Flüchtling, der nicht freundlich ist" is neither)
PRAISE_REACH = 5

COMPARATIVE_LESS = ("weniger", "less", "mniej", "اقل")

NOT_ONLY = frozenset(("nur", "only", "tylko", "فقط"))  # "nicht nur fleißig": no negation

NEGATIVE_DETERMINERS = frozenset(
    # folded: "żaden" -> "zaden"
    ("kein", "keine", "keinem", "keinen", "keiner", "keines", "zaden", "zadna", "zadne",
     "zadnemu", "zadnego", "zadni", "ولا")
)  # fmt: skip

# a word that may stand between a negative determiner and its group word ("kein einziger")
SINGLE_WORDS = frozenset(
    ("einziger", "einzige", "einzigen", "einziges", "single", "jeden", "jedna")
)

# a negated "deserve" spares the group from the harm named right after it (at most this many
# words, no clause starter between): "Kein Asylbewerber verdient es, geschlagen zu werden",
# "Żaden migrant nie zasługuje na to, żeby go pobić"
DESERVE_REACH = 6

DESERVE_TERMS = (
    "verdient", "verdienen", "deserve", "deserves", "zasługuje", "zasługują", "يستحق", "يستحقون",
    "заслуживает", "заслуговує", "merită",
)  # fmt: skip

# German separable verbs of violence in the first person, the object between verb and particle,
# the particle ending the clause ("Ich schlage jeden Migranten zusammen, der …", "steche ihn ab"):
# verb forms, then particles (folded, no umlauts). Plural and other persons are left out:
# "Die Vertreter treten zusammen", "Läden stechen ab", "schlagen die Zeit tot".
SEPARABLE_VIOLENCE = (
    (("schlag", "schlage", "prugel", "prugle"), ("zusammen", "tot", "nieder", "krankenhausreif")),
    (("stech", "steche", "knall", "knalle", "murks", "murkse"), ("ab",)),
    (("mach", "mache"), ("kalt",)),
)  # fmt: skip

CLAUSE_FINAL_REACH = 8  # words from a hate word to a clause-final "nicht"

# prepositions that make a group word before a reference cue its object ("Wer gegen Asylbewerber
# hetzt", "über Ausländer herziehen"), not the subject of the words referred to ("Nie będziemy
# tolerować imigrantów, którzy obrażają …")
OBJECT_PREPOSITIONS = frozenset(
    # folded: "über" -> "uber"
    ("gegen", "uber", "auf", "fur", "against", "about", "towards", "toward", "on", "na", "o",
     "wobec", "przeciw", "przeciwko", "do", "على", "ضد", "عن", "تجاه", "بحق", "wer", "who", "kto")
)  # fmt: skip

# "als"/"as" right after a group word makes it the object too ("Flüchtlinge als Parasiten zu
# bezeichnen …", "nazywanie uchodźców jako …")
OBJECT_AFTER = frozenset(("als", "as", "jako"))

# Arabic verbs that make "لا"/"ما" before them mean "still", not "not" (folded)
STILL_VERBS_AR = frozenset(("يزال", "تزال", "زال", "زالوا", "يزالون", "زالت"))

# German conjunctions that start a new clause: a "nicht" after them is not the hate word's
CONJUNCTIONS = frozenset(("denn", "aber", "und", "sondern", "doch", "oder"))

# Polish words in negative concord with a following "nie": not a second negation
CONCORD_WORDS = frozenset(
    (
        "nigdy",
        "nikt",
        "nic",
        "ani",
        "wcale",
        "zaden",
        "zadna",
        "zadne",
        "zadni",
        "zadnemu",
        "zadnego",
    )
)

# tables whose hits a negator after them does not negate: nouns and phrases, not predicates
NOT_NEGATED_AFTER = frozenset(("slur", "dehumanising", "exclusion", "praise", "consequence"))

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

# authorities and institutions whose actions news reports ("Die Bundesregierung will Abschiebungen
# …", "Straż Graniczna zatrzymała …"): a group named in such a clause, or in a news or victim
# clause, is reported on; the hostility direction (classifiers.py) is not applied to it
NEWS_ACTORS = (
    "regierung", "bundesregierung", "ministerium", "innenministerium", "behörde", "behörden",
    "bundespolizei", "grenzschutz", "staatsanwaltschaft", "vor gericht", "bundestag", "landtag",
    "stadtrat", "rząd", "ministerstwo", "straż graniczna", "straży granicznej", "prokuratura",
    "sejm", "urząd", "sąd", "government", "ministry", "border officers", "border guards",
    "court", "parliament", "الحكومه", "وزاره", "حرس الحدود", "النيابه", "البرلمان", "المحكمه",
    "البلديه", "hükümet", "polis", "правительство", "полиция", "суд",
)  # fmt: skip
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

# short words that may run into a group word when a space is dropped ("dieflüchtlinge")
GLUE_WORDS = (
    "die", "diese", "alle", "sind", "the", "all", "are", "te", "ci", "to", "są", "wszyscy", "les",
    "tous",
)  # fmt: skip

# a Polish cue that carries its own negation: a negator before it is negative concord, not a
# second negation ("Uchodźcy nie są nic warci", "Żaden cudzoziemiec nie jest wart złamanego grosza")
CONCORD_STARTS = ("nic ", "nie ")

ARABIC_SPLIT_PARTS = 3  # "الأ جا نب": a group word split into at most this many parts

ARABIC_ENDINGS = ("", "ين", "ون", "ات", "ه", "ي", "ا")

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
# fmt: on

# Implicit devaluation: a group's arrival or presence, then what the speaker does or expects
# because of it ("Seit die Flüchtlinge hier wohnen, schließe ich das Auto ab", "W klatce obok
# zamieszkali Ukraińcy. Dobrze, że wymieniłem zamki", "سكن عمال آسيويون جنبنا. اشتريت قفلاً").
# A group word and an arrival word in one sentence, a consequence word in it or in the next two,
# count as a devaluing hit. Both lists are folded like the texts.
ARRIVAL_TERMS = (
    # de
    "eingezogen", "einziehen", "ziehen ein", "zieht ein", "wohnen jetzt", "wohnt jetzt",
    "hier wohnen", "hier sind", "da sind", "gekommen", "kamen die", "kamen", "seit die", "seitdem",
    "unterkunft für", "heim für", "vermietet", "unterkommen", "untergebracht", "als nachbarn",
    "in der nachbarschaft", "in der firma", "im haus",
    # pl
    "zamieszkal*", "wprowadzil*", "wprowadzi sie", "odkad", "przyjechal*", "przyszli",
    "pojawili sie", "osrodek", "osrodka", "przyjac", "umiescil*", "za sasiada", "w okolicy",
    "mieszkaja", "kupili dom", "w firmie",
    # ar (folded)
    "منذ", "سكن", "سكنوا", "يسكنوا", "يسكنون", "نزلت", "نقلوا", "جاء", "جاءوا", "جاؤوا", "وصلوا",
    "فتحوا", "فتح", "جارك", "في الحي", "سكن للاجيين", "مركز للمهاجرين", "في الشغل",
)  # fmt: skip
CONSEQUENCE_TERMS = (
    # de
    "schliesse ich", "abschliessen", "doppelt ab", "immer ab", "nicht mehr raus",
    "nicht mehr hin", "nicht mehr spielen", "makler", "wegziehen", "privatschule",
    "umweg", "versicherung", "wechselgeld", "kasse nach", "reinholen",
    "kamera*", "hauspreise", "wert unserer", "dichtmachen", "traut sich", "schlosser",
    # pl
    "zamki", "zamykam", "zamykaj", "klodk*", "kamery", "przeprowadzk*", "ceny mieszkan",
    "odbieram go", "ubezpieczone", "torebki", "przelicz", "boi sie wychodzic", "nie ma mowy",
    "wymienic zamki",
    # ar
    "قفل", "اقفل", "بالقفل", "نسكر", "كاميرات", "اسعار البيوت", "نوصل البنات", "بانفسنا",
    "عد الفلوس", "تجرو علي الخروج", "مش هتنزل", "ابواب حديد", "ربنا يستر", "تقفل",
)  # fmt: skip
CONSEQUENCE_REACH = 2  # sentences after the one with the group and its arrival
