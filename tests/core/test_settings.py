"""Settings: defaults, YAML, environment overrides, and loud errors naming key and origin."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.errors import ConfigError
from vigie.settings import load_settings


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "vigie.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_without_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(environ={})
    assert s.store.url == "sqlite:///vigie.db"
    assert s.policy.path is None and s.policy.shadow is None
    assert s.detection.max_chars == 20_000


def test_yaml_values_apply(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  max_chars: 5000\npolicy:\n  shadow: candidate.yaml\n")
    s = load_settings(p, environ={})
    assert s.detection.max_chars == 5000
    assert s.policy.shadow == "candidate.yaml"


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  max_char: 5000\n")
    with pytest.raises(ConfigError) as info:
        load_settings(p, environ={})
    assert "detection.max_char" in info.value.message
    assert str(p) in info.value.message
    assert info.value.code == "config.invalid"


def test_unknown_section(tmp_path: Path) -> None:
    p = write(tmp_path, "detecton:\n  max_chars: 5000\n")
    with pytest.raises(ConfigError, match="unknown key 'detecton'"):
        load_settings(p, environ={})


def test_wrong_type_names_key_and_value(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  max_chars: lots\n")
    with pytest.raises(ConfigError) as info:
        load_settings(p, environ={})
    assert "detection.max_chars" in info.value.message and "'lots'" in info.value.message


def test_out_of_range_value(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  chunk_chars: 5\n")
    with pytest.raises(ConfigError, match=r"detection\.chunk_chars"):
        load_settings(p, environ={})


def test_duplicate_detector(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  detectors: [vigie.lexicon, vigie.lexicon]\n")
    with pytest.raises(ConfigError, match="listed twice"):
        load_settings(p, environ={})


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    p = write(tmp_path, "detection: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(p, environ={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.yaml", environ={})


def test_env_overrides_file_and_is_typed(tmp_path: Path) -> None:
    p = write(tmp_path, "detection:\n  max_chars: 5000\n")
    s = load_settings(p, environ={"VIGIE_DETECTION__MAX_CHARS": "7000", "VIGIE_DB_URL": "sqlite:///x.db"})
    assert s.detection.max_chars == 7000
    assert s.store.url == "sqlite:///x.db"


def test_env_error_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="VIGIE_DETECTION__MAX_CHARS"):
        load_settings(environ={"VIGIE_DETECTION__MAX_CHARS": "many"})
    with pytest.raises(ConfigError, match="VIGIE_NOPE"):
        load_settings(environ={"VIGIE_NOPE": "1"})
    with pytest.raises(ConfigError, match=r"unknown key 'detection\.colour'"):
        load_settings(environ={"VIGIE_DETECTION__COLOUR": "red"})


def test_test_variables_are_ignored() -> None:
    s = load_settings(environ={"VIGIE_TEST_POSTGRES_URL": "postgresql://x"})
    assert s.store.url == "sqlite:///vigie.db"


def test_overrides_win_over_env() -> None:
    s = load_settings(
        environ={"VIGIE_DB_URL": "sqlite:///a.db"}, overrides={"store": {"url": "sqlite:///b.db"}}
    )
    assert s.store.url == "sqlite:///b.db"
