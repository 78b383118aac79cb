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
from xlkinerja.io.annotate.live_backend import LiveBackend, LiveOutcome
from xlkinerja.io.annotate.plan import REPORT_SHEET, plan_writeback
from xlkinerja.io.live_book import read_book
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.summary import Summary
from xlkinerja.jobs.validasi import ValidasiResult


def is_remote(book: Any) -> bool:
    """The remote engine's book (server mode), not a live one."""
    return str(getattr(book.app.engine, "name", "")) == "remote"


def checked_book(book: Any, *, master: Path | None) -> tuple[FormData, Checked]:
    """The open workbook read and checked (with the master, when there is one)."""
    data = read_book(book)
    return data, check_workbooks([], books=[data], master=master)


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
