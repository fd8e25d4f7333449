from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from nlp_integration import keywords as kw
from nlp_integration.errors import InputValueError
from nlp_integration.topics import (
    TOPIC_COLUMNS,
    PcaKMeans,
    TopicModel,
    center_by_language,
    language_means,
    language_nmi,
    topic_stability,
)

# three subjects, each in three languages; numbers, stop words and a placeholder on purpose
SUBJECTS = {
    "de": [
        "Die Miete für die Wohnung ist 2024 viel zu hoch, sagt [NAME].",
        "Die Schule braucht mehr Lehrer und neue Bücher für die Kinder.",
        "Der Bus kommt morgens 20 Minuten zu spät an der Haltestelle.",
    ],
    "en": [
        "The rent for the flat is far too high in 2024, says [NAME].",
        "The school needs more teachers and new books for the children.",
        "The bus arrives 20 minutes late at the stop every morning.",
    ],
    "tr": [
        "Ev kirası 2024 yılında çok yüksek, diyor [NAME].",
        "Okulun daha fazla öğretmene ve yeni kitaplara ihtiyacı var.",
        "Otobüs sabahları durağa 20 dakika geç geliyor.",
    ],
}
LANGS = list(SUBJECTS)


def blobs(n_per_cell: int = 10, offset: float = 3.0, noise: float = 0.35, seed: int = 0):
    """Three subjects × three languages; each language shifts all its vectors by ``offset``."""
    rng = np.random.default_rng(seed)
    dim = 384
    centres = rng.normal(size=(3, dim))
    shifts = rng.normal(size=(len(LANGS), dim)) * offset
    texts, langs, gold, vectors = [], [], [], []
    for li, lang in enumerate(LANGS):
        for subject in range(3):
            for _ in range(n_per_cell):
                vectors.append(centres[subject] + shifts[li] + rng.normal(size=dim) * noise)
                texts.append(SUBJECTS[lang][subject])
                langs.append(lang)
                gold.append(subject)
    x = np.asarray(vectors)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ids = [f"c{i}" for i in range(len(texts))]
    return texts, x.astype(np.float32), langs, ids, np.asarray(gold)


def purity(pred, gold) -> float:
    table = pd.crosstab(np.asarray(pred), np.asarray(gold))
    return float(table.max(axis=1).sum() / len(pred))


@pytest.fixture(scope="module")
def fitted(hashing_embedder):
    texts, x, langs, ids, gold = blobs()
    model = TopicModel(nr_topics=3).fit(texts, x, langs, ids, label_embedder=hashing_embedder)
    return model, texts, x, langs, ids, gold


def test_one_row_per_input_and_contract_columns(fitted):
    model, texts, _, langs, ids, _ = fitted
    assignments = model.assignments()
    assert list(assignments.columns) == ["topic_id", "topic_label"]
    assert len(assignments) == len(texts) == len(model.labels_)
    table = model.topics_table()
    assert list(table.columns) == TOPIC_COLUMNS
    assert table["size"].sum() == len(texts)
    for _, row in table.iterrows():
        shares = json.loads(row["share_by_lang"])
        assert set(shares) <= set(LANGS) and abs(sum(shares.values()) - 1) < 0.01
        assert set(json.loads(row["keywords_by_lang"])) <= set(LANGS)
        reps = row["representative_ids"].split(";")
        assert set(reps) <= set(ids)
        # spread across languages: the first three come from three different languages
        rep_langs = [langs[ids.index(r)] for r in reps[:3]]
        assert len(set(rep_langs)) == 3
        assert row["label"] and row["label_en"]


def test_nr_topics_honoured():
    texts, x, langs, ids, _ = blobs(n_per_cell=8)
    for k in (2, 5):
        model = TopicModel(nr_topics=k).fit(texts, x, langs, ids)
        assert len(set(model.labels_.tolist())) == k
        assert len(model.topics_table()) == k


def test_centring_groups_by_subject_not_language(fitted):
    texts, x, langs, ids, gold = blobs()
    raw = TopicModel(nr_topics=3, center_languages=False).fit(texts, x, langs, ids)
    model = fitted[0]
    assert language_nmi(raw.labels_, langs) > 0.5  # built so that language dominates
    assert language_nmi(model.labels_, langs) < 0.05
    assert purity(model.labels_, gold) > 0.95


def test_keywords_exclude_stop_words_numbers_and_placeholders(fitted):
    model = fitted[0]
    table = model.topics_table()
    words = [w for cell in table["keywords"] for w in cell.split("; ")]
    for cell in table["keywords_by_lang"]:
        for lang, joined in json.loads(cell).items():
            for word in joined.split("; "):
                assert word.lower() not in kw.stop_words(lang)
                words.append(word)
    assert words
    for word in words:
        assert len(word) > 1 and not re.search(r"\d", word)
        assert word.lower() not in {"name", "[name]", "die", "the", "für", "ve", "for"}
    # the subject words survive, lemmatised where a lookup table exists
    assert {"Miete", "Schule", "Bus"} <= set(words)


def test_tokenize_lemmas_and_placeholders():
    tokens, forms = kw.tokenize_texts(
        ["Die Häuser kosten 300 Euro, meint [NAME] (a@b.de) [E-MAIL]."], ["de"]
    )
    assert {"haus", "euro"} <= set(tokens[0])
    assert not {"name", "mail", "e-mail", "die", "300", "a@b.de"} & set(tokens[0])
    assert forms["haus"] == "Haus"
    # unknown language codes fall back to the multilingual tokenizer (no stop words of its own)
    assert kw.tokenize_texts(["Somali waa luqad"], ["so"])[0][0] == ["somali", "waa", "luqad"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Nous avons besoin de logements abordables pour les familles.",
         ["besoin", "logement", "abordable", "famille"]),
        ("ca", "Necessitem més habitatges per a les famílies.",
         ["necessitar", "habitatge", "família"]),
    ],
)  # fmt: skip
def test_tables_with_several_lemmas_per_word_give_the_first(
    tmp_path, monkeypatch, lang, text, expected
):
    # the French and Catalan tables list lemmas ("avons": ["avoir"]); every French text failed
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(tmp_path))
    monkeypatch.setattr(kw, "_LEMMA_MEMO", {})
    assert all(isinstance(v, str) for v in kw.lemma_table(lang).values())
    tokens, _ = kw.tokenize_texts([text, "Die Mieten sind zu teuer."], [lang, "de"])
    assert tokens[0] == expected
    assert kw.lemma_index(lang) is not None  # the indexed copy builds too


def test_keywords_of_a_language_are_written_in_its_scripts():
    tokens, _ = kw.tokenize_texts(
        [
            "Wir haben im Café über ቡና und مسجد gesprochen.",
            "Нам нужен детский сад, Kita",
            "ቡና ጠጣ Kaffee",
        ],
        ["de", "ru", "und"],
    )
    assert tokens[0] == ["café", "sprechen"]
    assert tokens[1] == ["детский", "сад"]
    assert "ቡና" in tokens[2] and "kaffee" in tokens[2]  # und: every script stays


def test_lemma_index_answers_as_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(tmp_path))
    monkeypatch.setattr(kw, "_LEMMA_MEMO", {})
    words = ["Häuser", "häuser", "Schulen", "ging", "Wohnungen", "xyzzy", "Kita"]
    table = kw.lemma_table("de")
    expected = {w: table[w] for w in words if table.get(w)}
    assert {"Häuser", "Schulen"} <= expected.keys()
    assert kw.lemmas_for("de", words) == expected
    (index,) = (tmp_path / "lemmas").glob("de-*.sqlite3")  # built once, then reused
    built = index.stat().st_mtime_ns
    monkeypatch.setattr(kw, "_LEMMA_MEMO", {})
    assert kw.lemmas_for("de", words) == expected
    assert index.stat().st_mtime_ns == built
    assert kw.lemma_index("xx") is None and kw.lemmas_for("xx", words) == {}


def test_a_failed_lemma_index_build_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(tmp_path))
    monkeypatch.setattr(kw, "lemma_table", lambda lang: {"Häuser": {"not": "a string"}})
    assert kw.lemma_index("de") is None
    assert list((tmp_path / "lemmas").iterdir()) == []


def test_a_damaged_lemma_index_falls_back_to_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(tmp_path))
    monkeypatch.setattr(kw, "_LEMMA_MEMO", {})
    index = kw.lemma_index("de")
    index.write_bytes(b"not a database" * 100)
    assert kw.lemmas_for("de", ["Häuser"]) == {"Häuser": kw.lemma_table("de")["Häuser"]}


def test_lemmas_without_a_writable_cache_come_from_the_table(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("NLP_INTEGRATION_CACHE", str(blocked))
    monkeypatch.setattr(kw, "_LEMMA_MEMO", {})
    assert kw.lemma_index("de") is None
    assert kw.lemmas_for("de", ["Häuser"]) == {"Häuser": kw.lemma_table("de")["Häuser"]}


def test_same_seed_same_labels_and_stability_report():
    texts, x, langs, ids, _ = blobs(n_per_cell=6)
    a = TopicModel(nr_topics=3, random_state=7).fit(texts, x, langs, ids).labels_
    b = TopicModel(nr_topics=3, random_state=7).fit(texts, x, langs, ids).labels_
    assert np.array_equal(a, b)
    report = topic_stability(texts, x, langs, ids, seeds=(1, 2), nr_topics=3)
    assert list(report.columns[:3]) == ["seed_a", "seed_b", "ari"] and len(report) == 1
    assert report["ari"].iloc[0] > 0.95


def test_auto_topic_count_on_small_corpus():
    texts, x, langs, ids, gold = blobs(n_per_cell=6)
    model = TopicModel().fit(texts, x, langs, ids)
    assert model.clusterer_ == "kmeans-silhouette"
    assert len(model.topic_ids_) == 3 and purity(model.labels_, gold) > 0.95
    assert (model.labels_ >= 0).all()


def test_tiny_corpus_fallback():
    texts, x, langs, ids, _ = blobs(n_per_cell=1)
    texts, x, langs, ids = texts + ["Park"], np.vstack([x, x[:1]]), langs + ["de"], ids + ["extra"]
    model = TopicModel().fit(texts, x, langs, ids)
    assert len(model.labels_) == 10 and (model.labels_ >= 0).all()
    assert len(model.topics_table()) == len(set(model.labels_.tolist())) >= 2


def test_labels_are_german_or_english(hashing_embedder, fitted):
    model, texts, x, langs, ids, _ = fitted
    german = set(kw.vocabulary("de")) | {w for ws in model.keywords_.values() for w in ws}
    for label in model.topics_table()["label"]:
        assert set(label.split(", ")) <= german | {
            model._form(w)
            for t in model.topic_ids_
            for w in model.keywords_by_lang_.get(t, {}).get("de", [])
        }
    english = TopicModel(nr_topics=3, label_language="en").fit(
        texts, x, langs, ids, label_embedder=hashing_embedder
    )
    table = english.topics_table()
    assert (table["label"] == table["label_en"]).all()
    # without a label embedder: the report language's own keywords
    plain = TopicModel(nr_topics=3).fit(texts, x, langs, ids).topics_table()
    assert set(plain["label"].str.split(", ").str[0]) <= {
        "Miete",
        "Schule",
        "Bus",
        "hoch",
        "Lehrer",
        "Minute",
    } | set(w for cell in plain["keywords"] for w in cell.split("; "))


def test_time_class_and_hierarchy_tables(fitted):
    model, texts, *_ = fitted
    dates = ["2024-01-15", "2024-02-03", None] * (len(texts) // 3)
    over_time = model.topics_over_time(dates)
    assert list(over_time.columns) == ["topic_id", "period", "n"]
    assert over_time["n"].sum() == len(texts) - len(texts) // 3
    assert set(over_time["period"]) == {"2024-01", "2024-02"}
    classes = ["a", "b"] * (len(texts) // 2)
    per_class = model.topics_per_class(classes)
    assert list(per_class.columns) == ["topic_id", "class", "n", "share"]
    assert per_class.groupby("class")["share"].sum().round(2).eq(1).all()
    tree = model.hierarchy()
    assert list(tree.columns) == ["parent", "child_left", "child_right", "distance"]
    assert len(tree) == len(model.topic_ids_) - 1
    with pytest.raises(InputValueError):
        model.topics_per_class(classes[:-1])


def test_input_errors():
    texts, x, langs, ids, _ = blobs(n_per_cell=2)
    with pytest.raises(InputValueError):
        TopicModel().fit(texts, x[:-1], langs, ids)
    with pytest.raises(InputValueError):
        TopicModel(label_language="fr").fit(texts, x, langs, ids)


@pytest.mark.slow
def test_density_clustering_reduces_outliers_and_is_seeded():
    texts, x, langs, ids, gold = blobs(n_per_cell=25, noise=0.5)
    kwargs = dict(min_topic_size=10, random_state=3)
    model = TopicModel(**kwargs).fit(texts, x, langs, ids)
    assert model.clusterer_ in ("hdbscan", "kmeans-fallback")
    assert (model.labels_ == -1).mean() <= 0.10
    assert language_nmi(model.labels_, langs) < 0.05
    again = TopicModel(**kwargs).fit(texts, x, langs, ids)
    assert np.array_equal(model.labels_, again.labels_)
    kept = TopicModel(reduce_outliers=False, **kwargs).fit(texts, x, langs, ids)
    assert (kept.labels_ == -1).sum() == kept.n_outliers_before_


SENTENCES = {
    "football": {
        "de": [
            "Unsere Mannschaft hat das Fußballspiel gewonnen.",
            "Der Stürmer schoss zwei Tore im Stadion.",
            "Am Samstag trainiert der Fußballverein auf dem Sportplatz.",
        ],
        "en": [
            "Our team won the football match.",
            "The striker scored two goals in the stadium.",
            "The football club trains on the pitch on Saturday.",
        ],
        "tr": [
            "Takımımız futbol maçını kazandı.",
            "Forvet stadyumda iki gol attı.",
            "Futbol kulübü cumartesi sahada antrenman yapıyor.",
        ],
        "ar": [
            "فاز فريقنا في مباراة كرة القدم.",
            "سجل المهاجم هدفين في الملعب.",
            "يتدرب نادي كرة القدم في الملعب يوم السبت.",
        ],
    },
    "health": {
        "de": [
            "Der Arzt hat mir Medikamente gegen das Fieber verschrieben.",
            "Im Krankenhaus wartet man lange auf eine Behandlung.",
            "Meine Grippe ist schlimmer geworden, ich muss zum Arzt.",
        ],
        "en": [
            "The doctor prescribed me medicine for the fever.",
            "At the hospital you wait a long time for treatment.",
            "My flu got worse, I have to see a doctor.",
        ],
        "tr": [
            "Doktor bana ateş için ilaç yazdı.",
            "Hastanede tedavi için uzun süre bekleniyor.",
            "Gribim kötüleşti, doktora gitmem lazım.",
        ],
        "ar": [
            "وصف لي الطبيب دواء للحمى.",
            "في المستشفى تنتظر طويلا للعلاج.",
            "ساءت حالة الإنفلونزا لدي، يجب أن أذهب إلى الطبيب.",
        ],
    },
    "housing": {
        "de": [
            "Die Miete für unsere Wohnung ist stark gestiegen.",
            "Wir suchen seit einem Jahr eine bezahlbare Wohnung.",
            "Der Vermieter repariert die Heizung in der Wohnung nicht.",
        ],
        "en": [
            "The rent for our flat has risen sharply.",
            "We have been looking for an affordable flat for a year.",
            "The landlord does not repair the heating in the flat.",
        ],
        "tr": [
            "Dairemizin kirası çok arttı.",
            "Bir yıldır uygun fiyatlı bir daire arıyoruz.",
            "Ev sahibi dairedeki kaloriferi tamir etmiyor.",
        ],
        "ar": [
            "ارتفع إيجار شقتنا بشكل كبير.",
            "نبحث منذ سنة عن شقة بسعر معقول.",
            "المالك لا يصلح التدفئة في الشقة.",
        ],
    },
}


@pytest.mark.slow
def test_real_embeddings_group_by_subject_with_german_labels(e5_embedder):
    texts, langs, gold = [], [], []
    for subject, by_lang in SENTENCES.items():
        for lang, sentences in by_lang.items():
            texts += sentences
            langs += [lang] * len(sentences)
            gold += [subject] * len(sentences)
    ids = [f"s{i}" for i in range(len(texts))]
    x = e5_embedder.encode(texts)
    model = TopicModel(nr_topics=3).fit(texts, x, langs, ids, label_embedder=e5_embedder)
    assert purity(model.labels_, gold) >= 0.9
    assert language_nmi(model.labels_, langs) < 0.1
    table = model.topics_table()
    german = set(kw.vocabulary("de")) | {
        w for cell in table["keywords_by_lang"] for w in json.loads(cell).get("de", "").split("; ")
    }
    expected = {
        "football": {
            "Fußball",
            "Mannschaft",
            "Sport",
            "Spiel",
            "Verein",
            "Stadion",
            "Fußballspiel",
            "Tor",
        },
        "health": {
            "Arzt",
            "Krankenhaus",
            "Gesundheit",
            "Krankheit",
            "Medizin",
            "Fieber",
            "Grippe",
            "Medikament",
            "Behandlung",
        },
        "housing": {"Wohnung", "Miete", "Wohnen", "Haus", "Vermieter", "Heizung", "Mietwohnung"},
    }
    for _, row in table.iterrows():
        words = row["label"].split(", ")
        assert set(words) <= german, row["label"]
        subject = pd.Series(gold)[model.labels_ == row["topic_id"]].value_counts().index[0]
        assert set(words) & expected[subject], (subject, row["label"])


def test_seed_topics_name_their_topics(hashing_embedder):
    base = SUBJECTS["de"]
    texts = [f"{base[i % 3]} Nummer {i}" for i in range(36)]
    gold = [i % 3 for i in range(36)]
    x = hashing_embedder.encode(texts)
    seeds = {
        "Wohnen": ["Miete", "Wohnung"],
        "Schule": ["Schule", "Lehrer", "Bücher"],
        "Verkehr": ["Bus", "Haltestelle"],
    }
    model = TopicModel(nr_topics=3, seed_topics=seeds).fit(
        texts, x, ["de"] * 36, [str(i) for i in range(36)], label_embedder=hashing_embedder
    )
    assert purity(model.labels_, gold) == 1.0
    labels = model.assignments()["topic_label"]
    for subject, name in enumerate(seeds):
        assert labels[np.asarray(gold) == subject].str.startswith(f"{name}: ").all()


def test_rare_language_is_centred_on_the_shared_mean():
    texts, x, langs, ids, _ = blobs(n_per_cell=4)
    x = np.vstack([x, x[:1]])
    centred = center_by_language(x, langs + ["so"])
    # a lone row would become the zero vector if centred on its own mean
    assert np.isfinite(centred).all() and abs(np.linalg.norm(centred[-1]) - 1) < 1e-6
    assert np.allclose(centred[:-1], center_by_language(x[:-1], langs))
    means, shared = language_means(x, langs + ["so"])
    assert np.array_equal(means["so"], shared) and not np.allclose(means[langs[0]], shared)
    expected = x[-1] - shared
    assert np.allclose(centred[-1], expected / np.linalg.norm(expected))


def _inertia(x: np.ndarray, labels: np.ndarray) -> float:
    return float(
        sum(((x[labels == j] - x[labels == j].mean(axis=0)) ** 2).sum() for j in set(labels))
    )


def test_pca_kmeans_finds_planted_clusters_and_refines_on_full_space():
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(4, 50)) * 2
    gold = np.repeat(np.arange(4), 40)
    x = centres[gold] + rng.normal(size=(160, 50))
    model = PcaKMeans(4, n_components=3, n_init=20, random_state=1).fit(x)
    assert purity(model.labels_, gold) == 1.0
    assert np.array_equal(model.predict(x), model.labels_)
    # noisier data: the refinement on all 50 dimensions never worsens the full-space objective
    noisy = centres[gold] + rng.normal(size=(160, 50)) * 3
    coarse = PcaKMeans(4, n_components=2, n_init=20, refine=False, random_state=1).fit(noisy)
    refined = PcaKMeans(4, n_components=2, n_init=20, random_state=1).fit(noisy)
    assert sorted(set(coarse.labels_)) == list(range(4))
    assert _inertia(noisy, refined.labels_) <= _inertia(noisy, coarse.labels_) + 1e-9
    assert purity(refined.labels_, gold) >= purity(coarse.labels_, gold)
    again = PcaKMeans(4, n_components=2, n_init=20, random_state=1).fit(noisy)
    assert np.array_equal(again.labels_, refined.labels_)


@pytest.mark.slow
def test_umap_takes_exact_neighbours_for_mid_sized_corpora(monkeypatch):
    from nlp_integration import topics

    monkeypatch.setattr(topics, "EXACT_NEIGHBOURS", (50, 1000))
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(2, 16)) * 5
    x = np.vstack([c + rng.normal(size=(100, 16)) for c in centres])
    umap = topics._exact_neighbours_umap()(
        n_neighbors=10, n_components=2, metric="cosine", random_state=1, n_epochs=50
    )
    y = umap.fit_transform(x)
    assert umap.precomputed_knn[0].shape == (200, 10)
    assert (umap.precomputed_knn[0][:, 0] == np.arange(200)).all()
    gap = np.linalg.norm(y[:100].mean(axis=0) - y[100:].mean(axis=0))
    assert gap > 3 * max(y[:100].std(axis=0).max(), y[100:].std(axis=0).max())
