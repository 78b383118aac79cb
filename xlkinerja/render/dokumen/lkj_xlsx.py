"""Chapter III of the Laporan Kinerja as a workbook (XlsxWriter): the tables on sheet
"Bab III" with numbers kept as numbers (formatted the way the documents show them), the
analysis lines under each sasaran, and the charts on sheet "Grafik" (for a sasaran without
data, the sentence that says there is no chart)."""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from xlkinerja.files.atomic import atomic_path
from xlkinerja.render.dokumen.lkj_tables import Bagian, Jenis, Tabel
from xlkinerja.render.dokumen.tanda import DRAF, Tanda, lines
from xlkinerja.render.shared_strings import Workbook as TextWorkbook

FORMATS = {
    Jenis.TEKS: {},
    Jenis.ANGKA: {"num_format": "#,##0.##"},
    Jenis.PERSEN: {"num_format": '0.0" %"'},
    Jenis.RUPIAH: {"num_format": '"Rp "#,##0'},
}
CHART_ROWS = 24  # rows each chart takes on the Grafik sheet


class _Styles:
    def __init__(self, book: Any) -> None:
        border = {"border": 1, "valign": "top", "text_wrap": True, "font_size": 10}
        self.header = book.add_format(
            border | {"bold": True, "bg_color": "#D9E2F3", "align": "center", "valign": "vcenter"}
        )
        self.cell = {j: book.add_format(border | f) for j, f in FORMATS.items()}
        self.total = {
            j: book.add_format(border | f | {"bold": True, "bg_color": "#F2F2F2"})
            for j, f in FORMATS.items()
        }
        self.missing = book.add_format(
            border | {"align": "right", "italic": True, "font_color": "#595959"}
        )
        self.h1 = book.add_format({"bold": True, "font_size": 14})
        self.h2 = book.add_format({"bold": True, "font_size": 12})
        self.caption = book.add_format({"bold": True, "font_size": 10})
        self.text = book.add_format({"text_wrap": False, "font_size": 10})
        self.draf = book.add_format({"bold": True, "font_size": 11, "font_color": "#C00000"})


def _table(sheet: Any, row: int, tabel: Tabel, styles: _Styles) -> int:
    sheet.write(row, 0, tabel.judul, styles.caption)
    row += 1
    for col, kolom in enumerate(tabel.kolom):
        sheet.write(row, col, kolom.judul, styles.header)
    row += 1
    for n, values in enumerate(tabel.baris):
        total = tabel.total and n == len(tabel.baris) - 1
        for col, (kolom, value) in enumerate(zip(tabel.kolom, values, strict=True)):
            style = (styles.total if total else styles.cell)[kolom.jenis]
            if value is None and kolom.jenis != Jenis.TEKS:
                sheet.write_string(row, col, tabel.kosong, styles.missing)
            elif value is None:
                sheet.write_blank(row, col, None, style)
            elif isinstance(value, str):  # "tidak diketahui" in a number column: as missing
                missing = kolom.jenis != Jenis.TEKS
                sheet.write_string(row, col, value, styles.missing if missing else style)
            else:
                sheet.write_number(row, col, value, style)
        row += 1
    return row + 1


def _charts(sheet: Any, bagian: list[Bagian], charts: Mapping[str, bytes], styles: _Styles) -> None:
    """Each sasaran's chart under its caption, in the chapter's order; where a sasaran has
    no data for one, the sentence that says so."""
    row = 0
    for b in bagian:
        if b.grafik and b.grafik in charts:
            sheet.write(row, 0, f"Grafik capaian IKU {b.grafik}", styles.caption)
            sheet.insert_image(
                row + 1,
                0,
                f"{b.grafik}.png",
                {"image_data": BytesIO(charts[b.grafik]), "x_scale": 0.45, "y_scale": 0.45},
            )
            row += CHART_ROWS
        elif b.tanpa_grafik:
            sheet.write(row, 0, b.judul, styles.caption)
            sheet.write(row + 1, 0, b.tanpa_grafik, styles.text)
            row += 3


def _mark(sheet: Any, mark: Tanda | None, styles: _Styles) -> int:
    """DRAF and why (or the approvals) on the sheet's top rows, DRAF in its printed
    header; the row the chapter starts at."""
    if mark is None:
        return 0
    if mark.draf:
        sheet.set_header(f'&C&"-,Bold"&14&KC00000{DRAF}')
    for row, text in enumerate(lines(mark)):
        sheet.write(row, 0, text, styles.draf if mark.draf else styles.text)
    return len(lines(mark)) + 1 if lines(mark) else 0


def write_lkj_xlsx(
    bagian: list[Bagian], charts: Mapping[str, bytes], target: Path, *, mark: Tanda | None = None
) -> Path:
    """The chapter as .xlsx; `mark`: DRAF and why at the top (and in the printed header),
    or the approvals."""
    with atomic_path(target) as tmp:
        book = TextWorkbook(str(tmp))
        styles = _Styles(book)
        sheet = book.add_worksheet("Bab III")
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 1, 40)
        sheet.set_column(2, 12, 15)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        row = _mark(sheet, mark, styles)
        for b in bagian:
            sheet.write(row, 0, b.judul, styles.h1 if b.tingkat == 1 else styles.h2)
            row += 2 if b.tingkat == 1 else 1
            for text in b.paragraf:
                sheet.write(row, 0, text, styles.text)
                row += 1
            if b.paragraf:
                row += 1
            for tabel in b.tabel:
                row = _table(sheet, row, tabel, styles)
            if b.tanpa_grafik:  # where the documents put the chart
                sheet.write(row, 0, b.tanpa_grafik, styles.text)
                row += 2
            for text in b.butir:
                sheet.write(row, 0, text, styles.text)
                row += 1
            if b.butir:
                row += 1
        _charts(book.add_worksheet("Grafik"), bagian, charts, styles)
        book.close()
    return target
