"""The keys of the form specs as types: per form, its table keys and field keys; per
table, its column keys; and each over every form. A key written in the code is typed
with one of these, so that the type checker refuses a key the specs do not have.

Generated from the specs by `python -m xlkinerja.specs.keygen`: do not edit by hand
(tests/test_spec_keys.py fails while it is stale).
"""

from typing import Literal

# master: Master Kinerja Institusi
MasterTableKey = Literal["predikat", "iku", "program", "unit", "pegawai", "penugasan"]
MasterFieldKey = Literal[
    "nama_instansi",
    "tempat",
    "tahun",
    "tahun_awal_renstra",
    "nama_pimpinan",
    "nip_pimpinan",
    "jabatan_pimpinan",
    "atasan_pimpinan_nama",
    "atasan_pimpinan_nip",
    "atasan_pimpinan_jabatan",
    "jenis_pk",
    "nomor_pk",
    "kop_logo",
    "kop_alamat",
    "kode_opd",
    "judul_rpjmd",
    "tujuan_renstra",
    "nomor_renstra",
    "batas_pk",
    "batas_ra",
    "skp_mulai",
    "skp_selesai",
    "batas_atas_capaian",
    "ambang_kuning",
    "ambang_hijau",
    "predikat_organisasi",
]
PredikatColumn = Literal["batas_bawah", "batas_atas", "predikat"]
IkuColumn = Literal[
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
    "agregasi",
    "standar_nasional",
    "sumber_standar",
]
ProgramColumn = Literal[
    "kode_program",
    "program",
    "anggaran",
    "kode_ss",
    "realisasi_tw1",
    "realisasi_tw2",
    "realisasi_tw3",
    "realisasi_tw4",
]
UnitColumn = Literal["kode_unit", "nama_unit", "nip_kepala"]
PegawaiColumn = Literal[
    "nip",
    "nama",
    "pangkat",
    "jabatan",
    "jenis_jabatan",
    "kode_unit",
    "nip_atasan",
]
PenugasanColumn = Literal["kode_iku", "kode_unit", "keterangan"]

# unit: Workbook Kinerja Unit
UnitTableKey = Literal["ref_iku", "pk", "anggaran", "ra", "tim", "matriks", "capaian"]
UnitFieldKey = Literal[
    "kode_unit",
    "nama_unit",
    "tahun",
    "pihak_pertama_nama",
    "pihak_pertama_nip",
    "pihak_pertama_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_nip",
    "pihak_kedua_jabatan",
    "nomor",
    "tempat",
    "tanggal",
    "status",
    "tanggal_diajukan",
    "tanggal_disahkan",
    "ra_nomor",
    "ra_disahkan_nama",
    "ra_disahkan_nip",
    "ra_disahkan_jabatan",
    "ra_tanggal_disahkan",
]
RefIkuColumn = Literal[
    "kode_iku",
    "sasaran",
    "indikator",
    "satuan",
    "arah",
    "konsolidasi",
    "target",
    "agregasi",
]
PkColumn = Literal[
    "sasaran",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "konsolidasi",
    "target",
    "kode_iku",
    "metode_kaskade",
]
AnggaranColumn = Literal[
    "program",
    "anggaran",
    "kode_ikk",
    "realisasi_tw1",
    "realisasi_tw2",
    "realisasi_tw3",
    "realisasi_tw4",
]
RaColumn = Literal[
    "kode_ikk",
    "indikator",
    "tw1",
    "tw2",
    "tw3",
    "tw4",
    "aksi",
    "penanggung_jawab",
    "alasan",
]
TimColumn = Literal["nip", "nama", "jabatan", "jenis_jabatan"]
MatriksColumn = Literal[
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
]
CapaianColumn = Literal[
    "kode_ikk",
    "indikator",
    "triwulan",
    "realisasi",
    "bukti_dukung",
    "kendala",
    "tindak_lanjut",
    "pembilang",
    "penyebut",
    "faktor_pendukung",
]

# skp: Sasaran Kinerja Pegawai (SKP)
SkpTableKey = Literal["rhk", "manual", "realisasi"]
SkpFieldKey = Literal[
    "tahun",
    "periode_mulai",
    "periode_selesai",
    "model",
    "nama",
    "nip",
    "pangkat",
    "jabatan",
    "jenis_jabatan",
    "unit",
    "penilai_nama",
    "penilai_nip",
    "penilai_jabatan",
    "status",
    "tanggal",
    "rating_hasil_kerja",
    "rating_perilaku",
]
RhkColumn = Literal[
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
]
ManualColumn = Literal["kode_iki", "definisi", "formula", "tujuan", "sumber_data", "frekuensi"]
RealisasiColumn = Literal["kode_iki", "periode", "realisasi", "bukti_dukung", "umpan_balik"]

# every form
TableKey = Literal[MasterTableKey, UnitTableKey, SkpTableKey]
FieldKey = Literal[MasterFieldKey, UnitFieldKey, SkpFieldKey]
ColumnKey = Literal[
    PredikatColumn,
    IkuColumn,
    ProgramColumn,
    UnitColumn,
    PegawaiColumn,
    PenugasanColumn,
    RefIkuColumn,
    PkColumn,
    AnggaranColumn,
    RaColumn,
    TimColumn,
    MatriksColumn,
    CapaianColumn,
    RhkColumn,
    ManualColumn,
    RealisasiColumn,
]
