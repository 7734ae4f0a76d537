"""Checks on posted text the schema cannot express: the configured length (``service.max_text_chars``,
``service.max_batch_items``) and clean Unicode."""

from __future__ import annotations

from vigie.errors import InputError, RecordError
from vigie.settings import ServiceSettings

__all__ = ["check_batch", "check_text"]


def check_text(text: str, n: int, limits: ServiceSettings) -> str:
    """The text to score, or RecordError: too long, or not valid Unicode (lone surrogates from
    ``\\ud800`` escapes cannot be UTF-8). NUL characters are removed (they cannot be stored in
    PostgreSQL and carry no meaning in a post)."""
    if len(text) > limits.max_text_chars:
        raise RecordError(
            f"item {n}: text is {len(text)} characters, longer than the configured maximum of "
            f"{limits.max_text_chars}",
            record=n,
            code="text_too_long",
            max_chars=limits.max_text_chars,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise RecordError(
            f"item {n}: text is not valid Unicode (lone surrogate)", record=n, code="invalid_utf8"
        ) from None
    return text.replace("\x00", "")


def check_batch(size: int, limits: ServiceSettings) -> None:
    if size > limits.max_batch_items:
        raise InputError(
            f"batch of {size} items is larger than the configured maximum of {limits.max_batch_items}",
            code="batch_too_large",
            max_items=limits.max_batch_items,
        )
