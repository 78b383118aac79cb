"""In-memory form data: what a workbook holds, each value remembering its sheet and cell.

No I/O here. The reader builds these from a file, the Excel adapter from a live book;
the writer takes `FormValues` to pre-fill a template.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from xlkinerja.specs import Form, Table

CellScalar = str | float | int | bool | date | datetime | time | None


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
class Row:
    number: int  # the Excel row number
    cells: Mapping[str, CellValue]

    def __getitem__(self, key: str) -> CellValue:
        return self.cells[key]

    def value(self, key: str) -> CellScalar:
        return self.cells[key].value


@dataclass(frozen=True)
class TableData:
    spec: Table
    sheet: str
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, CellScalar]]:
        """Plain values per row, keyed by column key (input columns only)."""
        return [{k: c.value for k, c in row.cells.items()} for row in self.rows]

    def to_frame(self) -> Any:
        """A pandas DataFrame of the raw values plus `_baris` (the Excel row number)."""
        import pandas as pd

        keys = [c.key for c in self.spec.input_columns]
        data = {k: [row.value(k) for row in self.rows] for k in keys}
        data["_baris"] = [row.number for row in self.rows]
        return pd.DataFrame(data, columns=[*keys, "_baris"])


@dataclass(frozen=True)
class TemplateMeta:
    template_id: str
    version: str
    schema_hash: str
    generator: str


@dataclass(frozen=True)
class FormData:
    """A filled workbook, read back: fields and tables of one form."""

    form: Form
    path: Path
    meta: TemplateMeta
    fields: Mapping[str, CellValue]
    tables: Mapping[str, TableData]
    # Input cells (sheet, A1) whose value the reader could not see: the cached Excel error
    # ("#DIV/0!", "#REF!", ...), or "" for a formula without a cached value. Their
    # `CellValue` is blank (None); a validator reports them instead of "not filled".
    formula_cells: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def value(self, field_key: str) -> CellScalar:
        return self.fields[field_key].value

    def table(self, key: str) -> TableData:
        return self.tables[key]


@dataclass(frozen=True)
class FormValues:
    """Values to write into a template: header fields and table rows, by key."""

    fields: Mapping[str, CellScalar] = field(default_factory=dict)
    tables: Mapping[str, Sequence[Mapping[str, CellScalar]]] = field(default_factory=dict)

    @classmethod
    def from_form_data(cls, data: FormData) -> FormValues:
        return cls(
            fields={k: c.value for k, c in data.fields.items()},
            tables={k: t.records() for k, t in data.tables.items()},
        )
