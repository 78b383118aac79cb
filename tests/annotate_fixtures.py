"""Workbooks for the annotate tests, written with XlsxWriter at test time, and small readers
of the package (raw zip members, cell styles) used to compare before and after."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import xlsxwriter
from defusedxml import ElementTree

from xlkinerja.core.finding import Finding, Severity

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# XlsxWriter writes the sheets in this order.
PARTS = {
    "Data": "xl/worksheets/sheet1.xml",
    "Grafik": "xl/worksheets/sheet2.xml",
    "Daftar": "xl/worksheets/sheet3.xml",
    "Kosong": "xl/worksheets/sheet4.xml",
}
USER_COMMENTS = "xl/comments1.xml"
USER_VML = "xl/drawings/vmlDrawing1.vml"


def tiny_png() -> bytes:
    """A 4×4 red PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def build_fixture(path: Path, *, vba: Path | None = None) -> Path:
    """Table, list validation from a named range on another sheet, defined names (also
    sheet-local), protection, styles, a chart, an image, a sparkline and a data bar (x14
    extensions), a user's note, a hidden list sheet, an empty sheet; .xlsm with `vba`."""
    book = xlsxwriter.Workbook(str(path))
    data = book.add_worksheet("Data")
    chart_sheet = book.add_worksheet("Grafik")
    lists = book.add_worksheet("Daftar")
    book.add_worksheet("Kosong")
    if vba is not None:
        book.add_vba_project(str(vba))
    bold = book.add_format({"bold": True, "num_format": "0.00", "border": 1})
    unlocked = book.add_format({"locked": False, "bg_color": "#FFF9E6", "num_format": "#,##0"})
    lists.write_column("A1", ["draft", "diajukan", "disahkan"])
    lists.hide()
    book.define_name("daftar_status", "=Daftar!$A$1:$A$3")
    book.define_name("Data!lokal", "=Data!$B$2")
    book.define_name("Grafik!judul", "=Grafik!$A$1")
    data.add_table(
        "A1:C4",
        {
            "name": "TabelData",
            "columns": [{"header": "Kode"}, {"header": "Nilai"}, {"header": "Status"}],
            "data": [["A", 1, "draft"], ["B", 2, "diajukan"], ["C", 3, "disahkan"]],
        },
    )
    data.data_validation("C2:C4", {"validate": "list", "source": "=daftar_status"})
    data.write("E1", 12.5, bold)
    data.write("E2", 7, unlocked)
    data.write("A8", "akhir")
    data.protect()
    data.conditional_format("B2:B4", {"type": "data_bar", "data_bar_2010": True})
    data.add_sparkline("F2", {"range": "Data!B2:B4"})
    data.write_comment("E1", "Catatan pengguna", {"author": "Budi"})
    data.write_comment("A8", "Catatan kedua", {"author": "Budi"})
    data.repeat_rows(0)
    chart = book.add_chart({"type": "column"})
    chart.add_series({"values": "=Data!$B$2:$B$4"})
    chart_sheet.insert_chart("B2", chart)
    chart_sheet.insert_image("J2", "merah.png", {"image_data": io.BytesIO(tiny_png())})
    chart_sheet.write("A1", "Grafik nilai")
    book.close()
    return path


def finding(
    path: Path, sheet: str | None, cell: str | None, code: str, severity: Severity
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        file=str(path),
        sheet=sheet,
        cell=cell,
        row=None,
        field="Nilai",
        value="7",
        message=f"Lembar {sheet}, sel {cell}: pesan untuk {code}.",
        hint=f"Perbaiki {code}.",
    )


def first_findings(path: Path) -> list[Finding]:
    g, p, i = Severity.GALAT, Severity.PERINGATAN, Severity.INFO
    return [
        finding(path, "Data", "E1", "a.catatan_pengguna", g),  # the user's note stays
        finding(path, "Data", "B3", "a.peringatan", p),
        finding(path, "Data", "B3", "a.info", i),  # same cell: the warning wins
        finding(path, "Data", "D1", "a.sel_tengah", g),  # missing, between C1 and E1
        finding(path, "Data", "H2", "a.sel_akhir", i),  # missing, after the last cell
        finding(path, "Data", "B6", "a.baris_tengah", p),  # missing row between 4 and 8
        finding(path, "Data", "$C$10", "a.baris_akhir", g),  # missing row after the last
        finding(path, "Grafik", "A1", "b.judul", i),
        finding(path, "grafik", "C20", "b.sel_baru", p),  # sheet names ignore case
        finding(path, "Daftar", "A2", "c.daftar", g),
        finding(path, "Kosong", "B2", "d.kosong", i),
        finding(path, None, None, "e.workbook", i),
        finding(path, "Tidak Ada", "A1", "e.lembar_asing", p),
        finding(path, "Data", "ZZZZ1", "e.sel_salah", p),
    ]


def second_findings(path: Path) -> list[Finding]:
    g, p, i = Severity.GALAT, Severity.PERINGATAN, Severity.INFO
    return [
        finding(path, "Data", "C2", "x.baru", g),
        finding(path, "Data", "E2", "x.format", i),
        finding(path, "Grafik", "A1", "x.judul", p),
    ]


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def raw_members(path: Path) -> dict[str, tuple[int, int, bytes]]:
    """Per member: compression method, CRC and the compressed bytes as stored."""
    data = path.read_bytes()
    found = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            start = info.header_offset
            name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
            begin = start + 30 + name_len + extra_len
            found[info.filename] = (
                info.compress_type,
                info.CRC,
                data[begin : begin + info.compress_size],
            )
    return found


def cell_styles(xml: bytes) -> dict[str, str | None]:
    """Cell address → its s attribute, for every <c> of a sheet part."""
    root = ElementTree.fromstring(xml)
    return {c.get("r"): c.get("s") for c in root.iter(f"{MAIN}c")}


def row_order(xml: bytes) -> list[tuple[int, list[str]]]:
    root = ElementTree.fromstring(xml)
    return [
        (int(row.get("r")), [c.get("r") for c in row.iter(f"{MAIN}c")])
        for row in root.iter(f"{MAIN}row")
    ]
