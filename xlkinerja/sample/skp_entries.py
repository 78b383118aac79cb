"""SKP workbooks of a few employees, as they filled them (mistakes included)."""

from __future__ import annotations

from datetime import date

from xlkinerja.core.form_data import CellScalar
from xlkinerja.sample.pengaturan import NIP_DIREKTUR
from xlkinerja.sample.rows import rows

RHK = (
    "jenis",
    "rhk_pimpinan",
    "kode_rhk",
    "rhk",
    "kode_iki",
    "aspek",
    "iki",
    "target",
    "target_bawah",
    "target_atas",
    "satuan",
    "perspektif",
)
MANUAL = ("kode_iki", "definisi", "formula", "tujuan", "sumber_data", "frekuensi")
REALISASI = ("kode_iki", "periode", "realisasi", "bukti_dukung", "umpan_balik")

SkpEntry = dict[str, object]


def _realisasi(kode: str, *values: CellScalar) -> list[tuple[CellScalar, ...]]:
    tw = ("TW I", "TW II", "TW III", "TW IV")
    return [
        (kode, tw[i], v, f"https://drive.contoh.ac.id/skp/{kode}/{tw[i]}", None)
        for i, v in enumerate(values)
    ]


def _penilai(nama: str, nip: str, jabatan: str) -> dict[str, CellScalar]:
    return {"penilai_nama": nama, "penilai_nip": nip, "penilai_jabatan": jabatan}


KAJUR_TI = _penilai(
    "Dr. Andi Pratama, S.Kom., M.Kom.", "197803152005011002", "Ketua Jurusan Teknik Informatika"
)
COMMON = {
    "periode_mulai": date(2025, 1, 1),
    "periode_selesai": date(2025, 12, 31),
    "model": "dasar",
    "status": "disahkan",
    "tanggal": date(2025, 1, 24),
    # Evaluation by the pejabat penilai: sesuai × sesuai gives predikat Baik.
    "rating_hasil_kerja": "sesuai ekspektasi",
    "rating_perilaku": "sesuai ekspektasi",
}

SKP_ENTRIES: dict[str, SkpEntry] = {
    # The head of TI: RHK come from the unit's PK; the leader's RHK are the IKU.
    "197803152005011002": {
        "unit": "TI",
        "fields": {
            **COMMON,
            "jenis_jabatan": "JF",
            **_penilai("Dr. Ir. Hendra Wijaya, M.T.", NIP_DIREKTUR, "Direktur"),
        },
        "rhk": rows(
            RHK,
            (
                "Utama",
                "IKU-1",
                "RHK-1",
                "Meningkatnya lulusan Teknik Informatika yang terserap dunia kerja",
                "IKI-1.1",
                "kuantitas",
                "Persentase lulusan bekerja, studi lanjut, atau berwiraswasta",
                78,
                None,
                None,
                "%",
                None,
            ),
            (
                "Utama",
                "IKU-3",
                "RHK-2",
                "Meningkatnya lulusan bersertifikat kompetensi",
                "IKI-2.1",
                "kuantitas",
                "Jumlah lulusan bersertifikat kompetensi",
                200,
                None,
                None,
                "orang",
                None,
            ),
            (
                "Utama",
                "IKU-6",
                "RHK-3",
                "Terjalinnya kerja sama program studi dengan mitra",
                "IKI-3.1",
                "kuantitas",
                "Persentase program studi bekerja sama dengan mitra",
                100,
                None,
                None,
                "%",
                None,
            ),
            (
                "Utama",
                "IKU-6",
                "RHK-3",
                "Terjalinnya kerja sama program studi dengan mitra",
                "IKI-3.2",
                "waktu",
                "Perjanjian kerja sama ditandatangani paling lambat bulan ke-",
                6,
                None,
                None,
                "bulan",
                None,
            ),
        ),
        "manual": rows(
            MANUAL,
            (
                "IKI-1.1",
                "Lulusan D4 TI yang bekerja, studi lanjut atau berwiraswasta dalam 1 tahun",
                "lulusan terserap / responden tracer study × 100",
                "Mengukur relevansi lulusan",
                "Tracer study",
                "tahunan",
            ),
            (
                "IKI-2.1",
                "Lulusan yang memegang sertifikat kompetensi BNSP",
                "jumlah lulusan bersertifikat",
                "Mengukur daya saing lulusan",
                "LSP P1",
                "triwulanan",
            ),
        ),
        "realisasi": rows(
            REALISASI, *_realisasi("IKI-1.1", 22, 41, 66), *_realisasi("IKI-2.1", 0, 64, 78)
        ),
    },
    "198811032014041001": {
        "unit": "TI",
        "fields": {**COMMON, "jenis_jabatan": "JF", **KAJUR_TI},
        "rhk": rows(
            RHK,
            (
                "Utama",
                "IKK-TI-3",
                "RHK-1",
                "Terlaksananya uji kompetensi mahasiswa",
                "IKI-1.1",
                "kuantitas",
                "Jumlah mahasiswa lulus uji kompetensi",
                120,
                None,
                None,
                "orang",
                None,
            ),
            (
                "Utama",
                "IKK-TI-3",
                "RHK-1",
                "Terlaksananya uji kompetensi mahasiswa",
                "IKI-1.2",
                "kualitas",
                "Persentase peserta lulus uji kompetensi",
                85,
                None,
                None,
                "%",
                None,
            ),
            (
                "Utama",
                "IKK-TI-1",
                "RHK-2",
                "Terlaksananya tracer study lulusan",
                "IKI-2.1",
                "kuantitas",
                "Jumlah responden tracer study",
                150,
                None,
                None,
                "orang",
                None,
            ),
            (
                "Tambahan",
                None,
                "RHK-3",
                "Menjadi panitia penerimaan mahasiswa baru",
                "IKI-3.1",
                "kuantitas",
                "Jumlah kegiatan PMB yang diikuti",
                1,
                None,
                None,
                "kegiatan",
                None,
            ),
        ),
        "manual": rows(
            MANUAL,
            (
                "IKI-1.1",
                "Mahasiswa TI yang dinyatakan kompeten oleh LSP P1",
                "jumlah peserta kompeten",
                "Mendukung IKK-TI-3",
                "Berita acara LSP",
                "triwulanan",
            ),
            (
                "IKI-2.1",
                "Lulusan yang mengisi tracer study",
                "jumlah responden",
                "Mendukung IKK-TI-1",
                "Sistem tracer study",
                "triwulanan",
            ),
        ),
        "realisasi": rows(
            REALISASI, *_realisasi("IKI-1.1", 0, 40, 48), *_realisasi("IKI-2.1", 20, 55, 29)
        ),
    },
    "199002142015042002": {
        "unit": "TI",
        "fields": {
            **COMMON,
            "status": "diajukan",
            "tanggal": None,
            "jenis_jabatan": "JF",
            **KAJUR_TI,
        },
        "rhk": rows(
            RHK,
            # PLANTED: RHK utama with only a kualitas IKI (kuantitas is mandatory).
            (
                "Utama",
                "IKK-TI-4",
                "RHK-1",
                "Terlaksananya kegiatan dosen di industri",
                "IKI-1.1",
                "kualitas",
                "Persentase laporan kegiatan yang diterima mitra",
                100,
                None,
                None,
                "%",
                None,
            ),
            # PLANTED: IKK-TI-9 does not exist (meant IKK-TI-3).
            (
                "Utama",
                "IKK-TI-9",
                "RHK-2",
                "Terlaksananya uji kompetensi mahasiswa",
                "IKI-2.1",
                "kuantitas",
                "Jumlah mahasiswa lulus uji kompetensi",
                80,
                None,
                None,
                "orang",
                None,
            ),
        ),
        "manual": rows(
            MANUAL,
            (
                "IKI-2.1",
                "Mahasiswa yang dinyatakan kompeten",
                "jumlah peserta kompeten",
                "Mendukung IKK-TI-3",
                "Berita acara LSP",
                "triwulanan",
            ),
        ),
        "realisasi": rows(REALISASI, *_realisasi("IKI-2.1", 0, 24, 30)),
    },
    "199409092020122001": {
        "unit": "P3M",
        "fields": {
            **COMMON,
            "jenis_jabatan": "JA",
            **_penilai("Dr. Eko Prasetyo, S.T., M.T.", "197611052003121001", "Kepala P3M"),
            "rating_hasil_kerja": "di atas ekspektasi",
            "rating_perilaku": "di atas ekspektasi",
        },
        "rhk": rows(
            RHK,
            (
                "Utama",
                "IKK-P3M-1",
                "RHK-1",
                "Tersedianya data luaran penelitian yang terverifikasi",
                "IKI-1.1",
                "kuantitas",
                "Jumlah luaran terverifikasi",
                40,
                None,
                None,
                "judul",
                None,
            ),
            (
                "Utama",
                "IKK-P3M-1",
                "RHK-1",
                "Tersedianya data luaran penelitian yang terverifikasi",
                "IKI-1.2",
                "waktu",
                "Rekap luaran dikirim paling lambat hari kerja ke-",
                5,
                None,
                None,
                "hari",
                None,
            ),
            (
                "Utama",
                "IKK-P3M-2",
                "RHK-2",
                "Terselenggaranya klinik proposal hibah",
                "IKI-2.1",
                "kuantitas",
                "Jumlah klinik proposal",
                4,
                None,
                None,
                "kegiatan",
                None,
            ),
        ),
        "manual": rows(
            MANUAL,
            (
                "IKI-1.1",
                "Luaran penelitian/pengabdian yang dibuktikan dipakai mitra",
                "jumlah luaran terverifikasi",
                "Mendukung IKK-P3M-1",
                "Basis data P3M",
                "triwulanan",
            ),
            (
                "IKI-2.1",
                "Klinik pendampingan penulisan proposal hibah eksternal",
                "jumlah kegiatan",
                "Mendukung IKK-P3M-2",
                "Daftar hadir",
                "triwulanan",
            ),
        ),
        "realisasi": rows(
            REALISASI, *_realisasi("IKI-1.1", 6, 9, 14), *_realisasi("IKI-2.1", 0, 2, 1)
        ),
    },
}
