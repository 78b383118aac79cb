"""Master workbook: kept by the planning unit (Unit Perencanaan / Tim SAKIP)."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.model import (
    ChoiceFrom,
    Column,
    EarlierVersion,
    Field,
    Form,
    FormKind,
    Sheet,
    Table,
    ValueType,
)

T = ValueType

PENGATURAN = Sheet(
    name="Pengaturan",
    title="Pengaturan Instansi",
    intro="Data instansi, tahun kinerja, batas waktu dan aturan penilaian.",
    landscape=False,
    fields=(
        Field("nama_instansi", "mst_nama_instansi", "Nama instansi", required=True),
        Field("tempat", "mst_tempat", "Kota (tempat penandatanganan)", required=True),
        Field(
            "tahun",
            "mst_tahun",
            "Tahun kinerja",
            T.INTEGER,
            required=True,
            help="Tahun Perjanjian Kinerja, mis. 2025.",
        ),
        Field(
            "tahun_awal_renstra",
            "mst_tahun_awal_renstra",
            "Tahun awal Renstra",
            T.INTEGER,
            required=True,
            help="Tahun pertama periode Renstra (5 tahun).",
        ),
        Field("nama_pimpinan", "mst_nama_pimpinan", "Nama pimpinan instansi", required=True),
        Field("nip_pimpinan", "mst_nip_pimpinan", "NIP pimpinan instansi", T.CODE, required=True),
        Field(
            "jabatan_pimpinan", "mst_jabatan_pimpinan", "Jabatan pimpinan instansi", required=True
        ),
        Field(
            "batas_pk",
            "mst_batas_pk",
            "Batas pengesahan PK unit",
            T.DATE,
            required=True,
            help="Default: akhir Februari tahun kinerja.",
        ),
        Field("batas_ra", "mst_batas_ra", "Batas pengumpulan Rencana Aksi", T.DATE),
        Field("skp_mulai", "mst_skp_mulai", "Jendela SKP: mulai", T.DATE),
        Field("skp_selesai", "mst_skp_selesai", "Jendela SKP: selesai", T.DATE),
        Field(
            "batas_atas_capaian",
            "mst_batas_atas_capaian",
            "Batas atas capaian (%)",
            T.NUMBER,
            help="Kosongkan jika tanpa batas; lazim 100, 120 atau 150.",
        ),
        Field(
            "ambang_kuning",
            "mst_ambang_kuning",
            "Ambang status kuning (%)",
            T.NUMBER,
            help="Capaian di bawah angka ini berstatus merah (default 70).",
        ),
        Field(
            "ambang_hijau",
            "mst_ambang_hijau",
            "Ambang status hijau (%)",
            T.NUMBER,
            help="Capaian di atas angka ini berstatus hijau (default 90).",
        ),
        Field(
            "predikat_organisasi",
            "mst_predikat_organisasi",
            "Predikat kinerja organisasi",
            T.CHOICE,
            choices=ch.PREDIKAT_ORGANISASI,
            help="Membatasi sebaran predikat kinerja pegawai (Permen PAN-RB 6/2022).",
        ),
    ),
    tables=(
        Table(
            key="predikat",
            name="tblPredikat",
            title="Skala predikat capaian",
            rows=8,
            help="Rentang capaian (%) dan predikatnya. Default LKjIP.",
            columns=(
                Column("batas_bawah", "Batas bawah", T.NUMBER, required=True, width=12),
                Column(
                    "batas_atas",
                    "Batas atas",
                    T.NUMBER,
                    width=12,
                    help="Kosongkan untuk baris teratas (tanpa batas atas).",
                ),
                Column("predikat", "Predikat", required=True, width=20),
            ),
        ),
    ),
)

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

REALISASI_ANGGARAN = tuple(
    Column(
        f"realisasi_tw{n}",
        f"Realisasi s.d. TW {roman} (Rp)",
        T.NUMBER,
        width=17,
        num_format="#,##0",
        help="Realisasi anggaran program KUMULATIF sejak Januari sampai akhir triwulan ini "
        "(dari aplikasi keuangan); kosong bila triwulan belum berjalan.",
    )
    for n, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
)

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

MASTER = Form(
    id=FormKind.MASTER,
    version="1.3",
    earlier=(
        EarlierVersion(
            "1.2",
            "159e852abdf9e5f4",
            added=(
                ("iku", ("standar_nasional", "sumber_standar")),
                ("program", ("kode_ss", *ADDED_REALISASI)),
            ),
            lacks="kolom Standar Nasional di lembar IKU dan Realisasi anggaran di lembar Program",
        ),
        EarlierVersion(
            "1.1",
            "bfb0b521d1875662",
            added=(
                ("iku", ("agregasi", "standar_nasional", "sumber_standar")),
                ("program", ("kode_ss", *ADDED_REALISASI)),
            ),
            lacks="kolom Agregasi (Manual IKU) di lembar IKU",
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
