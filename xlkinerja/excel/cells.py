"""Values written into a workbook open in Excel, on sheets the template protects.

xlwings' own `Range.value` cannot write to a protected sheet, and the unit's sheets are
protected (without a password). So a block of values goes to the add-in's VBA
(`KinerjaTulis` in macros/KinerjaTanda.bas), which lifts the protection, writes and puts the
protection back. The block travels as one text argument — lines of tab-separated fields,
each `n:<number>` (written with a dot, read by VBA's locale-free `Val`), `t:<text>` or empty
(cleared) — which both ways of calling a macro carry alike (excel/macros.py): xlwings'
runMacro action in server mode (JSON) and Application.Run through COM in local mode.

What Hitung capaian computes is written beside the Capaian table (`write_beside`): the job
says which table and what goes beside each of its rows (jobs/hitung.py `BesideTable`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.excel.book import is_remote
from xlkinerja.excel.macros import run_macro
from xlkinerja.excel.reader import find_table
from xlkinerja.jobs.hitung import BesideTable

TULIS = "KinerjaTulis"  # (wb, sheet, first row, first column, block text)


@dataclass(frozen=True)
class CellBlock:
    sheet: str
    row: int  # Excel row of the first line (1-based)
    col: int  # Excel column of the first field (1-based)
    lines: Sequence[Sequence[object]]


def _field(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f"t:{'BENAR' if value else 'SALAH'}"
    if isinstance(value, int | float):
        return f"n:{float(value)!r}"
    text = str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return f"t:{text}"


def block_text(block: CellBlock) -> str:
    return "\n".join("\t".join(_field(v) for v in line) for line in block.lines)


def write_block(book: Any, block: CellBlock, *, remote: bool) -> None:
    run_macro(book, TULIS, block.sheet, block.row, block.col, block_text(block), remote=remote)


def table_position(book: Any, name: str) -> tuple[str, int, int, int]:
    """The sheet of table `name`, its header row, its last column (both 1-based) and its
    number of body rows."""
    found = find_table(book, name)
    if found is None:
        raise WorkbookError(
            f"tabel '{name}' tidak ditemukan.",
            code=ErrorCode.TEMPLAT_TABEL_HILANG,
            path=str(book.name),
        )
    sheet, table = found
    whole, header, body = table.range, table.header_row_range, table.data_body_range
    return (
        sheet.name,
        header.row if header is not None else whole.row,
        whole.column + whole.columns.count - 1,
        body.rows.count if body is not None else 0,
    )


def write_beside(book: Any, beside: BesideTable) -> None:
    """The values right of the table, a line for each of its rows (the others cleared)."""
    sheet, header_row, last_col, body_rows = table_position(book, beside.table)
    first = header_row + 1
    blank = ("",) * len(beside.header)
    lines = [beside.header]
    lines += [beside.lines.get(row, blank) for row in range(first, first + body_rows)]
    write_block(book, CellBlock(sheet, header_row, last_col + 1, lines), remote=is_remote(book))
