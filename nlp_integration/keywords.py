"""Multilingual keywords and German/English topic labels for :mod:`nlp_integration.topics`.

Tokenisation uses spaCy blank pipelines per language (the multilingual ``xx`` one where spaCy has no
language class), lookup lemmas from spacy-lookups-data where a table exists, and spaCy's stop words
per language (plus English ones, which turn up everywhere). Numbers, 1-character tokens, URLs and
redaction placeholders such as ``[NAME]`` never become keywords. Pipelines and tables load lazily,
once per process.

Labels: a topic's centroid in the shared multilingual embedding space is compared with embedded
candidate words in the report language (a built-in vocabulary of civic and general subjects plus
the topic's own keywords in that language); the nearest distinctive words form the label, so a
topic made only of Arabic or Turkish contributions still gets German words.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from functools import lru_cache
from pathlib import Path

import numpy as np

PLACEHOLDER_RE = re.compile(r"\[[A-ZÄÖÜ][A-ZÄÖÜ0-9_-]*\]", re.IGNORECASE)  # [NAME], [E-MAIL], ...
_LETTERS_RE = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
EMPTY_TOKEN = "emptydoc"  # what BERTopic writes for empty documents; never a keyword

# de | en pairs: subjects of citizen participation and integration work, plus general subjects
LABEL_VOCABULARY = """
Sprache|language; Sprachkurs|language course; Deutschkurs|German course; Übersetzung|translation;
Dolmetscher|interpreter; Bildung|education; Schule|school; Kita|daycare;
Kindergarten|kindergarten; Lehrer|teacher; Universität|university; Studium|studies;
Ausbildung|apprenticeship; Weiterbildung|further training; Prüfung|exam; Forschung|research;
Wissenschaft|science; Technik|technology; Computer|computer; Internet|internet;
Digitalisierung|digitalisation; Raumfahrt|space travel; Physik|physics; Biologie|biology;
Chemie|chemistry; Energie|energy; Erfindung|invention; Arbeit|work; Arbeitsplatz|job;
Arbeitslosigkeit|unemployment; Beruf|occupation; Lohn|wages; Unternehmen|company;
Wirtschaft|economy; Geld|money; Handel|trade; Anerkennung|recognition of qualifications;
Wohnung|flat; Wohnen|housing; Miete|rent; Nachbarschaft|neighbourhood; Nachbarn|neighbours;
Haus|house; Stadtteil|district; Stadt|city; Dorf|village; Platz|square; Park|park;
Spielplatz|playground; Grünfläche|green space; Müll|litter; Sauberkeit|cleanliness; Lärm|noise;
Sicherheit|safety; Polizei|police; Kriminalität|crime; Gewalt|violence; Angst|fear;
Beleuchtung|street lighting; Gesundheit|health; Krankheit|disease; Arzt|doctor;
Krankenhaus|hospital; Medizin|medicine; Pflege|care; Psyche|mental health; Ernährung|nutrition;
Impfung|vaccination; Virus|virus; Verkehr|traffic; Bus|bus; Bahn|railway; Fahrrad|bicycle;
Radweg|cycle lane; Auto|car; Parken|parking; Straße|street; Mobilität|mobility; Reisen|travel;
Urlaub|holiday; Tourismus|tourism; Hotel|hotel; Flug|flight; Flughafen|airport;
Reisepass|passport; Grenze|border; Freizeit|leisure; Sport|sport; Fußball|football; Verein|club;
Mannschaft|team; Spiel|match; Olympische Spiele|Olympic Games; Schwimmen|swimming;
Jugendzentrum|youth centre; Jugend|youth; Kinder|children; Familie|family; Senioren|older people;
Frauen|women; Begegnung|encounter; Treffpunkt|meeting place; Gemeinschaft|community;
Zusammenhalt|cohesion; Fest|festival; Ehrenamt|volunteering; Beteiligung|participation;
Bürgerbeteiligung|public participation; Demokratie|democracy; Wahl|election; Politik|politics;
Regierung|government; Parlament|parliament; Partei|party; Präsident|president; Gesetz|law;
Recht|rights; Gericht|court; Krieg|war; Frieden|peace; Militär|military; Protest|protest;
Diskriminierung|discrimination; Rassismus|racism; Vorurteil|prejudice; Ausgrenzung|exclusion;
Gleichberechtigung|equality; Verwaltung|administration; Behörde|public authority; Amt|office;
Aufenthalt|residence permit; Antrag|application; Termin|appointment; Formular|form;
Bürokratie|bureaucracy; Einbürgerung|naturalisation; Migration|migration; Flucht|flight from war;
Geflüchtete|refugees; Integration|integration; Kultur|culture; Religion|religion; Moschee|mosque;
Kirche|church; Tradition|tradition; Musik|music; Film|film; Fernsehen|television;
Theater|theatre; Kunst|art; Museum|museum; Unterhaltung|entertainment; Buch|book;
Literatur|literature; Geschichte|history; Geografie|geography; Land|country; Insel|island;
Berg|mountain; Fluss|river; Meer|sea; Klima|climate; Wetter|weather; Umwelt|environment;
Natur|nature; Tiere|animals; Pflanzen|plants; Landwirtschaft|agriculture; Essen|food;
Einkaufen|shopping; Armut|poverty; Sozialleistungen|social benefits; Beratung|counselling;
Information|information; Medien|media; Zeitung|newspaper; Kommunikation|communication;
Nachrichten|news
"""


@lru_cache(maxsize=64)
def spacy_pipeline(lang: str):
    """A blank spaCy pipeline for ``lang`` (``xx`` where spaCy has no such language)."""
    import spacy

    try:
        return spacy.blank(lang)
    except Exception:  # ImportError for unknown codes, others for missing optional deps
        return spacy.blank("xx")


def _lemma_source(lang: str) -> Path | None:
    """spacy-lookups-data's lemma lookup file for ``lang``, or None where there is none."""
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - install problem; keywords then stay unlemmatised
        return None
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lemma_lookup.json.gz"
    return path if path.is_file() else None


def lemma_table(lang: str) -> dict[str, str]:
    """The lookup lemma table of spacy-lookups-data for ``lang`` (empty where there is none).

    The whole table: the ten languages' tables take about 500 MB as dicts and 3 s to read;
    :func:`lemmas_for` looks words up in an indexed copy instead. Where the table lists several
    lemmas for a word (French, Catalan), the first is taken.
    """
    path = _lemma_source(lang)
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    if any(not isinstance(lemma, str) for lemma in table.values()):
        table = {
            word: lemma if isinstance(lemma, str) else str(lemma[0])
            for word, lemma in table.items()
            if isinstance(lemma, str) or lemma
        }
    return table


def lemma_index(lang: str) -> Path | None:
    """An SQLite copy of the lemma table of ``lang`` in the cache folder, built on first use.

    Reading a table takes up to 1.2 s (Turkish: 1.3 million forms) in every run; the indexed
    copy answers a corpus's few thousand words in milliseconds. None where ``lang`` has no table
    or the folder cannot be written (then :func:`lemmas_for` reads the table itself).
    """
    source = _lemma_source(lang)
    if source is None:
        return None
    from nlp_integration.embedding import default_cache_dir
    from nlp_integration.io import atomic_write

    stat = source.stat()  # a new spacy-lookups-data release gets its own copy
    index = default_cache_dir() / "lemmas" / f"{lang}-{stat.st_size}-{int(stat.st_mtime)}.sqlite3"
    if index.is_file():
        return index

    def build(tmp: Path) -> None:
        with closing(sqlite3.connect(tmp)) as con, con:
            con.execute("CREATE TABLE lemma (word TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID")
            con.executemany("INSERT OR IGNORE INTO lemma VALUES (?, ?)", lemma_table(lang).items())

    try:
        return atomic_write(index, build)  # whole or not at all, also with runs in parallel
    except (OSError, sqlite3.Error):
        return None


def _lookup(index: Path, words: list[str], chunk: int = 900) -> dict[str, str]:
    found: dict[str, str] = {}
    with closing(sqlite3.connect(f"file:{index}?mode=ro", uri=True)) as con:
        for start in range(0, len(words), chunk):
            part = words[start : start + chunk]
            marks = ",".join("?" * len(part))
            found.update(
                con.execute(f"SELECT word, lemma FROM lemma WHERE word IN ({marks})", part)
            )
    return found


_LEMMA_MEMO: dict[str, dict[str, str]] = {}  # per language: every word looked up -> lemma or ""


def lemmas_for(lang: str, words: Iterable[str]) -> dict[str, str]:
    """Lookup lemmas of those ``words`` the table of ``lang`` has.

    Words are looked up in :func:`lemma_index`; only the words asked for stay in memory.
    """
    memo = _LEMMA_MEMO.setdefault(lang, {})
    words = set(words)
    missing = sorted(words - memo.keys())
    if missing:
        index = lemma_index(lang)
        try:
            table = _lookup(index, missing) if index else lemma_table(lang)
        except sqlite3.Error:  # a damaged copy: the table itself still answers
            table = lemma_table(lang)
        memo.update({w: table.get(w) or "" for w in missing})
    return {w: memo[w] for w in words if memo[w]}


@lru_cache(maxsize=64)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang`` plus the English and German ones, lower-cased."""
    words = set(spacy_pipeline(lang).Defaults.stop_words)
    for extra in ("en", "de"):  # English and German words turn up in contributions of any language
        words |= set(spacy_pipeline(extra).Defaults.stop_words)
    return frozenset(w.lower() for w in words)


def _keep(token, stops: frozenset[str]) -> bool:
    text = token.text
    if len(text) < 2 or token.like_num or token.like_url or token.like_email:
        return False
    return bool(_LETTERS_RE.match(text)) and text.lower() not in stops


def tokenize_texts(
    texts: Sequence[str], langs: Sequence[str]
) -> tuple[list[list[str]], dict[str, str]]:
    """Keyword tokens (lower-cased lookup lemmas, no stop words/numbers/placeholders) per text.

    Returns the token lists and a map from each lower-cased token to its most frequent written form
    (so German nouns keep their capital letter in keywords and labels).
    """
    from nlp_integration.language import scripts_of, written_in

    tokens: list[list[str]] = [[] for _ in texts]
    forms: dict[str, Counter] = {}
    by_lang: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        by_lang.setdefault(str(lang or "xx"), []).append(i)
    for lang, rows in by_lang.items():
        nlp, stops = spacy_pipeline(lang), stop_words(lang)
        cleaned = [PLACEHOLDER_RE.sub(" ", str(texts[i] or "")) for i in rows]
        # a detected language keeps only words in its own scripts (no Amharic among German keywords)
        scripts = None if lang in ("und", "xx") else scripts_of(lang)
        kept = [
            [
                token.text
                for token in doc
                if _keep(token, stops) and (scripts is None or written_in(token.text, scripts))
            ]
            for doc in nlp.tokenizer.pipe(cleaned, batch_size=500)
        ]
        vocabulary = {word for words in kept for word in words}
        lemmas = lemmas_for(lang, vocabulary | {word.lower() for word in vocabulary})
        for i, words in zip(rows, kept, strict=True):
            out = []
            for word in words:
                lemma = lemmas.get(word) or lemmas.get(word.lower()) or word
                key = lemma.lower()
                if len(key) < 2 or key in stops or key == EMPTY_TOKEN:
                    continue
                out.append(key)
                forms.setdefault(key, Counter())[lemma] += 1
            tokens[i] = out
    return tokens, {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def drop_rare(token_docs: Sequence[list[str]], min_df: int) -> list[list[str]]:
    """Remove tokens found in fewer than ``min_df`` documents (one-off names, typos)."""
    if min_df <= 1:
        return [list(tokens) for tokens in token_docs]
    df = Counter(t for tokens in token_docs for t in set(tokens))
    return [[t for t in tokens if df[t] >= min_df] for tokens in token_docs]


class RowTokens:
    """CountVectorizer analyzer for BERTopic documents that are row numbers.

    BERTopic joins a topic's documents with spaces before c-TF-IDF, so a document reads "17" or
    "3 17 42"; the analyzer returns the keyword tokens of those rows. ``fetch`` gives the token
    lists on first use, so they can still be computed in a worker process while UMAP runs.
    """

    def __init__(self, fetch: Callable[[], list[list[str]]]) -> None:
        self._fetch: Callable[[], list[list[str]]] | None = fetch
        self._tokens: list[list[str]] | None = None

    @property
    def tokens(self) -> list[list[str]]:
        """The token list of every row (fetched once)."""
        if self._tokens is None:
            self._tokens, self._fetch = self._fetch(), None
        return self._tokens

    def __call__(self, doc: str) -> list[str]:
        tokens = self.tokens
        return [token for row in doc.split() for token in tokens[int(row)]]


def split_tokens(doc: str) -> list[str]:
    """Analyzer for CountVectorizer over pre-tokenised, space-joined documents."""
    return [t for t in doc.split() if t != EMPTY_TOKEN]


def keywords_per_language(
    token_docs: Sequence[list[str]], topics: np.ndarray, langs: Sequence[str], n: int
) -> dict[int, dict[str, list[str]]]:
    """c-TF-IDF keywords per topic and language: ``{topic: {lang: [word, ...]}}``.

    Each language gets its own topic × word matrix and BERTopic's ``ClassTfidfTransformer``, so a
    language with few contributions still shows its own words.
    """
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    topics = np.asarray(topics)
    langs_arr = np.asarray([str(x) for x in langs])
    out: dict[int, dict[str, list[str]]] = {}
    for lang in sorted(set(langs_arr)):
        rows = np.flatnonzero((langs_arr == lang) & (topics >= 0))
        topic_ids = sorted(set(topics[rows].tolist()))
        joined = [
            " ".join(w for i in rows[topics[rows] == t] for w in token_docs[i]) for t in topic_ids
        ]
        if not any(joined):
            continue
        vectorizer = CountVectorizer(analyzer=split_tokens)
        counts = vectorizer.fit_transform(joined)
        if counts.shape[1] > 1:
            weights = (
                ClassTfidfTransformer(reduce_frequent_words=True).fit_transform(counts).toarray()
            )
        else:  # one word only: c-TF-IDF's idf collapses to a scalar; the counts rank it alone
            weights = counts.toarray().astype(float)
        words = vectorizer.get_feature_names_out()
        raw = counts.toarray()
        for row, t in enumerate(topic_ids):
            order = [j for j in np.argsort(-weights[row], kind="stable") if raw[row, j] > 0][:n]
            if order:
                out.setdefault(int(t), {})[lang] = [str(words[j]) for j in order]
    return out


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms


def choose_labels(
    centroids: np.ndarray,
    candidates: Sequence[str],
    candidate_vectors: np.ndarray,
    n_words: int = 3,
) -> list[list[str]]:
    """Per topic centroid, the ``n_words`` candidates nearest to it and least near other topics.

    Both sides are centred (candidates on their own mean, as single words sit apart from sentences)
    so that similarity measures content, not genre or language.
    """
    if len(candidates) == 0 or len(centroids) == 0:
        return [[] for _ in centroids]
    cand = _unit(candidate_vectors - candidate_vectors.mean(axis=0))
    sims = _unit(centroids) @ cand.T  # topics × candidates
    contrast = sims - (sims.mean(axis=0, keepdims=True) if len(centroids) > 1 else 0.0)
    score = sims + contrast
    labels = []
    for t in range(len(centroids)):
        chosen: list[int] = []
        for j in np.argsort(-score[t], kind="stable"):
            word = candidates[j]
            if any(
                word.lower() == candidates[k].lower() or float(cand[j] @ cand[k]) > 0.9
                for k in chosen
            ):
                continue
            chosen.append(int(j))
            if len(chosen) == n_words:
                break
        labels.append([candidates[j] for j in chosen])
    return labels


def vocabulary(language: str) -> list[str]:
    """The built-in label vocabulary in ``de`` or ``en``."""
    column = 0 if language == "de" else 1
    pairs = [p.strip() for p in LABEL_VOCABULARY.replace("\n", " ").split(";") if p.strip()]
    return [pair.split("|")[column] for pair in pairs]
