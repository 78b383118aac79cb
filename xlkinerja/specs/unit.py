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

IKK_DROPDOWN = ChoiceFrom("pk", "kode_ikk")
REALISASI_ANGGARAN = tuple(
    Column(
        f"realisasi_tw{n}",
        f"Realisasi s.d. TW {roman} (Rp)",
        T.NUMBER,
        width=17,
        num_format="#,##0",
        help="Realisasi anggaran KUMULATIF sejak Januari sampai akhir triwulan ini (dari "
        "aplikasi keuangan); kosong bila triwulan belum berjalan.",
    )
    for n, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
)


PK = Sheet(
    name="PK",
    title="Perjanjian Kinerja Unit",
    intro="Pernyataan dan lampiran Perjanjian Kinerja (Permen PAN-RB 53/2014).",
    fields=(
        Field("kode_unit", "pk_kode_unit", "Kode unit", T.CODE, required=True, locked=True),
        Field("nama_unit", "pk_nama_unit", "Nama unit", required=True, locked=True),
        Field("tahun", "pk_tahun", "Tahun", T.INTEGER, required=True, locked=True),
        Field("pihak_pertama_nama", "pk_pihak_pertama_nama", "PIHAK PERTAMA: nama", required=True),
        Field(
            "pihak_pertama_nip", "pk_pihak_pertama_nip", "PIHAK PERTAMA: NIP", T.CODE, required=True
        ),
        Field(
            "pihak_pertama_jabatan",
            "pk_pihak_pertama_jabatan",
            "PIHAK PERTAMA: jabatan",
            required=True,
        ),
        Field("pihak_kedua_nama", "pk_pihak_kedua_nama", "PIHAK KEDUA: nama", required=True),
        Field("pihak_kedua_nip", "pk_pihak_kedua_nip", "PIHAK KEDUA: NIP", T.CODE, required=True),
        Field(
            "pihak_kedua_jabatan", "pk_pihak_kedua_jabatan", "PIHAK KEDUA: jabatan", required=True
        ),
        Field("tempat", "pk_tempat", "Tempat", required=True),
        Field(
            "tanggal",
            "pk_tanggal",
            "Tanggal penandatanganan",
            T.DATE,
            help="Tanggal PK ditandatangani (dd/mm/yyyy).",
        ),
        Field(
            "status",
            "pk_status",
            "Status dokumen",
            T.CHOICE,
            required=True,
            choices=ch.STATUS_DOKUMEN,
            help="draft → diajukan (ke Unit Perencanaan) → disahkan.",
        ),
        Field("tanggal_diajukan", "pk_tanggal_diajukan", "Tanggal diajukan", T.DATE),
        Field("tanggal_disahkan", "pk_tanggal_disahkan", "Tanggal disahkan", T.DATE),
    ),
    tables=(
        Table(
            key="pk",
            name="tblPK",
            title="Lampiran: Sasaran dan Indikator Kinerja Kegiatan (IKK)",
            rows=40,
            columns=(
                Column("sasaran", "Sasaran Kegiatan", required=True, width=32),
                Column(
                    "kode_ikk",
                    "Kode IKK",
                    T.CODE,
                    required=True,
                    unique=True,
                    pattern=ch.POLA_IKK,
                    width=13,
                    help="Format IKK-<kode unit>-<nomor>, mis. IKK-TI-1.",
                ),
                Column("indikator", "Indikator Kinerja", required=True, width=40),
                Column("satuan", "Satuan", required=True, width=11),
                Column("arah", "Arah", T.CHOICE, required=True, choices=ch.ARAH, width=8),
                Column(
                    "konsolidasi",
                    "Konsolidasi",
                    T.CHOICE,
                    required=True,
                    choices=ch.KONSOLIDASI,
                    width=13,
                ),
                Column("target", "Target", T.NUMBER, required=True, width=10, satuan_from="satuan"),
                Column(
                    "kode_iku",
                    "IKU Induk",
                    T.CODE,
                    required=True,
                    choices=ChoiceFrom("ref_iku", "kode_iku"),
                    width=10,
                    help="IKU institusi yang diturunkan menjadi IKK ini.",
                ),
                Column(
                    "metode_kaskade",
                    "Metode Kaskade",
                    T.CHOICE,
                    required=True,
                    choices=ch.METODE_KASKADE,
                    width=15,
                    help="beban target: target unit-unit dijumlahkan = target IKU.",
                ),
            ),
        ),
        Table(
            key="anggaran",
            name="tblAnggaran",
            title="Lampiran: Program/Kegiatan dan Anggaran",
            rows=15,
            columns=(
                Column("program", "Program/Kegiatan", required=True, width=50),
                Column(
                    "anggaran",
                    "Anggaran (Rp)",
                    T.NUMBER,
                    required=True,
                    width=20,
                    num_format="#,##0",
                ),
                Column(
                    "kode_ikk",
                    "IKK yang didukung",
                    T.CODE,
                    choices=IKK_DROPDOWN,
                    width=13,
                    help="Kode IKK yang hasilnya didukung program/kegiatan ini (Laporan Kinerja: "
                    "program pendukung setiap sasaran).",
                ),
                *REALISASI_ANGGARAN,
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
    "target PK; jika berbeda, tulis alasannya.",
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

UNIT = Form(
    id=FormKind.UNIT,
    version="1.2",
    earlier=(
        EarlierVersion(
            "1.1",
            "358ebe7b75d0e4df",
            added=(
                ("capaian", ("faktor_pendukung",)),
                ("anggaran", ("kode_ikk", *ADDED_REALISASI)),
            ),
            lacks="kolom Realisasi anggaran per triwulan di lembar PK dan Faktor Pendukung di "
            "lembar Capaian",
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
