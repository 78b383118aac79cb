"""Master data of Politeknik Negeri Contoh, tahun kinerja 2025 (Renstra 2025–2029)."""

from __future__ import annotations

from xlkinerja.core.form_data import FormValues
from xlkinerja.sample.pengaturan import NIP_DIREKTUR, PENGATURAN
from xlkinerja.sample.rows import rows

PEGAWAI = rows(
    ("nip", "nama", "pangkat", "jabatan", "jenis_jabatan", "kode_unit", "nip_atasan"),
    (
        NIP_DIREKTUR,
        "Dr. Ir. Hendra Wijaya, M.T.",
        "Pembina Utama Muda (IV/c)",
        "Direktur",
        "JPT",
        None,
        None,
    ),
    # Jurusan Teknik Informatika
    (
        "197803152005011002",
        "Dr. Andi Pratama, S.Kom., M.Kom.",
        "Pembina (IV/a)",
        "Ketua Jurusan Teknik Informatika",
        "JF",
        "TI",
        NIP_DIREKTUR,
    ),
    (
        "198506202010122003",
        "Dewi Lestari, S.T., M.T.",
        "Penata Tk. I (III/d)",
        "Sekretaris Jurusan Teknik Informatika",
        "JF",
        "TI",
        "197803152005011002",
    ),
    (
        "198811032014041001",
        "Budi Santoso, S.Kom., M.Cs.",
        "Penata (III/c)",
        "Lektor",
        "JF",
        "TI",
        "197803152005011002",
    ),
    (
        "199002142015042002",
        "Siti Rahmawati, S.T., M.Eng.",
        "Penata (III/c)",
        "Lektor",
        "JF",
        "TI",
        "197803152005011002",
    ),
    (
        "199207252019032001",
        "Rina Marlina, A.Md.",
        "Pengatur (II/c)",
        "Pengadministrasi Akademik",
        "JA",
        "TI",
        "197803152005011002",
    ),
    # Jurusan Teknik Mesin
    (
        "197502111999031003",
        "Ir. Joko Susilo, M.T.",
        "Pembina Tk. I (IV/b)",
        "Ketua Jurusan Teknik Mesin",
        "JF",
        "TM",
        NIP_DIREKTUR,
    ),
    (
        "198304082008011004",
        "Agus Hermawan, S.T., M.T.",
        "Penata Tk. I (III/d)",
        "Lektor Kepala",
        "JF",
        "TM",
        "197502111999031003",
    ),
    (
        "199105172018031002",
        "Fajar Nugroho, S.T., M.Sc.",
        "Penata Muda Tk. I (III/b)",
        "Asisten Ahli",
        "JF",
        "TM",
        "197502111999031003",
    ),
    # Jurusan Akuntansi
    (
        "197909302006042001",
        "Dra. Sri Wahyuni, M.Si., Ak.",
        "Pembina (IV/a)",
        "Ketua Jurusan Akuntansi",
        "JF",
        "AK",
        NIP_DIREKTUR,
    ),
    (
        "198712122012122002",
        "Nurul Hidayah, S.E., M.Ak.",
        "Penata (III/c)",
        "Lektor",
        "JF",
        "AK",
        "197909302006042001",
    ),
    # Pusat Penelitian dan Pengabdian kepada Masyarakat
    (
        "197611052003121001",
        "Dr. Eko Prasetyo, S.T., M.T.",
        "Pembina (IV/a)",
        "Kepala P3M",
        "JF",
        "P3M",
        NIP_DIREKTUR,
    ),
    (
        "199409092020122001",
        "Lina Kusuma, S.Si.",
        "Penata Muda (III/a)",
        "Analis Data Penelitian",
        "JA",
        "P3M",
        "197611052003121001",
    ),
    # Bagian Akademik dan Kemahasiswaan
    (
        "197208181998031002",
        "Drs. Bambang Riyadi, M.M.",
        "Pembina (IV/a)",
        "Kepala Bagian Akademik dan Kemahasiswaan",
        "JA",
        "BAAK",
        NIP_DIREKTUR,
    ),
    (
        "199512302022032001",
        "Maya Sari, S.AP.",
        "Penata Muda (III/a)",
        "Pengelola Layanan Akademik",
        "JA",
        "BAAK",
        "197208181998031002",
    ),
)

UNIT = rows(
    ("kode_unit", "nama_unit", "nip_kepala"),
    ("TI", "Jurusan Teknik Informatika", "197803152005011002"),
    ("TM", "Jurusan Teknik Mesin", "197502111999031003"),
    ("AK", "Jurusan Akuntansi", "197909302006042001"),
    ("P3M", "Pusat Penelitian dan Pengabdian kepada Masyarakat", "197611052003121001"),
    ("BAAK", "Bagian Akademik dan Kemahasiswaan", "197208181998031002"),
)

SS1 = "Meningkatnya kualitas lulusan pendidikan tinggi vokasi"
SS2 = "Meningkatnya kualitas dosen pendidikan tinggi vokasi"
SS3 = "Meningkatnya kualitas kurikulum dan pembelajaran"
SS4 = "Terwujudnya tata kelola yang akuntabel"

IKU = rows(
    (
        "kode_ss",
        "sasaran",
        "kode_iku",
        "indikator",
        "satuan",
        "jenis",
        "arah",
        "konsolidasi",
        "target_1",
        "target_2",
        "target_3",
        "target_4",
        "target_5",
    ),
    (
        "SS-1",
        SS1,
        "IKU-1",
        "Persentase lulusan D4 yang bekerja, melanjutkan studi, atau berwiraswasta dalam 1 tahun",
        "%",
        "kuantitatif",
        "naik",
        "terakhir",
        75,
        77,
        79,
        81,
        83,
    ),
    (
        "SS-1",
        SS1,
        "IKU-2",
        "Persentase mahasiswa yang mendapat pengalaman di luar kampus",
        "%",
        "kuantitatif",
        "naik",
        "terakhir",
        30,
        32,
        35,
        38,
        40,
    ),
    (
        "SS-1",
        SS1,
        "IKU-3",
        "Jumlah lulusan yang memperoleh sertifikat kompetensi",
        "orang",
        "kuantitatif",
        "naik",
        "kumulatif",
        500,
        550,
        600,
        650,
        700,
    ),
    (
        "SS-2",
        SS2,
        "IKU-4",
        "Persentase dosen yang berkegiatan tridharma di industri atau perguruan tinggi lain",
        "%",
        "kuantitatif",
        "naik",
        "terakhir",
        25,
        27,
        30,
        32,
        35,
    ),
    (
        "SS-2",
        SS2,
        "IKU-5",
        "Jumlah luaran penelitian dan pengabdian yang digunakan masyarakat atau industri",
        "judul",
        "kuantitatif",
        "naik",
        "kumulatif",
        40,
        45,
        50,
        55,
        60,
    ),
    (
        "SS-3",
        SS3,
        "IKU-6",
        "Persentase program studi yang bekerja sama dengan mitra",
        "%",
        "kuantitatif",
        "naik",
        "terakhir",
        80,
        85,
        90,
        95,
        100,
    ),
    (
        "SS-3",
        SS3,
        "IKU-7",
        "Persentase program studi berakreditasi internasional",
        "%",
        "kuantitatif",
        "naik",
        "terakhir",
        10,
        15,
        20,
        25,
        30,
    ),
    (
        "SS-4",
        SS4,
        "IKU-8",
        "Rata-rata waktu penyelesaian layanan administrasi akademik",
        "hari",
        "kuantitatif",
        "turun",
        "rata-rata",
        3,
        3,
        2.5,
        2.5,
        2,
    ),
)

# The Manual IKU of IKU-1 defines it as Σ lulusan bekerja / Σ lulusan over every prodi: its
# realisasi combines the units' pembilang and penyebut (the others: the default rule).
AGREGASI = {"IKU-1": "rasio"}
# A national standard where one exists (the sample's figures: no real source is cited).
STANDAR = {
    "IKU-1": (72, "Rata-rata capaian politeknik negeri tahun 2024 (angka contoh)"),
    "IKU-4": (20, "Target IKU-4 pendidikan tinggi vokasi tahun 2025 (angka contoh)"),
}
for _iku in IKU:
    _iku["agregasi"] = AGREGASI.get(str(_iku["kode_iku"]))
    _iku["standar_nasional"], _iku["sumber_standar"] = STANDAR.get(
        str(_iku["kode_iku"]), (None, None)
    )

# The institution's programs in its PK, the sasaran each supports, and their realisasi s.d.
# TW I..III (cumulative, from the finance application).
PROGRAM = rows(
    ("kode_program", "program", "anggaran", "kode_ss", *(f"realisasi_tw{n}" for n in (1, 2, 3))),
    (
        "DL",
        "Program Pendidikan Tinggi Vokasi",
        18_500_000_000,
        "SS-1",
        3_900_000_000,
        8_450_000_000,
        12_950_000_000,
    ),
    (
        "WA",
        "Program Dukungan Manajemen",
        6_250_000_000,
        "SS-4",
        1_250_000_000,
        2_900_000_000,
        4_400_000_000,
    ),
)

# IKU-7 (akreditasi internasional) is assigned to no unit: the uncovered IKU.
PENUGASAN = rows(
    ("kode_iku", "kode_unit", "keterangan"),
    *[
        (iku, unit, None)
        for iku in ("IKU-1", "IKU-2", "IKU-3", "IKU-4", "IKU-6")
        for unit in ("TI", "TM", "AK")
    ],
    ("IKU-5", "P3M", "Luaran penelitian dan pengabdian dikoordinasikan P3M"),
    ("IKU-8", "BAAK", None),
)

PREDIKAT = rows(
    ("batas_bawah", "batas_atas", "predikat"),
    (91, None, "Sangat Baik"),
    (76, 90, "Baik"),
    (66, 75, "Cukup"),
    (51, 65, "Kurang"),
    (0, 50, "Sangat Kurang"),
)


def master_values() -> FormValues:
    return FormValues(
        fields=PENGATURAN,
        tables={
            "predikat": PREDIKAT,
            "iku": IKU,
            "program": PROGRAM,
            "unit": UNIT,
            "pegawai": PEGAWAI,
            "penugasan": PENUGASAN,
        },
    )
