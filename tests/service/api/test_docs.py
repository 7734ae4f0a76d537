"""The service's documentation matches the app: every route is in docs/service.md, and every curl
example (README "The service", docs/service.md "Calls") is a real route with a valid body.

The examples are run, in order, against the in-process app as admin: each must answer 2xx.
``ITEM``/``$ITEM`` is the item the last example's claim leased, ``KEY_ID`` the last key created.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vigie.api.auth import route_roles

ROOT = Path(__file__).resolve().parents[3]
SERVICE_DOC = ROOT / "docs" / "service.md"


def _section(path: Path, heading: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(heading + "\n")
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def _curls(section: str) -> list[list[str]]:
    """The argument lists of the curl commands in the section's ``sh`` blocks, continuations joined."""
    out: list[list[str]] = []
    for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            if "curl " not in line:
                continue
            command = line[line.index("curl ") :].split(" | ")[0].rstrip(")")
            out.append(shlex.split(command))
    return out


def _request(args: list[str], token: str) -> tuple[str, str, dict[str, str], str | None]:
    """(method, path, headers, body) of a curl command line, with the shell variables filled in."""
    values = {"$H": f"Authorization: Bearer {token}", "$J": "Content-Type: application/json", "$K": token}
    args = [values.get(a, a).replace("$K", token) for a in args]
    method, headers, body, url = None, {}, None, None
    it = iter(args[1:])
    for a in it:
        if a == "-X":
            method = next(it)
        elif a == "-H":
            name, _, value = next(it).partition(": ")
            headers[name] = value
        elif a == "-d":
            body = next(it)
        elif a.startswith("-"):
            continue
        else:
            url = a
    assert url is not None and url.startswith("localhost:8000/"), args
    return (
        method or ("POST" if body is not None else "GET"),
        url.removeprefix("localhost:8000"),
        headers,
        body,
    )


def test_every_route_is_documented(app_client: TestClient) -> None:
    doc = SERVICE_DOC.read_text(encoding="utf-8")
    routes = route_roles(app_client.app)  # type: ignore[arg-type]
    missing = [f"{m} {p}" for m, p in sorted(routes) if m != "HEAD" and f"`{m} {p}`" not in doc]
    assert missing == []


MAIN_CALLS = {"analyze", "posts", "review"}


@pytest.mark.parametrize(
    ("path", "heading", "covers"),
    [
        (ROOT / "README.md", "## The service", MAIN_CALLS | {"keys", "webhooks"}),
        (SERVICE_DOC, "## Calls", MAIN_CALLS),
    ],
    ids=["readme", "doc"],
)
def test_curl_examples_work(
    app_client: TestClient, tokens: dict[str, str], path: Path, heading: str, covers: set[str]
) -> None:
    curls = _curls(_section(path, heading))
    assert len(curls) >= 5
    token = tokens["admin"]
    ids = {"ITEM": "", "KEY_ID": ""}
    seen = set()
    for args in curls:
        method, url, headers, body = _request(args, token)
        url = url.replace("$ITEM", ids["ITEM"]).replace("ITEM", ids["ITEM"]).replace("KEY_ID", ids["KEY_ID"])
        if body is not None:
            json.loads(body)  # the example's body is JSON
        r = app_client.request(method, url, content=body, headers=headers)
        assert 200 <= r.status_code < 300, (method, url, body, r.status_code, r.text)
        answer: Any = r.json()
        if url == "/v1/review/claim":
            assert answer["item"] is not None, "the examples' post must be queued for review"
            ids["ITEM"] = answer["item"]["id"]
        if method == "POST" and url == "/v1/keys":
            ids["KEY_ID"] = answer["key"]["key_id"]
        seen.add(url.split("?")[0].split("/")[2])
    assert covers <= seen
