"""Readers for input feeds: JSONL (also stdin), CSV and Parquet, chosen by file extension.

Contract: :func:`read_records` yields, in input order, one item per record: either a
:class:`~vigie.types.Post` or a :class:`~vigie.errors.RecordError` naming the record's
1-based position and the problem. A bad record never stops the others; only a problem
with the input *as a whole* (missing file, unknown format, empty input, unreadable
Parquet footer) raises :class:`~vigie.errors.InputError`.

A record needs an id and a text (``--id-field`` / ``--text-field`` map other schemas,
e.g. a Parler dump's ``body``). Known optional fields become :class:`Post` attributes;
every other field is kept in ``Post.metadata``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from vigie.errors import InputError, RecordError
from vigie.types import Post

__all__ = ["FORMATS", "ReadItem", "detect_format", "post_from_mapping", "read_records"]

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
ReadItem = Post | RecordError
_KNOWN = {"author_id", "created_at", "lang", "parent_id", "url", "reach", "source"}
csv.field_size_limit(64 * 1024 * 1024)


def detect_format(path: str) -> str:
    """The reader for ``path`` by extension; ``-`` (stdin) is JSONL."""
    if path == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise InputError(
            f"cannot tell the format of {path!r} from its extension {suffix or '(none)'}; use one of {known}",
            code="unknown_format",
        ) from None


def _parse_time(value: Any, n: int) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(float(value), tz=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise RecordError(
        f"record {n}: created_at {value!r} is not an ISO 8601 time or a Unix timestamp",
        record=n,
        code="invalid_field",
        field="created_at",
    )


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def post_from_mapping(
    obj: Mapping[str, Any], n: int, *, id_field: str = "id", text_field: str = "text", source: str = "default"
) -> Post:
    """Build a Post from one decoded record, or raise RecordError naming record ``n`` and the problem."""
    if text_field not in obj or obj[text_field] is None:
        raise RecordError(f"record {n} has no {text_field!r} field", record=n, code="missing_text")
    text = obj[text_field]
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(
                f"record {n}: text is not valid UTF-8 ({exc})", record=n, code="invalid_utf8"
            ) from None
    if not isinstance(text, str):
        raise RecordError(
            f"record {n}: field {text_field!r} must be a string, got {type(text).__name__}",
            record=n,
            code="invalid_text",
        )
    if _has_surrogates(text):
        raise RecordError(f"record {n}: text is not valid UTF-8", record=n, code="invalid_utf8")
    raw_id = obj.get(id_field)
    if raw_id is None or raw_id == "" or isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise RecordError(
            f"record {n} has no usable {id_field!r} field (a non-empty string or integer)",
            record=n,
            code="missing_id",
        )
    reach_raw = obj.get("reach") or {}
    if not isinstance(reach_raw, Mapping) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in reach_raw.values()
    ):
        raise RecordError(f"record {n}: reach must map names to integers", record=n, code="invalid_field")
    metadata = {k: v for k, v in obj.items() if k not in _KNOWN and k not in (id_field, text_field)}
    lang = obj.get("lang")

    def opt_str(key: str) -> str | None:
        value = obj.get(key)
        return None if value is None or value == "" else str(value)

    return Post(
        id=str(raw_id),
        text=text.replace("\x00", ""),
        source=str(obj.get("source") or source),
        author_id=opt_str("author_id"),
        created_at=_parse_time(obj.get("created_at"), n),
        lang_hint=lang if isinstance(lang, str) and lang else None,
        parent_id=opt_str("parent_id"),
        url=opt_str("url"),
        reach={str(k): int(v) for k, v in reach_raw.items()},
        metadata=metadata,
    )


def _jsonl(stream: BinaryIO) -> Iterator[tuple[int, Mapping[str, Any] | RecordError]]:
    n = 0
    for line_no, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        n += 1
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield (
                n,
                RecordError(
                    f"record {n} (line {line_no}) is not valid UTF-8 at byte {exc.start}",
                    record=n,
                    code="invalid_utf8",
                    line=line_no,
                ),
            )
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                n,
                RecordError(
                    f"record {n} (line {line_no}) is not valid JSON: {exc.msg} at column {exc.colno}",
                    record=n,
                    code="invalid_json",
                    line=line_no,
                ),
            )
            continue
        if not isinstance(obj, dict):
            yield (
                n,
                RecordError(
                    f"record {n} (line {line_no}) is a JSON {type(obj).__name__}, not an object",
                    record=n,
                    code="not_an_object",
                    line=line_no,
                ),
            )
            continue
        yield n, obj


def _csv(stream: BinaryIO) -> Iterator[tuple[int, Mapping[str, Any] | RecordError]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield from _csv_rows(csv.DictReader(text))
    finally:
        text.detach()  # the caller owns and closes the binary stream


def _csv_rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, Mapping[str, Any] | RecordError]]:
    if reader.fieldnames is None:
        return
    for n, row in enumerate(reader, start=1):
        if None in row:
            yield (
                n,
                RecordError(
                    f"record {n} (line {reader.line_num}) has more cells than the header",
                    record=n,
                    code="invalid_csv",
                ),
            )
            continue
        if any(isinstance(v, str) and _has_surrogates(v) for v in row.values()):
            yield (
                n,
                RecordError(
                    f"record {n} (line {reader.line_num}) is not valid UTF-8", record=n, code="invalid_utf8"
                ),
            )
            continue
        yield n, {k: (None if v is None else v) for k, v in row.items()}


def _parquet(path: str) -> Iterator[tuple[int, Mapping[str, Any] | RecordError]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise InputError(f"{path} is not a readable Parquet file: {exc}", code="invalid_parquet") from exc
    n = 0
    for batch in pf.iter_batches(batch_size=4096):
        for row in batch.to_pylist():
            n += 1
            yield n, row


def read_records(
    path: str,
    *,
    id_field: str = "id",
    text_field: str = "text",
    source: str = "default",
    stdin: BinaryIO | None = None,
) -> Iterator[ReadItem]:
    """Yield one Post or RecordError per record of ``path`` (``-`` = stdin), in order.

    Raises InputError before yielding anything when the input as a whole is unusable,
    and after the last record when the input held no record at all.
    """
    fmt = detect_format(path)
    raw: Iterator[tuple[int, Mapping[str, Any] | RecordError]]
    handle: BinaryIO | None = None
    if path == "-":
        handle = stdin if stdin is not None else sys.stdin.buffer
        raw = _jsonl(handle)
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"input file {path} does not exist or is not a file", code="missing_file")
        if fmt == "parquet":
            raw = _parquet(path)
        else:
            handle = p.open("rb")
            raw = _jsonl(handle) if fmt == "jsonl" else _csv(handle)
    count = 0
    try:
        for n, item in raw:
            count += 1
            if isinstance(item, RecordError):
                yield item
                continue
            try:
                yield post_from_mapping(item, n, id_field=id_field, text_field=text_field, source=source)
            except RecordError as err:
                yield err
    finally:
        if handle is not None and path != "-":
            handle.close()
    if count == 0:
        raise InputError(f"input {path!r} contains no records", code="empty")
