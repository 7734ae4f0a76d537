"""Readers: every format, field mapping, and per-record errors that never stop the others."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vigie.errors import InputError, RecordError
from vigie.readers import read_records
from vigie.types import Post


def jsonl(tmp_path: Path, lines: list[bytes], name: str = "in.jsonl") -> str:
    p = tmp_path / name
    p.write_bytes(b"\n".join(lines) + b"\n")
    return str(p)


def test_jsonl_posts_and_metadata(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        [
            json.dumps(
                {
                    "id": 1,
                    "text": "bonjour",
                    "lang": "fr",
                    "created_at": "2021-01-06T12:00:00Z",
                    "channel": "x",
                }
            ).encode()
        ],
    )
    (post,) = list(read_records(path))
    assert isinstance(post, Post)
    assert post.id == "1" and post.text == "bonjour" and post.lang_hint == "fr"
    assert post.created_at is not None and post.created_at.year == 2021 and post.created_at.tzinfo is not None
    assert post.metadata == {"channel": "x"}


def test_bad_records_keep_position_and_do_not_stop_others(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path,
        [
            b'{"id": "a", "text": "one"}',
            b'{"id": "b", "text": ',  # invalid JSON
            b'{"id": "c"}',  # missing text
            b'{"id": "d", "text": "caf\xe9"}',  # invalid UTF-8 (latin-1 byte)
            b"[1, 2]",  # not an object
            b'{"text": "no id"}',
            b'{"id": "e", "text": 42}',
            b'{"id": "f", "text": "ok", "created_at": "yesterday"}',
            b'{"id": "g", "text": "last"}',
        ],
    )
    items = list(read_records(path))
    assert len(items) == 9
    assert isinstance(items[0], Post) and isinstance(items[-1], Post) and items[-1].id == "g"
    errors = {i.record: i.code for i in items if isinstance(i, RecordError)}
    assert errors == {
        2: "record.invalid_json",
        3: "record.missing_text",
        4: "record.invalid_utf8",
        5: "record.not_an_object",
        6: "record.missing_id",
        7: "record.invalid_text",
        8: "record.invalid_field",
    }
    missing = next(i for i in items if isinstance(i, RecordError) and i.record == 3)
    assert "'text'" in missing.message and "record 3" in missing.message


def test_field_mapping(tmp_path: Path) -> None:
    path = jsonl(tmp_path, [b'{"uid": "p1", "body": "salut"}'])
    (post,) = list(read_records(path, id_field="uid", text_field="body"))
    assert isinstance(post, Post) and post.id == "p1" and post.text == "salut"


def test_empty_input_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"\n\n")
    with pytest.raises(InputError, match="no records"):
        list(read_records(str(p)))


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        list(read_records(str(tmp_path / "nope.jsonl")))
    with pytest.raises(InputError, match="extension"):
        list(read_records(str(tmp_path / "feed.xml")))


def test_stdin_is_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "s", "text": "hi"}\n')
    (post,) = list(read_records("-", stdin=stream))
    assert isinstance(post, Post) and post.id == "s"


def test_csv_with_quoted_newlines_and_bad_utf8(tmp_path: Path) -> None:
    p = tmp_path / "in.csv"
    p.write_bytes(b'id,text,author_id\n1,"line one\nline two",u1\n2,caf\xe9,u2\n3,fine,u3\n')
    items = list(read_records(str(p)))
    assert isinstance(items[0], Post) and items[0].text == "line one\nline two" and items[0].author_id == "u1"
    assert (
        isinstance(items[1], RecordError) and items[1].code == "record.invalid_utf8" and items[1].record == 2
    )
    assert isinstance(items[2], Post) and items[2].id == "3"


def test_parquet(tmp_path: Path) -> None:
    p = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "body": ["x", None]}), p)
    items = list(read_records(str(p), text_field="body"))
    assert isinstance(items[0], Post) and items[0].text == "x"
    assert isinstance(items[1], RecordError) and items[1].code == "record.missing_text"


def test_corrupt_parquet(tmp_path: Path) -> None:
    p = tmp_path / "bad.parquet"
    p.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="Parquet"):
        list(read_records(str(p)))


def test_one_megabyte_post_is_read_whole(tmp_path: Path) -> None:
    text = "mot " * 262_144
    path = jsonl(tmp_path, [json.dumps({"id": "big", "text": text}).encode()])
    (post,) = list(read_records(path))
    assert isinstance(post, Post) and len(post.text) == len(text)
