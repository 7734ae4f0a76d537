"""Helpers for the service tests (importable; fixtures live in conftest.py)."""

from __future__ import annotations

SERVICE_LIMITS = {"max_body_bytes": 200_000, "max_text_chars": 5_000, "max_batch_items": 20}
"""Smaller than the defaults so the limit tests stay cheap."""


def auth(token: str) -> dict[str, str]:
    """Request headers carrying ``token`` as a bearer key."""
    return {"Authorization": f"Bearer {token}"}
