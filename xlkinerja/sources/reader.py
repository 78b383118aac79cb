"""Read a filled workbook into `FormData` with the fast values-only reader (calamine).

Tables are found by name, single fields by defined name; every value keeps its sheet and
cell. Formula columns are not read (Python computes them again). Anything that makes the
file unreadable as the expected form raises `WorkbookError` with an Indonesian message.

Before calamine opens a file, `package_guard.check_package` refuses hostile or broken
packages. calamine reads an Excel error cell (#DIV/0!) as "", like a blank, so
`formula_cells` scans the form's sheets: input cells holding an error or an uncalculated
formula are listed in `FormData.formula_cells`, and a table row with such a cell is kept
even though its values look blank. Merged cells inside a table are refused (which cell
holds the value would be a guess).

Values only would read a typed `85%` as 0.85: for the columns whose value is measured in
the row's satuan (`Column.satuan_from` in the specs), `number_formats` finds the cells
with a percent number format (styles.xml read once per file), listed in
`FormData.number_formats`; the normaliser reads them knowing the satuan.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import python_calamine as calamine

from xlkinerja.core.address import cell_address, column_letters
from xlkinerja.core.form_data import (
    CellFormat,
    CellScalar,
    CellValue,
    FormData,
    TableData,
    TemplateMeta,
)
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.names import parse_single_cell_ref, read_defined_names
from xlkinerja.files.ooxml.properties import template_properties
from xlkinerja.files.package_guard import check_package
from xlkinerja.sources.form_identity import REGENERATE_HINT, complete, meta_from_rows
from xlkinerja.sources.formula_cells import SheetScan, SheetScanner, read_sheet_xml
from xlkinerja.sources.merged_cells import check_merged
from xlkinerja.sources.number_formats import (
    NO_STYLES,
    Styles,
    formatted_cells,
    read_styles,
    table_formats,
)
from xlkinerja.sources.workbook import (
    Cell,
    TableCells,
    column_positions,
    measured_columns,
    name_missing,
    read_workbook,
    table_elsewhere,
    table_missing,
)
from xlkinerja.specs import Field, Form, Table
from xlkinerja.specs.template_meta import META_SHEET


def normalise(value: Any) -> CellScalar:
    """A calamine value as the form data keeps it: empty string is blank (None)."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # Excel stores every number as a float; 2025.0 is 2025
    if isinstance(value, str | bool | int | float | date | datetime | time):
        return value
    if isinstance(value, timedelta):
        return value.total_seconds() / 86400
    return str(value)


def open_calamine(path: Path, *, load_tables: bool = False) -> calamine.CalamineWorkbook:
    """The workbook at `path` opened by calamine (run the package guard first for an
    .xlsx); a password-protected or broken file is a WorkbookError naming it."""
    try:
        return calamine.CalamineWorkbook.from_path(str(path), load_tables=load_tables)
    except calamine.PasswordError as exc:
        raise WorkbookError(
            "workbook dilindungi kata sandi dan tidak dapat dibaca.",
            code=ErrorCode.BERKAS_TERENKRIPSI,
            path=path,
            hint="Simpan tanpa kata sandi pembuka.",
        ) from exc
    except Exception as exc:  # calamine raises many error types for broken files
        raise WorkbookError(
            f"berkas tidak dapat dibuka sebagai workbook Excel ({exc}).",
            code=ErrorCode.BERKAS_TIDAK_TERBACA,
            path=path,
        ) from exc


class _Workbook:
    """An open calamine workbook with sheet grids loaded on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = open_calamine(path, load_tables=True)
        self.sheet_names = list(self.book.sheet_names)
        self._grids: dict[str, list[list[Any]]] = {}
        self.xml: dict[str, bytes] = {}  # the form's sheets' XML (see `scan`)
        self._scanners: dict[str, SheetScanner] = {}
        self._scans: dict[tuple[str, frozenset[str]], SheetScan] = {}
        self.styles: Styles = NO_STYLES  # the percent cell styles (see `formats`)

    def formats(self, sheet: str, columns: Iterable[str]) -> dict[str, CellFormat]:
        """Cells in `columns` (letters) of `sheet` with a percent number format."""
        xml = self.xml.get(sheet)
        if xml is None or not self.styles.kinds:
            return {}
        return formatted_cells(xml, self.styles, frozenset(columns))

    def scan(self, sheet: str, columns: Iterable[str]) -> SheetScan:
        """Error/uncalculated cells in `columns` (letters) of `sheet`, and its merged ranges."""
        key = (sheet, frozenset(columns))
        if key not in self._scans:
            xml = self.xml.get(sheet)
            if xml is None:
                self._scans[key] = SheetScan()
            else:
                if sheet not in self._scanners:
                    self._scanners[sheet] = SheetScanner(xml)
                self._scans[key] = self._scanners[sheet].scan(key[1])
        return self._scans[key]

    def grid(self, sheet: str) -> list[list[Any]]:
        if sheet not in self._grids:
            try:
                loaded = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:  # a corrupt part: calamine raises many error types
                raise unreadable_sheet(self.path, sheet, exc) from exc
            self._grids[sheet] = loaded
        return self._grids[sheet]

    def value(self, sheet: str, row: int, col: int) -> CellScalar:
        grid = self.grid(sheet)
        if row < len(grid) and col < len(grid[row]):
            return normalise(grid[row][col])
        return None


def unreadable_sheet(path: Path, sheet: str, exc: Exception) -> WorkbookError:
    return WorkbookError(
        f"isi lembar tidak dapat dibaca; bagiannya rusak ({exc}).",
        code=ErrorCode.BERKAS_BAGIAN_RUSAK,
        path=path,
        sheet=sheet,
        hint="Buka di Excel lalu simpan ulang.",
    )


def check_file(path: Path) -> None:
    if not path.exists():
        raise WorkbookError(
            "berkas tidak ditemukan.", code=ErrorCode.BERKAS_TIDAK_DITEMUKAN, path=path
        )
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise WorkbookError(
            "format .xls (Excel 97-2003) tidak menyimpan tabel Excel, jadi tidak dapat dibaca "
            "sebagai workbook xlkinerja, juga setelah disimpan ulang sebagai .xlsx.",
            code=ErrorCode.BERKAS_FORMAT_XLS,
            path=path,
            hint=f'Pindahkan isiannya ke templat baru: xlkinerja pindahkan "{path.name}" '
            "--output FOLDER (berkas asli tidak diubah).",
        )
    if suffix == ".ods":
        raise WorkbookError(
            "format .ods tidak didukung.",
            code=ErrorCode.BERKAS_FORMAT_ODS,
            path=path,
            hint="Buka di LibreOffice lalu Simpan Sebagai .xlsx (Excel 2007-365).",
        )
    if suffix not in (".xlsx", ".xlsm"):
        raise WorkbookError(
            f"jenis berkas '{suffix or '(tanpa ekstensi)'}' bukan workbook Excel .xlsx/.xlsm.",
            code=ErrorCode.BERKAS_JENIS_TIDAK_DIDUKUNG,
            path=path,
        )


def _meta(book: _Workbook) -> TemplateMeta:
    """From the `_meta` sheet; what it lacks (the whole sheet, when a copy lost it) from
    the custom document properties the template writer sets too (read only then)."""
    has_sheet = META_SHEET in book.sheet_names
    rows = book.grid(META_SHEET) if has_sheet else []
    if has_sheet and complete(rows):
        return meta_from_rows(rows, book.path)
    properties = template_properties(book.path)
    if not has_sheet and not properties:
        raise WorkbookError(
            "bukan workbook templat xlkinerja (lembar metadata tidak ada).",
            code=ErrorCode.TEMPLAT_METADATA_HILANG,
            path=book.path,
            hint=REGENERATE_HINT,
        )
    return meta_from_rows(rows, book.path, properties)


class FileWorkbook:
    """A workbook file as `read_workbook` reads it (sources/workbook.py): calamine for the
    cells and tables, the package's own parts for defined names, formula cells, merged
    ranges and number formats."""

    def __init__(self, path: Path) -> None:
        self.book = _Workbook(path)
        self._names: dict[str, str] | None = None

    @property
    def path(self) -> Path:
        return self.book.path

    def meta(self) -> TemplateMeta:
        return _meta(self.book)

    def sheet_names(self) -> list[str]:
        return self.book.sheet_names

    def prepare(self, form: Form, *, fields_only: bool) -> None:
        names = [s.name for s in form.sheets]
        if fields_only:  # only the sheets holding a field
            holding = {form.sheet_of_field(f.key).name for f in form.fields}
            names = [n for n in names if n in holding]
        self.book.xml = read_sheet_xml(self.path, names)
        if not fields_only:
            self.book.styles = read_styles(self.path)

    def field(self, form: Form, fld: Field) -> tuple[CellValue, str | None]:
        if self._names is None:
            self._names = read_defined_names(self.path)
        book = self.book
        sheet = form.sheet_of_field(fld.key).name
        ref = self._names.get(fld.name)
        target = parse_single_cell_ref(ref) if ref else None
        if target is None:
            raise name_missing(fld, self.path, sheet)
        if target.sheet not in book.sheet_names:
            raise WorkbookError(
                f"isian '{fld.label}' menunjuk lembar '{target.sheet}' yang tidak ada.",
                code=ErrorCode.TEMPLAT_LEMBAR_HILANG,
                path=self.path,
                hint=REGENERATE_HINT,
            )
        value = CellValue(
            book.value(target.sheet, target.row, target.col), target.sheet, target.cell
        )
        column = target.cell.rstrip("0123456789")
        state = book.scan(target.sheet, [column]).formulas.get(target.cell)
        return value, (state.error if state is not None else None)

    def table(self, form: Form, spec: Table) -> TableCells:
        book, path = self.book, self.path
        sheet_name = form.sheet_of_table(spec.key).name
        if spec.name not in (book.book.table_names or []):
            raise table_missing(spec, path, sheet_name)
        try:
            table = book.book.get_table_by_name(spec.name)
        except Exception as exc:  # a corrupt part: calamine raises many error types
            raise unreadable_sheet(path, sheet_name, exc) from exc
        if table.sheet != sheet_name:
            raise table_elsewhere(spec, path, table.sheet, sheet_name)
        headers = [str(h).strip() for h in table.columns]
        start = table.start
        first_row, first_col = start if start is not None else (0, 0)
        header_cell = cell_address(first_row - 1, first_col)
        positions = column_positions(
            spec, headers, path=path, sheet=sheet_name, header_cell=header_cell
        )
        # Empty data area: calamine reports no start and no rows.
        data = table.to_python() if start is not None else []
        letters = {key: column_letters(first_col + index) for key, index in positions.items()}
        scan = book.scan(sheet_name, letters.values())
        if start is not None and scan.merged:
            last_row, last_col = first_row + len(data) - 1, first_col + len(headers) - 1
            area = (first_row - 1, first_col, last_row, last_col)
            check_merged(path, spec, sheet_name, scan.merged, area)
        first_number = first_row + 1  # the Excel row number of data[0]
        return TableCells(
            sheet=sheet_name,
            numbers=range(first_number, first_number + len(data)),
            letters=letters,
            columns={key: _column(data, index) for key, index in positions.items()},
            errors=_table_formulas(scan, letters, first_number, len(data)),
        )

    def percent_cells(self, spec: Table, table: TableData) -> dict[Cell, CellFormat]:
        measured = measured_columns(spec, table.letters) if table.numbers else {}
        if not measured:
            return {}
        found = self.book.formats(table.sheet, measured.values())
        return table_formats(found, table.sheet, measured, table.columns, table.numbers)

    def close(self) -> None:
        self.book.book.close()


def _column(data: list[list[Any]], index: int) -> list[CellScalar]:
    """One column of a table's rows, each value as the form data keeps it."""
    out: list[CellScalar] = []
    append = out.append
    for raw in data:
        value: Any = raw[index] if index < len(raw) else None
        kind = type(value)
        if kind is str:
            append(value or None)
        elif kind is float:
            append(int(value) if value.is_integer() and abs(value) < 2**53 else value)
        elif value is None:
            append(None)
        else:
            append(normalise(value))  # the rarer types: bool, int, dates, durations
    return out


def _table_formulas(
    scan: SheetScan, letters: dict[str, str], first: int, count: int
) -> dict[str, tuple[int, str]]:
    """The table's input cells that hold an error or an uncalculated formula: A1 → (row
    offset in the table, the error shown)."""
    if not scan.formulas:
        return {}
    wanted = set(letters.values())
    found: dict[str, tuple[int, str]] = {}
    for address, state in scan.formulas.items():
        column = address.rstrip("0123456789")
        if column in wanted:
            offset = int(address[len(column) :]) - first
            if 0 <= offset < count:
                found[address] = (offset, state.error)
    return found


def read_form(
    path: Path | str, expected: Form | None = None, *, fields_only: bool = False
) -> FormData:
    """Read a workbook written from one of the form templates (and filled by a user).
    `fields_only`: the header fields alone, every table left empty (a quick look, e.g. at a
    master's settings)."""
    path = Path(path)
    check_file(path)
    check_package(path)
    return read_workbook(FileWorkbook(path), expected, fields_only=fields_only)
