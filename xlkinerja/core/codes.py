"""Finding codes, typed: a mistyped code is a type error, not a silent catalogue miss.

Three kinds of code (docs/temuan.md lists them all):
- domain codes, fixed, one per domain rule: the members of `Code`, named after the code
  (`Code.PK_KODE_IKU_TIDAK_DIKENAL` is "pk.kode_iku.tidak_dikenal");
- column codes `<scope>.<key>.<rule>`, made for any field or table column the specs
  define: `column_code` (or `NormalTable.code`) with a `ColumnRule`. The scope is the
  table key, or for a single field its sheet (`core.normal.field_scope`);
- error codes, the members of `errors.ErrorCode`: the reason of an error, which is a
  finding too when a workbook cannot be read (`berkas.terenkripsi`, `templat.kolom_hilang`).

Both are `str` (StrEnum members and a NewType), so a `Finding` stores the code as plain
text and every output stays the same; the types only guard where a code is written.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NewType, TypeAlias

from xlkinerja.errors import ErrorCode


class Code(StrEnum):
    """Every domain code; the catalogue holds exactly one rule per member."""

    # Perjanjian Kinerja
    PK_KODE_IKU_TIDAK_DIKENAL = "pk.kode_iku.tidak_dikenal"
    PK_KODE_IKK_UNIT_LAIN = "pk.kode_ikk.unit_lain"
    PK_ARAH_BEDA_IKU = "pk.arah.beda_iku"
    PK_IKK_TANPA_RENCANA_AKSI = "pk.ikk.tanpa_rencana_aksi"
    PK_TANGGAL_TERLAMBAT = "pk.tanggal.terlambat"
    PK_STATUS_TANGGAL_KOSONG = "pk.status.tanggal_kosong"
    PK_STATUS_URUTAN_TANGGAL = "pk.status.urutan_tanggal"
    # Rencana Aksi
    RA_TANGGAL_TERLAMBAT = "ra.tanggal.terlambat"
    RA_KODE_IKK_TIDAK_DI_PK = "ra.kode_ikk.tidak_di_pk"
    RA_TW_MENURUN = "ra.tw.menurun"
    RA_TW4_BEDA_TARGET_PK = "ra.tw4.beda_target_pk"
    # Capaian
    CAPAIAN_KODE_IKK_TIDAK_DI_PK = "capaian.kode_ikk.tidak_di_pk"
    CAPAIAN_BARIS_DUPLIKAT = "capaian.baris.duplikat"
    CAPAIAN_KENDALA_WAJIB = "capaian.kendala.wajib"
    CAPAIAN_KENDALA_MENURUN = "capaian.kendala.menurun"
    CAPAIAN_RASIO_TANPA_PEMBILANG = "capaian.rasio.tanpa_pembilang"
    CAPAIAN_RASIO_TIDAK_SESUAI = "capaian.rasio.tidak_sesuai"
    TEMPLAT_VERSI_LAMA = "templat.versi_lama"
    # Budget realisasi (unit Program/Kegiatan rows, master programs)
    ANGGARAN_REALISASI_NEGATIF = "anggaran.realisasi.negatif"
    ANGGARAN_REALISASI_MENURUN = "anggaran.realisasi.menurun"
    ANGGARAN_REALISASI_MELEBIHI_PAGU = "anggaran.realisasi.melebihi_pagu"
    # SKP
    SKP_ASPEK_KUANTITAS_WAJIB = "skp.aspek.kuantitas_wajib"
    SKP_RHK_PIMPINAN_KOSONG = "skp.rhk_pimpinan.kosong"
    SKP_TARGET_KOSONG = "skp.target.kosong"
    SKP_TARGET_RENTANG_TERBALIK = "skp.target.rentang_terbalik"
    SKP_TANGGAL_DI_LUAR_JENDELA = "skp.tanggal.di_luar_jendela"
    REALISASI_KODE_IKI_TIDAK_DIKENAL = "realisasi.kode_iki.tidak_dikenal"
    MANUAL_KODE_IKI_TIDAK_DIKENAL = "manual.kode_iki.tidak_dikenal"
    # Master
    PEGAWAI_NIP_ATASAN_TIDAK_DIKENAL = "pegawai.nip_atasan.tidak_dikenal"
    PEGAWAI_KODE_UNIT_TIDAK_DIKENAL = "pegawai.kode_unit.tidak_dikenal"
    UNIT_NIP_KEPALA_TIDAK_DIKENAL = "unit.nip_kepala.tidak_dikenal"
    PENUGASAN_KODE_IKU_TIDAK_DIKENAL = "penugasan.kode_iku.tidak_dikenal"
    PENUGASAN_KODE_UNIT_TIDAK_DIKENAL = "penugasan.kode_unit.tidak_dikenal"
    IKU_TARGET_TAHUN_KOSONG = "iku.target.tahun_kosong"
    # The cascade across workbooks
    KASKADE_IKK_IKU_TIDAK_DIKENAL = "kaskade.ikk.iku_tidak_dikenal"
    KASKADE_IKK_IKU_TIDAK_DITUGASKAN = "kaskade.ikk.iku_tidak_ditugaskan"
    KASKADE_IKK_SATUAN_BEDA = "kaskade.ikk.satuan_beda"
    KASKADE_IKK_ARAH_BEDA = "kaskade.ikk.arah_beda"
    KASKADE_IKK_DUPLIKAT_ANTAR_UNIT = "kaskade.ikk.duplikat_antar_unit"
    KASKADE_BEBAN_JUMLAH_TIDAK_SAMA = "kaskade.beban.jumlah_tidak_sama"
    KASKADE_IKU_TIDAK_DITURUNKAN = "kaskade.iku.tidak_diturunkan"
    KASKADE_IKU_UNIT_BELUM_MENGIRIM = "kaskade.iku.unit_belum_mengirim"
    KASKADE_PENUGASAN_BELUM_DITURUNKAN = "kaskade.penugasan.belum_diturunkan"
    KASKADE_UNIT_TIDAK_DIKENAL = "kaskade.unit.tidak_dikenal"
    KASKADE_UNIT_GANDA = "kaskade.unit.ganda"
    KASKADE_SKP_GANDA = "kaskade.skp.ganda"
    KASKADE_SKP_PEGAWAI_TIDAK_DIKENAL = "kaskade.skp.pegawai_tidak_dikenal"
    KASKADE_SKP_PENILAI_BUKAN_ATASAN = "kaskade.skp.penilai_bukan_atasan"
    KASKADE_RHK_PIMPINAN_TIDAK_DIKENAL = "kaskade.rhk_pimpinan.tidak_dikenal"
    KASKADE_SKP_MATRIKS_BELUM_ADA = "kaskade.skp.matriks_belum_ada"
    KASKADE_DISTRIBUSI_MELEBIHI_BATAS = "kaskade.distribusi.melebihi_batas"
    KASKADE_ATASAN_SIKLUS = "kaskade.atasan.siklus"
    # An SKP merged again (kaskade): what the dialog kinerja must align
    KASKADE_KONFLIK_ISIAN_DIGANTI = "kaskade.konflik.isian_diganti"
    KASKADE_KONFLIK_INTERVENSI_BEDA = "kaskade.konflik.intervensi_beda"
    KASKADE_KONFLIK_RUMUSAN_BEDA = "kaskade.konflik.rumusan_beda"
    KASKADE_KONFLIK_TARGET_BEDA = "kaskade.konflik.target_beda"
    KASKADE_KONFLIK_BARIS_TIDAK_DITAMBAHKAN = "kaskade.konflik.baris_tidak_ditambahkan"
    KASKADE_KONFLIK_INTERVENSI_HILANG = "kaskade.konflik.intervensi_hilang"
    MATRIKS_BEBAN_JUMLAH_TIDAK_SAMA = "matriks.beban.jumlah_tidak_sama"


class ColumnRule(StrEnum):
    """The rules every field or column may break: the last part of a column code."""

    KOSONG = "kosong"
    PILIHAN = "pilihan"
    POLA = "pola"
    DUPLIKAT = "duplikat"
    BUKAN_ANGKA = "bukan_angka"
    ANGKA_AMBIGU = "angka_ambigu"
    BUKAN_TANGGAL = "bukan_tanggal"
    TANGGAL_AMBIGU = "tanggal_ambigu"
    GALAT_RUMUS = "galat_rumus"
    RUMUS_TANPA_NILAI = "rumus_tanpa_nilai"
    SKALA_PERSEN = "skala_persen"


ColumnCode = NewType("ColumnCode", str)
"""`<scope>.<key>.<rule>`: made only by `column_code`, never typed out."""

FindingCode: TypeAlias = Code | ColumnCode | ErrorCode
"""What `finding()` takes: a domain code, a column code or an error's code."""


class ErrorKind(StrEnum):
    """What an error code is about (docs/temuan.md groups them so)."""

    BERKAS = "berkas"  # a file given as input cannot be read
    TEMPLAT = "templat"  # the workbook is not the template it should be
    ISIAN = "isian"  # an entry a job needs is missing or wrong
    PENGGUNAAN = "penggunaan"  # the command, its options or the add-in's button
    KELUARAN = "keluaran"  # what xlkinerja writes
    ARSIP = "arsip"  # the archive database
    KONFIGURASI = "konfigurasi"  # settings files: export profiles, the server's keys
    LINGKUNGAN = "lingkungan"  # the installation and the system
    SERVER = "server"  # the server refuses a call


def column_code(scope: str, key: str, rule: ColumnRule) -> ColumnCode:
    return ColumnCode(f"{scope}.{key}.{rule.value}")
