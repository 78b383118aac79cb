"""The XlsxWriter workbook of the big outputs (the compiled workbook, the export files):
its shared strings written in one pass (render/shared_strings.py) and its parts deflated
fast (files/ooxml/deflate.py).

XlsxWriter has no option for another deflate, so its `Workbook._store_workbook`, which
creates its archive by the module-global name `ZipFile`, runs here as a copy of that
function whose globals are a copy of its module's, with `ZipFile` bound to `FastZipFile`:
XlsxWriter's module is never changed. This private detail is guarded by
tests/test_rekap_package.py (a stored workbook's sheet is ISA-L's deflate, not zlib's).
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import xlsxwriter

from xlkinerja.files.ooxml.deflate import FastZipFile
from xlkinerja.render.shared_strings import Workbook as TextWorkbook


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
