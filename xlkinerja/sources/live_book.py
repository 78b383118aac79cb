"""Read a workbook open in Excel into `FormData`, as `reader.read_form` reads a file.

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
from xlkinerja.errors import WorkbookError
from xlkinerja.sources.form_identity import (
    REGENERATE_HINT,
    check_sheets,
    meta_from_rows,
    resolve_form,
)
from xlkinerja.sources.number_formats import format_kind
from xlkinerja.specs import Form, Table
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


def read_meta(book: Any, path: Path) -> TemplateMeta:
    if META_SHEET not in _sheet_names(book):
        raise WorkbookError(
            "bukan workbook templat xlkinerja (lembar metadata tidak ada).",
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


def read_fields(
    book: Any, form: Form, path: Path, formula_cells: dict[tuple[str, str], str]
) -> dict[str, CellValue]:
    names = _names(book)
    fields: dict[str, CellValue] = {}
    for fld in form.fields:
        name = names.get(fld.name)
        target = name.refers_to_range if name is not None else None
        if target is None or target.count != 1:
            raise WorkbookError(
                f"nama sel '{fld.name}' untuk isian '{fld.label}' tidak "
                "ditemukan atau tidak menunjuk satu sel.",
                path=path,
                sheet=form.sheet_of_field(fld.key).name,
                hint=REGENERATE_HINT,
            )
        sheet = target.sheet.name
        cell = target.get_address(False, False)
        value, error = _value(target.options(err_to_str=True).value)
        if error is not None:
            formula_cells[(sheet, cell)] = error
        fields[fld.key] = CellValue(value, sheet, cell)
    return fields


def find_table(book: Any, name: str) -> tuple[Any, Any] | None:
    """(sheet, table) of the Excel table `name` in the open workbook, or None."""
    for sheet in book.sheets:
        for table in sheet.tables:
            if table.name == name:
                return sheet, table
    return None


def _table(book: Any, spec: Table, sheet_name: str, path: Path) -> Any:
    found = find_table(book, spec.name)
    if found is not None:
        sheet, table = found
        if sheet.name != sheet_name:
            raise WorkbookError(
                f"tabel '{spec.name}' berada di lembar '{sheet.name}', "
                f"seharusnya di lembar '{sheet_name}'.",
                path=path,
                hint=REGENERATE_HINT,
            )
        return table
    raise WorkbookError(
        f"tabel '{spec.name}' ({spec.title}) tidak ditemukan; mungkin dihapus atau diganti nama.",
        path=path,
        sheet=sheet_name,
        hint=REGENERATE_HINT,
    )


def read_table(
    book: Any,
    form: Form,
    spec: Table,
    path: Path,
    formula_cells: dict[tuple[str, str], str],
    number_formats: dict[tuple[str, str], CellFormat] | None = None,
) -> TableData:
    sheet_name = form.sheet_of_table(spec.key).name
    table = _table(book, spec, sheet_name, path)
    header = table.header_row_range
    headers = [str(h or "").strip() for h in header.options(ndim=1).value] if header else []
    positions: dict[str, int] = {}
    for col in spec.input_columns:
        if col.label not in headers:
            raise WorkbookError(
                f"kolom '{col.label}' tidak ada di tabel '{spec.name}' "
                "(judul kolom diubah atau dihapus?).",
                path=path,
                sheet=sheet_name,
                cell=header.get_address(False, False).split(":")[0] if header else None,
                hint=REGENERATE_HINT,
            )
        positions[col.key] = headers.index(col.label)
    body = table.data_body_range
    rows: Sequence[Sequence[Any]] = (
        body.options(ndim=2, err_to_str=True).value if body is not None else []
    )
    first_row = body.row if body is not None else 0
    first_col = (body.column if body is not None else 1) - 1
    letters = {key: column_letters(first_col + index) for key, index in positions.items()}
    columns: dict[str, list[CellScalar]] = {key: [] for key in positions}
    numbers: list[int] = []
    for offset, row in enumerate(rows):
        values = {}
        errors = {}
        for key, index in positions.items():
            values[key], error = _value(row[index] if index < len(row) else None)
            if error is not None:
                errors[key] = error
        if all(v is None for v in values.values()) and not errors:
            continue  # one of the template's spare empty rows
        number = first_row + offset
        numbers.append(number)
        for key, value in values.items():
            columns[key].append(value)
        for key, error in errors.items():
            formula_cells[(sheet_name, f"{letters[key]}{number}")] = error
    measured = {c.key: letters[c.key] for c in spec.input_columns if c.satuan_from}
    if number_formats is not None and measured and numbers:
        sheet = book.sheets[sheet_name]
        for key, column in measured.items():
            numeric = [n for n, v in zip(numbers, columns[key], strict=True) if _is_number(v)]
            cells = _percent_cells(sheet, column, numeric)
            if cells is None:
                break  # the remote engine: no formats at all
            number_formats.update({(sheet_name, cell): CellFormat.PERSEN for cell in cells})
    return TableData(
        spec=spec, sheet=sheet_name, numbers=tuple(numbers), columns=columns, letters=letters
    )


def _is_number(value: CellScalar) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


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
    path = book_path(book)
    meta = read_meta(book, path)
    form = resolve_form(meta, path, expected)
    check_sheets(form, _sheet_names(book), path)
    formula_cells: dict[tuple[str, str], str] = {}
    number_formats: dict[tuple[str, str], CellFormat] = {}
    fields = read_fields(book, form, path, formula_cells)
    tables = {
        spec.key: read_table(book, form, spec, path, formula_cells, number_formats)
        for spec in form.tables
    }
    return FormData(
        form=form,
        path=path,
        meta=meta,
        fields=fields,
        tables=tables,
        formula_cells=formula_cells,
        number_formats=number_formats,
    )
