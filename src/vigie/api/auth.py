"""Bearer-key authentication and per-route roles.

Every route under ``/v1`` declares the roles it admits by taking a parameter
``key: ApiKey = requires(Role.ADMIN, ...)``. The dependency answers 401 (with
``WWW-Authenticate: Bearer``) when the ``Authorization: Bearer <key>`` header is missing or the
key is unknown, expired or revoked, and 403 when the key's role is not admitted. Health,
readiness and the OpenAPI document take no key.

:func:`route_roles` reads the declarations back from the app, which is how the authorization
matrix test walks every route × role and how a route without a declaration is caught.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from vigie.store.keys import ApiKey, KeyRepository, Role

__all__ = ["ApiKey", "Role", "RoleCheck", "requires", "route_roles"]

_bearer = HTTPBearer(auto_error=False, description="An API key created with `vigie keys create`.")


class RoleCheck:
    """The dependency behind :func:`requires`; ``roles`` is what the route admits."""

    def __init__(self, roles: frozenset[Role]) -> None:
        self.roles = roles

    def __call__(
        self, request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
    ) -> ApiKey:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(401, "missing API key: send 'Authorization: Bearer <key>'", _CHALLENGE)
        keys: KeyRepository = request.app.state.vigie.keys
        key = keys.authenticate(credentials.credentials)
        if key is None:
            raise HTTPException(401, "unknown, expired or revoked API key", _CHALLENGE)
        if key.role not in self.roles:
            allowed = ", ".join(sorted(r.value for r in self.roles))
            raise HTTPException(403, f"a {key.role.value} key may not do this (allowed: {allowed})")
        request.app.state.vigie.authorized += 1
        return key


_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def requires(*roles: Role) -> Any:
    """Declare the roles a route admits; the parameter receives the caller's :class:`ApiKey`."""
    return Depends(RoleCheck(frozenset(roles)))


def route_roles(app: FastAPI) -> dict[tuple[str, str], frozenset[Role] | None]:
    """``(method, path) → admitted roles`` for every route of ``app`` (None: takes no key).

    Reads the routers :func:`vigie.api.app.create_app` mounted (``app.state.routers``)."""
    out: dict[tuple[str, str], frozenset[Role] | None] = {}
    routers: list[APIRouter] = app.state.routers
    for route in (r for router in routers for r in router.routes):
        if not isinstance(route, APIRoute):
            continue
        checks = [d.call for d in route.dependant.dependencies if isinstance(d.call, RoleCheck)]
        roles = checks[0].roles if checks else None
        for method in route.methods or ():
            out[(method, route.path)] = roles
    return out
