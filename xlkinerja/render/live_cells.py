"""Values written into a workbook open in Excel, on sheets the template protects.

xlwings' own `Range.value` cannot write to a protected sheet, and the unit's sheets are
protected (without a password). So a block of values goes to the add-in's VBA
(`KinerjaTulis` in macros/KinerjaTanda.bas), which lifts the protection, writes and puts the
protection back. The block travels as one text argument — lines of tab-separated fields,
each `n:<number>` (written with a dot, read by VBA's locale-free `Val`), `t:<text>` or empty
(cleared) — which both ways of calling a macro carry alike: xlwings' runMacro action in
server mode (JSON) and Application.Run through COM in local mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xlkinerja.errors import WorkbookError
from xlkinerja.sources.live_book import find_table

ADDIN = "xlkinerja.xlam"
TULIS = "KinerjaTulis"  # (wb, sheet, first row, first column, block text)


def macro_name(name: str) -> str:
    """A macro of the add-in, named so that Excel finds it from any workbook."""
    return f"'{ADDIN}'!{name}"


def run_macro(book: Any, name: str, *args: object, remote: bool) -> None:
    """Run the add-in's macro `name` on `book` (which VBA receives first)."""
    if remote:
        # Onto this book's own list of actions: the remote engine's `app.macro` puts it on
        # the app's most recently opened book, another request's on a busy server. The VBA
        # client's runMacro passes the workbook first.
        book.impl.append_json_action(func="runMacro", args=[macro_name(name), *args])
    else:
        book.app.macro(macro_name(name))(book.api, *args)


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
        raise WorkbookError(f"tabel '{name}' tidak ditemukan.", path=str(book.name))
    sheet, table = found
    whole, header, body = table.range, table.header_row_range, table.data_body_range
    return (
        sheet.name,
        header.row if header is not None else whole.row,
        whole.column + whole.columns.count - 1,
        body.rows.count if body is not None else 0,
    )
