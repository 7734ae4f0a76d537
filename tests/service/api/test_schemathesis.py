"""Schemathesis against the app's own OpenAPI document, in-process (ASGI, no network), as admin.

Every operation gets a bounded, derandomized run of schema-valid (positive) and schema-violating
(negative) requests. The acceptance bar: no request answers 5xx, and at least 80 % of the
requests reach their handler's authorization check and pass it (``app.state.vigie.authorized``),
i.e. the fuzzer exercises the handlers rather than bouncing off auth. The run is deterministic
(``derandomize=True``, no example database), so a failure reproduces on every machine.

No warning needs filtering here: schemathesis imports cleanly, and its ASGI transport reuses
``starlette.testclient``, already imported (with its one deprecation warning silenced, for the
reason given there) by tests/service/conftest.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from ..helpers import auth

EXAMPLES = 12
"""Examples per operation and mode: ~30 operations × 2 modes × 12 keeps the run well under 60 s."""
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)


@dataclass
class Tally:
    """What the fuzzer sent and what came back."""

    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)


def _fuzz_operation(operation: Any, mode: GenerationMode, headers: dict[str, str], tally: Tally) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        case.headers = {**(case.headers or {}), **headers}
        response = case.call()
        tally.sent += 1
        tally.statuses[response.status_code] += 1
        if response.status_code >= 500:
            where = f"{case.method} {case.formatted_path} ({mode.value})"
            tally.server_errors.append(f"{where}: {response.status_code} {response.text[:200]}")

    try:
        run()
    except Unsatisfiable:
        # An operation with nothing to violate (no parameters, no body) has no negative case.
        if mode is GenerationMode.POSITIVE:
            raise


def _fuzz(app: FastAPI, token: str) -> Tally:
    """Every operation of the app's schema, in both modes."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tally = Tally()
    for result in schema.get_all_operations():
        for mode in MODES:
            _fuzz_operation(result.ok(), mode, auth(token), tally)
    return tally


def test_fuzzing_finds_no_server_error_and_reaches_the_handlers(
    app_client: TestClient, tokens: dict[str, str]
) -> None:
    app: FastAPI = app_client.app  # type: ignore[assignment]
    seeded = app_client.post(
        "/v1/posts", json={"id": "seed", "text": "I will stab you"}, headers=auth(tokens["ingest"])
    )
    assert seeded.status_code == 200
    before = app.state.vigie.authorized
    tally = _fuzz(app, tokens["admin"])
    reached = app.state.vigie.authorized - before
    assert tally.server_errors == []
    assert tally.sent >= 300, tally.statuses  # ~30 operations × 2 modes, most with many examples
    assert reached / tally.sent >= 0.8, (reached, tally)
