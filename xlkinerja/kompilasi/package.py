"""The XlsxWriter workbook of the compiled workbook, zipped at a fast compression level.

XlsxWriter deflates every part at zlib's default level 6; for the compiled workbook of 1,000
units (~200 MB of sheet XML) that alone takes ~1.7 s. Level 1 takes ~0.45 s for a file
~40 % larger (still far smaller than the XML). XlsxWriter has no option for it, so while
this workbook is being stored the `ZipFile` it constructs is one that defaults to level 1;
the original class is put back as soon as the zip file is created.
"""

from __future__ import annotations

import threading
import zipfile
from typing import Any

import xlsxwriter
import xlsxwriter.workbook

ZIP_LEVEL = 1
_LOCK = threading.Lock()
_ORIGINAL = xlsxwriter.workbook.ZipFile


class _FastZipFile(zipfile.ZipFile):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        xlsxwriter.workbook.ZipFile = _ORIGINAL  # one zip file only: this workbook's
        kwargs.setdefault("compresslevel", ZIP_LEVEL)
        super().__init__(*args, **kwargs)


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]  # XlsxWriter ships no type hints
    """An XlsxWriter workbook whose parts are deflated at level 1 (see the docstring)."""

    def _store_workbook(self) -> None:
        with _LOCK:
            xlsxwriter.workbook.ZipFile = _FastZipFile
            try:
                super()._store_workbook()
            finally:
                xlsxwriter.workbook.ZipFile = _ORIGINAL
