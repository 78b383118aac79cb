"""Job `dokumen lkj`: chapter III of the Laporan Kinerja (Akuntabilitas Kinerja) as .xlsx,
.docx and PDF, with a chart per sasaran.

The year's numbers are compiled as `kompilasi` compiles them — from the unit workbooks
given, or from the latest version of every unit in the archive (`--dari-arsip`) — through
the same pipeline and aggregation, so they are the Rekap Capaian's numbers; or they are
read back from a compiled workbook (`REKAP.xlsx`, what kompilasi wrote), whose Rekap
Capaian also carries the units' kendala and tindak lanjut. All give the chapter the same
`EksporSumber` (jobs/compiled.py), through one entry: `write_lkj_chapter`.
The master (sasaran, IKU, Renstra targets, programs) is the one given, else
the archive's. Earlier years come from the archive: each earlier year's latest versions,
compiled the same way; a year the archive does not hold is shown as "tidak ada data".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.domain.status_dokumen import StatusDokumen
from xlkinerja.errors import ErrorRecord, heading
from xlkinerja.jobs.compiled import compile_in_memory, compiled
from xlkinerja.jobs.inputs import (
    CompiledModel,
    CompiledRekap,
    Input,
    Workbooks,
    archived_workbooks,
    described,
)
from xlkinerja.jobs.rekap_master import rekap_master
from xlkinerja.jobs.summary import Span, Summary, Tone
from xlkinerja.jobs.tanda_dokumen import compiled_status, status_lines
from xlkinerja.jobs.workers import Stage
from xlkinerja.kompilasi.ekspor_sumber import from_kompilasi
from xlkinerja.kompilasi.lkj import Lkj, Tahunan, build_lkj, iku_tahunan
from xlkinerja.render.dokumen.lkj_write import write_lkj
from xlkinerja.render.dokumen.tanda import tanda
from xlkinerja.sources.source import FormSource, WorkbookFile
from xlkinerja.store.archive import Archive

TAHUN_RIWAYAT = 4  # earlier years looked for in the archive


@dataclass
class LkjResult:
    lkj: Lkj
    status: StatusDokumen  # DRAF and why, or the approval of every unit it shows
    files: list[Path]
    sumber: str  # where the year's workbooks came from
    charts: list[Path] = field(default_factory=list)
    pdf_skipped: ErrorRecord | None = None  # why no PDF was made (system libraries missing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "berkas": [str(p) for p in self.files],
            "grafik": [str(p) for p in self.charts],
            "tahun": self.lkj.tahun,
            "triwulan": self.lkj.tw,
            "sumber": self.sumber,
            "tahun_riwayat": self.lkj.tahun_riwayat,
            "catatan": self.lkj.catatan,
            "pdf_dilewati": self.pdf_skipped.message if self.pdf_skipped else None,
            "status": self.status.to_dict(),
        }

    def summary(self) -> Summary:
        out = Summary()
        lkj = self.lkj
        out.line(
            f"Laporan Kinerja bab III {lkj.instansi} {lkj.tahun or ''} (data s.d. "
            f"{lkj.tw_nama}, {self.sumber}): {', '.join(str(p) for p in self.files)}"
        )
        if self.files:
            out.extend(status_lines(self.files[0], self.status))
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        if self.pdf_skipped:
            label = heading(self.pdf_skipped.code, "Peringatan")
            out.line(Span(label, Tone.PERINGATAN), f" {self.pdf_skipped.message}")
        for note in self.lkj.catatan:
            out.line(Span("Catatan:", Tone.PERINGATAN), f" {note}.")
        return out


def write_lkj_chapter(
    given: Input,
    *,
    output: Path,
    master: Path | None = None,
    db: str | Path | None = None,
    stage: Stage | None = None,
    triwulan: int | None = None,
) -> LkjResult:
    """The chapter from `given` — workbooks with their master (files or the archive's
    latest versions), a compiled workbook, or a compiled model — written into `output`;
    earlier years from the archive at `db`. A compiled workbook names no master: the one
    given (`master`), else the archive's latest master of the rekap's year."""
    made = compiled(
        given, sheets=("lkj",), stage=stage, triwulan=triwulan, described=described(given)
    )
    with Archive.open(db) as archive:
        if isinstance(given, CompiledRekap):
            source, master_form = rekap_master(archive, given, master, made.tahun)
        else:
            assert made.master is not None  # compiled with its master
            source, master_form = _master_of(given), made.master
        riwayat, years = _riwayat(archive, made.tahun, source)
    lkj = build_lkj(made.sumber, master_form, riwayat, years)
    ikk = made.sumber.ikk
    units: list[str] = [str(u) for u in ikk["kode_unit"].dropna()] if len(ikk) else []
    status = compiled_status(made.galat, units, made.tahun, db)
    written = write_lkj(lkj, output, mark=tanda(status, with_unit=True))
    return LkjResult(
        lkj=lkj,
        status=status,
        files=written.files,
        charts=written.charts,
        sumber=described(given),
        pdf_skipped=written.pdf_skipped,
    )


def _master_of(given: Workbooks | CompiledModel) -> FormSource:
    if isinstance(given, Workbooks):
        return given.master
    return WorkbookFile(Path(given.master.file))


def _riwayat(
    archive: Archive, tahun: int | None, master: FormSource
) -> tuple[dict[int, dict[str, Tahunan]], list[int]]:
    """Each earlier year's IKU numbers the archive holds, and the years to show: the year
    before always (to say when it has no data), earlier ones when they have data. An
    earlier year is compiled with its own master from the archive, else with `master`."""
    if tahun is None:
        return {}, []
    found: dict[int, dict[str, Tahunan]] = {}
    for year in range(tahun - TAHUN_RIWAYAT, tahun):
        workbooks = archived_workbooks(archive, tahun=year, fallback=master)
        if not workbooks.sources:
            continue
        kompilasi, _ = compile_in_memory(workbooks)
        numbers = iku_tahunan(from_kompilasi(kompilasi))
        if numbers:
            found[year] = numbers
    years = sorted({*found, tahun - 1})
    return found, years
