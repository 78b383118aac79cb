"""A workbook's values after normalising: per table, column-wise, each value with where it
came from. What every check, the cascade, the rekap and the archive read; built by
`validation.normalise` from the form data a reader or the Excel adapter makes.

Keys are typed (specs/keys.py): a table the code names is `form.table("pk")`, a
`NormalTable[PkColumn]`, whose column look-ups take the pk table's column keys only; a
field is read through `NormalForm[F]`, whose look-ups take the field keys `F` of its form:
`UnitForm` (a unit workbook's), `MasterForm`, `SkpForm`. A bare `NormalForm` is a form of
any kind, read by any form's field keys: what normalising returns, accepted where one kind
is expected (which kind a workbook is, is known at run time). `AnyForm` is any typed form,
of which no field is read by key. Keys computed at run time (a loop over the spec's items)
go through `tables[key]` and `fields`, typed `str`: the one untyped way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Never, TypeAlias

from typing_extensions import TypeVar

from xlkinerja.core.codes import ColumnCode, ColumnRule, column_code
from xlkinerja.core.form_data import CellScalar, CellValue, K
from xlkinerja.core.spec_tables import NormalTables
from xlkinerja.specs.keys import FieldKey, MasterFieldKey, SkpFieldKey, UnitFieldKey
from xlkinerja.specs.model import Column, EarlierVersion, Field, Form

FIELDS = "_isian"  # pseudo-table key of a form's single fields

F_contra = TypeVar("F_contra", bound=str, contravariant=True, default=FieldKey)
"""The field keys a `NormalForm` is read by (contravariant: a function that reads some
fields takes every form that has them)."""

NormalValue = str | float | date | None
"""What normalising yields, by the item's type: text, code and choice items hold `str`;
number and integer items `float` (NaN, while stored, is blank — or unreadable, see
`NormalTable.unread`); date items `date`; a blank cell `None`. The accessors below hand out
NaN as None."""


@dataclass(frozen=True)
class Unreadable:
    """A number cell the user filled with something that is not a readable number: text
    such as '1.050' (ambiguous) or 'sekitar 80', an Excel error (#DIV/0!, #N/A), a formula
    without a cached value. Its value is unknown: never blank, never 0."""

    sheet: str
    cell: str  # A1
    content: str  # what the cell held, as shown to the user: "'1.050'", "#DIV/0!"

    def describe(self) -> str:
        """Indonesian: "sel Capaian!D12 berisi '1.050'"."""
        return f"sel {self.sheet}!{self.cell} berisi {self.content}"


def text_of(value: NormalValue, key: str) -> str | None:
    """The value of a text, code or choice item; another kind is a bug (TypeError)."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{key}: {type(value).__name__} where text was expected")


def number_of(value: NormalValue, key: str) -> float | None:
    """The value of a number or integer item (NaN is blank: None)."""
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if value is None:
        return None
    raise TypeError(f"{key}: {type(value).__name__} where a number was expected")


def day_of(value: NormalValue, key: str) -> date | None:
    """The value of a date item."""
    if value is None or isinstance(value, date):
        return value
    raise TypeError(f"{key}: {type(value).__name__} where a date was expected")


def field_scope(form: Form, field_key: str) -> str:
    return form.sheet_of_field(field_key).name.lower().replace(" ", "_").replace("-", "_")


@dataclass(frozen=True)
class NormalTable(Generic[K]):
    """One table (or the form's fields, as one row) with normalised values.

    Stored column-wise as plain lists (cheap to pickle between processes); cell addresses
    are rebuilt on demand from each column's sheet and letter (or, for fields, its cell).
    """

    key: str
    items: tuple[Column | Field, ...]
    rows: tuple[int | None, ...]  # Excel row numbers (None for fields)
    scopes: Mapping[K, str]  # item key → code scope
    columns: Mapping[K, list[NormalValue]]  # normalised values per item key
    filled: Mapping[K, list[bool]]  # the user typed something (not blank)
    raw: Mapping[K, list[CellScalar]]  # the values as the spreadsheet held them
    places: Mapping[K, tuple[str, str]]  # item key → (sheet, column letter or A1 cell)
    # Positions per item key whose number was typed as a percentage (a percent number
    # format, Excel's 0.85 for 85%) and is held here in percentage points (85).
    persen: Mapping[K, frozenset[int]] = field(default_factory=dict)
    # number items: positions whose cell was filled but could not be read → what it held
    unread: Mapping[K, Mapping[int, str]] = field(default_factory=dict)

    def code(self, key: K, rule: ColumnRule) -> ColumnCode:
        return column_code(self.scopes[key], key, rule)

    def label(self, key: K) -> str:
        return next(i.label for i in self.items if i.key == key)

    def cell(self, pos: int, key: K) -> CellValue:
        sheet, place = self.places[key]
        row = self.rows[pos]
        return CellValue(self.raw[key][pos], sheet, place if row is None else f"{place}{row}")

    def unreadable(self, pos: int, key: K) -> Unreadable | None:
        """The cell, when the user filled it with something not readable as a number."""
        content = self.unread.get(key, {}).get(pos)
        if content is None:
            return None
        cell = self.cell(pos, key)
        return Unreadable(cell.sheet, cell.cell, content)

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class NormalForm(NormalTables, Generic[F_contra]):
    form: Form
    file: str
    fields: NormalTable[str]  # the single fields, as one row
    tables: Mapping[str, NormalTable[str]]
    earlier: EarlierVersion | None = None  # made with an earlier version of its form

    @property
    def is_master(self) -> bool:
        return self.form.is_master

    def field(self, key: F_contra) -> NormalValue:
        value = self.fields.columns[key][0]
        return None if _is_missing(value) else value

    def text(self, key: F_contra) -> str | None:
        return text_of(self.fields.columns[key][0], key)

    def number(self, key: F_contra) -> float | None:
        return number_of(self.fields.columns[key][0], key)

    def day(self, key: F_contra) -> date | None:
        return day_of(self.fields.columns[key][0], key)

    def field_cell(self, key: F_contra) -> CellValue:
        return self.fields.cell(0, key)


MasterForm: TypeAlias = NormalForm[MasterFieldKey]
UnitForm: TypeAlias = NormalForm[UnitFieldKey]
SkpForm: TypeAlias = NormalForm[SkpFieldKey]
AnyForm: TypeAlias = NormalForm[Never]  # every NormalForm[F] is one; it reads no field


def _is_missing(value: NormalValue) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
