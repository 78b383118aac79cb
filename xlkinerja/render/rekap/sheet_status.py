"""Sheet "Status Pengumpulan": every unit of the master, received or not, against the
deadline. Late, missing and unreadable rows are red; a unit with galat is marked."""

from __future__ import annotations

from collections.abc import Sequence

from xlkinerja.kompilasi.model import StatusUnit
from xlkinerja.render.rekap.context import Buku, tahun_text, tanggal
from xlkinerja.render.rekap.styles import Look, kolom_of
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table
from xlkinerja.specs.rekap import BELUM_MENGIRIM, SHEET_STATUS, STATUS

NAME = SHEET_STATUS
KOLOM = kolom_of(
    STATUS,
    {
        "nama_unit": Look(wrap=True),
        "berkas": Look(wrap=True),
        "status": Look(tengah=True),
        "tanggal_pk": Look(tengah=True),
        "batas": Look(tengah=True),
        "keterangan": Look(wrap=True),
        "galat": Look(tengah=True),
        "peringatan": Look(tengah=True),
    },
)
GALAT_COL, PERINGATAN_COL = STATUS.position("galat"), STATUS.position("peringatan")


def keterangan(unit: StatusUnit) -> str:
    """Tepat waktu / Terlambat N hari / Belum mengirim / Tidak terbaca: alasan."""
    if unit.berkas is None:
        return "Belum mengirim"
    if not unit.terbaca:
        return f"Tidak terbaca: {unit.alasan or 'alasan tidak diketahui'}"
    if unit.terlambat:
        if unit.tanggal_pk and unit.batas:
            return f"Terlambat {(unit.tanggal_pk - unit.batas).days} hari"
        return "Terlambat"
    if unit.tanggal_pk is None:
        return "Tanggal PK belum diisi"
    return "Tepat waktu"


def variant(unit: StatusUnit) -> str:
    if unit.berkas is None or not unit.terbaca or unit.terlambat:
        return "masalah"
    if unit.tanggal_pk is None:
        return "peringatan"
    return "biasa"


def summary(units: Sequence[StatusUnit]) -> str:
    diterima = sum(u.berkas is not None for u in units)
    parts = [
        f"{len(units)} unit",
        f"{diterima} berkas diterima",
        f"{sum(u.berkas is not None and u.terbaca and not u.terlambat for u in units)} tepat waktu",
        f"{sum(u.terlambat and u.terbaca for u in units)} terlambat",
        f"{len(units) - diterima} belum mengirim",
        f"{sum(u.berkas is not None and not u.terbaca for u in units)} tidak terbaca",
        f"{sum(u.galat > 0 for u in units)} unit dengan galat",
    ]
    return " · ".join(parts)


def write_status(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    batas = tanggal(k.batas_pk) if k.batas_pk else "belum ditetapkan"
    note = (
        f"Batas pengumpulan PK: {batas}. {summary(k.status)}. Baris merah: terlambat, belum "
        "mengirim, atau berkas tidak terbaca; kolom Galat merah: berkas unit memuat galat "
        "(lihat lembar Temuan)."
    )
    row = heading(ws, styles, f"Status Pengumpulan Berkas Unit{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    units = k.status
    cells = {
        "kode_unit": [u.kode_unit for u in units],
        "nama_unit": [u.nama_unit for u in units],
        "berkas": [u.berkas if u.berkas is not None else BELUM_MENGIRIM for u in units],
        "status": [u.status for u in units],
        "tanggal_pk": [u.tanggal_pk for u in units],
        "batas": [u.batas for u in units],
        "keterangan": [keterangan(u) for u in units],
        "galat": [u.galat for u in units],
        "peringatan": [u.peringatan for u in units],
    }
    values = [cells[key] for key in STATUS.keys]
    variants = [variant(u) for u in units]
    # Galat and peringatan counts stand out on their own, whatever the row.
    marks = {
        GALAT_COL: [
            "sorot_galat" if u.galat > 0 else v for u, v in zip(units, variants, strict=True)
        ],
        PERINGATAN_COL: [
            "sorot_peringatan" if u.peringatan > 0 else v
            for u, v in zip(units, variants, strict=True)
        ],
    }
    end = write_table(ws, styles, row, KOLOM, values, variants, cell_variants=marks)
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"status": len(units)}
