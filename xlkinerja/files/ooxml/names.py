"""Small, safe reads of an .xlsx package's own parts (the zip and its XML).

The fast reader (calamine) gives cells and tables; it does not give defined names, so
those come from `xl/workbook.xml`, parsed with defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from xlkinerja.core.address import cell_address, column_index
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.package import PartTooBig, read_small_part

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAX_PART_BYTES = 20 * 1024 * 1024  # a workbook.xml larger than this is not ours

_REF = re.compile(
    r"^(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^!']+))!\$?(?P<col>[A-Z]{1,3})"
    r"\$?(?P<row>\d+)$"
)


@dataclass(frozen=True)
class NamedCell:
    sheet: str
    cell: str  # A1 without dollars
    row: int  # zero-based
    col: int  # zero-based


def parse_single_cell_ref(text: str) -> NamedCell | None:
    match = _REF.match(text.strip())
    if not match:
        return None
    sheet = match["quoted"].replace("''", "'") if match["quoted"] else match["plain"]
    col = column_index(match["col"])
    row = int(match["row"]) - 1
    return NamedCell(sheet=sheet, cell=cell_address(row, col), row=row, col=col)


def read_defined_names(path: Path) -> dict[str, str]:
    """Workbook-level defined names (name → formula text); sheet-local names are skipped."""
    try:
        data = read_small_part(path, "xl/workbook.xml", MAX_PART_BYTES)
    except PartTooBig as exc:
        raise WorkbookError(
            "bagian xl/workbook.xml terlalu besar; berkas tidak wajar.",
            code=ErrorCode.BERKAS_TERLALU_BESAR,
            path=path,
        ) from exc
    except zipfile.BadZipFile as exc:
        raise WorkbookError(
            "berkas rusak atau bukan workbook Excel (.xlsx).",
            code=ErrorCode.BERKAS_RUSAK,
            path=path,
        ) from exc
    if data is None:
        raise WorkbookError(
            "bukan workbook Excel (.xlsx): bagian xl/workbook.xml tidak ada.",
            code=ErrorCode.BERKAS_BAGIAN_HILANG,
            path=path,
        )
    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # defusedxml raises several types for hostile or broken XML
        raise WorkbookError(
            "isi xl/workbook.xml tidak dapat dibaca (XML rusak atau tidak aman).",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=path,
        ) from exc
    names: dict[str, str] = {}
    for element in root.iter(f"{MAIN_NS}definedName"):
        if element.get("localSheetId") is not None:
            continue
        name = element.get("name")
        if name and not name.startswith("_xlnm."):
            names[name] = element.text or ""
    return names
