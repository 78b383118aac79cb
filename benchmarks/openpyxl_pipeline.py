"""The comparison pipeline of the kompilasi benchmark: the same work with openpyxl.

Reads each workbook with openpyxl (tables by name, defined names; values only) into the
same FormData the fast reader makes, runs the same validation and aggregation, and writes
the compiled tables with openpyxl instead of XlsxWriter (headers bold, status fills; no
charts, which openpyxl would add on top).
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.cell import range_boundaries

from xlkinerja.core.form_data import CellValue, FormData, Row, TableData, TemplateMeta
from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.specs import FORMS


def read_with_openpyxl(path: Path) -> FormData:
    wb = openpyxl.load_workbook(path, data_only=True)
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True)}
    form = FORMS[str(meta["template_id"])]
    fields = {}
    for fld in form.fields:
        sheet, ref = next(wb.defined_names[fld.name].destinations)
        cell = ref.replace("$", "")
        value = wb[sheet][cell].value
        fields[fld.key] = CellValue(None if value == "" else value, sheet, cell)
    tables = {}
    for spec in form.tables:
        sheet = form.sheet_of_table(spec.key).name
        ws = wb[sheet]
        table = ws.tables[spec.name]
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        headers = [c.name for c in table.tableColumns]
        index = {c.key: headers.index(c.label) for c in spec.input_columns}
        rows = []
        for r, values in enumerate(
            ws.iter_rows(
                min_row=min_row + 1,
                max_row=max_row,
                min_col=min_col,
                max_col=max_col,
                values_only=True,
            ),
            start=min_row + 1,
        ):
            cells = {
                k: CellValue(
                    values[i], sheet, f"{openpyxl.utils.get_column_letter(min_col + i)}{r}"
                )
                for k, i in index.items()
            }
            if any(c.value is not None for c in cells.values()):
                rows.append(Row(number=r, cells=cells))
        tables[spec.key] = TableData.from_rows(spec, sheet, rows)
    return FormData(
        form=form,
        path=path,
        meta=TemplateMeta(
            str(meta["template_id"]),
            str(meta["versi"]),
            str(meta["schema_hash"]),
            str(meta["generator"]),
        ),
        fields=fields,
        tables=tables,
    )


def write_with_openpyxl(k: Kompilasi, path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fills = {
        "merah": PatternFill("solid", fgColor="FFC7CE"),
        "kuning": PatternFill("solid", fgColor="FFEB9C"),
        "hijau": PatternFill("solid", fgColor="C6EFCE"),
    }
    frames: dict[str, Any] = {
        "Rekap PK": k.rekap_pk,
        "Anggaran": k.anggaran,
        "Rekap Rencana Aksi": k.rekap_ra,
        "Rekap Capaian IKK": k.capaian_ikk,
        "Rekap Capaian IKU": k.capaian_iku,
    }
    for title, frame in frames.items():
        ws = wb.create_sheet(title)
        ws.append(list(frame.columns))
        for cell in ws[1]:
            cell.font = bold
        status_col = list(frame.columns).index("status") if "status" in frame.columns else None
        for number, row in enumerate(frame.itertuples(index=False), start=2):
            values = [None if isinstance(v, float) and math.isnan(v) else v for v in row]
            ws.append(values)
            if status_col is not None and values[status_col] in fills:
                # (ws.max_row would rescan the sheet each time: quadratic)
                ws.cell(row=number, column=status_col + 1).fill = fills[values[status_col]]
    ws = wb.create_sheet("Temuan")
    ws.append(["Berkas", "Tingkat", "Kode", "Lembar", "Sel", "Pesan"])
    for f in k.temuan:
        ws.append([f.file, f.severity.value, f.code, f.sheet, f.cell, f.message])
    wb.save(path)


def timed(label: str, times: dict[str, float], start: float) -> float:
    now = time.perf_counter()
    times[label] = now - start
    return now
