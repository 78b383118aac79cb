"""The record of what a run marked, kept in hidden columns of the "Hasil Validasi" sheet.

One row per marked cell: sheetId, row, column, the cell's style before, the style we gave
it, and whether we created the cell, as numbers (they survive a save by Excel or
LibreOffice unchanged), then the cell's fill before as text (fills.py; a save may move it
to sharedStrings, which is read too). The style indexes hold in a file Excel saved;
LibreOffice renumbers every style, and then the fill before is what gives the cell back
its look. A record written before that column existed has no fill (None). A header cell
holding the word "xlkinerja" tells our sheet from a user's sheet of the same name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from xlkinerja.core.address import column_index
from xlkinerja.files.ooxml.opc import Parts
from xlkinerja.files.ooxml.xmltext import MAIN_NS, parse_checked
from xlkinerja.render.annotate import fills

FIRST_COL = 10  # column K, zero-based; the record takes K:Q
HEADERS = (
    "xlkinerja",
    "sheetId",
    "baris",
    "kolom",
    "gaya_asal",
    "gaya_tanda",
    "sel_baru",
    "isi_asal",
)
_LABELS = HEADERS[1:]
NUMBERS = len(_LABELS) - 1  # the columns holding numbers; the last holds the fill
HEADER_ROW = 3  # zero-based: Excel row 4, the row of the findings table header
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_C = f"{{{MAIN_NS}}}c"


@dataclass(frozen=True)
class Mark:
    sheet_id: int
    row: int  # zero-based
    col: int  # zero-based
    original: int  # the s attribute before; -1 when the cell had none
    marked: int  # the s attribute we set
    created: bool  # the cell did not exist
    fill: str | None = None  # the cell's fill before (canonical); None in an older record

    def values(self) -> tuple[int, ...]:
        return (
            self.sheet_id,
            self.row + 1,
            self.col + 1,
            self.original,
            self.marked,
            int(self.created),
        )


@dataclass(frozen=True)
class Record:
    ours: bool  # the sheet carries our marker
    marks: list[Mark]


def _number(cell: Any) -> int | None:
    if cell.get("t") not in (None, "n"):
        return None
    value = cell.find(f"{{{MAIN_NS}}}v")
    try:
        number = float(value.text) if value is not None and value.text else None
    except ValueError:
        return None
    return int(number) if number is not None and number.is_integer() else None


def _text(cell: Any, parts: Parts, shared_part: str | None) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{{{MAIN_NS}}}t"))
    value = cell.find(f"{{{MAIN_NS}}}v")
    if kind == "s" and value is not None and (value.text or "").isdigit() and shared_part:
        items = parse_checked(parts.text(shared_part), shared_part, parts.path)
        strings = items.findall(f"{{{MAIN_NS}}}si")
        index = int(value.text or "0")
        if index < len(strings):
            return "".join(t.text or "" for t in strings[index].iter(f"{{{MAIN_NS}}}t"))
    return value.text or "" if value is not None else ""


def read_record(parts: Parts, part: str, shared_part: str | None) -> Record:
    tree = parse_checked(parts.text(part), part, parts.path)
    rows: dict[int, dict[int, Any]] = {}
    for cell in tree.iter(_C):
        match = _REF.match(cell.get("r", ""))
        if not match:
            continue
        col = column_index(match[1])
        if FIRST_COL <= col < FIRST_COL + len(_LABELS):
            rows.setdefault(int(match[2]) - 1, {})[col - FIRST_COL] = cell
    header = rows.get(HEADER_ROW, {})
    marker = header.get(0)
    ours = marker is not None and _text(marker, parts, shared_part).startswith(HEADERS[0])
    marks = []
    for row, cells in sorted(rows.items()):
        if row <= HEADER_ROW or any(i not in cells for i in range(NUMBERS)):
            continue
        numbers = [_number(cells[i]) for i in range(NUMBERS)]
        if any(n is None for n in numbers):
            continue
        sheet_id, row1, col1, original, marked, created = (int(n or 0) for n in numbers)
        fill = cells.get(NUMBERS)
        before = fills.canonical(_text(fill, parts, shared_part)) if fill is not None else None
        if row1 >= 1 and col1 >= 1 and marked >= 0:
            marks.append(Mark(sheet_id, row1 - 1, col1 - 1, original, marked, created == 1, before))
    return Record(ours=ours, marks=marks)


def record_header(index: int) -> str:
    """Header text of record column `index` (K is the marker and the sheetId)."""
    return f"{HEADERS[0]}: {_LABELS[0]}" if index == 0 else _LABELS[index]
