"""MS-OVBA 2.4.1 compression: round trips through our decompressor and oletools', on random
and real input, and Excel-saved streams read the same by both."""

from __future__ import annotations

import random
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.addin_bases import BASES, VBA_FILES, compressed_streams, olevba
from xlkinerja.addin import ovba

decompress_stream = olevba().decompress_stream


def last_chunk_is_raw(container: bytes) -> bool:
    at, raw = 1, False
    while at < len(container):
        (header,) = struct.unpack_from("<H", container, at)
        raw = not header & 0x8000
        at += (header & 0x0FFF) + 3
    return raw


def check_round_trip(data: bytes) -> None:
    """Both decompressors give `data` back; the one exception the spec makes (a short last
    chunk stored raw is padded with zeros, 2.4.1.3.10) comes back padded."""
    container = ovba.compress(data)
    expected = data
    if len(data) % ovba.CHUNK and last_chunk_is_raw(container):
        expected = data.ljust(len(data) + (-len(data) % ovba.CHUNK), b"\x00")
    assert ovba.decompress(container) == expected
    assert decompress_stream(container) == expected


def random_bytes(size: int, seed: int = 12) -> bytes:
    return random.Random(seed).randbytes(size)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 4095, 4096, 4097, 8192, 100_000])
def test_round_trip_incompressible(size):
    check_round_trip(random_bytes(size))


@pytest.mark.parametrize("size", [0, 1, 3, 4, 17, 4095, 4096, 4097, 100_000])
@pytest.mark.parametrize("unit", [b"a", b"ab", b"abc", b"Sub Main()\r\n", bytes(range(256))])
def test_round_trip_repetitive(size, unit):
    data = (unit * (size // len(unit) + 1))[:size]
    check_round_trip(data)
    if size > 64:
        assert len(ovba.compress(data)) < size // 2


def test_short_incompressible_tail_is_padded_as_the_spec_says():
    data = random_bytes(4096 + 3700)
    container = ovba.compress(data)
    assert last_chunk_is_raw(container)
    assert ovba.decompress(container) == data + bytes(2 * 4096 - len(data))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=9000))
def test_round_trip_any_bytes(data):
    check_round_trip(data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"Dim ", b"x", b"As ", b"String", b"\r\n", b"'", b"  "])))
def test_round_trip_text_like(parts):
    data = b"".join(parts)
    check_round_trip(data)
    assert ovba.decompress(ovba.compress(data)) == data  # text is never padded


@pytest.mark.parametrize("path", VBA_FILES, ids=lambda p: p.name)
def test_round_trip_xlwings_vba_sources(path):
    data = path.read_bytes()
    container = ovba.compress(data)
    assert ovba.decompress(container) == data
    assert decompress_stream(container) == data


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_excel_saved_streams_decompress_as_oletools_does(base):
    streams = compressed_streams(base)
    assert "dir" in streams and len(streams) > 3
    for name, (stream, offset) in streams.items():
        assert ovba.decompress(stream[offset:]) == decompress_stream(stream[offset:]), name


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_compresses_as_the_source_only_streams_of_the_bases(base):
    """The dir streams and the modules stored without p-code (offset 0) in xlwings' bases
    compress byte for byte as we compress them (longest match, the farthest on a tie).
    Modules that Excel compiled are compressed less tightly by Excel; only their
    decompression is compared."""
    exact = {n: s for n, (s, offset) in compressed_streams(base).items() if offset == 0}
    assert "dir" in exact and len(exact) >= 2
    for name, stream in exact.items():
        assert ovba.compress(ovba.decompress(stream)) == stream, name


@pytest.mark.parametrize(
    ("position", "bits"),
    [(1, 4), (16, 4), (17, 5), (32, 5), (33, 6), (1024, 10), (1025, 11), (2049, 12), (4095, 12)],
)
def test_copy_token_split(position, bits):
    """2.4.1.3.19.1: the offset's share of a CopyToken grows with the position in the chunk."""
    assert ovba.copy_token_bits(position) == bits


@pytest.mark.parametrize(
    "container",
    [
        b"",
        b"\x02\x00\x00",  # signature byte
        b"\x01\x00\x80",  # chunk signature bits not 0b011
        b"\x01\x01\xb0\x01\x00\x00",  # a CopyToken before any byte of its chunk
        b"\x01\x02\xb0\x01\x00",  # a CopyToken cut off
    ],
)
def test_decompress_refuses_broken_containers(container):
    with pytest.raises(ovba.CompressionError):
        ovba.decompress(container)
