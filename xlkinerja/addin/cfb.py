"""A writer of Compound File Binary files ([MS-CFB] version 3), the container of vbaProject.bin.

Why our own: olefile reads compound files and can overwrite a stream in place with data of
the same length, but cannot create a file; of the PyPI packages that claim to write one,
cfbwrite (AGPL) rebuilds an existing file, and ms-cfb / pycfb are early 0.0.x releases.
A write-once writer is small: every stream is laid out contiguously, so each chain is a
run of consecutive sectors.

The layout (2.2, 2.3): a 512-byte header, then 512-byte sectors: the FAT, any DIFAT
sectors, the directory, the mini FAT, the mini stream, and the streams of 4096 bytes or
more. Streams smaller than the cutoff (2.2, Mini Stream Cutoff Size) live in 64-byte mini
sectors inside the mini stream, which is the root entry's own stream (2.6.2). A storage's
children form a red-black tree ordered by name length, then by upper-cased name (2.6.4);
every node is black here, which the spec allows ("the simplest implementation of the
above invariants would be to mark every node as black"), so a balanced binary search
tree is enough.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import ceil

SECTOR = 512  # version 3 (2.2, Sector Shift 0x0009)
MINI_SECTOR = 64  # 2.2, Mini Sector Shift 0x0006
MINI_CUTOFF = 4096  # 2.2, Mini Stream Cutoff Size
HEADER_DIFAT = 109  # FAT sector numbers kept in the header (2.2)
PER_SECTOR = SECTOR // 4  # 32-bit entries in a FAT, mini FAT or DIFAT sector

DIFSECT = 0xFFFFFFFC  # 2.1, special sector numbers
FATSECT = 0xFFFFFFFD
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF

_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_STORAGE, _STREAM, _ROOT = 1, 2, 5  # 2.6.1, Object Type
_BLACK = 1
_BAD_NAME_CHARS = set("/\\:!")


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Entry] = field(default_factory=dict)
    sid: int = 0
    start: int = ENDOFCHAIN
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or _BAD_NAME_CHARS & set(name):
        raise ValueError(f"not a compound file entry name: {name!r} (2.6.1: 1-31 characters)")


def _tree(streams: Mapping[str, bytes]) -> _Entry:
    """The storages and streams named by paths like "VBA/dir"."""
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        *folders, name = path.split("/")
        parent = root
        for folder in folders:
            _check_name(folder)
            parent = parent.children.setdefault(folder, _Entry(folder, _STORAGE))
            if parent.kind != _STORAGE:
                raise ValueError(f"{path}: {folder} is a stream, not a storage")
        _check_name(name)
        if name in parent.children:
            raise ValueError(f"{path}: named twice")
        parent.children[name] = _Entry(name, _STREAM, bytes(data))
    return root


def _order_key(name: str) -> tuple[int, str]:
    """2.6.4: shorter names first, then code unit by code unit after upper-casing."""
    return len(name.encode("utf-16-le")), "".join(
        c.upper() if len(c.upper()) == 1 else c for c in name
    )


def _number(root: _Entry) -> list[_Entry]:
    """Directory ids in tree order (root first), with sibling and child links set."""
    entries = [root]

    def visit(entry: _Entry) -> None:
        for child in entry.children.values():
            child.sid = len(entries)
            entries.append(child)
            visit(child)
        ordered = sorted(entry.children.values(), key=lambda e: _order_key(e.name))
        entry.child = _balance(ordered)

    visit(root)
    return entries


def _balance(ordered: list[_Entry]) -> int:
    """Link a sorted run of siblings as a balanced binary search tree; its root's id."""
    if not ordered:
        return NOSTREAM
    middle = len(ordered) // 2
    node = ordered[middle]
    node.left = _balance(ordered[:middle])
    node.right = _balance(ordered[middle + 1 :])
    return node.sid


def _directory_entry(entry: _Entry, size: int) -> bytes:
    """One 128-byte directory entry (2.6.1)."""
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        _BLACK,
        entry.left,
        entry.right,
        entry.child,
        b"\x00" * 16,  # CLSID
        0,  # state bits
        0,  # creation time
        0,  # modified time
        entry.start if entry.kind != _STORAGE else 0,
        size,
    )


_FREE_ENTRY = struct.pack(
    "<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, 0, 0, 0, 0
)


def _sectors(data: bytes | bytearray, unit: int = SECTOR) -> int:
    return ceil(len(data) / unit)


def _pad(data: bytes | bytearray, unit: int = SECTOR) -> bytes:
    return bytes(data) + b"\x00" * (-len(data) % unit)


def _entries_sector_run(first: int, count: int) -> list[int]:
    """FAT (or mini FAT) entries chaining `count` consecutive sectors from `first`."""
    return [*range(first + 1, first + count), ENDOFCHAIN] if count else []


def write(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding `streams`, keyed by path ("PROJECT", "VBA/dir")."""
    root = _tree(streams)
    entries = _number(root)
    stream_entries = [e for e in entries if e.kind == _STREAM]

    # Mini stream: the small streams, each from a 64-byte boundary.
    mini = bytearray()
    mini_fat: list[int] = []
    for entry in stream_entries:
        if 0 < len(entry.data) < MINI_CUTOFF:
            entry.start = len(mini) // MINI_SECTOR
            mini_fat += _entries_sector_run(entry.start, _sectors(entry.data, MINI_SECTOR))
            mini += _pad(entry.data, MINI_SECTOR)
    large = [e for e in stream_entries if len(e.data) >= MINI_CUTOFF]

    n_dir = ceil(len(entries) / 4)
    n_minifat = ceil(len(mini_fat) / PER_SECTOR)
    n_mini = _sectors(mini)
    n_data = n_dir + n_minifat + n_mini + sum(_sectors(e.data) for e in large)
    n_fat, n_difat = 0, 0
    while True:  # the FAT maps itself and the DIFAT too
        fat_needed = ceil((n_data + n_fat + n_difat) / PER_SECTOR)
        difat_needed = ceil(max(0, fat_needed - HEADER_DIFAT) / (PER_SECTOR - 1))
        if (fat_needed, difat_needed) == (n_fat, n_difat):
            break
        n_fat, n_difat = fat_needed, difat_needed

    fat: list[int] = [FATSECT] * n_fat + [DIFSECT] * n_difat
    next_sector = n_fat + n_difat

    def place(count: int) -> int:
        nonlocal next_sector
        first = next_sector
        fat.extend(_entries_sector_run(first, count))
        next_sector += count
        return first if count else ENDOFCHAIN

    dir_start = place(n_dir)
    minifat_start = place(n_minifat)
    root.start = place(n_mini)
    for entry in large:
        entry.start = place(_sectors(entry.data))
    fat += [FREESECT] * (n_fat * PER_SECTOR - len(fat))

    fat_sectors = list(range(n_fat))
    difat_start = n_fat if n_difat else ENDOFCHAIN
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        _SIGNATURE,
        b"\x00" * 16,
        0x003E,  # minor version
        0x0003,  # major version 3
        0xFFFE,  # byte order: little-endian
        9,  # sector shift: 512
        6,  # mini sector shift: 64
        b"\x00" * 6,
        0,  # directory sectors: must be 0 in version 3
        n_fat,
        dir_start,
        0,  # transaction signature
        MINI_CUTOFF,
        minifat_start if n_minifat else ENDOFCHAIN,
        n_minifat,
        difat_start,
        n_difat,
    )
    head_difat = fat_sectors[:HEADER_DIFAT]
    header += struct.pack(
        f"<{HEADER_DIFAT}I", *head_difat, *[FREESECT] * (HEADER_DIFAT - len(head_difat))
    )

    out = bytearray(header)
    out += struct.pack(f"<{len(fat)}I", *fat)
    out += _difat_sectors(fat_sectors[HEADER_DIFAT:], first=n_fat, count=n_difat)
    directory = b"".join(
        _directory_entry(e, len(mini) if e is root else len(e.data)) for e in entries
    )
    out += _pad(directory + _FREE_ENTRY * (n_dir * 4 - len(entries)))
    if n_minifat:
        mini_fat += [FREESECT] * (n_minifat * PER_SECTOR - len(mini_fat))
        out += struct.pack(f"<{len(mini_fat)}I", *mini_fat)
    out += _pad(mini)
    for entry in large:
        out += _pad(entry.data)
    assert len(out) == SECTOR * (1 + next_sector)
    return bytes(out)


def _difat_sectors(fat_sectors: list[int], first: int, count: int) -> bytes:
    """The DIFAT sectors beyond the header (2.5): 127 FAT sector numbers each, then the
    next DIFAT sector's number (ENDOFCHAIN in the last)."""
    out = bytearray()
    per = PER_SECTOR - 1
    for i in range(count):
        part = fat_sectors[i * per : (i + 1) * per]
        part += [FREESECT] * (per - len(part))
        following = first + i + 1 if i + 1 < count else ENDOFCHAIN
        out += struct.pack(f"<{PER_SECTOR}I", *part, following)
    return bytes(out)
