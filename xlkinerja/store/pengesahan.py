"""The review and approval of archived versions (`archive_steps`; the rules are
domain/pengesahan.py): a version's steps read back, the version a step applies to, a step
added, and whether the latest submissions of a year are approved.

A version's history starts with its arrival (diajukan: compiled_at, compiled_by), which is
the `archive_submissions` row itself; the steps after it are rows of `archive_steps`.
Adding a step runs in a `location.writing` transaction (one writer at a time) that reads
the history, checks the step and inserts it: two people approving the same version at once
are served one after the other, and the second is refused because the version is already
disetujui. The unique (submission_id, seq) would refuse a second row even without the lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select

from xlkinerja.domain.pengesahan import (
    ApprovalStatus,
    Rumusan,
    Stage,
    Step,
    StepRefused,
    approval_status,
    check_step,
)
from xlkinerja.errors import ErrorCode
from xlkinerja.store import queries
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.records import VersionInfo
from xlkinerja.store.tables import now_utc, steps

_IN_LIMIT = 500  # ids per IN (...) list


@dataclass(frozen=True)
class Review:
    """One version and its steps, oldest first (the first is its arrival: diajukan)."""

    info: VersionInfo
    steps: list[Step]

    @property
    def stage(self) -> Stage:
        return self.steps[-1].stage


def arrival(info: VersionInfo) -> Step:
    """The diajukan step a version's row stands for (the date in local time)."""
    return Step(
        Stage.DIAJUKAN,
        info.compiled_at.astimezone().date(),
        info.compiled_by,
        None,
        recorded_at=info.compiled_at,
    )


def _step(row: Any) -> Step:
    stage = Stage(row.stage)
    rumusan = (
        Rumusan(row.rekomendasi or "", row.kendala or "", row.tindak_lanjut or "")
        if stage is Stage.DIBAHAS
        else None
    )
    return Step(
        stage,
        row.tanggal,
        row.nama,
        row.nip,
        rumusan=rumusan,
        alasan=row.alasan,
        recorded_at=row.recorded_at,
    )


def reviews(conn: Connection, infos: Sequence[VersionInfo]) -> list[Review]:
    """The history of each version, in the order given."""
    recorded: dict[int, list[Step]] = defaultdict(list)
    ids = [i.submission_id for i in infos]
    for start in range(0, len(ids), _IN_LIMIT):
        query = (
            select(steps)
            .where(steps.c.submission_id.in_(ids[start : start + _IN_LIMIT]))
            .order_by(steps.c.submission_id, steps.c.seq)
        )
        for row in conn.execute(query):
            recorded[int(row.submission_id)].append(_step(row))
    return [Review(i, [arrival(i), *recorded[i.submission_id]]) for i in infos]


def version_of(
    conn: Connection, unit: str, tahun: int, version: int | None, *, for_step: bool
) -> VersionInfo:
    """The version of `unit` a command means: `version` of `tahun`, else the latest of
    `tahun`. `for_step`: a step is to be added, which only the latest unit workbook of the
    year takes (an older version was replaced by a newer one)."""
    kept = queries.versions(conn, unit)
    if not kept:
        raise ArchiveError(
            f"Unit '{unit}' belum ada di arsip.", code=ErrorCode.ARSIP_UNIT_TIDAK_ADA
        )
    of_year = [v for v in kept if v.tahun == tahun]
    if not of_year:
        years = sorted({v.tahun for v in kept if v.tahun is not None})
        raise ArchiveError(
            f"Unit '{unit}' tidak punya kiriman tahun {tahun} di arsip.",
            code=ErrorCode.ARSIP_TAHUN_TIDAK_ADA,
            hint=f"Tahun yang ada: {', '.join(map(str, years)) or '(tanpa tahun)'}.",
        )
    newest = of_year[-1]
    chosen = newest
    if version is not None:
        found = [v for v in of_year if v.version == version]
        if not found:
            raise ArchiveError(
                f"Versi {version} unit '{unit}' tahun {tahun} tidak ada di arsip.",
                code=ErrorCode.ARSIP_VERSI_TIDAK_ADA,
                hint=f"Versi tahun {tahun}: {', '.join(str(v.version) for v in of_year)}.",
            )
        chosen = found[0]
    if for_step and chosen.kind != "unit":
        raise StepRefused(
            f"'{unit}' di arsip adalah workbook {chosen.kind}; pembahasan dan pengesahan "
            "(SOP-SPMI-601) hanya untuk workbook unit.",
            code=ErrorCode.ARSIP_LANGKAH_TIDAK_SAH,
            hint="Periksa kode unit (xlkinerja arsip daftar).",
        )
    if for_step and chosen is not newest:
        raise StepRefused(
            f"versi {chosen.version} unit '{unit}' tahun {tahun} sudah digantikan versi "
            f"{newest.version}; hanya kiriman terakhir yang dibahas dan disahkan.",
            code=ErrorCode.ARSIP_LANGKAH_TIDAK_SAH,
            hint=f"Jalankan lagi dengan --versi {newest.version} (atau tanpa --versi).",
        )
    return chosen


def add_step(
    conn: Connection,
    unit: str,
    tahun: int,
    step: Step,
    *,
    version: int | None,
    today: date,
) -> Review:
    """Check `step` against the version's history and record it; `conn` must be a
    `location.writing` transaction. Returns the history with the step."""
    info = version_of(conn, unit, tahun, version, for_step=True)
    [review] = reviews(conn, [info])
    check_step(review.steps, step, today=today)
    recorded_at = now_utc()
    rumusan = step.rumusan if step.stage is Stage.DIBAHAS else None
    alasan = step.alasan if step.stage is Stage.DIKEMBALIKAN else None
    conn.execute(
        insert(steps).values(
            submission_id=info.submission_id,
            seq=len(review.steps),  # the arrival is not a row: the first step recorded is 1
            stage=step.stage.value,
            tanggal=step.tanggal,
            nama=(step.nama or "").strip(),
            nip=step.nip,
            rekomendasi=rumusan.rekomendasi.strip() if rumusan else None,
            kendala=rumusan.kendala.strip() if rumusan else None,
            tindak_lanjut=rumusan.tindak_lanjut.strip() if rumusan else None,
            alasan=alasan.strip() if alasan else None,
            recorded_at=recorded_at,
        )
    )
    [after] = reviews(conn, [info])
    return after


def approvals(
    conn: Connection, tahun: int, units: Iterable[str] | None = None
) -> dict[str, ApprovalStatus]:
    """Per unit whether its latest submission of `tahun` is approved, and if not why; by
    unit code. Without `units`: every unit workbook with a submission that year."""
    latest = queries.latest(conn, None, tahun)
    if units is None:
        wanted = [i for i in latest if i.kind == "unit"]
        missing: list[str] = []
    else:
        asked = list(dict.fromkeys(units))
        by_unit = {i.unit: i for i in latest}
        wanted = [by_unit[u] for u in asked if u in by_unit]
        missing = [u for u in asked if u not in by_unit]
    found = {
        r.info.unit: approval_status(r.info.unit, tahun, r.info.version, r.steps)
        for r in reviews(conn, wanted)
    }
    found |= {u: approval_status(u, tahun, None, []) for u in missing}
    return found
