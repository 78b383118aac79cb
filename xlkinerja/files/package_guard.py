"""Refuse hostile or broken workbook files before any parser touches them.

`check_package(path)` looks only at the file's first bytes, the zip central directory and
the first bytes of each XML part; it never decompresses a whole part, so it costs well
under a millisecond for a unit workbook. It raises `WorkbookError` (Indonesian, naming the
file) for:

- an empty file, or content that is not a zip package (PDF, HTML, text/CSV, anything);
- an OLE2 compound file (magic D0 CF 11 E0) under an .xlsx/.xlsm name: a workbook
  encrypted with a password ("dilindungi kata sandi": Excel wraps the package in OLE2),
  a legacy .xls (Excel 97-2003), or another old Office document;
- a truncated or corrupt zip (no readable central directory), duplicate part names,
  parts encrypted at zip level;
- an OpenDocument spreadsheet (.ods) or an Excel binary workbook (.xlsb) under an .xlsx
  name, or a zip without `xl/workbook.xml`;
- a zip bomb, as declared by the central directory: more than `MAX_MEMBERS` parts, a sum
  of uncompressed sizes above `MAX_TOTAL_BYTES` (1 GiB), or one part larger than
  `BOMB_MIN_BYTES` (10 MB) that expands more than `MAX_RATIO` (200) times;
- an XML part whose prolog declares a DOCTYPE or ENTITY (entity expansion, "billion
  laughs"), or whose prolog is implausibly long (the root element must start within the
  first `PROLOG_BYTES`).

What calamine does by itself (python-calamine 0.9, checked by tests/test_bad_input.py):
it does not expand user-defined entities, it stops with "unrecognized entity" (for
sharedStrings.xml while opening, for a sheet only when the sheet is read); a password-
protected file raises `PasswordError`. The guard turns both into a clear message early.

The central directory can lie about sizes; calamine's zip reader stops at the declared
size of a part, so a lying header yields a corrupt-part error rather than a bomb.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from xlkinerja.errors import ErrorCode, WorkbookError

MAX_MEMBERS = 10_000  # a unit workbook has about 30 parts
MAX_TOTAL_BYTES = 1024**3  # uncompressed, all parts together
MAX_RATIO = 200  # uncompressed / compressed size of one part ...
BOMB_MIN_BYTES = 10 * 1000**2  # ... counted only for parts larger than this
PROLOG_BYTES = 1024  # the root element of an XML part must start within this
WHOLE_READ_BYTES = 2 * 1000**2  # smaller files are read at once (fewer system calls)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
RESAVE_HINT = "Buka di Excel lalu Simpan Sebagai 'Excel Workbook (.xlsx)'."

_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_ENDOFCHAIN = 0xFFFFFFFA  # OLE2 sector numbers from here on end a chain
_MAX_DIRECTORY_SECTORS = 64


def check_package(path: Path) -> None:
    """Raise `WorkbookError` unless `path` looks like a sane .xlsx/.xlsm package."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(OLE2_MAGIC):
                raise _ole2_error(path, _ole2_stream_names(handle))
            if not head.startswith(ZIP_MAGICS):
                raise _not_zip_error(path, head + handle.read(504))
            handle.seek(0)
            small = path.stat().st_size <= WHOLE_READ_BYTES
            source: BinaryIO = io.BytesIO(handle.read()) if small else handle
            with zipfile.ZipFile(source) as archive:
                infos = archive.infolist()
                _check_members(path, infos)
                _check_kind(path, archive)
                _check_prologs(path, source, infos)
    except OSError as exc:
        raise WorkbookError(
            f"berkas tidak dapat dibaca ({exc.strerror or exc}).",
            code=ErrorCode.BERKAS_TIDAK_DAPAT_DIBUKA,
            path=path,
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, struct.error) as exc:
        raise WorkbookError(
            "berkas rusak atau terpotong (paket zip tidak utuh) sehingga tidak dapat dibuka.",
            code=ErrorCode.BERKAS_RUSAK,
            path=path,
            hint="Minta salinan yang utuh, atau buka di Excel lalu simpan ulang.",
        ) from exc


def _mb(size: int) -> str:
    return f"{size / 1000**2:,.0f} MB".replace(",", ".")


def _not_zip_error(path: Path, head: bytes) -> WorkbookError:
    if not head:
        kind = "berkas kosong (0 bait)"
    elif head.startswith(b"%PDF"):
        kind = "isinya dokumen PDF"
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        kind = "isinya HTML/XML (mis. 'Simpan sebagai halaman web' atau XML Spreadsheet 2003)"
    elif all(byte in b"\t\r\n" or byte >= 32 for byte in head):
        kind = "isinya teks biasa (CSV?)"
    else:
        kind = "isinya bukan paket .xlsx (zip)"
    return WorkbookError(
        f"berkas tidak dapat dibuka sebagai workbook Excel: {kind}.",
        code=ErrorCode.BERKAS_BUKAN_WORKBOOK,
        path=path,
        hint=RESAVE_HINT,
    )


def _ole2_error(path: Path, names: set[str]) -> WorkbookError:
    lowered = {name.lower() for name in names}
    if "encryptedpackage" in lowered:
        return WorkbookError(
            "workbook dilindungi kata sandi (terenkripsi) dan tidak dapat dibaca.",
            code=ErrorCode.BERKAS_TERENKRIPSI,
            path=path,
            hint="Buka di Excel, hapus kata sandi pembuka (File > Info > Lindungi Workbook > "
            "Enkripsi dengan Kata Sandi), lalu simpan.",
        )
    if lowered & {"workbook", "book"}:
        return WorkbookError(
            "berkas tidak dapat dibuka sebagai .xlsx: isinya format .xls lama (Excel 97-2003), "
            "yang tidak menyimpan tabel Excel.",
            code=ErrorCode.BERKAS_FORMAT_XLS,
            path=path,
            hint="Ganti ekstensinya menjadi .xls, lalu pindahkan isiannya ke templat baru: "
            f'xlkinerja pindahkan "{path.with_suffix(".xls").name}" --output FOLDER '
            "(berkas asli tidak diubah).",
        )
    elif lowered & {"worddocument", "powerpoint document"}:
        what = "isinya dokumen Word/PowerPoint lama, bukan workbook"
    else:
        what = (
            "isinya format Office lama (OLE2): .xls Excel 97-2003 atau workbook yang "
            "dilindungi kata sandi"
        )
    return WorkbookError(
        f"berkas tidak dapat dibuka sebagai .xlsx: {what}.",
        code=ErrorCode.BERKAS_BUKAN_WORKBOOK,
        path=path,
        hint=RESAVE_HINT,
    )


def _ole2_stream_names(handle: BinaryIO) -> set[str]:
    """Names in an OLE2 compound file's directory (bounded; empty if it is unreadable)."""
    handle.seek(0)
    header = handle.read(512)
    if len(header) < 512:
        return set()
    (shift,) = struct.unpack_from("<H", header, 30)
    if shift not in (9, 12):
        return set()
    size = 1 << shift
    fat_count, first_directory = struct.unpack_from("<II", header, 44)
    fat: list[int] = []
    for index in range(min(fat_count, 109)):  # the header lists the first 109 FAT sectors
        (sector,) = struct.unpack_from("<I", header, 76 + 4 * index)
        handle.seek((sector + 1) * size)
        data = handle.read(size)
        fat.extend(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))
    names: set[str] = set()
    sector, seen = first_directory, set[int]()
    while sector < _ENDOFCHAIN and sector not in seen and len(seen) < _MAX_DIRECTORY_SECTORS:
        seen.add(sector)
        handle.seek((sector + 1) * size)
        data = handle.read(size)
        for offset in range(0, len(data) - 127, 128):
            (length,) = struct.unpack_from("<H", data, offset + 64)
            if 2 <= length <= 64:
                names.add(data[offset : offset + length - 2].decode("utf-16-le", "replace"))
        sector = fat[sector] if sector < len(fat) else _ENDOFCHAIN
    return names


def _check_members(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise WorkbookError(
            f"paket berisi {len(infos)} bagian (batas {MAX_MEMBERS}); berkas tidak wajar "
            "dan tidak dibuka.",
            code=ErrorCode.BERKAS_TIDAK_AMAN,
            path=path,
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise WorkbookError(
            f"isi paket setelah dibuka berukuran {_mb(total)}, melebihi batas "
            f"{_mb(MAX_TOTAL_BYTES)} (kemungkinan 'zip bomb'); berkas tidak dibuka.",
            code=ErrorCode.BERKAS_TIDAK_AMAN,
            path=path,
        )
    seen: set[str] = set()
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > BOMB_MIN_BYTES and ratio > MAX_RATIO:
            raise WorkbookError(
                f"bagian '{info.filename}' mengembang {ratio:,.0f} kali menjadi "
                f"{_mb(info.file_size)} (kemungkinan 'zip bomb'); berkas tidak dibuka.",
                code=ErrorCode.BERKAS_TIDAK_AMAN,
                path=path,
            )
        if info.flag_bits & 0x1:
            raise WorkbookError(
                f"bagian '{info.filename}' dilindungi kata sandi (zip terenkripsi); "
                "berkas tidak dapat dibaca.",
                code=ErrorCode.BERKAS_TERENKRIPSI,
                path=path,
                hint=RESAVE_HINT,
            )
        if info.filename in seen:
            raise WorkbookError(
                f"paket berisi dua bagian bernama '{info.filename}'; berkas rusak atau "
                "dimanipulasi.",
                code=ErrorCode.BERKAS_TIDAK_AMAN,
                path=path,
            )
        seen.add(info.filename)


def _check_kind(path: Path, archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if "mimetype" in names and b"opendocument" in _first_bytes(archive, "mimetype"):
        raise WorkbookError(
            "berkas tidak dapat dibuka sebagai .xlsx: isinya spreadsheet OpenDocument (.ods).",
            code=ErrorCode.BERKAS_FORMAT_ODS,
            path=path,
            hint="Buka di LibreOffice lalu Simpan Sebagai .xlsx (Excel 2007-365).",
        )
    if "xl/workbook.bin" in names:
        raise WorkbookError(
            "berkas tidak dapat dibuka sebagai .xlsx: isinya Excel Binary Workbook (.xlsb).",
            code=ErrorCode.BERKAS_FORMAT_XLSB,
            path=path,
            hint=RESAVE_HINT,
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookError(
            "bukan workbook Excel (.xlsx): bagian xl/workbook.xml tidak ada.",
            code=ErrorCode.BERKAS_BAGIAN_HILANG,
            path=path,
        )


def _first_bytes(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        return member.read(100)


def _xml_parts(infos: Iterable[zipfile.ZipInfo]) -> Iterable[zipfile.ZipInfo]:
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size:
            yield info


def _part_head(source: BinaryIO, info: zipfile.ZipInfo) -> bytes:
    """Up to about `PROLOG_BYTES` of a part, decompressed from its first compressed bytes."""
    source.seek(info.header_offset)
    local = source.read(30)
    if len(local) < 30 or not local.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile(f"bad local header for {info.filename}")
    name_length, extra_length = struct.unpack_from("<HH", local, 26)
    source.seek(info.header_offset + 30 + name_length + extra_length)
    raw = source.read(min(info.compress_size, PROLOG_BYTES + 64))
    if info.compress_type == zipfile.ZIP_STORED:
        return raw[:PROLOG_BYTES]
    return zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, PROLOG_BYTES)


def _check_prologs(path: Path, source: BinaryIO, infos: list[zipfile.ZipInfo]) -> None:
    for info in _xml_parts(infos):
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WorkbookError(
                f"bagian '{info.filename}' memakai metode kompresi yang tidak dipakai Excel "
                f"({info.compress_type}); berkas tidak dibuka.",
                code=ErrorCode.BERKAS_TIDAK_AMAN,
                path=path,
                hint=RESAVE_HINT,
            )
        head = _part_head(source, info)
        if _unsafe_prolog(head, complete=len(head) >= info.file_size):
            raise WorkbookError(
                f"bagian '{info.filename}' memuat deklarasi DOCTYPE/ENTITY XML (dapat "
                "dipakai untuk serangan 'billion laughs') atau pembuka XML yang tidak wajar; "
                "berkas tidak dibuka.",
                code=ErrorCode.BERKAS_TIDAK_AMAN,
                path=path,
                hint="Simpan ulang workbook dari Excel; jangan menyunting XML-nya langsung.",
            )


def _unsafe_prolog(head: bytes, *, complete: bool) -> bool:
    """True if the XML prolog declares a DOCTYPE/ENTITY, or does not end within `head`."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    position = 0
    if head.startswith(b"<?xml"):  # the usual prolog: a declaration, then the root element
        position = head.find(b"?>") + 2 if b"?>" in head else 0
    rest = head[position:].lstrip()
    if rest.startswith(b"<") and rest[1:2] not in (b"!", b"?"):
        return False
    while (match := _PROLOG_ITEM.match(head, position)) and match.end() > position:
        position = match.end()
    rest = head[position:].lstrip()
    if rest.startswith(b"<!") or _DECLARATION.search(head):
        return True
    return not rest.startswith(b"<") and not complete
