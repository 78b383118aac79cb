"""The sample master's Pengaturan sheet: Politeknik Negeri Contoh, its Direktur and the
Direktur's superior (the PK institusi's two parties), the kop and the PK's number, the
year, the deadlines and the rules of assessment."""

from __future__ import annotations

from datetime import date

from xlkinerja.core.form_data import CellScalar

TAHUN = 2025
NIP_DIREKTUR = "197005121995031001"
DIREKTUR = {
    "nama_pimpinan": "Dr. Ir. Hendra Wijaya, M.T.",
    "nip_pimpinan": NIP_DIREKTUR,
    "jabatan_pimpinan": "Direktur",
}

PENGATURAN: dict[str, CellScalar] = {
    "nama_instansi": "Politeknik Negeri Contoh",
    "tempat": "Kota Contoh",
    "tahun": TAHUN,
    "tahun_awal_renstra": 2025,
    **DIREKTUR,
    "atasan_pimpinan_nama": "Prof. Dr. Ir. Bambang Sutrisno, M.Sc.",
    "atasan_pimpinan_nip": "196805171993031002",
    "atasan_pimpinan_jabatan": "Direktur Jenderal Pendidikan Vokasi",
    "jenis_pk": "dua pihak",
    "nomor_pk": "001/PNC/PR.03/2025",
    "kop_alamat": "Jalan Pendidikan No. 1, Kota Contoh 12345\n"
    "Telepon (021) 555-0101, laman www.polinec.ac.id",
    # the identity a regional e-SAKIP's master data knows (the sample's own, made up)
    "kode_opd": "1.01",
    "judul_rpjmd": "Rencana Induk Pengembangan Politeknik Negeri Contoh 2025-2029",
    "tujuan_renstra": "Terwujudnya pendidikan tinggi vokasi yang unggul dan berdaya saing",
    "nomor_renstra": "RENSTRA/001/PNC/2025",
    "batas_pk": date(2025, 2, 28),
    "batas_ra": date(2025, 3, 14),
    "skp_mulai": date(2025, 1, 2),
    "skp_selesai": date(2025, 1, 31),
    "batas_atas_capaian": 120,
    "ambang_kuning": 70,
    "ambang_hijau": 90,
    # PLANTED: with an organisation rated Baik, at most 70 % of staff may be Baik;
    # three of the four SKP are Baik (75 %).
    "predikat_organisasi": "Baik",
}
