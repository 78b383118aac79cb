"""The letterhead (kop) and document numbers the master gives the PK and the Rencana Aksi:
the institution's name, its address lines and a logo file (a path relative to the master's
folder, resolved by the job that reads the master: no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xlkinerja.core.normal import MasterForm


@dataclass(frozen=True)
class Kop:
    instansi: str
    alamat: tuple[str, ...]  # the address lines under the name
    logo: Path | None  # as the master wrote it; the job makes it absolute and checks it
    logo_cell: tuple[str, str]  # (sheet, A1) of the master's logo field, for an error


def kop_of_master(master: MasterForm) -> Kop | None:
    """The master's kop; None when it gives neither a logo nor an address (no kop)."""
    logo = master.text("kop_logo")
    alamat = master.text("kop_alamat")
    if logo is None and alamat is None:
        return None
    lines = tuple(line.strip() for line in (alamat or "").splitlines() if line.strip())
    cell = master.field_cell("kop_logo")
    return Kop(
        instansi=master.text("nama_instansi") or "",
        alamat=lines,
        logo=Path(logo) if logo else None,
        logo_cell=(cell.sheet, cell.cell),
    )
