"""The XlsxWriter workbook of the compiled workbook, deflated fast (and its shared strings
written in one pass: render/shared_strings.py).

XlsxWriter deflates every part with zlib at its default level 6; for the compiled workbook
of 1,000 units (~160 MB of sheet XML) that alone takes ~1.7 s. zlib at level 1 takes ~0.5 s
for a file ~40 % larger; ISA-L (`isal`, level 1) ~0.16 s for a file a little smaller than
zlib's level 1. XlsxWriter has no option for either, so the fast deflate is made a property
of this one archive: no module global (of `zipfile` or of XlsxWriter) is ever replaced, and
a zip written by another thread at the same time is deflated exactly as it would be alone.

Two private details are relied on; tests/test_rekap_package.py guards both (a part written
by a FastZipFile is byte for byte ISA-L's deflate; a stored workbook's sheet is not zlib's;
a zip written by another thread meanwhile is zlib's own, the module globals untouched):

- CPython's `zipfile` (the same in 3.11–3.13): `ZipFile._open_to_write(zinfo, force_zip64)`
  returns the write handle (`_ZipWriteFile`) after writing only the local header; the
  handle deflates every chunk with its `_compressor` attribute. `FastZipFile` swaps that
  attribute for an ISA-L compressor there, before any data is written.
- XlsxWriter's `Workbook._store_workbook` creates its archive by the module-global name
  `ZipFile`. `Workbook` runs a copy of that function whose globals are a copy of its
  module's, with `ZipFile` bound to `FastZipFile`.

Should either detail change, the workbook is still correct, only deflated by zlib (slower),
and those tests fail.
"""

from __future__ import annotations

import types
import zipfile
import zlib
from collections.abc import Callable
from typing import IO, Any

import xlsxwriter
from isal import isal_zlib

from xlkinerja.render.shared_strings import Workbook as TextWorkbook

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


def _with_zip_class(function: Callable[..., Any], zip_class: type) -> Callable[..., Any]:
    """`function` rebuilt to see `zip_class` as its module's `ZipFile`, the module untouched."""
    names = {**function.__globals__, "ZipFile": zip_class}
    return types.FunctionType(
        function.__code__, names, function.__name__, function.__defaults__, function.__closure__
    )


_store_fast = _with_zip_class(xlsxwriter.Workbook._store_workbook, FastZipFile)


class Workbook(TextWorkbook):
    """An XlsxWriter workbook whose parts are deflated fast (see the module docstring)."""

    def _store_workbook(self) -> None:
        _store_fast(self)
