"""The `VBA/dir` stream of a VBA project: its records, read and written ([MS-OVBA] 2.3.4.2).

Decompressed, the stream is a flat run of records, each an Id (2 bytes), a Size (4 bytes)
and Size bytes of data. The nested-looking structures of the spec (a REFERENCECONTROL with
its extended part, a MODULE with its name, stream name, offset...) are, on the wire, just
consecutive records of this form, so one reader serves them all. The one exception is
PROJECTVERSION (2.3.4.2.1.11): its Size field is a reserved 4 while 6 bytes follow.

We read the dir stream of an Excel-saved project only to copy its REFERENCE records
(2.3.4.2.2) — LibIds are Excel's to choose, not ours to invent — and write our own
PROJECTINFORMATION and PROJECTMODULES around them.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlkinerja.addin import ovba

# Record ids used here ([MS-OVBA] 2.3.4.2).
SYSKIND = 0x0001
LCID = 0x0002
CODEPAGE = 0x0003
NAME = 0x0004
DOCSTRING = 0x0005
HELPFILEPATH = 0x0006
HELPCONTEXT = 0x0007
LIBFLAGS = 0x0008
VERSION = 0x0009
CONSTANTS = 0x000C
REFERENCEREGISTERED = 0x000D
REFERENCEPROJECT = 0x000E
MODULES = 0x000F
TERMINATOR = 0x0010
PROJECTCOOKIE = 0x0013
LCIDINVOKE = 0x0014
REFERENCENAME = 0x0016
MODULENAME = 0x0019
MODULESTREAMNAME = 0x001A
MODULEDOCSTRING = 0x001C
MODULEHELPCONTEXT = 0x001E
MODULETYPE_PROCEDURAL = 0x0021
MODULETYPE_OTHER = 0x0022  # document, class or designer module
MODULETERMINATOR = 0x002B
MODULECOOKIE = 0x002C
REFERENCECONTROL = 0x002F
MODULEOFFSET = 0x0031
REFERENCEORIGINAL = 0x0033
CONSTANTS_UNICODE = 0x003C
HELPFILEPATH_2 = 0x003D
REFERENCENAME_UNICODE = 0x003E
DOCSTRING_UNICODE = 0x0040
MODULENAMEUNICODE = 0x0047
MODULESTREAMNAME_UNICODE = 0x0032
MODULEDOCSTRING_UNICODE = 0x0048

_REFERENCE_IDS = {
    REFERENCENAME,
    REFERENCENAME_UNICODE,
    REFERENCEREGISTERED,
    REFERENCEPROJECT,
    REFERENCECONTROL,
    REFERENCEORIGINAL,
    0x0030,  # REFERENCECONTROL's extended part (2.3.4.2.2.3, Reserved3)
}


@dataclass(frozen=True)
class Record:
    id: int
    data: bytes

    def to_bytes(self) -> bytes:
        size = 4 if self.id == VERSION else len(self.data)
        return struct.pack("<HI", self.id, size) + self.data


def parse(stream: bytes) -> list[Record]:
    """The records of a decompressed dir stream, in order."""
    records = []
    at = 0
    while at < len(stream):
        if at + 6 > len(stream):
            raise ValueError(f"dir stream: a record header is cut off at byte {at}")
        record_id, size = struct.unpack_from("<HI", stream, at)
        if record_id == VERSION:
            size = 6
        if at + 6 + size > len(stream):
            raise ValueError(f"dir stream: record 0x{record_id:04X} is cut off at byte {at}")
        records.append(Record(record_id, stream[at + 6 : at + 6 + size]))
        at += 6 + size
    return records


def references(records: Sequence[Record]) -> list[Record]:
    """The PROJECTREFERENCES records (2.3.4.2.2): everything between the project
    information and the PROJECTMODULES record."""
    start = next(i for i, r in enumerate(records) if r.id == CONSTANTS_UNICODE) + 1
    end = next(i for i, r in enumerate(records) if r.id == MODULES)
    found = list(records[start:end])
    strange = [r for r in found if r.id not in _REFERENCE_IDS]
    if strange:
        raise ValueError(f"dir stream: record 0x{strange[0].id:04X} among the references")
    return found


def reference_names(records: Sequence[Record], codepage: str) -> list[str]:
    """The names of the references (REFERENCENAME, 2.3.4.2.2.2)."""
    return [r.data.decode(codepage) for r in records if r.id == REFERENCENAME]


@dataclass(frozen=True)
class ModuleEntry:
    """What the dir stream says of one module (2.3.4.2.3.2)."""

    name: str
    procedural: bool  # a standard module; False for document and class modules


def _u32(value: int) -> bytes:
    return struct.pack("<I", value)


def _u16(value: int) -> bytes:
    return struct.pack("<H", value)


def _text(record_id: int, unicode_id: int, text: str, codepage: str) -> list[Record]:
    """A string record in the project's code page followed by its UTF-16 twin."""
    return [Record(record_id, text.encode(codepage)), Record(unicode_id, text.encode("utf-16-le"))]


@dataclass(frozen=True)
class ProjectInformation:
    """The PROJECTINFORMATION values we write (2.3.4.2.1)."""

    name: str
    syskind: int = 3  # 64-bit Windows, as in the Excel-saved base the references come from
    lcid: int = 0x0409  # the spec's only allowed value for PROJECTLCID
    codepage: int = 1252
    version_major: int = 1
    version_minor: int = 0

    @property
    def encoding(self) -> str:
        return f"cp{self.codepage}"

    def records(self) -> list[Record]:
        enc = self.encoding
        return [
            Record(SYSKIND, _u32(self.syskind)),
            Record(LCID, _u32(self.lcid)),
            Record(LCIDINVOKE, _u32(self.lcid)),
            Record(CODEPAGE, _u16(self.codepage)),
            Record(NAME, self.name.encode(enc)),
            *_text(DOCSTRING, DOCSTRING_UNICODE, "", enc),
            Record(HELPFILEPATH, b""),
            Record(HELPFILEPATH_2, b""),
            Record(HELPCONTEXT, _u32(0)),
            Record(LIBFLAGS, _u32(0)),
            Record(VERSION, _u32(self.version_major) + _u16(self.version_minor)),
            *_text(CONSTANTS, CONSTANTS_UNICODE, "", enc),
        ]


def module_records(module: ModuleEntry, codepage: str) -> list[Record]:
    """One MODULE (2.3.4.2.3.2): source at offset 0 of its stream (no p-code, 2.3.4.2.3.2.5)."""
    return [
        Record(MODULENAME, module.name.encode(codepage)),
        Record(MODULENAMEUNICODE, module.name.encode("utf-16-le")),
        *_text(MODULESTREAMNAME, MODULESTREAMNAME_UNICODE, module.name, codepage),
        *_text(MODULEDOCSTRING, MODULEDOCSTRING_UNICODE, "", codepage),
        Record(MODULEOFFSET, _u32(0)),
        Record(MODULEHELPCONTEXT, _u32(0)),
        Record(MODULECOOKIE, _u16(0xFFFF)),
        Record(MODULETYPE_PROCEDURAL if module.procedural else MODULETYPE_OTHER, b""),
        Record(MODULETERMINATOR, b""),
    ]


def build(
    info: ProjectInformation, refs: Iterable[Record], modules: Sequence[ModuleEntry]
) -> bytes:
    """The compressed dir stream of a project (2.3.4.2)."""
    records = [
        *info.records(),
        *refs,
        Record(MODULES, _u16(len(modules))),
        Record(PROJECTCOOKIE, _u16(0xFFFF)),
    ]
    for module in modules:
        records += module_records(module, info.encoding)
    records.append(Record(TERMINATOR, b""))
    return ovba.compress(b"".join(r.to_bytes() for r in records))


def module_offsets(records: Sequence[Record], codepage: str) -> dict[str, int]:
    """Each module's stream name and the offset of its compressed source (MODULEOFFSET)."""
    offsets = {}
    stream = ""
    for record in records:
        if record.id == MODULESTREAMNAME:
            stream = record.data.decode(codepage)
        elif record.id == MODULEOFFSET:
            (offsets[stream],) = struct.unpack("<I", record.data)
    return offsets
