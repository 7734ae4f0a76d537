"""Compiled regular expressions kept on disk between runs, as Python keeps bytecode in ``__pycache__``.

Why: the rule lexicon compiles about 1.2 MB of regex source (large alternations built from
word lists), and Python's :mod:`re` parses and assembles a pattern in pure Python before the C
engine (``_sre``) ever sees it. Measured on the 2-core machine: 4.4 s of the 7 s that loading
the pipeline takes, in every process (``vigie analyze`` on one post: 8.5 s). What the engine
receives — a list of integers, the *program* — and the facts the lexicon derives from the
parse tree are pure functions of the source, the flags and the engine's version, so they can
be stored once and reused.

Contract:

- :meth:`RegexCache.compile` returns a pattern that behaves exactly as ``re.compile(source,
  flags)`` does: on a hit it hands the stored program to ``_sre.compile``, the call
  ``re.compile`` itself ends with; ``_sre.compile`` validates a program before accepting it,
  and a program it rejects (a corrupt or hand-edited file) is recompiled from source.
- :meth:`RegexCache.facts` memoizes JSON values a caller derives from the parse tree (the
  lexicon's validation and first-character gate), under a caller-chosen ``kind`` that names
  the derivation and its version.
- Entries are keyed by the SHA-256 of kind, flags and source; a file is valid only for the
  Python minor version and the ``re`` engine's ``MAGIC`` it was written with (it is ignored
  otherwise). A file holds what one namespace (a lexicon folder) used in its last load, so
  it does not grow with edits; it is written atomically (temporary file, then rename) and
  only when something was compiled anew.
- The cache never fails its caller: an unreadable, corrupt or unwritable cache costs time,
  not correctness. ``enabled=False`` keeps everything in memory.

Location: ``$XDG_CACHE_HOME/vigie/regex`` (``~/.cache/vigie/regex`` when unset), the
freedesktop convention for data that can be deleted at any time. There is no setting: the
cache changes how long a start takes, never what vigie decides, and deleting the folder is
always safe.

This reaches into ``re._parser``, ``re._compiler`` and ``_sre`` (CPython internals; the
lexicon already used the parser). A test compiles every shipped lexicon pattern both ways and
checks that they match the same texts, so an upgrade that changes those internals fails loudly.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

__all__ = ["RegexCache", "default_cache_dir"]

_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")
_constants: Any = importlib.import_module("re._constants")
_sre: Any = importlib.import_module("_sre")

FORMAT = 1
"""Version of the file layout below; bump it when the layout changes."""
_ENGINE = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{_constants.MAGIC}"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/vigie/regex``, or ``~/.cache/vigie/regex``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vigie" / "regex"


def _key(kind: str, source: str, flags: int) -> str:
    return hashlib.sha256(f"{kind}\0{flags}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()


def _program(source: str, flags: int) -> tuple[int, list[int], int, dict[str, int]]:
    """What ``re._compiler.compile`` hands to ``_sre.compile``: final flags, program, groups, names."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    return flags | parsed.state.flags, list(code), parsed.state.groups, dict(parsed.state.groupdict)


def _build(source: str, flags: int, code: list[int], groups: int, names: dict[str, int]) -> re.Pattern[str]:
    indexgroup: list[str | None] = [None] * groups
    for name, index in names.items():
        indexgroup[index] = name
    return cast("re.Pattern[str]", _sre.compile(source, flags, code, groups - 1, names, tuple(indexgroup)))


class RegexCache:
    """Regex programs and parse-tree facts of one ``namespace``, loaded from and saved to disk.

    Use: ``cache = RegexCache("lexicon-en-…")``; ``cache.compile(...)`` / ``cache.facts(...)``
    while building; ``cache.save()`` at the end. Thread-safe."""

    def __init__(self, namespace: str, *, directory: Path | None = None, enabled: bool = True) -> None:
        self.enabled = enabled
        self.path = (directory or default_cache_dir()) / f"{namespace}.json"
        self._lock = threading.Lock()
        self._stored: dict[str, Any] = self._read() if enabled else {}
        self._used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("engine") != _ENGINE:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _lookup(self, key: str) -> Any:
        with self._lock:
            return self._stored.get(key)

    def _keep(self, key: str, value: Any, *, new: bool) -> None:
        with self._lock:
            self._used[key] = value
            if new:
                self.misses += 1
                self._stored[key] = value
            else:
                self.hits += 1

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(source, flags)``, from the stored program when there is one (module docstring)."""
        key = _key("program", source, flags)
        entry = self._lookup(key)
        if isinstance(entry, list) and len(entry) == 4:
            try:
                pattern = _build(source, entry[0], entry[1], entry[2], entry[3])
            except Exception:  # a program the engine rejects: compile from source below
                pass
            else:
                self._keep(key, entry, new=False)
                return pattern
        final_flags, code, groups, names = _program(source, flags)
        pattern = _build(source, final_flags, code, groups, names)
        self._keep(key, [final_flags, code, groups, names], new=True)
        return pattern

    def facts(self, kind: str, source: str, flags: int, derive: Callable[[Any], Any]) -> Any:
        """``derive(parsed)`` for ``source`` parsed with ``flags``, memoized under ``kind``.

        ``derive`` must return a JSON value (lists, not tuples or sets: the value read back from
        disk is what JSON gives) and may raise; exceptions (a ``re.error`` for a bad pattern)
        propagate and nothing is stored. ``kind`` names the derivation and its version: change it
        when ``derive`` changes, or stale facts are served."""
        key = _key(kind, source, flags)
        entry = self._lookup(key)
        if isinstance(entry, dict) and "value" in entry:
            self._keep(key, entry, new=False)
            return entry["value"]
        value = derive(_parser.parse(source, flags))
        value = json.loads(json.dumps(value))  # the caller sees what a later run will read back
        self._keep(key, {"value": value}, new=True)
        return value

    def save(self) -> None:
        """Write what this load used, if anything was new; silently keep it in memory on failure."""
        with self._lock:
            if not self.enabled or not self.misses:
                return
            payload = {"format": FORMAT, "engine": _ENGINE, "entries": self._used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    # dumps, not dump: json.dump streams through the pure-Python encoder (2 s of a cold
                    # load for the six lexicon files); dumps uses the C one, ≈ 20× faster.
                    out.write(json.dumps(payload, separators=(",", ":")))
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
