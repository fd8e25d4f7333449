"""A small hand-written challenge set for ``prejudice``: hostile vs counter-speech, negation, neutral.

Written for this project (not taken from any data set), 8 texts per language (de, ar, pl) and class:
``hostile`` (generalising devaluation, dehumanising words, calls for expulsion), ``counter``
(quoted and rejected prejudice, counter-speech), ``negated`` (the devaluing claim is negated) and
``neutral`` (news-like mentions, needs of migrants, positive statements). Only ``hostile`` is
prejudice. The same person wrote this set and the lexical tables of ``hostility.py``, so it is a
sanity check of the mechanism, not an independent measurement; the shared-data figures in
docs/classification.md are the held-out ones.

The fast tests check the lexical layer alone; the slow test runs the default codebook model with
the real embedder and requires macro-F1 >= 0.8 per language.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from nlp_integration.codebook.hostility import find_hits, hostility_evidence, negated_hostility
from nlp_integration.codebook.lexical import counter_speech_strength

CHALLENGE: dict[str, dict[str, list[str]]] = {
    "de": {
        "hostile": [
            "Die Flüchtlinge sind alle kriminell.",
            "Asylanten sind Schmarotzer, die von unseren Steuern leben.",
            "Diese Migranten sind doch nur Ungeziefer.",
            "Ausländer raus, die haben hier nichts verloren!",
            "Alle Syrer sollen sofort abgeschoben werden.",
            "Muslime sind von Natur aus gewalttätig.",
            "Mit den Flüchtlingen kamen Dreck und Gewalt in unser Viertel, typisch für dieses Volk.",
            "Ich hasse diese Ausländer, die sollen verschwinden.",
        ],
        "counter": [
            "Es stimmt nicht, dass die Flüchtlinge alle kriminell sind.",
            "Man hört oft, Migranten wollten nicht arbeiten – das ist ein Vorurteil.",
            "Wer Geflüchtete als Ungeziefer bezeichnet, betreibt Hetze.",
            "Sätze wie „Ausländer raus“ haben in unserem Viertel keinen Platz.",
            "Die Behauptung, Muslime seien gewalttätig, ist schlicht falsch.",
            "Ich widerspreche, wenn jemand sagt, Asylbewerber lebten nur vom Staat.",
            "Es ist rassistisch, alle Syrer über einen Kamm zu scheren.",
            "Mein Kollege meint, die Afghanen seien faul. Das stimmt nicht, ich kenne viele fleißige.",
        ],
        "negated": [
            "Nicht alle Flüchtlinge sind kriminell.",
            "Die Geflüchteten in unserer Straße sind keine Verbrecher.",
            "Migranten sind nicht faul, sie arbeiten oft in zwei Jobs.",
            "Muslime sind nicht gefährlicher als andere Menschen.",
            "Asylbewerber sind keine Schmarotzer.",
            "Die meisten Ausländer hier sind nicht kriminell.",
            "Niemand sollte wegen seiner Herkunft abgeschoben werden.",
            "Syrer sind nicht weniger fleißig als Deutsche.",
        ],
        "neutral": [
            "In der Turnhalle wohnen seit März sechzig Geflüchtete aus Afghanistan.",
            "Die Stadt sucht Wohnungen für Flüchtlingsfamilien.",
            "Viele Migrantinnen wünschen sich Deutschkurse mit Kinderbetreuung.",
            "Der Integrationsrat tagt am Donnerstag im Rathaus.",
            "Geflüchtete brauchen schnellere Termine bei der Ausländerbehörde.",
            "Laut Statistik kamen im letzten Jahr weniger Asylbewerber nach Bonn.",
            "Die Moschee lädt zum Tag der offenen Tür ein.",
            "Unsere neuen Nachbarn aus Syrien haben uns zum Essen eingeladen.",
        ],
    },
    "ar": {
        "hostile": [
            "اللاجئون كلهم مجرمون.",
            "هؤلاء المهاجرون حشرات يجب التخلص منهم.",
            "يجب ترحيل كل الأجانب من بلادنا فوراً.",
            "السوريون لصوص وكسالى ولا يريدون العمل.",
            "اللاجئون عالة على المجتمع ويعيشون على حسابنا.",
            "الأفارقة متخلفون ولا يعرفون النظافة.",
            "أكره هؤلاء اللاجئين، ليرجعوا إلى بلادهم.",
            "المهاجرون سبب كل المشاكل والجرائم في المدينة.",
        ],
        "counter": [
            "ليس صحيحاً أن اللاجئين كلهم مجرمون.",
            "يقولون إن المهاجرين كسالى، لكن هذا غير صحيح.",
            "وصف اللاجئين بالحشرات خطاب كراهية مرفوض.",
            "من الظلم أن نتهم كل السوريين بالسرقة بسبب شخص واحد.",
            "هذه صورة نمطية عن الأفارقة ولا أساس لها.",
            "لا يجوز التعميم على كل الأجانب.",
            "كثيرا ما نسمع أن اللاجئين عبء، وهذه أكذوبة.",
            "أرفض كلام من يقول إن المهاجرين سبب الجرائم، هذا تحيز.",
        ],
        "negated": [
            "ليس كل اللاجئين مجرمين.",
            "اللاجئون ليسوا مجرمين.",
            "المهاجرون ليسوا كسالى، بل يعملون بجد.",
            "السوريون في حينا ليسوا لصوصاً.",
            "الأجانب ليسوا عبئاً على المدينة.",
            "لا أحد يجب أن يُطرد بسبب أصله.",
            "المسلمون ليسوا خطراً على أحد.",
            "ليس جميع المهاجرين متشابهين.",
        ],
        "neutral": [
            "وصل مئتا لاجئ إلى المدينة هذا الشهر.",
            "تبحث البلدية عن مساكن للعائلات اللاجئة.",
            "يحتاج كثير من المهاجرين إلى دورات لغة مسائية.",
            "افتتح مركز استشارات جديد للاجئين في وسط المدينة.",
            "تعيش في حينا عائلات من سوريا والعراق وأفغانستان.",
            "يطالب اللاجئون بتسريع إجراءات الاعتراف بشهاداتهم.",
            "نظمت الجالية السورية حفلاً للجيران يوم السبت.",
            "أعلنت الحكومة عن برنامج جديد لتشغيل المهاجرين.",
        ],
    },
    "pl": {
        "hostile": [
            "Uchodźcy to sami przestępcy.",
            "Imigranci to pasożyty, które żyją z naszych podatków.",
            "Wszyscy muzułmanie to terroryści.",
            "Wyrzucić tych imigrantów z kraju, niech wracają do siebie!",
            "Ci cudzoziemcy to brudasy i złodzieje.",
            "Uchodźcy to robactwo, nie chcemy ich tutaj.",
            "Nienawidzę tych imigrantów, przynoszą tylko przestępczość.",
            "Arabowie są leniwi i nigdy się nie zintegrują.",
        ],
        "counter": [
            "Nieprawda, że uchodźcy to przestępcy.",
            "Mówi się, że imigranci żyją z zasiłków, ale to mit.",
            "Nazywanie uchodźców robactwem to mowa nienawiści.",
            "Nie zgadzam się, że wszyscy muzułmanie to terroryści.",
            "To stereotyp, że cudzoziemcy kradną.",
            "Hasła typu „won z imigrantami” są haniebne i trzeba im się przeciwstawiać.",
            "Podobno Ukraińcy zabierają nam pracę, ale to kłamstwo – brakuje rąk do pracy.",
            "Uogólnianie, że Arabowie są leniwi, jest krzywdzące.",
        ],
        "negated": [
            "Nie wszyscy uchodźcy są przestępcami.",
            "Uchodźcy nie są przestępcami.",
            "Imigranci nie są leniwi, wielu pracuje ponad siły.",
            "Muzułmanie w naszym mieście nie są terrorystami.",
            "Cudzoziemcy nie są złodziejami.",
            "Nikt nie powinien być wyrzucany z kraju z powodu pochodzenia.",
            "Ukraińcy wcale nie zabierają nam pracy.",
            "Nie każdy imigrant żyje z zasiłku.",
        ],
        "neutral": [
            "Do miasta przyjechało w tym miesiącu stu uchodźców z Ukrainy.",
            "Gmina szuka mieszkań dla rodzin uchodźców.",
            "Wielu imigrantów potrzebuje kursów języka niemieckiego wieczorem.",
            "W naszym bloku mieszkają rodziny z Syrii i z Afganistanu.",
            "Nowy punkt doradztwa dla cudzoziemców otwarto przy dworcu.",
            "Migranci chcą szybszego uznawania swoich dyplomów.",
            "Muzułmańska wspólnota zaprosiła sąsiadów na kolację.",
            "Według danych urzędu liczba wniosków o azyl spadła.",
        ],
    },
}

# Written after the first version of the lexical layer, to measure it without tuning: macro-F1
# of the default model was 0.72 (de 0.72, ar 0.73, pl 0.70) at first sight, 0.57 without the
# hostility layer. Its errors then led to more counter-speech cues (condemnation words, "das
# Gegenteil", "Quatsch", ...), so it is no longer unseen either. 6 texts per language and class.
CHALLENGE_2: dict[str, dict[str, list[str]]] = {
    "de": {
        "hostile": [
            "Ich kann diese Kopftuchweiber nicht mehr sehen, die gehören nicht nach Deutschland.",
            "Wann schmeißen wir das Asylpack endlich raus?",
            "Ein Afghane mehr heißt ein Messer mehr auf unseren Straßen.",
            "Araber sind einfach keine zivilisierten Menschen.",
            "Wer Moslems reinlässt, holt sich Terror ins Land.",
            "Migranten sind Abschaum und sollten im Mittelmeer bleiben.",
        ],
        "counter": [
            "Wer Flüchtlinge pauschal Messerstecher nennt, sollte sich schämen.",
            "„Das Asylpack muss raus“ – so ein Satz ist menschenverachtend.",
            "Immer wieder hört man, Araber seien unzivilisiert. Das ist billige Stimmungsmache und falsch.",
            "Angeblich bringen Muslime Terror ins Land – die Zahlen zeigen etwas ganz anderes.",
            "Ich finde es unerträglich, wie in Kommentaren über Migranten als Abschaum geredet wird.",
            "Solche Sprüche über Afghanen sind Hetze, nichts anderes.",
        ],
        "negated": [
            "Flüchtlinge sind kein Abschaum, sondern Menschen wie wir.",
            "Araber sind nicht unzivilisiert.",
            "Afghanen sind nicht gewalttätiger als andere.",
            "Keiner der Geflüchteten hier ist ein Sozialschmarotzer.",
            "Muslime bringen keinen Terror ins Land.",
            "Nein, Migranten nehmen uns nicht die Wohnungen weg.",
        ],
        "neutral": [
            "Die Polizei ermittelt nach einem Brandanschlag auf eine Flüchtlingsunterkunft.",
            "Im Jobcenter gibt es jetzt Sprechstunden auf Arabisch und Dari.",
            "Viele Geflüchtete wünschen sich mehr Kontakt zu deutschen Nachbarn.",
            "Die Zahl der Asylanträge ist im ersten Halbjahr gestiegen.",
            "Ein syrischer Arzt hat die Praxis am Marktplatz übernommen.",
            "Für Migrantinnen gibt es einen neuen Schwimmkurs am Samstag.",
        ],
    },
    "ar": {
        "hostile": [
            "هؤلاء اللاجئون وباء ينتشر في مدننا.",
            "لا نريد مهاجرين في حينا، فليعودوا من حيث أتوا.",
            "السوريون أغبياء ولن يتعلموا أبداً.",
            "كل مسلم في أوروبا قنبلة موقوتة.",
            "الأفارقة مثل القرود، لا مكان لهم هنا.",
            "يجب إغلاق الحدود وطرد كل الأجانب.",
        ],
        "counter": [
            "من يصف اللاجئين بالوباء ينشر الكراهية.",
            "يقال إن السوريين أغبياء، وهذا كلام عنصري لا أساس له.",
            "تشبيه الأفارقة بالقرود عنصرية مقيتة يجب أن نرفضها.",
            "أسمع كثيراً أن المهاجرين يسرقون الوظائف، والأرقام تقول العكس.",
            "الادعاء بأن كل مسلم خطر هو تحريض.",
            "كفى تحريضاً على اللاجئين، إنهم بشر مثلنا.",
        ],
        "negated": [
            "اللاجئون ليسوا وباءً.",
            "السوريون ليسوا أغبياء.",
            "المهاجرون لا يسرقون الوظائف.",
            "ليس كل مسلم خطراً.",
            "لا يجب طرد أحد بسبب لونه أو دينه.",
            "الأفارقة ليسوا أقل ذكاءً من غيرهم.",
        ],
        "neutral": [
            "افتتحت مدرسة جديدة لأطفال اللاجئين في الحي الشرقي.",
            "تطالب عائلات المهاجرين بمواعيد أسرع في دائرة الأجانب.",
            "أعلنت الشرطة القبض على رجل هاجم مسكناً للاجئين.",
            "يعمل كثير من السوريين في المطاعم والمخابز في المدينة.",
            "يحتاج الوافدون الجدد إلى مساعدة في فهم نظام التأمين الصحي.",
            "نظم المسجد يوماً مفتوحاً للتعارف مع الجيران.",
        ],
    },
    "pl": {
        "hostile": [
            "Ci nachodźcy to dzicz, która niszczy nasze miasta.",
            "Muzułmanie nie powinni mieć wstępu do Polski.",
            "Każdy imigrant to potencjalny gwałciciel.",
            "Ukraińcy to banderowcy i złodzieje, wyrzucić ich wszystkich.",
            "Afrykanie to małpy, niech siedzą u siebie.",
            "Uchodźcy przynoszą tylko choroby i brud.",
        ],
        "counter": [
            "Nazywanie uchodźców dziczą to zwykły rasizm.",
            "Często słyszę, że każdy imigrant to gwałciciel – to obrzydliwe kłamstwo.",
            "Porównywanie Afrykanów do małp jest skandaliczne.",
            "Twierdzenie, że muzułmanie nie powinni mieć wstępu do Polski, to dyskryminacja.",
            "Mówią, że uchodźcy przynoszą choroby, ale lekarze temu zaprzeczają.",
            "Nie wolno wrzucać wszystkich Ukraińców do jednego worka.",
        ],
        "negated": [
            "Uchodźcy nie są dziczą.",
            "Imigranci nie są gwałcicielami.",
            "Ukraińcy nie są złodziejami.",
            "Muzułmanie nie są zagrożeniem dla Polski.",
            "Nie każdy Afrykanin przyjechał tu po zasiłek.",
            "Uchodźcy nie przynoszą chorób.",
        ],
        "neutral": [
            "Policja zatrzymała mężczyznę, który zaatakował ośrodek dla uchodźców.",
            "W szkole otwarto dodatkową klasę dla dzieci imigrantów.",
            "Wielu Ukraińców pracuje w naszym mieście jako kierowcy i pielęgniarki.",
            "Urząd wydłużył godziny pracy dla cudzoziemców składających wnioski.",
            "Rodziny uchodźców potrzebują pomocy w znalezieniu lekarza.",
            "Muzułmanie obchodzili wczoraj koniec ramadanu.",
        ],
    },
}

# News-like neutral mentions (crime reports, deportation and border news, statistics), written as a
# probe after set 2; their first run led to the news/victim rule in hostility.py, the Polish
# demand-only forms of "deportować" and eight news counter-examples in the codebook. Seen, too.
NEUTRAL_NEWS: list[str] = [
    "Die Bundesregierung will Abschiebungen nach Afghanistan wieder aufnehmen.",
    "Die Polizei ermittelt gegen drei Asylbewerber wegen Diebstahls.",
    "Laut Statistik ist die Zahl krimineller Zuwanderer gesunken.",
    "In der Unterkunft für Geflüchtete kam es gestern zu einem Brand.",
    "Der Stadtrat diskutiert über die Unterbringung von 300 Flüchtlingen.",
    "Viele Ukrainerinnen suchen eine Kita für ihre Kinder.",
    "Der Bürgermeister besuchte die neue Flüchtlingsunterkunft.",
    "Die Zahl der Asylanträge in Polen ist stark gestiegen.",
    "أعلنت الحكومة ترحيل مئة مهاجر غير نظامي.",
    "اعتقلت الشرطة ثلاثة لاجئين بتهمة السرقة.",
    "ارتفع عدد طالبي اللجوء في ألمانيا هذا العام.",
    "يحتاج اللاجئون إلى مزيد من المدارس والمستشفيات.",
    "Rząd planuje deportować nielegalnych imigrantów.",
    "Policja zatrzymała dwóch migrantów podejrzanych o kradzież.",
    "Liczba uchodźców z Ukrainy w Polsce spadła.",
    "Uchodźcy potrzebują pomocy w nauce języka polskiego.",
    "Straż Graniczna zatrzymała grupę migrantów na granicy z Białorusią.",
]

CLASSES = ("hostile", "counter", "negated", "neutral")


def _rows(data: dict = CHALLENGE) -> list[tuple[str, str, str]]:
    return [(lang, cls, t) for lang, by in data.items() for cls in CLASSES for t in by[cls]]


def test_challenge_set_shape():
    for data, minimum in ((CHALLENGE, 8), (CHALLENGE_2, 6)):
        for lang, by in data.items():
            assert set(by) == set(CLASSES), lang
            for cls, texts in by.items():
                assert len(texts) >= minimum, (lang, cls)
    texts = [t for _, _, t in _rows(CHALLENGE) + _rows(CHALLENGE_2)]
    assert len(texts) == len(set(texts))


def test_codebook_examples_do_not_contain_the_challenge_texts():
    from nlp_integration.codebook import load_codebook

    book = load_codebook()
    written = {ex.text for lab in book.labels for ex in lab.examples + lab.counter_examples}
    assert written.isdisjoint(t for _, _, t in _rows(CHALLENGE) + _rows(CHALLENGE_2))


@pytest.mark.parametrize("lang", sorted(CHALLENGE))
def test_lexical_layer_separates_hostile_from_neutral(lang):
    """Lexical evidence is higher for hostile texts than for neutral mentions, on average."""
    hostile = np.mean([hostility_evidence(t) for t in CHALLENGE[lang]["hostile"]])
    neutral = np.mean([hostility_evidence(t) for t in CHALLENGE[lang]["neutral"]])
    assert hostile >= 0.6, lang
    assert neutral <= 0.2, lang


@pytest.mark.parametrize("lang", sorted(CHALLENGE))
def test_counter_speech_or_negation_is_seen_in_most_non_hostile_texts(lang):
    """Counter-speech and negated texts mostly trigger the counter-speech or negation layer;
    hostile texts almost never do."""

    def damped(t: str) -> bool:
        return counter_speech_strength(t) >= 0.6 or negated_hostility(t)

    non_hostile = CHALLENGE[lang]["counter"] + CHALLENGE[lang]["negated"]
    assert np.mean([damped(t) for t in non_hostile]) >= 0.75, lang
    assert np.mean([damped(t) for t in CHALLENGE[lang]["hostile"]]) <= 0.125, lang


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Flüchtlinge sind keine Verbrecher.", True),
        ("Flüchtlinge sind Verbrecher.", False),
        ("Uchodźcy nie są złodziejami.", True),
        ("Uchodźcy są złodziejami.", False),
        ("اللاجئون ليسوا لصوصاً", True),
        ("اللاجئون لصوص", False),
        ("Mülteciler suçlu değil.", True),
        ("Der Bus ist nicht pünktlich.", False),  # no group, nothing devaluing
    ],
)
def test_negated_hostility(text, negated):
    assert negated_hostility(text) is negated


@pytest.fixture(scope="module")
def e5_challenge():
    from nlp_integration.codebook import CodebookClassifier
    from nlp_integration.embedding import make_embedder

    embedder = make_embedder()
    model = CodebookClassifier().fit(embedder)
    frames = []
    for name, data in (("1", CHALLENGE), ("2", CHALLENGE_2)):
        rows = _rows(data)
        texts = [t for _, _, t in rows]
        result = model.predict(embedder.encode(texts), texts)
        result["lang"] = [lang for lang, _, _ in rows]
        result["cls"] = [cls for _, cls, _ in rows]
        result["text"] = texts
        result["set"] = name
        frames.append(result)
    return pd.concat(frames, ignore_index=True)


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(CHALLENGE))
def test_e5_challenge_macro_f1(e5_challenge, lang):
    """Set 1: macro-F1 >= 0.8 per language; set 2 (harder, 6 per class): >= 0.7 per language."""
    for name, minimum in (("1", 0.8), ("2", 0.7)):
        part = e5_challenge[(e5_challenge["lang"] == lang) & (e5_challenge["set"] == name)]
        gold = (part["cls"] == "hostile").astype(int)
        pred = part["statement_types"].str.split(";").apply(lambda keys: "prejudice" in keys)
        f1 = f1_score(gold, pred.astype(int), average="macro")
        wrong = part.loc[gold.to_numpy() != pred.to_numpy(), ["cls", "text"]].to_numpy().tolist()
        assert f1 >= minimum, (name, lang, round(f1, 3), wrong)


@pytest.mark.slow
def test_e5_challenge_separates_hostile_from_every_other_class(e5_challenge):
    """Mean score of hostile texts is above the mean of counter-speech, negated and neutral ones."""
    means = e5_challenge.groupby("cls")["score_prejudice"].mean()
    for cls in ("counter", "negated", "neutral"):
        assert means["hostile"] > means[cls] + 0.3, means.to_dict()


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Flüchtlinge sind Ratten.", 1.0, 1.0),  # dehumanising word + group
        ("Uchodzcy to przestepcy.", 0.7, 0.9),  # diacritics missing
        ("Die Flüchtlinge sollen alle verschwinden.", 1.0, 1.0),  # expulsion demand
        ("Die Regierung will mehr Flüchtlinge abschieben.", 0.0, 0.0),  # news, no demand
        ("Drecksflüchtlinge überall.", 0.7, 1.0),  # German compound
        ("Flüchtlinge werden oft Opfer von Kriminellen.", 0.0, 0.0),  # the group is the victim
        ("Wir gehen alle raus in den Park.", 0.0, 0.5),  # no group word
        ("", 0.0, 0.0),
    ],
)
def test_hostility_evidence_levels(text, low, high):
    assert low <= hostility_evidence(text) <= high


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("„Ausländer raus“ – so etwas darf man nicht sagen.", True),  # mentioned, not used
        ('"Refugees are scum" is a hateful thing to say.', True),
        ("Ich sage klar: „Ausländer raus!“ Die sind alle kriminell.", False),  # own words hostile
        ("Niemand sollte wegen seiner Herkunft abgeschoben werden.", True),  # "nobody"
    ],
)
def test_quoted_and_quantified_negation(text, negated):
    assert negated_hostility(text) is negated
    if negated:
        assert hostility_evidence(text) == 0.0


def test_hostility_layer_is_fast():
    import time

    texts = [t for _, _, t in _rows(CHALLENGE) + _rows(CHALLENGE_2)] * 30  # ~5,000 texts
    start = time.perf_counter()
    for text in texts:
        hostility_evidence(text)
    assert time.perf_counter() - start < 10.0


@pytest.mark.slow
def test_e5_neutral_news_is_rarely_prejudice():
    from nlp_integration.codebook import CodebookClassifier
    from nlp_integration.embedding import make_embedder

    embedder = make_embedder()
    model = CodebookClassifier().fit(embedder)
    result = model.predict(embedder.encode(NEUTRAL_NEWS), NEUTRAL_NEWS)
    tagged = [
        t
        for t, cell in zip(NEUTRAL_NEWS, result["statement_types"], strict=True)
        if "prejudice" in cell.split(";")
    ]
    assert len(tagged) <= 2, tagged


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Die Auslaender sind alle kr1minell.", 0.7),  # digits for letters, "ae" for "ä"
        ("Die M i g r a n t e n sollen alle verschwinden.", 1.0),  # letters spaced apart
        ("Wenn noch mehr Asylbewerber kommen, zünden wir die Unterkunft an.", 1.0),  # threat
        ("Auf Flüchtlinge sollte man an der Grenze schießen dürfen.", 1.0),
        ("Jak przyjdą kolejni uchodźcy, to ich pobijemy.", 1.0),
        ("سنحرق بيوت هؤلاء اللاجئين.", 1.0),
        ("Muslime? Ich kann sie nicht ausstehen.", 0.7),  # hatred with a negator inside the cue
        ("Imigranci to zagrożenie dla nas wszystkich.", 0.7),
    ],
)
def test_hostility_rules_for_threats_spelling_and_phrasing(text, low):
    assert hostility_evidence(text) >= low, text


@pytest.mark.parametrize(
    "text",
    [
        "Wir treffen uns um 18 Uhr in Raum B2.",  # digits in ordinary tokens
        "Die Kinder sollen nicht leiden, auch nicht die Flüchtlingskinder.",
        "Viele Geflüchtete leben noch in Lagern an der Grenze.",  # camps, no threat
        "Uchodźcy mieszkają w obozach przy granicy.",
    ],
)
def test_hostility_rules_leave_ordinary_sentences_alone(text):
    assert hostility_evidence(text) < 0.7, text


@pytest.mark.parametrize(
    "text",
    [
        "Geflüchtete als Sozialschmarotzer zu bezeichnen, ist widerlich.",
        "Nazywanie imigrantów pasożytami jest haniebne.",
        "وصف اللاجئين بأنهم حشرات أمر معيب.",
        "Calling them parasites is shameful.",
    ],
)
def test_condemned_reference_is_counter_speech(text):
    assert counter_speech_strength(text) == 1.0, text


# Second round (2026-12-03): patterns generalised from the functional dev set, with new sentences
# written for these tests (none is taken from the corpora). Each hostile pattern has non-hostile
# counterparts that share its words and must stay below the hostile level.
@pytest.mark.parametrize(
    ("text", "low"),
    [
        # threats without a word for killing: weapons, "they will regret it", "learn a lesson"
        ("Wir kommen mit Knüppeln zum Asylheim, die Syrer werden es bereuen.", 1.0),
        ("Ci Afgańczycy jeszcze popamiętają, damy im nauczkę.", 1.0),
        ("Die Pakistaner werden noch lernen, was es heißt, sich mit uns anzulegen.", 1.0),
        ("هالمهاجرين رح نربيهم، وكل واحد منهم ليندم على اليوم اللي اجا فيه.", 1.0),
        # strong emotion idioms
        ("Wenn ich die Asylbewerber am Bahnhof sehe, kocht mir das Blut.", 0.7),
        ("Na widok tych imigrantów szlag mnie trafia.", 0.7),
        ("والله بكره الأفغان، ما بطيقهم.", 0.7),
        ("Ich verabscheue diese Tschetschenen.", 0.7),
        # opinions: generalising and devaluing claims
        ("Meiner Meinung nach kommen die Nigerianer nur wegen dem Geld.", 0.7),
        ("Według mnie Rumuni to banda cwaniaków.", 0.7),
        ("أنا متأكد إنو المصريين هون ما عندهم أمانة.", 0.7),
        # "nothing but": an exceptive after a negator is not a negation
        ("ما بيجيبوا المهاجرين غير المشاكل والبلاوي.", 0.7),
        # rhetorical questions that expect "no"
        ("Gibt es überhaupt einen Albaner, der Steuern zahlt?", 0.7),
        ("Czy jest choć jeden Czeczen, który pracuje uczciwie?", 0.7),
        # pronoun reference back to the group named in an earlier sentence
        ("Die Georgier im dritten Stock? Denen kann man nicht trauen.", 0.7),
        # slurs
        ("Die Polacken klauen wieder Autos.", 1.0),
        ("Kozojebcy znowu się zjechali pod meczet.", 0.8),
        ("القرباط رجعوا على السوق.", 0.8),
        # spelling tricks: Arabizi digits for Arabic letters, spaced letters
        ("el laje2een kolohom 7aramya", 0.7),
        ("el mohajreen wes5een w lazem yetredo", 1.0),
        ("Die  S y r e r  sind  k r i m i n e l l", 0.7),
    ],
)
def test_second_round_hostile_patterns(text, low):
    assert hostility_evidence(text) >= low, text


@pytest.mark.parametrize(
    "text",
    [
        # the same words in non-hostile use
        "Wir besuchen nächste Woche das Asylheim und bringen Spielsachen mit.",
        "Odwiedzimy z kolegami ośrodek dla uchodźców i przyniesiemy ubrania.",
        "بكرة الصبح رح نروح مع اللاجئين على البلدية.",  # bukra: tomorrow
        "Gibt es auch nur einen Deutschkurs für Geflüchtete am Abend?",
        "Ten czarny kot znowu siedzi pod sklepem.",
        "Według policji liczba kradzieży wśród cudzoziemców spadła.",  # a source, not an opinion
        "=SUMME(A1:A3) Wohnungen für Geflüchtete fehlen",  # cell names are not Arabizi
        "ana laje2 men souriya w baddi shaghle",  # Arabizi, migrant voice
        "Jako imigrantka czuję się czasem obca, ludzie patrzą na mnie krzywo.",
        "أنا لاجئ سوري وبكره الحرب اللي خربت بلدي.",
        "Die Polizei ermittelt nach einem Angriff auf einen Geflüchteten in der Unterkunft.",
        "Viele Flüchtlinge ertrinken jedes Jahr im Mittelmeer, das muss aufhören.",
        "غرق مركب للمهاجرين قبالة السواحل الليبية ونجا عشرون شخصاً.",
    ],
)
def test_second_round_patterns_leave_ordinary_sentences_alone(text):
    assert hostility_evidence(text) < 0.7, text


@pytest.mark.parametrize(
    "text",
    [
        # a negated opinion or saying earlier in the clause
        "Ich glaube nicht, dass die Afghanen hier kriminell sind.",
        "Nie sądzę, że Ukraińcy są złodziejami.",
        "ما بظن إنو السوريين لازم ينطردوا.",
        # a negated hatred placed before the group word ("بكره" + group)
        "أنا ما بكره المهاجرين، ولا عمري كرهتهم.",
        # a negator inside a relative clause does not negate; one after the predicate does
        "Die Eritreer klauen nicht.",
    ],
)
def test_second_round_negations(text):
    assert negated_hostility(text), text
    assert hostility_evidence(text) == 0.0, text


def test_relative_clause_negator_does_not_negate():
    assert hostility_evidence("Die Marokkaner stehlen, was nicht niet- und nagelfest ist.") >= 0.7


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Ich habe wirklich nichts gegen Kurden, im Gegenteil.", 1.0),
        (
            "Ich habe nichts gegen Kurden, aber die sind alle laut.",
            0.0,
        ),  # disclaimer, then hostility
        ("Nie mam nic do Gruzinów, to normalni sąsiedzi.", 1.0),
        ("Wer Somalier als Piraten hinstellt, schürt Hass.", 1.0),
        ("Porównywanie imigrantów do szczurów w komentarzach jest żałosne.", 1.0),
        ("تشبيه اللاجئين بالحشرات وقاحة.", 1.0),
        ('"المهاجرين حرامية"؟ هذا كلام فاضي.', 1.0),
    ],
)
def test_second_round_counter_speech(text, strength):
    assert counter_speech_strength(text) == strength, text


@pytest.mark.parametrize(
    "text",
    [
        "Am Rheinufer laufen Touristen mit Hund auf dem Radweg, siehe https://goo.gl/Lg2abc. "
        "Bitte den Radweg farbig markieren, dann weiß jeder, wo er gehen darf.",
        "Die Ampel an der Kreuzung (Schaltplan abc7de) ist zu kurz grün; mit Hund, Anhänger "
        "und Kind schafft man es nicht, bevor die Autos wieder fahren.",
    ],
)
def test_german_text_with_a_code_or_link_is_not_read_as_arabizi(text):
    hits = find_hits(text)
    assert not hits["group"] and hostility_evidence(text) < 0.4


# Rules added on 2026-12-03 (rounds three to six and the review of them), one table per expected
# outcome. Sentences written for these tests (the review's by the reviewer); comments name the rule.
HOSTILE_PATTERNS = [
    "Ich verachte diese Flüchltinge.",  # swapped letters in the group word
    "Migrnten sind ein Haufen Schmarotzer.",  # missing letter
    "Wszyscy imigrnaci to złodzieje.",
    "Ich habe viele Asylbewerber kennengelernt und hasse jeden von ihnen.",  # bare "hasse"
    "Den nächsten Asylbewerber, der hier klingelt, steche ich ab.",  # first-person threat
    "Jeśli imigranci tu zostaną, podpalę im mieszkania.",
    "سأحرق بيوت اللاجئين في حيّنا.",
    "Cudzoziemcy nie są nic warci.",  # negative concord: "nie ... nic" is one negation
    "Nigdy nie można ufać imigrantom.",  # "nigdy" is concord, not a second negation
    "اللاجئون ليسوا سوى حشرات.",  # "nothing but insects": the exceptive undoes the negation
    "Ich kann die Kanaken nicht ertragen.",  # a slur stays a slur before "nicht"
    "Migranten hasse ich, oder nicht?",  # a tag question does not negate
    "Kein Asylbewerber ist ein anständiger Nachbar.",  # praise after a negative determiner
    "Żaden przybysz nie jest porządnym człowiekiem.",
    "Uchodźcy wcale nie są inteligentni.",  # a negated quality
    "سأكسر رؤوس اللاجئين.",  # the future prefix sa- + اكسر
    "اللا جئون حشرات.",  # a group word split by a space
    "Ich knalle jeden Ausländer hier ab.",  # separable verb around its object
    "Migranten gehören in den Zoo und nicht in unsere Schulen.",  # "nicht" starts a contrast
    "Nie chcemy żadnych brudasów na osiedlu.",
    # review: each went wrong before its fix
    "Ich hasse diese Ausländer, die respektieren uns nicht.",  # "nicht" of another clause
    "Ich hasse Migranten, denn die arbeiten einfach nicht.",
    "Diese Asylanten haben es nicht verdient, hier zu wohnen, die sollen verrecken.",
    "Die Flüchtlinge sind ekelhaft, der Nachbar sagt nur „Guten Tag“.",  # a harmless quote
    "Ich habe Hass auf Ausländer, ehrlich.",  # own hatred, nothing condemned
    # seventh round
    "Ich würde nie im Leben neben einem Kanaken wohnen.",  # a slur, the negator is further off
    "Nie usiądę obok żadnego ciapatego.",
    "Ich kann Asylbewerber einfach nicht ertragen.",
    "Ani jeden cudzoziemiec w tym bloku nie jest uczciwy.",  # negated praise
    "المهاجرون ليسوا أمناء أبداً.",
    # implied devaluation: a group's arrival, then the speaker's precautions
    "Nebenan wohnen jetzt Afghanen. Ab heute wird das Auto doppelt abgeschlossen, doppelt ab.",
    "Seit die Migranten hier sind, lasse ich die Kinder nicht mehr spielen, nicht mehr raus.",
    "Do bloku wprowadzili się imigranci. Trzeba będzie założyć kamery.",
    "منذ أن سكن اللاجئون في شارعنا صرنا نقفل الباب بالقفل.",
]

# a group named without hostility: no evidence, and read as negated
NOT_HOSTILE_PATTERNS = [
    "Kein Asylbewerber sollte in Angst leben oder leiden müssen.",  # harm spared
    "Niemand darf Migranten wegen ihrer Herkunft verletzen.",
    "Żaden imigrant nie powinien cierpieć z powodu pochodzenia.",
    "لا يجوز أن يعاني أي مهاجر بسبب أصله.",
    "Kein Geflüchteter verdient es, verprügelt zu werden.",  # a negated "deserve"
    "Nikt nie zasługuje na krzywdę, także żaden migrant.",
    "Wir sind Geflüchtete aus Eritrea und suchen einen Deutschkurs.",  # self-description
    "Jestem uchodźczynią z Ukrainy i szukam pracy.",
    "نحن لاجئون من السودان ونبحث عن سكن.",
    "Ausländer sind keineswegs faul.",
    "Uchodźcy nie są przestępcami.",  # an ordinary Polish negation still counts
    "Den Satz „Asylbewerber sind Parasiten“ finde ich ekelhaft.",  # quoted and condemned
    "Hasło „imigranci to robactwo” jest haniebne.",
    "Ich verachte die Asylbewerber in unserer Straße überhaupt nicht.",  # clause-final "nicht"
    "Uchodźcy są u nas mile widziani.",  # praise
    "Nie uważam, że imigranci nie szanują prawa.",  # a negated opinion over a concord cue
    "Das sind keine Kanaken, das sind unsere Nachbarn.",  # a slur negated right before it
    "Die Zuwanderer in unserer Straße sind zuverlässig und hilfsbereit.",  # praise
    "للمهاجرين كل التقدير على عملهم.",
]

# ordinary sentences the new rules must not read as hostile
WITHOUT_EVIDENCE = [
    "Flüchtlinge sind nicht nichts wert.",  # German has no negative concord
    "لا يزال اللاجئون لطفاء معنا.",  # لا يزال: "still"
    "Kein Problem, Flüchtlinge sind herzlich eingeladen.",
    "Die Geflüchteten sind nicht nur fleißig, sondern auch freundlich.",
    "Ich kenne keinen Flüchtling, der nicht freundlich ist.",
    "Ich finde die Migranten hier freundlich, nicht wahr?",
    "Ich schlage vor, die Flüchtlinge zusammen mit den Nachbarn einzuladen.",
    "Die Asylbewerber schlagen im Heim die Zeit tot.",
    "Die bunten Läden der Migranten stechen deutlich ab.",
    "اللاجئون عديمو الجنسية يحتاجون إلى دعم.",
    "سأضرب مثالاً عن اللاجئين",
    "Uchodźcy spłonęli żywcem w pożarze.",
    "Ławka stoi pod ścianą ośrodka dla uchodźców.",
    "Nie chcę żadnych problemów z sąsiadami, imigranci są w porządku.",
    "Uchodźcy nie mogą być traktowani jak ludzie drugiej kategorii.",
    # an arrival without precautions, or precautions without a group
    "Seit die Geflüchteten hier wohnen, ist das Viertel lebendiger geworden.",
    "Die Geflüchteten sind eingezogen, schließlich gab es endlich Wohnungen.",
    "Seit dem Einbruch schließe ich die Tür immer ab.",
]

# neither hostile nor negated: low evidence and no negation flag
LEFT_ALONE = [
    "Ich bin gegen Migranten in unserem Haus.",  # a stance, not a self-description
    "Wir sind für mehr Flüchtlingsunterkünfte.",
    # ordinary words one edit from a hostile word stay as they are ("stellen" / "stehlen")
    "Geflüchtete stellen ihre Anträge beim Sozialamt.",
    "Die Fluchtwege im Haus sind zugestellt.",
    "Dies ist das letzte Stück des Radweges, für viele Pendler ein Ärgernis.",
]

# hatred or insults of others referred to and condemned
COUNTER_SPEECH = [
    "Euer Hass auf Flüchtlinge ist traurig.",
    "Hör auf, Migranten als Parasiten zu bezeichnen.",
    "Wasza nienawiść do uchodźców jest żałosna.",
    "Zgłaszam każdy wpis, który obraża imigrantów.",
    "كرهكم للمهاجرين أمر محزن.",
    "توقفوا عن وصف اللاجئين بالحشرات.",
    "Solche Hetze gegen Migranten dulden wir nicht.",
    "Wasze wpisy o imigrantach są rasistowskie.",
    "لا نسمح بالتحريض على المهاجرين.",
    # seventh round
    "Ich melde jeden Kommentar, der Geflüchtete als faul abstempelt.",  # group cue is a stem
    "Wer gegen Geflüchtete pöbelt, hat nichts aus der Geschichte gelernt.",
    "Witze über Ausländer sind nicht lustig.",
    "Ta nagonka na uchodźców musi się skończyć.",
    "Żarty z imigrantów nie są śmieszne.",
    "النكت على اللاجئين مش مضحكة.",
    "الحقد على المهاجرين مخزٍ.",
    "حملات التحريض على الأجانب يجب أن تتوقف.",
    "الادعاء بأن اللاجئين مجرمون غير صحيحة.",
]

NOT_COUNTER_SPEECH = [
    "Ich habe Hass auf Ausländer, ehrlich.",
    "Migranten verbreiten Krankheiten, traurig aber wahr.",
    "Nie będziemy tolerować imigrantów, którzy obrażają nasze kobiety.",  # group as subject
    "لن نسمح للاجئين بإهانة ديننا.",
    "Die Zuwanderung muss sich ändern, die Kommentare hier zeigen es.",
    "حُكم على إرهابيين بتهمة التحريض على هجمات.",  # news about incitement
]


@pytest.mark.parametrize("text", HOSTILE_PATTERNS)
def test_new_rules_find_hostility(text):
    assert hostility_evidence(text) >= 0.7, text
    assert not negated_hostility(text), text


@pytest.mark.parametrize("text", NOT_HOSTILE_PATTERNS)
def test_new_rules_read_a_group_named_without_hostility(text):
    assert hostility_evidence(text) == 0.0, text
    assert negated_hostility(text), text


@pytest.mark.parametrize("text", WITHOUT_EVIDENCE)
def test_new_rules_leave_ordinary_sentences_without_evidence(text):
    assert hostility_evidence(text) == 0.0, text


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_new_rules_leave_other_sentences_alone(text):
    assert not negated_hostility(text), text
    assert hostility_evidence(text) < 0.4, text


@pytest.mark.parametrize(
    ("text", "strength"),
    [(t, 1.0) for t in COUNTER_SPEECH] + [(t, 0.0) for t in NOT_COUNTER_SPEECH],
)
def test_condemned_references_as_the_classifier_reads_them(text, strength):
    from nlp_integration.codebook.hostility import counter_speech

    assert counter_speech(text) == strength, text


def test_arabic_words_are_joined_only_into_a_group_word():
    from nlp_integration.codebook.hostility import _fold, _join_split_arabic

    assert _join_split_arabic(_fold("الأ جا نب هنا")) == _fold("الأجانب هنا")
    for kept in ("فتوى من العراق يجوز شرب الماء", "الم ان"):  # no group word; a stop word
        assert _join_split_arabic(_fold(kept)) == _fold(kept)


@pytest.mark.slow
def test_e5_hostility_direction_separates_the_challenge_sets():
    """The shipped direction (trained on corpora/, never on these texts) on the real embedder."""
    from sklearn.metrics import roc_auc_score

    from nlp_integration.codebook.classifiers import _hostility_direction
    from nlp_integration.embedding import make_embedder

    embedder = make_embedder()
    rows = _rows(CHALLENGE) + _rows(CHALLENGE_2)
    x = np.asarray(embedder.encode([t for _, _, t in rows]), dtype=np.float64)
    direction = _hostility_direction(embedder.model_id, x.shape[1])
    assert direction is not None, "the direction must match the default embedder"
    hostile = [cls == "hostile" for _, cls, _ in rows]
    assert roc_auc_score(hostile, x @ direction["coef"] + direction["intercept"]) >= 0.9
