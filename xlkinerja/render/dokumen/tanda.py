"""A document's DRAF mark or its approval (domain/status_dokumen.py) as text, the same in
the PDF (templates/dokumen/tanda.html.j2), the .docx and the .xlsx."""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.domain.status_dokumen import Persetujuan, StatusDokumen
from xlkinerja.render.dokumen.teks import tanggal

DRAF = "DRAF"


@dataclass(frozen=True)
class Tanda:
    """What a document prints: `draf` on every page with `keterangan` (why) on its first,
    else a line per approval."""

    draf: bool
    keterangan: str
    persetujuan: tuple[str, ...]


def disetujui(p: Persetujuan, *, with_unit: bool = False) -> str:
    """'Disetujui oleh <nama> (NIP …) pada <tanggal>, versi <n>.'"""
    nip = f" (NIP {p.nip})" if p.nip else ""
    who = f"Data unit {p.unit} disetujui" if with_unit else "Disetujui"
    return f"{who} oleh {p.nama}{nip} pada {tanggal(p.tanggal)}, versi {p.versi}."


def tanda(status: StatusDokumen, *, with_unit: bool = False) -> Tanda:
    """The text of `status`; `with_unit`: each approval names its unit (a document that
    shows many units' data)."""
    lines = tuple(disetujui(p, with_unit=with_unit) for p in status.persetujuan)
    return Tanda(status.draf, status.keterangan, () if status.draf else lines)


def lines(mark: Tanda | None) -> list[str]:
    """The lines at the top of a document: the DRAF mark and why, or its approvals."""
    if mark is None:
        return []
    if mark.draf:
        return [DRAF, mark.keterangan]
    return list(mark.persetujuan)
