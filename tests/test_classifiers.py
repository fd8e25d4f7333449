from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from nlp_integration.codebook import (
    CodebookClassifier,
    SupervisedClassifier,
    counter_speech_strength,
    dampen_prejudice,
    find_cues,
)
from nlp_integration.codebook.codebook import load_codebook
from nlp_integration.errors import InputValueError, ModelError

TINY_CODEBOOK = """
version: "0.1"
name: tiny
languages: [de, en, pl]
labels:
  - key: housing
    kind: theme
    name_de: Wohnen
    name_en: Housing
    definition_de: "Wohnung, Miete, Vermieter"
    definition_en: "flats, rent, landlords"
    examples:
      - {lang: de, text: "Die Miete ist zu hoch"}
      - {lang: de, text: "Wir suchen seit Jahren eine Wohnung"}
      - {lang: de, text: "Der Vermieter repariert die Heizung nicht"}
      - {lang: en, text: "The rent for our flat is too high"}
      - {lang: en, text: "We need affordable flats"}
      - {lang: pl, text: "Czynsz za mieszkanie jest za wysoki"}
  - key: work
    kind: theme
    name_de: Arbeit
    name_en: Work
    definition_de: "Arbeit, Job, Ausbildung, Anerkennung"
    definition_en: "work, jobs, recognition of degrees"
    examples:
      - {lang: de, text: "Ich finde keine Arbeit"}
      - {lang: de, text: "Mein Abschluss wird nicht anerkannt, also kein Job"}
      - {lang: de, text: "Mehr Jobs für Frauen"}
      - {lang: en, text: "I cannot find a job"}
      - {lang: en, text: "Recognition of foreign degrees for work"}
      - {lang: pl, text: "Nie mogę znaleźć pracy"}
  - key: need
    kind: statement_type
    name_de: Bedarf
    name_en: Need
    definition_de: "Es fehlt etwas, wir brauchen etwas"
    definition_en: "something is missing, we need something"
    examples:
      - {lang: de, text: "Wir brauchen mehr Wohnungen"}
      - {lang: de, text: "Es fehlen Kitaplätze"}
      - {lang: en, text: "We need more jobs"}
      - {lang: en, text: "There are not enough flats"}
      - {lang: pl, text: "Potrzebujemy więcej mieszkań"}
  - key: fear
    kind: statement_type
    name_de: Sorge
    name_en: Fear
    definition_de: "Angst, Sorge um Familie und Viertel"
    definition_en: "fear and worry about family and quarter"
    examples:
      - {lang: de, text: "Ich habe Angst, die Wohnung zu verlieren"}
      - {lang: de, text: "Ich mache mir Sorgen um meine Kinder"}
      - {lang: en, text: "I am afraid of losing my job"}
      - {lang: en, text: "I worry about my children"}
      - {lang: pl, text: "Boję się o moje dzieci"}
  - key: prejudice
    kind: statement_type
    name_de: Vorurteil
    name_en: Prejudice
    definition_de: "abwertende Verallgemeinerung über eine Gruppe"
    definition_en: "devaluing generalisation about a group"
    examples:
      - {lang: de, text: "Die Ausländer sind alle faul"}
      - {lang: de, text: "Die Flüchtlinge wollen nicht arbeiten"}
      - {lang: en, text: "Immigrants are all lazy"}
      - {lang: en, text: "Those refugees never work"}
      - {lang: pl, text: "Uchodźcy to sami nieroby"}
    counter_examples:
      - {lang: de, text: "Nicht alle Ausländer sind faul"}
      - {lang: en, text: "It is not true that immigrants are lazy"}
      - {lang: pl, text: "Nieprawda, że uchodźcy to nieroby"}
"""

TEXTS = [
    "Die Miete für unsere Wohnung steigt schon wieder",
    "I cannot find a job since I arrived",
    "Die Ausländer sind alle faul",
    "Nicht alle Ausländer sind faul, das ist ein Vorurteil",
    "",
]


@pytest.fixture(scope="module")
def tiny_codebook(tmp_path_factory):
    path = tmp_path_factory.mktemp("codebook") / "tiny.yaml"
    path.write_text(TINY_CODEBOOK, encoding="utf-8")
    return load_codebook(path)


@pytest.fixture(scope="module")
def tiny_classifier(tiny_codebook, hashing_embedder):
    return CodebookClassifier(tiny_codebook, max_themes=1, max_statement_types=2).fit(
        hashing_embedder
    )


# ------------------------------------------------------------------ codebook classifier


def test_codebook_classifier_columns_and_rows(tiny_classifier, hashing_embedder):
    result = tiny_classifier.predict(hashing_embedder.encode(TEXTS), TEXTS)
    assert len(result) == len(TEXTS)
    assert list(result.columns[:2]) == ["themes", "statement_types"]
    assert set(result.columns[2:]) == {
        f"score_{k}" for k in ("housing", "work", "need", "fear", "prejudice")
    }
    scores = result.iloc[:, 2:].to_numpy()
    assert np.all((scores >= 0) & (scores <= 1))
    for cell in result["themes"]:
        assert len([k for k in cell.split(";") if k]) <= 1
        assert set(k for k in cell.split(";") if k) <= {"housing", "work"}
    for cell in result["statement_types"]:
        assert len([k for k in cell.split(";") if k]) <= 2
        assert set(k for k in cell.split(";") if k) <= {"need", "fear", "prejudice"}


def test_codebook_classifier_thresholds_and_determinism(
    tiny_codebook, tiny_classifier, hashing_embedder
):
    thresholds = tiny_classifier.thresholds()
    assert set(thresholds) == {"housing", "work", "need", "fear", "prejudice"}
    assert all(0.0 <= t <= 1.0 for t in thresholds.values())
    again = CodebookClassifier(tiny_codebook, max_themes=1, max_statement_types=2).fit(
        hashing_embedder
    )
    x = hashing_embedder.encode(TEXTS)
    pd.testing.assert_frame_equal(tiny_classifier.predict(x, TEXTS), again.predict(x, TEXTS))


def test_codebook_classifier_fit_is_kept_beside_the_embedding_cache(
    tiny_codebook, tiny_classifier, hashing_embedder, tmp_path, monkeypatch
):
    from nlp_integration.embedding import CachedEmbedder, EmbeddingCache

    cached = CachedEmbedder(hashing_embedder, EmbeddingCache(tmp_path))
    first = CodebookClassifier(tiny_codebook, max_themes=1, max_statement_types=2).fit(cached)
    stored = list((tmp_path / "codebook_models").glob("*.npz"))
    assert len(stored) == 1
    fits = []
    monkeypatch.setattr(CodebookClassifier, "_fit_label", lambda *a: fits.append(a))
    again = CodebookClassifier(tiny_codebook, max_themes=1, max_statement_types=2).fit(cached)
    assert fits == []  # loaded, not fitted
    x = hashing_embedder.encode(TEXTS)
    expected = tiny_classifier.predict(x, TEXTS)
    pd.testing.assert_frame_equal(first.predict(x, TEXTS), expected)
    pd.testing.assert_frame_equal(again.predict(x, TEXTS), expected)
    assert again.keys_ == tiny_classifier.keys_ and isinstance(again.keys_[0], str)
    monkeypatch.undo()
    # another seed is another model; a damaged file is fitted again and replaced
    CodebookClassifier(tiny_codebook, random_state=7).fit(cached)
    assert len(list((tmp_path / "codebook_models").glob("*.npz"))) == 2
    stored[0].write_bytes(b"not a zip file")
    repaired = CodebookClassifier(tiny_codebook, max_themes=1, max_statement_types=2).fit(cached)
    pd.testing.assert_frame_equal(repaired.predict(x, TEXTS), expected)
    assert np.load(stored[0], allow_pickle=False)["coef_"].shape[0] == 5


def test_codebook_classifier_counter_speech_lowers_prejudice(tiny_classifier, hashing_embedder):
    # same embedding, different text: only the lexical layer differs
    x = hashing_embedder.encode(["Die Ausländer sind alle faul"] * 2)
    scores = tiny_classifier.predict_scores(
        x, ["Die Ausländer sind alle faul", "Das stimmt nicht."]
    )
    assert scores.loc[1, "score_prejudice"] < scores.loc[0, "score_prejudice"]
    assert scores.loc[1, "score_fear"] == pytest.approx(scores.loc[0, "score_fear"])


def test_codebook_classifier_empty_input_and_errors(tiny_codebook, tiny_classifier):
    empty = tiny_classifier.predict(np.zeros((0, 384), dtype=np.float32), [])
    assert len(empty) == 0 and "themes" in empty.columns and "score_fear" in empty.columns
    with pytest.raises(InputValueError):
        tiny_classifier.predict(np.zeros((2, 384), dtype=np.float32), ["only one"])
    with pytest.raises(ModelError):
        tiny_classifier.predict(np.zeros((1, 16), dtype=np.float32), ["wrong dimension"])
    with pytest.raises(ModelError):
        CodebookClassifier(tiny_codebook).predict(
            np.zeros((1, 384), dtype=np.float32), ["not fitted"]
        )


def test_codebook_classifier_zero_limits_give_empty_cells(tiny_codebook, hashing_embedder):
    model = CodebookClassifier(tiny_codebook, max_themes=0, max_statement_types=0).fit(
        hashing_embedder
    )
    result = model.predict(hashing_embedder.encode(TEXTS), TEXTS)
    assert (result["themes"] == "").all() and (result["statement_types"] == "").all()


def test_codebook_classifier_bundled_codebook_keys(hashing_embedder):
    model = CodebookClassifier().fit(hashing_embedder)
    from nlp_integration.schemas import STATEMENT_TYPE_KEYS, THEME_KEYS

    scores = model.predict_scores(hashing_embedder.encode(TEXTS), TEXTS)
    assert set(scores.columns) == {f"score_{k}" for k in THEME_KEYS + STATEMENT_TYPE_KEYS}


# ------------------------------------------------------------------ supervised classifier

TOPICS = {
    "housing": ["Miete", "Wohnung", "Vermieter", "Nebenkosten", "Mietvertrag"],
    "work": ["Arbeit", "Job", "Bewerbung", "Arbeitgeber", "Gehalt"],
    "mobility": ["Bus", "Radweg", "Straßenbahn", "Haltestelle", "Fahrplan"],
}
FRAMES = [
    "Die {w} ist ein Problem",
    "Wir reden über {w}",
    "{w} im Viertel",
    "Thema {w} und mehr",
    "Mehr zu {w} bitte",
]


def _toy_single():
    texts, labels = [], []
    for label, words in TOPICS.items():
        for w in words:
            for f in FRAMES:
                texts.append(f.format(w=w))
                labels.append(label)
    return texts, labels


def _toy_multi():
    texts, labels = _toy_single()
    keys = list(TOPICS)
    multi_texts, multi_labels = list(texts), list(labels)
    for i in range(0, 25):
        a, b = keys[i % 3], keys[(i + 1) % 3]
        multi_texts.append(f"{TOPICS[a][i % 5]} und {TOPICS[b][(i + 2) % 5]} im Viertel")
        multi_labels.append(f"{a};{b}")
    return multi_texts, multi_labels


@pytest.mark.parametrize("multi_label", [False, True])
def test_supervised_train_save_load_identical(tmp_path, hashing_embedder, multi_label):
    texts, labels = _toy_multi() if multi_label else _toy_single()
    x = hashing_embedder.encode(texts)
    model = SupervisedClassifier(multi_label=multi_label, cv_folds=3).fit(x, texts, labels)
    assert model.classes_ == sorted(TOPICS)
    assert np.all((model.thresholds_ >= 0) & (model.thresholds_ <= 1))
    report = model.cv_report_
    assert list(report.columns) == ["label", "precision", "recall", "f1", "support"]
    assert report["label"].tolist() == sorted(TOPICS) + ["macro"]
    assert report["f1"].between(0, 1).all()

    new = ["Die Miete steigt", "Ich suche einen Job", "Der Bus kommt nie", "Radweg und Miete"]
    before = model.predict(hashing_embedder.encode(new), new)
    assert list(before.columns) == ["label"] + [f"score_{c}" for c in sorted(TOPICS)]
    assert len(before) == len(new)
    model.save(tmp_path / "model", embedder_id=hashing_embedder.model_id)
    assert {p.name for p in (tmp_path / "model").iterdir()} >= {
        "model.json",
        "weights.npz",
        "cv_report.csv",
        "README.md",
    }
    loaded = SupervisedClassifier.load(tmp_path / "model")
    assert loaded.embedder_id_ == hashing_embedder.model_id
    assert loaded.multi_label == multi_label
    after = loaded.predict(hashing_embedder.encode(new), new)
    pd.testing.assert_frame_equal(before, after)
    pd.testing.assert_frame_equal(loaded.cv_report_, model.cv_report_, check_dtype=False, atol=1e-9)


def test_supervised_learns_separable_toy_data(hashing_embedder):
    texts, labels = _toy_single()
    x = hashing_embedder.encode(texts)
    for use_char in (False, True):
        model = SupervisedClassifier(use_char_ngrams=use_char, cv_folds=3).fit(x, texts, labels)
        macro = float(model.cv_report_.set_index("label").loc["macro", "f1"])
        assert macro >= 0.8, (use_char, macro)
        new = ["Vermieter und Nebenkosten", "Fahrplan der Straßenbahn"]
        assert model.predict(hashing_embedder.encode(new), new)["label"].tolist() == [
            "housing",
            "mobility",
        ]


def test_supervised_multi_label_cells(hashing_embedder):
    texts, labels = _toy_multi()
    model = SupervisedClassifier(multi_label=True, cv_folds=3).fit(
        hashing_embedder.encode(texts), texts, labels
    )
    out = model.predict(hashing_embedder.encode(texts[:5]), texts[:5])
    for cell in out["label"]:
        assert set(k for k in cell.split(";") if k) <= set(TOPICS)


def test_supervised_rejects_bad_labels(hashing_embedder):
    texts, labels = _toy_single()
    x = hashing_embedder.encode(texts)
    with pytest.raises(InputValueError):
        SupervisedClassifier().fit(x, texts, ["housing;work"] + labels[1:])
    with pytest.raises(InputValueError):
        SupervisedClassifier().fit(x, texts, ["housing"] * len(texts))
    with pytest.raises(InputValueError):
        SupervisedClassifier().fit(x[:3], texts, labels)


@pytest.fixture()
def saved_model(tmp_path, hashing_embedder):
    texts, labels = _toy_single()
    model = SupervisedClassifier(cv_folds=2, use_char_ngrams=True).fit(
        hashing_embedder.encode(texts), texts, labels
    )
    folder = tmp_path / "model"
    model.save(folder, embedder_id="hashing/char3-5")
    return folder


def test_load_refuses_pickle(saved_model):
    (saved_model / "model.pkl").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(ModelError, match="pickle"):
        SupervisedClassifier.load(saved_model)


def test_load_refuses_missing_files(saved_model, tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        SupervisedClassifier.load(tmp_path / "nowhere")
    (saved_model / "weights.npz").unlink()
    with pytest.raises(ModelError, match="weights.npz"):
        SupervisedClassifier.load(saved_model)


def test_load_refuses_invalid_json_and_object_arrays(saved_model):
    meta = json.loads((saved_model / "model.json").read_text(encoding="utf-8"))
    meta["classes"] = meta["classes"][:1]
    (saved_model / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="invalid"):
        SupervisedClassifier.load(saved_model)
    (saved_model / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        SupervisedClassifier.load(saved_model)


def test_load_never_unpickles_object_arrays(saved_model):
    np.savez(
        saved_model / "weights.npz", coef=np.array([{"a": 1}], dtype=object), intercept=np.zeros(3)
    )
    with pytest.raises(ModelError):
        SupervisedClassifier.load(saved_model)


def test_model_error_message_is_one_line(tmp_path):
    with pytest.raises(ModelError) as info:
        SupervisedClassifier.load(tmp_path / "missing")
    assert "\n" not in str(info.value) and str(info.value).startswith("[E301]")


# ------------------------------------------------------------------ lexical layer

COUNTER_SPEECH = [
    ("de", "Man hört oft, die seien kriminell – das stimmt nicht."),
    ("de", "Nicht alle Ausländer sind kriminell."),
    ("de", "Das ist ein Vorurteil, die meisten arbeiten hart."),
    ("en", "It is not true that refugees steal our jobs."),
    ("en", "Not all immigrants are like that."),
    ("fr", "On dit que les migrants sont paresseux, mais c'est faux."),
    ("es", "No todos los inmigrantes son iguales."),
    ("pl", "Mówi się, że uchodźcy są leniwi, ale to nieprawda."),
    ("pl", "Nie wszyscy uchodźcy są tacy."),
    ("ru", "Говорят, что мигранты воруют, но это миф."),
    ("ru", "Не все беженцы живут на пособия."),
    ("uk", "Не всі переселенці такі, це стереотип."),
    ("ro", "Se spune că românii fură, dar nu este adevărat."),
    ("tr", "Göçmenlerin hepsi suçlu diyorlar ama bu doğru değil."),
    ("tr", "Bütün Almanlar ırkçı değil."),
    ("ar", "ليس كل اللاجئين مجرمين."),
    ("ar", "يقولون إن المهاجرين كسالى، وهذا غير صحيح."),
    ("bg", "Казват, че мигрантите не искат да работят, но това не е вярно."),
]

PLAIN_PREJUDICE = [
    ("de", "Die Ausländer sind doch alle kriminell."),
    ("en", "Immigrants just come here to take our benefits."),
    ("fr", "Les migrants sont tous des voleurs."),
    ("pl", "Uchodźcy to sami nieroby, żyją z naszych podatków."),
    ("ru", "Все эти беженцы приехали сюда только ради пособий."),
    ("uk", "Ці приїжджі тільки створюють проблеми."),
    ("ro", "Străinii ăștia nu respectă nicio regulă."),
    ("tr", "Suriyeliler yüzünden mahalle pislik içinde."),
    ("ar", "اللاجئون الجدد هم سبب كل المشاكل في الحي."),
    ("de", "Ich bin kein Rassist, aber die Ausländer sind einfach faul, das ist kein Vorurteil."),
]


@pytest.mark.parametrize(("lang", "text"), COUNTER_SPEECH)
def test_counter_speech_is_recognised(lang, text):
    assert counter_speech_strength(text) >= 0.6, (lang, text)


@pytest.mark.parametrize(("lang", "text"), PLAIN_PREJUDICE)
def test_plain_prejudice_is_not_counter_speech(lang, text):
    assert counter_speech_strength(text) == 0.0, (lang, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Man sagt, die Syrer arbeiten nicht – und das stimmt auch.", 0.0),  # endorsed report
        ("People say they are lazy, and it's true.", 0.0),
        ("Man sagt, die Syrer arbeiten nicht.", 0.6),  # reported only
        ("Говорят, что мигранты ленивые.", 0.6),
        ("Das stimmt nicht.", 1.0),
        ("", 0.0),
    ],
)
def test_counter_speech_strength_levels(text, expected):
    assert counter_speech_strength(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "table", "cue"),
    [
        ("Das ist pauschalisierend.", "rejection", "pauschalisier"),
        ("وهذا غير صحيح", "rejection", "وغير صحيح"),
        ("Nicht alle, aber viele.", "negated_generalisation", "nicht alle"),
        ("Ці люди завжди галасують", "generalising", "завжди"),
    ],
)
def test_find_cues(text, table, cue):
    found = find_cues(text, table)
    assert any(cue.replace("و", "", 1) in hit or cue == hit for hit in found), found


def test_find_cues_word_boundaries():
    assert (
        find_cues("Die Tallinnerin kam allein", "generalising", langs=["de"]) == []
    )  # "alle" inside words
    assert find_cues("Sie kamen alle", "generalising", langs=["de"]) == ["alle"]
    with pytest.raises(ValueError):
        find_cues("x", "no_such_table")


def test_dampen_prejudice():
    assert dampen_prejudice(0.8, "Die sind alle faul.") == pytest.approx(0.8)
    assert dampen_prejudice(0.8, "Die sind alle faul – das stimmt nicht.") == pytest.approx(
        0.8 * 0.15
    )


# ------------------------------------------------------------------ real model (slow)

PREJUDICE_PAIRS = [
    (
        "de",
        "Die Flüchtlinge sind alle faul und wollen nicht arbeiten.",
        "Man hört oft, die Flüchtlinge seien faul – das stimmt nicht.",
    ),
    (
        "en",
        "Immigrants are all criminals and ruin our neighbourhood.",
        "It is not true that immigrants are criminals.",
    ),
    ("pl", "Wszyscy imigranci to złodzieje.", "Nie wszyscy imigranci to złodzieje, to stereotyp."),
    ("ar", "كل المهاجرين لصوص ومجرمون.", "ليس كل المهاجرين لصوصاً، هذا غير صحيح."),
    ("ru", "Все мигранты — воры и бездельники.", "Говорят, что мигранты воры, но это неправда."),
    (
        "tr",
        "Bütün göçmenler tembel ve suçlu.",
        "Göçmenlerin hepsi tembel diyorlar ama bu doğru değil.",
    ),
]


FEAR_NEED_TEXTS = [
    "Ich habe Angst, dass wir die Wohnung verlieren und meine Kinder die Schule wechseln müssen.",
    "Я боюсь выходить вечером на улицу, в парке стало опасно.",
    "Wir brauchen mehr Kitaplätze im Viertel.",
]


@pytest.fixture(scope="module")
def e5_predictions(e5_embedder):
    """Fit the bundled codebook with the real model once and classify every test sentence in one go."""
    model = CodebookClassifier().fit(e5_embedder)
    texts = [
        t for _, hostile, counter in PREJUDICE_PAIRS for t in (hostile, counter)
    ] + FEAR_NEED_TEXTS
    result = model.predict(e5_embedder.encode(texts), texts)
    result.index = texts
    return result


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "hostile", "counter"), PREJUDICE_PAIRS)
def test_e5_prejudice_above_counter_speech(e5_predictions, lang, hostile, counter):
    hit, miss = e5_predictions.loc[hostile], e5_predictions.loc[counter]
    assert hit["score_prejudice"] > miss["score_prejudice"], lang
    assert "prejudice" in hit["statement_types"].split(";"), (lang, hit.to_dict())
    assert "prejudice" not in miss["statement_types"].split(";"), (lang, miss.to_dict())


@pytest.mark.slow
def test_e5_fear_and_need(e5_predictions):
    fear_de, fear_ru, need_de = (e5_predictions.loc[t] for t in FEAR_NEED_TEXTS)
    assert "fear" in fear_de["statement_types"].split(";")
    assert "fear" in fear_ru["statement_types"].split(";")
    assert need_de["score_need"] > need_de["score_fear"]
    assert fear_de["score_fear"] > need_de["score_fear"]


def test_per_class_offsets_are_kept_only_where_they_help():
    from nlp_integration.codebook.supervised import _best_offsets, _offsets_if_they_help, _softmax

    kept, in_sample, dropped = 0, 0, 0
    for seed in range(10):
        rng = np.random.default_rng(seed)
        y = rng.integers(0, 3, 1500)
        logits = np.eye(3)[y] * 2.0 + rng.normal(0.0, 1.0, (1500, 3))
        skewed = logits.copy()
        skewed[:, 2] -= 1.5  # class 2 is under-predicted: offsets on the others recover it
        offsets = _offsets_if_they_help(y, _softmax(skewed))
        kept += bool(offsets[:2].min() > 0 and offsets[2] == 0)
        # on well-ordered probabilities the offsets chosen in-sample are noise: plain argmax
        in_sample += bool(_best_offsets(y, _softmax(logits)).any())
        dropped += not _offsets_if_they_help(y, _softmax(logits)).any()
    assert kept == 10
    assert in_sample >= 8 and dropped >= 9


def test_offsets_are_not_kept_for_a_class_too_small_to_check():
    from nlp_integration.codebook.supervised import _offsets_if_they_help

    rng = np.random.default_rng(0)
    y = np.array([0] * 60 + [1] * 60 + [2])
    p = rng.dirichlet(np.ones(3), size=len(y))
    assert not _offsets_if_they_help(y, p).any()


def test_hostility_direction_file_is_plain_arrays_for_the_default_embedder():
    from nlp_integration.codebook.classifiers import HOSTILITY_DIRECTION
    from nlp_integration.embedding import make_embedder

    with np.load(HOSTILITY_DIRECTION, allow_pickle=False) as data:
        assert data["coef"].shape == (384,) and np.isfinite(data["coef"]).all()
        assert str(data["embedder_id"]) == make_embedder(cache=False).model_id
        assert int(data["n_texts"]) > 1000


@pytest.fixture
def fake_direction(tmp_path, monkeypatch):
    """Point the classifier at a hostility direction written here; ``write(embedder_id, dims)``."""
    from nlp_integration.codebook import classifiers

    path = tmp_path / "direction.npz"
    monkeypatch.setattr(classifiers, "HOSTILITY_DIRECTION", path)

    def write(embedder_id: str, dims: int) -> None:
        np.savez(
            path,
            coef=np.zeros(dims, dtype=np.float32),
            intercept=np.array(10.0),  # with the shift of -1: p = sigmoid(9) for every text
            embedder_id=np.array(embedder_id),
            n_texts=np.array(0),
            data_sha256=np.array(""),
            weights_sha256=np.array("ab" * 32),
        )

    write.path = path
    return write


def test_hostility_direction_lifts_prejudice_only_where_a_group_is_named(
    hashing_embedder, fake_direction
):
    from nlp_integration.codebook.classifiers import HOSTILITY_DIRECTION_WEIGHT

    texts = [
        "Die Migranten aus der Nachbarschaft.",  # names a group
        "Der Bus kommt jeden Morgen zu spät.",  # no group word: unchanged
        "Migranten sind keine Verbrecher.",  # names a group, negated: dampened after mixing
    ]
    model = CodebookClassifier(load_codebook()).fit(hashing_embedder)
    x = hashing_embedder.encode(texts)
    before = model.predict_scores(x, texts)["score_prejudice"].to_numpy()
    fake_direction("another/embedder", x.shape[1])
    assert np.allclose(model.predict_scores(x, texts)["score_prejudice"], before)
    fake_direction(hashing_embedder.model_id, x.shape[1])
    after = model.predict_scores(x, texts)["score_prejudice"].to_numpy()
    p = 1.0 / (1.0 + np.exp(-9.0))
    w = HOSTILITY_DIRECTION_WEIGHT
    assert after[0] == pytest.approx((1 - w) * before[0] + w * p, abs=1e-6)
    assert after[1] == before[1]
    assert before[2] < after[2] <= 0.15 + 1e-9  # 1 - 0.85 for a negated text


def test_a_damaged_hostility_direction_warns_and_is_left_out(hashing_embedder, fake_direction):
    texts = ["Die Migranten aus der Nachbarschaft."]
    model = CodebookClassifier(load_codebook()).fit(hashing_embedder)
    x = hashing_embedder.encode(texts)
    fake_direction("another/embedder", x.shape[1])
    before = model.predict_scores(x, texts)["score_prejudice"].to_numpy()
    fake_direction.path.write_bytes(b"PK\x03\x04 not a zip archive")
    with pytest.warns(UserWarning, match="direction.npz"):
        after = model.predict_scores(x, texts)["score_prejudice"].to_numpy()
    assert np.allclose(after, before)


def test_hostility_direction_id_names_the_data_for_its_embedder_only():
    from nlp_integration.codebook.classifiers import hostility_direction_id
    from nlp_integration.embedding import make_embedder

    shown = hostility_direction_id(make_embedder(cache=False).model_id)
    assert shown is not None and len(shown.split("/")[0]) == 12
    assert hostility_direction_id("hashing/char3-5") is None
