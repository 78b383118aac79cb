"""Chapter III of the Laporan Kinerja as a Word document (python-docx): A4, headings in
Word's own heading styles, tables with borders and a shaded header row, charts as pictures
— ready to paste into the institution's LKj."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from io import BytesIO
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.table import Table, _Cell, _Row

from xlkinerja.files.atomic import atomic_path
from xlkinerja.render.dokumen.docx_base import new_document
from xlkinerja.render.dokumen.lkj_columns import CELL_MARGIN_PT, column_layout
from xlkinerja.render.dokumen.lkj_tables import Bagian, Jenis, Tabel, shown
from xlkinerja.render.dokumen.tanda import DRAF, Tanda

HEADER_FILL = "D9E2F3"
TOTAL_FILL = "F2F2F2"
DRAF_COLOUR = RGBColor(0xC0, 0x00, 0x00)


def _shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: _Row) -> None:
    tr = row._tr
    properties = tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))  # on: no w:val (its schema has no "true")


def _keep_row_together(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def _write_cell(
    cell: _Cell, text: str, *, size: float, bold: bool = False, right: bool = False
) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold


def _table_properties(table: Table, widths: Sequence[Length]) -> None:
    """The table's width and cell margins stated, so that Word and LibreOffice lay the
    columns out by the grid rather than by autofit."""
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))  # python-docx writes it as "auto"
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(w.twips for w in widths)))
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(Pt(CELL_MARGIN_PT).twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.find(qn("w:tblLayout")).addnext(margins)  # its place in the schema


def _table(document: DocxDocument, tabel: Tabel) -> None:
    caption = document.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.add_run(tabel.judul).bold = True
    table = document.add_table(rows=1, cols=len(tabel.kolom))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout = column_layout(tabel)
    widths = [Twips(math.floor(w * 20)) for w in layout.widths]  # within the text width
    table.autofit = False
    _table_properties(table, widths)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice and Word lay the table out by
    header = table.rows[0]
    _repeat_header(header)
    for cell, kolom, width in zip(header.cells, tabel.kolom, widths, strict=True):
        cell.width = width
        _write_cell(cell, kolom.judul, bold=True, size=layout.header_size)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, HEADER_FILL)
    for n, values in enumerate(tabel.baris):
        is_total = tabel.total and n == len(tabel.baris) - 1
        added = table.add_row()
        _keep_row_together(added)
        cells = added.cells
        for cell, kolom, value, width in zip(cells, tabel.kolom, values, widths, strict=True):
            cell.width = width
            _write_cell(
                cell,
                shown(value, kolom.jenis, tabel.kosong),
                bold=is_total,
                right=kolom.jenis != Jenis.TEKS,
                size=layout.size,
            )
            if is_total:
                _shade(cell, TOTAL_FILL)
    document.add_paragraph()


def _mark(document: DocxDocument, mark: Tanda | None) -> None:
    """DRAF in the header of every section (every page), or nothing for a final one."""
    if mark is None or not mark.draf:
        return
    for section in document.sections:
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(DRAF)
        run.bold = True
        run.font.size = Pt(13)
        run.font.color.rgb = DRAF_COLOUR


def _status_lines(document: DocxDocument, mark: Tanda | None) -> None:
    """Why it is a DRAF, or who approved it, under the chapter's title."""
    if mark is None:
        return
    for text in [mark.keterangan] if mark.draf else list(mark.persetujuan):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(10)
        run.bold = mark.draf
        if mark.draf:
            run.font.color.rgb = DRAF_COLOUR


def write_lkj_docx(
    bagian: list[Bagian], charts: Mapping[str, bytes], target: Path, *, mark: Tanda | None = None
) -> Path:
    """The chapter as .docx; `mark`: DRAF in every page's header and why, or approvals."""
    document = new_document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    for level in (1, 2, 3):  # black headings (in the one font), as an LKj prints them
        heading_style = document.styles[f"Heading {level}"]
        heading_style.font.color.rgb = RGBColor(0, 0, 0)
        heading_style.font.size = Pt((14, 12, 12)[level - 1])
    _mark(document, mark)
    for n, b in enumerate(bagian):
        heading = document.add_heading(b.judul, level=b.tingkat)
        if b.tingkat == 1:
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if n == 0:
            _status_lines(document, mark)
        for text in b.paragraf:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for tabel in b.tabel:
            _table(document, tabel)
        if b.grafik and b.grafik in charts:
            document.add_picture(BytesIO(charts[b.grafik]), width=Cm(15))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption = document.add_paragraph(f"Grafik capaian IKU {b.grafik}")
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.tanpa_grafik:
            document.add_paragraph(b.tanpa_grafik)
        if b.butir:
            document.add_paragraph(b.butir[0])
            for text in b.butir[1:]:
                document.add_paragraph(text, style="List Bullet")
    with atomic_path(target) as tmp:
        document.save(str(tmp))
    return target
