"""Whether a document of the cycle (PK, Rencana Aksi, Laporan Kinerja) is final or a DRAF,
and why. Pure: it is given the number of galat in the data the document shows and the
approval of each unit whose data it shows (domain/pengesahan.py); the jobs look them up.

A document is final when its data has no galat and every unit it shows has its latest
submission of the year approved; it then carries who approved it (name, NIP, date,
version). Otherwise it is a DRAF, with every reason in one short Indonesian phrase each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from xlkinerja.domain.pengesahan import ApprovalStatus

UNIT_DISEBUT = 5  # units named in a reason; the rest are counted


@dataclass(frozen=True)
class Persetujuan:
    """Who approved a unit's submission, when, and which version."""

    unit: str
    nama: str
    nip: str | None
    tanggal: date
    versi: int


@dataclass(frozen=True)
class StatusDokumen:
    """A document's status: DRAF with its reasons (`alasan` not empty), else final with
    the approvals of its data (none for a document that is not approved in the archive,
    e.g. the institution's own PK)."""

    alasan: tuple[str, ...] = ()
    persetujuan: tuple[Persetujuan, ...] = ()

    @property
    def draf(self) -> bool:
        return bool(self.alasan)

    @property
    def keterangan(self) -> str:
        """'Dokumen ini DRAF karena: …' for a DRAF; empty for a final document."""
        if not self.draf:
            return ""
        return "Dokumen ini DRAF karena: " + "; ".join(self.alasan) + "."

    def to_dict(self) -> dict[str, object]:
        return {
            "draf": self.draf,
            "alasan": list(self.alasan),
            "disetujui": [
                {
                    "unit": p.unit,
                    "nama": p.nama,
                    "nip": p.nip,
                    "tanggal": p.tanggal.isoformat(),
                    "versi": p.versi,
                }
                for p in self.persetujuan
            ],
        }


def _galat(galat: int | None, where: str) -> list[str]:
    if not galat:
        return []
    return [f"{where} masih memuat {galat} galat"]


def _persetujuan(status: ApprovalStatus) -> Persetujuan | None:
    step = status.approved_by
    if not status.approved or step is None or status.version is None:
        return None
    return Persetujuan(status.unit, step.nama or "", step.nip, step.tanggal, status.version)


def _reason(status: ApprovalStatus) -> str:
    """The archive's sentence as a phrase after 'karena:' (no closing full stop)."""
    return status.reason.rstrip(".")


def status_unit(galat: int, approval: ApprovalStatus | None) -> StatusDokumen:
    """The status of a unit's own document (its PK, its Rencana Aksi): `galat` in its
    workbook, `approval` of its latest submission of the year (None: the document is not
    approved through the archive, e.g. the institution's PK; only galat make it a DRAF)."""
    alasan = _galat(galat, "workbook")
    approved = None
    if approval is not None:
        approved = _persetujuan(approval)
        if approved is None:
            alasan.append(_reason(approval))
    return StatusDokumen(tuple(alasan), (approved,) if approved and not alasan else ())


def status_gabungan(galat: int | None, approvals: Mapping[str, ApprovalStatus]) -> StatusDokumen:
    """The status of a document compiled from many units (the Laporan Kinerja): `galat` in
    the compiled data (None: not known, e.g. read back from a rekap), `approvals` of every
    unit whose data it shows, by unit code. The units not approved are named briefly."""
    alasan = _galat(galat, "data kompilasi")
    if not approvals:
        alasan.append("tidak ada data unit yang disetujui di arsip")
    waiting = [(code, s) for code, s in sorted(approvals.items()) if _persetujuan(s) is None]
    if waiting:
        named = [f"{code} ({_stage(s)})" for code, s in waiting[:UNIT_DISEBUT]]
        more = len(waiting) - UNIT_DISEBUT
        tail = f" dan {more} unit lain" if more > 0 else ""
        alasan.append(
            f"{len(waiting)} dari {len(approvals)} unit belum disetujui: {', '.join(named)}{tail}"
        )
    found = tuple(p for s in approvals.values() if (p := _persetujuan(s)) is not None)
    return StatusDokumen(tuple(alasan), () if alasan else found)


def _stage(status: ApprovalStatus) -> str:
    if status.stage is None:
        return "belum ada di arsip"
    return f"versi {status.version} {status.stage.value}"
