"""What the Rencana Aksi document shows, from a normalised unit workbook: per IKK the TW
I–IV targets, the actions and who is responsible, drawn up (disusun) by the unit head —
the PK's PIHAK PERTAMA — and ratified (disahkan) by the one the Rencana Aksi sheet names,
on its date, at the PK's place. As in the PK nothing is invented: a blank field is a
dotted line, listed in `kosong` with its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from xlkinerja.core.normal import UnitForm
from xlkinerja.core.table_access import number, positions, text
from xlkinerja.domain.status_dokumen import StatusDokumen
from xlkinerja.render.dokumen.kop import Kop
from xlkinerja.render.dokumen.pk_data import PIHAK_PERTAMA, TW_KEYS, Pihak, pihak, tahun_of, where
from xlkinerja.specs.keys import UnitFieldKey

PENGESAH: tuple[UnitFieldKey, ...] = ("ra_disahkan_nama", "ra_disahkan_nip", "ra_disahkan_jabatan")


@dataclass(frozen=True)
class Aksi:
    kode_ikk: str
    indikator: str
    satuan: str
    target: float | None  # the PK's target of the year
    tw: tuple[float | None, ...]
    aksi: str
    penanggung_jawab: str


@dataclass
class RaDokumen:
    kode: str  # the unit's code
    nama: str
    tahun: int | None
    disusun: Pihak  # the unit head (the PK's PIHAK PERTAMA)
    disahkan: Pihak  # who ratifies it (Rencana Aksi sheet)
    tempat: str | None  # the PK's place
    tanggal_disahkan: date | None
    aksi: list[Aksi]
    berkas: str
    nomor: str | None = None
    kop: Kop | None = None
    kosong: list[str] = field(default_factory=list)
    status: StatusDokumen | None = None  # DRAF and why, or its approval; None: neither


def ra_dokumen(form: UnitForm) -> RaDokumen:
    """The Rencana Aksi document of a unit workbook."""
    kosong: list[str] = []
    disusun = pihak(form, PIHAK_PERTAMA, "Disusun oleh (PIHAK PERTAMA PK)", kosong)
    disahkan = pihak(form, PENGESAH, "Disahkan oleh", kosong)
    signed: tuple[tuple[UnitFieldKey, str], ...] = (
        ("tempat", "tempat"),
        ("ra_tanggal_disahkan", "tanggal disahkan RA"),
    )
    for key, label in signed:
        if form.field(key) is None:
            kosong.append(f"{label} kosong ({where(form, key)})")
    pk, ra = form.table("pk"), form.table("ra")
    pk_rows = {text(pk, p, "kode_ikk"): p for p in positions(pk)}
    rows = []
    for pos in positions(ra):
        code = text(ra, pos, "kode_ikk")
        pk_pos = pk_rows.get(code)
        rows.append(
            Aksi(
                kode_ikk=code or "",
                indikator=(text(pk, pk_pos, "indikator") if pk_pos is not None else None) or "",
                satuan=(text(pk, pk_pos, "satuan") if pk_pos is not None else None) or "",
                target=number(pk, pk_pos, "target") if pk_pos is not None else None,
                tw=tuple(number(ra, pos, k) for k in TW_KEYS),
                aksi=text(ra, pos, "aksi") or "",
                penanggung_jawab=text(ra, pos, "penanggung_jawab") or "",
            )
        )
    return RaDokumen(
        kode=form.text("kode_unit") or "unit",
        nama=form.text("nama_unit") or "",
        tahun=tahun_of(form),
        disusun=disusun,
        disahkan=disahkan,
        tempat=form.text("tempat"),
        tanggal_disahkan=form.day("ra_tanggal_disahkan"),
        aksi=rows,
        berkas=form.file,
        nomor=form.text("ra_nomor"),
        kosong=kosong,
    )
