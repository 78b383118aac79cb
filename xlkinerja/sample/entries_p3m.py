"""What the staff of Pusat Penelitian dan Pengabdian kepada Masyarakat typed into their workbook."""

from __future__ import annotations

from datetime import date

from xlkinerja.sample.entry_columns import (
    ANGGARAN,
    CAPAIAN,
    MATRIKS,
    PK,
    RA,
    UnitEntry,
    capaian_rows,
)
from xlkinerja.sample.rows import rows

P3M: UnitEntry = {
    "fields": {
        "tanggal": date(2025, 2, 18),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 2, 12),
        "tanggal_disahkan": date(2025, 2, 19),
        "ra_tanggal_disahkan": date(2025, 3, 3),
    },
    "pk": rows(
        PK,
        (
            "Meningkatnya hilirisasi penelitian dan pengabdian",
            "IKK-P3M-1",
            "Jumlah luaran penelitian dan pengabdian yang digunakan masyarakat atau industri",
            "judul",
            "naik",
            "kumulatif",
            40,
            "IKU-5",
            "beban target",
        ),
        (
            "Meningkatnya hilirisasi penelitian dan pengabdian",
            "IKK-P3M-2",
            "Jumlah proposal hibah eksternal yang didanai",
            "proposal",
            "naik",
            "kumulatif",
            12,
            "IKU-5",
            "tidak langsung",
        ),
    ),
    "anggaran": rows(
        ANGGARAN,
        (
            "Penelitian terapan dan pengabdian kepada masyarakat",
            1_200_000_000,
            "IKK-P3M-1",
            150_000_000,
            420_000_000,
            780_000_000,
        ),
    ),
    "ra": rows(
        RA,
        ("IKK-P3M-1", 5, 15, 28, 40, "Hibah internal berbasis kebutuhan mitra", "Kepala P3M", None),
        ("IKK-P3M-2", 0, 4, 8, 12, "Klinik proposal hibah eksternal", "Lina Kusuma", None),
    ),
    "matriks": rows(
        MATRIKS,
        (
            "199409092020122001",
            "Lina Kusuma, S.Si.",
            "Analis Data Penelitian",
            "IKK-P3M-1",
            "Tersedianya data luaran penelitian yang terverifikasi",
            "kuantitas",
            "Jumlah luaran terverifikasi",
            40,
            "judul",
            "tidak langsung",
        ),
        (
            "199409092020122001",
            "Lina Kusuma, S.Si.",
            "Analis Data Penelitian",
            "IKK-P3M-2",
            "Terselenggaranya klinik proposal hibah",
            "kuantitas",
            "Jumlah klinik proposal",
            4,
            "kegiatan",
            "tidak langsung",
        ),
    ),
    "capaian": rows(
        CAPAIAN,
        *capaian_rows("IKK-P3M-1", (5, None), (10, None), (14, None)),
        *capaian_rows("IKK-P3M-2", (0, None), (4, None), (5, None)),
    ),
}
