"""Jobs `arsip status/bahas/periksa/setujui/kembalikan`: the review and approval of a unit's
submission (SOP-SPMI-601, domain/pengesahan.py) shown and recorded, and `status_pengesahan`,
what other code asks before it marks a document DRAF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from xlkinerja.domain.parse_date import parse_date
from xlkinerja.domain.pengesahan import (
    ApprovalStatus,
    Rumusan,
    Stage,
    Step,
    approval_status,
    normal_nip,
)
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.summary import Column, Summary, Tone, cell
from xlkinerja.store.format import Rows, step_rows


@dataclass(frozen=True)
class ArsipPengesahan:
    """The review of one version: its steps, where it stands, and (after a command that
    recorded one) which step was just recorded."""

    status: ApprovalStatus
    file_name: str
    steps: Rows  # tahap, tanggal, nama, nip, rekomendasi, kendala, tindak_lanjut, alasan, dicatat
    recorded: Stage | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.status.to_dict() | {"berkas": self.file_name, "riwayat": self.steps}
        if self.recorded is not None:
            out["langkah_dicatat"] = self.recorded.value
        return out

    def summary(self) -> Summary:
        out = Summary()
        s = self.status
        out.table(
            f"Pengesahan {s.unit} tahun {s.tahun}, versi {s.version} ({self.file_name})",
            [Column("tahap"), Column("tanggal"), Column("oleh"), Column("isi"), Column("dicatat")],
            ([cell(v) for v in _shown(row)] for row in self.steps),
        )
        if self.recorded is not None:
            out.line(f"Dicatat: versi {s.version} {self.recorded.value}.")
        out.line(cell(s.reason, Tone.INFO if s.approved else Tone.PERINGATAN))
        return out

    def notes(self) -> Summary:
        return Summary()


def _shown(row: dict[str, object]) -> tuple[object, ...]:
    """A step as a table row: who (nama, NIP) in one column, what it said in another."""
    who = row["nama"] if not row["nip"] else f"{row['nama']} (NIP {row['nip']})"
    said = [
        f"{label}: {row[key]}"
        for label, key in (
            ("Rekomendasi", "rekomendasi"),
            ("Kendala", "kendala"),
            ("Tindak lanjut", "tindak_lanjut"),
            ("Alasan", "alasan"),
        )
        if row[key]
    ]
    return row["tahap"], row["tanggal"], who, "\n".join(said), row["dicatat"]


def status(
    db: str | Path | None, unit: str, tahun: int, *, versi: int | None = None
) -> ArsipPengesahan:
    """The steps of `unit`'s latest submission of `tahun` (or of version `versi`)."""
    from xlkinerja.store.archive import Archive  # SQLAlchemy: only when the archive is used

    code = unit.upper()
    with Archive.open(db) as archive:
        review = archive.review(code, tahun, versi)
    return _result(code, tahun, review.info.version, review.info.file_name, review.steps)


def catat(
    db: str | Path | None,
    unit: str,
    tahun: int,
    tahap: str,
    *,
    nama: str,
    nip: str,
    tanggal: str | None = None,
    rekomendasi: str | None = None,
    kendala: str | None = None,
    tindak_lanjut: str | None = None,
    alasan: str | None = None,
    versi: int | None = None,
    today: date | None = None,
) -> ArsipPengesahan:
    """Record one step (`tahap`: dibahas with its rumusan, diperiksa, disetujui,
    dikembalikan with its alasan) on `unit`'s latest submission of `tahun`; `tanggal` as
    typed (default: today). Refused with the reason when the step may not be taken now."""
    from xlkinerja.store.archive import Archive

    today = today or date.today()
    stage = Stage(tahap)
    rumusan = None
    if stage is Stage.DIBAHAS:
        rumusan = Rumusan(rekomendasi or "", kendala or "", tindak_lanjut or "")
    step = Step(
        stage,
        _tanggal(tanggal) if tanggal is not None else today,
        nama.strip(),
        normal_nip(nip),
        rumusan=rumusan,
        alasan=alasan if stage is Stage.DIKEMBALIKAN else None,
    )
    code = unit.upper()
    with Archive.open(db) as archive:
        review = archive.add_step(code, tahun, step, version=versi, today=today)
    info = review.info
    return _result(code, tahun, info.version, info.file_name, review.steps, recorded=stage)


def status_pengesahan(db: str | Path | None, unit: str, tahun: int) -> ApprovalStatus:
    """Whether `unit`'s latest submission of `tahun` is approved, and if not why (a unit
    that sent nothing that year: not approved, saying so). For a document that is marked
    DRAF until it is; `Archive.approvals` answers for many units at once."""
    from xlkinerja.store.archive import Archive

    with Archive.open(db) as archive:
        return archive.approval(unit.upper(), tahun)


def _result(
    unit: str,
    tahun: int,
    version: int,
    file_name: str,
    steps: list[Step],
    recorded: Stage | None = None,
) -> ArsipPengesahan:
    status_ = approval_status(unit, tahun, version, steps)
    return ArsipPengesahan(status_, file_name, step_rows(steps), recorded)


def _tanggal(text: str) -> date:
    parsed = parse_date(text)
    if parsed.value is None:
        raise XlkinerjaError(
            f"--tanggal bukan tanggal: {parsed.detail or repr(text)}.",
            code=ErrorCode.OPSI_TIDAK_SAH,
            hint="Tulis mis. 2026-04-20, 20/04/2026 atau 20 April 2026.",
        )
    return parsed.value
