"""Write a form's standard template (optionally pre-filled) with XlsxWriter.

Everything comes from the form spec: sheets, defined names for fields, Excel Tables,
dropdowns from named lists, input prompts, protection, print setup and hidden metadata.
Output is byte-reproducible: the same spec and values give the same file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from xlkinerja.core.form_data import CellScalar, FormValues
from xlkinerja.core.version import VERSION as __version__
from xlkinerja.files.atomic import atomic_path
from xlkinerja.render.shared_strings import Workbook as TextWorkbook
from xlkinerja.render.template.petunjuk import write_petunjuk
from xlkinerja.render.template.styles import TemplateStyles
from xlkinerja.render.template.validation import choice_source_name, validation_options
from xlkinerja.specs import (
    ChoiceFrom,
    Column,
    Form,
    Lookup,
    Sheet,
    Table,
)
from xlkinerja.specs.template_meta import META_KEYS, META_SHEET

LISTS_SHEET = "Daftar"
# Fixed document date so that generating twice gives identical bytes.
DOCUMENT_DATE = datetime(2025, 1, 1)
SPARE_ROWS = 20  # empty rows kept below pre-filled rows


def sheet_ref(sheet: str, first: str, last: str | None = None) -> str:
    """An absolute reference such as ='Rencana Aksi'!$A$2:$A$9."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"={quoted}!{first}" + (f":{last}" if last else "")


@dataclass(frozen=True)
class TablePlacement:
    header_row: int  # zero-based
    first_col: int
    rows: int

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        return self.header_row + self.rows


def _table_rows(table: Table, values: Sequence[Mapping[str, CellScalar]]) -> int:
    return max(table.rows, len(values) + SPARE_ROWS) if values else table.rows


def column_widths(sheet: Sheet) -> list[float]:
    """Width of each column: the widest of the sheet's tables at that position."""
    widths: list[float] = []
    for table in sheet.tables:
        for index, col in enumerate(table.columns):
            if index < len(widths):
                widths[index] = max(widths[index], col.width)
            else:
                widths.append(col.width)
    return widths


LINE_HEIGHT = 13.0  # points per line of 10-point text


def row_height(texts: Sequence[CellScalar], widths: Sequence[float]) -> float | None:
    """Height that shows wrapped text whole (spreadsheets do not autofit on open)."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        if isinstance(text, str) and text:
            per_line = max(1.0, width * 1.15)
            lines = max(lines, -(-len(text) // int(per_line)))
    return LINE_HEIGHT * lines + 2 if lines > 1 else None


def write_value(ws: Any, row: int, col: int, value: CellScalar, fmt: Any) -> None:
    """Write a value with its own type: strings never become formulas or numbers."""
    if value is None:
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, datetime | date | time):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


class TemplateWriter:
    def __init__(self, form: Form, values: FormValues | None, subtitle: str) -> None:
        self.form = form
        self.values = values or FormValues()
        self.subtitle = subtitle
        self.placements: dict[str, tuple[Sheet, TablePlacement]] = {}
        self.field_cells: dict[str, tuple[str, str]] = {}  # key → (sheet, A1), once written

    def write(self, path: Path) -> None:
        workbook = TextWorkbook(str(path), {"strings_to_numbers": False})
        workbook.set_properties(
            {
                "title": self.form.title,
                "subject": self.subtitle or self.form.purpose,
                "author": "xlkinerja",
                "company": "",
                "created": DOCUMENT_DATE,
                "comments": f"xlkinerja {self.form.id} {self.form.version}",
            }
        )
        workbook.set_custom_property("xlkinerja_template", self.form.id)
        workbook.set_custom_property("xlkinerja_versi", self.form.version)
        workbook.set_custom_property("xlkinerja_schema", self.form.schema_hash)
        workbook.set_calc_mode("auto")
        styles = TemplateStyles.create(workbook)
        petunjuk = write_petunjuk(workbook, self.form, styles, self.subtitle)
        for sheet in self.form.sheets:
            self._write_sheet(workbook, sheet, styles)
        self._write_lists(workbook)
        self._write_meta(workbook)
        petunjuk.activate()
        workbook.close()

    # -- sheets -------------------------------------------------------------------------
    def _write_sheet(self, workbook: Any, sheet: Sheet, styles: TemplateStyles) -> None:
        ws = workbook.add_worksheet(sheet.name)
        ws.hide_gridlines(2)
        widths = column_widths(sheet)
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.write_string(0, 0, sheet.title, styles.title)
        if self.subtitle:
            ws.write_string(1, 0, self.subtitle, styles.bold)
        row = 2
        if sheet.intro:
            ws.write_string(row, 0, sheet.intro, styles.intro)
            row += 1
        row += 1
        if sheet.fields:
            row = self._write_fields(workbook, ws, sheet, styles, widths, row) + 1
        for table in sheet.tables:
            row = self._write_table(ws, sheet, table, styles, row) + 2
        first_header = next(
            iter(p.header_row for s, p in self.placements.values() if s is sheet), None
        )
        if first_header is not None:
            ws.repeat_rows(first_header)
            if first_header < 12:
                ws.freeze_panes(first_header + 1, 0)
        if sheet.landscape:
            ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&L&8&A&R&8Halaman &P dari &N")
        ws.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})

    @staticmethod
    def _spans(widths: list[float]) -> tuple[tuple[int, int], tuple[int, int]]:
        """Column spans for field labels (≥ 26 wide) and values (≥ 34 wide)."""

        def span(start: int, need: float) -> tuple[int, int]:
            total, col = 0.0, start
            while True:
                total += widths[col] if col < len(widths) else 14.0
                if total >= need:
                    return start, col
                col += 1

        label = span(0, 26)
        value = span(label[1] + 1, 34)
        return label, value

    def _write_fields(
        self,
        workbook: Any,
        ws: Any,
        sheet: Sheet,
        styles: TemplateStyles,
        widths: list[float],
        row: int,
    ) -> int:
        if not widths:
            ws.set_column(0, 0, 34)
            ws.set_column(1, 1, 40)
        (l0, l1), (v0, v1) = self._spans(widths)
        for fld in sheet.fields:
            if l1 > l0:
                ws.merge_range(row, l0, row, l1, "", styles.label)
            ws.write_string(row, l0, fld.label + (" *" if fld.required else ""), styles.label)
            fmt = styles.cell(fld.type, locked=fld.locked)
            if v1 > v0:
                ws.merge_range(row, v0, row, v1, "", fmt)
            write_value(ws, row, v0, self.values.fields.get(fld.key), fmt)
            cell = xl_rowcol_to_cell(row, v0, row_abs=True, col_abs=True)
            workbook.define_name(fld.name, sheet_ref(sheet.name, cell))
            self.field_cells[fld.key] = (sheet.name, xl_rowcol_to_cell(row, v0))
            options = None if fld.locked else validation_options(fld)
            if options:
                ws.data_validation(row, v0, row, v0, options)
            row += 1
        return row

    def _write_table(
        self, ws: Any, sheet: Sheet, table: Table, styles: TemplateStyles, row: int
    ) -> int:
        ws.write_string(row, 0, table.title, styles.section)
        row += 1
        if table.help:
            ws.write_string(row, 0, table.help, styles.intro)
            row += 1
        records = self.values.tables.get(table.key, ())
        placement = TablePlacement(header_row=row, first_col=0, rows=_table_rows(table, records))
        self.placements[table.key] = (sheet, placement)
        columns = []
        for col in table.columns:
            locked = table.locked or col.locked or not col.is_input
            spec: dict[str, Any] = {
                "header": col.label,
                "header_format": styles.header,
                "format": styles.cell(
                    col.type, locked=locked, num_format=col.num_format, wrap=col.is_input
                ),
            }
            columns.append(spec)
        widths = [c.width for c in table.columns]
        header_height = row_height([c.label for c in table.columns], widths)
        if header_height:
            ws.set_row(placement.header_row, header_height)
        for offset, record in enumerate(records):
            height = row_height([record.get(c.key) for c in table.columns], widths)
            if height:
                ws.set_row(placement.first_data_row + offset, height)
        ws.add_table(
            placement.header_row,
            0,
            placement.last_row,
            len(table.columns) - 1,
            {
                "name": table.name,
                "style": "Table Style Light 9",
                "columns": columns,
                "autofilter": True,
            },
        )
        for index, col in enumerate(table.columns):
            fmt = columns[index]["format"]
            if col.lookup is not None:
                self._write_lookup(ws, table, col.lookup, placement, index, fmt)
                continue
            for offset in range(placement.rows):
                record = records[offset] if offset < len(records) else {}
                own = self.values.formats.get((table.key, offset, col.key))
                cell_fmt = fmt if own is None else self._own_format(styles, table, col, own)
                write_value(
                    ws, placement.first_data_row + offset, index, record.get(col.key), cell_fmt
                )
            options = None if (table.locked or col.locked) else validation_options(col)
            if options:
                ws.data_validation(
                    placement.first_data_row, index, placement.last_row, index, options
                )
        return placement.last_row

    def table_cell(self, table_key: str, index: int, column_key: str) -> tuple[str, str, int]:
        """(sheet, A1, Excel row) of record `index`'s value of `column_key` in the table
        written."""
        sheet, placement = self.placements[table_key]
        keys = [c.key for c in self.form.table(table_key).columns]
        row = placement.first_data_row + index
        return (
            sheet.name,
            xl_rowcol_to_cell(row, placement.first_col + keys.index(column_key)),
            row + 1,
        )

    @staticmethod
    def _own_format(styles: TemplateStyles, table: Table, col: Column, own: str | int) -> Any:
        locked = table.locked or col.locked or not col.is_input
        return styles.cell(col.type, locked=locked, num_format=own, wrap=col.is_input)

    def _column_range(self, table_key: str, column_key: str) -> str:
        sheet, placement = self.placements[table_key]
        index = [c.key for c in self.form.table(table_key).columns].index(column_key)
        first = xl_rowcol_to_cell(placement.first_data_row, index, row_abs=True, col_abs=True)
        last = xl_rowcol_to_cell(placement.last_row, index, row_abs=True, col_abs=True)
        return sheet_ref(sheet.name, first, last)[1:]

    def _write_lookup(
        self, ws: Any, table: Table, lookup: Lookup, placement: TablePlacement, index: int, fmt: Any
    ) -> None:
        """INDEX/MATCH per row: plain ranges, which LibreOffice reads (structured refs not)."""
        values = self._column_range(lookup.table, lookup.column)
        keys = self._column_range(lookup.table, lookup.key)
        match_col = [c.key for c in table.columns].index(lookup.match)
        for row in range(placement.first_data_row, placement.last_row + 1):
            own = xl_rowcol_to_cell(row, match_col, col_abs=True)
            ws.write_formula(
                row,
                index,
                f'=IF({own}="","",IFERROR(INDEX({values},MATCH({own},{keys},0)),""))',
                fmt,
                "",
            )

    # -- hidden sheets ------------------------------------------------------------------
    def _write_lists(self, workbook: Any) -> None:
        ws = workbook.add_worksheet(LISTS_SHEET)
        for col, choice in enumerate(self.form.choice_lists):
            ws.write_string(0, col, choice.name)
            for offset, value in enumerate(choice.values, start=1):
                ws.write_string(offset, col, value)
            letter = xl_col_to_name(col, col_abs=True)
            workbook.define_name(
                choice.name,
                sheet_ref(LISTS_SHEET, f"{letter}$2", f"{letter}${len(choice.values) + 1}"),
            )
        for source in self._choice_sources():
            workbook.define_name(
                choice_source_name(source), "=" + self._column_range(source.table, source.column)
            )
        ws.hide()
        ws.protect("")

    def _choice_sources(self) -> list[ChoiceFrom]:
        found: dict[str, ChoiceFrom] = {}
        for item in self.form.items:
            if isinstance(item.choices, ChoiceFrom):
                found.setdefault(choice_source_name(item.choices), item.choices)
        return list(found.values())

    def _write_meta(self, workbook: Any) -> None:
        ws = workbook.add_worksheet(META_SHEET)
        values = (
            self.form.id,
            self.form.version,
            self.form.schema_hash,
            f"xlkinerja {__version__}",
        )
        for row, (key, value) in enumerate(zip(META_KEYS, values, strict=True)):
            ws.write_string(row, 0, key)
            ws.write_string(row, 1, value)
        ws.very_hidden()
        ws.protect("")


def write_template(
    form: Form, path: Path, values: FormValues | None = None, *, subtitle: str = ""
) -> Path:
    """Write the form's template to `path` atomically and return the path."""
    write_template_placed(form, path, values, subtitle=subtitle)
    return path


def write_template_placed(
    form: Form, path: Path, values: FormValues | None = None, *, subtitle: str = ""
) -> TemplateWriter:
    """As `write_template`, and the writer that knows where each value went
    (`TemplateWriter.table_cell`, `field_cells`)."""
    writer = TemplateWriter(form, values, subtitle)
    with atomic_path(path) as tmp:
        writer.write(tmp)
    return writer
