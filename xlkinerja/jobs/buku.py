"""Jobs on a workbook open in Excel (the add-in's buttons): the same pipeline as for files,
with the workbook read by the Excel adapter and the findings written into it live.

`book` is an xlwings Book — the live one (local mode) or the remote engine's built from the
add-in's request (server mode); nothing here imports xlwings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import FormData
from xlkinerja.errors import XlkinerjaError
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kaskade import KaskadeResult, generate_skp
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.summary import Summary
from xlkinerja.jobs.validasi import ValidasiResult
from xlkinerja.render.annotate.live_backend import LiveBackend, LiveOutcome
from xlkinerja.render.annotate.plan import REPORT_SHEET, plan_writeback
from xlkinerja.render.live_dialog import Picked, pick_folder
from xlkinerja.sources.live_book import book_path, read_book
from xlkinerja.sources.source import FormRead, WorkbookFile
from xlkinerja.specs import FormKind


def is_remote(book: Any) -> bool:
    """The remote engine's book (server mode), not a live one."""
    return str(getattr(book.app.engine, "name", "")) == "remote"


def checked_book(book: Any, *, master: Path | None) -> tuple[FormData, Checked]:
    """The open workbook read and checked (with the master, when there is one)."""
    data = read_book(book)
    given = WorkbookFile(master) if master is not None else None
    return data, check_workbooks([FormRead(data)], master=given)


@dataclass
class BookValidasi(ValidasiResult):
    written: LiveOutcome | None = None  # what was written into the workbook

    def notes(self) -> Summary:
        out = Summary()
        if self.written is not None:
            out.line(
                f"{self.written.findings} temuan ditulis ke lembar {REPORT_SHEET}; "
                f"{self.written.marked_cells} sel ditandai."
            )
        return out


def validate_book(
    book: Any, *, master: Path | None = None, write: bool = True, now: datetime | None = None
) -> BookValidasi:
    """Check the open workbook; with `write`, its findings go into it (fill and note at each
    cell, the Hasil Validasi sheet), the previous run's marks removed first."""
    data, checked = checked_book(book, master=master)
    own = [f for f in checked.findings if f.file == str(data.path)]  # not the master's
    result = BookValidasi(files=[data.path], findings=own)
    result.forms = {n.file: n.form.id for n in checked.forms}
    if write:
        plan = plan_writeback(own, file_name=data.path.name, now=now or datetime.now())
        result.written = LiveBackend(book, remote=is_remote(book)).apply(plan)
    return result


@dataclass(frozen=True)
class Bersihkan:
    removed: bool  # there was a Hasil Validasi sheet of ours

    def to_dict(self) -> dict[str, Any]:
        return {"dibersihkan": self.removed}

    def summary(self) -> Summary:
        out = Summary()
        out.line(
            "Tanda validasi dan lembar Hasil Validasi dihapus."
            if self.removed
            else "Tidak ada tanda validasi di buku kerja ini."
        )
        return out

    def notes(self) -> Summary:
        return Summary()


def clear_book(book: Any) -> Bersihkan:
    """Remove the marks of the last validation (fills back, our notes gone) and its sheet."""
    return Bersihkan(LiveBackend(book, remote=is_remote(book)).clear(REPORT_SHEET))


def book_folder(book: Any) -> Path:
    """The folder the open workbook was saved in; a workbook never saved has none."""
    path = book_path(book)
    if not path.is_absolute() or not path.parent.is_dir():
        raise XlkinerjaError(
            "buku kerja ini belum disimpan, jadi belum punya folder.",
            path=path,
            hint="Simpan dulu (Ctrl+S), lalu tekan tombol ini lagi.",
        )
    return path.parent


def kaskade_book(
    book: Any, *, master: Path | None = None, now: datetime | None = None
) -> KaskadeResult:
    """SKP workbooks for the staff of this unit's workbook (as open in Excel, unsaved edits
    included) into the folder `skp` next to it."""
    folder = book_folder(book) / "skp"
    return generate_skp(read_book(book), folder, master=master, now=now)


class KompilasiDibatalkan(XlkinerjaError):
    """The planning unit closed the folder dialog of Kompilasi."""


def compile_from_book(
    book: Any,
    *,
    master: Path | None,
    folder: Path | None,
    db: str | None,
    now: datetime | None = None,
) -> KompilasiResult:
    """Kompilasi started from an open workbook (the planning unit's master, usually): the
    master is the given one, else this workbook when it is the master; the units' workbooks
    are in `folder`, else in the folder the user picks in Excel's dialog (where Excel has
    one: Windows), else in this workbook's folder; the report goes next to them."""
    here = book_folder(book)
    if folder is None and not is_remote(book):
        picked = pick_folder(book, "Pilih folder workbook unit untuk Kompilasi", here)
        if picked is Picked.CANCELLED:
            raise KompilasiDibatalkan(
                "Kompilasi dibatalkan: tidak ada folder yang dipilih.",
                hint="Tekan Kompilasi lagi dan pilih folder berisi workbook unit, atau isi "
                "KIRIMAN di pengaturan xlkinerja.conf.",
            )
        if isinstance(picked, Path):
            folder = picked
    if master is None:
        data = read_book(book)
        if data.form.id != FormKind.MASTER:
            raise XlkinerjaError(
                "kompilasi memerlukan workbook master: buka master lalu tekan Kompilasi, "
                "atau isi MASTER di pengaturan xlkinerja.conf.",
                path=data.path,
            )
        master = book_path(book)
    source = folder or here
    output = source / "rekap-kinerja.xlsx"
    workbooks = workbook_files([source], master=master)
    return compile_workbooks(workbooks, output=output, db=db, now=now)
