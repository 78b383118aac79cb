"""Sheet "Rekap SKP": every employee's SKP, one row per IKI with its realisasi per period,
by unit and employee. It also makes the compiled workbook a source for the e-Kinerja
export (templates/ekspor/skp-ekinerja; render/ekspor/rekap_read.py reads it back by header)."""

from __future__ import annotations

import numpy as np

from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS
from xlkinerja.render.rekap.context import Buku, tahun_text
from xlkinerja.render.rekap.frames import frame, objects, sumber
from xlkinerja.render.rekap.styles import Kolom
from xlkinerja.render.rekap.table import heading, set_widths, write_header, write_table

NAME = "Rekap SKP"
# (column of rekap_skp, its column on the sheet)
KOLOM = (
    ("kode_unit", Kolom("Kode Unit", 8)),
    ("nama_unit", Kolom("Unit", 20, wrap=True)),
    ("nip", Kolom("NIP", 20)),
    ("nama", Kolom("Nama", 22, wrap=True)),
    ("jabatan", Kolom("Jabatan", 16, wrap=True)),
    ("jenis_jabatan", Kolom("Jenis Jabatan", 8, tengah=True)),
    ("jenis", Kolom("Jenis RHK", 9)),
    ("perspektif", Kolom("Perspektif", 12, wrap=True)),
    ("rhk_pimpinan", Kolom("RHK Pimpinan yang Diintervensi", 14)),
    ("kode_rhk", Kolom("Kode RHK", 8)),
    ("rhk", Kolom("Rencana Hasil Kerja", 30, wrap=True)),
    ("aspek", Kolom("Aspek", 10)),
    ("kode_iki", Kolom("Kode IKI", 8)),
    ("iki", Kolom("Indikator Kinerja Individu", 30, wrap=True)),
    ("target", Kolom("Target", 9, jenis="angka")),
    ("target_bawah", Kolom("Target Batas Bawah", 9, jenis="angka")),
    ("target_atas", Kolom("Target Batas Atas", 9, jenis="angka")),
    ("satuan", Kolom("Satuan", 9)),
    ("realisasi_tw1", Kolom("Realisasi TW I", 9, jenis="angka")),
    ("realisasi_tw2", Kolom("Realisasi TW II", 9, jenis="angka")),
    ("realisasi_tw3", Kolom("Realisasi TW III", 9, jenis="angka")),
    ("realisasi_tw4", Kolom("Realisasi TW IV", 9, jenis="angka")),
    ("realisasi_tahunan", Kolom("Realisasi Tahunan", 9, jenis="angka")),
)
HEADERS = {column: k.header for column, k in KOLOM}  # what rekap_read looks for
SUMBER = Kolom("Sumber", 22, wrap=True)


def write_rekap_skp(buku: Buku) -> dict[str, int]:
    k, styles = buku.k, buku.styles
    kolom = [kol for _, kol in KOLOM] + [SUMBER]
    ws = buku.sheet(NAME)
    set_widths(ws, kolom)
    note = (
        "SKP setiap pegawai: satu baris per IKI, urut unit dan pegawai, dengan realisasi "
        "setiap periode dari lembar Realisasi SKP. Sel kosong: belum diisi atau tidak terbaca "
        "(lihat Temuan)."
    )
    row = heading(ws, styles, f"Rekap SKP{tahun_text(k.tahun)}", note, kolom)
    header_row = row
    row = write_header(ws, styles, row, kolom)
    skp = frame(k.rekap_skp, REKAP_SKP_COLUMNS)
    values = [np.asarray(objects(skp[column])) for column, _ in KOLOM]
    values.append(sumber(skp["berkas"], skp["baris"]))
    end = write_table(ws, styles, row, kolom, values)
    buku.print_setup(ws, NAME, header_row, len(kolom) - 1, end)
    return {"rekap_skp": len(skp)}
