"""The audit chain: linked hashes, tamper detection, anchoring, serialized concurrent appends."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sqlalchemy import update

from vigie.store import Store
from vigie.store.audit import GENESIS_HASH, event_hash
from vigie.store.models import EventRow
from vigie.types import Post

if TYPE_CHECKING:
    from conftest import Backend


def _fill(store: Store, n: int = 5) -> None:
    for i in range(1, n + 1):
        assert store.append_event("test", "thing_happened", f"s{i}", {"i": i, "tags": ["é", "x"]}) == i


def test_events_are_appended_in_order_with_linked_hashes(store: Store) -> None:
    _fill(store)
    events = store.events()

    assert [e["seq"] for e in events] == [1, 2, 3, 4, 5]
    prev = GENESIS_HASH
    for e in events:
        assert e["prev_hash"] == prev
        recomputed = event_hash(
            prev, e["seq"], e["stream"], e["type"], e["subject"], e["payload"], e["created_at"]
        )
        assert e["hash"] == recomputed
        prev = e["hash"]
    assert store.audit_head() == {"seq": 5, "hash": prev, "count": 5}
    report = store.verify_audit()
    assert (report.ok, report.checked, report.first_broken_seq, report.head) == (True, 5, None, prev)


def test_event_filters(store: Store) -> None:
    store.append_event("a", "t", "x", {})
    store.append_event("b", "t", "y", {})
    store.append_event("a", "t", "y", {})
    assert [e["seq"] for e in store.events("a")] == [1, 3]
    assert [e["seq"] for e in store.events(subject="y")] == [2, 3]
    assert [e["seq"] for e in store.events(after_seq=1, limit=1)] == [2]


def test_empty_chain_verifies(store: Store) -> None:
    assert store.verify_audit().ok
    assert store.audit_head() == {"seq": 0, "hash": GENESIS_HASH, "count": 0}
    assert store.verify_against_head(store.audit_head()).ok


def test_edited_payload_is_caught(backend: Backend, store: Store) -> None:
    _fill(store)
    with backend.raw.begin() as conn:
        conn.execute(update(EventRow).where(EventRow.seq == 3).values(payload={"i": 999, "tags": ["é", "x"]}))

    report = store.verify_audit()

    assert (report.ok, report.first_broken_seq, report.checked) == (False, 3, 2)
    assert report.reason is not None and "edited" in report.reason


def test_edited_hash_is_caught(backend: Backend, store: Store) -> None:
    _fill(store)
    backend.execute("UPDATE events SET hash = :h WHERE seq = 2", h="f" * 64)
    assert store.verify_audit().first_broken_seq == 2


def test_rewritten_row_with_a_recomputed_hash_breaks_the_next_link(backend: Backend, store: Store) -> None:
    _fill(store)
    (e2,) = [e for e in store.events() if e["seq"] == 2]
    forged = {"i": 2, "tags": ["forged"]}
    new_hash = event_hash(
        e2["prev_hash"], 2, e2["stream"], e2["type"], e2["subject"], forged, e2["created_at"]
    )
    with backend.raw.begin() as conn:
        conn.execute(update(EventRow).where(EventRow.seq == 2).values(payload=forged, hash=new_hash))

    report = store.verify_audit()

    assert (report.ok, report.first_broken_seq) == (False, 3)


def test_deleted_middle_event_is_a_gap(backend: Backend, store: Store) -> None:
    _fill(store)
    backend.execute("DELETE FROM events WHERE seq = 3")
    report = store.verify_audit()
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 3, 2)
    assert report.reason is not None and "missing" in report.reason


def test_deleted_newest_event_is_caught_by_the_head_row(backend: Backend, store: Store) -> None:
    _fill(store)
    backend.execute("DELETE FROM events WHERE seq = 5")
    report = store.verify_audit()
    assert (report.ok, report.first_broken_seq) == (False, 5)


def test_deleted_newest_event_is_caught_against_an_anchor(backend: Backend, store: Store) -> None:
    _fill(store)
    anchor = store.audit_head()
    assert store.verify_against_head(anchor).ok
    # a careful attacker deletes the newest event and rewinds the head row too
    (e4,) = [e for e in store.events() if e["seq"] == 4]
    backend.execute("DELETE FROM events WHERE seq = 5")
    backend.execute("UPDATE audit_head SET seq = 4, hash = :h", h=e4["hash"])
    assert store.verify_audit().ok  # the shorter chain is internally consistent...

    report = store.verify_against_head(anchor)  # ...but not against the exported head

    assert (report.ok, report.first_broken_seq) == (False, 5)
    assert report.reason is not None and "missing" in report.reason


def test_anchor_with_another_hash_is_caught(store: Store) -> None:
    _fill(store)
    report = store.verify_against_head({"seq": 3, "hash": "0" * 64})
    assert (report.ok, report.first_broken_seq) == (False, 3)


def test_concurrent_writers_keep_one_chain(backend: Backend) -> None:
    stores = [backend.open(), backend.open()]
    per_thread = 25
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(stores))

    def work(k: int, store: Store) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                store.append_event("test", "tick", f"writer{k}", {"i": i})
                if i % 5 == 0:  # interleave revisions of one shared post (revision numbers must not race)
                    store.ingest(Post(id="shared", text=f"writer {k} edit {i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k, s)) for k, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    report = stores[0].verify_audit()
    total = 2 * per_thread + 2 * (per_thread // 5)
    assert (report.ok, report.checked) == (True, total)
    assert [e["seq"] for e in stores[1].events()] == list(range(1, total + 1))
    revisions = [h["revision"] for h in stores[0].post_history("default", "shared")]
    assert revisions == list(range(1, len(revisions) + 1)) and len(revisions) == 2 * (per_thread // 5)
