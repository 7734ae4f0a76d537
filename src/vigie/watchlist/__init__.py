"""The watch-list: people a platform protects, with the names and handles they are called by.

A watch-list is a YAML file (``examples/watchlist.yaml`` is a documented example)::

    version: 1
    persons:
      - id: wl-001                     # stable id, stored with every decision naming the person
        name: Claire Marchand          # how reports show the person
        kind: official                 # person, official, journalist, judge, executive, org or place
        aliases: ["la députée Marchand"]   # as written, any language
        handles: ["@cmarchand_dep"]    # optional platform handles

Loading is strict, like the rest of vigie's configuration: an unknown key, a missing field, a
duplicate id or alias, or an unknown kind is a :class:`~vigie.errors.ConfigError` naming the
file and the entry. Matching (accent-, case- and obfuscation-insensitive) is done by
:class:`vigie.detectors.targets.WatchlistMatcher`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

import yaml

from vigie.errors import ConfigError
from vigie.types import TargetKind

__all__ = ["WATCHABLE_KINDS", "WatchedPerson", "Watchlist", "load_watchlist", "parse_watchlist"]

WATCHABLE_KINDS: Final[frozenset[str]] = frozenset(
    {"person", "official", "journalist", "judge", "executive", "org", "place"}
)
_PERSON_KEYS: Final = frozenset({"id", "name", "kind", "aliases", "handles"})
_HANDLE: Final = re.compile(r"@\w+(?:\.\w+)*")
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


@dataclass(frozen=True, slots=True)
class WatchedPerson:
    """One protected person (or organisation, or place): id, display name, kind, aliases, handles."""

    id: str
    name: str
    kind: TargetKind
    aliases: tuple[str, ...]
    handles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Watchlist:
    """An ordered, validated watch-list; ``source`` names where it was read from."""

    persons: tuple[WatchedPerson, ...]
    source: str = "<memory>"

    def by_id(self, watchlist_id: str) -> WatchedPerson | None:
        return next((p for p in self.persons if p.id == watchlist_id), None)


def _fail(source: str, entry: str | None, problem: str) -> ConfigError:
    where = f"{source}: {entry}" if entry else source
    return ConfigError(f"watch-list {where}: {problem}", code="watchlist", file=source, entry=entry)


def _strings(value: Any, source: str, entry: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(source, entry, f"{field} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_watchlist(data: Any, *, source: str = "<string>") -> Watchlist:
    """Validate already-parsed YAML (a mapping with ``version: 1`` and ``persons``)."""
    if not isinstance(data, dict):
        raise _fail(source, None, "top level must be a mapping with 'version' and 'persons'")
    unknown = set(data) - {"version", "persons"}
    if unknown:
        raise _fail(source, None, f"unknown keys {sorted(unknown)}")
    if data.get("version") != 1:
        raise _fail(source, "version", f"unsupported version {data.get('version')!r}; expected 1")
    raw = data.get("persons") or []
    if not isinstance(raw, list):
        raise _fail(source, "persons", "expected a list")
    persons: list[WatchedPerson] = []
    ids: set[str] = set()
    aliases: dict[str, str] = {}
    for n, item in enumerate(raw, 1):
        entry = f"persons[{n}]"
        if not isinstance(item, dict):
            raise _fail(source, entry, "expected a mapping")
        pid = item.get("id")
        if not isinstance(pid, str) or not _ID.fullmatch(pid):
            raise _fail(source, entry, f"id must match {_ID.pattern}, got {pid!r}")
        entry = pid
        extra = set(item) - _PERSON_KEYS
        if extra:
            raise _fail(source, entry, f"unknown keys {sorted(extra)}")
        if pid in ids:
            raise _fail(source, entry, "duplicate id")
        ids.add(pid)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(source, entry, "name must be a non-empty string")
        kind = item.get("kind", "person")
        if kind not in WATCHABLE_KINDS:
            raise _fail(source, entry, f"kind must be one of {sorted(WATCHABLE_KINDS)}, got {kind!r}")
        names = _strings(item.get("aliases"), source, entry, "aliases")
        if name.strip() not in names:
            names = (name.strip(), *names)
        for alias in names:
            key = alias.casefold()
            if key in aliases and aliases[key] != pid:
                raise _fail(source, entry, f"alias {alias!r} also belongs to {aliases[key]}")
            aliases[key] = pid
        handles = _strings(item.get("handles"), source, entry, "handles")
        for handle in handles:
            if not _HANDLE.fullmatch(handle):
                raise _fail(source, entry, f"handle {handle!r} must look like @name")
        persons.append(WatchedPerson(pid, name.strip(), cast(TargetKind, kind), names, handles))
    return Watchlist(tuple(persons), source)


def load_watchlist(path: str | Path) -> Watchlist:
    """Read and validate a watch-list YAML file."""
    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(source, None, f"cannot be read as YAML: {exc}") from exc
    return parse_watchlist(data, source=source)
