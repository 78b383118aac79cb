"""The request body xlwings' VBA client (`RunRemotePython`, Remote.bas of xlwings 0.37.8)
sends for a workbook, made from an .xlsx file the way Excel would fill it in.

What Remote.bas sends, and how this module makes the same from a file (openpyxl, cached
values):
- `book`: the workbook's name, the active sheet's index, the selection's address;
- `names`: every name that refers to a range (workbook- and sheet-scoped), with the index
  of the sheet it points to and the address without dollars;
- `sheets`: every worksheet, hidden and very hidden ones too (`wb.Worksheets`), each with
  its tables (`ListObjects`: addresses with dollars) and the values of the range from A1 to
  the end of the used range (`UsedRange`, which counts formatted empty cells too);
- values through WebHelpers.ConvertToJson: empty → null; a date → "yyyy-mm-ddTHH:MM:SS.000Z";
  a whole number → an integer literal ("78"), others → a decimal literal; an error →
  "#DIV/0!" and the like; a string of 16–100 characters made only of digits, '.', 'E', 'e'
  (an 18-digit NIP typed as text) → written as a bare number literal.
The body is sent as JSON: `payload()` returns it after a JSON round trip.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import xlwings
from openpyxl.utils import get_column_letter, range_boundaries

_LARGE_NUMBER = re.compile(r"^[.0-9Ee]{16,100}$")


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def json_value(value: Any) -> Any:
    """A cell value as ConvertToJson writes it (then read back by a JSON parser)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, date):
        return _iso(datetime(value.year, value.month, value.day))
    if isinstance(value, time):
        return _iso(datetime.combine(date(1899, 12, 30), value))
    if isinstance(value, int | float):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    text = str(value)
    if _LARGE_NUMBER.match(text):
        return json.loads(text)  # VBA writes it unquoted: a number for the parser
    return text


def _address(ref: str, absolute: bool) -> str:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    dollar = "$" if absolute else ""
    first = f"{dollar}{get_column_letter(min_col)}{dollar}{min_row}"
    if (min_col, min_row) == (max_col, max_row):
        return first
    return f"{first}:{dollar}{get_column_letter(max_col)}{dollar}{max_row}"


def _tables(sheet: Any) -> list[dict[str, Any]]:
    out = []
    for table in sheet.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        headers = (table.headerRowCount if table.headerRowCount is not None else 1) > 0
        totals = bool(table.totalsRowCount)
        body_top = min_row + (1 if headers else 0)
        body_bottom = max_row - (1 if totals else 0)
        letters = get_column_letter(min_col), get_column_letter(max_col)

        def rows(top: int, bottom: int, cols: tuple[str, str] = letters) -> str:
            return f"${cols[0]}${top}:${cols[1]}${bottom}"

        out.append(
            {
                "name": table.displayName or table.name,
                "range_address": _address(table.ref, absolute=True),
                "header_row_range_address": rows(min_row, min_row) if headers else None,
                "data_body_range_address": (
                    rows(body_top, body_bottom) if body_bottom >= body_top else None
                ),
                "total_row_range_address": rows(max_row, max_row) if totals else None,
                "show_headers": headers,
                "show_totals": totals,
                "table_style": table.tableStyleInfo.name if table.tableStyleInfo else "",
                "show_autofilter": table.autoFilter is not None,
            }
        )
    return out


def _values(sheet: Any) -> list[list[Any]]:
    if sheet.max_row == 1 and sheet.max_column == 1 and sheet["A1"].value is None:
        return [[]]  # IsEmpty(UsedRange.Value)
    return [
        [json_value(cell.value) for cell in row]
        for row in sheet.iter_rows(
            min_row=1, max_row=sheet.max_row, min_col=1, max_col=sheet.max_column
        )
    ]


def _names(book: Any) -> list[dict[str, Any]]:
    index = {ws.title: i for i, ws in enumerate(book.worksheets)}
    found = []

    def add(name: str, text: str, scope: str | None) -> None:
        for title, ref in _destinations(text):
            if title not in index:
                continue
            found.append(
                {
                    "name": f"{scope}!{name}" if scope else name,
                    "sheet_index": index[title],
                    "address": _address(ref.replace("$", ""), absolute=False),
                    "book_scope": scope is None,
                    "scope_sheet_name": scope,
                    "scope_sheet_index": index[scope] if scope else None,
                }
            )

    for name, defined in book.defined_names.items():
        add(name, defined.attr_text, None)
    for ws in book.worksheets:
        for name, defined in ws.defined_names.items():
            add(name, defined.attr_text, ws.title)
    return found


def _destinations(text: str) -> list[tuple[str, str]]:
    """(sheet, A1 range) of a name's formula when it is a plain range reference."""
    match = re.fullmatch(
        r"(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)", text
    )
    if not match:
        return []
    title = (match[1] or "").replace("''", "'") or match[2]
    return [(title, match[3])]


def payload(path: Path, *, active_sheet: int = 0, selection: str | None = "A1") -> dict[str, Any]:
    """What RunRemotePython posts for the workbook at `path`, after the JSON round trip."""
    book = openpyxl.load_workbook(path, data_only=True)
    body = {
        "client": "VBA",
        "version": xlwings.__version__,
        "book": {"name": path.name, "active_sheet_index": active_sheet, "selection": selection},
        "names": _names(book),
        "sheets": [
            {"name": ws.title, "pictures": [], "tables": _tables(ws), "values": _values(ws)}
            for ws in book.worksheets
        ],
    }
    return json.loads(json.dumps(body))


def set_cell(body: dict[str, Any], sheet: str, address: str, value: Any) -> dict[str, Any]:
    """The payload with the cell `sheet`!`address` holding `value` (as typed in Excel before
    the add-in sent the workbook); returns `body`, changed in place."""
    values = next(s for s in body["sheets"] if s["name"] == sheet)["values"]
    min_col, row, _, _ = range_boundaries(address)
    while len(values) < row:
        values.append([None] * len(values[0]))
    for line in values:
        line.extend([None] * (min_col - len(line)))
    values[row - 1][min_col - 1] = json_value(value)
    return body
