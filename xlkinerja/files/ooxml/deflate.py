"""Zip members deflated fast: ISA-L at level 1 instead of zlib's default level 6.

XlsxWriter deflates every part with zlib at its default level 6; for the compiled workbook
of 1,000 units (~160 MB of sheet XML) that alone takes ~1.7 s. zlib at level 1 takes ~0.5 s
for a file ~40 % larger; ISA-L (`isal`, level 1) ~0.16 s for a file a little smaller than
zlib's level 1. `FastZipFile` makes that a property of one archive: no module global (of
`zipfile`) is ever replaced, and a zip written by another thread at the same time is
deflated exactly as it would be alone.

One private detail of CPython's `zipfile` is relied on (the same in 3.11–3.13; guarded by
tests/test_rekap_package.py): `ZipFile._open_to_write(zinfo, force_zip64)` returns the write
handle (`_ZipWriteFile`) after writing only the local header, and the handle deflates every
chunk with its `_compressor` attribute. `FastZipFile` swaps that attribute for an ISA-L
compressor there, before any data is written. Should it change, the archive is still
correct, only deflated by zlib (slower), and those tests fail.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import IO, Any

from isal import isal_zlib

ZIP_LEVEL = 1


class FastZipFile(zipfile.ZipFile):
    """A zip archive whose deflated members are deflated by ISA-L at level 1."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", ZIP_LEVEL)  # zlib's level if the swap is lost
        super().__init__(*args, **kwargs)

    def _open_to_write(self, zinfo: zipfile.ZipInfo, force_zip64: bool = False) -> IO[bytes]:
        handle: IO[bytes] = super()._open_to_write(zinfo, force_zip64)  # type: ignore[misc]
        if zinfo.compress_type == zipfile.ZIP_DEFLATED:
            raw_deflate = isal_zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)  # as zipfile's
            handle._compressor = raw_deflate  # type: ignore[attr-defined]
        return handle
