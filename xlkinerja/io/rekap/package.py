"""The XlsxWriter workbook of the compiled workbook, deflated fast.

XlsxWriter deflates every part with zlib at its default level 6; for the compiled workbook
of 1,000 units (~160 MB of sheet XML) that alone takes ~1.7 s. zlib at level 1 takes ~0.5 s
for a file ~40 % larger; ISA-L (`isal`, level 1) ~0.16 s for a file a little smaller than
zlib's level 1. XlsxWriter has no option for either, so while this workbook is stored:

- the `ZipFile` it constructs is one that defaults to level 1 (the original class is put
  back as soon as the zip file is created), and
- `zipfile` deflates level-1 parts with ISA-L's compressor (same raw deflate stream format;
  put back when the workbook is stored).

Both swaps are made under one lock; a zip written by another thread in that short window
at level 1 gets ISA-L's deflate too, which is still plain deflate.
"""

from __future__ import annotations

import threading
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import xlsxwriter
import xlsxwriter.workbook
from isal import isal_zlib

ZIP_LEVEL = 1
_LOCK = threading.Lock()
_ORIGINAL = xlsxwriter.workbook.ZipFile
_ORIGINAL_COMPRESSOR: Callable[..., Any] = zipfile._get_compressor  # type: ignore[attr-defined]


class _FastZipFile(zipfile.ZipFile):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        xlsxwriter.workbook.ZipFile = _ORIGINAL  # one zip file only: this workbook's
        kwargs.setdefault("compresslevel", ZIP_LEVEL)
        super().__init__(*args, **kwargs)


def _isal_compressor(compress_type: int, compresslevel: int | None = None) -> Any:
    if compress_type == zipfile.ZIP_DEFLATED and compresslevel == ZIP_LEVEL:
        return isal_zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)
    return _ORIGINAL_COMPRESSOR(compress_type, compresslevel)


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]  # XlsxWriter ships no type hints
    """An XlsxWriter workbook whose parts are deflated fast (see the module docstring)."""

    def _store_workbook(self) -> None:
        with _LOCK:
            xlsxwriter.workbook.ZipFile = _FastZipFile
            zipfile._get_compressor = _isal_compressor  # type: ignore[attr-defined]
            try:
                super()._store_workbook()
            finally:
                xlsxwriter.workbook.ZipFile = _ORIGINAL
                zipfile._get_compressor = _ORIGINAL_COMPRESSOR  # type: ignore[attr-defined]
