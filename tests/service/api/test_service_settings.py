"""The ``service:`` settings section drives the API's limits and the worker's schedule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vigie.actions.outbox import RetryPolicy
from vigie.actions.worker import Worker
from vigie.api.app import create_app
from vigie.api.schemas import MAX_BATCH, MAX_TEXT
from vigie.errors import ConfigError
from vigie.pipeline import Pipeline
from vigie.settings import ServiceSettings, load_settings
from vigie.store import Store

from ..helpers import auth


@pytest.fixture
def env_client(
    store: Store, lexicon_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[TestClient]:
    monkeypatch.chdir(tmp_path)  # no ./vigie.yaml
    monkeypatch.setenv("VIGIE_SERVICE__MAX_TEXT_CHARS", "40")
    monkeypatch.setenv("VIGIE_SERVICE__MAX_BATCH_ITEMS", "3")
    monkeypatch.setenv("VIGIE_SERVICE__MAX_BODY_BYTES", "4096")
    settings = load_settings()
    with TestClient(create_app(settings, pipeline=lexicon_pipeline, store=store)) as client:
        yield client


def test_env_overrides_change_the_api_limits(env_client: TestClient, tokens: dict[str, str]) -> None:
    h = auth(tokens["admin"])
    assert env_client.post("/v1/analyze", json={"text": "a" * 40}, headers=h).status_code == 200
    too_long = env_client.post("/v1/analyze", json={"text": "a" * 41}, headers=h)
    assert too_long.status_code == 422
    assert too_long.json()["error"]["code"] == "record.text_too_long"
    assert "maximum of 40" in too_long.json()["error"]["message"]
    batch = env_client.post("/v1/analyze", json={"items": [{"text": "hi"}] * 4}, headers=h)
    assert batch.status_code == 422 and batch.json()["error"]["code"] == "input.batch_too_large"
    big = env_client.post("/v1/analyze", json={"text": "a" * 5000}, headers=h)
    assert big.status_code == 413


def test_limits_above_the_schema_ceilings_are_config_errors(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./vigie.yaml
    with pytest.raises(ConfigError, match=r"service\.max_text_chars"):
        load_settings(environ={"VIGIE_SERVICE__MAX_TEXT_CHARS": str(MAX_TEXT + 1)})
    with pytest.raises(ConfigError, match=r"service\.max_batch_items"):
        load_settings(environ={"VIGIE_SERVICE__MAX_BATCH_ITEMS": str(MAX_BATCH + 1)})
    with pytest.raises(ConfigError, match=r"unknown key 'service\.max_batch'"):
        load_settings(environ={"VIGIE_SERVICE__MAX_BATCH": "5"})


def test_worker_schedule_comes_from_the_section(store: Store) -> None:
    service = ServiceSettings(
        webhook_max_attempts=3, webhook_retry_base_seconds=2, worker_batch=7, worker_lease_seconds=30
    )
    worker = Worker(store, service=service)
    try:
        assert worker.retry.max_attempts == 3 and worker.retry.base == timedelta(seconds=2)
        assert worker.batch == 7 and worker.lease == timedelta(seconds=30)
    finally:
        worker.close()
    defaults = ServiceSettings()
    assert RetryPolicy().max_attempts == defaults.webhook_max_attempts
    assert RetryPolicy() == RetryPolicy.from_settings(defaults)
