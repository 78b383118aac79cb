"""An index over the master and the unit and SKP workbooks of one cascade run (no I/O).

Everything the cross-workbook checks and the tree need: IKU of the PK year with their
master cells, units and their IKK rows, employees and their superiors, SKP by NIP.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeAlias

from xlkinerja.core.form_data import CellValue, K
from xlkinerja.core.normal import (
    F_contra,
    MasterForm,
    NormalForm,
    NormalTable,
    NormalValue,
    SkpForm,
    UnitForm,
)
from xlkinerja.core.settings import renstra_target
from xlkinerja.core.table_access import number, positions, text, val
from xlkinerja.specs import FormKind
from xlkinerja.specs.keys import (
    IkuColumn,
    MasterFieldKey,
    PegawaiColumn,
    PkColumn,
    UnitFieldKey,
)


@dataclass(frozen=True)
class RowRef(Generic[F_contra, K]):
    """One row of a table in one workbook (of field keys `F_contra`, column keys `K`)."""

    form: NormalForm[F_contra]
    table: NormalTable[K]
    pos: int

    def value(self, key: K) -> NormalValue:
        return val(self.table, self.pos, key)

    def text(self, key: K) -> str | None:
        return text(self.table, self.pos, key)

    def number(self, key: K) -> float | None:
        return number(self.table, self.pos, key)

    def cell(self, key: K) -> CellValue:
        return self.table.cell(self.pos, key)

    def ref(self, key: K) -> tuple[str, str, str]:
        """(file, sheet, cell) of a value: the 'other end' of a cascade finding."""
        cell = self.cell(key)
        return (self.form.file, cell.sheet, cell.cell)


IkuRow: TypeAlias = RowRef[MasterFieldKey, IkuColumn]  # of the master's Renstra IKU
IkkRow: TypeAlias = RowRef[UnitFieldKey, PkColumn]  # of a unit's PK
PegawaiRow: TypeAlias = RowRef[MasterFieldKey, PegawaiColumn]  # of the master's Pegawai


@dataclass
class CascadeIndex:
    master: MasterForm
    units: list[UnitForm]
    skps: list[SkpForm]
    tahun: int | None = None
    iku: dict[str, IkuRow] = field(default_factory=dict)
    iku_target_key: IkuColumn | None = None  # target_N column of the PK year
    unit_names: dict[str, str] = field(default_factory=dict)
    unit_heads: dict[str, str] = field(default_factory=dict)  # kode_unit → NIP
    assigned: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    atasan: dict[str, str | None] = field(default_factory=dict)  # NIP → superior NIP
    pegawai_unit: dict[str, str | None] = field(default_factory=dict)
    pegawai_rows: dict[str, PegawaiRow] = field(default_factory=dict)
    unit_forms: dict[str, list[UnitForm]] = field(default_factory=lambda: defaultdict(list))
    ikk: dict[str, list[IkkRow]] = field(default_factory=lambda: defaultdict(list))
    skp_forms: dict[str, list[SkpForm]] = field(default_factory=lambda: defaultdict(list))

    @property
    def pimpinan(self) -> str | None:
        nip = self.master.text("nip_pimpinan")
        return str(nip).strip().upper() if nip is not None else None

    def iku_target(self, code: str) -> float | None:
        row = self.iku.get(code)
        return row.number(self.iku_target_key) if row and self.iku_target_key else None

    def unit_of_head(self, nip: str) -> str | None:
        return next((u for u, head in self.unit_heads.items() if head == nip), None)


def build_index(master: MasterForm, others: Sequence[NormalForm]) -> CascadeIndex:
    index = CascadeIndex(
        master=master,
        units=[f for f in others if f.form.id == FormKind.UNIT],
        skps=[f for f in others if f.form.id == FormKind.SKP],
    )
    _index_year(index, master)
    _index_iku(index, master)
    _index_master_units(index, master)
    _index_penugasan(index, master)
    _index_pegawai(index, master)
    _index_unit_forms(index)
    _index_skp_forms(index)
    return index


def _index_year(index: CascadeIndex, master: MasterForm) -> None:
    """The PK year, and its target_N column of the Renstra IKU (N of 1 to 5)."""
    tahun, awal = master.number("tahun"), master.number("tahun_awal_renstra")
    index.tahun = int(tahun) if tahun is not None else None
    if tahun is not None and awal is not None and 1 <= tahun - awal + 1 <= 5:
        index.iku_target_key = renstra_target(int(tahun - awal + 1))


def _index_iku(index: CascadeIndex, master: MasterForm) -> None:
    """The master's IKU rows by code (the first row of a code)."""
    iku = master.table("iku")
    for pos in positions(iku):
        code = text(iku, pos, "kode_iku")
        if code:
            index.iku.setdefault(code, RowRef(master, iku, pos))


def _index_master_units(index: CascadeIndex, master: MasterForm) -> None:
    """The master's units: their names and heads by kode_unit."""
    unit = master.table("unit")
    for pos in positions(unit):
        code = text(unit, pos, "kode_unit")
        if code:
            index.unit_names[code] = text(unit, pos, "nama_unit") or code
            head = text(unit, pos, "nip_kepala")
            if head:
                index.unit_heads[code] = head


def _index_penugasan(index: CascadeIndex, master: MasterForm) -> None:
    """IKU code → the units assigned to derive it."""
    penugasan = master.table("penugasan")
    for pos in positions(penugasan):
        code, unit_code = text(penugasan, pos, "kode_iku"), text(penugasan, pos, "kode_unit")
        if code and unit_code:
            index.assigned[code].add(unit_code)


def _index_pegawai(index: CascadeIndex, master: MasterForm) -> None:
    """The master's employees by NIP: superior, unit and row."""
    pegawai = master.table("pegawai")
    for pos in positions(pegawai):
        nip = text(pegawai, pos, "nip")
        if nip:
            index.atasan[nip] = text(pegawai, pos, "nip_atasan")
            index.pegawai_unit[nip] = text(pegawai, pos, "kode_unit")
            index.pegawai_rows[nip] = RowRef(master, pegawai, pos)


def _index_unit_forms(index: CascadeIndex) -> None:
    """The unit workbooks by kode_unit, and their PK rows by IKK code."""
    for form in index.units:
        code = form.text("kode_unit")
        if code:
            index.unit_forms[code].append(form)
        pk = form.table("pk")
        for pos in positions(pk):
            ikk = text(pk, pos, "kode_ikk")
            if ikk:
                index.ikk[ikk].append(RowRef(form, pk, pos))


def _index_skp_forms(index: CascadeIndex) -> None:
    """The SKP workbooks by NIP."""
    for form in index.skps:
        nip = form.text("nip")
        if nip:
            index.skp_forms[str(nip)].append(form)
