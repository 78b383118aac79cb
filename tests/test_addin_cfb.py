"""The compound file writer: olefile (strict) reads every stream back byte for byte, and the
directory trees are valid search trees."""

from __future__ import annotations

import io
import random
import struct

import olefile
import pytest

from xlkinerja.addin import cfb


def read_back(streams: dict[str, bytes]) -> olefile.OleFileIO:
    data = cfb.write(streams)
    assert len(data) % cfb.SECTOR == 0
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    assert {"/".join(path) for path in ole.listdir()} == set(streams)
    for path, content in streams.items():
        assert ole.get_size(path) == len(content), path
        assert ole.openstream(path).read() == content, path
    return ole


def noise(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


SIZES = [0, 1, 63, 64, 65, 4095, 4096, 4097, 100_000]


def test_streams_of_every_size_in_nested_storages():
    streams = {f"S{i}/T/s{size}": noise(size, i) for i, size in enumerate(SIZES)}
    streams |= {f"top{size}": noise(size, size) for size in SIZES}
    read_back(streams)


def test_only_small_streams_and_only_large_streams():
    read_back({"a": b"x" * 100, "b/c": b"y" * 4095})
    read_back({"a": b"x" * 4096, "b/c": noise(70_000, 1)})


def test_empty_file():
    read_back({})


def test_many_siblings_make_a_search_tree():
    """2.6.4: siblings ordered by name length, then upper-cased name; olefile finds all
    only if the links are right, and every left child sorts before its parent."""
    names = [f"{'x' * (i % 7)}Modul{i}" for i in range(300)] + ["a", "B", "c", "ÄÖ"]
    ole = read_back({f"VBA/{name}": name.encode() for name in names})
    entries = ole.direntries
    for entry in entries:
        if entry is None:
            continue
        for side, sid in (("left", entry.sid_left), ("right", entry.sid_right)):
            if sid == cfb.NOSTREAM:
                continue
            other = entries[sid]
            before = cfb._order_key(other.name) < cfb._order_key(entry.name)
            assert before == (side == "left"), (entry.name, side, other.name)


def test_more_fat_sectors_than_the_header_holds():
    """Over 109 FAT sectors (7 MB of sectors) the FAT is listed in DIFAT sectors."""
    big = noise(110 * cfb.PER_SECTOR * cfb.SECTOR, 3)
    data = cfb.write({"big": big, "small": b"s"})
    (n_fat,) = struct.unpack_from("<I", data, 0x2C)
    (n_difat,) = struct.unpack_from("<I", data, 0x48)
    assert n_fat > cfb.HEADER_DIFAT and n_difat >= 1
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    assert ole.openstream("big").read() == big
    assert ole.openstream("small").read() == b"s"


@pytest.mark.parametrize("path", ["", "a/", "x" * 32, "a:b", "a!b"])
def test_bad_names_are_refused(path):
    with pytest.raises(ValueError, match="entry name"):
        cfb.write({path: b""})


def test_a_stream_is_not_a_storage():
    with pytest.raises(ValueError, match="not a storage"):
        cfb.write({"a": b"1", "a/b": b"2"})
