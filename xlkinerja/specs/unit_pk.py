"""The unit workbook's PK sheet: the statement's signatories and dates, the lampiran's
sasaran and IKK, and the programs with their budget and realisasi."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.anggaran import realisasi_columns
from xlkinerja.specs.model import ChoiceFrom, Column, Field, Sheet, Table, ValueType

T = ValueType

IKK_DROPDOWN = ChoiceFrom("pk", "kode_ikk")
REALISASI_ANGGARAN = realisasi_columns()


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
        Field(
            "nomor",
            "pk_nomor",
            "Nomor dokumen PK",
            help="Nomor surat Perjanjian Kinerja, bila ada; kosong: dokumen tanpa nomor.",
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
