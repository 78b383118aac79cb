"""Master workbook: kept by the planning unit (Unit Perencanaan / Tim SAKIP)."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.anggaran import realisasi_columns
from xlkinerja.specs.master_pengaturan import PENGATURAN
from xlkinerja.specs.model import (
    ChoiceFrom,
    Column,
    EarlierVersion,
    Form,
    FormKind,
    Sheet,
    Table,
    ValueType,
)

T = ValueType

RENSTRA = Sheet(
    name="IKU",
    title="Renstra dan Perjanjian Kinerja Institusi",
    intro="Sasaran strategis dan Indikator Kinerja Utama (IKU) beserta target tahunan Renstra.",
    tables=(
        Table(
            key="iku",
            name="tblIKU",
            title="Indikator Kinerja Utama",
            rows=40,
            columns=(
                Column("kode_ss", "Kode SS", T.CODE, required=True, pattern=ch.POLA_SS, width=9),
                Column("sasaran", "Sasaran Strategis", required=True, width=36),
                Column(
                    "kode_iku",
                    "Kode IKU",
                    T.CODE,
                    required=True,
                    unique=True,
                    pattern=ch.POLA_IKU,
                    width=10,
                ),
                Column("indikator", "Indikator Kinerja", required=True, width=44),
                Column("satuan", "Satuan", required=True, width=12),
                Column(
                    "jenis", "Jenis", T.CHOICE, required=True, choices=ch.JENIS_INDIKATOR, width=13
                ),
                Column(
                    "arah",
                    "Arah",
                    T.CHOICE,
                    required=True,
                    choices=ch.ARAH,
                    width=8,
                    help="naik: makin tinggi makin baik; turun: makin rendah makin baik.",
                ),
                Column(
                    "konsolidasi",
                    "Konsolidasi",
                    T.CHOICE,
                    required=True,
                    choices=ch.KONSOLIDASI,
                    width=13,
                    help="Cara menggabungkan realisasi triwulan.",
                ),
                Column("target_1", "Target Tahun 1", T.NUMBER, width=10, satuan_from="satuan"),
                Column("target_2", "Target Tahun 2", T.NUMBER, width=10, satuan_from="satuan"),
                Column("target_3", "Target Tahun 3", T.NUMBER, width=10, satuan_from="satuan"),
                Column("target_4", "Target Tahun 4", T.NUMBER, width=10, satuan_from="satuan"),
                Column("target_5", "Target Tahun 5", T.NUMBER, width=10, satuan_from="satuan"),
                Column(
                    "agregasi",
                    "Agregasi",
                    T.CHOICE,
                    choices=ch.AGREGASI,
                    width=11,
                    help="Cara menggabungkan realisasi IKK unit menjadi realisasi IKU, menurut "
                    "Manual IKU: jumlah, rata-rata, atau rasio (jumlah pembilang dibagi jumlah "
                    "penyebut, mis. persentase lulusan bekerja). Kosong: jumlah untuk IKU yang "
                    "dibagi dengan beban target, rata-rata untuk lainnya.",
                ),
                Column(
                    "standar_nasional",
                    "Standar Nasional",
                    T.NUMBER,
                    width=11,
                    satuan_from="satuan",
                    help="Nilai standar nasional IKU ini bila ada (mis. rata-rata nasional); "
                    "Laporan Kinerja membandingkan realisasi dengannya.",
                ),
                Column(
                    "sumber_standar",
                    "Sumber Standar",
                    width=30,
                    help="Asal nilai standar nasional, mis. peraturan atau laporan resmi dan "
                    "tahunnya.",
                ),
            ),
        ),
    ),
)

REALISASI_ANGGARAN = realisasi_columns("program ")

PROGRAM = Sheet(
    name="Program",
    title="Program dan Anggaran Institusi",
    tables=(
        Table(
            key="program",
            name="tblProgram",
            title="Program/Kegiatan",
            rows=30,
            columns=(
                Column(
                    "kode_program", "Kode Program", T.CODE, required=True, unique=True, width=14
                ),
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
                    "kode_ss",
                    "Sasaran yang didukung",
                    T.CODE,
                    choices=ChoiceFrom("iku", "kode_ss"),
                    width=12,
                    help="Kode sasaran strategis yang hasilnya didukung program ini (Laporan "
                    "Kinerja: program pendukung setiap sasaran).",
                ),
                *REALISASI_ANGGARAN,
            ),
        ),
    ),
)

UNIT = Sheet(
    name="Unit",
    title="Unit Kerja",
    tables=(
        Table(
            key="unit",
            name="tblUnit",
            title="Unit kerja dan kepalanya",
            rows=60,
            columns=(
                Column(
                    "kode_unit",
                    "Kode Unit",
                    T.CODE,
                    required=True,
                    unique=True,
                    pattern=ch.POLA_UNIT,
                    width=11,
                ),
                Column("nama_unit", "Nama Unit", required=True, width=40),
                Column(
                    "nip_kepala", "NIP Kepala", T.CODE, required=True, pattern=ch.POLA_NIP, width=21
                ),
            ),
        ),
    ),
)

PEGAWAI = Sheet(
    name="Pegawai",
    title="Pegawai",
    tables=(
        Table(
            key="pegawai",
            name="tblPegawai",
            title="Daftar pegawai",
            rows=400,
            columns=(
                Column(
                    "nip", "NIP", T.CODE, required=True, unique=True, pattern=ch.POLA_NIP, width=21
                ),
                Column("nama", "Nama", required=True, width=32),
                Column("pangkat", "Pangkat/Golongan", width=22),
                Column("jabatan", "Jabatan", required=True, width=32),
                Column(
                    "jenis_jabatan",
                    "Jenis Jabatan",
                    T.CHOICE,
                    required=True,
                    choices=ch.JENIS_JABATAN,
                    width=10,
                ),
                Column(
                    "kode_unit",
                    "Kode Unit",
                    T.CODE,
                    choices=ChoiceFrom("unit", "kode_unit"),
                    width=11,
                    help="Kosong hanya untuk pimpinan instansi.",
                ),
                Column(
                    "nip_atasan",
                    "NIP Atasan",
                    T.CODE,
                    pattern=ch.POLA_NIP,
                    width=21,
                    help="Kosong hanya untuk pimpinan instansi.",
                ),
            ),
        ),
    ),
)

PENUGASAN = Sheet(
    name="Penugasan IKU",
    title="Penugasan IKU ke Unit",
    intro="Unit mana yang menurunkan IKU mana menjadi IKK.",
    landscape=False,
    tables=(
        Table(
            key="penugasan",
            name="tblPenugasan",
            title="IKU yang diturunkan ke unit",
            rows=200,
            columns=(
                Column(
                    "kode_iku",
                    "Kode IKU",
                    T.CODE,
                    required=True,
                    choices=ChoiceFrom("iku", "kode_iku"),
                    width=10,
                ),
                Column(
                    "kode_unit",
                    "Kode Unit",
                    T.CODE,
                    required=True,
                    choices=ChoiceFrom("unit", "kode_unit"),
                    width=11,
                ),
                Column("keterangan", "Keterangan", width=40),
            ),
        ),
    ),
)

ADDED_REALISASI = tuple(c.key for c in REALISASI_ANGGARAN)

ADDED_FIELDS = (
    "atasan_pimpinan_nama",
    "atasan_pimpinan_nip",
    "atasan_pimpinan_jabatan",
    "jenis_pk",
    "nomor_pk",
    "kop_logo",
    "kop_alamat",
)

ESAKIP_FIELDS = ("kode_opd", "judul_rpjmd", "tujuan_renstra", "nomor_renstra")

MASTER = Form(
    id=FormKind.MASTER,
    version="1.5",
    earlier=(
        EarlierVersion(
            "1.4",
            "53c609a223151adc",
            added=(),
            fields_added=ESAKIP_FIELDS,
            lacks="identitas e-SAKIP daerah (kode OPD, judul RPJMD), tujuan dan nomor Renstra "
            "di lembar Pengaturan",
        ),
        EarlierVersion(
            "1.3",
            "68fc58670824808f",
            added=(),
            fields_added=(*ADDED_FIELDS, *ESAKIP_FIELDS),
            lacks="isian atasan pimpinan (PIHAK KEDUA PK institusi), jenis PK, nomor PK dan "
            "kop di lembar Pengaturan",
        ),
        EarlierVersion(
            "1.2",
            "159e852abdf9e5f4",
            added=(
                ("iku", ("standar_nasional", "sumber_standar")),
                ("program", ("kode_ss", *ADDED_REALISASI)),
            ),
            lacks="kolom Standar Nasional di lembar IKU dan Realisasi anggaran di lembar Program",
            fields_added=(*ADDED_FIELDS, *ESAKIP_FIELDS),
        ),
        EarlierVersion(
            "1.1",
            "bfb0b521d1875662",
            added=(
                ("iku", ("agregasi", "standar_nasional", "sumber_standar")),
                ("program", ("kode_ss", *ADDED_REALISASI)),
            ),
            lacks="kolom Agregasi (Manual IKU) di lembar IKU",
            fields_added=(*ADDED_FIELDS, *ESAKIP_FIELDS),
        ),
    ),
    title="Master Kinerja Institusi",
    purpose="Data induk siklus SAKIP: pengaturan, IKU Renstra, program, unit, pegawai, "
    "dan penugasan IKU ke unit.",
    filled_by="Unit Perencanaan / Tim SAKIP",
    steps=(
        "Isi lembar Pengaturan: instansi, tahun kinerja, pimpinan, batas waktu.",
        "Isi IKU Renstra beserta target tahunannya di lembar IKU.",
        "Isi Program, Unit dan Pegawai (NIP atasan membentuk rantai kaskade).",
        "Tentukan unit yang menurunkan setiap IKU di lembar Penugasan IKU.",
        "Jalankan: xlkinerja templat --master BERKAS_INI --output FOLDER "
        "untuk membuat workbook setiap unit.",
    ),
    sheets=(PENGATURAN, RENSTRA, PROGRAM, UNIT, PEGAWAI, PENUGASAN),
)
