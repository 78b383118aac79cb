"""The archive of compiled workbooks: every submission recorded, versioned and diffable.

with Archive.open() as archive:               # or Archive.open("postgresql://...")
    result = archive.record(submission, compiled_by="perencanaan")
    archive.diff("TI", 1, 2)                  # cells that changed
    archive.target_changes("TI", 1, 2)        # IKK-TI-1 target 78 → 80
    archive.restore(archive.submissions(tahun=2025))  # the latest versions as form data
    archive.add_step("TI", 2025, step)        # dibahas, diperiksa, disetujui, dikembalikan
    archive.approval("TI", 2025)              # is the latest submission approved, and why
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.exc import DatabaseError, OperationalError

from xlkinerja.domain.pengesahan import ApprovalStatus, Step
from xlkinerja.errors import ErrorCode
from xlkinerja.store import pengesahan, queries
from xlkinerja.store.diff import compare_cells, compare_targets
from xlkinerja.store.encoded import EncodedSubmission
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.location import CONNECT_TIMEOUT, create_archive_engine, describe, writing
from xlkinerja.store.migrations import current_version, migrate
from xlkinerja.store.recording import record_batch
from xlkinerja.store.records import (
    CellChange,
    RecordResult,
    Submission,
    TargetChange,
    VersionInfo,
)
from xlkinerja.store.restore import ArchivedVersion, archived_names, restore
from xlkinerja.store.tables import data, steps, submissions
from xlkinerja.store.watchdog import ENV_VAR as LIMIT_ENV_VAR
from xlkinerja.store.watchdog import Unanswered

RETENTION_YEARS = 5  # domain.md: documents are kept 5 years
RESTORE_CHUNK = 100  # versions whose cells are fetched together


def _not_a_database(reason: str) -> bool:
    return "file is not a database" in reason or "disk image is malformed" in reason


def years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


class Archive:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.location = describe(engine.url)

    @classmethod
    def open(cls, db: str | Path | None = None) -> Archive:
        """Open (create, migrate to the latest schema) the archive at `db`: a path, a
        `postgresql://` URL, or by default env XLKINERJA_DB or the user's data folder."""
        engine = create_archive_engine(db)
        archive = cls(engine)
        try:
            with archive._errors():
                migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return archive

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except DatabaseError as exc:
            if isinstance(exc.orig, Unanswered):
                raise ArchiveError(
                    f"Server database arsip '{self.location}' tidak menjawab dalam "
                    f"{exc.orig.seconds:g} detik ({exc.orig.detail}).",
                    code=ErrorCode.ARSIP_TIDAK_MENJAWAB,
                    hint="Periksa server PostgreSQL dan jaringan ke sana, lalu ulangi. Batas "
                    f"waktunya diatur dengan {LIMIT_ENV_VAR} (detik) atau ?batas_waktu= "
                    "pada alamat database.",
                ) from exc
            reason = str(exc.orig or exc).strip().splitlines()[0]
            if not isinstance(exc, OperationalError) and not _not_a_database(reason):
                raise  # a constraint or a query that went wrong: a bug, not the user's
            if _not_a_database(reason):
                raise ArchiveError(
                    f"Berkas '{self.location}' bukan database arsip xlkinerja (SQLite): {reason}.",
                    code=ErrorCode.ARSIP_BUKAN_ARSIP,
                    hint="Opsi --db menunjuk berkas arsip .sqlite (atau URL postgresql://), "
                    "bukan workbook atau berkas lain.",
                ) from exc
            if "timeout expired" in reason:
                reason = f"server tidak menjawab dalam {CONNECT_TIMEOUT} detik ({reason})"
            raise ArchiveError(
                f"Database arsip '{self.location}' tidak dapat dipakai: {reason}",
                code=ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI,
                hint="Periksa alamat/berkas database dan hak aksesnya, lalu ulangi.",
            ) from exc

    def schema_version(self) -> int:
        with self._errors(), self.engine.connect() as conn:
            return current_version(conn)

    # -- recording ---------------------------------------------------------------------------

    def record(
        self,
        submission: Submission | EncodedSubmission,
        *,
        compiled_at: datetime | None = None,
        compiled_by: str | None = None,
    ) -> RecordResult:
        return self.record_many([submission], compiled_at=compiled_at, compiled_by=compiled_by)[0]

    def record_many(
        self,
        batch: Iterable[Submission | EncodedSubmission],
        *,
        compiled_at: datetime | None = None,
        compiled_by: str | None = None,
    ) -> list[RecordResult]:
        """Record a batch in one transaction (all or nothing); results in the batch's order.
        `batch` may be a generator: it is consumed a chunk at a time. Submissions may come
        already serialised (`encode_submission`, e.g. in the process that read the file)."""
        moment = compiled_at or datetime.now(UTC)
        with self._errors(), writing(self.engine) as conn:
            return record_batch(conn, batch, moment, compiled_by)

    # -- reading -----------------------------------------------------------------------------

    def submissions(self, unit: str | None = None, tahun: int | None = None) -> list[VersionInfo]:
        """The latest version of each unit (of `tahun`, when given), by unit."""
        with self._errors(), self.engine.connect() as conn:
            return queries.latest(conn, unit, tahun)

    def versions(self, unit: str) -> list[VersionInfo]:
        """Every version kept of `unit`, oldest first."""
        with self._errors(), self.engine.connect() as conn:
            return queries.versions(conn, unit)

    def get(self, unit: str, version: int | None = None) -> Submission:
        """One version as recorded (the latest when `version` is None)."""
        with self._errors(), self.engine.connect() as conn:
            return queries.submission(conn, self._info(conn, unit, version))

    def restore(self, infos: Sequence[VersionInfo]) -> list[ArchivedVersion]:
        """Versions turned back into the form data the reader made of each workbook (see
        restore.py), in the order given; each named "<file> (versi N)"."""
        named = list(zip(infos, archived_names(infos), strict=True))
        restored: list[ArchivedVersion] = []
        with self._errors(), self.engine.connect() as conn:
            for start in range(0, len(named), RESTORE_CHUNK):  # the JSON of a chunk at a time
                chunk = named[start : start + RESTORE_CHUNK]
                cells = queries.stored_cells(conn, [i.submission_id for i, _ in chunk])
                restored += [restore(i, cells[i.submission_id], name) for i, name in chunk]
        return restored

    def diff(self, unit: str, old: int, new: int) -> list[CellChange]:
        """Every cell whose value differs between two versions of `unit`."""
        with self._errors(), self.engine.connect() as conn:
            _, before = queries.payload(conn, self._info(conn, unit, old).submission_id)
            _, after = queries.payload(conn, self._info(conn, unit, new).submission_id)
        return compare_cells(before, after)

    def target_changes(self, unit: str, old: int, new: int) -> list[TargetChange]:
        """Targets changed per indicator code between two versions (from the rows)."""
        with self._errors(), self.engine.connect() as conn:
            before, _ = queries.payload(conn, self._info(conn, unit, old).submission_id)
            after, _ = queries.payload(conn, self._info(conn, unit, new).submission_id)
        return compare_targets(before, after)

    @staticmethod
    def _info(conn: Connection, unit: str, version: int | None) -> VersionInfo:
        info = queries.one(conn, unit, version)
        if info is not None:
            return info
        kept = [v.version for v in queries.versions(conn, unit)]
        if not kept:
            raise ArchiveError(
                f"Unit '{unit}' belum ada di arsip.", code=ErrorCode.ARSIP_UNIT_TIDAK_ADA
            )
        raise ArchiveError(
            f"Versi {version} unit '{unit}' tidak ada di arsip.",
            code=ErrorCode.ARSIP_VERSI_TIDAK_ADA,
            hint=f"Versi yang tersimpan: {', '.join(map(str, kept))}.",
        )

    # -- review and approval (SOP-SPMI-601; domain/pengesahan.py) -----------------------------

    def review(self, unit: str, tahun: int, version: int | None = None) -> pengesahan.Review:
        """The steps of `unit`'s latest version of `tahun` (or of `version`), oldest first."""
        with self._errors(), self.engine.connect() as conn:
            info = pengesahan.version_of(conn, unit, tahun, version, for_step=False)
            return pengesahan.reviews(conn, [info])[0]

    def latest_reviews(self, tahun: int) -> dict[str, pengesahan.Review]:
        """The steps of every unit workbook's latest version of `tahun`, by unit code."""
        with self._errors(), self.engine.connect() as conn:
            infos = [i for i in queries.latest(conn, None, tahun) if i.kind == "unit"]
            return {r.info.unit: r for r in pengesahan.reviews(conn, infos)}

    def add_step(
        self,
        unit: str,
        tahun: int,
        step: Step,
        *,
        version: int | None = None,
        today: date | None = None,
    ) -> pengesahan.Review:
        """Record `step` on `unit`'s latest version of `tahun` (`version`: only if it is that
        one); refused (`StepRefused`, `ArchiveError`) when it may not be taken now."""
        with self._errors(), writing(self.engine) as conn:
            return pengesahan.add_step(
                conn, unit, tahun, step, version=version, today=today or date.today()
            )

    def approvals(
        self, tahun: int, units: Iterable[str] | None = None
    ) -> dict[str, ApprovalStatus]:
        """Per unit whether its latest submission of `tahun` is approved, and if not why
        (every unit workbook sent that year, or those of `units`)."""
        with self._errors(), self.engine.connect() as conn:
            return pengesahan.approvals(conn, tahun, units)

    def approval(self, unit: str, tahun: int) -> ApprovalStatus:
        """Whether `unit`'s latest submission of `tahun` is approved, and if not why (also
        when the unit sent nothing that year: not approved, saying so)."""
        return self.approvals(tahun, [unit])[unit]

    # -- retention ---------------------------------------------------------------------------

    def purge(
        self,
        older_than_years: int = RETENTION_YEARS,
        *,
        now: datetime | None = None,
        only: Sequence[int] | None = None,
    ) -> int:
        """Delete the versions compiled more than `older_than_years` ago; returns how many.
        `only`: of these submission ids (those listed to the user before), no others.
        Version numbers are not reused afterwards."""
        cutoff = self._cutoff(older_than_years, now)
        where = submissions.c.compiled_at < cutoff
        if only is not None:
            where = where & submissions.c.id.in_(list(only))
        old = select(submissions.c.id).where(where)
        with self._errors(), writing(self.engine) as conn:
            conn.execute(delete(data).where(data.c.submission_id.in_(old)))
            conn.execute(delete(steps).where(steps.c.submission_id.in_(old)))
            result = conn.execute(delete(submissions).where(where))
            return int(result.rowcount)

    def purgeable(
        self, older_than_years: int = RETENTION_YEARS, *, now: datetime | None = None
    ) -> list[VersionInfo]:
        """The versions `purge` would delete, by unit and version."""
        cutoff = self._cutoff(older_than_years, now)
        with self._errors(), self.engine.connect() as conn:
            return queries.older_than(conn, cutoff)

    @staticmethod
    def _cutoff(older_than_years: int, now: datetime | None) -> datetime:
        if not 0 <= older_than_years < 1000:
            raise ValueError("older_than_years must be in 0..999")
        return years_before(now or datetime.now(UTC), older_than_years)
