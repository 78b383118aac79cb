"""Read a workbook open in Excel into `FormData`, as sources/reader.py `read_form` reads a
file: the same `read_workbook` (sources/workbook.py) over the Excel side of the workbook.

The workbook is an xlwings `Book`: a live one on the user's PC (the add-in's local mode,
`RunPython`), or the remote engine's `xw.Book(json=payload)` built from what the add-in
sends to the server (`RunRemotePython`). Both answer the same calls — tables by name,
single fields by defined name — so every rule sees the same data whichever way the
workbook came; no rule is written twice.

What differs from a file: Excel has calculated every formula, so there is no "formula
without a stored value"; an error value (`#DIV/0!`) arrives as its text and is listed in
`FormData.formula_cells` like the file reader does. Dates arrive as datetimes (the remote
engine parses the client's ISO text). The workbook has no path of its own: its name (or
full name, when Excel has saved it) stands in for the path in every finding.

Number formats: a percentage typed into Excel is 0.85 with a percent format, like in a
file (see sources/number_formats.py). Excel itself (local mode) answers `Range.number_format`,
so the numbers of the satuan columns are asked for theirs: one call per column, one per
cell only in a column whose cells differ. The remote engine's payload carries values only
(xlwings raises NotImplementedError for a format): in server mode a typed 85% reads as
0.85, and only the scale check of the normaliser (0.85 among values around 85) can see it.

Nothing here imports xlwings: the book is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from xlkinerja.core.address import column_letters
from xlkinerja.core.form_data import (
    CellFormat,
    CellScalar,
    CellValue,
    FormData,
    TableData,
    TemplateMeta,
)
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.sources.form_identity import (
    REGENERATE_HINT,
    meta_from_rows,
)
from xlkinerja.sources.number_formats import format_kind
from xlkinerja.sources.workbook import (
    Cell,
    TableCells,
    column_positions,
    is_number,
    measured_columns,
    name_missing,
    read_workbook,
    table_elsewhere,
    table_missing,
)
from xlkinerja.specs import Field, Form, Table
from xlkinerja.specs.template_meta import META_SHEET

ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!", "#SPILL!"}
)
META_ROWS = 20  # the _meta sheet's key/value rows are within these


def book_path(book: Any) -> Path:
    """What stands for the workbook's path in findings: its full name when Excel saved it,
    else its name (a new, unsaved workbook, or the remote engine's)."""
    fullname = str(getattr(book, "fullname", "") or "")
    return Path(fullname or str(book.name))


def _value(raw: Any) -> tuple[CellScalar, str | None]:
    """A value as the form data keeps it, and the error it shows (if any)."""
    if raw is None or raw == "":
        return None, None
    if isinstance(raw, str):
        return (None, raw) if raw in ERRORS else (raw, None)
    if isinstance(raw, bool):
        return raw, None
    if isinstance(raw, float):
        return (int(raw) if raw.is_integer() and abs(raw) < 2**53 else raw), None
    if isinstance(raw, int | datetime | date | time):
        return raw, None
    return str(raw), None


def _sheet_names(book: Any) -> list[str]:
    return [sheet.name for sheet in book.sheets]


def _meta(book: Any, path: Path) -> TemplateMeta:
    if META_SHEET not in _sheet_names(book):
        raise WorkbookError(
            "bukan workbook templat xlkinerja (lembar metadata tidak ada).",
            code=ErrorCode.TEMPLAT_METADATA_HILANG,
            path=path,
            hint=REGENERATE_HINT,
        )
    rows = book.sheets[META_SHEET].range((1, 1), (META_ROWS, 2)).options(ndim=2).value
    return meta_from_rows(rows, path)


def _names(book: Any) -> dict[str, Any]:
    """Workbook-level names that refer to a range, by name."""
    found = {}
    for name in book.names:
        if "!" in name.name:
            continue  # sheet-local: not one of the template's
        found[name.name] = name
    return found


def find_table(book: Any, name: str) -> tuple[Any, Any] | None:
    """(sheet, table) of the Excel table `name` in the open workbook, or None."""
    for sheet in book.sheets:
        for table in sheet.tables:
            if table.name == name:
                return sheet, table
    return None


class LiveWorkbook:
    """An open workbook (an xlwings Book) as `read_workbook` reads it
    (sources/workbook.py)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self._path = book_path(book)
        self._names: dict[str, Any] | None = None

    @property
    def path(self) -> Path:
        return self._path

    def meta(self) -> TemplateMeta:
        return _meta(self.book, self.path)

    def sheet_names(self) -> list[str]:
        return _sheet_names(self.book)

    def prepare(self, form: Form, *, fields_only: bool) -> None:
        """Excel answers every call itself: nothing to load first."""

    def field(self, form: Form, fld: Field) -> tuple[CellValue, str | None]:
        if self._names is None:
            self._names = _names(self.book)
        name = self._names.get(fld.name)
        target = name.refers_to_range if name is not None else None
        if target is None or target.count != 1:
            raise name_missing(fld, self.path, form.sheet_of_field(fld.key).name)
        value, error = _value(target.options(err_to_str=True).value)
        return CellValue(value, target.sheet.name, target.get_address(False, False)), error

    def table(self, form: Form, spec: Table) -> TableCells:
        sheet_name = form.sheet_of_table(spec.key).name
        table = self._table(spec, sheet_name)
        header = table.header_row_range
        headers = [str(h or "").strip() for h in header.options(ndim=1).value] if header else []
        header_cell = header.get_address(False, False).split(":")[0] if header else None
        positions = column_positions(
            spec, headers, path=self.path, sheet=sheet_name, header_cell=header_cell
        )
        body = table.data_body_range
        rows: Sequence[Sequence[Any]] = (
            body.options(ndim=2, err_to_str=True).value if body is not None else []
        )
        first_number = body.row if body is not None else 0
        first_col = (body.column if body is not None else 1) - 1
        letters = {key: column_letters(first_col + index) for key, index in positions.items()}
        columns: dict[str, list[CellScalar]] = {key: [] for key in positions}
        errors: dict[str, tuple[int, str]] = {}
        for offset, row in enumerate(rows):
            for key, index in positions.items():
                value, error = _value(row[index] if index < len(row) else None)
                columns[key].append(value)
                if error is not None:
                    errors[f"{letters[key]}{first_number + offset}"] = (offset, error)
        return TableCells(
            sheet=sheet_name,
            numbers=range(first_number, first_number + len(rows)),
            letters=letters,
            columns=columns,
            errors=errors,
        )

    def _table(self, spec: Table, sheet_name: str) -> Any:
        found = find_table(self.book, spec.name)
        if found is None:
            raise table_missing(spec, self.path, sheet_name)
        sheet, table = found
        if sheet.name != sheet_name:
            raise table_elsewhere(spec, self.path, sheet.name, sheet_name)
        return table

    def percent_cells(self, spec: Table, table: TableData) -> dict[Cell, CellFormat]:
        measured = measured_columns(spec, table.letters) if table.numbers else {}
        found: dict[Cell, CellFormat] = {}
        sheet = self.book.sheets[table.sheet] if measured else None
        for key, column in measured.items():
            values = table.columns[key]
            numeric = [n for n, v in zip(table.numbers, values, strict=True) if is_number(v)]
            cells = _percent_cells(sheet, column, numeric)
            if cells is None:
                break  # the remote engine: no formats at all
            found.update({(table.sheet, cell): CellFormat.PERSEN for cell in cells})
        return found

    def close(self) -> None:
        """The workbook stays open: it is the user's."""


def _percent_cells(sheet: Any, letters: str, rows: list[int]) -> list[str] | None:
    """The cells of column `letters` in `rows` whose number format is a percentage; None
    when the workbook cannot tell formats (the remote engine)."""
    if not rows:
        return []
    try:
        whole = sheet.range(f"{letters}{rows[0]}:{letters}{rows[-1]}").number_format
    except NotImplementedError:
        return None
    if isinstance(whole, str):  # one format for the whole column (Excel: None when mixed)
        percent = format_kind(whole) == CellFormat.PERSEN
        return [f"{letters}{row}" for row in rows] if percent else []
    found = []
    for row in rows:
        own = sheet.range(f"{letters}{row}").number_format
        if isinstance(own, str) and format_kind(own) == CellFormat.PERSEN:
            found.append(f"{letters}{row}")
    return found


def read_book(book: Any, expected: Form | None = None) -> FormData:
    """The form data of an open workbook (an xlwings Book), as `read_form` reads a file."""
    return read_workbook(LiveWorkbook(book), expected)


@dataclass(frozen=True)
class OpenWorkbook:
    """A workbook open in Excel as a job's source (sources/source.py)."""

    book: Any

    @property
    def name(self) -> str:
        return str(book_path(self.book))

    def read(self, expected: Form | None = None) -> FormData:
        return read_book(self.book, expected)

    def digest(self) -> str:
        return ""  # no bytes of its own: the workbook is in Excel
