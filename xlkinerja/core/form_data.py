"""In-memory form data: what a workbook holds, each value remembering its sheet and cell.

No I/O here. The reader builds these from a file, the Excel adapter from a live book;
the writer takes `FormValues` to pre-fill a template.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Generic

from typing_extensions import TypeVar

from xlkinerja.core.spec_tables import DataTables
from xlkinerja.specs import Form, Table
from xlkinerja.specs.keys import FieldKey
from xlkinerja.specs.model import EarlierVersion

if TYPE_CHECKING:
    import pandas as pd  # only for the type: worker processes never import pandas

CellScalar = str | float | int | bool | date | datetime | time | None

K = TypeVar("K", bound=str, default=str)
"""The column keys of a table (`Row`, `TableData`, `NormalTable`): a `Literal` of
specs/keys.py (`PkColumn`) for a table the code names (`form.table("pk")`), so that a column
key written in the code is checked; `str` (the default) for a table whose keys come from
the spec at run time (`form.tables[spec.key]`)."""


class CellFormat(StrEnum):
    """A number format that changes what a cell's stored number means."""

    PERSEN = "persen"  # a percent format: Excel stores a typed 85% as 0.85


@dataclass(frozen=True)
class CellValue:
    """One value as the spreadsheet holds it. `None` is blank; `0` stays `0`."""

    value: CellScalar
    sheet: str
    cell: str  # A1 address

    @property
    def is_blank(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Row(Generic[K]):
    number: int  # the Excel row number
    cells: Mapping[K, CellValue]

    def __getitem__(self, key: K) -> CellValue:
        return self.cells[key]

    def value(self, key: K) -> CellScalar:
        return self.cells[key].value


@dataclass(frozen=True)
class TableData(Generic[K]):
    """One table's non-blank rows, held column-wise: `columns[key][i]` is the value of input
    column `key` in Excel row `numbers[i]`, at cell `letters[key] + numbers[i]`.

    Column lists are what the fast reader produces and what normalising consumes; `rows`
    gives the same data as `Row`s of `CellValue`s, built on first use.
    """

    spec: Table
    sheet: str
    numbers: tuple[int, ...]  # Excel row numbers
    columns: Mapping[K, Sequence[CellScalar]]  # input column key → values
    letters: Mapping[K, str]  # input column key → column letters

    @classmethod
    def from_rows(
        cls: type[TableData[str]], spec: Table, sheet: str, rows: Sequence[Row[str]]
    ) -> TableData[str]:
        """From rows of cells (each row with the same keys, cells on `sheet`)."""
        keys = [c.key for c in spec.input_columns]
        letters = {}
        if rows:
            letters = {k: rows[0].cells[k].cell.rstrip("0123456789") for k in keys}
        return cls(
            spec=spec,
            sheet=sheet,
            numbers=tuple(r.number for r in rows),
            columns={k: [r.value(k) for r in rows] for k in keys},
            letters=letters,
        )

    @cached_property
    def rows(self) -> tuple[Row[K], ...]:
        keys = list(self.columns)
        return tuple(
            Row(
                number=number,
                cells={
                    k: CellValue(self.columns[k][i], self.sheet, _cell(self.letters, k, number))
                    for k in keys
                },
            )
            for i, number in enumerate(self.numbers)
        )

    def __iter__(self) -> Iterator[Row[K]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.numbers)

    def records(self) -> list[dict[K, CellScalar]]:
        """Plain values per row, keyed by column key (input columns only)."""
        keys = list(self.columns)
        return [{k: self.columns[k][i] for k in keys} for i in range(len(self.numbers))]

    def to_frame(self: TableData[str]) -> pd.DataFrame:
        """A pandas DataFrame of the raw values plus `_baris` (the Excel row number)."""
        import pandas as pd

        keys = [c.key for c in self.spec.input_columns]
        data = {k: list(self.columns[k]) for k in keys}
        data["_baris"] = list(self.numbers)
        return pd.DataFrame(data, columns=[*keys, "_baris"])


def _cell(letters: Mapping[K, str], key: K, number: int) -> str:
    """A column's cell in row `number`; "" for a column an earlier version did not have."""
    column = letters.get(key)
    return f"{column}{number}" if column else ""


@dataclass(frozen=True)
class TemplateMeta:
    template_id: str
    version: str
    schema_hash: str
    generator: str


@dataclass(frozen=True)
class FormData(DataTables):
    """A filled workbook, read back: fields and tables of one form. A table the code names
    is `table(key)`, typed with its column keys (core/spec_tables.py); `tables` holds them
    by a key computed at run time."""

    form: Form
    path: Path
    meta: TemplateMeta
    fields: Mapping[str, CellValue]
    tables: Mapping[str, TableData[str]]
    # Input cells (sheet, A1) whose value the reader could not see: the cached Excel error
    # ("#DIV/0!", "#REF!", ...), or "" for a formula without a cached value. Their
    # `CellValue` is blank (None); a validator reports them instead of "not filled".
    formula_cells: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # Cells (sheet, A1) of the columns whose value is measured in a satuan
    # (`Column.satuan_from`) that hold a number with a percent format: a
    # percent-formatted 0.85 was typed as 85%. Only the file reader can see formats.
    number_formats: Mapping[tuple[str, str], CellFormat] = field(default_factory=dict)
    # The workbook is of an earlier version of its form (`Form.earlier`): read as it was,
    # the columns added since blank (and without a cell).
    earlier: EarlierVersion | None = None

    @property
    def is_master(self) -> bool:
        return self.form.is_master

    def value(self, field_key: FieldKey) -> CellScalar:
        return self.fields[field_key].value

    def field_cell(self, field_key: FieldKey) -> CellValue:
        return self.fields[field_key]


@dataclass(frozen=True)
class FormValues:
    """Values to write into a template: header fields and table rows, by key."""

    fields: Mapping[str, CellScalar] = field(default_factory=dict)
    tables: Mapping[str, Sequence[Mapping[str, CellScalar]]] = field(default_factory=dict)
    # A table cell's own number format, as a user's typing leaves it: (table key, row
    # index, column key) → an Excel format code, or a built-in format id (a typed 85% is
    # 0.85 with id 9, "0%"). Other cells have their column's format.
    formats: Mapping[tuple[str, int, str], str | int] = field(default_factory=dict)

    @classmethod
    def from_form_data(cls, data: FormData) -> FormValues:
        """The values as read, to be written again: a typed percentage keeps its percent
        format (0.875 with "0.00%", a whole percentage with "0%")."""
        formats: dict[tuple[str, int, str], str | int] = {}
        if data.number_formats:
            for key, table in data.tables.items():
                columns = {letters: column for column, letters in table.letters.items()}
                rows = {number: index for index, number in enumerate(table.numbers)}
                for (sheet, cell), _ in data.number_formats.items():
                    letters = cell.rstrip("0123456789")
                    index = rows.get(int(cell[len(letters) :]))
                    if sheet == table.sheet and letters in columns and index is not None:
                        value = table.columns[columns[letters]][index]
                        formats[(key, index, columns[letters])] = percent_format(value)
        return cls(
            fields={k: c.value for k, c in data.fields.items()},
            tables={k: t.records() for k, t in data.tables.items()},
            formats=formats,
        )


def percent_format(value: CellScalar) -> int:
    """Excel's built-in percent format that shows `value` whole: 9 ("0%") for 0.78,
    10 ("0.00%") for 0.875."""
    if isinstance(value, int | float) and round(value * 100, 9).is_integer():
        return 9
    return 10
