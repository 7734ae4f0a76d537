"""docs/policy.md documents every field of the policy language, every operator and every condition field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from vigie.policy import model
from vigie.policy.conditions import OPERATORS
from vigie.policy.facts import AUTHOR_FIELDS, STATIC_FIELDS
from vigie.policy.model import ACTIONS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "policy.md").read_text(encoding="utf-8")
MODELS = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == model.__name__
]
FIELDS = sorted({(m.__name__, f) for m in MODELS for f in m.model_fields})


def test_every_model_is_seen() -> None:
    assert {m.__name__ for m in MODELS} >= {
        "PolicyDocument",
        "Rule",
        "Then",
        "Cap",
        "Ground",
        "Example",
        "StrikeLadder",
    }


@pytest.mark.parametrize(("model_name", "field"), FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
def test_policy_field_is_documented(model_name: str, field: str) -> None:
    assert re.search(rf"`{re.escape(field)}`", DOC), (
        f"{model_name}.{field} is not documented in docs/policy.md"
    )


@pytest.mark.parametrize(
    "name", [*OPERATORS, *STATIC_FIELDS, *(f"author.{a}" for a in AUTHOR_FIELDS), *ACTIONS]
)
def test_operator_field_and_action_are_documented(name: str) -> None:
    assert f"`{name}`" in DOC, f"{name} is not documented in docs/policy.md"


def test_the_check_fails_for_an_undocumented_field() -> None:
    assert not re.search(r"`no_such_field_anywhere`", DOC)
