"""The compiled workbook (rekap-kinerja.xlsx) as a source: read back by its spec
(specs/rekap.py), so `xlkinerja ekspor REKAP.xlsx` and `xlkinerja dokumen lkj REKAP.xlsx`
work from what the rekap shows, without the unit workbooks (kompilasi/ekspor_sumber.py:
`from_rekap` makes the export's source of it).

Each table is found by its header row and checked label by label (report_table.py); what
a row is, the writer's markers say (the IKU rows' "Institusi", the IKK without an IKU after
"IKK tanpa IKU induk", a unit's budget row by its Kode Unit). Values only, with calamine,
behind the same package guard as every reader. Needs only the core, the specs, the file
safety and the errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine

from xlkinerja.core.address import cell_order
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.package_guard import check_package
from xlkinerja.sources.reader import check_file
from xlkinerja.sources.report_table import (
    FoundTable,
    Grid,
    find_table,
    text_of,
    value_of,
)
from xlkinerja.specs import rekap as spec

TW = tuple[float | None, float | None, float | None, float | None]
TW_OF = {label: n for n, label in enumerate(spec.TRIWULAN, start=1)}
INDUK = re.compile(re.escape(spec.INDUK_TIDAK_ADA).replace(re.escape("{kode}"), r"(\S+)"))
YEAR = re.compile(r"\b" + re.escape(spec.TAHUN).replace(re.escape("{tahun}"), r"(\d{4})\b"))
# The tables read back, and the sheets every rekap has (a workbook lacking one is refused).
TABLES = (
    "rekap_pk", "anggaran", "rekap_ra", "capaian_iku", "capaian_ikk", "rekap_skp", "temuan",
)  # fmt: skip
SHEETS = (
    spec.SHEET_RINGKASAN,
    spec.SHEET_STATUS,
    *dict.fromkeys(spec.REKAP.sheet_of_table(t).name for t in TABLES),
)


@dataclass(frozen=True)
class IkuPk:
    """An IKU's row of Rekap PK, with the sasaran it is under."""

    kode_ss: str | None
    sasaran: str | None
    kode_iku: str
    indikator: str | None
    satuan: str | None
    target: float | None
    arah: str | None = None  # the master's, on the IKU's row (a rekap before 1.2: none)


@dataclass(frozen=True)
class IkkPk:
    """An IKK's row of Rekap PK: under its IKU, or (after the orphans' title) naming one."""

    kode_iku: str | None
    unit: str | None  # as the rekap shows it: the unit's name, else its code
    kode_ikk: str
    indikator: str | None
    satuan: str | None
    arah: str | None
    target: float | None
    metode_kaskade: str | None
    sasaran_unit: str | None = None  # as the unit signed it (a rekap before 1.2: none)


@dataclass(frozen=True)
class Program:
    """A program's budget under its unit (Anggaran, Rekap PK)."""

    kode_unit: str | None
    nama_unit: str | None
    program: str | None
    anggaran: float | None
    kode_ikk: str | None = None  # the IKK it supports (a rekap before 1.2: none)
    realisasi_tw1: float | None = None  # s.d. TW I, cumulative rupiah
    realisasi_tw2: float | None = None
    realisasi_tw3: float | None = None
    realisasi_tw4: float | None = None


@dataclass(frozen=True)
class TargetRa:
    """A row of Rekap Rencana Aksi: an IKU (the units' combined) or an IKK of a unit."""

    kode: str
    unit: str | None
    tw: TW


@dataclass(frozen=True)
class CapaianIku:
    """An IKU's row of section A of Rekap Capaian."""

    kode_iku: str
    capaian: TW
    predikat: str | None  # shown for the latest quarter (`Rekap.latest`)
    # the latest quarter's figure (None: blank, or a rekap of an earlier version)
    target: float | None = None
    realisasi: float | None = None
    cara_agregasi: str | None = None
    keterangan: str | None = None


@dataclass(frozen=True)
class CapaianIkk:
    """Section C of Rekap Capaian, column by column (~200,000 rows for 1,000 units)."""

    kode_iku: list[str | None]
    unit: list[str | None]  # as the rekap shows it
    kode_ikk: list[str | None]
    indikator: list[str | None]
    tw: list[int]  # 1..4; 0 for a cell that names no quarter
    target: list[float | None]
    realisasi: list[float | None]
    capaian: list[float | None]
    keterangan: list[str | None]
    kendala: list[str | None] | None  # None: a rekap of an earlier version has no column
    tindak_lanjut: list[str | None] | None
    faktor_pendukung: list[str | None] | None = None  # a rekap before template 1.2: none


@dataclass(frozen=True)
class Rekap:
    """What was read from a compiled workbook; the tables not asked for are empty."""

    path: Path
    instansi: str
    tahun: int | None
    units: dict[str, str]  # a unit as the rekap names it (its name, else its code) → code
    read: frozenset[str]  # the tables read (keys of the spec)
    iku: tuple[IkuPk, ...] = ()
    ikk: tuple[IkkPk, ...] = ()
    anggaran: tuple[Program, ...] = ()
    ra_iku: tuple[TargetRa, ...] = ()
    ra_ikk: tuple[TargetRa, ...] = ()
    capaian_iku: tuple[CapaianIku, ...] = ()
    latest: int | None = None  # the quarter section A's status and predikat are for
    capaian_ikk: CapaianIkk | None = None
    skp: Mapping[str, list[Any]] = field(default_factory=dict)  # by column key of the spec
    galat: int | None = None  # the galat the Temuan sheet lists (read with "temuan")


def is_rekap(path: Path) -> bool:
    """Whether `path` is a compiled workbook (by its sheets: a form workbook has none of
    the rekap's own), checked as every workbook is before it is opened."""
    if not path.is_file() or path.suffix.lower() != ".xlsx":
        return False
    check_file(path)
    check_package(path)
    try:
        names = set(calamine.CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception:  # not a workbook calamine reads: the form reader says why
        return False
    return spec.SHEET_RINGKASAN in names and spec.SHEET_CAPAIAN in names


def read_rekap(path: Path, tables: Iterable[str] | None = None) -> Rekap:
    """The compiled workbook at `path`; with `tables` (keys of the spec's tables in
    `TABLES`), only those are read: Rekap Capaian alone is ~200,000 rows for 1,000 units.
    The cover and Status Pengumpulan are always read."""
    check_file(path)
    check_package(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise WorkbookError(
            f"tidak dapat dibuka ({exc}).", code=ErrorCode.BERKAS_TIDAK_TERBACA, path=path
        ) from exc
    missing = [name for name in SHEETS if name not in book.sheet_names]
    if missing:
        raise WorkbookError(
            f"bukan workbook rekap xlkinerja yang lengkap: lembar {', '.join(missing)} tidak ada.",
            code=ErrorCode.REKAP_LEMBAR_HILANG,
            path=path,
            hint="Berikan rekap-kinerja.xlsx hasil 'xlkinerja kompilasi' (versi ini), atau "
            "buat ulang rekapnya.",
        )
    wanted = frozenset(TABLES if tables is None else tables)
    unknown = wanted - set(TABLES)
    if unknown:
        raise ValueError(f"not a table read back from a rekap: {sorted(unknown)}")
    return _Reader(path, book).read(wanted)


class _Reader:
    def __init__(self, path: Path, book: Any) -> None:
        self.path = path
        self.book = book
        self.grids: dict[str, Grid] = {}

    def grid(self, sheet: str) -> Grid:
        if sheet not in self.grids:
            try:
                got = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:
                raise WorkbookError(
                    f"isi lembar tidak dapat dibaca ({exc}).",
                    code=ErrorCode.BERKAS_BAGIAN_RUSAK,
                    path=self.path,
                    sheet=sheet,
                ) from exc
            self.grids[sheet] = got
        return self.grids[sheet]

    def find(self, table: str, start: int = 0) -> FoundTable:
        sheet = spec.REKAP.sheet_of_table(table).name
        return find_table(self.path, sheet, self.grid(sheet), spec.REKAP.table(table), start)

    def read(self, wanted: frozenset[str]) -> Rekap:
        instansi, tahun = self._cover()
        units = _units(self.find("status"))
        parts: dict[str, Any] = {}
        pk = self.find("rekap_pk") if {"rekap_pk", "anggaran"} & wanted else None
        if pk is not None and "rekap_pk" in wanted:
            parts["iku"], parts["ikk"] = _rekap_pk(pk)
        if pk is not None and "anggaran" in wanted:
            parts["anggaran"] = _anggaran(self.find("anggaran", pk.end))
        if "rekap_ra" in wanted:
            parts["ra_iku"], parts["ra_ikk"] = _rekap_ra(self.find("rekap_ra"))
        start = 0
        if "capaian_iku" in wanted:
            pivot = self.find("capaian_iku")
            parts["latest"] = TW_OF.get(pivot.suffixes.get("status", ""))
            parts["capaian_iku"] = _capaian_iku(pivot)
            start = pivot.end
        if "capaian_ikk" in wanted:
            parts["capaian_ikk"] = _capaian_ikk(self.find("capaian_ikk", start))
        if "rekap_skp" in wanted:
            skp = self.find("rekap_skp")
            parts["skp"] = {key: skp.column(key) for key in skp.keys if key != "sumber"}
        if "temuan" in wanted:
            tingkat = self.find("temuan").column("tingkat")
            parts["galat"] = sum(1 for t in tingkat if t == "galat")
        return Rekap(self.path, instansi, tahun, units, wanted, **parts)

    def _cover(self) -> tuple[str, int | None]:
        rows = self.grid(spec.SHEET_RINGKASAN)
        cover = spec.REKAP.sheet(spec.SHEET_RINGKASAN)
        cells = {f.key: _cell(rows, f.cell) for f in cover.fields}
        found = YEAR.search(str(cells["tahun"] or ""))
        return text_of(cells["instansi"]) or "", int(found.group(1)) if found else None


def _cell(rows: Grid, a1: str) -> Any:
    row, col = cell_order(a1)
    found = rows[row - 1] if row - 1 < len(rows) else []
    return value_of(found[col]) if col < len(found) else None


def _units(status: FoundTable) -> dict[str, str]:
    """Unit name (its code when it has none) → code."""
    found: dict[str, str] = {}
    for kode, nama in zip(status.column("kode_unit"), status.column("nama_unit"), strict=True):
        if kode is None:
            break
        found[nama or kode] = kode
    return found


def _rekap_pk(pk: FoundTable) -> tuple[tuple[IkuPk, ...], tuple[IkkPk, ...]]:
    """A sasaran's row has no Unit, an IKU's the unit INSTITUSI, an IKK's its unit; after
    the orphans' title (no Kode) come the IKK whose Catatan names the IKU they gave."""
    iku: list[IkuPk] = []
    ikk: list[IkkPk] = []
    ss: tuple[str | None, str | None] = (None, None)
    parent: str | None = None
    orphans = False
    keys = ("kode", "indikator", "unit", "target", "satuan", "arah", "metode_kaskade", "catatan")
    own = pk.column("sasaran_unit") if pk.has("sasaran_unit") else [None] * len(pk.body)
    for kode, uraian, unit, target, satuan, arah, metode, catatan, sasaran_unit in zip(
        *(pk.column(key) for key in keys), own, strict=True
    ):
        if kode is None:
            orphans = bool(uraian and uraian.startswith(spec.ORPHAN_TITLE))
            continue
        if unit is None:
            ss = (kode, uraian)
        elif unit == spec.INSTITUSI and not orphans:
            parent = kode
            iku.append(IkuPk(ss[0], ss[1], kode, uraian, satuan, target, arah))
        else:
            named = INDUK.search(str(catatan)) if orphans else None
            induk = (named.group(1) if named else None) if orphans else parent
            ikk.append(IkkPk(induk, unit, kode, uraian, satuan, arah, target, metode, sasaran_unit))
    return tuple(iku), tuple(ikk)


def _anggaran(table: FoundTable) -> tuple[Program, ...]:
    """A unit's row (its Kode Unit and name, the total), then its programs (no code), until
    the grand total; before any unit, the note that there is no budget."""
    out: list[Program] = []
    unit: tuple[str | None, str | None] | None = None
    columns = (table.column(key) for key in ("kode_unit", "uraian", "anggaran"))
    n = len(table.body)
    added = ("kode_ikk", *(f"realisasi_tw{q}" for q in range(1, 5)))  # none before 1.2
    extra = [table.column(key) if table.has(key) else [None] * n for key in added]
    for i, (kode, teks, amount) in enumerate(zip(*columns, strict=True)):
        if teks == spec.GRAND_TOTAL:
            break
        if kode == spec.TANPA_KODE:
            unit = (None, None if teks == spec.TANPA_NAMA else teks)
        elif kode is not None:
            unit = (kode, teks)
        elif unit is not None:
            out.append(Program(unit[0], unit[1], teks, amount, *(column[i] for column in extra)))
    return tuple(out)


def _rekap_ra(table: FoundTable) -> tuple[tuple[TargetRa, ...], tuple[TargetRa, ...]]:
    """An IKU's row has the unit GABUNGAN; a row without Kode is the orphans' title."""
    iku: list[TargetRa] = []
    ikk: list[TargetRa] = []
    tws = zip(*(table.column(f"tw{n}") for n in range(1, 5)), strict=True)
    rows = zip(table.column("kode"), table.column("unit"), tws, strict=True)
    for kode, unit, tw in rows:
        if kode is not None:
            (iku if unit == spec.GABUNGAN else ikk).append(TargetRa(kode, unit, tw))
    return tuple(iku), tuple(ikk)


def _capaian_iku(pivot: FoundTable) -> tuple[CapaianIku, ...]:
    tws = zip(*(pivot.column(f"tw{n}") for n in range(1, 5)), strict=True)
    n = len(pivot.column("kode_iku"))
    latest = [
        pivot.column(key) if pivot.has(key) else [None] * n
        for key in ("target", "realisasi", "cara_agregasi", "keterangan")
    ]
    rows = zip(pivot.column("kode_iku"), tws, pivot.column("predikat"), *latest, strict=True)
    return tuple(CapaianIku(*row) for row in rows if row[0])


def _capaian_ikk(table: FoundTable) -> CapaianIkk:
    def optional(key: str) -> list[str | None] | None:
        return table.column(key) if table.has(key) else None

    return CapaianIkk(
        kode_iku=table.column("kode_iku"),
        unit=table.column("unit"),
        kode_ikk=table.column("kode_ikk"),
        indikator=table.column("indikator"),
        tw=[TW_OF.get(str(v), 0) for v in table.cells("tw")],
        target=table.column("target"),
        realisasi=table.column("realisasi"),
        capaian=table.column("capaian"),
        keterangan=table.column("keterangan"),
        kendala=optional("kendala"),
        tindak_lanjut=optional("tindak_lanjut"),
        faktor_pendukung=optional("faktor_pendukung"),
    )
