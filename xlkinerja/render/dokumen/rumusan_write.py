"""The Rumusan Hasil Pembahasan Capaian Kinerja of a quarter written out:
rumusan-pembahasan-<tahun>-tw<n>.xlsx (numbers kept as numbers, formatted the way the
documents show them) and .pdf (templates/dokumen/rumusan.html.j2: A4 like the other
documents, each table's column widths from what it holds, as the LKj's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlkinerja.errors import ErrorRecord
from xlkinerja.files.atomic import atomic_path
from xlkinerja.kompilasi.rumusan import RumusanPembahasan
from xlkinerja.render.dokumen.lkj_columns import column_layout
from xlkinerja.render.dokumen.lkj_tables import Bagian, Jenis, Tabel, shown
from xlkinerja.render.dokumen.pdf import PdfUnavailable, html_to_pdf
from xlkinerja.render.dokumen.rumusan_tables import rumusan_bagian
from xlkinerja.render.jinja_templates import render
from xlkinerja.render.shared_strings import Workbook as TextWorkbook

TEMPLATE = "dokumen/rumusan.html.j2"
FORMATS: dict[Jenis, dict[str, object]] = {
    Jenis.TEKS: {},
    Jenis.ANGKA: {"num_format": "#,##0.##"},
    Jenis.PERSEN: {"num_format": '0.00" %"'},
    Jenis.RUPIAH: {"num_format": '"Rp "#,##0'},
}
WIDTHS = (26, 18, 40, 18, 16, 16, 14, 14, 12)  # the sheet's columns (characters)


@dataclass(frozen=True)
class WrittenRumusan:
    files: list[Path]  # xlsx, pdf
    pdf_skipped: ErrorRecord | None = None  # why there is no PDF (system libraries missing)


def file_stem(r: RumusanPembahasan) -> str:
    return f"rumusan-pembahasan-{r.tahun or 'tanpa-tahun'}-tw{r.tw}"


def write_rumusan(r: RumusanPembahasan, folder: Path) -> WrittenRumusan:
    bagian = rumusan_bagian(r)
    stem = file_stem(r)
    files = [_xlsx(r, bagian, folder / f"{stem}.xlsx")]
    try:
        files.append(html_to_pdf(rumusan_html(r, bagian), folder / f"{stem}.pdf"))
    except PdfUnavailable as exc:  # the xlsx is worth having without it
        return WrittenRumusan(files, exc.record())
    return WrittenRumusan(files)


def _tata(tabel: Tabel) -> dict[str, object]:
    layout = column_layout(tabel)
    total = sum(layout.widths)
    return {
        "lebar": [round(100 * w / total, 2) for w in layout.widths],
        "ukuran": layout.size,
        "ukuran_judul": layout.header_size,
    }


def rumusan_html(r: RumusanPembahasan, bagian: list[Bagian]) -> str:
    return render(TEMPLATE, r=r, bagian=bagian, sel=shown, tata=_tata)


class _Styles:
    def __init__(self, book: Any) -> None:
        border = {"border": 1, "valign": "top", "text_wrap": True, "font_size": 10}
        self.header = book.add_format(
            border | {"bold": True, "bg_color": "#D9E2F3", "align": "center", "valign": "vcenter"}
        )
        self.cell = {j: book.add_format(border | f) for j, f in FORMATS.items()}
        self.missing = book.add_format(
            border | {"align": "right", "italic": True, "font_color": "#595959"}
        )
        self.h1 = book.add_format({"bold": True, "font_size": 14})
        self.h2 = book.add_format({"bold": True, "font_size": 12})
        self.caption = book.add_format({"bold": True, "font_size": 10})
        self.text = book.add_format({"font_size": 10})


def _table(sheet: Any, row: int, tabel: Tabel, styles: _Styles) -> int:
    sheet.write(row, 0, tabel.judul, styles.caption)
    row += 1
    for col, kolom in enumerate(tabel.kolom):
        sheet.write(row, col, kolom.judul, styles.header)
    row += 1
    for values in tabel.baris:
        for col, (kolom, value) in enumerate(zip(tabel.kolom, values, strict=True)):
            style = styles.cell[kolom.jenis]
            if value is None and kolom.jenis != Jenis.TEKS:
                sheet.write_string(row, col, tabel.kosong, styles.missing)
            elif value is None:
                sheet.write_blank(row, col, None, style)
            elif isinstance(value, str):
                sheet.write_string(row, col, value, style)
            else:
                sheet.write_number(row, col, value, style)
        row += 1
    return row + 1


def _xlsx(r: RumusanPembahasan, bagian: list[Bagian], target: Path) -> Path:
    with atomic_path(target) as tmp:
        book = TextWorkbook(str(tmp))
        styles = _Styles(book)
        sheet = book.add_worksheet(f"Rumusan {r.tw_nama}")
        for col, width in enumerate(WIDTHS):
            sheet.set_column(col, col, width)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        row = 0
        for b in bagian:
            sheet.write(row, 0, b.judul, styles.h1 if b.tingkat == 1 else styles.h2)
            row += 1
            for text in (*b.paragraf, *b.butir):
                sheet.write(row, 0, text, styles.text)
                row += 1
            row += 1
            for tabel in b.tabel:
                row = _table(sheet, row, tabel, styles)
        book.close()
    return target
