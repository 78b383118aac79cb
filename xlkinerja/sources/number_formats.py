"""Which input cells hold a percentage: a number whose format makes 0.85 show as 85%.

A values-only reader sees 0.85 where the user typed `85%`: Excel and LibreOffice store a
typed percentage as a fraction with a percent number format. The number format of a cell
is its `s=` attribute, an index into `cellXfs` of `xl/styles.xml`, whose `numFmtId` is a
built-in format (9 `0%`, 10 `0.00%`) or one of the workbook's own `numFmts`. A custom
format is a percentage when its code has a `%` outside quotes, brackets and backslash
escapes (`0.0%`, `0,0%`, `#,##0.00%`; not `0" %"` or `0\\%`, which only show a percent
sign). Date formats need nothing here: calamine reads a number with a date format (a
typed `1/2` that the program made 1 February) as the date, which no number column takes.

`read_styles` reads styles.xml once per file (a small part: a byte search, no XML
parser); `formatted_cells` then finds, in a sheet part the reader already holds, the cells
of the given columns whose style is one of those: a search for the few `s="N"` values of
interest (written as every spreadsheet program writes it, without spaces around "="), not
a walk over every cell. Run `package_guard.check_package` first.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from xlkinerja.core.address import cell_address, column_index
from xlkinerja.core.form_data import CellFormat, CellScalar
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.package import PartTooBig, read_small_part

STYLES_PART = "xl/styles.xml"
MAX_STYLES_BYTES = 20 * 1000**2  # Excel's limit of 64,000 cell styles is ~10 MB of XML

BUILTIN_PERCENT = frozenset({9, 10})

_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_NUMFMT = re.compile(rb"<(?:[\w.-]+:)?numFmt\s([^>]*?)/?>")
_CELL_XFS = re.compile(rb"<(?:[\w.-]+:)?cellXfs[\s>]")
_CELL_XFS_END = re.compile(rb"</(?:[\w.-]+:)?cellXfs\s*>")
_XF = re.compile(rb"<(?:[\w.-]+:)?xf(?=[\s/>])([^>]*)")
_NUMFMT_ID = re.compile(rb"""numFmtId\s*=\s*["']([^"']*)""")
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
# Parts of a format code that never make it a percentage: quoted text, a backslash-escaped
# character, `_x` (space as wide as x), `*x` (fill with x), [colour, condition or locale].
_LITERAL = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?')


@dataclass(frozen=True)
class Styles:
    """Cell style index (the `s=` of a cell) → what its number format means, for the
    styles whose format is a percentage; the others are not listed."""

    kinds: Mapping[int, CellFormat]


NO_STYLES = Styles({})


def format_kind(code: str) -> CellFormat | None:
    """A custom number format code: a percentage, or not (None)."""
    return CellFormat.PERSEN if "%" in _LITERAL.sub("", code) else None


def builtin_kind(number_format: int) -> CellFormat | None:
    return CellFormat.PERSEN if number_format in BUILTIN_PERCENT else None


def _attributes(raw: bytes) -> dict[bytes, bytes]:
    return {m[1].split(b":")[-1]: m[2] or m[3] for m in _ATTR.finditer(raw)}


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def parse_styles(xml: bytes) -> Styles:
    """The percent cell styles of a styles.xml part."""
    custom: dict[int, CellFormat | None] = {}
    for match in _NUMFMT.finditer(xml):
        attrs = _attributes(match[1])
        number = attrs.get(b"numFmtId", b"")
        if number.isdigit():
            custom[int(number)] = format_kind(_unescape(attrs.get(b"formatCode", b"")))
    start = _CELL_XFS.search(xml)
    end = _CELL_XFS_END.search(xml, start.end()) if start else None
    if start is None or end is None:
        return NO_STYLES
    kinds: dict[int, CellFormat] = {}
    for index, match in enumerate(_XF.finditer(xml, start.end(), end.start())):
        found = _NUMFMT_ID.search(match[1])
        number = found[1] if found else b"0"
        if not number.isdigit():
            continue
        value = int(number)
        kind = custom[value] if value in custom else builtin_kind(value)
        if kind is not None:
            kinds[index] = kind
    return Styles(kinds)


def read_styles(path: Path) -> Styles:
    """The percent cell styles of the workbook at `path` (none if it has no
    styles part)."""
    try:
        xml = read_small_part(path, STYLES_PART, MAX_STYLES_BYTES)
    except PartTooBig as exc:
        raise WorkbookError(
            f"bagian gaya sel (styles.xml) berukuran {exc.size / 1000**2:.0f} MB "
            f"(batas {MAX_STYLES_BYTES // 1000**2} MB).",
            code=ErrorCode.BERKAS_TERLALU_BESAR,
            path=path,
            hint="Buka di Excel, hapus gaya sel yang tidak dipakai, lalu simpan.",
        ) from exc
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise WorkbookError(
            "bagian gaya sel (styles.xml) rusak dan tidak dapat dibaca.",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=path,
            hint="Buka di Excel lalu simpan ulang.",
        ) from exc
    return parse_styles(xml) if xml is not None else NO_STYLES


@cache
def _tokens(prefix: bytes) -> re.Pattern[bytes]:
    """Row and cell start tags written with `prefix` ("" or e.g. "x:")."""
    return re.compile(rb"<" + re.escape(prefix) + rb"(row|c)(?=[\s/>])([^>]*?)/?>")


def _style_positions(data: bytes, start: int, end: int, index: int) -> list[int]:
    """Where `s="<index>"` (or with single quotes) is written between `start` and `end`:
    a plain byte search, much faster than a regular expression."""
    found = []
    for quote in (b'"', b"'"):
        needle = b"s=" + quote + str(index).encode() + quote
        at = data.find(needle, start, end)
        while at >= 0:
            found.append(at)
            at = data.find(needle, at + len(needle), end)
    return found


def formatted_cells(
    sheet_xml: bytes, styles: Styles, columns: Container[str]
) -> dict[str, CellFormat]:
    """A1 → meaning of the number format, for the cells in `columns` (letters) of a sheet
    part whose style is a percent style. A cell without a value is listed too
    (the caller keeps the cells it reads)."""
    if not styles.kinds:
        return {}
    root = _ROOT.search(sheet_xml, 0, 4096)
    prefix = root[1] + b":" if root and root[1] else b""
    start, end = sheet_xml.find(b"sheetData"), sheet_xml.rfind(b"sheetData")
    if 0 in styles.kinds:  # the default style: cells without `s=` have it too
        return _walk(sheet_xml[start:end], prefix, styles, columns)
    data = sheet_xml
    tag = b"<" + prefix + b"c"
    found: dict[str, CellFormat] = {}
    for index, kind in styles.kinds.items():
        for at in _style_positions(data, start, end, index):
            if data[at - 1] not in b" \t\r\n":
                continue  # the end of another attribute's name (e.g. cs="1")
            opening = data.rfind(b"<", start, at)
            if (
                data[opening : opening + len(tag)] != tag
                or data[opening + len(tag)] not in b" \t\r\n"
            ):
                continue  # the style of a row (<row s=...>), not of a cell
            closing = data.find(b">", at)
            address = _address(_attributes(data[opening + len(tag) : closing]).get(b"r"))
            if address is None:  # a writer that leaves out cell addresses: count them
                return _walk(data[start:end], prefix, styles, columns)
            if address.rstrip("0123456789") in columns:
                found[address] = kind
    return found


def _address(raw: bytes | None) -> str | None:
    if not raw:
        return None
    text = raw.decode("ascii", "replace")
    return text if re.fullmatch(r"[A-Z]{1,3}[1-9]\d*", text) else None


def _walk(
    data: bytes, prefix: bytes, styles: Styles, columns: Container[str]
) -> dict[str, CellFormat]:
    """The slow path: every row and cell in order (cells without an address, or a
    default style that is a percentage)."""
    found: dict[str, CellFormat] = {}
    row, col = -1, -1
    for match in _tokens(prefix).finditer(data):
        attrs = _attributes(match[2])
        if match[1] == b"row":
            number = attrs.get(b"r", b"")
            row = int(number) - 1 if number.isdigit() else row + 1
            col = -1
            continue
        address = _address(attrs.get(b"r"))
        if address is not None:
            letters = address.rstrip("0123456789")
            row, col = int(address[len(letters) :]) - 1, column_index(letters)
        else:
            col += 1
            address = cell_address(max(row, 0), max(col, 0))
        style = attrs.get(b"s", b"0")
        kind = styles.kinds.get(int(style)) if style.isdigit() else None
        if kind is not None and address.rstrip("0123456789") in columns:
            found[address] = kind
    return found


def table_formats(
    found: Mapping[str, CellFormat],
    sheet: str,
    measured: Mapping[str, str],
    columns: Mapping[str, Sequence[CellScalar]],
    numbers: Sequence[int],
) -> dict[tuple[str, str], CellFormat]:
    """Of the formatted cells `found` on a table's sheet, those of its kept rows in the
    `measured` columns (key → letters) that hold a number: (sheet, A1) → meaning.
    `columns[key][pos]` is the value of Excel row `numbers[pos]`."""
    if not found:
        return {}
    position = {number: pos for pos, number in enumerate(numbers)}
    result: dict[tuple[str, str], CellFormat] = {}
    for key, letters in measured.items():
        for address, kind in found.items():
            if address.rstrip("0123456789") != letters:
                continue
            pos = position.get(int(address[len(letters) :]))
            value = columns[key][pos] if pos is not None else None
            if isinstance(value, int | float) and not isinstance(value, bool):
                result[(sheet, address)] = kind
    return result
