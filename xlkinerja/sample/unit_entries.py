"""What each unit's staff typed into their pre-filled workbook, mistakes included.

Planted mistakes (what Validasi and Kaskade must find) are marked `# PLANTED:` and listed
in workbooks/contoh/README.md. BAAK submitted nothing.
"""

from __future__ import annotations

from datetime import date

from xlkinerja.form_data import CellScalar
from xlkinerja.sample.rows import rows

PK = (
    "sasaran",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "konsolidasi",
    "target",
    "kode_iku",
    "metode_kaskade",
)
ANGGARAN = ("program", "anggaran")
RA = ("kode_ikk", "tw1", "tw2", "tw3", "tw4", "aksi", "penanggung_jawab", "alasan")
MATRIKS = (
    "nip",
    "nama",
    "jabatan",
    "kode_ikk",
    "rhk",
    "aspek",
    "iki",
    "target",
    "satuan",
    "metode_kaskade",
)
CAPAIAN = ("kode_ikk", "triwulan", "realisasi", "bukti_dukung", "kendala", "tindak_lanjut")

S_LULUSAN = "Meningkatnya kualitas lulusan program studi"
S_DOSEN = "Meningkatnya kualitas dosen jurusan"
S_KURIKULUM = "Meningkatnya kerja sama program studi dengan mitra"

UnitEntry = dict[str, object]


def _capaian(kode: str, *values: tuple[CellScalar, str | None]) -> list[tuple[CellScalar, ...]]:
    """Capaian rows for TW I.. in order: (realisasi, kendala)."""
    tw = ("TW I", "TW II", "TW III", "TW IV")
    return [
        (
            kode,
            tw[i],
            realisasi,
            f"https://drive.contoh.ac.id/sakip/{kode}/{tw[i]}",
            kendala,
            "Dibahas dalam rapat jurusan" if kendala else None,
        )
        for i, (realisasi, kendala) in enumerate(values)
    ]


TI: UnitEntry = {
    "fields": {
        "tanggal": date(2025, 2, 20),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 2, 14),
        "tanggal_disahkan": date(2025, 2, 24),
    },
    "pk": rows(
        PK,
        (
            S_LULUSAN,
            "IKK-TI-1",
            "Persentase lulusan D4 Teknik Informatika yang bekerja, "
            "studi lanjut, atau berwiraswasta",
            "%",
            "naik",
            "terakhir",
            78,
            "IKU-1",
            "wilayah",
        ),
        (
            S_LULUSAN,
            "IKK-TI-2",
            "Persentase mahasiswa Teknik Informatika yang magang atau MBKM di luar kampus",
            "%",
            "naik",
            "terakhir",
            35,
            "IKU-2",
            "wilayah",
        ),
        (
            S_LULUSAN,
            "IKK-TI-3",
            "Jumlah lulusan Teknik Informatika bersertifikat kompetensi",
            "orang",
            "naik",
            "kumulatif",
            200,
            "IKU-3",
            "beban target",
        ),
        (
            S_DOSEN,
            "IKK-TI-4",
            "Persentase dosen Teknik Informatika berkegiatan di industri",
            "%",
            "naik",
            "terakhir",
            30,
            "IKU-4",
            "wilayah",
        ),
        (
            S_KURIKULUM,
            "IKK-TI-5",
            "Persentase program studi Teknik Informatika yang bekerja sama dengan mitra",
            "%",
            "naik",
            "terakhir",
            100,
            "IKU-6",
            "wilayah",
        ),
        # PLANTED: IKU-9 does not exist in the institution's PK.
        (
            S_KURIKULUM,
            "IKK-TI-6",
            "Jumlah aplikasi layanan digital yang dikembangkan bersama mitra",
            "aplikasi",
            "naik",
            "kumulatif",
            3,
            "IKU-9",
            "tidak langsung",
        ),
    ),
    "anggaran": rows(
        ANGGARAN,
        ("Penyelenggaraan pendidikan D4 Teknik Informatika", 2_150_000_000),
        ("Sertifikasi kompetensi mahasiswa", 375_000_000),
    ),
    "ra": rows(
        RA,
        (
            "IKK-TI-1",
            20,
            40,
            70,
            78,
            "Tracer study dan bursa kerja jurusan",
            "Sekretaris Jurusan",
            None,
        ),
        (
            "IKK-TI-2",
            5,
            15,
            30,
            35,
            "Penempatan magang industri semester 7",
            "Koordinator Magang",
            None,
        ),
        ("IKK-TI-3", 0, 60, 140, 200, "Uji kompetensi bersama LSP P1", "Budi Santoso", None),
        ("IKK-TI-4", 5, 15, 25, 30, "Penugasan dosen ke industri mitra", "Ketua Jurusan", None),
        (
            "IKK-TI-5",
            50,
            100,
            100,
            100,
            "Penandatanganan perjanjian kerja sama",
            "Rina Marlina",
            None,
        ),
        (
            "IKK-TI-6",
            0,
            1,
            2,
            3,
            "Pengembangan aplikasi bersama mitra industri",
            "Siti Rahmawati",
            None,
        ),
    ),
    "matriks": rows(
        MATRIKS,
        (
            "198506202010122003",
            "Dewi Lestari, S.T., M.T.",
            "Sekretaris Jurusan",
            "IKK-TI-2",
            "Terfasilitasinya mahasiswa magang dan MBKM",
            "kuantitas",
            "Jumlah mahasiswa yang ditempatkan magang",
            60,
            "orang",
            "tidak langsung",
        ),
        (
            "198811032014041001",
            "Budi Santoso, S.Kom., M.Cs.",
            "Lektor",
            "IKK-TI-3",
            "Terlaksananya uji kompetensi mahasiswa",
            "kuantitas",
            "Jumlah mahasiswa lulus uji kompetensi",
            120,
            "orang",
            "beban target",
        ),
        (
            "198811032014041001",
            "Budi Santoso, S.Kom., M.Cs.",
            "Lektor",
            "IKK-TI-1",
            "Terlaksananya tracer study lulusan",
            "kuantitas",
            "Jumlah responden tracer study",
            150,
            "orang",
            "tidak langsung",
        ),
        (
            "199002142015042002",
            "Siti Rahmawati, S.T., M.Eng.",
            "Lektor",
            "IKK-TI-3",
            "Terlaksananya uji kompetensi mahasiswa",
            "kuantitas",
            "Jumlah mahasiswa lulus uji kompetensi",
            80,
            "orang",
            "beban target",
        ),
        (
            "199002142015042002",
            "Siti Rahmawati, S.T., M.Eng.",
            "Lektor",
            "IKK-TI-4",
            "Terlaksananya kegiatan dosen di industri",
            "kuantitas",
            "Jumlah kegiatan dosen di industri",
            2,
            "kegiatan",
            "tidak langsung",
        ),
        (
            "199207252019032001",
            "Rina Marlina, A.Md.",
            "Pengadministrasi Akademik",
            "IKK-TI-5",
            "Tersusunnya dokumen kerja sama mitra",
            "kuantitas",
            "Jumlah dokumen kerja sama yang diarsipkan",
            5,
            "dokumen",
            "tidak langsung",
        ),
    ),
    "capaian": rows(
        CAPAIAN,
        *_capaian(
            "IKK-TI-1", (22, None), (41, None), (66, "Tracer study baru terisi 70% responden")
        ),
        *_capaian("IKK-TI-2", (5, None), (15, None), (31, "Dua mitra menunda penerimaan")),
        *_capaian("IKK-TI-3", (0, None), (64, None), (78, None)),
        *_capaian("IKK-TI-4", (5, None), (16, None), (26, None)),
        *_capaian("IKK-TI-5", (50, None), (100, None), (100, None)),
        *_capaian("IKK-TI-6", (0, None), (1, None), (1, None)),
    ),
}

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
        ("Penyelenggaraan pendidikan D4 Teknik Mesin", "Rp 1.875.000.000"),
        ("Peralatan bengkel dan laboratorium", 640_000_000),
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
        *_capaian(
            "IKK-TM-1",
            (16, None),
            (34, "Sebagian alumni belum mengisi tracer study"),
            (58, "Tracer study terlambat"),
        ),
        # "5%" typed as text for a percentage; TW II left blank (not yet reported).
        *_capaian("IKK-TM-2", ("5%", None), (None, None), (26, "Kuota industri terbatas")),
        *_capaian("IKK-TM-3", (28, "Jadwal LSP mundur"), (42, None), (26, None)),
        *_capaian("IKK-TM-4", (5, None), (10, None), (20, None)),
        *_capaian("IKK-TM-5", (50, None), (100, None), (100, None)),
    ),
}

AK: UnitEntry = {
    # PLANTED: PK signed 17 March, after the end-of-February deadline.
    "fields": {
        "tanggal": date(2025, 3, 17),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 3, 10),
        "tanggal_disahkan": date(2025, 3, 18),
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
        ("Penyelenggaraan pendidikan D4 Akuntansi", 1_420_000_000),
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
        *_capaian("IKK-AK-1", (15, None), (38, "Responden tracer study belum lengkap")),
        *_capaian("IKK-AK-2", (5, None), (11, None)),
        # PLANTED: "1.050" is ambiguous (one thousand fifty, or 1.05?).
        *_capaian("IKK-AK-3", (0, None), ("1.050", None)),
        *_capaian("IKK-AK-4", (5, None), (10, None)),
        *_capaian("IKK-AK-5", (100, None), (100, None)),
    ),
}

P3M: UnitEntry = {
    "fields": {
        "tanggal": date(2025, 2, 18),
        "status": "disahkan",
        "tanggal_diajukan": date(2025, 2, 12),
        "tanggal_disahkan": date(2025, 2, 19),
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
        ("Penelitian terapan dan pengabdian kepada masyarakat", 1_200_000_000),
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
        *_capaian("IKK-P3M-1", (5, None), (10, None), (14, None)),
        *_capaian("IKK-P3M-2", (0, None), (4, None), (5, None)),
    ),
}

UNIT_ENTRIES: dict[str, UnitEntry] = {"TI": TI, "TM": TM, "AK": AK, "P3M": P3M}
