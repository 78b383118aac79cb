"""Catalogue entries of the Perjanjian Kinerja and Rencana Aksi checks of one unit workbook."""

from __future__ import annotations

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Severity
from xlkinerja.core.rule import Rule

G, P = Severity.GALAT, Severity.PERINGATAN

PK_RA_RULES: tuple[Rule, ...] = (
    # Perjanjian Kinerja
    Rule(
        Code.PK_KODE_IKU_TIDAK_DIKENAL,
        G,
        "IKU induk tidak dikenal",
        "IKU induk {nilai} tidak ada di lembar Referensi IKU",
        "Pilih IKU induk dari daftar IKU yang diturunkan ke unit ini.",
    ),
    Rule(
        Code.PK_KODE_IKK_UNIT_LAIN,
        P,
        "Kode IKK bukan milik unit",
        "kode IKK tidak memuat kode unit {kode_unit}",
        "Gunakan format IKK-{kode_unit}-<nomor>.",
    ),
    Rule(
        Code.PK_ARAH_BEDA_IKU,
        P,
        "Arah berbeda dengan IKU induk",
        "arah '{nilai}' berbeda dengan arah IKU induk {iku} ('{arah_iku}')",
        "Samakan arah dengan IKU induk atau jelaskan kepada Unit Perencanaan.",
    ),
    Rule(
        Code.PK_IKK_TANPA_RENCANA_AKSI,
        P,
        "IKK tanpa Rencana Aksi",
        "IKK {nilai} belum memiliki baris di lembar Rencana Aksi",
        "Tambahkan target triwulan untuk IKK ini.",
    ),
    Rule(
        Code.PK_TANGGAL_TERLAMBAT,
        P,
        "PK melewati batas waktu",
        "PK ditandatangani {nilai}, melewati batas {batas}",
        "Tanda tangani PK sebelum batas waktu atau catat alasannya.",
    ),
    Rule(
        Code.PK_STATUS_TANGGAL_KOSONG,
        G,
        "Tanggal status kosong",
        "status '{status}' tetapi {kolom_tanggal} kosong",
        "Isi {kolom_tanggal} atau sesuaikan status.",
    ),
    Rule(
        Code.PK_STATUS_URUTAN_TANGGAL,
        G,
        "Urutan tanggal status salah",
        "tanggal disahkan ({nilai}) lebih awal dari tanggal diajukan ({diajukan})",
        "Periksa kedua tanggal.",
    ),
    # Rencana Aksi
    Rule(
        Code.RA_TANGGAL_TERLAMBAT,
        P,
        "Rencana Aksi melewati batas waktu",
        "Rencana Aksi disahkan {nilai}, melewati batas {batas}",
        "Sahkan Rencana Aksi sebelum batas waktu di master atau catat alasannya.",
    ),
    Rule(
        Code.RA_KODE_IKK_TIDAK_DI_PK,
        G,
        "IKK tidak ada di PK",
        "IKK {nilai} tidak ada di lampiran PK",
        "Pilih IKK dari daftar PK.",
    ),
    Rule(
        Code.RA_TW_MENURUN,
        P,
        "Target kumulatif menurun",
        "target {tw} ({nilai}) lebih kecil dari {tw_sebelum} ({sebelum}); target "
        "triwulan bersifat kumulatif",
        "Tulis target kumulatif s.d. triwulan (TW II = Januari–Juni).",
    ),
    Rule(
        Code.RA_TW4_BEDA_TARGET_PK,
        P,
        "TW IV berbeda dengan target PK",
        "target TW IV ({nilai}) berbeda dengan target PK ({target_pk}) tanpa alasan",
        "Samakan dengan target PK atau isi kolom alasan.",
    ),
)
