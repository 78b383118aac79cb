"""A table of a report (specs/report.py) found on its sheet by its spec and read back.

The header row is the row whose cells hold most of the spec's labels in their places; then
every label is checked, so a column renamed, moved or removed is a `WorkbookError` naming
the file, the sheet and the cell (a column an earlier version did not write, `optional`,
may be blank: it is then absent). The rows are those beneath the header until a blank one.

Cells as calamine reads them (`to_python(skip_empty_area=False)`, so indexes are the
sheet's): an empty cell is "", a number a float. A text column's value is a str or None
(a whole float a code's text: 2025.0 is "2025"), a number column's a float or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.core.address import cell_address
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.specs.model import ValueType
from xlkinerja.specs.report import ReportTable

Grid = list[list[Any]]
REMAKE = "Buat ulang rekap dengan 'xlkinerja kompilasi'."
NUMBERS = (ValueType.NUMBER, ValueType.INTEGER)


def value_of(value: Any) -> Any:
    """A cell's value: None for an empty cell."""
    return None if value == "" or value is None else value


def text_of(value: Any) -> str | None:
    value = value_of(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def number_of(value: Any) -> float | None:
    value = value_of(value)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def texts_of(values: Sequence[Any]) -> list[str | None]:
    return [v if v.__class__ is str and v != "" else text_of(v) for v in values]


def numbers_of(values: Sequence[Any]) -> list[float | None]:
    return [float(v) if v.__class__ in (float, int) else None for v in values]


def _blank(row: Sequence[Any], width: int) -> bool:
    return all(c == "" or c is None for c in row[:width])


@dataclass(frozen=True)
class FoundTable:
    """Where a spec'd table sits: its header row (0-based) and the columns it has."""

    path: Path
    sheet: str
    table: ReportTable
    header: int
    keys: tuple[str, ...]  # the spec's columns present (an earlier version may lack some)
    suffixes: dict[str, str] = field(default_factory=dict)  # text after a suffixed label
    body: Grid = field(default_factory=list)  # the rows beneath the header, to a blank one

    @property
    def end(self) -> int:
        """The index of the row after the table."""
        return self.header + 1 + len(self.body)

    def has(self, key: str) -> bool:
        return key in self.keys

    def cells(self, key: str) -> list[Any]:
        """The raw cells of a column, one per row."""
        at = self.table.position(key)
        return [row[at] for row in self.body]

    def column(self, key: str) -> list[Any]:
        """A column's values, typed by the spec: numbers float | None, dates as read, the
        others str | None."""
        cells = self.cells(key)
        kind = self.table.column(key).type
        if kind in NUMBERS:
            return numbers_of(cells)
        if kind is ValueType.DATE:
            return [value_of(c) for c in cells]
        return texts_of(cells)


def _matches(cell: Any, label: str, suffixed: bool) -> bool:
    text = cell if isinstance(cell, str) else ""
    return text == label or (suffixed and text.startswith(label + " "))


def find_table(
    path: Path, sheet: str, rows: Grid, table: ReportTable, start: int = 0
) -> FoundTable:
    """The table on `rows` (a sheet's grid) from row `start` on, checked against its spec."""
    required = table.required
    for i in range(start, len(rows)):
        row = rows[i]
        hits = sum(
            table.position(c.key) < len(row)
            and _matches(row[table.position(c.key)], c.label, c.key in table.suffixed)
            for c in required
        )
        if hits * 2 > len(required):
            return _checked(path, sheet, rows, table, i)
    labels = ", ".join(table.labels)
    raise WorkbookError(
        f"baris judul tabel '{table.title}' ({labels}) tidak ditemukan; rekap ini tidak "
        "dibuat oleh xlkinerja versi ini atau telah diubah.",
        code=ErrorCode.REKAP_JUDUL_TABEL_HILANG,
        path=path,
        sheet=sheet,
        hint=REMAKE,
    )


def _checked(path: Path, sheet: str, rows: Grid, table: ReportTable, at: int) -> FoundTable:
    row = rows[at]
    wrong: list[tuple[str, str, str]] = []  # (cell, what it holds, the label)
    keys: list[str] = []
    suffixes: dict[str, str] = {}
    for n, col in enumerate(table.columns):
        pos = table.position(col.key)
        cell = row[pos] if pos < len(row) else ""
        suffixed = col.key in table.suffixed
        if _matches(cell, col.label, suffixed):
            keys.append(col.key)
            if suffixed:
                suffixes[col.key] = str(cell)[len(col.label) :].strip()
        elif not (n >= len(table.required) and value_of(cell) is None):
            wrong.append((cell_address(at, pos), "" if cell is None else str(cell), col.label))
    if wrong:
        raise _renamed(path, sheet, table, wrong)
    width = len(table.header_cells)
    body: Grid = []
    for r in rows[at + 1 :]:
        if (not r or r[0] == "" or r[0] is None) and _blank(r, width):  # most have a first cell
            break
        body.append(r)
    return FoundTable(path, sheet, table, at, tuple(keys), suffixes, body)


def _renamed(
    path: Path, sheet: str, table: ReportTable, wrong: list[tuple[str, str, str]]
) -> WorkbookError:
    def said(found: str, label: str) -> str:
        shown = f"tertulis '{found}'" if found else "kosong"
        return f"{shown}, seharusnya '{label}'"

    (cell, found, label), *others = wrong
    text = f"judul kolom tabel '{table.title}' {said(found, label)}"
    if others:
        text += "; juga " + "; ".join(f"sel {c} {said(f, lb)}" for c, f, lb in others)
    return WorkbookError(
        text + ". Kolom rekap tidak boleh diganti namanya, dipindah atau dihapus.",
        code=ErrorCode.REKAP_KOLOM_BERUBAH,
        path=path,
        sheet=sheet,
        cell=cell,
        hint=REMAKE,
    )
