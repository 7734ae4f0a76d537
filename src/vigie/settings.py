"""Validated configuration: one YAML file plus ``VIGIE_<SECTION>__<KEY>`` environment overrides.

Loud by design (Presidio's silent fallback to defaults is the anti-model): an unknown
key, a wrong type or an unparsable file is a :class:`~vigie.errors.ConfigError` that
names the key and where it came from (the file, or the environment variable).

Precedence, lowest first: built-in defaults < the YAML file < environment variables.
``VIGIE_DB_URL`` is a shortcut for ``VIGIE_STORE__URL``; variables named ``VIGIE_TEST_*``
belong to the test suite and are ignored here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from vigie.errors import ConfigError

__all__ = [
    "DetectionSettings",
    "InputSettings",
    "PolicySettings",
    "ReportSettings",
    "ServiceSettings",
    "Settings",
    "StoreSettings",
    "load_settings",
]

DEFAULT_CONFIG_FILE = "vigie.yaml"
ENV_PREFIX = "VIGIE_"
_IGNORED_ENV_PREFIXES = ("VIGIE_TEST_",)
_ENV_ALIASES = {"VIGIE_DB_URL": ("store", "url")}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class StoreSettings(_Section):
    url: str = Field("sqlite:///vigie.db", description="SQLAlchemy URL of the store.")
    schema_name: str | None = Field(
        None,
        pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,62}$",
        description="PostgreSQL schema holding vigie's tables (default: the connection's search_path).",
    )
    batch_size: int = Field(500, ge=1, le=100_000, description="Posts written per transaction during a scan.")


class DetectionSettings(_Section):
    detectors: tuple[str, ...] = Field(
        ("vigie.lexicon", "vigie.encoder"), description="Registered detector names, run in this order."
    )
    languages: tuple[str, ...] = Field(
        ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"),
        description="Languages the language identifier may answer (ISO 639-1).",
    )
    max_chars: int = Field(
        20_000, ge=100, le=10_000_000, description="Characters of a post that are scored; the rest is cut."
    )
    chunk_chars: int = Field(400, ge=40, le=10_000, description="Longest sentence chunk given to detectors.")
    batch_size: int = Field(
        512,
        ge=1,
        le=100_000,
        description="Posts scored together (per worker task with --workers). Measured on 10,000 mix posts, "
        "2 workers: 256 → 16.8 s and 28 s of CPU, 512 → 14.9 s and 24 s; 64 is 1.6× slower; larger "
        "batches hold more posts in flight (memory) for no further gain (docs/scale.md).",
    )
    watchlist: str | None = Field(
        None, description="Watch-list YAML of people to protect (docs/threat-semantics.md); none by default."
    )
    encoder_threads: int = Field(
        2, ge=1, le=256, description="BLAS threads for the encoder; never more than the cores you have."
    )
    workers: int = Field(
        1,
        ge=1,
        le=256,
        description="Worker processes for `vigie analyze` (each gets encoder_threads = cores // workers); "
        "on 2 cores, 2 workers with 1 thread each outpace 1 worker with 2.",
    )
    cascade: bool = Field(
        False,
        description="Let the cheap first stage clear posts it is sure are benign before the full pipeline "
        "(docs/scale.md); posts in languages it was not trained to judge always get the full pipeline.",
    )
    first_stage: str | None = Field(
        None, description="First-stage directory for the cascade (default: the one shipped with the model)."
    )

    @field_validator("detectors")
    @classmethod
    def _no_duplicate_detectors(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(v)) != len(v):
            raise ValueError("a detector is listed twice")
        if not v:
            raise ValueError("at least one detector is required")
        return v


class PolicySettings(_Section):
    """Which policy decides (docs/policy.md), and which candidate runs beside it in shadow mode."""

    path: str | None = Field(
        None, description="Policy YAML in force; empty means the default policy shipped with vigie."
    )
    shadow: str | None = Field(
        None,
        description="Candidate policy run beside the live one on every scanned post; never acts or strikes.",
    )


class InputSettings(_Section):
    id_field: str = Field("id", min_length=1)
    text_field: str = Field("text", min_length=1)
    source: str = Field("default", min_length=1, description="Source name stored with ingested posts.")


class ReportSettings(_Section):
    path: str = Field("reports/scan.html")
    top: int = Field(10, ge=0, le=1000, description="Flagged posts listed in the terminal summary.")


TEXT_CHARS_CEILING = 1_000_000
"""Hard ceiling of ``service.max_text_chars``; the API schema declares it as the text's ``maxLength``."""
BATCH_ITEMS_CEILING = 1_000
"""Hard ceiling of ``service.max_batch_items``; the API schema declares it as ``maxItems``."""


class ServiceSettings(_Section):
    """Limits of the HTTP API (``vigie serve``) and the delivery schedule of ``vigie worker``.

    The API schema declares the hard ceilings; these are the configured limits under them,
    checked in the handlers with messages that name the limit (docs/service.md)."""

    max_body_bytes: int = Field(
        2_000_000,
        ge=1024,
        le=1_000_000_000,
        description="Largest request body; above it the API answers 413.",
    )
    max_text_chars: int = Field(
        100_000, ge=1, le=TEXT_CHARS_CEILING, description="Longest post text accepted (422 text_too_long)."
    )
    max_batch_items: int = Field(
        100, ge=1, le=BATCH_ITEMS_CEILING, description="Most items in one analyze or ingest batch."
    )
    lease_seconds: int = Field(
        900, ge=30, le=3600, description="Review lease when a claim does not ask for one."
    )
    webhook_max_attempts: int = Field(
        8, ge=1, le=100, description="Delivery attempts before an action becomes a dead letter."
    )
    webhook_retry_base_seconds: float = Field(
        10.0, ge=0, le=86_400, description="Wait after the first failed attempt; doubles after each failure."
    )
    webhook_retry_max_seconds: float = Field(
        3600.0, ge=0, le=7 * 86_400, description="Longest wait between two attempts."
    )
    webhook_timeout_seconds: float = Field(
        10.0, gt=0, le=600, description="How long the worker waits for a receiver to answer."
    )
    worker_batch: int = Field(20, ge=1, le=10_000, description="Actions the worker leases per round.")
    worker_lease_seconds: int = Field(
        60, ge=1, le=86_400, description="How long a leased action is the worker's before it is due again."
    )


class Settings(_Section):
    store: StoreSettings = Field(default_factory=StoreSettings)
    detection: DetectionSettings = Field(default_factory=DetectionSettings)
    policy: PolicySettings = Field(default_factory=PolicySettings)
    input: InputSettings = Field(default_factory=InputSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    service: ServiceSettings = Field(default_factory=ServiceSettings)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist", code="missing_file", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read config file {path}: {exc}", code="unreadable", file=str(path)
        ) from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}", code="invalid_yaml", file=str(path)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must contain a mapping of sections at top level", code="invalid_yaml")
    return data


def _env_overrides(environ: Mapping[str, str]) -> tuple[dict[str, Any], dict[tuple[str, ...], str]]:
    """Nested dict of overrides and, for error messages, which variable set each path."""
    out: dict[str, Any] = {}
    origin: dict[tuple[str, ...], str] = {}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name.startswith(_IGNORED_ENV_PREFIXES):
            continue
        if name in _ENV_ALIASES:
            path: tuple[str, ...] = _ENV_ALIASES[name]
        else:
            rest = name[len(ENV_PREFIX) :]
            path = tuple(part.lower() for part in rest.split("__"))
            if len(path) < 2 or not all(path):
                raise ConfigError(
                    f"environment variable {name} is not of the form VIGIE_<SECTION>__<KEY>",
                    code="unknown_key",
                    env=name,
                )
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            value = raw
        node = out
        for part in path[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ConfigError(
                    f"environment variable {name} conflicts with another override", code="conflict"
                )
            node = child
        node[path[-1]] = value
        origin[path] = name
    return out, origin


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _where(loc: tuple[str | int, ...], file: Path | None, origin: Mapping[tuple[str, ...], str]) -> str:
    path = tuple(str(p) for p in loc)
    for n in range(len(path), 0, -1):
        if path[:n] in origin:
            return f"environment variable {origin[path[:n]]}"
    return f"{file}" if file is not None else "the built-in defaults"


def load_settings(
    path: str | Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Load settings from ``path`` (or ``./vigie.yaml`` if it exists), then env, then ``overrides``.

    An explicitly given path that does not exist is an error; the implicit ``vigie.yaml``
    is optional. ``overrides`` (nested dict) is how CLI flags such as ``--db`` apply.
    """
    env = os.environ if environ is None else environ
    file: Path | None = None
    data: dict[str, Any] = {}
    if path is not None:
        file = Path(path)
        data = _read_yaml(file)
    elif Path(DEFAULT_CONFIG_FILE).is_file():
        file = Path(DEFAULT_CONFIG_FILE)
        data = _read_yaml(file)
    env_data, origin = _env_overrides(env)
    data = _merge(data, env_data)
    if overrides:
        data = _merge(data, overrides)
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"])
            where = _where(err["loc"], file, origin)
            if err["type"] == "extra_forbidden":
                problems.append(f"unknown key '{key}' in {where}")
            else:
                problems.append(f"'{key}' in {where}: {err['msg']} (got {err.get('input')!r})")
        first_key = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise ConfigError(
            "invalid configuration: " + "; ".join(problems),
            code="invalid",
            key=first_key,
            file=str(file) if file else None,
        ) from None
