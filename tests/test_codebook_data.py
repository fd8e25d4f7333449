"""The bundled integration codebook (data) and its loader: content, validation, documentation."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from nlp_integration import schemas
from nlp_integration.codebook.codebook import (
    Codebook,
    Example,
    Label,
    codebook_to_markdown,
    load_codebook,
)
from nlp_integration.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
MIN_EXAMPLES = 12
MIN_LANGUAGES = 6


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


def _all_texts(codebook: Codebook) -> list[str]:
    return [ex.text for lab in codebook.labels for ex in lab.examples + lab.counter_examples]


# ----------------------------------------------------------------- bundled data


def test_bundled_codebook_has_exactly_the_interface_keys_and_kinds(codebook: Codebook) -> None:
    assert codebook.keys("theme") == list(schemas.THEME_KEYS)
    assert codebook.keys("statement_type") == list(schemas.STATEMENT_TYPE_KEYS)
    assert len(codebook.keys()) == 20
    assert all(label.kind == "theme" for label in codebook.themes())
    assert all(label.kind == "statement_type" for label in codebook.statement_types())
    assert codebook.version == "1.0"


@pytest.mark.parametrize("key", schemas.THEME_KEYS + schemas.STATEMENT_TYPE_KEYS)
def test_every_label_is_documented_with_enough_multilingual_examples(
    codebook: Codebook, key: str
) -> None:
    label = codebook.label(key)
    for text in (
        label.name_de,
        label.name_en,
        label.definition_de,
        label.definition_en,
        label.description_de,
        label.description_en,
    ):
        assert text.strip()
    assert label.include and label.exclude
    assert len(label.examples) >= MIN_EXAMPLES
    assert len({ex.lang for ex in label.examples}) >= MIN_LANGUAGES
    assert {ex.lang for ex in label.examples} <= set(codebook.languages)
    # short workshop cards and longer texts of several sentences
    assert min(len(ex.text.split()) for ex in label.examples) <= 4
    assert max(ex.text.count(".") for ex in label.examples) >= 2


@pytest.mark.parametrize("key, minimum", [("prejudice", 12), ("fear", 8)])
def test_counter_examples_for_prejudice_and_fear(
    codebook: Codebook, key: str, minimum: int
) -> None:
    counter = codebook.label(key).counter_examples
    assert len(counter) >= minimum
    assert len({ex.lang for ex in counter}) >= 5


def test_prejudice_counter_examples_cover_negation_and_counter_speech(codebook: Codebook) -> None:
    texts = [ex.text for ex in codebook.label("prejudice").counter_examples]
    assert "It's not true that refugees don't want to work." in texts
    assert any(t.startswith("Nicht alle") for t in texts)
    assert any("stimmt" in t and "nicht" in t for t in texts)
    langs = {ex.lang for ex in codebook.label("prejudice").examples}
    assert {"de", "en", "ar", "pl", "tr", "ru", "uk"} <= langs


def test_no_example_text_is_used_twice(codebook: Codebook) -> None:
    counts = Counter(_all_texts(codebook))
    assert [text for text, n in counts.items() if n > 1] == []


def test_scripts_are_right_for_their_language(codebook: Codebook) -> None:
    def has(text: str, low: int, high: int) -> bool:
        return any(low <= ord(ch) <= high for ch in text)

    for label in codebook.labels:
        for ex in label.examples + label.counter_examples:
            if ex.lang in {"ar", "fa"}:
                assert has(ex.text, 0x0600, 0x06FF), ex
            elif ex.lang in {"ru", "uk", "bg"}:
                assert has(ex.text, 0x0400, 0x04FF), ex
            else:
                assert not has(ex.text, 0x0400, 0x06FF), ex
            if ex.lang == "fa":
                assert "ي" not in ex.text and "ك" not in ex.text, ex  # Persian ی and ک


def test_label_lookup_and_keys(codebook: Codebook) -> None:
    assert isinstance(codebook.label("housing"), Label)
    assert codebook.label("housing").name_de == "Wohnen"
    assert isinstance(codebook.label("fear").examples[0], Example)
    with pytest.raises(KeyError):
        codebook.label("no_such_label")
    with pytest.raises(ValueError):
        codebook.keys("topic")


# ----------------------------------------------------------------- custom codebooks


CUSTOM = """\
version: 2
name: cycling
labels:
  - key: Radwege
    kind: theme
    name_de: Radwege
    definition_de: Beiträge über Radwege.
    examples:
      - {lang: de, text: Breitere Radwege}
      - Mehr Fahrradstraßen
  - key: parken
    kind: theme
    definition_en: Parking.
    description_en: About parking of bikes and cars.
    examples: [{lang: de, text: "Fahrradbügel am Bahnhof"}]
"""


def test_custom_codebook_of_the_same_shape_loads(tmp_path: Path) -> None:
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    book = load_codebook(path)
    assert book.keys() == ["Radwege", "parken"]
    assert book.version == "2"
    first = book.label("Radwege")
    assert first.name_en == "Radwege" and first.definition_en == "Beiträge über Radwege."
    assert first.description_de == "Beiträge über Radwege."
    assert first.examples[1] == Example(text="Mehr Fahrradstraßen", lang="und")
    second = book.label("parken")
    assert (
        second.name_de == "parken" and second.description_de == "About parking of bikes and cars."
    )
    assert second.counter_examples == () and second.include == ()


GOOD_LABEL = """\
  - key: {key}
    kind: {kind}
    name_de: A
    name_en: A
    definition_de: Def.
    definition_en: Def.
    examples: [{{lang: de, text: "{text}"}}]
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text('version: "1.0"\nname: bad\nlabels:\n' + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, fragments",
    [
        (
            GOOD_LABEL.format(key="alpha", kind="theme", text="x").replace(
                "    definition_de: Def.\n    definition_en: Def.\n", ""
            ),
            ["'alpha'", "definition"],
        ),
        (GOOD_LABEL.format(key="alpha", kind="topic", text="x"), ["'alpha'", "kind", "topic"]),
        (
            GOOD_LABEL.format(key="alpha", kind="theme", text="x")
            + GOOD_LABEL.format(key="alpha", kind="theme", text="y"),
            ["'alpha'", "twice"],
        ),
        (
            GOOD_LABEL.format(key="alpha", kind="theme", text="x").replace(
                '    examples: [{lang: de, text: "x"}]\n', "    examples: []\n"
            ),
            ["'alpha'", "examples"],
        ),
        (
            GOOD_LABEL.format(key="alpha", kind="theme", text="x")
            + '    counter_examples: [{lang: de, text: "x"}]\n',
            ["'alpha'", "counter-example"],
        ),
        ("  - kind: theme\n    examples: [a]\n", ["#1", "key"]),
        (GOOD_LABEL.format(key="a b", kind="theme", text="x"), ["#1", "key"]),
    ],
    ids=[
        "missing-field",
        "unknown-kind",
        "duplicate-key",
        "no-examples",
        "clash",
        "no-key",
        "bad-key",
    ],
)
def test_bad_codebook_raises_config_error_naming_file_and_label(
    tmp_path: Path, body: str, fragments: list[str]
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_codebook(path)
    message = str(info.value)
    assert "bad.yaml" in message
    for fragment in fragments:
        assert fragment in message
    assert "\n" not in message


def test_missing_file_and_broken_yaml_raise_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_codebook(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("labels: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="broken.yaml"):
        load_codebook(broken)
    not_mapping = tmp_path / "list.yaml"
    not_mapping.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mapping"):
        load_codebook(not_mapping)


def test_python_tags_are_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    path = tmp_path / "evil.yaml"
    path.write_text(
        'version: "1.0"\nname: evil\nlabels:\n'
        f"  - !!python/object/apply:os.system ['touch {marker}']\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="evil.yaml"):
        load_codebook(path)
    assert not marker.exists()


# ----------------------------------------------------------------- documentation


def test_markdown_lists_every_label_definition_and_example(codebook: Codebook) -> None:
    page = codebook_to_markdown(codebook)
    for label in codebook.labels:
        assert f"### `{label.key}`" in page
        assert label.definition_de in page and label.definition_en in page
        assert all(ex.text in page for ex in label.examples + label.counter_examples)


def test_docs_page_is_up_to_date_with_the_generator() -> None:
    script = ROOT / "scripts" / "build_codebook_doc.py"
    spec = importlib.util.spec_from_file_location("build_codebook_doc", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert page == module.build_page(), "run: python scripts/build_codebook_doc.py"
