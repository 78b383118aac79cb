"""The rows of the export tables (kompilasi/ekspor_tabel.py): one TypedDict per table, its
fields in the order a profile lists them (`FIELDS`, what a profile's `isi` may name; see
templates/ekspor/README.md). A value is a str, float, int, date or None: None is a value
nobody filled or that could not be read or computed, never written as 0.

A writer reads a row by the field names its profile gives (`Row`); the tables make each
row whole, every field in this order (a test checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TypedDict

from xlkinerja.kompilasi.ekspor_renstra import RenstraRow

Row = Mapping[str, object]  # a row of any export table, as a profile's writer reads it


class HierarkiRow(TypedDict):
    """A node of the plan: sasaran, iku or ikk, each after its parent."""

    level: str
    kode: str | None
    kode_induk: str | None
    uraian: str | None
    satuan: str | None
    tahun: int | None
    target: float | None
    target_tw1: float | None
    target_tw2: float | None
    target_tw3: float | None
    target_tw4: float | None
    tipe: str | None  # the IKU's or IKK's arah
    realisasi_tw1: float | None
    realisasi_tw2: float | None
    realisasi_tw3: float | None
    realisasi_tw4: float | None
    capaian: float | None
    periode: str | None  # the capaian's period, "s.d. TW III" (None: no quarter reported)
    kode_unit: str | None
    unit: str | None
    catatan: str | None


class PkRow(TypedDict):
    """An indicator of the Perjanjian Kinerja: the institution's IKU, a unit's IKK. Keyed by
    (tahun, kode_unit, kode_indikator) — the same keys as the realisasi rows."""

    tahun: int | None
    level: str  # "iku" (the institution's, kode_unit blank) or "ikk"
    kode_unit: str | None
    unit: str | None
    kode_sasaran: str | None  # the institution's sasaran strategis (of the IKK's IKU)
    sasaran: str | None  # as signed: the SS for an IKU, the unit's sasaran kegiatan for an IKK
    kode_iku: str | None  # the IKU itself, or the IKK's parent
    kode_indikator: str | None
    indikator: str | None
    satuan: str | None
    arah: str | None  # naik / turun
    tipe_indikator: str | None  # positif (naik) / negatif (turun), as importers name it
    target: float | None


class RealisasiRow(TypedDict):
    """An IKK's realisasi up to a reported quarter."""

    kode_indikator: str | None
    indikator: str | None
    kode_iku: str | None  # the IKK's parent
    kode_unit: str | None
    unit: str | None
    tahun: int | None
    tw: int
    triwulan: str | None
    periode: date | None  # the quarter's last day
    target: float | None
    realisasi: float | None
    capaian: float | None
    catatan: str | None


class SkpRow(TypedDict):
    """An IKI of an employee's SKP (the e-Kinerja web form's fields)."""

    kode_unit: str | None
    unit: str | None
    nip: str | None
    nama: str | None
    jabatan: str | None
    jenis_jabatan: str | None
    jenis: str | None
    perspektif: str | None
    rhk_pimpinan: str | None
    kode_rhk: str | None
    rhk: str | None
    aspek: str | None
    kode_iki: str | None
    iki: str | None
    target: float | None
    target_bawah: float | None
    target_atas: float | None
    satuan: str | None
    realisasi_tw1: float | None
    realisasi_tw2: float | None
    realisasi_tw3: float | None
    realisasi_tw4: float | None
    realisasi_tahunan: float | None
    catatan: str | None


class TidakRow(TypedDict):
    """Something an export could not place in its importer's structure, and why."""

    uraian: str


ROWS: dict[str, type] = {
    "hierarki": HierarkiRow,
    "pk": PkRow,
    "realisasi": RealisasiRow,
    "skp": SkpRow,
    "renstra": RenstraRow,
    "renstra_tidak": TidakRow,
}
FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(row.__annotations__) for name, row in ROWS.items()
}
"""Every table's fields, in order: what a profile's `isi` may name."""
