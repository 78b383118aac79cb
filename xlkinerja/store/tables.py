"""The archive's tables at the latest schema version (the queries use these).

    archive_units        one row per unit (kode_unit, NIP or "master"): its kind and the
                         last version number given, kept even when old versions are purged
    archive_submissions  one row per version: file, sha256, status, tahun, who and when,
                         number of rows; unique (unit_id, version); index (unit_id, tahun)
    archive_data         the version's rows (as given, or column-wise: rowcodec.py) and
                         cells (grouped by field, see cellcodec.py) as JSON (JSONB on
                         PostgreSQL), kept apart so that listing versions never reads them
    archive_steps        the review of a version (SOP-SPMI-601, domain/pengesahan.py): one
                         row per step recorded after its arrival (dibahas with its rumusan,
                         diperiksa, disetujui, dikembalikan with its reason), numbered per
                         version (unique (submission_id, seq): one next step, never two),
                         who (nama, NIP), the step's date and when it was recorded
    archive_schema       one row per migration applied (see migrations.py)

`migrations.py` creates and alters them step by step; a test checks that the migrated
database has exactly these columns.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator, TypeEngine


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes, stored as UTC (SQLite has no time zones: naive UTC text).

    A naive datetime given is local time, as Python takes it (`datetime.now()`)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def json_type() -> TypeEngine[object]:
    return JSON().with_variant(JSONB(), "postgresql")


metadata = MetaData()

units = Table(
    "archive_units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit", String, nullable=False, unique=True),
    Column("kind", String, nullable=False),
    Column("last_version", Integer, nullable=False),
)

submissions = Table(
    "archive_submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey(units.c.id, ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("status", String, nullable=True),
    Column("tahun", Integer, nullable=True),
    Column("compiled_at", UtcDateTime, nullable=False),
    Column("compiled_by", Text, nullable=True),
    Column("rows_count", Integer, nullable=False, server_default="0"),
    UniqueConstraint("unit_id", "version", name="uq_archive_submissions_unit_version"),
    Index("ix_archive_submissions_unit_tahun", "unit_id", "tahun"),
    Index("ix_archive_submissions_compiled_at", "compiled_at"),
)

data = Table(
    "archive_data",
    metadata,
    Column(
        "submission_id",
        Integer,
        ForeignKey(submissions.c.id, ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("rows", json_type(), nullable=False),
    Column("cells", json_type(), nullable=False),
)

steps = Table(
    "archive_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "submission_id",
        Integer,
        ForeignKey(submissions.c.id, ondelete="CASCADE"),
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
)

schema = Table(
    "archive_schema",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", UtcDateTime, nullable=False),
)


def now_utc() -> datetime:
    return datetime.now(UTC)
