"""Recording submissions: one transaction for a whole batch, executemany inserts.

Per unit the archive keeps a version counter. A submission whose sha256 (the content's
digest; or, for versions recorded before it, the file's bytes') equals its unit's latest
version is not stored again (`new=False`); any other becomes version n+1, and the
older versions stay. The batch runs in a `location.writing` transaction (one writer at a
time), and the units' rows are locked too (SELECT ... FOR UPDATE on PostgreSQL), so
concurrent compilations cannot hand out the same version number twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from xlkinerja.errors import ErrorCode
from xlkinerja.store.encoded import EncodedSubmission, encode_submission
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.records import KINDS, RecordResult, Submission
from xlkinerja.store.tables import data, submissions, units

CHUNK = 100  # submissions per INSERT round trip (bounds the memory of serialised JSON)
_IN_LIMIT = 500  # values per IN (...) list
_SHA256 = re.compile(r"[0-9a-f]{64}")
T = TypeVar("T")


@dataclass
class _UnitState:
    id: int
    kind: str
    version: int
    sha256: str | None
    submission_id: int | None


AnySubmission = Submission | EncodedSubmission


@dataclass
class _Pending:
    submission: AnySubmission | None  # dropped once inserted: a batch must not pile up
    version: int
    submission_id: int = 0


def check(submission: AnySubmission) -> None:
    """Programming errors in what the caller built (not user data problems)."""
    if not submission.unit:
        raise ValueError("Submission.unit is empty")
    if submission.kind not in KINDS:
        raise ValueError(f"Submission.kind must be one of {KINDS}, not {submission.kind!r}")
    if not _SHA256.fullmatch(submission.sha256):
        raise ValueError(f"Submission.sha256 is not a lowercase hex SHA-256: {submission.sha256!r}")


def record_batch(
    conn: Connection,
    batch: Iterable[AnySubmission],
    compiled_at: datetime,
    compiled_by: str | None,
) -> list[RecordResult]:
    """Record `batch` in `conn`'s transaction, CHUNK submissions at a time (so a generator
    of submissions is never held in memory whole); results in the batch's order."""
    state: dict[str, _UnitState] = {}
    latest: dict[str, _Pending] = {}  # the version this batch gave each unit
    results: list[RecordResult] = []
    for chunk in _chunks(batch, CHUNK):
        for submission in chunk:
            check(submission)
        # Lock (and create) the units this chunk adds; the first kind given wins.
        state.update(
            _lock_units(conn, {s.unit: s.kind for s in reversed(chunk) if s.unit not in state})
        )
        outcome: list[tuple[_Pending, bool]] = []
        pending: list[_Pending] = []
        for submission in chunk:
            unit = state[submission.unit]
            if unit.kind != submission.kind:
                raise ArchiveError(
                    f"Unit '{submission.unit}' sudah ada di arsip sebagai jenis '{unit.kind}', "
                    f"bukan '{submission.kind}'.",
                    code=ErrorCode.ARSIP_UNIT_JENIS_BEDA,
                    path=submission.file_name,
                )
            if unit.sha256 is not None and unit.sha256 in (
                submission.sha256,
                _file_sha256(submission),
            ):
                same = latest.get(submission.unit)
                old = _Pending(submission, unit.version, unit.submission_id or 0)
                outcome.append((same or old, False))
                continue
            unit.version += 1
            unit.sha256 = submission.sha256
            item = _Pending(submission, unit.version)
            pending.append(item)
            latest[submission.unit] = item
            outcome.append((item, True))
        if pending:
            _insert(conn, pending, state, compiled_at, compiled_by)
            for item in pending:
                item.submission = None  # `latest` keeps only version and id
        results.extend(
            RecordResult(version=p.version, new=new, submission_id=p.submission_id)
            for p, new in outcome
        )
    if latest:
        conn.execute(
            update(units).where(units.c.id == bindparam("uid")).values(last_version=bindparam("v")),
            [{"uid": state[u].id, "v": state[u].version} for u in latest],
        )
    return results


def _file_sha256(submission: AnySubmission) -> str | None:
    return submission.file_sha256 if isinstance(submission, EncodedSubmission) else None


def _sub(pending: _Pending) -> EncodedSubmission:
    submission = pending.submission
    assert submission is not None  # only pending (not yet inserted) items are written
    if isinstance(submission, Submission):
        submission = pending.submission = encode_submission(submission)
    return submission


def _insert(
    conn: Connection,
    chunk: list[_Pending],
    state: dict[str, _UnitState],
    compiled_at: datetime,
    compiled_by: str | None,
) -> None:
    stmt = insert(submissions).returning(submissions.c.id, sort_by_parameter_order=True)
    params = [
        {
            "unit_id": state[_sub(p).unit].id,
            "version": p.version,
            "file_name": _sub(p).file_name,
            "sha256": _sub(p).sha256,
            "status": _sub(p).status,
            "tahun": _sub(p).tahun,
            "compiled_at": compiled_at,
            "compiled_by": compiled_by,
            "rows_count": _sub(p).rows_count,
        }
        for p in chunk
    ]
    ids = conn.execute(stmt, params).scalars().all()
    for item, sid in zip(chunk, ids, strict=True):
        item.submission_id = int(sid)
    conn.execute(
        insert(data),
        [
            {
                "submission_id": p.submission_id,
                "rows": _sub(p).rows,
                "cells": _sub(p).cells,
            }
            for p in chunk
        ],
    )


def _lock_units(conn: Connection, kinds: dict[str, str]) -> dict[str, _UnitState]:
    """Each unit's row (created if new), locked, with its latest version's sha256."""
    names = sorted(kinds)
    dialect_insert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for chunk in _chunks(names, _IN_LIMIT):
        conn.execute(
            dialect_insert(units).on_conflict_do_nothing(index_elements=["unit"]),
            [{"unit": u, "kind": kinds[u], "last_version": 0} for u in chunk],
        )
    state: dict[str, _UnitState] = {}
    for chunk in _chunks(names, _IN_LIMIT):
        locked = (
            select(units.c.id, units.c.unit, units.c.kind, units.c.last_version)
            .where(units.c.unit.in_(chunk))
            .order_by(units.c.unit)
            .with_for_update()
        )
        for row in conn.execute(locked):
            state[row.unit] = _UnitState(
                id=int(row.id),
                kind=str(row.kind),
                version=int(row.last_version),
                sha256=None,
                submission_id=None,
            )
        # A statement of its own after the lock: on PostgreSQL it sees what a concurrent
        # transaction committed while this one waited for the lock.
        newest = (
            select(units.c.unit, submissions.c.sha256, submissions.c.id)
            .select_from(units.join(submissions))
            .where(units.c.unit.in_(chunk), submissions.c.version == units.c.last_version)
        )
        for row in conn.execute(newest):
            state[row.unit].sha256 = row.sha256
            state[row.unit].submission_id = int(row.id)
    return state


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
