"""The compiled institution, in memory (no I/O): what the compiled workbook shows.

Tables are pandas DataFrames with these columns (all names are stable; the writer and the
tests rely on them), each described by its pandera model in `kompilasi.schemas` (RekapPk,
Anggaran, RekapRa, RekapRaIku, CapaianIkk, CapaianIku, CapaianUnit, RekapSkp), which `aggregate`
validates them against:

rekap_pk       kode_ss, sasaran, kode_iku, indikator_iku, satuan_iku, target_iku, arah_iku,
               kode_unit, nama_unit, sasaran_unit (the unit's sasaran kegiatan as signed),
               kode_ikk, indikator, satuan, arah, target, metode_kaskade,
               keterangan (a target that could not be read, with its cell), berkas,
               baris  (one row per IKK of every unit; an IKU nobody derived has one row with
               the unit columns empty; an IKK whose IKU does not exist has kode_iku set to
               what it names and indikator_iku empty)
anggaran       kode_unit, nama_unit, program, anggaran, kode_ikk (the IKK it supports),
               realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4 (s.d. each TW,
               cumulative rupiah), keterangan (the amounts that could not be read, with
               their cells), berkas, baris
rekap_ra       kode_iku, kode_unit, nama_unit, kode_ikk, indikator, satuan, target_pk, tw1,
               tw2, tw3, tw4, keterangan (the TW targets that could not be read, with their
               cell), berkas, baris
rekap_ra_iku   kode_iku, indikator_iku, target_iku, tw1, tw2, tw3, tw4, jumlah_ikk,
               cara_agregasi (domain.rollup.rollup_nilai: only IKK of one satuan are
               combined — the sum of the units' TW targets for beban-target IKU, the mean
               otherwise; cara_agregasi says which, or why nothing)
capaian_ikk    kode_iku, kode_unit, nama_unit, kode_ikk, indikator, tw (1..4), target,
               realisasi (combined per konsolidasi), capaian, status, predikat, alasan,
               kendala, tindak_lanjut, faktor_pendukung (as the unit wrote them on that
               quarter's Capaian row), berkas, baris
capaian_iku    kode_iku, indikator_iku, tw, target, realisasi (of its IKK that reported
               that TW, combined: summed for beban target, else averaged, only IKK of one
               satuan), capaian (from those two by the IKU's arah and the cap; where the
               satuan differ the mean of the IKK's capaian; unknown when a value could not
               be read: keterangan says which), capaian_mentah (before the cap, when
               capped), cara_agregasi (which of these, in words), status, predikat,
               jumlah_ikk (its IKK that reported the TW), ikk_melapor (the same of all the
               IKK derived from it: "2 dari 3"), keterangan  (kompilasi/kinerja.py)
capaian_unit   kode_unit, nama_unit, tw, capaian (mean of the unit's IKK, unknown likewise),
               status
rekap_skp      kode_unit, nama_unit, nip, nama, jabatan, jenis_jabatan, jenis, perspektif,
               rhk_pimpinan, kode_rhk, rhk, aspek, kode_iki, iki, target, target_bawah,
               target_atas, satuan, realisasi_tw1, realisasi_tw2, realisasi_tw3,
               realisasi_tw4, realisasi_tahunan, berkas, baris  (one row per IKI of every
               SKP, with its realisasi per period: kompilasi/skp_rows.py)
Numbers are floats (NaN = not computable/blank), tw, counts and row numbers integers (the
Rekap PK's baris a float: blank on the rows of IKU nobody derived), text is pandas' `str`
(NaN = blank); status is "merah"/"kuning"/"hijau" or blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from xlkinerja.cascade.tree import CascadeTree
from xlkinerja.core.finding import Finding
from xlkinerja.errors import ErrorCode, ErrorRecord

if TYPE_CHECKING:  # the types only: this module is imported without pandas and pandera
    from pandera.typing import DataFrame

    from xlkinerja.kompilasi.schemas import (
        Anggaran,
        CapaianIkk,
        CapaianIku,
        CapaianUnit,
        RekapPk,
        RekapRa,
        RekapRaIku,
        RekapSkp,
    )

REKAP_PK_COLUMNS = (
    "kode_ss",
    "sasaran",
    "kode_iku",
    "indikator_iku",
    "satuan_iku",
    "target_iku",
    "arah_iku",
    "kode_unit",
    "nama_unit",
    "sasaran_unit",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "target",
    "metode_kaskade",
    "keterangan",
    "berkas",
    "baris",
)
REKAP_RA_COLUMNS = (
    "kode_iku",
    "kode_unit",
    "nama_unit",
    "kode_ikk",
    "indikator",
    "satuan",
    "target_pk",
    "tw1",
    "tw2",
    "tw3",
    "tw4",
    "keterangan",
    "berkas",
    "baris",
)
CAPAIAN_IKK_COLUMNS = (
    "kode_iku",
    "kode_unit",
    "nama_unit",
    "kode_ikk",
    "indikator",
    "tw",
    "target",
    "realisasi",
    "capaian",
    "status",
    "predikat",
    "alasan",
    "kendala",
    "tindak_lanjut",
    "faktor_pendukung",
    "berkas",
    "baris",
)


@dataclass(frozen=True)
class StatusUnit:
    """Submission status of one unit of the master."""

    kode_unit: str
    nama_unit: str
    berkas: str | None  # None: no workbook received
    status: str | None  # draft / diajukan / disahkan
    tanggal_pk: date | None  # date the PK was signed
    tanggal_disahkan: date | None
    batas: date | None  # the deadline
    terlambat: bool
    galat: int
    peringatan: int
    terbaca: bool  # False: received but unreadable
    alasan: str | None = None  # why unreadable


@dataclass(frozen=True)
class Unreadable:
    berkas: str
    alasan: str  # naming the file
    kode: ErrorCode = ErrorCode.BERKAS_TIDAK_TERBACA
    lembar: str | None = None
    sel: str | None = None

    @classmethod
    def of(cls, berkas: str, failure: ErrorRecord) -> Unreadable:
        return cls(berkas, failure.message, failure.code, failure.sheet, failure.cell)


def _no_skp() -> DataFrame[RekapSkp]:
    """An empty Rekap SKP (a Kompilasi made without SKP workbooks, e.g. in tests)."""
    import pandas as pd  # here: this module is imported without pandas

    from xlkinerja.kompilasi.schemas import RekapSkp
    from xlkinerja.kompilasi.skp_rows import REKAP_SKP_COLUMNS

    return RekapSkp.validate(pd.DataFrame(columns=list(REKAP_SKP_COLUMNS)))


@dataclass
class Kompilasi:
    instansi: str
    tahun: int | None
    batas_pk: date | None
    dibuat: datetime
    ambang_kuning: float
    ambang_hijau: float
    status: list[StatusUnit]
    rekap_pk: DataFrame[RekapPk]
    anggaran: DataFrame[Anggaran]
    rekap_ra: DataFrame[RekapRa]
    rekap_ra_iku: DataFrame[RekapRaIku]
    capaian_ikk: DataFrame[CapaianIkk]
    capaian_iku: DataFrame[CapaianIku]
    capaian_unit: DataFrame[CapaianUnit]
    temuan: list[Finding]
    pohon: CascadeTree
    tidak_terbaca: list[Unreadable] = field(default_factory=list)
    # rows read per table kind, and where each went (accounting: nothing silently dropped)
    baris_dibaca: dict[str, int] = field(default_factory=dict)
    baris_ditulis: dict[str, int] = field(default_factory=dict)
    rekap_skp: DataFrame[RekapSkp] = field(default_factory=_no_skp)
    # The period every output shows ("s.d. TW n"): the TW asked for (--triwulan), else the
    # latest any IKK reported; None: none reported
    periode: int | None = None
