"""Broken and hostile workbooks, made at test time (no binary blobs in the repository).

Each function writes one file into `folder` and returns its path. The ones that need
LibreOffice take a `profile` folder for its user installation.
"""

from __future__ import annotations

import base64
import random
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import xlsxwriter
from msoffcrypto.format.ooxml import OOXMLFile

from tests import lo
from xlkinerja.render.template.writer import write_template
from xlkinerja.specs import UNIT

PETUNJUK_PART = "xl/worksheets/sheet1.xml"  # the first sheet; not a sheet of the form
PK_PART = "xl/worksheets/sheet3.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""

Member = bytes | Callable[[], Iterator[bytes]]


def unit_template(folder: Path, name: str = "unit.xlsx") -> Path:
    """A fresh blank unit template (what every bad file is made from)."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_template(UNIT, folder / name)


def rewrite(
    source: Path, target: Path, replace: dict[str, Member], *, level: int | None = None
) -> Path:
    """Copy a zip package, replacing some parts' bytes (or streaming them from a generator)."""
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as new,
    ):
        for info in old.infolist():
            content = replace.get(info.filename, b"")
            if info.filename not in replace:
                new.writestr(info, old.read(info))
            elif isinstance(content, bytes):
                new.writestr(info.filename, content)
            else:
                with new.open(info.filename, "w", force_zip64=True) as out:
                    for chunk in content():
                        out.write(chunk)
    return target


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


# --- not a workbook at all ------------------------------------------------------------


def truncated(folder: Path) -> Path:
    path = unit_template(folder, "terpotong.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupt_part(folder: Path) -> Path:
    """The central directory is intact, the PK sheet's compressed bytes are garbage."""
    path = unit_template(folder, "rusak.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(PK_PART)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    rng = random.Random(1)
    data[middle : middle + 200] = rng.randbytes(200)
    path.write_bytes(bytes(data))
    return path


def renamed(folder: Path, kind: str) -> Path:
    """Another kind of file saved under an .xlsx name."""
    path = folder / f"{kind}.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "pdf":
        path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    elif kind == "csv":
        path.write_text("Kode IKK;Target\nIKK-1;90\n", encoding="utf-8")
    elif kind == "html":
        path.write_text("<html><body><table><tr><td>IKK-1</td></tr></table></body></html>")
    elif kind == "kosong":
        path.write_bytes(b"")
    elif kind == "docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    else:
        raise ValueError(kind)
    return path


def password_protected(folder: Path) -> Path:
    """A real template encrypted the way Excel does it (an OLE2 file holding the package)."""
    plain = unit_template(folder, "polos.xlsx")
    path = folder / "berkata-sandi.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("rahasia", target)
    return path


def minimal_ole2(folder: Path) -> Path:
    """Just an OLE2 header (512 bytes) under an .xlsx name: an old Office file."""
    folder.mkdir(parents=True, exist_ok=True)
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 30, 9)
    path = folder / "ole2.xlsx"
    path.write_bytes(bytes(header))
    return path


def converted_by_libreoffice(folder: Path, profile: Path, to: str, name: str) -> Path:
    """A unit template converted by LibreOffice (`to`: "xls:MS Excel 97", "ods"), then
    saved under the name `name` (an .xlsx name for the renamed cases)."""
    source = unit_template(folder / to.split(":", maxsplit=1)[0], "unit.xlsx")
    made = lo.convert([source], to, folder / f"lo-{to.split(':', maxsplit=1)[0]}", profile)[0]
    return Path(shutil.copyfile(made, folder / name))


# --- hostile packages -----------------------------------------------------------------


def zip_bomb(folder: Path) -> Path:
    """The PK sheet replaced by ~200 MB of identical rows that deflate ~1000 times."""
    source = unit_template(folder, "polos-bom.xlsx")
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>bom</t></is></c></row>'

    def rows() -> Iterator[bytes]:
        yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        yield b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        block = row * 16_000  # ~1 MB
        for _ in range(200):
            yield block
        yield b"</sheetData></worksheet>"

    return rewrite(source, folder / "bom.xlsx", {PK_PART: rows})


def lying_sizes(folder: Path) -> Path:
    """The zip directory says the PK sheet is 60 KB; it inflates to ~35 MB."""
    source = unit_template(folder, "polos-bohong.xlsx")
    head, tail = part(source, PK_PART).split(b"</sheetData>", 1)
    row = b'<row r="999"><c r="K999" t="inlineStr"><is><t>bohong</t></is></c></row>'
    path = rewrite(
        source,
        folder / "ukuran-bohong.xlsx",
        {PK_PART: head + row * 500_000 + b"</sheetData>" + tail},
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(PK_PART)
    struct.pack_into("<I", data, info.header_offset + 22, 60_000)  # local header
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + length] == PK_PART.encode():
            struct.pack_into("<I", data, central + 24, 60_000)  # central directory
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


def too_many_parts(folder: Path, count: int = 10_001) -> Path:
    source = unit_template(folder, "polos-banyak.xlsx")
    path = folder / "banyak-bagian.xlsx"
    shutil.copyfile(source, path)
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(count):
            archive.writestr(f"xl/media/kosong{index}.bin", b"")
    return path


def entity_attack(folder: Path, target: str = SHARED_STRINGS) -> Path:
    """Billion laughs: a DOCTYPE with nested entities, used in sharedStrings or a sheet."""
    source = unit_template(folder, "polos-entitas.xlsx")
    original = part(source, target)
    body = original.split(b"?>", 1)[1]
    if target == SHARED_STRINGS:
        body = body.replace(b"<t>", b"<t>&lol9;", 1)
    else:
        body = body.replace(
            b"<sheetData>",
            b'<sheetData><row r="1000"><c r="A1000" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
            1,
        )
    name = "entitas-ss.xlsx" if target == SHARED_STRINGS else "entitas-lembar.xlsx"
    return rewrite(source, folder / name, {target: BILLION_LAUGHS + body})


# --- big files --------------------------------------------------------------------------


def big_workbook(folder: Path, rows: int = 70_000) -> Path:
    """A ~50 MB unit workbook: its Petunjuk sheet replaced by many rows of random text,
    written by XlsxWriter in constant_memory mode (the reader never parses that sheet)."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / "besar-data.xlsx"
    rng = random.Random(7)
    book = xlsxwriter.Workbook(str(scratch), {"constant_memory": True})
    sheet = book.add_worksheet("Data")
    for row in range(rows):
        for col in range(4):
            sheet.write_string(row, col, base64.b64encode(rng.randbytes(150)).decode())
    book.close()
    source = unit_template(folder, "polos-besar.xlsx")

    def stream() -> Iterator[bytes]:
        with zipfile.ZipFile(scratch) as archive, archive.open(PETUNJUK_PART) as big:
            while chunk := big.read(1 << 20):
                yield chunk

    path = rewrite(source, folder / "besar.xlsx", {PETUNJUK_PART: stream}, level=1)
    scratch.unlink()
    return path


def oversized_form_sheet(folder: Path, megabytes: int = 110) -> Path:
    """Rows pasted below the PK table until the sheet's XML is larger than the limit."""
    source = unit_template(folder, "polos-raksasa.xlsx")
    xml = part(source, PK_PART)
    head, tail = xml.split(b"</sheetData>", 1)

    def stream() -> Iterator[bytes]:
        yield head
        number, written = 1000, 0
        while written < megabytes * 1000**2:
            block = b"".join(
                b'<row r="%d"><c r="K%d" t="inlineStr"><is><t>catatan tempelan nomor %d'
                b"</t></is></c></row>" % (n, n, n * 7919 % 100_003)
                for n in range(number, number + 10_000)
            )
            number += 10_000
            written += len(block)
            yield block
        yield b"</sheetData>" + tail

    return rewrite(source, folder / "raksasa.xlsx", {PK_PART: stream}, level=1)


# --- structure and formulas -------------------------------------------------------------


def merged_in_table(folder: Path) -> Path:
    """openpyxl merges A22:C22 (a data row of tblPK) in a copy of the unit template."""
    path = unit_template(folder, "gabung.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["PK"]
    sheet["A22"] = "Sasaran digabung"
    sheet.merge_cells("A22:C22")
    book.save(path)
    return path


def formulas_without_cache(folder: Path) -> Path:
    """openpyxl writes formulas without cached values: PK!G23 (Target) =1/0, the field
    pk_tahun (PK!B7) =2024+1, Rencana Aksi!C13 (Target TW I) =#REF!+1."""
    path = unit_template(folder, "rumus.xlsx")
    book = openpyxl.load_workbook(path)
    book["PK"]["G23"] = "=1/0"
    book["PK"]["B7"] = "=2024+1"
    book["Rencana Aksi"]["C13"] = "=#REF!+1"
    book.save(path)
    return path


def formulas_recalculated(folder: Path, profile: Path) -> Path:
    """The same file saved by LibreOffice: cached values, #DIV/0! and #REF! as errors."""
    source = formulas_without_cache(folder / "sumber")
    made = lo.convert([source], "xlsx:Calc MS Excel 2007 XML", folder / "lo-rumus", profile)[0]
    return Path(shutil.copyfile(made, folder / "rumus-lo.xlsx"))
