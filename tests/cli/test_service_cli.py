"""``vigie keys`` and ``vigie webhooks`` in-process (CliRunner) on both stores: tokens are printed
once and work against the API, listings never show secrets, and errors exit 2 naming the problem."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

with warnings.catch_warnings():
    # Starlette >= 0.50 nudges towards its httpx2 fork; the pinned test client is httpx 0.28.
    warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")
    from fastapi.testclient import TestClient

from vigie.api.app import create_app
from vigie.cli import app
from vigie.settings import Settings
from vigie.store import open_store
from vigie.store.outbox import OutboxRepository


@pytest.fixture
def vigie(store_section: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``vigie(*args)`` runs the CLI against the test store (``--db`` and, on PostgreSQL, the schema)."""
    monkeypatch.chdir(tmp_path)  # no ./vigie.yaml
    env = {"VIGIE_STORE__SCHEMA_NAME": store_section["schema_name"]} if "schema_name" in store_section else {}
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, [*args, "--db", store_section["url"]], env=env, catch_exceptions=False)

    yield run


@pytest.fixture
def api(store_section: dict[str, Any]) -> Iterator[TestClient]:
    """The API on the same store (the pipeline is never needed by the routes used here)."""
    settings = Settings.model_validate(
        {"store": store_section, "detection": {"detectors": ["vigie.lexicon"]}}
    )
    store = open_store(store_section["url"], schema=store_section.get("schema_name"))
    with TestClient(create_app(settings, store=store)) as client:
        yield client
    store.close()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _key_id(vigie: Any, name: str) -> str:
    lines = [line for line in vigie("keys", "list").stdout.splitlines() if f" {name} " in line]
    assert len(lines) == 1, lines
    return str(lines[0].split()[0])


def test_keys_create_prints_a_token_once_that_authenticates(vigie: Any, api: TestClient) -> None:
    created = vigie("keys", "create", "--role", "moderator", "--name", "alice")
    assert created.exit_code == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("vigie_") and "\n" not in token  # stdout is the token alone
    assert "shown once" in created.stderr
    assert api.get("/v1/review", headers=_bearer(token)).status_code == 200
    assert api.get("/v1/keys", headers=_bearer(token)).status_code == 403  # moderators cannot read keys
    assert api.get("/v1/review", headers=_bearer(token + "x")).status_code == 401


def test_keys_list_never_prints_secrets(vigie: Any) -> None:
    tokens = [
        vigie("keys", "create", "--role", "moderator", "--name", "alice").stdout.strip(),
        vigie("keys", "create", "--role", "ingest", "--name", "feed", "--source", "forum").stdout.strip(),
    ]
    listed = vigie("keys", "list")
    assert listed.exit_code == 0
    assert "alice" in listed.stdout and "source=forum" in listed.stdout
    for token in tokens:
        prefix, key_id, secret = token.split("_", 2)  # vigie_<id>_<secret>; the secret may hold "_"
        assert prefix == "vigie" and key_id in listed.stdout and len(secret) >= 40
        assert secret not in listed.stdout and secret not in listed.stderr
    assert listed.stdout.count("active") == 2


def test_keys_revoke_shuts_the_key_out(vigie: Any, api: TestClient) -> None:
    token = vigie("keys", "create", "--role", "auditor", "--name", "bob").stdout.strip()
    assert api.get("/v1/events", headers=_bearer(token)).status_code == 200
    key_id = _key_id(vigie, "bob")
    revoked = vigie("keys", "revoke", key_id)
    assert revoked.exit_code == 0 and key_id in revoked.stdout
    assert api.get("/v1/events", headers=_bearer(token)).status_code == 401
    assert "revoked" in vigie("keys", "list").stdout


def test_webhooks_add_prints_the_secret_and_registers_the_endpoint(
    vigie: Any, store_section: dict[str, Any]
) -> None:
    added = vigie("webhooks", "add", "platform", "https://example.org/hook", "--action", "remove_content")
    assert added.exit_code == 0, added.stderr
    shown = json.loads(added.stdout)
    assert (
        shown["name"] == "platform" and shown["actions"] == ["remove_content"] and len(shown["secret"]) >= 32
    )
    with open_store(store_section["url"], schema=store_section.get("schema_name")) as store:
        [endpoint] = OutboxRepository(store).endpoints()
    assert (endpoint.url, endpoint.secret) == ("https://example.org/hook", shown["secret"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("keys", "create", "--role", "overlord", "--name", "x"), ["[input.role]", "overlord"]),
        (("keys", "create", "--role", "ingest", "--name", "x"), ["[input.source]", "--source"]),
        (("keys", "create", "--role", "admin", "--name", "x", "--expires", "0"), ["[input.expires]"]),
        (("keys", "revoke", "0123456789abcdef"), ["[not_found.key]", "0123456789abcdef"]),
        (("webhooks", "add", "h", "ftp://example.org/x"), ["[input.webhook_url]", "ftp://example.org/x"]),
        (("keys", "list", "--config", "missing.yaml"), ["[config.missing_file]", "missing.yaml"]),
    ],
    ids=["role", "source", "expires", "revoke", "url", "config"],
)
def test_errors_exit_2_naming_the_problem(vigie: Any, args: tuple[str, ...], expected: list[str]) -> None:
    result = vigie(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr
    assert message.startswith("error: ") and message.count("error:") == 1  # printed once
    for part in expected:
        assert part in message


def test_a_second_webhook_with_the_same_name_is_a_conflict(vigie: Any) -> None:
    assert vigie("webhooks", "add", "h", "https://example.org/a").exit_code == 0
    again = vigie("webhooks", "add", "h", "https://example.org/b")
    assert again.exit_code == 2 and "[conflict.webhook_exists]" in again.stderr
