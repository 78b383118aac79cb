"""What the staff of Jurusan Teknik Mesin typed into their workbook."""

from __future__ import annotations

from datetime import date

from xlkinerja.sample.entry_columns import (
    ANGGARAN,
    CAPAIAN,
    MATRIKS,
    PK,
    RA,
    S_DOSEN,
    S_KURIKULUM,
    S_LULUSAN,
    UnitEntry,
    capaian_rows,
)
from xlkinerja.sample.rows import rows

TM: UnitEntry = {
    # Typed by hand: a date as text, a percent as text, a lower-case code.
    "fields": {
        "tanggal": date(2025, 2, 27),
        "status": "diajukan",
        "tanggal_diajukan": "26 Februari 2025",
        "tanggal_disahkan": None,
    },
    "pk": rows(
        PK,
        (
            S_LULUSAN,
            "IKK-TM-1",
            "Persentase lulusan D4 Teknik Mesin yang bekerja, studi lanjut, atau berwiraswasta",
            "%",
            "naik",
            "terakhir",
            75,
            "IKU-1",
            "wilayah",
        ),
        (
            S_LULUSAN,
            "IKK-TM-2",
            "Persentase mahasiswa Teknik Mesin yang magang di industri",
            "%",
            "naik",
            "terakhir",
            "30 %",
            "IKU-2",
            "wilayah",
        ),
        (
            S_LULUSAN,
            "IKK-TM-3",
            "Jumlah lulusan Teknik Mesin bersertifikat kompetensi",
            "orang",
            "naik",
            "kumulatif",
            150,
            "IKU-3",
            "beban target",
        ),
        (
            S_DOSEN,
            "IKK-TM-4",
            "Persentase dosen Teknik Mesin berkegiatan di industri",
            "%",
            "naik",
            "terakhir",
            25,
            "IKU-4",
            "wilayah",
        ),
        (
            S_KURIKULUM,
            "IKK-TM-5",
            "Persentase program studi Teknik Mesin yang bekerja sama dengan mitra",
            "%",
            "naik",
            "terakhir",
            100,
            "IKU-6",
            "wilayah",
        ),
    ),
    "anggaran": rows(
        ANGGARAN,
        (
            "Penyelenggaraan pendidikan D4 Teknik Mesin",
            "Rp 1.875.000.000",
            "IKK-TM-1",
            400_000_000,
            850_000_000,
            1_300_000_000,
        ),
        # PLANTED: realisasi s.d. TW III above the pagu (a warning: a revised DIPA not typed in)
        ("Peralatan bengkel dan laboratorium", 640_000_000, "IKK-TM-3", 0, 0, 655_000_000),
    ),
    "ra": rows(
        RA,
        # PLANTED: TW IV (70) differs from the PK target (75) and no reason is given.
        (
            "IKK-TM-1",
            15,
            35,
            60,
            70,
            "Tracer study dan kerja sama rekrutmen industri",
            "Sekretaris Jurusan",
            None,
        ),
        ("IKK-TM-2", 5, 12, 25, 30, "Penempatan magang industri", "Koordinator Magang", None),
        # PLANTED: cumulative target decreases from TW II (70) to TW III (60).
        ("IKK-TM-3", 30, 70, 60, 150, "Uji kompetensi las dan CNC", "Agus Hermawan", None),
        ("ikk-tm-4", 5, 10, 20, 25, "Program dosen magang industri", "Ketua Jurusan", None),
        ("IKK-TM-5", 50, 100, 100, 100, "Perpanjangan kerja sama mitra", "Fajar Nugroho", None),
    ),
    "matriks": rows(
        MATRIKS,
        (
            "198304082008011004",
            "Agus Hermawan, S.T., M.T.",
            "Lektor Kepala",
            "IKK-TM-3",
            "Terlaksananya uji kompetensi las dan CNC",
            "kuantitas",
            "Jumlah mahasiswa lulus uji kompetensi",
            90,
            "orang",
            "beban target",
        ),
        (
            "199105172018031002",
            "Fajar Nugroho, S.T., M.Sc.",
            "Asisten Ahli",
            "IKK-TM-3",
            "Terlaksananya uji kompetensi las dan CNC",
            "kuantitas",
            "Jumlah mahasiswa lulus uji kompetensi",
            60,
            "orang",
            "beban target",
        ),
        (
            "199105172018031002",
            "Fajar Nugroho, S.T., M.Sc.",
            "Asisten Ahli",
            "IKK-TM-5",
            "Terkelolanya kerja sama mitra industri",
            "kuantitas",
            "Jumlah mitra aktif",
            8,
            "mitra",
            "tidak langsung",
        ),
    ),
    "capaian": rows(
        CAPAIAN,
        *capaian_rows(
            "IKK-TM-1",
            (16, None),
            (34, "Sebagian alumni belum mengisi tracer study"),
            (58, "Tracer study terlambat"),
            rasio=((8, 50), (17, 50), (29, 50)),  # of the 50 graduates traced
        ),
        # "5%" typed as text for a percentage; TW II left blank (not yet reported).
        *capaian_rows("IKK-TM-2", ("5%", None), (None, None), (26, "Kuota industri terbatas")),
        *capaian_rows("IKK-TM-3", (28, "Jadwal LSP mundur"), (42, None), (26, None)),
        *capaian_rows("IKK-TM-4", (5, None), (10, None), (20, None)),
        *capaian_rows("IKK-TM-5", (50, None), (100, None), (100, None)),
    ),
}
