"""The :class:`Store`: what vigie persists and how it is read back.

Transactions. Every write (:meth:`Store.ingest`, :meth:`Store.record_decision`,
:meth:`Store.save_batch`, :meth:`Store.append_event`) is one transaction that begins by
locking the single ``audit_head`` row — ``SELECT ... FOR UPDATE`` on PostgreSQL, and on SQLite
the transaction itself is ``BEGIN IMMEDIATE`` (the database write lock). Holding that lock for
the whole transaction serializes writers, which is what keeps the audit chain from forking
(two writers can never both extend seq N) and also makes revision numbering race-free (the
latest revision is read under the lock). Reads take no lock; WAL (SQLite) and MVCC
(PostgreSQL) let them run beside a writer. A scan should call :meth:`Store.save_batch` with
batches of a few hundred to a few thousand posts: one commit per batch, not per post.

Revisions. Ingest compares a post's text hash with the **latest** revision stored under its
``(source, id)``: the same text again changes nothing (no row, no event); any other text is a
new revision numbered 1, 2, 3... This includes an edit *back* to an earlier text (A → B → A
gives revision 3): the post's current content is what :meth:`Store.latest_decisions` must
show, and editing a threat away and back after review is an evasion to catch.

Events written by the store itself: ``post_ingested`` (revision 1) and ``post_revised``
(later revisions) on stream ``posts``, ``decision_made`` on stream ``decisions``; all with
subject ``post:<source>:<post id>``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, and_, exists, func, insert, select, tuple_
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from vigie.categories import Category, Severity, Verdict
from vigie.errors import ConflictError, NotFoundError, StoreError, VigieError
from vigie.store import codec
from vigie.store.audit import GENESIS_HASH, AuditReport, ChainLink, event_hash, verify_chain
from vigie.store.columns import utcnow
from vigie.store.engine import writer
from vigie.store.models import AuditHeadRow, Base, DecisionRow, EventRow, PostRow, SignalRow
from vigie.types import Decision, Post, Signal

__all__ = ["IngestResult", "OnRecorded", "Scored", "Store", "StoredDecision", "Writer", "post_subject"]

_T = TypeVar("_T")
_CHUNK = 500  # keys per IN (...) query: 2 bound parameters each, far below every backend's limit


def post_subject(source: str, post_id: str) -> str:
    """The event subject naming one post (all its revisions)."""
    return f"post:{source}:{post_id}"


@dataclass(frozen=True)
class IngestResult:
    """Where a post landed. ``post_pk`` is the primary key of the stored *revision* row (what
    :meth:`Store.record_decision` takes); ``created`` is False when that text was already the
    latest revision, in which case nothing was written."""

    post_pk: int
    revision: int
    created: bool


@dataclass(frozen=True)
class StoredDecision:
    """The current decision about a post, as stored (the shape reports and exports read).

    ``scores`` maps every label to its combined score; ``evidence`` lists dicts with keys
    ``label, start, end, snippet, rationale, source`` (offsets into ``text``); ``targets`` dicts
    with ``kind, name, start, end, watchlist_id``; ``policy`` has ``name, version, hash``.
    """

    decision_id: str
    source: str
    post_id: str
    revision: int
    text: str
    verdict: Verdict
    severity: Severity
    violations: tuple[Category, ...]
    language: str
    scores: dict[str, float]
    evidence: list[dict[str, Any]]
    targets: list[dict[str, Any]]
    policy: dict[str, str]
    created_at: datetime
    post_pk: int = 0
    truncated: bool = False
    rule_hits: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    author_id: str | None = None
    posted_at: datetime | None = None

    @property
    def flagged(self) -> bool:
        return self.verdict is not Verdict.ALLOW


OnRecorded = Callable[["Writer", Post, IngestResult, Decision], None]
"""Hook of :meth:`Store.save_batch`, called in its transaction for each newly recorded decision."""


@dataclass(frozen=True, slots=True)
class Scored:
    """A stored revision that already has a decision: where it is, which decision, and its signals."""

    post_pk: int
    decision_id: str
    signals: tuple[Signal, ...]


@dataclass(slots=True)
class _Latest:
    """The latest stored revision of one (source, post_id), or one pending insert in this batch."""

    pk: int | None
    revision: int
    text_hash: str
    decided: bool
    pending: int | None = None  # index into the batch's new post rows until their pks are known


@dataclass
class Writer:
    """One write transaction: its session and the audit chain position it extends."""

    session: Session
    seq: int
    hash: str
    events: list[dict[str, Any]] = field(default_factory=list)

    def event(
        self, stream: str, type: str, subject: str, payload: Mapping[str, Any], *, trusted: bool = False
    ) -> int:
        """Queue one event; ``trusted`` payloads (built by the store from clean values) skip cleaning."""
        clean: dict[str, Any] = dict(payload) if trusted else codec.to_json_value(dict(payload))
        seq, created_at = self.seq + 1, utcnow()
        digest = event_hash(self.hash, seq, stream, type, subject, clean, created_at)
        self.events.append(
            {
                "seq": seq,
                "stream": stream,
                "type": type,
                "subject": subject,
                "payload": clean,
                "created_at": created_at,
                "prev_hash": self.hash,
                "hash": digest,
            }
        )
        self.seq, self.hash = seq, digest
        return seq


class Store:
    """Persistent store of posts, signals, decisions and the audit log. Thread-safe: every call
    runs in its own session; open one per process (see :func:`vigie.store.open_store`)."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self._engine = engine
        self._write_engine = writer(engine)
        self.url = url
        """The database URL with the password masked."""

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Writer]:
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                head = session.execute(
                    select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()
                ).scalar_one()
                w = Writer(session, head.seq, head.hash)
                yield w
                if w.events:
                    _bulk_insert(session, EventRow, w.events)
                    head.seq, head.hash = w.seq, w.hash
        except VigieError:
            raise
        except IntegrityError as exc:
            raise ConflictError(f"write to {self.url} refused: {_reason(exc)}", code="integrity") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"write to {self.url} failed: {_reason(exc)}", code="write") from exc

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        try:
            with Session(self._engine, expire_on_commit=False) as session, session.begin():
                yield session
        except VigieError:
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"read from {self.url} failed: {_reason(exc)}", code="read") from exc

    def transaction(self) -> AbstractContextManager[Writer]:
        """A write transaction holding the audit lock, for the store's sibling repositories
        (policies, review, outbox, keys): ``with store.transaction() as w: w.session...; w.event(...)``.
        Everything written inside, events included, commits or rolls back together."""
        return self._writing()

    def reading(self) -> AbstractContextManager[Session]:
        """A read-only session (no lock) for the store's sibling repositories."""
        return self._reading()

    # -- posts and decisions ------------------------------------------------------------------

    def ingest(self, post: Post) -> IngestResult:
        """Store ``post`` as a new revision unless its text is already the latest one."""
        with self._writing() as w:
            (result,) = self._ingest(w, [post])
            return result

    def needs_scoring(self, posts: Sequence[Post]) -> list[bool]:
        """For each post: True unless its text is the latest stored revision *and* that revision
        already has a decision. One query per 500 posts."""
        with self._reading() as session:
            latest = _latest_revisions(session, {(p.source, p.id) for p in posts})
        out: list[bool] = []
        for p in posts:
            cur = latest.get((p.source, p.id))
            out.append(cur is None or cur.text_hash != p.text_hash or not cur.decided)
        return out

    def record_decision(self, post_pk: int, decision: Decision) -> str:
        """Store ``decision`` (and all its signals) about the revision ``post_pk`` and append
        ``decision_made``, in one transaction. Idempotent on ``decision.id``: recording the same
        id for the same revision again writes nothing. Returns the decision id.

        Raises NotFoundError for an unknown ``post_pk``, ConflictError when the decision is about
        another text than that revision, or its id is already used for another revision."""
        with self._writing() as w:
            row = w.session.get(PostRow, post_pk)
            if row is None:
                raise NotFoundError(f"no stored post revision with pk {post_pk}", code="post")
            self._record(w, [(row.pk, row.source, row.post_id, row.revision, row.text_hash, decision)])
        return decision.id

    def record_decisions(self, pairs: Sequence[tuple[int, Decision]]) -> list[str]:
        """:meth:`record_decision` for many revisions in one transaction (re-deciding stored posts
        under a new policy). Same idempotency and checks."""
        if not pairs:
            return []
        with self._writing() as w:
            rows = {
                r.pk: r
                for r in w.session.scalars(select(PostRow).where(PostRow.pk.in_({pk for pk, _ in pairs})))
            }
            batch = []
            for pk, decision in pairs:
                row = rows.get(pk)
                if row is None:
                    raise NotFoundError(f"no stored post revision with pk {pk}", code="post")
                batch.append((row.pk, row.source, row.post_id, row.revision, row.text_hash, decision))
            self._record(w, batch)
        return [d.id for _, d in pairs]

    def save_batch(
        self, pairs: Sequence[tuple[Post, Decision]], *, on_recorded: OnRecorded | None = None
    ) -> list[IngestResult]:
        """Ingest every post and record its decision, in **one** transaction for the batch.

        Events are appended in input order (each post's ingest event, then its decision). A
        decision id already stored for the same revision is skipped, so re-running a batch
        after a crash is harmless. Returns one :class:`IngestResult` per pair, in order.

        ``on_recorded(w, post, result, decision)`` runs inside the same transaction right after
        each *newly* recorded decision: the service queues review items and outbox actions there,
        so a decision is never committed without its consequences (nor twice with them)."""
        if not pairs:
            return []
        with self._writing() as w:
            results = self._ingest(w, [p for p, _ in pairs], emit_events=False)
            decided = self._record(
                w,
                [
                    (r.post_pk, p.source, p.id, r.revision, p.text_hash, d)
                    for r, (p, d) in zip(results, pairs, strict=True)
                ],
                emit_events=False,
            )
            for r, (p, d), recorded in zip(results, pairs, decided, strict=True):
                if r.created:
                    _post_event(w, p, r)
                if recorded:
                    _decision_event(w, p.source, p.id, r.post_pk, r.revision, d)
                    if on_recorded is not None:
                        on_recorded(w, p, r, d)
            return results

    def _ingest(self, w: Writer, posts: Sequence[Post], *, emit_events: bool = True) -> list[IngestResult]:
        latest = _latest_revisions(w.session, {(p.source, p.id) for p in posts})
        rows: list[dict[str, Any]] = []
        plan: list[tuple[_Latest, bool]] = []
        now = utcnow()
        for p in posts:
            key = (p.source, p.id)
            cur = latest.get(key)
            if cur is not None and cur.text_hash == p.text_hash:
                plan.append((cur, False))
                continue
            new = _Latest(None, 1 if cur is None else cur.revision + 1, p.text_hash, False, len(rows))
            rows.append(_post_row(p, new.revision, now))
            latest[key] = new
            plan.append((new, True))
        pks: list[int] = []
        table = _table(PostRow)
        if rows:
            pks = list(
                w.session.connection().scalars(
                    insert(table).returning(table.c.pk, sort_by_parameter_order=True), rows
                )
            )
        results: list[IngestResult] = []
        for (state, created), p in zip(plan, posts, strict=True):
            if state.pk is None:
                assert state.pending is not None
                state.pk = pks[state.pending]
            result = IngestResult(state.pk, state.revision, created)
            results.append(result)
            if created and emit_events:
                _post_event(w, p, result)
        return results

    def _record(
        self,
        w: Writer,
        items: Sequence[tuple[int, str, str, int, str, Decision]],
        *,
        emit_events: bool = True,
    ) -> list[bool]:
        """Insert decisions and their signals; returns, per item, whether it was written."""
        existing: dict[str, int] = {}
        ids = list({d.id for *_, d in items})
        for chunk in _chunks(ids):
            query = select(DecisionRow.id, DecisionRow.post_pk).where(DecisionRow.id.in_(chunk))
            existing.update((did, pk) for did, pk in w.session.execute(query))
        decisions: list[dict[str, Any]] = []
        signals: list[dict[str, Any]] = []
        written: list[bool] = []
        now = utcnow()
        for post_pk, source, post_id, revision, stored_hash, d in items:
            if d.post.id != post_id or d.post.text_hash != stored_hash:
                raise ConflictError(
                    f"decision {d.id} is about post {d.post.id!r} with another text than stored revision "
                    f"{revision} of {source}:{post_id}",
                    code="decision_mismatch",
                )
            owner = existing.get(d.id)
            if owner is not None:
                if owner != post_pk:
                    raise ConflictError(
                        f"decision id {d.id} is already used for another post", code="decision_id"
                    )
                written.append(False)
                continue
            existing[d.id] = post_pk
            decisions.append(_decision_row(post_pk, d, now))
            signals.extend(_signal_row(d.id, i, s) for i, s in enumerate(d.signals))
            written.append(True)
            if emit_events:
                _decision_event(w, source, post_id, post_pk, revision, d)
        if decisions:
            _bulk_insert(w.session, DecisionRow, decisions)
        if signals:
            _bulk_insert(w.session, SignalRow, signals)
        return written

    # -- reading ------------------------------------------------------------------------------

    def latest_decisions(
        self,
        *,
        source: str | None = None,
        flagged_only: bool = False,
        limit: int | None = None,
        since: datetime | None = None,
    ) -> list[StoredDecision]:
        """The newest decision of the newest revision of each post, oldest decision first.

        A post whose newest revision has no decision yet is left out (its old verdict is about
        a text that is no longer there). ``since`` keeps posts made (else ingested) at or after it."""
        P, D = PostRow, DecisionRow
        rev_q = select(P.source, P.post_id, func.max(P.revision).label("rev")).group_by(P.source, P.post_id)
        if source is not None:
            rev_q = rev_q.where(P.source == source)
        latest_rev = rev_q.subquery()
        latest_dec = select(D.post_pk, func.max(D.pk).label("dpk")).group_by(D.post_pk).subquery()
        q = (
            select(*_STORED_COLUMNS)
            .join(
                latest_rev,
                and_(
                    P.source == latest_rev.c.source,
                    P.post_id == latest_rev.c.post_id,
                    P.revision == latest_rev.c.rev,
                ),
            )
            .join(latest_dec, latest_dec.c.post_pk == P.pk)
            .join(D, D.pk == latest_dec.c.dpk)
            .order_by(D.pk)
        )
        if flagged_only:
            q = q.where(D.verdict != Verdict.ALLOW.value)
        if since is not None:  # by when the post was made, else when it was ingested
            q = q.where(func.coalesce(P.posted_at, P.ingested_at) >= since)
        if limit is not None:
            q = q.limit(limit)
        with self._reading() as session:
            return [_stored_decision(row) for row in session.execute(q)]

    def post_history(self, source: str, post_id: str) -> list[dict[str, Any]]:
        """Every revision of a post, oldest first, each with its decisions and events.

        Keys per revision: ``post_pk, revision, text, text_hash, author_id, posted_at,
        ingested_at, metadata, decisions`` (dicts: ``decision_id, verdict, severity, violations,
        policy, created_at``) and ``events`` (as :meth:`events` returns them). An unknown post
        gives an empty list."""
        subject = post_subject(source, post_id)
        with self._reading() as session:
            revs = session.scalars(
                select(PostRow)
                .where(PostRow.source == source, PostRow.post_id == post_id)
                .order_by(PostRow.revision)
            ).all()
            pks = [r.pk for r in revs]
            decs = (
                session.scalars(
                    select(DecisionRow).where(DecisionRow.post_pk.in_(pks)).order_by(DecisionRow.pk)
                ).all()
                if pks
                else []
            )
            evs = session.scalars(
                select(EventRow).where(EventRow.subject == subject).order_by(EventRow.seq)
            ).all()
        out: list[dict[str, Any]] = []
        for r in revs:
            out.append(
                {
                    "post_pk": r.pk,
                    "revision": r.revision,
                    "text": r.text,
                    "text_hash": r.text_hash,
                    "author_id": r.author_id,
                    "posted_at": r.posted_at,
                    "ingested_at": r.ingested_at,
                    "metadata": r.meta,
                    "decisions": [_decision_summary(d) for d in decs if d.post_pk == r.pk],
                    "events": [_event_dict(e) for e in evs if e.payload.get("post_pk") == r.pk],
                }
            )
        return out

    def signals_for(self, decision_id: str) -> list[Signal]:
        """The signals behind a decision, rebuilt as frozen types in their original order."""
        with self._reading() as session:
            rows = session.scalars(
                select(SignalRow).where(SignalRow.decision_id == decision_id).order_by(SignalRow.ordinal)
            ).all()
        return [
            codec.signal_from_row(
                r.detector, r.version, r.language, r.scores, r.targets, r.truncated, r.extras
            )
            for r in rows
        ]

    def latest_scored(self, posts: Sequence[Post]) -> list[Scored | None]:
        """For each post: its latest stored revision and the newest decision on it with that decision's
        signals, when that revision holds exactly this text; else None. This is how already-scored
        posts are re-decided (by a re-scan under a new policy, or a backtest) without being scored
        again. A few queries per 500 posts."""
        with self._reading() as session:
            latest = _latest_revisions(session, {(p.source, p.id) for p in posts})
            wanted: set[int] = set()
            for p in posts:
                cur = latest.get((p.source, p.id))
                if cur is not None and cur.pk is not None and cur.text_hash == p.text_hash:
                    wanted.add(cur.pk)
            newest: dict[int, str] = {}
            for pk_chunk in _chunks(sorted(wanted)):
                rows = session.execute(
                    select(DecisionRow.post_pk, DecisionRow.id)
                    .where(DecisionRow.post_pk.in_(pk_chunk))
                    .order_by(DecisionRow.post_pk, DecisionRow.pk)
                )
                for post_pk, decision_id in rows:
                    newest[post_pk] = decision_id  # ordered by pk: the last one wins
            by_decision: dict[str, list[Signal]] = {}
            for id_chunk in _chunks(sorted(newest.values())):
                for r in session.scalars(
                    select(SignalRow)
                    .where(SignalRow.decision_id.in_(id_chunk))
                    .order_by(SignalRow.decision_id, SignalRow.ordinal)
                ):
                    by_decision.setdefault(r.decision_id, []).append(
                        codec.signal_from_row(
                            r.detector, r.version, r.language, r.scores, r.targets, r.truncated, r.extras
                        )
                    )
        out: list[Scored | None] = []
        for p in posts:
            cur = latest.get((p.source, p.id))
            found: Scored | None = None
            if cur is not None and cur.pk is not None and cur.text_hash == p.text_hash:
                newest_id = newest.get(cur.pk)
                if newest_id is not None:
                    found = Scored(cur.pk, newest_id, tuple(by_decision.get(newest_id, ())))
            out.append(found)
        return out

    # -- events and audit ---------------------------------------------------------------------

    def append_event(self, stream: str, type: str, subject: str, payload: Mapping[str, Any]) -> int:
        """Append one event to the audit chain and return its ``seq``. The payload is stored as
        JSON (see :func:`vigie.store.codec.to_json_value` for how odd values are made storable)."""
        with self._writing() as w:
            return w.event(stream, type, subject, payload)

    def events(
        self,
        stream: str | None = None,
        *,
        subject: str | None = None,
        after_seq: int = 0,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events in ``seq`` order, as dicts with keys ``seq, stream, type, subject, payload,
        created_at, prev_hash, hash``; optionally filtered, and paged with ``after_seq``."""
        q = select(EventRow).where(EventRow.seq > after_seq).order_by(EventRow.seq)
        if stream is not None:
            q = q.where(EventRow.stream == stream)
        if subject is not None:
            q = q.where(EventRow.subject == subject)
        if limit is not None:
            q = q.limit(limit)
        with self._reading() as session:
            return [_event_dict(e) for e in session.scalars(q)]

    def verify_audit(self) -> AuditReport:
        """Recompute the whole chain (streamed, 1000 rows at a time) and report the first break:
        an edited row, a deleted middle row (a ``seq`` gap), or newest rows deleted without
        also rewriting the ``audit_head`` row. See :meth:`verify_against_head` for the rest."""
        with self._reading() as session:
            head = session.get(AuditHeadRow, 1)
            if head is None:
                return AuditReport(False, 0, None, "the audit_head row is missing", None)
            head_seq, head_hash = head.seq, head.hash
            rows = session.scalars(select(EventRow).order_by(EventRow.seq).execution_options(yield_per=1000))
            tail = _Tail(head_seq)
            try:
                report = verify_chain(tail.watch(rows))
            finally:
                rows.close()  # verification may stop early: release the server-side cursor
        if not report.ok:
            return report
        if tail.last_seq < head_seq:
            reason = (
                f"the chain ends at event {tail.last_seq} but audit_head records event {head_seq}: "
                "the newest events were deleted"
            )
            return AuditReport(False, report.checked, tail.last_seq + 1, reason, report.head)
        if head_seq > 0 and tail.hash_at_head != head_hash:
            reason = f"event {head_seq} does not have the hash recorded in audit_head"
            return AuditReport(False, report.checked, head_seq, reason, report.head)
        return report

    def audit_head(self) -> dict[str, Any]:
        """``{"seq", "hash", "count"}`` of the newest event, to export and anchor elsewhere
        (``seq`` 0 and the genesis hash when there are no events)."""
        with self._reading() as session:
            last = session.execute(
                select(EventRow.seq, EventRow.hash).order_by(EventRow.seq.desc()).limit(1)
            ).first()
            count = session.scalar(select(func.count()).select_from(EventRow)) or 0
        if last is None:
            return {"seq": 0, "hash": GENESIS_HASH, "count": 0}
        return {"seq": int(last[0]), "hash": str(last[1]), "count": int(count)}

    def verify_against_head(self, anchored: Mapping[str, Any]) -> AuditReport:
        """:meth:`verify_audit`, plus: the anchored event must still exist with the anchored hash.
        This catches deletion of the newest events even when ``audit_head`` was rewritten too."""
        report = self.verify_audit()
        if not report.ok:
            return report
        seq, expected = int(anchored["seq"]), str(anchored["hash"])
        if seq == 0:
            return report
        with self._reading() as session:
            found = session.scalar(select(EventRow.hash).where(EventRow.seq == seq))
        if found is None:
            reason = f"anchored event {seq} is missing: the newest events were deleted"
            return AuditReport(False, report.checked, seq, reason, report.head)
        if found != expected:
            reason = f"event {seq} does not have the anchored hash: the chain was rewritten"
            return AuditReport(False, report.checked, seq, reason, report.head)
        return report

    def close(self) -> None:
        """Release every pooled connection. The store must not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# -- helpers ----------------------------------------------------------------------------------


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig) if orig is not None else str(exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _table(model: type[Base]) -> Table:
    """The Core table of a model: bulk writes go through Core (no ORM unit-of-work per row)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """One executemany through Core: no ORM unit-of-work per row (batches hold thousands)."""
    session.connection().execute(insert(_table(model)), rows)


def _chunks(items: Sequence[_T], size: int = _CHUNK) -> Iterator[Sequence[_T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _latest_revisions(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], _Latest]:
    P, D = PostRow, DecisionRow
    out: dict[tuple[str, str], _Latest] = {}
    for chunk in _chunks(sorted(keys)):
        latest = (
            select(P.source, P.post_id, func.max(P.revision).label("rev"))
            .where(tuple_(P.source, P.post_id).in_(chunk))
            .group_by(P.source, P.post_id)
            .subquery()
        )
        q = select(
            P.source,
            P.post_id,
            P.pk,
            P.revision,
            P.text_hash,
            exists().where(D.post_pk == P.pk).label("decided"),
        ).join(
            latest,
            and_(P.source == latest.c.source, P.post_id == latest.c.post_id, P.revision == latest.c.rev),
        )
        for src, pid, pk, rev, th, decided in session.execute(q):
            out[(src, pid)] = _Latest(pk, rev, th, bool(decided))
    return out


def _as_utc(moment: datetime | None) -> datetime | None:
    """Post timestamps without a zone are taken as UTC (what dumps almost always mean)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _post_row(p: Post, revision: int, now: datetime) -> dict[str, Any]:
    return {
        "source": p.source,
        "post_id": p.id,
        "revision": revision,
        "text": codec.scrub_text(p.text),
        "text_hash": p.text_hash,
        "author_id": p.author_id,
        "parent_id": p.parent_id,
        "url": p.url,
        "lang_hint": p.lang_hint,
        "posted_at": _as_utc(p.created_at),
        "reach": codec.to_json_value(p.reach),
        "metadata": codec.to_json_value(p.metadata),
        "ingested_at": now,
    }


def _decision_row(post_pk: int, d: Decision, now: datetime) -> dict[str, Any]:
    return {
        "id": d.id,
        "post_pk": post_pk,
        "verdict": Verdict(d.verdict).value,
        "severity": Severity(d.severity).value,
        "violations": [Category(c).value for c in d.violations],
        "language": d.language,
        "policy_name": d.policy.name,
        "policy_version": d.policy.version,
        "policy_hash": d.policy.hash,
        "scores": codec.scores_to_json(d.scores),
        "targets": codec.targets_to_json(d.targets),
        "rule_hits": [str(h) for h in d.rule_hits],
        "actions": [str(a) for a in d.actions],
        "truncated": d.truncated,
        "created_at": now,
    }


def _signal_row(decision_id: str, ordinal: int, s: Signal) -> dict[str, Any]:
    return {
        "decision_id": decision_id,
        "ordinal": ordinal,
        "detector": s.detector,
        "version": s.version,
        "language": s.language,
        "scores": codec.scores_to_json(s.scores),
        "targets": codec.targets_to_json(s.targets),
        "extras": codec.to_json_value(s.extras),
        "truncated": s.truncated,
    }


def _post_event(w: Writer, p: Post, r: IngestResult) -> None:
    kind = "post_ingested" if r.revision == 1 else "post_revised"
    payload = {"post_pk": r.post_pk, "revision": r.revision, "text_hash": p.text_hash}
    w.event("posts", kind, post_subject(p.source, p.id), payload, trusted=True)


def _decision_event(w: Writer, source: str, post_id: str, post_pk: int, revision: int, d: Decision) -> None:
    payload = {
        "decision_id": d.id,
        "post_pk": post_pk,
        "revision": revision,
        "verdict": Verdict(d.verdict).value,
        "severity": Severity(d.severity).value,
        "violations": [Category(c).value for c in d.violations],
        "policy": {"name": d.policy.name, "version": d.policy.version, "hash": d.policy.hash},
    }
    w.event("decisions", "decision_made", post_subject(source, post_id), payload, trusted=True)


_STORED_COLUMNS = (
    PostRow.pk.label("post_pk"),
    PostRow.source,
    PostRow.post_id,
    PostRow.revision,
    PostRow.text,
    PostRow.author_id,
    PostRow.posted_at,
    DecisionRow.id,
    DecisionRow.verdict,
    DecisionRow.severity,
    DecisionRow.violations,
    DecisionRow.language,
    DecisionRow.scores,
    DecisionRow.targets,
    DecisionRow.policy_name,
    DecisionRow.policy_version,
    DecisionRow.policy_hash,
    DecisionRow.created_at,
    DecisionRow.truncated,
    DecisionRow.rule_hits,
    DecisionRow.actions,
)


def _stored_decision(r: Row[Any]) -> StoredDecision:
    """Built straight from the JSON columns (no intermediate frozen types: reports read many)."""
    scores: list[dict[str, Any]] = r.scores
    return StoredDecision(
        decision_id=r.id,
        source=r.source,
        post_id=r.post_id,
        revision=r.revision,
        text=r.text,
        verdict=Verdict(r.verdict),
        severity=Severity(r.severity),
        violations=tuple(Category(c) for c in r.violations),
        language=r.language,
        scores={s["label"]: float(s["score"]) for s in scores},
        evidence=[dict(e) for s in scores for e in s["evidence"]],
        targets=[dict(t) for t in r.targets],
        policy={"name": r.policy_name, "version": r.policy_version, "hash": r.policy_hash},
        created_at=r.created_at,
        post_pk=r.post_pk,
        truncated=r.truncated,
        rule_hits=tuple(r.rule_hits),
        actions=tuple(r.actions),
        author_id=r.author_id,
        posted_at=r.posted_at,
    )


def _decision_summary(d: DecisionRow) -> dict[str, Any]:
    return {
        "decision_id": d.id,
        "verdict": d.verdict,
        "severity": d.severity,
        "violations": list(d.violations),
        "policy": {"name": d.policy_name, "version": d.policy_version, "hash": d.policy_hash},
        "rule_hits": list(d.rule_hits),
        "created_at": d.created_at,
    }


def _event_dict(e: EventRow) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "stream": e.stream,
        "type": e.type,
        "subject": e.subject,
        "payload": e.payload,
        "created_at": e.created_at,
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }


class _Tail:
    """Watches event rows go by during verification: the last seq, and the hash at ``head_seq``."""

    def __init__(self, head_seq: int) -> None:
        self.head_seq = head_seq
        self.last_seq = 0
        self.hash_at_head: str | None = None

    def watch(self, rows: Iterable[EventRow]) -> Iterator[ChainLink]:
        for e in rows:
            self.last_seq = e.seq
            if e.seq == self.head_seq:
                self.hash_at_head = e.hash
            yield ChainLink(e.seq, e.stream, e.type, e.subject, e.payload, e.created_at, e.prev_hash, e.hash)
