"""The actions of the ribbon's buttons (see registry.py): each one a job on the workbook."""

from __future__ import annotations

from typing import Any

from xlkinerja.excel.context import ActionContext
from xlkinerja.excel.registry import action
from xlkinerja.jobs.buku import Bersihkan, BookValidasi, clear_book, validate_book
from xlkinerja.jobs.tentang import Tentang, about


@action("validasi")
def validasi(book: Any, context: ActionContext) -> BookValidasi:
    """Check this workbook (with the master, when the settings name one) and write every
    finding into it: a fill and a note at the cell, the Hasil Validasi sheet."""
    return validate_book(book, master=context.master, now=context.now)


@action("bersihkan")
def bersihkan(book: Any, context: ActionContext) -> Bersihkan:
    """Remove the marks of the last validation."""
    return clear_book(book)


@action("tentang")
def tentang(book: Any, context: ActionContext) -> Tentang:
    """Versions and the settings in use."""
    return about(mode=context.mode.value, settings=context.settings)
