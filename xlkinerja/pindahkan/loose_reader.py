"""Any workbook read as plain grids of values, sheet by sheet: what `pindahkan` starts from.

The form reader (reader.py) needs the template's Excel tables and defined names; this one
needs nothing but cells, so it reads what a .xls round trip, a copy-paste into a plain
workbook or an older template left. .xlsx/.xlsm packages pass the package guard first;
a .xls (Excel 97-2003, no zip) is read by calamine directly, bounded in size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as calamine

from xlkinerja.core.form_data import CellScalar
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.properties import template_properties
from xlkinerja.files.package_guard import OLE2_MAGIC, check_package
from xlkinerja.sources.reader import normalise, open_calamine
from xlkinerja.specs.template_meta import META_SHEET

SUFFIXES = (".xlsx", ".xlsm", ".xls")
MAX_XLS_BYTES = 100 * 1000**2  # a .xls larger than this is not a form workbook
MAX_CELLS = 5_000_000  # of all sheets together: more is not a form workbook


@dataclass(frozen=True)
class LooseBook:
    path: Path
    sheets: dict[str, list[list[CellScalar]]]  # sheet name → rows from A1, blank = None
    template_id: str | None  # what the workbook says it is (_meta sheet or properties)


def read_loose(path: Path) -> LooseBook:
    """Every sheet's values; WorkbookError (Indonesian) when the file cannot be read."""
    if not path.is_file():
        raise WorkbookError(
            "berkas tidak ditemukan.", code=ErrorCode.BERKAS_TIDAK_DITEMUKAN, path=path
        )
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbookError(
            f"jenis berkas '{suffix or '(tanpa ekstensi)'}' tidak dapat dipindahkan.",
            code=ErrorCode.BERKAS_JENIS_TIDAK_DIDUKUNG,
            path=path,
            hint="Simpan dulu sebagai .xlsx atau .xls, lalu jalankan lagi.",
        )
    if suffix == ".xls":
        _check_xls(path)
        properties: dict[str, str] = {}
    else:
        check_package(path)
        properties = template_properties(path)
    book = open_calamine(path)
    try:
        sheets: dict[str, list[list[CellScalar]]] = {}
        cells = 0
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            cells += sum(len(r) for r in rows)
            if cells > MAX_CELLS:
                raise WorkbookError(
                    "workbook terlalu besar untuk dipindahkan.",
                    code=ErrorCode.BERKAS_TERLALU_BESAR,
                    path=path,
                )
            sheets[meta.name] = [[normalise(v) for v in row] for row in rows]
        book.close()
    except WorkbookError:
        raise
    except Exception as exc:  # calamine raises many error types for broken files
        raise WorkbookError(
            f"berkas tidak dapat dibuka sebagai workbook ({exc}).",
            code=ErrorCode.BERKAS_TIDAK_TERBACA,
            path=path,
        ) from exc
    return LooseBook(
        path, sheets, _meta_id(sheets.get(META_SHEET)) or properties.get("template_id")
    )


def _check_xls(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_XLS_BYTES:
        raise WorkbookError(
            "berkas .xls terlalu besar untuk dipindahkan.",
            code=ErrorCode.BERKAS_TERLALU_BESAR,
            path=path,
        )
    with path.open("rb") as handle:
        if not handle.read(8).startswith(OLE2_MAGIC):
            raise WorkbookError(
                "berkas bernama .xls tetapi isinya bukan workbook Excel 97-2003.",
                code=ErrorCode.BERKAS_BUKAN_WORKBOOK,
                path=path,
                hint="Periksa berkasnya; bila isinya .xlsx, ganti ekstensinya menjadi .xlsx.",
            )


def _meta_id(rows: list[list[Any]] | None) -> str | None:
    for row in rows or []:
        if len(row) >= 2 and row[0] == "template_id" and isinstance(row[1], str):
            return row[1]
    return None
