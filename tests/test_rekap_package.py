"""The compiled workbook's archive (xlkinerja/render/rekap/package.py): its parts deflated by
ISA-L at level 1, a property of that one archive; `zipfile` and XlsxWriter untouched."""

from __future__ import annotations

import io
import struct
import threading
import zipfile
import zlib
from pathlib import Path
from typing import IO

import pytest
import xlsxwriter.workbook
from isal import isal_zlib
from python_calamine import CalamineWorkbook

from tests import lo
from xlkinerja.files.ooxml.deflate import ZIP_LEVEL, FastZipFile
from xlkinerja.render.fast_workbook import Workbook

ORIGINAL_COMPRESSOR = zipfile._get_compressor  # type: ignore[attr-defined]
ROWS = 3000


def _stored(archive: bytes, name: str) -> bytes:
    """A member's bytes as they lie in the archive, still deflated."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        info = zf.getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", archive, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return archive[start : start + info.compress_size]


def _deflate(module: object, level: int, data: bytes) -> bytes:
    compressor = module.compressobj(level, zlib.DEFLATED, -15)  # type: ignore[attr-defined]
    return bytes(compressor.compress(data) + compressor.flush())


def _write_workbook(path: Path) -> None:
    wb = Workbook(str(path))
    ws = wb.add_worksheet("Rekap")
    ws.write_row(0, 0, ["kode", "indikator", "target"])
    for r in range(1, ROWS + 1):
        ws.write_row(r, 0, [f"IKK-{r:04d}", f"Persentase lulusan ke-{r}", r * 1.5])
    wb.close()


def test_the_stored_workbook_is_whole_and_every_part_deflated_by_isal(tmp_path: Path):
    path = tmp_path / "rekap.xlsx"
    _write_workbook(path)
    archive = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
        sheet = zf.read("xl/worksheets/sheet1.xml")
    stored = _stored(archive, "xl/worksheets/sheet1.xml")
    assert zlib.decompress(stored, -15) == sheet
    # XlsxWriter built the archive as a FastZipFile, whose handles used ISA-L, not zlib:
    assert stored not in (_deflate(zlib, ZIP_LEVEL, sheet), _deflate(zlib, 6, sheet))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Rekap").to_python()
    assert len(rows) == ROWS + 1
    assert rows[ROWS] == [f"IKK-{ROWS:04d}", f"Persentase lulusan ke-{ROWS}", ROWS * 1.5]


def test_a_fast_archive_writes_isal_deflate_and_leaves_stored_members_alone():
    buffer = io.BytesIO()
    data = b"<c><v>12,5</v></c>" * 5000
    with FastZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("deflated.xml", data)  # one write: one compress call
        zf.writestr("stored.bin", data, compress_type=zipfile.ZIP_STORED)
    archive = buffer.getvalue()
    assert _stored(archive, "deflated.xml") == _deflate(isal_zlib, ZIP_LEVEL, data)
    assert _stored(archive, "deflated.xml") != _deflate(zlib, ZIP_LEVEL, data)
    assert _stored(archive, "stored.bin") == data
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        assert zf.testzip() is None


def _plain_zip(payload: bytes) -> bytes:
    """A zip of one part deflated at level 1, written the plain way (zipfile and zlib)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        part = zipfile.ZipInfo("bagian.xml", (2025, 1, 1, 0, 0, 0))
        zf.writestr(part, payload, zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL)
    return buffer.getvalue()


def test_a_zip_written_by_another_thread_during_the_store_is_zlibs_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Another thread writing a level-1 zip while the workbook's parts are being deflated
    gets exactly what it gets alone: no module global was swapped for the workbook."""
    payload = b"".join(
        b'<row r="%d"><c><v>%d</v></c></row>' % (r, r * 7919 % 1000) for r in range(20_000)
    )
    alone = _plain_zip(payload)
    assert _stored(alone, "bagian.xml") == _deflate(zlib, ZIP_LEVEL, payload)
    assert _stored(alone, "bagian.xml") != _deflate(isal_zlib, ZIP_LEVEL, payload)
    seen: list[tuple[bytes, bool]] = []
    original = FastZipFile._open_to_write

    def other_thread() -> None:
        untouched = (
            zipfile._get_compressor is ORIGINAL_COMPRESSOR  # type: ignore[attr-defined]
            and xlsxwriter.workbook.ZipFile is zipfile.ZipFile
        )
        seen.append((_plain_zip(payload), untouched))

    def while_storing(
        self: FastZipFile, zinfo: zipfile.ZipInfo, force_zip64: bool = False
    ) -> IO[bytes]:
        handle = original(self, zinfo, force_zip64)
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        return handle

    monkeypatch.setattr(FastZipFile, "_open_to_write", while_storing)
    _write_workbook(tmp_path / "rekap.xlsx")
    assert seen, "the workbook's archive was not a FastZipFile"
    assert all(untouched for _, untouched in seen)
    assert all(written == alone for written, _ in seen)


@pytest.mark.libreoffice
def test_libreoffice_opens_the_stored_workbook(tmp_path: Path):
    path = tmp_path / "rekap.xlsx"
    _write_workbook(path)
    csv = lo.convert([path], "csv", tmp_path / "csv", tmp_path / "profile")[0]
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert len(lines) == ROWS + 1
    assert lines[1] == "IKK-0001,Persentase lulusan ke-1,1.5"
