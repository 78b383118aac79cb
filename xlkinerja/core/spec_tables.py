"""The tables of a form by their key, each typed with its column keys:
`NormalForm.table("pk")` is a `NormalTable[PkColumn]` and `FormData.table("pk")` a
`TableData[PkColumn]`, so that a table key or a column key the specs do not have is a
type error. A key computed at run time (a loop over the spec's tables) goes through
`.tables[key]`, untyped.

Generated from the specs by `python -m xlkinerja.specs.keygen`: do not edit by hand
(tests/test_spec_keys.py fails while it is stale).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from xlkinerja.specs.keys import (
    AnggaranColumn,
    CapaianColumn,
    IkuColumn,
    ManualColumn,
    MatriksColumn,
    PegawaiColumn,
    PenugasanColumn,
    PkColumn,
    PredikatColumn,
    ProgramColumn,
    RaColumn,
    RealisasiColumn,
    RefIkuColumn,
    RhkColumn,
    TableKey,
    TimColumn,
    UnitColumn,
)

if TYPE_CHECKING:
    from xlkinerja.core.form_data import TableData
    from xlkinerja.core.normal import NormalTable


class NormalTables:
    """`NormalForm.table`: one of its tables by key."""

    tables: Mapping[str, NormalTable[str]]

    @overload
    def table(self, key: Literal["predikat"]) -> NormalTable[PredikatColumn]: ...
    @overload
    def table(self, key: Literal["iku"]) -> NormalTable[IkuColumn]: ...
    @overload
    def table(self, key: Literal["program"]) -> NormalTable[ProgramColumn]: ...
    @overload
    def table(self, key: Literal["unit"]) -> NormalTable[UnitColumn]: ...
    @overload
    def table(self, key: Literal["pegawai"]) -> NormalTable[PegawaiColumn]: ...
    @overload
    def table(self, key: Literal["penugasan"]) -> NormalTable[PenugasanColumn]: ...
    @overload
    def table(self, key: Literal["ref_iku"]) -> NormalTable[RefIkuColumn]: ...
    @overload
    def table(self, key: Literal["pk"]) -> NormalTable[PkColumn]: ...
    @overload
    def table(self, key: Literal["anggaran"]) -> NormalTable[AnggaranColumn]: ...
    @overload
    def table(self, key: Literal["ra"]) -> NormalTable[RaColumn]: ...
    @overload
    def table(self, key: Literal["tim"]) -> NormalTable[TimColumn]: ...
    @overload
    def table(self, key: Literal["matriks"]) -> NormalTable[MatriksColumn]: ...
    @overload
    def table(self, key: Literal["capaian"]) -> NormalTable[CapaianColumn]: ...
    @overload
    def table(self, key: Literal["rhk"]) -> NormalTable[RhkColumn]: ...
    @overload
    def table(self, key: Literal["manual"]) -> NormalTable[ManualColumn]: ...
    @overload
    def table(self, key: Literal["realisasi"]) -> NormalTable[RealisasiColumn]: ...
    def table(self, key: TableKey) -> NormalTable[Any]:
        return self.tables[key]


class DataTables:
    """`FormData.table`: one of its tables by key."""

    tables: Mapping[str, TableData[str]]

    @overload
    def table(self, key: Literal["predikat"]) -> TableData[PredikatColumn]: ...
    @overload
    def table(self, key: Literal["iku"]) -> TableData[IkuColumn]: ...
    @overload
    def table(self, key: Literal["program"]) -> TableData[ProgramColumn]: ...
    @overload
    def table(self, key: Literal["unit"]) -> TableData[UnitColumn]: ...
    @overload
    def table(self, key: Literal["pegawai"]) -> TableData[PegawaiColumn]: ...
    @overload
    def table(self, key: Literal["penugasan"]) -> TableData[PenugasanColumn]: ...
    @overload
    def table(self, key: Literal["ref_iku"]) -> TableData[RefIkuColumn]: ...
    @overload
    def table(self, key: Literal["pk"]) -> TableData[PkColumn]: ...
    @overload
    def table(self, key: Literal["anggaran"]) -> TableData[AnggaranColumn]: ...
    @overload
    def table(self, key: Literal["ra"]) -> TableData[RaColumn]: ...
    @overload
    def table(self, key: Literal["tim"]) -> TableData[TimColumn]: ...
    @overload
    def table(self, key: Literal["matriks"]) -> TableData[MatriksColumn]: ...
    @overload
    def table(self, key: Literal["capaian"]) -> TableData[CapaianColumn]: ...
    @overload
    def table(self, key: Literal["rhk"]) -> TableData[RhkColumn]: ...
    @overload
    def table(self, key: Literal["manual"]) -> TableData[ManualColumn]: ...
    @overload
    def table(self, key: Literal["realisasi"]) -> TableData[RealisasiColumn]: ...
    def table(self, key: TableKey) -> TableData[Any]:
        return self.tables[key]
