"""The compiled institutional workbook (rekap-kinerja.xlsx): its sheets, the tables on them
and the words the writer marks rows with. The writer (render/rekap/) takes its sheet names,
column labels, column order and widths from here, and the reader (sources/rekap.py) finds
and checks each table by the same labels, so the two cannot drift apart.

Each table's header row is followed by its rows until a blank row; what a row is (a
sasaran, an IKU, an IKK, a unit's budget, the grand total) the writer marks with the words
below, in the cells named.
"""

from __future__ import annotations

from xlkinerja.specs import choices as ch
from xlkinerja.specs.model import ChoiceList, Column, ValueType
from xlkinerja.specs.report import Report, ReportField, ReportSheet, ReportTable

T = ValueType
TRIWULAN = ch.TRIWULAN.values  # the quarters' labels: TW I .. TW IV

SHEET_RINGKASAN = "Ringkasan"
SHEET_STATUS = "Status Pengumpulan"
SHEET_PK = "Rekap PK"
SHEET_RA = "Rekap Rencana Aksi"
SHEET_CAPAIAN = "Rekap Capaian"
SHEET_POHON = "Pohon Kinerja"
SHEET_SKP = "Rekap SKP"
SHEET_TEMUAN = "Temuan"

# -- row markers ------------------------------------------------------------------------
# Rekap PK: the Unit of an IKU's row (its IKK follow, each with its unit's name).
INSTITUSI = "Institusi"
# Rekap Rencana Aksi: the Unit of an IKU's row (its targets are the units' combined).
GABUNGAN = "Institusi (gabungan)"
# Rekap PK and Rencana Aksi: the Indikator of the row after which come the IKK whose IKU
# is not the institution's ("<ORPHAN_TITLE>: <why>", no Kode).
ORPHAN_TITLE = "IKK tanpa IKU induk"
# Rekap PK: the Catatan of such an IKK, naming the IKU it gave (or none).
INDUK_TIDAK_ADA = "IKU induk {kode} tidak ada"
INDUK_TIDAK_DISEBUT = "IKU induk tidak disebut"
# Rekap PK: the Catatan of an IKU no unit derived an IKK from.
BELUM_DITURUNKAN = "Belum diturunkan ke unit mana pun"
# Anggaran (Rekap PK): a unit's row has its Kode Unit, its programs' rows none; a unit
# that gave no code is "(tanpa kode)", named "(unit tanpa kode)" when it gave no name.
TANPA_KODE = "(tanpa kode)"
TANPA_NAMA = "(unit tanpa kode)"
# Anggaran: the last row's Unit / Program/Kegiatan, and the Keterangan of a total left
# blank.
GRAND_TOTAL = "Jumlah anggaran seluruh unit"
# Anggaran: the section's title after ANGGARAN's, naming the period of the penyerapan.
PENYERAPAN_SD = "penyerapan = realisasi s.d. {tw} ÷ anggaran"
UNREAD_TOTAL = "jumlah tidak dihitung: ada anggaran yang tidak dapat dibaca"
# Status Pengumpulan: the Berkas of a unit that sent none.
BELUM_MENGIRIM = "belum mengirim"
# Ringkasan: the year's line under the institution's name begins "Tahun <year>".
TAHUN = "Tahun {tahun}"


def _c(
    key: str,
    label: str,
    type: ValueType = T.TEXT,
    width: float = 14.0,
    choices: ChoiceList | None = None,
) -> Column:
    return Column(key, label, type, choices=choices, width=width)


def _tw(prefix: str, label: str = "{tw}", width: float = 14.0) -> tuple[Column, ...]:
    return tuple(
        _c(f"{prefix}{n}", label.format(tw=tw), T.NUMBER, width)
        for n, tw in enumerate(TRIWULAN, start=1)
    )


# -- Ringkasan ----------------------------------------------------------------------------
RINGKASAN_CAPAIAN = ReportTable(
    key="ringkasan_capaian",
    title="B. Capaian IKU",
    columns=(
        _c("kode_iku", "Kode", T.CODE, 12),
        _c("indikator", "Indikator Kinerja Utama", width=48),
        _c("capaian", "Capaian (%)", T.NUMBER),
        _c("status", "Status"),
        _c("predikat", "Predikat", width=16),
        _c("ikk_melapor", "IKK melapor"),
    ),
)
KELENGKAPAN = ReportTable(
    key="kelengkapan",
    title="C. Kelengkapan data: baris dibaca dan ditulis",
    columns=(
        _c("tabel", "Tabel"),
        _c("dibaca", "Baris dibaca dari berkas", T.INTEGER),
        _c("ditulis", "Baris ditulis ke rekap", T.INTEGER),
        _c("keterangan", "Keterangan"),
    ),
    spans=(("tabel", 2), ("keterangan", 2)),
)

# -- Status Pengumpulan -------------------------------------------------------------------
STATUS = ReportTable(
    key="status",
    title="Status Pengumpulan Berkas Unit",
    columns=(
        _c("kode_unit", "Kode", T.CODE, 10),
        _c("nama_unit", "Unit", width=30),
        _c("berkas", "Berkas", width=34),
        _c("status", "Status", T.CHOICE, 11, choices=ch.STATUS_DOKUMEN),
        _c("tanggal_pk", "Tanggal PK", T.DATE, 12),
        _c("batas", "Batas", T.DATE, 12),
        _c("keterangan", "Keterangan", width=34),
        _c("galat", "Galat", T.INTEGER, 8),
        _c("peringatan", "Peringatan", T.INTEGER, 10),
    ),
)

# -- Rekap PK -----------------------------------------------------------------------------
REKAP_PK = ReportTable(
    key="rekap_pk",
    title="Rekap Perjanjian Kinerja",
    columns=(
        _c("kode", "Kode", T.CODE, 15),
        _c("indikator", "Indikator Kinerja", width=50),
        _c("unit", "Unit", width=24),
        _c("target", "Target", T.NUMBER, 12),
        _c("satuan", "Satuan", width=11),
        _c("arah", "Arah", T.CHOICE, 8, choices=ch.ARAH),
        _c("metode_kaskade", "Metode Kaskade", T.CHOICE, 13, choices=ch.METODE_KASKADE),
        _c("sumber", "Sumber", width=24),
        _c("catatan", "Catatan", width=28),
        # an IKK's sasaran kegiatan as its unit signed it (a rekap of an earlier version:
        # none)
        _c("sasaran_unit", "Sasaran Kegiatan Unit", width=34),
    ),
    optional=1,
)
ANGGARAN = ReportTable(
    key="anggaran",
    title="Anggaran Program/Kegiatan per Unit",
    columns=(
        _c("kode_unit", "Kode Unit", T.CODE, 15),
        _c("uraian", "Unit / Program/Kegiatan", width=50),
        _c("anggaran", "Anggaran (Rp)", T.NUMBER, 24),
        _c("keterangan", "Keterangan", width=40),
        # the IKK a kegiatan supports and its realisasi s.d. each quarter (cumulative), the
        # penyerapan of the rekap's period; a rekap of an earlier version has none of these
        _c("kode_ikk", "IKK didukung", T.CODE, 13),
        *(
            _c(f"realisasi_tw{n}", f"Realisasi s.d. {tw} (Rp)", T.NUMBER, 18)
            for n, tw in enumerate(TRIWULAN, start=1)
        ),
        _c("penyerapan", "Penyerapan (%)", T.NUMBER, 12),
    ),
    optional=6,
)

# -- Rekap Rencana Aksi -------------------------------------------------------------------
REKAP_RA = ReportTable(
    key="rekap_ra",
    title=SHEET_RA,
    columns=(
        _c("kode", "Kode", T.CODE, 15),
        _c("indikator", "Indikator Kinerja", width=50),
        _c("unit", "Unit", width=24),
        _c("target_pk", "Target PK", T.NUMBER, 11),
        *_tw("tw", width=10),
        _c("jumlah_ikk", "Jumlah IKK", T.INTEGER, 9),
        _c("sumber", "Sumber", width=24),
        _c("satuan", "Satuan", width=11),
        _c("keterangan", "Cara agregasi / keterangan", width=36),
    ),
)

# -- Rekap Capaian ------------------------------------------------------------------------
# Sections A and B: code, name (merged across three cells), capaian per quarter, then the
# status of the latest quarter ("Status TW III"; "Status" when none is reported). They sit
# in the columns of section C, whose widths the sheet takes.
CAPAIAN_IKU = ReportTable(
    key="capaian_iku",
    title="A. Capaian IKU per triwulan",
    columns=(
        _c("kode_iku", "Kode", T.CODE),
        _c("indikator", "Indikator Kinerja Utama"),
        *_tw("tw"),
        _c("status", "Status"),
        _c("predikat", "Predikat"),
        _c("ikk_melapor", "IKK melapor"),
        # the latest quarter's figure: capaian follows from these two (an earlier version
        # of the rekap has none of the four)
        _c("target", "Target", T.NUMBER),
        _c("realisasi", "Realisasi", T.NUMBER),
        _c("cara_agregasi", "Cara agregasi"),
        _c("keterangan", "Keterangan"),
    ),
    spans=(("indikator", 3),),
    suffixed=("status", "target", "realisasi"),
    optional=4,
)
CAPAIAN_UNIT = ReportTable(
    key="capaian_unit",
    title="B. Capaian unit per triwulan",
    columns=(
        _c("kode_unit", "Kode", T.CODE),
        _c("nama_unit", "Unit"),
        *_tw("tw"),
        _c("status", "Status"),
    ),
    spans=(("nama_unit", 3),),
    suffixed=("status",),
)
CAPAIAN_IKK = ReportTable(
    key="capaian_ikk",
    title="C. Capaian IKK per triwulan",
    columns=(
        _c("kode_iku", "IKU", T.CODE, 10),
        _c("unit", "Unit", width=22),
        _c("kode_ikk", "Kode IKK", T.CODE, 14),
        _c("indikator", "Indikator Kinerja", width=44),
        _c("tw", "TW", T.CHOICE, 8, choices=ch.TRIWULAN),
        _c("target", "Target", T.NUMBER, 10),
        _c("realisasi", "Realisasi", T.NUMBER, 10),
        _c("capaian", "Capaian (%)", T.NUMBER, 10),
        _c("status", "Status", width=9),
        _c("predikat", "Predikat", width=13),
        _c("keterangan", "Keterangan", width=28),
        # as the unit wrote them for that quarter; a rekap of an earlier version has none
        _c("kendala", "Kendala", width=30),
        _c("tindak_lanjut", "Tindak Lanjut", width=30),
        _c("faktor_pendukung", "Faktor Pendukung", width=30),
    ),
    optional=3,
)

# -- Pohon Kinerja ------------------------------------------------------------------------
POHON = ReportTable(
    key="pohon",
    title="Pohon Kinerja",
    columns=(
        _c("tingkat", "Tingkat", width=8),
        _c("kode", "Kode", T.CODE, 15),
        _c("uraian", "Indikator/Hasil", width=52),
        _c("pemilik", "Pemilik (unit/pegawai)", width=26),
        _c("target", "Target", T.NUMBER, 9),
        _c("satuan", "Satuan", width=12),
        _c("capaian", "Capaian (%)", T.NUMBER, 10),
        _c("status", "Status", width=16),
        _c("catatan", "Catatan", width=30),
    ),
)

# -- Rekap SKP ----------------------------------------------------------------------------
REKAP_SKP = ReportTable(
    key="rekap_skp",
    title=SHEET_SKP,
    columns=(
        _c("kode_unit", "Kode Unit", T.CODE, 8),
        _c("nama_unit", "Unit", width=20),
        _c("nip", "NIP", T.CODE, 20),
        _c("nama", "Nama", width=22),
        _c("jabatan", "Jabatan", width=16),
        _c("jenis_jabatan", "Jenis Jabatan", T.CHOICE, 8, choices=ch.JENIS_JABATAN),
        _c("jenis", "Jenis RHK", T.CHOICE, 9, choices=ch.JENIS_RHK),
        _c("perspektif", "Perspektif", T.CHOICE, 12, choices=ch.PERSPEKTIF),
        _c("rhk_pimpinan", "RHK Pimpinan yang Diintervensi", T.CODE, 14),
        _c("kode_rhk", "Kode RHK", T.CODE, 8),
        _c("rhk", "Rencana Hasil Kerja", width=30),
        _c("aspek", "Aspek", T.CHOICE, 10, choices=ch.ASPEK),
        _c("kode_iki", "Kode IKI", T.CODE, 8),
        _c("iki", "Indikator Kinerja Individu", width=30),
        _c("target", "Target", T.NUMBER, 9),
        _c("target_bawah", "Target Batas Bawah", T.NUMBER, 9),
        _c("target_atas", "Target Batas Atas", T.NUMBER, 9),
        _c("satuan", "Satuan", width=9),
        *_tw("realisasi_tw", "Realisasi {tw}", 9),
        _c("realisasi_tahunan", "Realisasi Tahunan", T.NUMBER, 9),
        _c("sumber", "Sumber", width=22),
    ),
)

# -- Temuan -------------------------------------------------------------------------------
TEMUAN = ReportTable(
    key="temuan",
    title="Temuan Kompilasi",
    columns=(
        _c("berkas", "Berkas", width=20),
        _c("tingkat", "Tingkat", width=10),
        _c("kode", "Kode", T.CODE, 27),
        _c("lembar", "Lembar", width=12),
        _c("sel", "Sel", width=6),
        _c("kolom", "Kolom", width=12),
        _c("nilai", "Nilai", width=12),
        _c("pesan", "Pesan", width=42),
        _c("saran", "Saran", width=26),
        _c("induk", "Induk", width=20),
    ),
)

REKAP = Report(
    id="rekap",
    title="Kompilasi Kinerja",
    sheets=(
        ReportSheet(
            SHEET_RINGKASAN,
            "Sampul: pengumpulan, capaian IKU, kelengkapan data, tanda tangan",
            (RINGKASAN_CAPAIAN, KELENGKAPAN),
            fields=(
                ReportField("instansi", "Nama instansi", "A2"),
                ReportField("tahun", "Tahun", "A3"),
            ),
        ),
        ReportSheet(
            SHEET_STATUS,
            "Berkas setiap unit: diterima, tepat waktu atau terlambat, galat",
            (STATUS,),
        ),
        ReportSheet(
            SHEET_PK,
            "IKU institusi dengan IKK setiap unit, dan anggaran per unit",
            (REKAP_PK, ANGGARAN),
        ),
        ReportSheet(
            "Rekap Rencana Aksi",
            "Target triwulan (TW I–IV) per IKK dan gabungannya per IKU",
            (REKAP_RA,),
        ),
        ReportSheet(
            SHEET_CAPAIAN,
            "Capaian per IKU, unit dan IKK, kendala dan tindak lanjut, grafik",
            (CAPAIAN_IKU, CAPAIAN_UNIT, CAPAIAN_IKK),
        ),
        ReportSheet(SHEET_POHON, "Pohon kinerja IKU → IKK → RHK", (POHON,)),
        ReportSheet(
            "Rekap SKP",
            "SKP setiap pegawai: RHK, IKI, target dan realisasi per periode",
            (REKAP_SKP,),
        ),
        ReportSheet(SHEET_TEMUAN, "Semua temuan validasi dan berkas yang tidak terbaca", (TEMUAN,)),
    ),
)
