"""One exception tree for all of vigie, with stable codes.

Every error vigie raises on purpose is a :class:`VigieError`. Each class carries a
stable ``code`` prefix (never reused for another meaning), the process exit code
the CLI maps it to, and the HTTP status the API maps it to. The mapping lives here,
once, so that the CLI and the API cannot disagree::

    VigieError                      exit 1   HTTP 500   internal / unexpected state
    ├── ConfigError    (config)     exit 2   HTTP 500   bad vigie.yaml, env override or policy file
    ├── InputError     (input)      exit 2   HTTP 422   input the caller sent cannot be used
    │   └── RecordError (record)    exit 2   HTTP 422   one record of a batch is unusable
    ├── NotFoundError  (not_found)  exit 2   HTTP 404   an id that does not exist
    ├── ConflictError  (conflict)   exit 2   HTTP 409   a state change that lost a race
    ├── ModelError     (model)      exit 1   HTTP 503   a detector/model could not be loaded
    └── StoreError     (store)      exit 1   HTTP 503   the database refused or is unreachable

Exit codes follow the ``vigie analyze`` contract: 0 everything scored, 2 some input
(or the configuration the user gave) was rejected, 1 internal error.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "ConfigError",
    "ConflictError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "RecordError",
    "StoreError",
    "VigieError",
]


class VigieError(Exception):
    """Base of every deliberate vigie error.

    ``code`` is a stable machine-readable string such as ``"input.invalid_json"``;
    the part before the dot is the class family, the part after names the problem.
    ``message`` is for people and names the thing that is wrong (file, key, record).
    """

    family: ClassVar[str] = "internal"
    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500

    def __init__(self, message: str, *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = f"{self.family}.{code}" if code else self.family
        self.details: dict[str, Any] = details

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape used in error lines and HTTP error bodies."""
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details:
            out["details"] = self.details
        return out

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(VigieError):
    """The configuration (YAML file, environment override, policy) is invalid."""

    family = "config"
    exit_code = 2
    http_status = 500


class InputError(VigieError):
    """Input supplied by the caller cannot be used as a whole."""

    family = "input"
    exit_code = 2
    http_status = 422


class RecordError(InputError):
    """One record of an input stream is unusable; the others are still processed.

    ``record`` is the 1-based position of the record in its input.
    """

    family = "record"

    def __init__(self, message: str, *, record: int, code: str | None = None, **details: Any) -> None:
        super().__init__(message, code=code, **details)
        self.record = record


class NotFoundError(VigieError):
    family = "not_found"
    exit_code = 2
    http_status = 404


class ConflictError(VigieError):
    family = "conflict"
    exit_code = 2
    http_status = 409


class ModelError(VigieError):
    family = "model"
    exit_code = 1
    http_status = 503


class StoreError(VigieError):
    family = "store"
    exit_code = 1
    http_status = 503
