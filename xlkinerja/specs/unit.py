"""Unit workbook: PK unit, Rencana Aksi, Matriks Peran-Hasil and Capaian of one unit."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.model import (
    ChoiceFrom,
    Column,
    EarlierVersion,
    Field,
    Form,
    FormKind,
    Lookup,
    Sheet,
    Table,
    ValueType,
)
from xlkinerja.specs.unit_pk import IKK_DROPDOWN, PK, REALISASI_ANGGARAN

T = ValueType

REFERENSI = Sheet(
    name="Referensi IKU",
    title="IKU Institusi yang Diturunkan ke Unit Ini",
    intro="Diisi oleh Unit Perencanaan dari master. Jangan diubah; IKK unit diturunkan "
    "dari IKU di bawah ini.",
    tables=(
        Table(
            key="ref_iku",
            name="tblRefIKU",
            title="IKU induk",
            rows=20,
            locked=True,
            columns=(
                Column("kode_iku", "Kode IKU", T.CODE, width=10),
                Column("sasaran", "Sasaran Strategis", width=34),
                Column("indikator", "Indikator Kinerja Utama", width=44),
                Column("satuan", "Satuan", width=12),
                Column("arah", "Arah", T.CHOICE, choices=ch.ARAH, width=8),
                Column("konsolidasi", "Konsolidasi", T.CHOICE, choices=ch.KONSOLIDASI, width=13),
                Column("target", "Target Institusi", T.NUMBER, width=12),
                Column("agregasi", "Agregasi", T.CHOICE, choices=ch.AGREGASI, width=11),
            ),
        ),
    ),
)

LOOKUP_INDIKATOR = Lookup(table="pk", column="indikator", key="kode_ikk", match="kode_ikk")
SATUAN_IKK = Lookup(table="pk", column="satuan", key="kode_ikk", match="kode_ikk")

RENCANA_AKSI = Sheet(
    name="Rencana Aksi",
    title="Rencana Aksi",
    intro="Target triwulan KUMULATIF per IKK (TW II = Januari–Juni). Target TW IV sama dengan "
    "target PK; jika berbeda, tulis alasannya. Rencana Aksi disusun oleh PIHAK PERTAMA PK "
    "dan disahkan oleh pimpinan (xlkinerja dokumen ra mencetaknya untuk ditandatangani).",
    fields=(
        Field(
            "ra_nomor",
            "ra_nomor",
            "Nomor dokumen RA",
            help="Nomor surat Rencana Aksi, bila ada; kosong: dokumen tanpa nomor.",
        ),
        Field("ra_disahkan_nama", "ra_disahkan_nama", "Disahkan oleh: nama"),
        Field("ra_disahkan_nip", "ra_disahkan_nip", "Disahkan oleh: NIP", T.CODE),
        Field("ra_disahkan_jabatan", "ra_disahkan_jabatan", "Disahkan oleh: jabatan"),
        Field(
            "ra_tanggal_disahkan",
            "ra_tanggal_disahkan",
            "Tanggal disahkan RA",
            T.DATE,
            help="Tanggal Rencana Aksi ditandatangani pengesahnya (dd/mm/yyyy); dibandingkan "
            "dengan batas pengumpulan Rencana Aksi di master.",
        ),
    ),
    tables=(
        Table(
            key="ra",
            name="tblRA",
            title="Rencana Aksi per IKK",
            rows=40,
            columns=(
                Column(
                    "kode_ikk",
                    "Kode IKK",
                    T.CODE,
                    required=True,
                    unique=True,
                    choices=IKK_DROPDOWN,
                    width=13,
                ),
                Column("indikator", "Indikator Kinerja", width=36, lookup=LOOKUP_INDIKATOR),
                Column("tw1", "Target TW I", T.NUMBER, width=10, satuan_from=SATUAN_IKK),
                Column("tw2", "Target TW II", T.NUMBER, width=10, satuan_from=SATUAN_IKK),
                Column("tw3", "Target TW III", T.NUMBER, width=10, satuan_from=SATUAN_IKK),
                Column(
                    "tw4",
                    "Target TW IV",
                    T.NUMBER,
                    required=True,
                    width=10,
                    satuan_from=SATUAN_IKK,
                ),
                Column("aksi", "Rencana Aksi", required=True, width=40),
                Column("penanggung_jawab", "Penanggung Jawab", required=True, width=24),
                Column("alasan", "Alasan jika TW IV ≠ Target PK", width=28),
            ),
        ),
    ),
)

MATRIKS = Sheet(
    name="Matriks Peran-Hasil",
    title="Matriks Peran-Hasil",
    intro="Satu baris per pegawai per IKK pimpinan yang diintervensi. Peran/hasil menjadi "
    "RHK dalam SKP pegawai (hasil dialog kinerja).",
    tables=(
        Table(
            key="tim",
            name="tblTim",
            title="Anggota tim (dari master pegawai)",
            rows=30,
            locked=True,
            columns=(
                Column("nip", "NIP", T.CODE, width=21),
                Column("nama", "Nama", width=28),
                Column("jabatan", "Jabatan", width=24),
                Column(
                    "jenis_jabatan", "Jenis Jabatan", T.CHOICE, choices=ch.JENIS_JABATAN, width=13
                ),
            ),
        ),
        Table(
            key="matriks",
            name="tblMatriks",
            title="Peran dan hasil anggota tim",
            rows=150,
            columns=(
                Column(
                    "nip",
                    "NIP Pegawai",
                    T.CODE,
                    required=True,
                    pattern=ch.POLA_NIP,
                    choices=ChoiceFrom("tim", "nip"),
                    width=21,
                ),
                Column("nama", "Nama Pegawai", required=True, width=28),
                Column("jabatan", "Jabatan", width=24),
                Column(
                    "kode_ikk",
                    "IKK Pimpinan",
                    T.CODE,
                    required=True,
                    choices=IKK_DROPDOWN,
                    width=13,
                ),
                Column("rhk", "Peran/Hasil (RHK)", required=True, width=40),
                Column("aspek", "Aspek", T.CHOICE, required=True, choices=ch.ASPEK, width=11),
                Column("iki", "Indikator Kinerja Individu", required=True, width=36),
                Column("target", "Target", T.NUMBER, width=9, satuan_from="satuan"),
                Column("satuan", "Satuan", width=11),
                Column(
                    "metode_kaskade",
                    "Metode Kaskade",
                    T.CHOICE,
                    choices=ch.METODE_KASKADE,
                    width=15,
                ),
            ),
        ),
    ),
)

CAPAIAN = Sheet(
    name="Capaian",
    title="Capaian Kinerja Triwulan",
    intro="Realisasi triwulan itu saja; xlkinerja menggabungkannya sesuai konsolidasi IKK "
    "(kumulatif: dijumlah, terakhir: nilai terbaru, rata-rata). Kendala wajib jika capaian "
    "di bawah 100%.",
    tables=(
        Table(
            key="capaian",
            name="tblCapaian",
            title="Realisasi per IKK per triwulan",
            rows=160,
            columns=(
                Column(
                    "kode_ikk", "Kode IKK", T.CODE, required=True, choices=IKK_DROPDOWN, width=13
                ),
                Column("indikator", "Indikator Kinerja", width=34, lookup=LOOKUP_INDIKATOR),
                Column(
                    "triwulan", "Triwulan", T.CHOICE, required=True, choices=ch.TRIWULAN, width=9
                ),
                Column(
                    "realisasi",
                    "Realisasi",
                    T.NUMBER,
                    width=11,
                    satuan_from=SATUAN_IKK,
                    help="Realisasi triwulan ini saja, bukan jumlah sejak Januari "
                    "(untuk IKK kumulatif xlkinerja yang menjumlahkan).",
                ),
                Column(
                    "bukti_dukung", "Bukti Dukung", width=30, help="Tautan atau nama berkas bukti."
                ),
                Column("kendala", "Kendala", width=30),
                Column("tindak_lanjut", "Tindak Lanjut", width=30),
                Column(
                    "pembilang",
                    "Pembilang",
                    T.NUMBER,
                    width=10,
                    help="Untuk IKU beragregasi rasio (lihat Referensi IKU): pembilang "
                    "realisasi, mis. jumlah lulusan yang bekerja.",
                ),
                Column(
                    "penyebut",
                    "Penyebut",
                    T.NUMBER,
                    width=10,
                    help="Untuk IKU beragregasi rasio: penyebut realisasi, mis. jumlah "
                    "lulusan. Realisasi = pembilang / penyebut × 100.",
                ),
                Column(
                    "faktor_pendukung",
                    "Faktor Pendukung",
                    width=30,
                    help="Yang membuat target tercapai (Laporan Kinerja: penyebab keberhasilan).",
                ),
            ),
        ),
    ),
)

ADDED_REALISASI = tuple(c.key for c in REALISASI_ANGGARAN)

RA_FIELDS = ("ra_nomor", "ra_disahkan_nama", "ra_disahkan_nip", "ra_disahkan_jabatan")
# The finding of a workbook that lacks them is on the first one's sheet: Rencana Aksi
ADDED_FIELDS = (*RA_FIELDS, "ra_tanggal_disahkan", "nomor")

UNIT = Form(
    id=FormKind.UNIT,
    version="1.3",
    earlier=(
        EarlierVersion(
            "1.2",
            "a3ff64728a94989e",
            added=(),
            fields_added=ADDED_FIELDS,
            lacks="isian pengesahan Rencana Aksi (nomor, disahkan oleh, tanggal disahkan) dan "
            "nomor dokumen PK",
        ),
        EarlierVersion(
            "1.1",
            "358ebe7b75d0e4df",
            added=(
                ("capaian", ("faktor_pendukung",)),
                ("anggaran", ("kode_ikk", *ADDED_REALISASI)),
            ),
            lacks="kolom Realisasi anggaran per triwulan di lembar PK dan Faktor Pendukung di "
            "lembar Capaian",
            fields_added=ADDED_FIELDS,
        ),
        EarlierVersion(
            "1.0",
            "1324d2c78c2951bf",
            added=(
                ("capaian", ("pembilang", "penyebut", "faktor_pendukung")),
                ("anggaran", ("kode_ikk", *ADDED_REALISASI)),
                ("ref_iku", ("agregasi",)),
            ),
            lacks="kolom Pembilang dan Penyebut di lembar Capaian",
            fields_added=ADDED_FIELDS,
        ),
    ),
    title="Workbook Kinerja Unit",
    purpose="Perjanjian Kinerja unit, Rencana Aksi, Matriks Peran-Hasil dan capaian "
    "triwulan satu unit kerja.",
    filled_by="Unit kerja (jurusan, pusat, bagian, UPT)",
    steps=(
        "Baca lembar Referensi IKU: IKU institusi yang harus diturunkan unit ini.",
        "Isi lembar PK: data penandatangan dan lampiran IKK (setiap IKK menyebut IKU induknya).",
        "Isi Rencana Aksi: target triwulan kumulatif dan aksi per IKK.",
        "Isi Matriks Peran-Hasil bersama anggota tim (dialog kinerja).",
        "Setiap triwulan isi lembar Capaian beserta bukti dukung dan kendala.",
        "Tekan Validasi (atau jalankan xlkinerja validasi) sebelum mengirim ke Unit Perencanaan.",
    ),
    sheets=(REFERENSI, PK, RENCANA_AKSI, MATRIKS, CAPAIAN),
)
