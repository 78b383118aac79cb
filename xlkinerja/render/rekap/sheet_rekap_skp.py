"""Sheet "Rekap SKP": every employee's SKP, one row per IKI with its realisasi per period,
by unit and employee. It also makes the compiled workbook a source for the e-Kinerja
export (templates/ekspor/skp-ekinerja; sources/rekap.py reads it back by its spec)."""

from __future__ import annotations

import numpy as np

from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS
from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.frames import frame, objects, sumber
from xlkinerja.render.rekap.styles import Look, kolom_of
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table
from xlkinerja.specs.rekap import REKAP_SKP, SHEET_SKP

NAME = SHEET_SKP
# Every column but Sumber (the file and row) shows the rekap_skp column of its key.
KOLOM = kolom_of(
    REKAP_SKP,
    {
        "nama_unit": Look(wrap=True),
        "nama": Look(wrap=True),
        "jabatan": Look(wrap=True),
        "jenis_jabatan": Look(tengah=True),
        "perspektif": Look(wrap=True),
        "rhk": Look(wrap=True),
        "iki": Look(wrap=True),
        "sumber": Look(wrap=True),
    },
)


def write_rekap_skp(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    ws = buku.sheet(NAME)
    set_widths(ws, KOLOM)
    note = (
        "SKP setiap pegawai: satu baris per IKI, urut unit dan pegawai, dengan realisasi "
        "setiap periode dari lembar Realisasi SKP. Sel kosong: belum diisi atau tidak terbaca "
        "(lihat Temuan)."
    )
    row = heading(ws, styles, f"{REKAP_SKP.title}{tahun_text(k.tahun)}", note, KOLOM)
    header_row = row
    row = write_header(ws, styles, row, KOLOM)
    skp = frame(k.rekap_skp, REKAP_SKP_COLUMNS)
    values = [
        sumber(skp["berkas"], skp["baris"]) if key == "sumber" else np.asarray(objects(skp[key]))
        for key in REKAP_SKP.keys
    ]
    end = write_table(ws, styles, row, KOLOM, values)
    buku.print_setup(ws, NAME, header_row, len(KOLOM) - 1, end)
    return {"rekap_skp": len(skp)}
