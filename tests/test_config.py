from __future__ import annotations

import tomllib

import pytest

from nlp_integration.config import Settings, default_config_toml, load_settings
from nlp_integration.errors import ConfigError


def test_defaults_are_fixed_and_frozen():
    settings = Settings()
    assert settings.seed == 42 and settings.analysis.min_cell == 5
    with pytest.raises(AttributeError):
        settings.seed = 1  # type: ignore[misc]


def test_file_then_environment_then_overrides(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(
        "seed = 1\n[analysis]\nmin_cell = 7\n[report]\nlanguage = 'en'\n", encoding="utf-8"
    )
    env = {"NLP_INTEGRATION__ANALYSIS__MIN_CELL": "8"}
    settings = load_settings(path, ["analysis.weights.severity=0.5"], environ=env)
    assert (settings.seed, settings.analysis.min_cell, settings.report.language) == (1, 8, "en")
    assert settings.analysis.weights.severity == 0.5
    assert load_settings(path, ["analysis.min_cell=9"], environ=env).analysis.min_cell == 9


def test_default_file_round_trips():
    data = tomllib.loads(default_config_toml())
    assert data["analysis"]["min_cell"] == 5
    assert data["embedding"]["backend"] == "fast-e5"


@pytest.mark.parametrize(
    ("override", "match"),
    [("analysis.nope=1", "unknown setting 'analysis.nope'"), ("analysis.min_cell=many", "expects int"),
     ("analysis=3", "is a section"), ("seed", "section.key=value")],
)  # fmt: skip
def test_bad_overrides_name_the_key(override, match):
    with pytest.raises(ConfigError, match=match):
        load_settings(overrides=[override], environ={})


def test_bad_toml_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("seed = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(path, environ={})
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml", environ={})
