"""The compiled institution, in memory (no I/O): what the compiled workbook shows.

Tables are pandas DataFrames with these columns (all names are stable; the writer and the
tests rely on them):

rekap_pk       kode_ss, sasaran, kode_iku, indikator_iku, satuan_iku, target_iku, kode_unit,
               nama_unit, kode_ikk, indikator, satuan, arah, target, metode_kaskade, berkas,
               baris  (one row per IKK of every unit; an IKU nobody derived has one row with
               the unit columns empty; an IKK whose IKU does not exist has kode_iku set to
               what it names and indikator_iku empty)
anggaran       kode_unit, nama_unit, program, anggaran, berkas, baris
rekap_ra       kode_iku, kode_unit, nama_unit, kode_ikk, indikator, target_pk, tw1, tw2, tw3,
               tw4, berkas, baris
rekap_ra_iku   kode_iku, indikator_iku, target_iku, tw1, tw2, tw3, tw4, jumlah_ikk
               (sum of the units' TW targets for beban-target IKU; mean otherwise)
capaian_ikk    kode_iku, kode_unit, nama_unit, kode_ikk, indikator, tw (1..4), target,
               realisasi (combined per konsolidasi), capaian, status, predikat, alasan,
               berkas, baris
capaian_iku    kode_iku, indikator_iku, tw, capaian (roll-up of its IKK), status, predikat,
               jumlah_ikk
capaian_unit   kode_unit, nama_unit, tw, capaian (mean of the unit's IKK), status
Numbers are floats (NaN = not computable/blank), status is "merah"/"kuning"/"hijau"/None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from xlkinerja.cascade.tree import CascadeTree
from xlkinerja.core.finding import Finding

REKAP_PK_COLUMNS = (
    "kode_ss",
    "sasaran",
    "kode_iku",
    "indikator_iku",
    "satuan_iku",
    "target_iku",
    "kode_unit",
    "nama_unit",
    "kode_ikk",
    "indikator",
    "satuan",
    "arah",
    "target",
    "metode_kaskade",
    "berkas",
    "baris",
)
REKAP_RA_COLUMNS = (
    "kode_iku",
    "kode_unit",
    "nama_unit",
    "kode_ikk",
    "indikator",
    "target_pk",
    "tw1",
    "tw2",
    "tw3",
    "tw4",
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
    alasan: str


@dataclass
class Kompilasi:
    instansi: str
    tahun: int | None
    batas_pk: date | None
    dibuat: datetime
    ambang_kuning: float
    ambang_hijau: float
    status: list[StatusUnit]
    rekap_pk: Any  # pandas.DataFrame, see the module docstring
    anggaran: Any
    rekap_ra: Any
    rekap_ra_iku: Any
    capaian_ikk: Any
    capaian_iku: Any
    capaian_unit: Any
    temuan: list[Finding]
    pohon: CascadeTree
    tidak_terbaca: list[Unreadable] = field(default_factory=list)
    # rows read per table kind, and where each went (accounting: nothing silently dropped)
    baris_dibaca: dict[str, int] = field(default_factory=dict)
    baris_ditulis: dict[str, int] = field(default_factory=dict)
