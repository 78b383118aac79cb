"""Reading the archive: version lists and one version's data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, func, select

from xlkinerja.store import cellcodec, rowcodec
from xlkinerja.store.records import Submission, VersionInfo
from xlkinerja.store.tables import data, submissions, units

_COLUMNS = (
    units.c.unit,
    units.c.kind,
    submissions.c.version,
    submissions.c.file_name,
    submissions.c.sha256,
    submissions.c.status,
    submissions.c.compiled_at,
    submissions.c.compiled_by,
    submissions.c.rows_count,
    submissions.c.tahun,
    submissions.c.id,
)


def _info(row: Any) -> VersionInfo:
    return VersionInfo(
        unit=row.unit,
        kind=row.kind,
        version=int(row.version),
        file_name=row.file_name,
        sha256=row.sha256,
        status=row.status,
        compiled_at=row.compiled_at,
        compiled_by=row.compiled_by,
        rows_count=int(row.rows_count),
        tahun=row.tahun,
        submission_id=int(row.id),
    )


def _base() -> Select[Any]:
    return select(*_COLUMNS).select_from(units.join(submissions))


def versions(conn: Connection, unit: str) -> list[VersionInfo]:
    query = _base().where(units.c.unit == unit).order_by(submissions.c.version)
    return [_info(row) for row in conn.execute(query)]


def latest(conn: Connection, unit: str | None, tahun: int | None) -> list[VersionInfo]:
    """Per unit its latest version (among those of `tahun`, when given)."""
    newest = select(
        submissions.c.unit_id, func.max(submissions.c.version).label("version")
    ).group_by(submissions.c.unit_id)
    if tahun is not None:
        newest = newest.where(submissions.c.tahun == tahun)
    pick = newest.subquery()
    query = (
        _base()
        .join(
            pick,
            (pick.c.unit_id == submissions.c.unit_id) & (pick.c.version == submissions.c.version),
        )
        .order_by(units.c.unit)
    )
    if unit is not None:
        query = query.where(units.c.unit == unit)
    return [_info(row) for row in conn.execute(query)]


def older_than(conn: Connection, cutoff: datetime) -> list[VersionInfo]:
    """Every version compiled before `cutoff`, by unit and version."""
    query = (
        _base()
        .where(submissions.c.compiled_at < cutoff)
        .order_by(units.c.unit, submissions.c.version)
    )
    return [_info(row) for row in conn.execute(query)]


def one(conn: Connection, unit: str, version: int | None) -> VersionInfo | None:
    query = _base().where(units.c.unit == unit)
    if version is None:
        query = query.order_by(submissions.c.version.desc()).limit(1)
    else:
        query = query.where(submissions.c.version == version)
    row = conn.execute(query).first()
    return None if row is None else _info(row)


def payload(conn: Connection, submission_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(rows, cells) of one version."""
    row = conn.execute(
        select(data.c.rows, data.c.cells).where(data.c.submission_id == submission_id)
    ).one()
    return rowcodec.decode(row.rows), cellcodec.decode(row.cells)


def stored_cells(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The cells of versions as stored (cellcodec's form, not decoded), by submission id;
    `ids` at most a few hundred (one IN list)."""
    query = select(data.c.submission_id, data.c.cells).where(data.c.submission_id.in_(ids))
    return {int(row.submission_id): row.cells for row in conn.execute(query)}


def submission(conn: Connection, info: VersionInfo) -> Submission:
    rows, cells = payload(conn, info.submission_id)
    return Submission(
        unit=info.unit,
        kind=info.kind,
        file_name=info.file_name,
        sha256=info.sha256,
        status=info.status,
        tahun=info.tahun,
        rows=rows,
        cells=cells,
    )
