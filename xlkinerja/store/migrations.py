"""Schema migrations: a numbered list of small steps (SQLAlchemy Core DDL), applied in order
inside one transaction every time the archive is opened; `archive_schema` has a row per step
applied. A fresh database runs every step; an older one only the steps it lacks.

Why not Alembic: the archive has five tables and few changes; a plain list needs no script
folder or env.py to ship inside the package, runs the same on SQLite and PostgreSQL, and
keeps mypy strict simple. Concurrent openers wait for each other (`location.writing`: one
writer at a time).

Adding a step: append `(N, description, function)` to `STEPS`, never edit a released step,
and bring `tables.py` to the result (a test compares the migrated database with it).

History:
1. archive_units, archive_submissions, archive_data, archive_schema.
2. archive_submissions.rows_count (filled from the stored rows), index (unit_id, tahun)
   and an index on compiled_at (retention).
3. No table changes: from here on archive_data may hold rows and cells column-wise
   (rowcodec.py, cellcodec.py). Older data stays as it is and reads the same; the step is
   there so that an older xlkinerja, which cannot read the new form, refuses the archive.
4. archive_steps: the review and approval of each version (dibahas, diperiksa, disetujui,
   dikembalikan), one row per step, unique (submission_id, seq).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from xlkinerja.errors import ErrorCode
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.location import writing
from xlkinerja.store.tables import UtcDateTime, json_type, now_utc
from xlkinerja.store.tables import schema as schema_table

Step = Callable[[Connection], None]


def _v1_tables() -> tuple[MetaData, Table]:
    """The first schema, as released (frozen: later steps alter it)."""
    md = MetaData()
    Table(
        "archive_units",
        md,
        Column("id", Integer, primary_key=True),
        Column("unit", String, nullable=False, unique=True),
        Column("kind", String, nullable=False),
        Column("last_version", Integer, nullable=False),
    )
    Table(
        "archive_submissions",
        md,
        Column("id", Integer, primary_key=True),
        Column(
            "unit_id", Integer, ForeignKey("archive_units.id", ondelete="CASCADE"), nullable=False
        ),
        Column("version", Integer, nullable=False),
        Column("file_name", Text, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("status", String, nullable=True),
        Column("tahun", Integer, nullable=True),
        Column("compiled_at", UtcDateTime, nullable=False),
        Column("compiled_by", Text, nullable=True),
        UniqueConstraint("unit_id", "version", name="uq_archive_submissions_unit_version"),
    )
    data = Table(
        "archive_data",
        md,
        Column(
            "submission_id",
            Integer,
            ForeignKey("archive_submissions.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        Column("rows", json_type(), nullable=False),
        Column("cells", json_type(), nullable=False),
    )
    Table(
        "archive_schema",
        md,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("description", Text, nullable=False),
        Column("applied_at", UtcDateTime, nullable=False),
    )
    return md, data


def _step_1(conn: Connection) -> None:
    md, _ = _v1_tables()
    md.create_all(conn)


def _step_2(conn: Connection) -> None:
    conn.execute(
        text("ALTER TABLE archive_submissions ADD COLUMN rows_count INTEGER NOT NULL DEFAULT 0")
    )
    _md, data = _v1_tables()
    counts = [
        {"sid": sid, "n": _count_rows(rows)}
        for sid, rows in conn.execute(select(data.c.submission_id, data.c.rows))
    ]
    if counts:
        subs = Table(
            "archive_submissions", MetaData(), Column("id", Integer), Column("rows_count", Integer)
        )
        conn.execute(
            update(subs).where(subs.c.id == bindparam("sid")).values(rows_count=bindparam("n")),
            counts,
        )
    subs_now = Table("archive_submissions", MetaData(), autoload_with=conn)
    Index("ix_archive_submissions_unit_tahun", subs_now.c.unit_id, subs_now.c.tahun).create(conn)
    Index("ix_archive_submissions_compiled_at", subs_now.c.compiled_at).create(conn)


def _step_3(conn: Connection) -> None:
    """Nothing to change: the version number marks the newer data form (see History)."""


def _step_4(conn: Connection) -> None:
    md = MetaData()
    Table("archive_submissions", md, Column("id", Integer, primary_key=True))
    Table(
        "archive_steps",
        md,
        Column("id", Integer, primary_key=True),
        Column(
            "submission_id",
            Integer,
            ForeignKey("archive_submissions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("seq", Integer, nullable=False),
        Column("stage", String, nullable=False),
        Column("tanggal", Date, nullable=False),
        Column("nama", Text, nullable=False),
        Column("nip", String(18), nullable=False),
        Column("rekomendasi", Text, nullable=True),
        Column("kendala", Text, nullable=True),
        Column("tindak_lanjut", Text, nullable=True),
        Column("alasan", Text, nullable=True),
        Column("recorded_at", UtcDateTime, nullable=False),
        UniqueConstraint("submission_id", "seq", name="uq_archive_steps_submission_seq"),
    ).create(conn)


def _count_rows(rows: Any) -> int:
    if not isinstance(rows, dict):
        return 0
    return sum(len(records) for records in rows.values() if isinstance(records, list))


STEPS: tuple[tuple[int, str, Step], ...] = (
    (1, "archive_units, archive_submissions, archive_data, archive_schema", _step_1),
    (2, "rows_count, index (unit_id, tahun), index compiled_at", _step_2),
    (3, "rows and cells may be stored column-wise", _step_3),
    (4, "archive_steps: review and approval of each version", _step_4),
)
LATEST = STEPS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema_table.name):
        return 0
    value = conn.execute(select(func.coalesce(func.max(schema_table.c.version), 0))).scalar_one()
    try:
        return int(value)
    except (TypeError, ValueError):  # SQLite keeps whatever was written into the column
        raise ArchiveError(
            f"Database arsip rusak: versi skema di tabel {schema_table.name} bukan angka "
            f"({str(value)[:40]!r}).",
            code=ErrorCode.ARSIP_RUSAK,
            hint="Pulihkan arsip dari cadangan, atau gunakan berkas arsip lain (--db).",
        ) from None


def migrate(engine: Engine, target: int | None = None) -> int:
    """Bring the database to `target` (default: the latest); returns the version it is at."""
    target = LATEST if target is None else target
    with writing(engine) as conn:
        current = current_version(conn)
        if current > LATEST:
            raise ArchiveError(
                f"Database arsip memakai skema versi {current}, lebih baru daripada yang "
                f"dikenal xlkinerja ini (versi {LATEST}).",
                code=ErrorCode.ARSIP_SKEMA_LEBIH_BARU,
                hint="Perbarui xlkinerja sebelum membuka arsip ini.",
            )
        for version, description, step in STEPS:
            if current < version <= target:
                step(conn)
                conn.execute(
                    insert(schema_table).values(
                        version=version, description=description, applied_at=now_utc()
                    )
                )
                current = version
    return current
