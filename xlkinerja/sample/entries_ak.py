"""What the staff of Jurusan Akuntansi typed into their workbook."""

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

AK: UnitEntry = {
    # The staff typed the numbers of the %-satuan IKK as percentages (80%): the workbook
    # holds 0.8 formatted 0% there, as Excel keeps it (sample/typed_percent.py).
    "persen_seperti_excel": True,
    # PLANTED: PK signed 17 March, after the end-of-February deadline; its Rencana Aksi
    # ratified 21 March, after the master's batas_ra (14 March).
    "fields": {
        "tanggal": date(2025, 3, 17),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 3, 10),
        "tanggal_disahkan": date(2025, 3, 18),
        "ra_tanggal_disahkan": date(2025, 3, 21),
    },
    "pk": rows(
        PK,
        (
            S_LULUSAN,
            "IKK-AK-1",
            "Persentase lulusan D4 Akuntansi yang bekerja, studi lanjut, atau berwiraswasta",
            "%",
            "naik",
            "terakhir",
            80,
            "IKU-1",
            "wilayah",
        ),
        (
            S_LULUSAN,
            "IKK-AK-2",
            "Persentase mahasiswa Akuntansi yang magang di luar kampus",
            "%",
            "naik",
            "terakhir",
            30,
            "IKU-2",
            "wilayah",
        ),
        # PLANTED: 200 (TI) + 150 (TM) + 100 (AK) = 450, not the IKU-3 target of 500.
        (
            S_LULUSAN,
            "IKK-AK-3",
            "Jumlah lulusan Akuntansi bersertifikat kompetensi",
            "orang",
            "naik",
            "kumulatif",
            100,
            "IKU-3",
            "beban target",
        ),
        (
            S_DOSEN,
            "IKK-AK-4",
            "Persentase dosen Akuntansi berkegiatan di industri",
            "%",
            "naik",
            "terakhir",
            20,
            "IKU-4",
            "wilayah",
        ),
        (
            S_KURIKULUM,
            "IKK-AK-5",
            "Persentase program studi Akuntansi yang bekerja sama dengan mitra",
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
            "Penyelenggaraan pendidikan D4 Akuntansi",
            1_420_000_000,
            "IKK-AK-1",
            300_000_000,
            650_000_000,
            None,
        ),
    ),
    "ra": rows(
        RA,
        ("IKK-AK-1", 20, 40, 65, 80, "Tracer study dan pusat karier", "Sekretaris Jurusan", None),
        ("IKK-AK-2", 5, 10, 20, 30, "Magang di kantor akuntan publik", "Koordinator Magang", None),
        ("IKK-AK-3", 0, 40, 70, 100, "Sertifikasi teknisi akuntansi", "Nurul Hidayah", None),
        ("IKK-AK-4", 5, 10, 15, 20, "Dosen magang di KAP dan BUMD", "Ketua Jurusan", None),
        ("IKK-AK-5", 100, 100, 100, 100, "Kerja sama dengan IAI wilayah", "Ketua Jurusan", None),
    ),
    "matriks": rows(
        MATRIKS,
        (
            "198712122012122002",
            "Nurul Hidayah, S.E., M.Ak.",
            "Lektor",
            "IKK-AK-3",
            "Terlaksananya sertifikasi teknisi akuntansi",
            "kuantitas",
            "Jumlah mahasiswa tersertifikasi",
            100,
            "orang",
            "beban target",
        ),
    ),
    "capaian": rows(
        CAPAIAN,
        # PLANTED: below target (capaian 75 %) and no kendala written.
        *capaian_rows(
            "IKK-AK-1",
            (15, None),
            (38, "Responden tracer study belum lengkap"),
            rasio=((15, 100), (38, 100)),
        ),
        *capaian_rows("IKK-AK-2", (5, None), (11, None)),
        # PLANTED: "1.050" is ambiguous (one thousand fifty, or 1.05?).
        *capaian_rows("IKK-AK-3", (0, None), ("1.050", None)),
        *capaian_rows("IKK-AK-4", (5, None), (10, None)),
        *capaian_rows("IKK-AK-5", (100, None), (100, None)),
    ),
}
