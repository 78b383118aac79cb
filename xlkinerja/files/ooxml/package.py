"""The .xlsx/.xlsm zip as an ordered set of parts: a small part read safely
(`read_small_part`), or every part rewritten without touching the rest (`Package`).

Untouched members are copied as their raw compressed bytes (same compression, same
order); changed members keep their place and compression method; new members go last.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from xlkinerja.errors import ErrorCode, WorkbookError

MAX_PART_BYTES = 512 * 1024 * 1024  # an inflated part larger than this is not a workbook
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_UTF8_FLAG = 0x800
_NEW_DATE = (1980, 1, 1, 0, 0, 0)


class PartTooBig(Exception):
    """A part inflates to more bytes than its reader takes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_small_part(path: Path, name: str, limit: int) -> bytes | None:
    """The part `name` of the package at `path`, inflated; None when it has no such part.
    `PartTooBig` when it would inflate past `limit` bytes (nothing is inflated then); a
    broken zip raises zipfile's and zlib's own errors, for the caller to word."""
    with zipfile.ZipFile(path) as archive:
        info = archive.NameToInfo.get(name)
        if info is None:
            return None
        if info.file_size > limit:
            raise PartTooBig(info.file_size)
        return archive.read(info)


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


class Package:
    """Parts by name (no leading slash); reads inflate on demand, writes are kept aside."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self._data = data
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise WorkbookError(
                "berkas dilindungi kata sandi atau berformat Excel 97-2003; tidak dapat ditandai.",
                code=ErrorCode.BERKAS_TERENKRIPSI,
                path=path,
                hint="Simpan tanpa kata sandi pembuka sebagai .xlsx.",
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            raise WorkbookError(
                "berkas rusak atau bukan workbook Excel (.xlsx/.xlsm).",
                code=ErrorCode.BERKAS_RUSAK,
                path=path,
            ) from exc
        if len(data) >= 0xFFFFFFFF or len(infos) >= 0xFFFF:
            raise WorkbookError(
                "berkas terlalu besar untuk ditandai.",
                code=ErrorCode.BERKAS_TERLALU_BESAR,
                path=path,
            )
        self._infos = {info.filename: info for info in infos}
        if len(self._infos) != len(infos) or any(i.flag_bits & 1 for i in infos):
            raise WorkbookError(
                "isi zip tidak wajar (nama ganda atau terenkripsi).",
                code=ErrorCode.BERKAS_TIDAK_AMAN,
                path=path,
            )
        self._order = [info.filename for info in infos]
        self._lower = {name.lower(): name for name in self._order}
        self._changed: dict[str, bytes] = {}
        self._removed: set[str] = set()

    def _actual(self, name: str) -> str | None:
        found = self._lower.get(name.lower())
        return None if found is None or found in self._removed else found

    def exists(self, name: str) -> bool:
        return self._actual(name) is not None

    def names(self) -> list[str]:
        return [n for n in self._order if n not in self._removed]

    def read(self, name: str) -> bytes:
        actual = self._actual(name)
        if actual is None:
            raise WorkbookError(
                f"bagian {name} tidak ada di dalam berkas.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=self.path,
            )
        if actual in self._changed:
            return self._changed[actual]
        info = self._infos[actual]
        if info.file_size > MAX_PART_BYTES:
            raise WorkbookError(
                f"bagian {name} terlalu besar; berkas tidak wajar.",
                code=ErrorCode.BERKAS_TERLALU_BESAR,
                path=self.path,
            )
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError) as exc:
            raise WorkbookError(
                f"bagian {name} rusak di dalam zip.",
                code=ErrorCode.BERKAS_BAGIAN_RUSAK,
                path=self.path,
            ) from exc

    def write(self, name: str, data: bytes) -> None:
        actual = self._lower.get(name.lower())
        if actual is None:
            actual = name
            self._order.append(name)
            self._lower[name.lower()] = name
        self._removed.discard(actual)
        self._changed[actual] = data

    def remove(self, name: str) -> None:
        actual = self._actual(name)
        if actual is not None:
            self._removed.add(actual)
            self._changed.pop(actual, None)

    def free_name(self, pattern: str) -> str:
        """The first `pattern.format(n)` (n = 1, 2, …) that names no part yet."""
        number = 1
        while self.exists(pattern.format(number)):
            number += 1
        return pattern.format(number)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        central: list[bytes] = []
        for name in self.names():
            offset = out.tell()
            info = self._infos.get(name)
            if name in self._changed or info is None:
                header, body = self._fresh(name, self._changed[name], info)
            else:
                header, body = self._copied(info)
            out.write(header[0])
            out.write(body)
            central.append(_with_offset(header[1], offset))
        start = out.tell()
        for record in central:
            out.write(record)
        size = out.tell() - start
        if out.tell() >= 0xFFFFFFFF:
            raise WorkbookError(
                "berkas hasil terlalu besar.", code=ErrorCode.BERKAS_TERLALU_BESAR, path=self.path
            )
        out.write(_END.pack(0x06054B50, 0, 0, len(central), len(central), size, start, 0))
        return out.getvalue()

    def _copied(self, info: zipfile.ZipInfo) -> tuple[tuple[bytes, bytes], bytes]:
        data = self._data
        offset = info.header_offset
        if data[offset : offset + 4] != b"PK\x03\x04":
            raise WorkbookError("struktur zip rusak.", code=ErrorCode.BERKAS_RUSAK, path=self.path)
        name_len, extra_len = struct.unpack_from("<HH", data, offset + 26)
        begin = offset + 30 + name_len + extra_len
        body = data[begin : begin + info.compress_size]
        if len(body) != info.compress_size:
            raise WorkbookError(
                "struktur zip rusak (data terpotong).", code=ErrorCode.BERKAS_RUSAK, path=self.path
            )
        headers = _headers(
            info.orig_filename,
            info.flag_bits,
            info.compress_type,
            info.date_time,
            info.CRC,
            info.compress_size,
            info.file_size,
            info.create_system,
            info.external_attr,
        )
        return headers, body

    def _fresh(
        self, name: str, data: bytes, info: zipfile.ZipInfo | None
    ) -> tuple[tuple[bytes, bytes], bytes]:
        method = info.compress_type if info is not None else zipfile.ZIP_DEFLATED
        if method == zipfile.ZIP_STORED:
            body = data
        else:
            method = zipfile.ZIP_DEFLATED
            packer = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = packer.compress(data) + packer.flush()
        flags = info.flag_bits & _UTF8_FLAG if info is not None else 0
        headers = _headers(
            info.orig_filename if info is not None else name,
            flags,
            method,
            info.date_time if info is not None else _NEW_DATE,
            zlib.crc32(data),
            len(body),
            len(data),
            info.create_system if info is not None else 0,
            info.external_attr if info is not None else 0,
        )
        return headers, body


def _headers(
    name: str,
    flags: int,
    method: int,
    date_time: tuple[int, int, int, int, int, int],
    crc: int,
    compressed: int,
    size: int,
    system: int,
    external: int,
) -> tuple[bytes, bytes]:
    """Local header and central record (offset left as 0 for `_with_offset`)."""
    try:
        raw = name.encode("ascii")
        flags &= ~_UTF8_FLAG
    except UnicodeEncodeError:
        raw = name.encode("utf-8")
        flags |= _UTF8_FLAG
    flags &= _UTF8_FLAG | 0x6  # keep UTF-8 and deflate options; sizes are in the header
    dos_time, dos_date = _dos_time(date_time)
    local = _LOCAL.pack(
        0x04034B50, 20, flags, method, dos_time, dos_date, crc, compressed, size, len(raw), 0
    )
    central = _CENTRAL.pack(
        0x02014B50,
        system << 8 | 20,
        20,
        flags,
        method,
        dos_time,
        dos_date,
        crc,
        compressed,
        size,
        len(raw),
        0,
        0,
        0,
        0,
        external,
        0,
    )
    return local + raw, central + raw


def _with_offset(central: bytes, offset: int) -> bytes:
    return central[:42] + struct.pack("<I", offset) + central[46:]
