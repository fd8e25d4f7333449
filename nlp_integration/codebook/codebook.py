"""The integration codebook: labels, definitions and multilingual examples, loaded from YAML.

The bundled ``integration_v1.yaml`` holds the 14 themes and 6 statement types of INTERFACE.md.
Analysts may load their own codebook of the same shape (any label keys) with
``load_codebook(path)``. Files are read with ``yaml.safe_load`` only and validated; every problem
raises :class:`~nlp_integration.errors.ConfigError` naming the file, the label and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from nlp_integration.errors import ConfigError

BUNDLED_FILE = "integration_v1.yaml"
KINDS: tuple[str, ...] = ("theme", "statement_type")
UNKNOWN_LANG = "und"
_KEY_PATTERN = re.compile(r"^\w[\w\-]*$")


@dataclass(frozen=True)
class Example:
    """One example text of a label and its ISO 639-1 language code."""

    text: str
    lang: str


@dataclass(frozen=True)
class Label:
    """One label of the codebook: a theme or a statement type."""

    key: str
    kind: str
    name_de: str
    name_en: str
    definition_de: str
    definition_en: str
    description_de: str
    description_en: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    examples: tuple[Example, ...]
    counter_examples: tuple[Example, ...]


@dataclass(frozen=True)
class Codebook:
    """A versioned set of labels; ``languages`` lists the languages the examples cover."""

    version: str
    name: str
    labels: tuple[Label, ...]
    languages: tuple[str, ...] = field(default=())

    def themes(self) -> tuple[Label, ...]:
        """The labels of kind ``theme``, in codebook order."""
        return tuple(label for label in self.labels if label.kind == "theme")

    def statement_types(self) -> tuple[Label, ...]:
        """The labels of kind ``statement_type``, in codebook order."""
        return tuple(label for label in self.labels if label.kind == "statement_type")

    def label(self, key: str) -> Label:
        """The label with this key (``KeyError`` naming the known keys if there is none)."""
        for label in self.labels:
            if label.key == key:
                return label
        raise KeyError(
            f"codebook {self.name!r} has no label {key!r}; known: {', '.join(self.keys())}"
        )

    def keys(self, kind: str | None = None) -> list[str]:
        """Label keys in codebook order, optionally only those of one kind."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown label kind {kind!r}; use one of {', '.join(KINDS)}")
        return [label.key for label in self.labels if kind is None or label.kind == kind]


# --------------------------------------------------------------------------- loading


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and validate a codebook YAML file.

    Parameters
    ----------
    path
        A YAML file of the shape of the bundled codebook; ``None`` loads the bundled
        ``integration_v1.yaml``.

    Raises
    ------
    ConfigError
        If the file is missing, is not valid (safe) YAML, or a label lacks a required field, has an
        unknown kind, a duplicate key or no examples.
    """
    if path is None:
        return _load_bundled()
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{file}: codebook file not found; give the path of a codebook YAML file")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read the codebook as UTF-8 text ({exc})") from exc
    return _parse(text, str(file))


@lru_cache(maxsize=1)
def _load_bundled() -> Codebook:
    resource = resources.files("nlp_integration") / "codebook" / BUNDLED_FILE
    return _parse(resource.read_text(encoding="utf-8"), str(resource))


def _parse(text: str, source: str) -> Codebook:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"{source}: not a valid codebook YAML file ({first_line})") from exc
    if not isinstance(data, dict):
        raise ConfigError(
            f"{source}: the codebook must be a mapping with 'version', 'name' and 'labels'"
        )
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise ConfigError(f"{source}: 'labels' must be a non-empty list of label entries")
    version = data.get("version")
    if version is None or str(version).strip() == "":
        raise ConfigError(f"{source}: field 'version' is missing; add e.g. version: \"1.0\"")
    name = data.get("name") or Path(source).stem
    languages = data.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise ConfigError(f"{source}: 'languages' must be a list of language codes")

    labels: list[Label] = []
    seen: set[str] = set()
    for position, raw in enumerate(raw_labels, start=1):
        label = _parse_label(raw, source, position)
        if label.key in seen:
            raise ConfigError(
                f"{source}: label {label.key!r} is defined twice; label keys must be unique"
            )
        seen.add(label.key)
        labels.append(label)
    return Codebook(
        version=str(version).strip(),
        name=str(name).strip(),
        labels=tuple(labels),
        languages=tuple(languages),
    )


def _parse_label(raw: Any, source: str, position: int) -> Label:
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{source}: label entry #{position} must be a mapping with 'key', 'kind', ..."
        )
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY_PATTERN.match(key.strip()):
        raise ConfigError(
            f"{source}: label entry #{position} needs a 'key' of letters, digits, '_' or '-' "
            f"(got {key!r})"
        )
    key = key.strip()
    where = f"{source}: label {key!r}"

    kind = raw.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{where}: field 'kind' is {kind!r}; use one of {', '.join(KINDS)}")

    name_de, name_en = _pair(raw, "name", where, default=key)
    definition_de, definition_en = _pair(raw, "definition", where, default=None)
    description_de, description_en = _pair(
        raw, "description", where, default=None, fallback=(definition_de, definition_en)
    )
    examples = _examples(raw.get("examples"), f"{where}, field 'examples'", required=True)
    counter = _examples(raw.get("counter_examples"), f"{where}, field 'counter_examples'")
    clash = {ex.text for ex in examples} & {ex.text for ex in counter}
    if clash:
        raise ConfigError(
            f"{where}: text {sorted(clash)[0]!r} is both an example and a counter-example"
        )
    return Label(
        key=key,
        kind=kind,
        name_de=name_de,
        name_en=name_en,
        definition_de=definition_de,
        definition_en=definition_en,
        description_de=description_de,
        description_en=description_en,
        include=_strings(raw.get("include"), f"{where}, field 'include'"),
        exclude=_strings(raw.get("exclude"), f"{where}, field 'exclude'"),
        examples=examples,
        counter_examples=counter,
    )


def _pair(
    raw: dict[str, Any],
    stem: str,
    where: str,
    default: str | None,
    fallback: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """German and English variants of a text field; one language stands in for the other."""
    values: dict[str, str | None] = {}
    for lang in ("de", "en"):
        name = f"{stem}_{lang}"
        value = raw.get(name)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}: field {name!r} must be text")
        values[lang] = value.strip() if isinstance(value, str) and value.strip() else None
    de, en = values["de"] or values["en"], values["en"] or values["de"]
    if de is None or en is None:
        if fallback is not None:
            return fallback
        if default is None:
            raise ConfigError(f"{where}: field '{stem}_de' or '{stem}_en' is missing or empty")
        return default, default
    return de, en


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise ConfigError(f"{where}: must be a list of non-empty texts")
    return tuple(x.strip() for x in value)


def _examples(value: Any, where: str, required: bool = False) -> tuple[Example, ...]:
    if value is None or value == []:
        if required:
            raise ConfigError(f"{where}: is missing or empty; give at least one example text")
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{where}: must be a list of {{lang: .., text: ..}} entries")
    examples: list[Example] = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, str):
            text, lang = item, UNKNOWN_LANG
        elif isinstance(item, dict):
            text, lang = item.get("text"), item.get("lang", UNKNOWN_LANG)
        else:
            raise ConfigError(f"{where}: entry #{number} must be a text or {{lang: .., text: ..}}")
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{where}: entry #{number} has no text")
        if not isinstance(lang, str) or not lang.strip():
            raise ConfigError(f"{where}: entry #{number} has an invalid 'lang' ({lang!r})")
        examples.append(Example(text=text.strip(), lang=lang.strip().lower()))
    return tuple(examples)


# --------------------------------------------------------------------------- documentation


def codebook_to_markdown(codebook: Codebook) -> str:
    """The documentation page of a codebook: label table, definitions, notes and examples."""
    lines = [
        f"# Codebook `{codebook.name}` (version {codebook.version})",
        "",
        f"{len(codebook.themes())} themes and {len(codebook.statement_types())} statement types; "
        "every contribution can carry several themes and several statement types (multi-label).",
        "",
        "| key | kind | Deutsch | English | examples | languages | counter-examples |",
        "|---|---|---|---|---:|---|---:|",
    ]
    for label in codebook.labels:
        langs = ", ".join(_language_order(codebook, [ex.lang for ex in label.examples]))
        lines.append(
            f"| `{label.key}` | {label.kind} | {_cell(label.name_de)} | {_cell(label.name_en)} "
            f"| {len(label.examples)} | {langs} | {len(label.counter_examples)} |"
        )
    for title, labels in (
        ("Themes", codebook.themes()),
        ("Statement types", codebook.statement_types()),
    ):
        if not labels:
            continue
        lines += ["", f"## {title}"]
        for label in labels:
            lines += _label_section(codebook, label)
    return "\n".join(lines).rstrip() + "\n"


def _label_section(codebook: Codebook, label: Label) -> list[str]:
    lines = [
        "",
        f"### `{label.key}` — {label.name_de} / {label.name_en}",
        "",
        f"**Definition (de):** {label.definition_de}",
        "",
        f"**Definition (en):** {label.definition_en}",
        "",
        f"**Zero-shot description:** {label.description_de} · {label.description_en}",
    ]
    for heading, notes in (("Include", label.include), ("Exclude", label.exclude)):
        if notes:
            lines += ["", f"**{heading}:**", ""] + [f"- {note}" for note in notes]
    for heading, examples in (
        ("Examples", label.examples),
        ("Counter-examples (look similar, but are not this label)", label.counter_examples),
    ):
        if examples:
            lines += ["", f"**{heading}:**", ""]
            for lang in _language_order(codebook, [ex.lang for ex in examples]):
                lines.append(f"- **{lang}**")
                lines += [f"  - {ex.text}" for ex in examples if ex.lang == lang]
    return lines


def _language_order(codebook: Codebook, langs: Iterable[str]) -> list[str]:
    present = set(langs)
    ordered = [lang for lang in codebook.languages if lang in present]
    return ordered + sorted(present - set(ordered))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
