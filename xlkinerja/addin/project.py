"""vbaProject.bin from a list of modules: source only, for Excel to compile ([MS-OVBA] 2.2, 2.3).

The storage holds (2.2.1):
- PROJECT (2.3.1): the project's properties as text — its modules, name, and the protection
  values CMG/DPB/GC saying "not protected, no password, visible";
- PROJECTwm (2.3.3): each module's name in the code page and in UTF-16;
- VBA/_VBA_PROJECT (2.3.4.1): the 7-byte form with version 0xFFFF, which tells Excel that
  no compiled code (p-code) is here, so it compiles every module from its source;
- VBA/dir (2.3.4.2): the project information, references and module records, compressed;
- VBA/<module> (2.3.4.3): each module's source, compressed, at offset 0 (no p-code before it).

Source text is stored as VBA stores it: CRLF line ends, in the project's code page (1252),
`Attribute` lines first.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from xlkinerja.addin import cfb, dirstream, ovba

CODEPAGE = 1252
ENCODING = f"cp{CODEPAGE}"
# _VBA_PROJECT without a performance cache (2.3.4.1): Reserved1 0x61CC, Version 0xFFFF,
# Reserved2 0x00, Reserved3 0x0001 — the bytes the Excel-saved xlwings bases carry too.
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")
# The host extender every Excel VBA project names (2.3.1.18): the VBE's own.
HOST_EXTENDER = "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"
VERSION_COMPATIBLE32 = "393222000"  # 2.3.1.14; the value Excel writes


class ModuleKind(Enum):
    STANDARD = "standard"  # a .bas module: Module= in PROJECT, MODULETYPE 0x21
    CLASS = "class"  # a .cls module: Class=, MODULETYPE 0x22
    DOCUMENT = "document"  # a workbook's or sheet's own module: Document=, MODULETYPE 0x22


@dataclass(frozen=True)
class VbaModule:
    name: str
    kind: ModuleKind
    source: str  # as stored: `Attribute` lines first; any line ends (stored as CRLF)

    def stored_text(self) -> str:
        lines = self.source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[-1]:
            lines.pop()
        return "".join(f"{line}\r\n" for line in lines)

    def stored_bytes(self) -> bytes:
        """The module's source in the project's code page; not encodable is an error."""
        try:
            return self.stored_text().encode(ENCODING)
        except UnicodeEncodeError as exc:
            raise ValueError(f"VBA module {self.name}: not in code page {CODEPAGE}") from exc


def encrypt(data: bytes, project_id: str, seed: int) -> str:
    """Data Encryption (2.4.3.2), as the PROJECT stream's CMG, DPB and GC hold it: hex text.

    Not secrecy, only obfuscation keyed by the project id; `seed` (0-255) is the spec's
    random byte, fixed by the caller so a build is reproducible. The bytes the spec lets
    the writer choose freely (the "ignored" ones) are zeros here.
    """
    key = sum(project_id.encode(ENCODING)) & 0xFF
    version = 2
    out = [seed, seed ^ version, seed ^ key]
    unencrypted_1, encrypted_1, encrypted_2 = key, out[2], out[1]
    ignored = bytes((seed & 6) // 2)
    for byte in ignored + struct.pack("<I", len(data)) + data:
        encrypted = byte ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        out.append(encrypted)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, encrypted, byte
    return bytes(out).hex().upper()


def decrypt(text: str) -> bytes:
    """The data of an encrypted PROJECT value (2.4.3.3); for tests and checks."""
    raw = bytes.fromhex(text)
    seed = raw[0]
    if raw[1] ^ seed != 2:
        raise ValueError("not Data Encryption version 2")
    unencrypted_1, encrypted_1, encrypted_2 = raw[2] ^ seed, raw[2], raw[1]
    plain = bytearray()
    for encrypted in raw[3:]:
        byte = encrypted ^ ((encrypted_2 + unencrypted_1) & 0xFF)
        plain.append(byte)
        encrypted_2, encrypted_1, unencrypted_1 = encrypted_1, encrypted, byte
    body = plain[(seed & 6) // 2 :]
    (length,) = struct.unpack_from("<I", body)
    return bytes(body[4 : 4 + length])


_PROPERTY = {
    ModuleKind.STANDARD: "Module={name}",
    ModuleKind.CLASS: "Class={name}",
    ModuleKind.DOCUMENT: "Document={name}/&H00000000",  # 2.3.1.4: DocTlibVer 0
}


def project_stream(name: str, project_id: str, modules: Sequence[VbaModule], seed: int) -> bytes:
    """The PROJECT stream (2.3.1), unprotected: CMG = ProjectProtectionState 0 (2.3.1.15),
    DPB = no password, a single 0x00 (2.3.1.16), GC = visible, 0xFF (2.3.1.17)."""
    unprotected = {"CMG": bytes(4), "DPB": bytes(1), "GC": b"\xff"}
    lines = [
        f'ID="{project_id}"',
        *(_PROPERTY[m.kind].format(name=m.name) for m in modules),
        f'Name="{name}"',
        'HelpContextID="0"',
        f'VersionCompatible32="{VERSION_COMPATIBLE32}"',
        *(f'{key}="{encrypt(data, project_id, seed)}"' for key, data in unprotected.items()),
        "",
        "[Host Extender Info]",
        HOST_EXTENDER,
        "",
        "[Workspace]",
        *(f"{m.name}=0, 0, 0, 0, C" for m in modules),
        "",
    ]
    return "".join(f"{line}\r\n" for line in lines).encode(ENCODING)


def projectwm_stream(modules: Sequence[VbaModule]) -> bytes:
    """PROJECTwm (2.3.3): every module name in the code page and in UTF-16, then 0x0000."""
    out = bytearray()
    for module in modules:
        out += module.name.encode(ENCODING) + b"\x00"
        out += module.name.encode("utf-16-le") + b"\x00\x00"
    return bytes(out + b"\x00\x00")


def _check_names(modules: Sequence[VbaModule]) -> None:
    seen: set[str] = set()
    for module in modules:
        name = module.name
        if not (name[:1].isalpha() and name.replace("_", "a").isalnum() and len(name) <= 31):
            raise ValueError(f"not a VBA module name: {name!r}")
        if not name.isascii():
            raise ValueError(f"VBA module name {name!r}: ASCII only (it names a stream too)")
        if name.upper() in seen:
            raise ValueError(f"VBA module {name!r} twice (VBA names ignore case)")
        seen.add(name.upper())


def vba_project(
    name: str,
    project_id: str,
    modules: Sequence[VbaModule],
    references: Sequence[dirstream.Record],
    seed: int = 0x5A,
) -> bytes:
    """The vbaProject.bin of `modules`, with the given REFERENCE records (2.3.4.2.2)."""
    _check_names(modules)
    entries = [
        dirstream.ModuleEntry(m.name, procedural=m.kind is ModuleKind.STANDARD) for m in modules
    ]
    info = dirstream.ProjectInformation(name=name, codepage=CODEPAGE)
    streams = {
        "PROJECT": project_stream(name, project_id, modules, seed),
        "PROJECTwm": projectwm_stream(modules),
        "VBA/_VBA_PROJECT": VBA_PROJECT_STREAM,
        "VBA/dir": dirstream.build(info, references, entries),
    }
    for module in modules:
        source = module.stored_bytes()
        compressed = ovba.compress(source)
        if ovba.decompress(compressed) != source:  # a padded raw chunk (see ovba.compress)
            raise ValueError(f"VBA module {module.name}: source does not compress cleanly")
        streams[f"VBA/{module.name}"] = compressed
    return cfb.write(streams)
