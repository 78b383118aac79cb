"""Jobs of the add-in's buttons on the workbook they were pressed on: the same pipeline as
for files, given the workbook's content as a source.

The Excel layer (xlkinerja/excel/) reads the open workbook — the live one (local mode) or
the remote engine's built from the add-in's request (server mode) — and does what only it
can: the folder dialog, writing the findings into the workbook by the plan validasi
returns, opening the report. Nothing here touches a workbook in Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import FormData
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.summary import Summary
from xlkinerja.jobs.validasi import ValidasiResult
from xlkinerja.render.annotate.backend import WritebackOutcome
from xlkinerja.render.annotate.plan import REPORT_SHEET, WritebackPlan, plan_writeback
from xlkinerja.sources.source import FormRead, FormSource, WorkbookFile


def checked_form(source: FormSource, *, master: Path | None) -> tuple[FormData, Checked]:
    """The workbook read and checked (with the master, when there is one)."""
    data = source.read()
    given = WorkbookFile(master) if master is not None else None
    return data, check_workbooks([FormRead(data)], master=given)


@dataclass
class BookValidasi(ValidasiResult):
    plan: WritebackPlan | None = None  # what to write into the workbook
    written: WritebackOutcome | None = None  # what was written (by the Excel layer)

    def notes(self) -> Summary:
        out = Summary()
        if self.written is not None:
            out.line(
                f"{self.written.findings} temuan ditulis ke lembar {REPORT_SHEET}; "
                f"{self.written.marked_cells} sel ditandai."
            )
        return out


def validate_form(
    source: FormSource, *, master: Path | None = None, now: datetime | None = None
) -> BookValidasi:
    """Check the workbook `source` holds; its own findings, and the plan that writes them
    into it (fill and note at each cell, the Hasil Validasi sheet)."""
    data, checked = checked_form(source, master=master)
    own = [f for f in checked.findings if f.file == str(data.path)]  # not the master's
    result = BookValidasi(files=[data.path], findings=own)
    result.forms = {n.file: n.form.id for n in checked.forms}
    result.plan = plan_writeback(own, file_name=data.path.name, now=now or datetime.now())
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


def compile_folder(
    folder: Path,
    *,
    master: Path | None,
    this: FormSource,
    db: str | None,
    now: datetime | None = None,
    triwulan: int | None = None,
) -> KompilasiResult:
    """Kompilasi started from a workbook (the planning unit's master, usually): the units'
    workbooks in `folder`, the report next to them; the master is the given one, else the
    workbook `this` when it is the master (its saved file)."""
    if master is None:
        data = this.read()
        if not data.is_master:
            raise XlkinerjaError(
                "kompilasi memerlukan workbook master: buka master lalu tekan Kompilasi, "
                "atau isi MASTER di pengaturan xlkinerja.conf.",
                code=ErrorCode.MASUKAN_MASTER_TIDAK_ADA,
                path=data.path,
            )
        master = data.path
    output = folder / "rekap-kinerja.xlsx"
    workbooks = workbook_files([folder], master=master)
    return compile_workbooks(workbooks, output=output, db=db, now=now, triwulan=triwulan)
