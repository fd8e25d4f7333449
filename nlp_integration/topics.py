"""Topic modelling: a small adapter around BERTopic that fits on cached embeddings.

What it adds to BERTopic's defaults (measured in ``scripts/evaluate_topics.py``, see docs/topics.md):

* language-neutral topics: each language's mean vector is subtracted from its embeddings before
  clustering (``center_languages``), so parallel contributions land in one topic;
* seeded UMAP and clustering parameters adapted to corpus size, with a k-means fallback where the
  corpus is tiny or density clustering finds no structure; ``nr_topics`` gives exactly that many
  topics (:class:`PcaKMeans`: k-means on a seeded PCA space, refined on the full embeddings,
  stable across seeds);
* outlier reduction (nearest topic in embedding space);
* keywords from c-TF-IDF over spaCy tokens per language (:mod:`nlp_integration.keywords`), and
  German (or English) labels chosen in the shared embedding space;
* guided topics from seed descriptions, topics over time, per class, a merge tree, and a seed
  stability report.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from nlp_integration import background
from nlp_integration import keywords as kw
from nlp_integration.embedding import Embedder
from nlp_integration.errors import InputValueError, ModelError
from nlp_integration.schemas import OUTLIER_TOPIC, TOPIC_COLUMNS, TOPIC_ID, TOPIC_LABEL

TINY_CORPUS = 30  # below this, UMAP/HDBSCAN have too little to work with: cluster the embeddings
SMALL_CORPUS = 200  # below this, density clustering is unreliable and UMAP's JIT costs more
MIN_LANGUAGE_DOCS = 5  # a language needs this many contributions for a mean of its own
EXACT_NEIGHBOURS = (4_096, 30_000)  # corpus sizes whose UMAP neighbours we search exactly
FEW_EPOCHS = 200  # UMAP's own choice above 10,000 rows; used from 4,096 rows on, for speed


def _cache_umap_compilation() -> None:
    """Let numba keep UMAP's compiled functions on disk (beside UMAP's sources, or numba's user
    cache folder where those are read-only): later processes load them instead of compiling for
    several seconds. UMAP compiles them afresh in every process otherwise."""
    from numba.core.registry import CPUDispatcher
    from umap import distances, layouts, spectral, umap_, utils

    for module in (umap_, layouts, spectral, utils, distances):
        for function in vars(module).values():
            if isinstance(function, CPUDispatcher):
                function.enable_caching()


@lru_cache(maxsize=1)
def _exact_neighbours_umap() -> type:
    """UMAP that takes exact neighbours from :mod:`nlp_integration.neighbours` for mid-sized data.

    Below ``EXACT_NEIGHBOURS[0]`` rows UMAP searches exactly itself; from there on it would use
    pynndescent, whose numba code is compiled afresh in every process (20-40 s on two cores).
    Up to ``EXACT_NEIGHBOURS[1]`` rows a blocked matrix product is faster and exact. The
    neighbours are found in ``fit``, on the embeddings BERTopic passes (after guidance).
    """
    import warnings

    from umap import UMAP

    from nlp_integration.neighbours import nearest_neighbours

    _cache_umap_compilation()

    class ExactNeighboursUMAP(UMAP):
        def fit(self, X, *args, **kwargs):  # noqa: N803 - UMAP's signature
            if EXACT_NEIGHBOURS[0] <= len(X) <= EXACT_NEIGHBOURS[1]:
                self.precomputed_knn = nearest_neighbours(X, self.n_neighbors)
            with warnings.catch_warnings():  # no search index: we never transform new data
                warnings.filterwarnings("ignore", message=".*knn_search_index.*")
                return super().fit(X, *args, **kwargs)

    return ExactNeighboursUMAP


def language_means(
    embeddings: np.ndarray, langs: Sequence[str], min_docs: int = MIN_LANGUAGE_DOCS
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The vector subtracted from each language's embeddings, and the one for any other language.

    Languages with fewer than ``min_docs`` contributions have no reliable mean of their own: they
    (and languages not seen at all) get the average of the other languages' means.
    """
    x = np.asarray(embeddings, dtype=np.float64)
    langs_arr = np.asarray(["und" if v is None else str(v) for v in langs])
    names, counts = np.unique(langs_arr, return_counts=True)
    own = {str(lang): x[langs_arr == lang].mean(axis=0) for lang in names}
    big = [own[str(lang)] for lang, c in zip(names, counts, strict=True) if c >= min_docs]
    shared = np.mean(big, axis=0) if big else x.mean(axis=0)
    means = {
        str(lang): own[str(lang)] if c >= min_docs else shared
        for lang, c in zip(names, counts, strict=True)
    }
    return means, shared


def center_by_language(
    embeddings: np.ndarray, langs: Sequence[str], min_docs: int = MIN_LANGUAGE_DOCS
) -> np.ndarray:
    """Subtract each language's mean vector (:func:`language_means`) and re-normalise rows: this
    removes the language signal."""
    x = np.asarray(embeddings, dtype=np.float64).copy()
    langs_arr = np.asarray(["und" if v is None else str(v) for v in langs])
    means, _ = language_means(x, langs_arr, min_docs)
    for lang, mean in means.items():
        x[langs_arr == lang] -= mean
    return kw._unit(x)


def language_nmi(topic_ids: Sequence[int], langs: Sequence[str]) -> float:
    """Normalised mutual information between topic and language (0 = topics ignore language)."""
    from sklearn.metrics import normalized_mutual_info_score

    return float(normalized_mutual_info_score(np.asarray(langs).astype(str), np.asarray(topic_ids)))


def default_topic_count(n: int) -> int:
    """Number of k-means topics where the corpus itself cannot tell (tiny corpus, no density)."""
    return int(np.clip(round(np.sqrt(n / 5)), 2, 50))


def _pca(n: int, seed: int):
    """Seeded PCA to 30 dimensions (fewer on tiny corpora): the space where silhouette picks k."""
    from sklearn.decomposition import PCA

    return PCA(n_components=min(30, n - 1), random_state=seed)


def kmeans_dims(n: int, k: int) -> int:
    """PCA dimensions of the k-means space for ``k`` topics: ``k + 3``, at least 10, at most 30."""
    return min(max(10, k + 3), 30, n - 1)


def _restarts(n: int) -> int:
    """k-means restarts: many on small corpora (stability), fewer where each costs more."""
    return 200 if n <= 5_000 else 50 if n <= 50_000 else 10


def silhouette_topic_count(x: np.ndarray, seed: int, max_k: int = 15) -> int:
    """The number of k-means clusters (2..``max_k``) with the best silhouette in PCA space."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    reduced = _pca(len(x), seed).fit_transform(x)
    best, best_k = -2.0, 2
    for k in range(2, max(3, min(max_k, len(x) // 5) + 1)):
        labels = KMeans(k, n_init=10 if len(x) <= 50_000 else 3, random_state=seed).fit_predict(
            reduced
        )
        score = (
            silhouette_score(reduced, labels, sample_size=min(len(x), 3000), random_state=seed)
            if len(set(labels)) > 1
            else -1.0
        )
        if score > best + 1e-9:
            best, best_k = score, k
    return best_k


class PcaKMeans:
    """k-means in a seeded PCA space, then refined on the full embeddings.

    The PCA step (``n_components`` dimensions, not whitened) gives k-means a low-noise space where
    many restarts find the same partition; the refinement runs Lloyd iterations on the full
    (centred, unit-length) embeddings from that partition's centroids, so directions PCA dropped
    still count. Used as BERTopic's cluster model (``fit`` sets ``labels_``; ``predict``).

    Parameters
    ----------
    n_clusters : number of clusters.
    n_components : PCA dimensions of the restart space.
    n_init : k-means restarts in the PCA space (the lowest inertia wins).
    refine : run the refinement on the full embeddings.
    random_state : seed of PCA and k-means.
    """

    def __init__(
        self,
        n_clusters: int,
        n_components: int = 10,
        n_init: int = 200,
        refine: bool = True,
        random_state: int = 42,
    ) -> None:
        self.n_clusters = n_clusters
        self.n_components = n_components
        self.n_init = n_init
        self.refine = refine
        self.random_state = random_state

    def fit(self, x: np.ndarray, y=None) -> PcaKMeans:
        """Cluster the rows of ``x`` (``y`` is ignored; BERTopic passes it)."""
        from sklearn.cluster import KMeans
        from sklearn.decomposition import PCA

        x = np.asarray(x, dtype=np.float64)
        k = min(self.n_clusters, len(x))
        dims = min(self.n_components, x.shape[1], len(x) - 1)
        reduced = PCA(n_components=dims, random_state=self.random_state).fit_transform(x)
        labels = KMeans(k, n_init=self.n_init, random_state=self.random_state).fit_predict(reduced)
        used = np.unique(labels)
        centres = np.vstack([x[labels == j].mean(axis=0) for j in used])
        if self.refine:
            final = KMeans(len(used), init=centres, n_init=1, random_state=self.random_state).fit(x)
            labels, centres = final.labels_, final.cluster_centers_
        else:
            labels = np.searchsorted(used, labels)
        self.labels_ = np.asarray(labels, dtype=int)
        self.cluster_centers_ = centres
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The nearest cluster centre (squared Euclidean) for each row of ``x``."""
        x = np.asarray(x, dtype=np.float64)
        dists = (
            (x**2).sum(axis=1)[:, None]
            - 2 * x @ self.cluster_centers_.T
            + (self.cluster_centers_**2).sum(axis=1)[None, :]
        )
        return np.argmin(dists, axis=1)


class _EmbedderBackend:
    """Lets BERTopic embed seed descriptions with our embedder, shifted like the documents."""

    def __new__(cls, embedder: Embedder, shift: np.ndarray):
        from bertopic.backend import BaseEmbedder

        class Backend(BaseEmbedder):
            def embed(self, documents, verbose=False):
                vectors = np.asarray(embedder.encode(list(documents)), dtype=np.float64)
                return kw._unit(vectors - shift)

        return Backend()


class TopicModel:
    """BERTopic on precomputed embeddings, with language-neutral clustering and German labels.

    Parameters
    ----------
    nr_topics : exact number of topics (0 = let density clustering decide).
    min_topic_size : smallest topic in automatic mode (0 = adapted to corpus size).
    center_languages : subtract each language's mean embedding before clustering.
    reduce_outliers : move outliers (-1) to their nearest topic.
    seed_topics : ``{name: [seed words or descriptions]}`` for guided topics.
    n_keywords : keywords per topic (and per language).
    label_language : ``"de"`` or ``"en"``; the language of ``label``.
    random_state : seed of UMAP and the clustering.
    """

    def __init__(
        self,
        nr_topics: int = 0,
        min_topic_size: int = 0,
        center_languages: bool = True,
        reduce_outliers: bool = True,
        seed_topics: dict[str, list[str]] | None = None,
        n_keywords: int = 10,
        label_language: str = "de",
        random_state: int = 42,
    ) -> None:
        self.nr_topics = nr_topics
        self.min_topic_size = min_topic_size
        self.center_languages = center_languages
        self.reduce_outliers = reduce_outliers
        self.seed_topics = seed_topics
        self.n_keywords = n_keywords
        self.label_language = label_language
        self.random_state = random_state

    # ------------------------------------------------------------------ fitting
    def _models(self, x: np.ndarray, fallback: bool = False):
        """Dimension reduction and clustering models for the (centred) embeddings ``x``.

        * tiny corpus (< ``TINY_CORPUS``): k-means on the embeddings themselves;
        * ``nr_topics`` given: :class:`PcaKMeans`, k-means with many restarts in a seeded PCA
          space, refined on the full embeddings (on SIB-200 far more stable across seeds than
          UMAP + k-means or UMAP + HDBSCAN);
        * small corpus (< ``SMALL_CORPUS``), or density clustering found nothing: the same, with
          the number of topics chosen by silhouette;
        * otherwise seeded UMAP and HDBSCAN with a minimum topic size that grows with the corpus.
        """
        from bertopic.dimensionality import BaseDimensionalityReduction
        from sklearn.cluster import KMeans

        n, seed = len(x), self.random_state
        if n < TINY_CORPUS:
            k = min(self.nr_topics or default_topic_count(n), n)
            return BaseDimensionalityReduction(), KMeans(k, n_init=10, random_state=seed), "kmeans"
        if self.nr_topics or fallback or n < SMALL_CORPUS:
            k, how = (
                (self.nr_topics, "kmeans")
                if self.nr_topics
                else (silhouette_topic_count(x, seed), "kmeans-silhouette")
            )
            kmeans = PcaKMeans(
                k, n_components=kmeans_dims(n, k), n_init=_restarts(n), random_state=seed
            )
            return BaseDimensionalityReduction(), kmeans, how
        from hdbscan import HDBSCAN

        umap = _exact_neighbours_umap()(
            n_neighbors=int(np.clip(round(np.sqrt(n)), 10, 50)),
            n_components=5,
            min_dist=0.0,
            metric="cosine",
            random_state=seed,
            low_memory=n > 50_000,
            n_epochs=FEW_EPOCHS if n >= EXACT_NEIGHBOURS[0] else None,
        )
        size = self.min_topic_size or int(np.clip(round(n / 60), 5, 500))
        hdbscan = HDBSCAN(
            min_cluster_size=size,
            min_samples=max(2, size // 4),
            prediction_data=False,
            # one process: the default starts 4 joblib workers (about 0.2 GB each, ~2.5 s to
            # start) to save well under a second on a few thousand 5-dimensional points
            core_dist_n_jobs=1,
        )
        return umap, hdbscan, "hdbscan"

    def _bertopic(self, umap, cluster, backend, analyzer: kw.RowTokens):
        from bertopic import BERTopic
        from bertopic.vectorizers import ClassTfidfTransformer
        from sklearn.feature_extraction.text import CountVectorizer

        seeds = (
            list(self.seed_topics.values()) if self.seed_topics and backend is not None else None
        )
        return BERTopic(
            language="multilingual",  # "english" would strip every non-ASCII letter
            top_n_words=self.n_keywords,
            embedding_model=backend,
            umap_model=umap,
            hdbscan_model=cluster,
            vectorizer_model=CountVectorizer(analyzer=analyzer),
            ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
            seed_topic_list=[[str(s) for s in seed] for seed in seeds] if seeds else None,
            calculate_probabilities=False,
        )

    def fit(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        langs: Sequence[str],
        ids: Sequence[str],
        label_embedder: Embedder | None = None,
    ) -> TopicModel:
        """Cluster the contributions, reduce outliers, and describe every topic."""
        texts = ["" if t is None else str(t) for t in texts]
        n = len(texts)
        embeddings = np.asarray(embeddings, dtype=np.float64)
        if not (len(langs) == len(ids) == n == embeddings.shape[0]):
            raise InputValueError(
                f"topics: {n} texts, {embeddings.shape[0]} embeddings, {len(langs)} languages and "
                f"{len(ids)} ids differ in length: pass one of each per contribution"
            )
        if n < 2:
            raise InputValueError(
                f"topics: {n} contribution(s) cannot form topics: pass at least 2"
            )
        if self.label_language not in ("de", "en"):
            raise InputValueError(
                f"topics: label_language '{self.label_language}' is not supported: use de or en"
            )
        self.langs_ = np.asarray(["und" if v is None else str(v) for v in langs])
        self.ids_ = np.asarray([str(v) for v in ids])
        x = (
            center_by_language(embeddings, self.langs_)
            if self.center_languages
            else kw._unit(embeddings)
        )
        self.embeddings_ = x
        rows = self._keyword_tokens(texts)
        docs = [str(i) for i in range(n)]  # BERTopic's documents are row numbers (see RowTokens)

        shift = self._seed_shift(embeddings)
        backend = _EmbedderBackend(label_embedder, shift) if label_embedder is not None else None
        reducer, cluster, self.clusterer_ = self._models(x)
        model = self._bertopic(reducer, cluster, backend, rows)
        topics = np.asarray(model.fit_transform(docs, embeddings=x.copy())[0])
        if self.clusterer_ == "hdbscan" and len(set(topics.tolist()) - {OUTLIER_TOPIC}) < 2:
            # density clustering found no structure: k-means instead
            reducer, cluster, self.clusterer_ = self._models(x, fallback=True)
            model = self._bertopic(reducer, cluster, backend, rows)
            topics = np.asarray(model.fit_transform(docs, embeddings=x.copy())[0])
        self.n_outliers_before_ = int((topics == OUTLIER_TOPIC).sum())
        if self.reduce_outliers and self.n_outliers_before_ and (topics >= 0).any():
            topics = np.asarray(
                model.reduce_outliers(docs, list(topics), strategy="embeddings", embeddings=x)
            )
            model.update_topics(docs, topics=list(topics), vectorizer_model=model.vectorizer_model)
        self.model_ = model
        self.labels_ = topics.astype(int)
        self._describe(rows.tokens, label_embedder)
        return self

    def _keyword_tokens(self, texts: list[str]) -> kw.RowTokens:
        """Keyword tokens of every text, started now and fetched when c-TF-IDF needs them.

        For larger corpora, with a second core, they are computed in a worker process while
        dimension reduction and clustering run here (:mod:`nlp_integration.background`).
        """
        n = len(texts)
        pending = background.start(
            "keyword_tokens",
            {"texts": texts, "langs": self.langs_.tolist()},
            background.worth_it(n),
        )

        def fetch() -> list[list[str]]:
            answer = pending.result()
            self.word_forms_ = answer["forms"]
            return kw.drop_rare(answer["tokens"], min_df=1 if n < 50 else 2 if n < 500 else 3)

        return kw.RowTokens(fetch)

    def _seed_shift(self, embeddings: np.ndarray) -> np.ndarray:
        """The vector subtracted from seed-description embeddings (mean of the language means)."""
        if not self.center_languages:
            return np.zeros(embeddings.shape[1])
        means = [embeddings[self.langs_ == lang].mean(axis=0) for lang in np.unique(self.langs_)]
        return np.mean(means, axis=0)

    # ------------------------------------------------------------------ description
    def _describe(self, token_docs: list[list[str]], label_embedder: Embedder | None) -> None:
        topics = self.labels_
        topic_ids = sorted(set(topics.tolist()) - {OUTLIER_TOPIC})
        self.topic_ids_ = topic_ids
        self.keywords_by_lang_ = kw.keywords_per_language(
            token_docs, topics, self.langs_, self.n_keywords
        )
        self.centroids_ = (
            np.vstack([self.embeddings_[topics == t].mean(axis=0) for t in topic_ids])
            if topic_ids
            else np.zeros((0, self.embeddings_.shape[1]))
        )
        self.keywords_ = {t: self._merged_keywords(t) for t in topic_ids}
        self.label_source_ = "embedding" if label_embedder is not None else "keywords"
        self.topic_labels_ = {t: {} for t in topic_ids}
        for language in ("de", "en"):
            if label_embedder is not None:
                words = self._embedded_labels(language, label_embedder)
            else:
                words = {t: self._keyword_label(t, language) for t in topic_ids}
            for t in topic_ids:
                self.topic_labels_[t][language] = ", ".join(words[t]) or f"Thema {t}"
        if self.seed_topics and label_embedder is not None:
            self._name_seeded_topics(label_embedder)

    def _merged_keywords(self, t: int) -> list[str]:
        """Keywords in the report language where the topic has any, else English, else its main language.

        One language at a time avoids lists of translation duplicates; ``keywords_by_lang`` keeps
        the others. Slots left free are filled from the next languages by share.
        """
        by_lang = self.keywords_by_lang_.get(t, {})
        shares = pd.Series(self.langs_[self.labels_ == t]).value_counts().index.tolist()
        order = [self.label_language, "en"] + shares
        words: list[str] = []
        for lang in dict.fromkeys(order):
            for word in by_lang.get(lang, []):
                if len(words) < self.n_keywords and self._form(word) not in words:
                    words.append(self._form(word))
        return words

    def _form(self, word: str) -> str:
        return self.word_forms_.get(word, word)

    def _dominant_lang(self, t: int) -> str:
        return pd.Series(self.langs_[self.labels_ == t]).value_counts().index[0]

    def _keyword_label(self, t: int, language: str) -> list[str]:
        by_lang = self.keywords_by_lang_.get(t, {})
        lang = language if language in by_lang else self._dominant_lang(t)
        return [self._form(w) for w in by_lang.get(lang, [])[:3]]

    def _embedded_labels(self, language: str, embedder: Embedder) -> dict[int, list[str]]:
        candidates = list(kw.vocabulary(language))
        for t in self.topic_ids_:
            candidates += [
                self._form(w) for w in self.keywords_by_lang_.get(t, {}).get(language, [])
            ]
        candidates = list(dict.fromkeys(candidates))
        vectors = np.asarray(embedder.encode(candidates), dtype=np.float64)
        if vectors.shape[1] != self.centroids_.shape[1]:
            raise ModelError(
                f"topics: the label embedder gives {vectors.shape[1]} dimensions, the embeddings "
                f"{self.centroids_.shape[1]}: pass the embedder that made the embeddings"
            )
        chosen = kw.choose_labels(self.centroids_, candidates, vectors)
        return dict(zip(self.topic_ids_, chosen, strict=True))

    def _name_seeded_topics(self, embedder: Embedder) -> None:
        """Prefix a topic's label with the seed topic whose description is nearest to it."""
        names = list(self.seed_topics)
        descriptions = [" ".join(map(str, v)) for v in self.seed_topics.values()]
        vectors = kw._unit(np.asarray(embedder.encode(descriptions), dtype=np.float64))
        vectors = kw._unit(vectors - vectors.mean(axis=0)) if len(names) > 1 else vectors
        sims = kw._unit(self.centroids_) @ vectors.T
        self.seed_names_ = {}
        for row, t in enumerate(self.topic_ids_):
            j = int(np.argmax(sims[row]))
            # a seed names a topic only if that topic is its best match
            if int(np.argmax(sims[:, j])) == row:
                self.seed_names_[t] = names[j]

    # ------------------------------------------------------------------ tables
    def _label(self, t: int, language: str | None = None) -> str:
        if t == OUTLIER_TOPIC:
            return "Sonstiges" if (language or self.label_language) == "de" else "Other"
        label = self.topic_labels_[t][language or self.label_language]
        seed = getattr(self, "seed_names_", {}).get(t)
        return f"{seed}: {label}" if seed else label

    def assignments(self) -> pd.DataFrame:
        """One row per fitted text: ``topic_id`` and ``topic_label``."""
        return pd.DataFrame(
            {
                TOPIC_ID: self.labels_.astype(int),
                TOPIC_LABEL: [self._label(int(t)) for t in self.labels_],
            }
        )

    def _representatives(self, t: int, per_lang: int = 2, total: int = 10) -> list[str]:
        """Ids nearest to the topic centroid, taken round-robin across the topic's languages."""
        rows = np.flatnonzero(self.labels_ == t)
        centroid = self.centroids_[self.topic_ids_.index(t)]
        sims = self.embeddings_[rows] @ centroid
        queues = {}
        for r in rows[np.argsort(-sims, kind="stable")]:
            queues.setdefault(self.langs_[r], []).append(self.ids_[r])
        order = sorted(queues, key=lambda lang: -len(queues[lang]))
        picked: list[str] = []
        for depth in range(per_lang):
            for lang in order:
                if depth < len(queues[lang]) and len(picked) < total:
                    picked.append(queues[lang][depth])
        return picked

    def topics_table(self) -> pd.DataFrame:
        """One row per topic (outliers last, if any remain), columns as in DEVELOPERS.md."""
        rows = []
        for t in self.topic_ids_ + (
            [OUTLIER_TOPIC] if (self.labels_ == OUTLIER_TOPIC).any() else []
        ):
            mask = self.labels_ == t
            shares = pd.Series(self.langs_[mask]).value_counts(normalize=True).round(3)
            by_lang = {
                lang: "; ".join(self._form(w) for w in words)
                for lang, words in sorted(self.keywords_by_lang_.get(t, {}).items())
            }
            rows.append(
                {
                    "topic_id": int(t),
                    "label": self._label(t),
                    "label_en": self._label(t, "en"),
                    "keywords": "; ".join(self.keywords_.get(t, [])),
                    "keywords_by_lang": json.dumps(by_lang, ensure_ascii=False),
                    "size": int(mask.sum()),
                    "share_by_lang": json.dumps(
                        {k: float(v) for k, v in shares.items()}, ensure_ascii=False
                    ),
                    "representative_ids": ";".join(self._representatives(t))
                    if t != OUTLIER_TOPIC
                    else "",
                }
            )
        return pd.DataFrame(rows, columns=list(TOPIC_COLUMNS))

    def topics_over_time(self, dates: Sequence) -> pd.DataFrame:
        """Contributions per topic and month (``period`` like ``2024-03``); undated rows are left out."""
        self._check_length(dates, "dates")
        from nlp_integration.io import parse_dates

        when = parse_dates(dates)
        frame = pd.DataFrame(
            {"topic_id": self.labels_, "period": when.dt.strftime("%Y-%m")}
        ).dropna()
        out = frame.groupby(["topic_id", "period"]).size().rename("n").reset_index()
        return out.astype({"topic_id": int, "n": int})

    def topics_per_class(self, classes: Sequence) -> pd.DataFrame:
        """Contributions per topic and class; ``share`` = share of the class's contributions in the topic."""
        self._check_length(classes, "classes")
        frame = pd.DataFrame(
            {"topic_id": self.labels_, "class": pd.Series(list(classes), dtype="object")}
        )
        frame = frame.dropna()
        out = frame.groupby(["topic_id", "class"]).size().rename("n").reset_index()
        out["share"] = (out["n"] / out.groupby("class")["n"].transform("sum")).round(3)
        return out.astype({"topic_id": int, "n": int})

    def hierarchy(self) -> pd.DataFrame:
        """Merge tree of topics from average-linkage (cosine) on topic centroids.

        New nodes get ids after the largest topic id, in merge order (as in scipy's linkage).
        """
        from scipy.cluster.hierarchy import linkage

        columns = ["parent", "child_left", "child_right", "distance"]
        if len(self.topic_ids_) < 2:
            return pd.DataFrame(columns=columns)
        tree = linkage(self.centroids_, method="average", metric="cosine")
        names = list(self.topic_ids_)
        next_id = max(names) + 1
        rows = []
        for left, right, dist, _ in tree:
            names.append(next_id)
            rows.append((next_id, names[int(left)], names[int(right)], round(float(dist), 4)))
            next_id += 1
        return pd.DataFrame(rows, columns=columns)

    def _check_length(self, values: Sequence, what: str) -> None:
        if len(values) != len(self.labels_):
            raise InputValueError(
                f"topics: {len(values)} {what} for {len(self.labels_)} fitted contributions: pass one per contribution"
            )


def topic_stability(
    texts: Sequence[str],
    embeddings: np.ndarray,
    langs: Sequence[str],
    ids: Sequence[str],
    seeds: Sequence[int] = (1, 2, 3),
    **params,
) -> pd.DataFrame:
    """Adjusted Rand index of topic assignments between every pair of seeds.

    ``params`` go to :class:`TopicModel` (e.g. ``nr_topics=7``). Returns ``seed_a, seed_b, ari,
    n_topics_a, n_topics_b``.
    """
    from sklearn.metrics import adjusted_rand_score

    runs = {}
    for seed in seeds:
        model = TopicModel(**{**params, "random_state": seed})
        runs[seed] = model.fit(texts, embeddings, langs, ids).labels_
    rows = []
    for i, a in enumerate(seeds):
        for b in seeds[i + 1 :]:
            rows.append(
                {
                    "seed_a": a,
                    "seed_b": b,
                    "ari": round(float(adjusted_rand_score(runs[a], runs[b])), 4),
                    "n_topics_a": len(set(runs[a]) - {OUTLIER_TOPIC}),
                    "n_topics_b": len(set(runs[b]) - {OUTLIER_TOPIC}),
                }
            )
    return pd.DataFrame(rows, columns=["seed_a", "seed_b", "ari", "n_topics_a", "n_topics_b"])
