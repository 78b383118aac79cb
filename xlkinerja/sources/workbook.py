"""One reading of a form, whatever holds the workbook: a file (sources/file_book.py), a
workbook open in Excel (excel/reader.py) or a version in the archive (store/restore.py).

Each of these is a `Workbook`: it answers what it holds — the template's metadata, the sheet
names, a header field's cell, a table's input columns as stored, the percent formats of a
table's numbers — and `read_workbook` turns the answers into `FormData` by the same rules
for all three: the form the metadata names, every sheet present, the table rows that count
(a row is kept when one of its input cells holds a value or a formula error; the
template's spare empty rows are not), the cells whose value could not be seen listed in
`FormData.formula_cells`. The errors a workbook of the wrong shape gets (a table or a
column missing, a table on another sheet, a field's name missing) are worded here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from xlkinerja.core.form_data import (
    CellFormat,
    CellScalar,
    CellValue,
    FormData,
    TableData,
    TemplateMeta,
)
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.sources.form_identity import REGENERATE_HINT, check_sheets, resolve_form
from xlkinerja.specs import Field, Form, Table

Cell = tuple[str, str]  # (sheet, A1)


@dataclass(frozen=True)
class TableCells:
    """One table's input columns as the workbook stores them, before the rules of which
    rows count: `columns[key][i]` is the value in Excel row `numbers[i]` (None: blank);
    `errors` the input cells whose value could not be seen, A1 → (index into `numbers`,
    the error shown: "#DIV/0!", or "" for a formula without a stored value)."""

    sheet: str
    numbers: Sequence[int]
    letters: Mapping[str, str]  # input column key → column letters
    columns: Mapping[str, Sequence[CellScalar]]
    errors: Mapping[str, tuple[int, str]]


class Workbook(Protocol):
    """What `read_workbook` asks of a workbook, wherever it lives."""

    @property
    def path(self) -> Path:
        """What stands for the workbook's path in findings."""
        ...

    def meta(self) -> TemplateMeta: ...

    def sheet_names(self) -> Sequence[str]: ...

    def prepare(self, form: Form, *, fields_only: bool) -> None:
        """The form is known: load what the reads of its fields (and tables) need."""
        ...

    def field(self, form: Form, fld: Field) -> tuple[CellValue, str | None]:
        """A header field's cell and value, and the error it shows (None: none)."""
        ...

    def table(self, form: Form, spec: Table) -> TableCells: ...

    def percent_cells(self, spec: Table, table: TableData) -> dict[Cell, CellFormat]:
        """The numbers of the kept rows, in the columns measured in a satuan, that have a
        percent number format (a typed 85% stored as 0.85)."""
        ...

    def close(self) -> None: ...


def read_workbook(
    book: Workbook, expected: Form | None = None, *, fields_only: bool = False
) -> FormData:
    """The form data of `book`: the form its metadata names (`expected`: the one it must
    be), every sheet of it present, its fields and tables. `fields_only`: the header fields
    alone, every table left empty (a quick look, e.g. at a master's settings)."""
    try:
        meta = book.meta()
        current, earlier = resolve_form(meta, book.path, expected)
        form = current.as_of(earlier) if earlier is not None else current  # as it was made
        check_sheets(form, book.sheet_names(), book.path)
        book.prepare(form, fields_only=fields_only)
        formula_cells: dict[Cell, str] = {}
        number_formats: dict[Cell, CellFormat] = {}
        fields: dict[str, CellValue] = {}
        for fld in form.fields:
            value, error = book.field(form, fld)
            fields[fld.key] = value
            if error is not None:
                formula_cells[(value.sheet, value.cell)] = error
        tables: dict[str, TableData] = {}
        for spec in form.tables:
            if fields_only:
                tables[spec.key] = empty_table(form, spec)
                continue
            table = kept_rows(spec, book.table(form, spec), formula_cells)
            number_formats.update(book.percent_cells(spec, table))
            tables[spec.key] = table
    finally:
        book.close()
    if earlier is not None:  # the columns and fields added since: blank, in the current shape
        tables = {key: _as_now(current.table(key), table) for key, table in tables.items()}
        fields = _fields_as_now(current, fields)
    return FormData(
        form=current,
        path=book.path,
        meta=meta,
        fields=fields,
        tables=tables,
        formula_cells=formula_cells,
        number_formats=number_formats,
        earlier=earlier,
    )


def _as_now(spec: Table, table: TableData) -> TableData:
    """A table read as an earlier version made it, in the current form's shape: the
    columns added since blank, with no letters (no cell holds them)."""
    n = len(table.numbers)
    columns = {
        c.key: table.columns[c.key] if c.key in table.columns else [None] * n
        for c in spec.input_columns
    }
    return TableData(spec, table.sheet, table.numbers, columns, table.letters)


def _fields_as_now(current: Form, fields: Mapping[str, CellValue]) -> dict[str, CellValue]:
    """The fields read as an earlier version made them, in the current form's order: a
    field added since blank, on its sheet, with no cell (none holds it)."""
    return {
        f.key: fields[f.key]
        if f.key in fields
        else CellValue(None, current.sheet_of_field(f.key).name, "")
        for f in current.fields
    }


def kept_rows(spec: Table, cells: TableCells, formula_cells: dict[Cell, str]) -> TableData:
    """The table's rows that count — those with a value or a formula error in an input
    cell — its unseen cells added to `formula_cells`."""
    columns = cells.columns
    count = len(cells.numbers)
    blank = (None,) * len(columns)
    keep = [i for i, values in enumerate(zip(*columns.values(), strict=True)) if values != blank]
    if cells.errors:
        keep = sorted({*keep, *(index for index, _ in cells.errors.values())})
        formula_cells.update({(cells.sheet, a): error for a, (_, error) in cells.errors.items()})
    if len(keep) < count:
        columns = {key: [column[i] for i in keep] for key, column in columns.items()}
        numbers = tuple(cells.numbers[i] for i in keep)
    else:
        numbers = tuple(cells.numbers)
    return TableData(
        spec=spec, sheet=cells.sheet, numbers=numbers, columns=columns, letters=cells.letters
    )


def empty_table(form: Form, spec: Table) -> TableData:
    columns: dict[str, list[CellScalar]] = {c.key: [] for c in spec.input_columns}
    return TableData(spec, form.sheet_of_table(spec.key).name, (), columns, {})


def column_positions(
    spec: Table, headers: Sequence[str], *, path: Path, sheet: str, header_cell: str | None
) -> dict[str, int]:
    """Where each input column of `spec` is among the table's `headers` (by its label);
    a column missing is refused at the header's first cell."""
    positions: dict[str, int] = {}
    for col in spec.input_columns:
        if col.label not in headers:
            raise WorkbookError(
                f"kolom '{col.label}' tidak ada di tabel '{spec.name}' "
                "(judul kolom diubah atau dihapus?).",
                code=ErrorCode.TEMPLAT_KOLOM_HILANG,
                path=path,
                sheet=sheet,
                cell=header_cell,
                hint=REGENERATE_HINT,
            )
        positions[col.key] = headers.index(col.label)
    return positions


def table_missing(spec: Table, path: Path, sheet: str) -> WorkbookError:
    return WorkbookError(
        f"tabel '{spec.name}' ({spec.title}) tidak ditemukan; mungkin dihapus atau diganti nama.",
        code=ErrorCode.TEMPLAT_TABEL_HILANG,
        path=path,
        sheet=sheet,
        hint=REGENERATE_HINT,
    )


def table_elsewhere(spec: Table, path: Path, found_on: str, sheet: str) -> WorkbookError:
    return WorkbookError(
        f"tabel '{spec.name}' berada di lembar '{found_on}', seharusnya di lembar '{sheet}'.",
        code=ErrorCode.TEMPLAT_TABEL_SALAH_LEMBAR,
        path=path,
        hint=REGENERATE_HINT,
    )


def name_missing(fld: Field, path: Path, sheet: str) -> WorkbookError:
    return WorkbookError(
        f"nama sel '{fld.name}' untuk isian '{fld.label}' tidak "
        "ditemukan atau tidak menunjuk satu sel.",
        code=ErrorCode.TEMPLAT_NAMA_SEL_HILANG,
        path=path,
        sheet=sheet,
        hint=REGENERATE_HINT,
    )


def measured_columns(spec: Table, letters: Mapping[str, str]) -> dict[str, str]:
    """The input columns whose value is measured in the row's satuan: key → letters."""
    return {c.key: letters[c.key] for c in spec.input_columns if c.satuan_from}


def is_number(value: CellScalar) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
