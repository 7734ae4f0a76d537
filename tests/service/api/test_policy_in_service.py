"""The policy engine behind the API: the policy in force is recorded and shadow mode runs."""

from __future__ import annotations

import warnings
from importlib import resources

from vigie.api.app import create_app
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy, parse_policy
from vigie.settings import Settings
from vigie.store import Store
from vigie.store.policies import active_policy, shadow_summary

from ..helpers import auth

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")
    from fastapi.testclient import TestClient

HARSH = (
    (resources.files("vigie.policy") / "default.yaml")
    .read_text(encoding="utf-8")
    .replace("name: vigie-default", "name: harsh")
    .replace(
        "        - gte: {score.violent_threat: 0.92}\n        - gte: {agreement.violent_threat: 2}",
        "        - gte: {score.violent_threat: 0.36}",
    )
)


def test_ingest_records_the_policy_in_force_and_the_shadow_results(
    store: Store, lexicon_settings: Settings, lexicon_pipeline: Pipeline, tokens: dict[str, str]
) -> None:
    pipeline = Pipeline(
        detection=lexicon_pipeline.detection,
        detectors=lexicon_pipeline.detectors,
        decider=PolicyDecider(load_policy()),
        shadow=PolicyDecider(parse_policy(HARSH)),
        language_identifier=lexicon_pipeline.languages,
    )
    app = create_app(lexicon_settings, pipeline=pipeline, store=store)
    items = [{"id": "t", "text": "I will stab you"}, {"id": "c", "text": "Lovely weather today."}]
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/v1/posts", json={"items": items}, headers=auth(tokens["admin"]))
    assert r.status_code == 200, r.text
    live = active_policy(store, "live")
    assert live is not None and live.name == "vigie-default"
    assert [e["payload"]["name"] for e in store.events("policy")] == ["vigie-default", "harsh"]
    summary = shadow_summary(store)
    assert summary is not None and summary.total == 2
    threat = r.json()["items"][0]["decision"]
    assert threat["verdict"] != "remove"  # the live policy decided; the harsh shadow only disagreed
    assert summary.disagreements == 1 and summary.transitions == {f"{threat['verdict']} -> remove": 1}
