"""Read a policy file: YAML with line numbers, schema validation, whole-document checks.

Every mistake is reported with the file, the **line** and the rule (or example, or
named condition) it belongs to, all at once, as one :class:`~vigie.errors.ConfigError`
(code ``config.policy_invalid``) whose ``details["problems"]`` lists them::

    policy.yaml:42: rule 'violent_threat.remove': rules[4].then.verdict: 'delete' is not ...

Lines come from PyYAML's composed node tree (``start_mark``), kept for every key and
list item, so errors found later by pydantic or by :mod:`vigie.policy.compiled` are
mapped back to the nearest enclosing line. Duplicate keys, which plain YAML loading
silently resolves to the last one, are errors here.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import types
import typing
from collections.abc import Mapping
from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from vigie.errors import ConfigError
from vigie.policy.compiled import Policy, Problem, compile_policy
from vigie.policy.conditions import Path
from vigie.policy.model import PolicyDocument

__all__ = ["DEFAULT_POLICY", "load_policy", "parse_policy"]

DEFAULT_POLICY = "default.yaml"
"""The policy vigie ships, a resource of this package (``vigie/policy/default.yaml``)."""

Lines = dict[Path, int]


def load_policy(path: str | FsPath | None = None) -> Policy:
    """Load and validate the policy at ``path``; ``None`` loads the shipped default policy.

    Raises :class:`ConfigError` when the file is missing, is not YAML, or is not a valid
    policy (every problem listed, each with its line).
    """
    if path is None:
        resource = importlib.resources.files("vigie.policy").joinpath(DEFAULT_POLICY)
        return parse_policy(resource.read_text(encoding="utf-8"), source=f"<vigie>/policy/{DEFAULT_POLICY}")
    file = FsPath(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"policy file {file} does not exist", code="policy_not_found", file=str(file)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read policy file {file}: {exc}", code="policy_unreadable", file=str(file)
        ) from None
    return parse_policy(text, source=str(file))


def parse_policy(text: str, *, source: str = "<string>") -> Policy:
    """Validate policy ``text``; ``source`` names it in error messages. See :func:`load_policy`."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise ConfigError(
            f"{source}:{line}: not valid YAML: {exc.problem or exc}",
            code="policy_yaml",
            file=source,
            line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}", code="policy_yaml", file=source) from None
    if root is None:
        raise ConfigError(f"{source}:1: the policy file is empty", code="policy_invalid", file=source, line=1)
    lines: Lines = {}
    problems: list[Problem] = []
    data = _to_data(root, (), lines, problems, yaml.SafeLoader(""))
    if not problems and not isinstance(data, Mapping):
        problems.append(Problem((), "a policy is a mapping with name, version, rules ..."))
    if problems:
        raise _error(source, data, lines, problems)
    try:
        document = PolicyDocument.model_validate(data)
    except ValidationError as exc:
        raise _error(source, data, lines, [_problem(e) for e in exc.errors()]) from None
    policy, problems = compile_policy(document, source=source)
    if policy is not None:
        policy = dataclasses.replace(policy, text=text)
    if policy is None:
        raise _error(source, data, lines, problems)
    return policy


def _to_data(
    node: yaml.Node, path: Path, lines: Lines, problems: list[Problem], loader: yaml.SafeLoader
) -> Any:
    """Plain Python data from a composed node, recording the line of every key and item."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool):
                problems.append(Problem(path, "mapping keys must be plain scalars"))
                continue
            key = str(key) if isinstance(key, bool | float) else key
            here = (*path, key)
            if key in out:
                line = key_node.start_mark.line + 1
                problems.append(
                    Problem(here, f"duplicate key {key!r} (line {lines[here]} already sets it)", line)
                )
                continue
            lines[here] = key_node.start_mark.line + 1
            out[key] = _to_data(value_node, here, lines, problems, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*path, i), lines, problems, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _problem(error: Any) -> Problem:
    loc: Path = tuple(p for p in error["loc"] if p != "[key]")
    message: str = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _fields_at(loc[:-1])
        hint = f"; fields here: {', '.join(known)}" if known else ""
        message = f"unknown field {loc[-1]!r}{hint}"
    elif kind == "too_short":
        message = f"{loc[-1]} must not be empty" if loc else message
    elif kind == "missing":
        message = f"missing required field {loc[-1]!r}"
    elif kind == "string_type" and loc and loc[-1] == "version":
        message = 'version must be text: quote it, e.g. version: "1"'
    elif kind in ("enum", "literal_error"):
        message = f"{error.get('input')!r} is not allowed: {message.removeprefix('Input should be ')}"
    return Problem(loc, message)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _fields_at(loc: Path) -> list[str] | None:
    """The field names the schema allows at ``loc`` (for "unknown field" hints)."""
    annotation: Any = PolicyDocument
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
        elif origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return None


def _owner(data: Any, path: Path) -> str:
    """``rule 'id'`` / ``example 'id'`` / ``condition 'name'`` for a path, or ``""``."""
    if (
        len(path) >= 2
        and path[0] in ("rules", "examples")
        and isinstance(path[1], int)
        and isinstance(data, Mapping)
    ):
        items = data.get(path[0])
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        ident = item.get("id") if isinstance(item, Mapping) else None
        kind = "rule" if path[0] == "rules" else "example"
        return f"{kind} {ident!r}" if isinstance(ident, str) else f"{kind} #{path[1] + 1}"
    if len(path) >= 2 and path[0] == "conditions":
        return f"condition {path[1]!r}"
    return ""


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line(lines: Lines, path: Path) -> int:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def _error(source: str, data: Any, lines: Lines, problems: list[Problem]) -> ConfigError:
    rows = []
    for p in problems:
        line = p.line or _line(lines, p.path)
        owner = _owner(data, p.path)
        where = ": ".join(x for x in (owner, _dotted(p.path)) if x)
        rows.append(
            {"file": source, "line": line, "owner": owner, "path": _dotted(p.path), "message": p.message}
        )
        rows[-1]["text"] = f"{source}:{line}: {where + ': ' if where else ''}{p.message}"
    rows.sort(key=lambda r: (r["line"], r["path"]))
    count = f"{len(rows)} problems" if len(rows) > 1 else "1 problem"
    message = f"invalid policy {source} ({count}):\n" + "\n".join(f"  {r['text']}" for r in rows)
    return ConfigError(message, code="policy_invalid", file=source, line=rows[0]["line"], problems=rows)
