"""Cells whose value a values-only reader cannot see: Excel errors and uncalculated formulas.

python-calamine gives "" for a cell whose cached value is an Excel error (`t="e"`, e.g.
#DIV/0!, #REF!, #N/A, #VALUE!), the same as for a blank cell, and "" (or nothing) for a
formula that was never calculated (`<f>` without `<v>`, or with an empty `<v/>` as openpyxl
writes). This module reads the sheet XML itself to find those cells.

Sheets are found by name through `xl/workbook.xml` and its relationships. Each sheet part
is read whole (refused above `MAX_SHEET_BYTES`); a part that contains neither `t="e"` nor
`<f` is skipped after a byte search. In the others, regular expressions over the
`sheetData` bytes find error cells and formula elements followed by the end of the cell
or an empty value; the enclosing `<c>` start tag gives the address (a cell's text can never
hold a raw "<", so tags are unambiguous). If such a cell has no `r` address, the scan falls
back to walking every row and cell in order, as the file format places them. Patterns are
built for the namespace prefix the part's root element uses (none, or e.g. `x:`). The same
pass lists merged ranges (`<mergeCell ref=...>`), which the reader needs too.

Run `package_guard.check_package` first: it refuses DOCTYPE/ENTITY declarations, so the
XML here holds only the predefined entities and character references.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
import zlib
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from xlkinerja.core.address import cell_address, column_index
from xlkinerja.errors import ErrorCode, WorkbookError

MAX_SHEET_BYTES = 100 * 1000**2  # uncompressed XML of one sheet of the form (a big one: ~5 MB)

_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ADDRESS = re.compile(r"^([A-Z]{1,3})(\d+)$")
_COLUMN = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Z]{1,3})\d+["']""")  # in a <c> start tag
_QUOTED_E = (re.compile(rb'"e"'), re.compile(rb"'e'"))  # the value of t="e"; literal: fast
_TYPE_IS = re.compile(rb"\st\s*=\s*$")
_WORKBOOK_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?workbook[\s>]")
_RELATIONSHIP = re.compile(rb"<Relationship\s([^>]*)>")


@dataclass(frozen=True)
class FormulaState:
    """A cell whose cached value is an Excel error, or a formula without a cached value."""

    error: str  # the cached Excel error ("#DIV/0!"), or "" when there is no cached value
    formula: str | None  # the formula text without "=" ("" for a shared-formula child)

    @property
    def missing_value(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class SheetScan:
    formulas: dict[str, FormulaState] = field(default_factory=dict)  # A1 → state
    merged: tuple[str, ...] = ()  # merged ranges, e.g. "A22:C22"


@dataclass(frozen=True)
class _Patterns:
    cell_start: bytes
    formula_open: bytes
    token: re.Pattern[bytes]
    cell_end: re.Pattern[bytes]
    uncached: re.Pattern[bytes]
    formula: re.Pattern[bytes]
    value: re.Pattern[bytes]
    merge: re.Pattern[bytes]


@cache
def _patterns(prefix: bytes) -> _Patterns:
    """Patterns for elements written with `prefix` ("" or e.g. "x:"): literal, hence fast."""
    p = re.escape(prefix)
    empty_value = rb"(?:</" + p + rb"c>|<" + p + rb"v\s*/>|<" + p + rb"v(?:\s[^>]*)?>\s*</)"
    return _Patterns(
        cell_start=b"<" + prefix + b"c",
        formula_open=b"<" + prefix + b"f",
        token=re.compile(rb"<" + p + rb"(?P<tag>row|c)(?=[\s/>])(?P<attrs>[^>]*?)(?P<empty>/?)>"),
        cell_end=re.compile(rb"</" + p + rb"c\s*>"),
        uncached=re.compile(rb"(?:</" + p + rb"f\s*>|<" + p + rb"f\s[^>]*/>)\s*" + empty_value),
        formula=re.compile(
            rb"<" + p + rb"f(?=[\s/>])[^>]*?(?:/>|>(?P<text>.*?)</" + p + rb"f\s*>)", re.DOTALL
        ),
        value=re.compile(
            rb"<" + p + rb"v(?=[\s/>])[^>]*?(?:/>|>(?P<text>.*?)</" + p + rb"v\s*>)", re.DOTALL
        ),
        merge=re.compile(
            rb"<" + p + rb"mergeCell\s[^>]*?\bref\s*=\s*[\"']([A-Z]+\d+(?::[A-Z]+\d+)?)"
        ),
    )


def scan(path: Path, sheets: Iterable[str]) -> dict[str, dict[str, FormulaState]]:
    """Sheet name → A1 address → state, for the named sheets (missing sheets are skipped)."""
    return {name: found.formulas for name, found in scan_sheets(path, sheets).items()}


def scan_sheets(path: Path, sheets: Iterable[str]) -> dict[str, SheetScan]:
    """Formula states and merged ranges of the named sheets that exist in the workbook."""
    return {name: scan_part(xml) for name, xml in read_sheet_xml(path, sheets).items()}


def read_sheet_xml(path: Path, sheets: Iterable[str]) -> dict[str, bytes]:
    """The XML of the named sheets that exist in the workbook (a huge one is refused)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            result: dict[str, bytes] = {}
            for name in sheets:
                info = archive.NameToInfo.get(parts.get(name, ""))
                if info is None:
                    continue
                if info.file_size > MAX_SHEET_BYTES:
                    raise WorkbookError(
                        f"lembar ini berukuran {info.file_size / 1000**2:.0f} MB setelah dibuka "
                        f"(batas {MAX_SHEET_BYTES // 1000**2} MB); mungkin ratusan ribu baris "
                        "terisi tanpa sengaja.",
                        code=ErrorCode.BERKAS_TERLALU_BESAR,
                        path=path,
                        sheet=name,
                        hint="Hapus baris dan kolom berlebih di bawah/kanan tabel lalu simpan.",
                    )
                try:
                    result[name] = archive.read(info)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    raise _corrupt(path, name) from exc
            return result
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError) as exc:
        raise _corrupt(path, None) from exc


def _corrupt(path: Path, sheet: str | None) -> WorkbookError:
    return WorkbookError(
        "bagian lembar kerja rusak dan tidak dapat dibaca.",
        code=ErrorCode.BERKAS_BAGIAN_RUSAK,
        path=path,
        sheet=sheet,
        hint="Buka di Excel lalu simpan ulang.",
    )


def _attributes(raw: bytes) -> dict[bytes, bytes]:
    """Attributes by local name (a prefix such as "r:" dropped), values still escaped."""
    return {m[1].split(b":")[-1]: m[2] or m[3] for m in _ATTR.finditer(raw)}


def _text(raw: bytes | None) -> str:
    return html.unescape(raw.decode("utf-8", "replace")) if raw else ""


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → part name (e.g. "xl/worksheets/sheet3.xml") from workbook.xml + rels."""
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets: dict[bytes, str] = {}
    for tag in _RELATIONSHIP.finditer(rels):
        attrs = _attributes(tag[1])
        if attrs.get(b"TargetMode") != b"External":
            target = _text(attrs.get(b"Target"))
            resolved = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[attrs.get(b"Id", b"")] = posixpath.normpath(resolved)
    root = _WORKBOOK_ROOT.search(workbook, 0, 4096)
    prefix = re.escape(root[1] + b":") if root and root[1] else b""
    parts: dict[str, str] = {}
    for tag in re.finditer(rb"<" + prefix + rb"sheet\s([^>]*)>", workbook):
        attrs = _attributes(tag[1])
        rid = attrs.get(b"id", b"")
        if b"name" in attrs and rid in targets:
            parts[_text(attrs[b"name"])] = targets[rid]
    return parts


def scan_part(xml: bytes, columns: Container[str] | None = None) -> SheetScan:
    """Formula states and merged ranges of one worksheet part's XML; with `columns`
    (letters), only the cells in those columns are looked at closely."""
    return SheetScanner(xml).scan(columns)


class SheetScanner:
    """One worksheet part, searched once for candidate cells (an error value, a formula
    followed by no value); `scan` then reads the candidates in the columns asked for.
    The reader scans a sheet once per table on it, each time for the table's columns."""

    def __init__(self, xml: bytes) -> None:
        root = _ROOT.search(xml, 0, 4096)
        self.patterns = patterns = _patterns(root[1] + b":" if root and root[1] else b"")
        first, last = xml.find(b"sheetData"), xml.rfind(b"sheetData")
        self.merged: tuple[str, ...] = ()
        if xml.find(b"mergeCell", last) >= 0:  # <mergeCells> follows <sheetData>
            self.merged = tuple(m.decode("ascii") for m in patterns.merge.findall(xml, last))
        self.data = data = xml[first:last]
        self.starts: list[int] = []
        self._in_order: dict[str, FormulaState] | None = None
        errors = [
            found
            for pattern in _QUOTED_E
            for found in pattern.finditer(data)
            if _TYPE_IS.search(data, max(0, found.start() - 8), found.start())
        ]
        if not errors and patterns.formula_open not in data:
            return  # the byte pre-check: no error, no formula
        starts = {data.rfind(patterns.cell_start, 0, at.start()) for at in errors}
        for match in patterns.uncached.finditer(data):
            starts.add(data.rfind(patterns.cell_start, 0, match.start()))
        starts.discard(-1)
        self.starts = sorted(starts)

    def scan(self, columns: Container[str] | None = None) -> SheetScan:
        data, patterns = self.data, self.patterns
        states: dict[str, FormulaState] = {}
        for start in self.starts:
            token = patterns.token.match(data, start)
            if token is None or token["empty"]:
                continue
            column = _COLUMN.search(token["attrs"])
            if column is None:  # a candidate without an address: count cells in order
                return SheetScan(formulas=self._walked(columns), merged=self.merged)
            if columns is not None and column[1].decode("ascii") not in columns:
                continue  # a cell the caller does not read (e.g. a computed column)
            attrs = _attributes(token["attrs"])
            address = _ADDRESS.match(attrs.get(b"r", b"").decode("ascii", "replace"))
            body = _cell_body(data, token.end(), patterns)[0]
            state = _state(attrs.get(b"t", b"n"), body, patterns)
            if address and state is not None:
                states[address.group()] = state
        return SheetScan(formulas=states, merged=self.merged)

    def _walked(self, columns: Container[str] | None) -> dict[str, FormulaState]:
        if self._in_order is None:
            self._in_order = _scan_in_order(self.data, self.patterns)
        if columns is None:
            return dict(self._in_order)
        return {a: s for a, s in self._in_order.items() if a.rstrip("0123456789") in columns}


def _cell_body(data: bytes, position: int, patterns: _Patterns) -> tuple[bytes, int]:
    end = patterns.cell_end.search(data, position)
    return (data[position : end.start()], end.end()) if end else (data[position:], len(data))


def _scan_in_order(data: bytes, patterns: _Patterns) -> dict[str, FormulaState]:
    """The slow path for cells without an `r` address: follow every row and cell."""
    states: dict[str, FormulaState] = {}
    row, col = -1, -1  # zero-based; the first row/cell without an address is 0
    position = 0
    while token := patterns.token.search(data, position):
        position = token.end()
        attrs = _attributes(token["attrs"])
        if token["tag"] == b"row":
            number = attrs.get(b"r", b"")
            row = int(number) - 1 if number.isdigit() else row + 1
            col = -1
            continue
        address = _ADDRESS.match(attrs.get(b"r", b"").decode("ascii", "replace"))
        if address:
            row, col = int(address[2]) - 1, column_index(address[1])
        else:
            col += 1
        if token["empty"]:
            continue
        body, position = _cell_body(data, position, patterns)
        state = _state(attrs.get(b"t", b"n"), body, patterns)
        if state is not None:
            states[cell_address(max(row, 0), max(col, 0))] = state
    return states


def _state(kind: bytes, body: bytes, patterns: _Patterns) -> FormulaState | None:
    formula = patterns.formula.search(body)
    value = patterns.value.search(body)
    formula_text = _text(formula["text"]) if formula else None
    if kind == b"e":
        error = _text(value["text"]).strip() if value else ""
        return FormulaState(error=error or "#N/A", formula=formula_text)
    if formula is None:
        return None
    # No <v>, or an empty one, is no cached value; except for a text result (t="str"),
    # where an empty <v></v> is the empty string the formula returned.
    if value is None or (not value["text"] and kind not in (b"str", b"s", b"inlineStr")):
        return FormulaState(error="", formula=formula_text)
    return None
