"""The compression of VBA project streams: [MS-OVBA] 2.4.1, written here.

Every module's source and the `dir` stream of a vbaProject.bin are stored as a
CompressedContainer (2.4.1.1.1): a signature byte 0x01, then one chunk per 4096 bytes
of input (2.4.1.1.4). A chunk starts with a 16-bit header (2.4.1.1.5: size - 3 in 12 bits,
the signature 0b011, a flag saying whether it is compressed). A compressed chunk is a run of
TokenSequences (2.4.1.1.7): a flag byte, then eight tokens, each a literal byte or a 16-bit
CopyToken (2.4.1.1.8) that copies `length` bytes from `offset` back in the same chunk. How
the 16 bits split between offset and length depends on how far into the chunk the token is
(2.4.1.3.19.1, CopyTokenHelp): the further in, the more bits the offset takes.

Why not a PyPI package: ms-ovba-compression 1.0.1 writes streams that cannot be read back
above ~1 KB. The compressor below follows the spec's algorithm (2.4.1.3.6 to 2.4.1.3.10):
greedy, the longest match in the chunk (2.4.1.3.19.4, Matching), and among equally long
matches the farthest one. That tie rule is measured, not read: with it, the dir streams and
the source-only modules in xlwings' bases recompress byte for byte (with the nearest one
they differ); the modules Excel itself compiled are compressed less tightly, by some other
search. The tests check all of this and decompress everything with oletools too.
"""

from __future__ import annotations

import struct

CHUNK = 4096  # decompressed bytes per chunk (2.4.1.1.3)
_SIGNATURE = 0x01  # CompressedContainer signature byte (2.4.1.1.1)
_CHUNK_SIGNATURE = 0b011 << 12  # CompressedChunkSignature (2.4.1.1.5)
_COMPRESSED = 1 << 15  # CompressedChunkFlag


class CompressionError(ValueError):
    """A stream that is not a valid CompressedContainer."""


def copy_token_bits(position: int) -> int:
    """How many of a CopyToken's 16 bits hold the offset at `position` bytes into the
    decompressed chunk (2.4.1.3.19.1): ceil(log2(position)), at least 4."""
    return max((position - 1).bit_length(), 4)


def compress(data: bytes) -> bytes:
    """`data` as a CompressedContainer (2.4.1.3.6).

    A chunk whose tokens would not fit in 4096 bytes is stored raw (2.4.1.3.10). The spec
    pads a raw chunk to 4096 bytes with zeros, so incompressible input whose last chunk is
    shorter than 4096 bytes comes back with trailing zeros; text never gets there (VBA
    source compresses to well under half).
    """
    out = bytearray([_SIGNATURE])
    view = memoryview(data)
    for start in range(0, len(data), CHUNK):
        out += _compress_chunk(view, start, min(start + CHUNK, len(data)))
    return bytes(out)


def _compress_chunk(data: memoryview, start: int, end: int) -> bytes:
    """One CompressedChunk, header included (2.4.1.3.7)."""
    tokens = _tokens(data, start, end)
    if len(tokens) <= CHUNK:
        header = (len(tokens) + 2 - 3) | _CHUNK_SIGNATURE | _COMPRESSED
        return struct.pack("<H", header) + tokens
    raw = bytes(data[start:end]).ljust(CHUNK, b"\x00")  # 2.4.1.3.10: padded to 4096
    return struct.pack("<H", (CHUNK + 2 - 3) | _CHUNK_SIGNATURE) + raw


def _tokens(data: memoryview, start: int, end: int) -> bytearray:
    """The TokenSequences of one chunk (2.4.1.3.8, 2.4.1.3.9), however long they get."""
    out = bytearray()
    matcher = _Matcher(data, start, end)
    current = start
    while current < end:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if current >= end:
                break
            length, offset = matcher.match(current)
            if length:
                bits = copy_token_bits(current - start)
                out += struct.pack("<H", ((offset - 1) << (16 - bits)) | (length - 3))
                flags |= 1 << bit
                for position in range(current, current + length):
                    matcher.add(position)
                current += length
            else:
                out.append(data[current])
                matcher.add(current)
                current += 1
        out[flag_at] = flags
    return out


class _Matcher:
    """The spec's Matching (2.4.1.3.19.4) made fast: the positions before the current one
    are indexed by their next three bytes, since only a match of three or more counts.
    Candidates are tried farthest first and replaced only by a strictly longer match (so
    the farthest wins a tie); the search stops early once a match runs to the chunk's end,
    which no later candidate could beat."""

    def __init__(self, data: memoryview, start: int, end: int) -> None:
        self.data = data
        self.start = start
        self.end = end
        self.seen: dict[bytes, list[int]] = {}

    def add(self, position: int) -> None:
        if position + 3 <= self.end:
            key = bytes(self.data[position : position + 3])
            self.seen.setdefault(key, []).append(position)

    def match(self, current: int) -> tuple[int, int]:
        """(length, offset) of the copy to make at `current`; (0, 0) for a literal."""
        if current + 3 > self.end:
            return 0, 0
        candidates = self.seen.get(bytes(self.data[current : current + 3]))
        if not candidates:
            return 0, 0
        longest = self.end - current
        best_length, best = 0, 0
        for candidate in candidates:  # farthest first
            length = _common_length(self.data, candidate, current, longest)
            if length > best_length:
                best_length, best = length, candidate
                if length == longest:
                    break
        maximum = (0xFFFF >> copy_token_bits(current - self.start)) + 3
        return min(best_length, maximum), current - best


def _common_length(data: memoryview, a: int, b: int, limit: int) -> int:
    """How many bytes from `a` equal those from `b` (a < b; the runs may overlap, as a
    CopyToken's may), at most `limit`."""
    n = 3  # the index key already matched three
    step = 32
    while n + step <= limit and data[a + n : a + n + step] == data[b + n : b + n + step]:
        n += step
    while n < limit and data[a + n] == data[b + n]:
        n += 1
    return n


def decompress(container: bytes) -> bytes:
    """The bytes a CompressedContainer holds (2.4.1.3.1). Raises CompressionError."""
    if not container or container[0] != _SIGNATURE:
        raise CompressionError("not a CompressedContainer: the signature byte is not 0x01")
    out = bytearray()
    current = 1
    while current < len(container):
        if current + 2 > len(container):
            raise CompressionError(f"a chunk header is cut off at byte {current}")
        (header,) = struct.unpack_from("<H", container, current)
        if header & 0x7000 != _CHUNK_SIGNATURE:
            raise CompressionError(f"bad chunk signature at byte {current}")
        chunk_end = min(current + (header & 0x0FFF) + 3, len(container))
        if header & _COMPRESSED:
            _decompress_chunk(container, current + 2, chunk_end, out)
        else:
            out += container[current + 2 : current + 2 + CHUNK]  # 2.4.1.3.3, RawChunk
            chunk_end = current + 2 + CHUNK
        current = chunk_end
    return bytes(out)


def _decompress_chunk(container: bytes, current: int, end: int, out: bytearray) -> None:
    """Append one compressed chunk's bytes to `out` (2.4.1.3.2, 2.4.1.3.4, 2.4.1.3.5)."""
    chunk_start = len(out)
    while current < end:
        flags = container[current]
        current += 1
        for bit in range(8):
            if current >= end:
                break
            if not flags & (1 << bit):
                out.append(container[current])
                current += 1
                continue
            if current + 2 > end:
                raise CompressionError(f"a CopyToken is cut off at byte {current}")
            (token,) = struct.unpack_from("<H", container, current)
            current += 2
            bits = copy_token_bits(len(out) - chunk_start)
            length = (token & (0xFFFF >> bits)) + 3
            offset = (token >> (16 - bits)) + 1
            source = len(out) - offset
            if source < chunk_start:
                raise CompressionError(f"a CopyToken reaches before its chunk at byte {current}")
            if offset >= length:
                out += out[source : source + length]
            else:  # overlapping copy: byte by byte, as the spec copies
                for i in range(length):
                    out.append(out[source + i])
