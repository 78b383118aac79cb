"""SKP workbook: one employee's Sasaran Kinerja Pegawai (Permen PAN-RB 6/2022)."""

from xlkinerja.specs import choices as ch
from xlkinerja.specs.model import (
    ChoiceFrom,
    Column,
    Field,
    Form,
    FormKind,
    Lookup,
    Sheet,
    Table,
    ValueType,
)

T = ValueType

SKP = Sheet(
    name="SKP",
    title="Sasaran Kinerja Pegawai",
    intro="Bagian A. Utama dan B. Tambahan. Setiap RHK utama wajib memiliki IKI beraspek "
    "kuantitas.",
    fields=(
        Field("tahun", "skp_tahun", "Tahun", T.INTEGER, required=True, locked=True),
        Field("periode_mulai", "skp_periode_mulai", "Periode penilaian: mulai", T.DATE),
        Field("periode_selesai", "skp_periode_selesai", "Periode penilaian: selesai", T.DATE),
        Field(
            "model",
            "skp_model",
            "Model SKP",
            T.CHOICE,
            choices=ch.MODEL_SKP,
            help="dasar, atau pengembangan (perspektif dan rentang target).",
        ),
        Field("nama", "skp_nama", "Pegawai: nama", required=True, locked=True),
        Field("nip", "skp_nip", "Pegawai: NIP", T.CODE, required=True, locked=True),
        Field("pangkat", "skp_pangkat", "Pegawai: pangkat/golongan"),
        Field("jabatan", "skp_jabatan", "Pegawai: jabatan", required=True),
        Field(
            "jenis_jabatan",
            "skp_jenis_jabatan",
            "Jenis jabatan",
            T.CHOICE,
            required=True,
            choices=ch.JENIS_JABATAN,
        ),
        Field("unit", "skp_unit", "Unit kerja", required=True, locked=True),
        Field("penilai_nama", "skp_penilai_nama", "Pejabat penilai: nama", required=True),
        Field("penilai_nip", "skp_penilai_nip", "Pejabat penilai: NIP", T.CODE, required=True),
        Field("penilai_jabatan", "skp_penilai_jabatan", "Pejabat penilai: jabatan"),
        Field(
            "status",
            "skp_status",
            "Status dokumen",
            T.CHOICE,
            required=True,
            choices=ch.STATUS_DOKUMEN,
        ),
        Field("tanggal", "skp_tanggal", "Tanggal penetapan", T.DATE),
        Field(
            "rating_hasil_kerja",
            "skp_rating_hasil_kerja",
            "Evaluasi: rating hasil kerja",
            T.CHOICE,
            choices=ch.RATING,
            help="Diisi pejabat penilai pada evaluasi.",
        ),
        Field(
            "rating_perilaku",
            "skp_rating_perilaku",
            "Evaluasi: rating perilaku",
            T.CHOICE,
            choices=ch.RATING,
            help="Perilaku kerja BerAKHLAK; predikat kinerja dihitung dari kedua rating.",
        ),
    ),
    tables=(
        Table(
            key="rhk",
            name="tblRHK",
            title="Rencana Hasil Kerja dan Indikator Kinerja Individu",
            rows=40,
            help="Satu baris per IKI; RHK dengan beberapa aspek ditulis pada beberapa baris "
            "dengan Kode RHK yang sama.",
            columns=(
                Column("jenis", "Jenis", T.CHOICE, required=True, choices=ch.JENIS_RHK, width=10),
                Column(
                    "rhk_pimpinan",
                    "RHK Pimpinan yang Diintervensi",
                    T.CODE,
                    width=16,
                    help="Kode IKK/RHK atasan; kosong untuk RHK Tambahan.",
                ),
                Column("kode_rhk", "Kode RHK", T.CODE, required=True, pattern=ch.POLA_RHK, width=9),
                Column("rhk", "Rencana Hasil Kerja", required=True, width=36),
                Column(
                    "kode_iki",
                    "Kode IKI",
                    T.CODE,
                    required=True,
                    unique=True,
                    pattern=ch.POLA_IKI,
                    width=9,
                ),
                Column("aspek", "Aspek", T.CHOICE, required=True, choices=ch.ASPEK, width=11),
                Column("iki", "Indikator Kinerja Individu", required=True, width=36),
                Column("target", "Target", T.NUMBER, width=9, satuan_from="satuan"),
                Column(
                    "target_bawah",
                    "Target Batas Bawah",
                    T.NUMBER,
                    width=10,
                    satuan_from="satuan",
                    help="Model pengembangan: rentang target.",
                ),
                Column(
                    "target_atas", "Target Batas Atas", T.NUMBER, width=10, satuan_from="satuan"
                ),
                Column("satuan", "Satuan", required=True, width=11),
                Column(
                    "perspektif",
                    "Perspektif",
                    T.CHOICE,
                    choices=ch.PERSPEKTIF,
                    width=18,
                    help="Khusus JPT model pengembangan.",
                ),
            ),
        ),
    ),
)

IKI_DROPDOWN = ChoiceFrom("rhk", "kode_iki")
SATUAN_IKI = Lookup(table="rhk", column="satuan", key="kode_iki", match="kode_iki")

MANUAL = Sheet(
    name="Manual Indikator",
    title="Manual Indikator Kinerja",
    tables=(
        Table(
            key="manual",
            name="tblManual",
            title="Manual indikator per IKI",
            rows=40,
            columns=(
                Column(
                    "kode_iki",
                    "Kode IKI",
                    T.CODE,
                    required=True,
                    unique=True,
                    choices=IKI_DROPDOWN,
                    width=9,
                ),
                Column("definisi", "Definisi", required=True, width=36),
                Column("formula", "Formula", width=30),
                Column("tujuan", "Tujuan", width=28),
                Column("sumber_data", "Sumber Data", width=24),
                Column("frekuensi", "Frekuensi", T.CHOICE, choices=ch.FREKUENSI, width=12),
            ),
        ),
    ),
)

REALISASI = Sheet(
    name="Realisasi",
    title="Realisasi dan Umpan Balik",
    tables=(
        Table(
            key="realisasi",
            name="tblRealisasi",
            title="Realisasi per IKI per periode",
            rows=160,
            columns=(
                Column(
                    "kode_iki", "Kode IKI", T.CODE, required=True, choices=IKI_DROPDOWN, width=9
                ),
                Column(
                    "periode", "Periode", T.CHOICE, required=True, choices=ch.PERIODE_SKP, width=10
                ),
                Column("realisasi", "Realisasi", T.NUMBER, width=11, satuan_from=SATUAN_IKI),
                Column("bukti_dukung", "Bukti Dukung", width=34),
                Column("umpan_balik", "Umpan Balik Pimpinan", width=34),
            ),
        ),
    ),
)

SKP_FORM = Form(
    id=FormKind.SKP,
    version="1.1",
    title="Sasaran Kinerja Pegawai (SKP)",
    purpose="SKP seorang pegawai menurut Permen PAN-RB 6/2022: RHK, IKI, target, manual "
    "indikator dan realisasi periodik.",
    filled_by="Pegawai, divalidasi pejabat penilai",
    steps=(
        "Periksa identitas pegawai dan pejabat penilai di lembar SKP.",
        "Tulis RHK Utama dari Matriks Peran-Hasil; setiap RHK Utama wajib punya IKI kuantitas.",
        "Isi Manual Indikator untuk setiap IKI.",
        "Setiap periode isi Realisasi beserta bukti dukung.",
    ),
    sheets=(SKP, MANUAL, REALISASI),
)
