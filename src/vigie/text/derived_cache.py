"""Values derived from shipped files, kept on disk between runs, as the regex cache keeps programs.

Why: a process that scores posts first builds, from files that never change between releases,
USE's sentencepiece tokenizer (a protobuf parsed in pure Python: 0.94 s on the 2-core machine),
the ids the encoder's ``TokenRows`` table keeps (the everyday corpus tokenized and ranked: 0.98 s)
and the spelling repair's word tables (0.83 s) — half of the ≈ 5 s a one-post ``vigie analyze``
takes, again in every Ray worker and every CLI call. Read back, the three take ≈ 0.2 s.

Contract of :func:`cached`:

- ``build()`` is what the caller gets on a miss, and what a later run gets back on a hit (pickled,
  so sets stay sets and objects keep their sharing);
- an entry is valid only for the same ``kind``, Python minor version and *contents* of every path
  in ``inputs`` — list the data files the value is derived from **and the source files of the code
  that derives it**, so an edit of either rebuilds it;
- one file per kind (``<kind>.pickle``), overwritten when the inputs change: the cache never
  grows; written atomically (temporary file, then rename);
- it never fails its caller: an unreadable, corrupt or unwritable cache costs time, not
  correctness.

Location: ``$XDG_CACHE_HOME/vigie/derived`` (``~/.cache/vigie/derived`` when unset), beside the
regex cache; deleting it is always safe. The files are pickles, trusted as Python trusts its own
``__pycache__``: they live in the user's own cache folder, which only the user can write to.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

__all__ = ["cached", "default_directory", "source_files"]

T = TypeVar("T")

FORMAT = 1
"""Version of the file layout (a pickled ``(key, value)`` pair); bump it when the layout changes."""


def default_directory() -> Path:
    """``$XDG_CACHE_HOME/vigie/derived``, or ``~/.cache/vigie/derived``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vigie" / "derived"


def source_files(*modules: object) -> list[Path]:
    """The source files of ``modules`` (module objects), for :func:`cached`'s ``inputs``."""
    out: list[Path] = []
    for module in modules:
        path = getattr(module, "__file__", None)
        if path is None:
            raise ValueError(f"{module!r} has no source file")
        out.append(Path(path))
    return out


def _key(kind: str, inputs: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{kind}\0{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for path in sorted(Path(p) for p in inputs):
        digest.update(b"\0" + str(path.name).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cached(kind: str, inputs: Iterable[Path], build: Callable[[], T], *, directory: Path | None = None) -> T:
    """``build()``, or what it returned in an earlier run for the same ``kind`` and the same
    contents of ``inputs`` (module docstring). ``kind`` is a file name: letters, digits, ``-``."""
    if not kind.replace("-", "").isalnum():
        raise ValueError(f"cache kind {kind!r} must be letters, digits and '-'")
    path = (directory or default_directory()) / f"{kind}.pickle"
    try:
        key = _key(kind, inputs)
    except OSError:  # an input cannot be read: nothing to key on, build every time
        return build()
    try:
        with path.open("rb") as fh:
            stored_key, value = pickle.load(fh)
        if stored_key == key:
            return cast(T, value)
    except Exception:  # missing, corrupt or foreign: rebuild
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump((key, value), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # an unwritable cache costs time, not correctness
        pass
    return value
