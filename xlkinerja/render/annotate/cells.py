"""The cells of a worksheet's sheetData: read a cell's style, set it, insert missing cells.

Positions are zero-based (row, col). Only the rows that change are rebuilt; a new cell goes
in column order within its row, a new row in row order within sheetData.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NoReturn

from xlkinerja.core.address import column_index, column_letters
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.xmltext import Element, parse_attrs, set_attr

Pos = tuple[int, int]
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*?"""
_ROW_NUMBER = re.compile(r"""\sr\s*=\s*["'](\d+)["']""")
_CELL_REF = re.compile(r"""\sr\s*=\s*["']([A-Z]{1,3})(\d+)["']""")
_SPANS = re.compile(r"(\d+):(\d+)")
_TRUE = ("1", "true")


@lru_cache(maxsize=8)
def _patterns(prefix: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    p = re.escape(prefix + ":") if prefix else ""
    row = re.compile(rf"<{p}row\b({_ATTRS})(/>|>(.*?)</{p}row>)", re.S)
    cell = re.compile(rf"<{p}c\b({_ATTRS})(/>|>(.*?)</{p}c>)", re.S)
    return row, cell


@dataclass(frozen=True)
class CellState:
    exists: bool
    style: int  # the s attribute; -1 when there is none (style 0)

    @property
    def xf(self) -> int:
        return max(self.style, 0)


@dataclass(frozen=True)
class CellEdit:
    style: int  # -1 removes the s attribute
    create: bool = True  # insert the cell when it is missing
    drop_if_blank: bool = False  # remove the cell instead, when it holds nothing


def _blank(match: re.Match[str]) -> bool:
    return match[2] == "/>" and set(parse_attrs(match[1])) <= {"r", "s"}


class SheetCells:
    def __init__(
        self,
        text: str,
        data: Element,
        prefix: str,
        cols: list[tuple[int, int, int]],
        where: tuple[Path, str],  # the file and the sheet, for error messages
    ) -> None:
        self.text = text
        self.data = data
        self.prefix = prefix
        self.cols = cols  # (first, last, style), zero-based columns
        self.where = where
        self._row_re, self._cell_re = _patterns(prefix)
        if "<![CDATA[" in text[data.open_end : data.inner_end]:
            self._fail("sel berisi CDATA tidak didukung.")
        self.rows: list[re.Match[str]] = []
        self.numbers: list[int] = []
        self.by_number: dict[int, re.Match[str]] = {}
        if not data.empty:
            for match in self._row_re.finditer(text, data.open_end, data.inner_end):
                found = _ROW_NUMBER.search(match[1])
                if not found:
                    self._fail("baris tanpa nomor (atribut r) tidak didukung.")
                number = int(found[1]) - 1
                self.rows.append(match)
                self.numbers.append(number)
                self.by_number.setdefault(number, match)
        self._cells: dict[int, dict[int, re.Match[str]]] = {}

    def _fail(self, message: str) -> NoReturn:
        raise WorkbookError(
            message,
            code=ErrorCode.BERKAS_ISI_TIDAK_DIDUKUNG,
            path=self.where[0],
            sheet=self.where[1],
        )

    def _row_cells(self, row: int) -> dict[int, re.Match[str]]:
        if row not in self._cells:
            match = self.by_number.get(row)
            cells: dict[int, re.Match[str]] = {}
            if match is not None and match[3] is not None:
                for cell in self._cell_re.finditer(self.text, match.start(3), match.end(3)):
                    ref = _CELL_REF.search(cell[1])
                    if not ref:
                        self._fail("sel tanpa alamat (atribut r) tidak didukung.")
                    cells.setdefault(column_index(ref[1]), cell)
            self._cells[row] = cells
        return self._cells[row]

    def inherited(self, row: int, col: int) -> int:
        match = self.by_number.get(row)
        if match is not None:
            attrs = parse_attrs(match[1])
            if attrs.get("customFormat") in _TRUE and attrs.get("s", "").isdigit():
                return int(attrs["s"])
        for low, high, style in self.cols:
            if low <= col <= high:
                return style
        return -1

    def state(self, row: int, col: int) -> CellState:
        cell = self._row_cells(row).get(col)
        if cell is None:
            return CellState(exists=False, style=self.inherited(row, col))
        style = parse_attrs(cell[1]).get("s", "")
        return CellState(True, int(style) if style.isdigit() else -1)

    def apply(self, edits: Mapping[Pos, CellEdit]) -> str:
        """The new sheetData element text with `edits` made."""
        by_row: dict[int, dict[int, CellEdit]] = defaultdict(dict)
        for (row, col), edit in edits.items():
            by_row[row][col] = edit
        changes: list[tuple[int, int, int, str]] = []  # start, end, row, text
        data = self.data
        after_rows = self.rows[-1].end() if self.rows else data.open_end
        for row, row_edits in sorted(by_row.items()):
            match = self.by_number.get(row)
            if match is not None:
                changes.append(
                    (match.start(), match.end(), row, self._edit_row(row, match, row_edits))
                )
                continue
            created = {c: e for c, e in row_edits.items() if e.create}
            if not created:
                continue
            index = bisect.bisect_right(self.numbers, row)
            at = self.rows[index].start() if index < len(self.rows) else after_rows
            changes.append((at, at, row, self._new_row(row, created)))
        text = self.text
        if not changes:
            return text[data.start : data.end]
        if data.empty:
            open_tag = text[data.start : data.open_end][:-2].rstrip() + ">"
            return open_tag + "".join(c[3] for c in changes) + f"</{data.qname}>"
        pieces, pos = [], data.start
        for start, end, _row, new in sorted(changes, key=lambda c: (c[0], c[2])):
            pieces.append(text[pos:start])
            pieces.append(new)
            pos = end
        pieces.append(text[pos : data.end])
        return "".join(pieces)

    def _cell_xml(self, row: int, col: int, style: int) -> str:
        name = f"{self.prefix}:c" if self.prefix else "c"
        style_attr = f' s="{style}"' if style >= 0 else ""
        return f'<{name} r="{column_letters(col)}{row + 1}"{style_attr}/>'

    def _new_row(self, row: int, edits: Mapping[int, CellEdit]) -> str:
        name = f"{self.prefix}:row" if self.prefix else "row"
        cells = "".join(self._cell_xml(row, col, edits[col].style) for col in sorted(edits))
        return f'<{name} r="{row + 1}">{cells}</{name}>'

    def _edit_row(self, row: int, match: re.Match[str], edits: Mapping[int, CellEdit]) -> str:
        text = self.text
        cells = self._row_cells(row)
        body_start = match.start(3) if match[3] is not None else match.end()
        body_end = match.end(3) if match[3] is not None else match.end()
        ordered = sorted(cells.items())
        starts = [c for c, _ in ordered]
        changes: list[tuple[int, int, int, str]] = []
        added: list[int] = []
        for col, edit in sorted(edits.items()):
            cell = cells.get(col)
            if cell is not None:
                if edit.drop_if_blank and _blank(cell):
                    changes.append((cell.start(), cell.end(), col, ""))
                    continue
                tag_end = cell.start(2) + len(cell[2]) if cell[2] == "/>" else cell.start(2) + 1
                tag = text[cell.start() : tag_end]
                new = set_attr(tag, "s", str(edit.style) if edit.style >= 0 else None)
                changes.append((cell.start(), tag_end, col, new))
            elif edit.create:
                index = bisect.bisect_right(starts, col)
                at = ordered[index][1].start() if index < len(ordered) else body_end
                changes.append((at, at, col, self._cell_xml(row, col, edit.style)))
                added.append(col)
        pieces, pos = [], body_start
        for start, end, _col, new in sorted(changes, key=lambda c: (c[0], c[2])):
            pieces.append(text[pos:start])
            pieces.append(new)
            pos = end
        pieces.append(text[pos:body_end])
        body = "".join(pieces)
        name = f"{self.prefix}:row" if self.prefix else "row"
        tag = f"<{name}{match[1]}>"
        if added:
            tag = _with_spans(tag, added)
        if match[3] is None and not body:
            return match[0]
        if not body.strip():
            if set(parse_attrs(match[1])) <= {"r"}:
                return ""  # a row we created, now empty again
            return f"<{name}{match[1]}/>"
        return f"{tag}{body}</{name}>"


def _with_spans(tag: str, cols: list[int]) -> str:
    spans = parse_attrs(tag).get("spans")
    if spans is None:
        return tag
    numbers = [int(n) for pair in _SPANS.findall(spans) for n in pair]
    numbers += [c + 1 for c in cols]
    return set_attr(tag, "spans", f"{min(numbers)}:{max(numbers)}")
