"""Job `kompilasi`: every unit's (and SKP) workbook into one institutional report, an
archive record per file, in seconds.

Files are read, normalised, checked and serialised for the archive one by one in worker
processes (workers.py; 2 on this machine); the pandera schemas then run once over all
files' rows, the cascade across them, the aggregation, and the compiled workbook is written
once; the archive records every file in one transaction. Timings per phase are kept for
the benchmark (benchmarks/kompilasi_bench.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from xlkinerja.core.finding import Severity
from xlkinerja.core.normal import NormalForm
from xlkinerja.errors import ErrorCode, OutputError, heading
from xlkinerja.files.atomic import refuse_folder
from xlkinerja.files.output_guard import check_report_target, keep_original, written_by_xlkinerja
from xlkinerja.jobs.inputs import FromArchive, Workbooks
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.summary import Column, Span, Summary, Tone, cell, count
from xlkinerja.jobs.workers import (
    Progress,
    Stage,
    worker_count,
    worker_pool,
)
from xlkinerja.kompilasi.model import Kompilasi, StatusUnit
from xlkinerja.runtime.collector import collector_paused
from xlkinerja.runtime.peak_memory import peak_rss_mb


@dataclass
class KompilasiResult:
    output: Path
    kompilasi: Kompilasi
    files: list[Path] = field(default_factory=list)
    archived: int = 0  # new versions recorded
    unchanged: int = 0  # files already archived with the same content
    backup: Path | None = None  # a file that was at `output` (not an earlier rekap), kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase
    worker_peaks_mb: list[float] = field(default_factory=list)
    peaks_mb: dict[str, float] = field(default_factory=dict)  # main process, after each phase

    recorded: bool = True  # recorded in the archive (not --tanpa-arsip)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # unit → files: not recorded
    from_archive: FromArchive | None = None  # compiled from the archive (--dari-arsip)
    master: NormalForm | None = None  # the master compiled with (read once, for what follows)

    @property
    def has_galat(self) -> bool:
        return any(f.severity == Severity.GALAT for f in self.kompilasi.temuan)

    def to_dict(self) -> dict[str, Any]:
        from xlkinerja.kompilasi.kinerja import period_figures  # pandas: only when asked

        k = self.kompilasi
        return (
            {
                "rekap": str(self.output),
                "cadangan": str(self.backup) if self.backup else None,
                "unit_di_master": len(k.status),
                "unit_mengirim": sum(s.berkas is not None and s.terbaca for s in k.status),
                "unit_terlambat": [s.kode_unit for s in k.status if s.terlambat],
                "unit_belum_mengirim": [s.kode_unit for s in k.status if s.berkas is None],
                "berkas_tidak_terbaca": [u.berkas for u in k.tidak_terbaca],
                "galat": self._count(Severity.GALAT),
                "peringatan": self._count(Severity.PERINGATAN),
                "baris_dibaca": k.baris_dibaca,
                "versi_baru_di_arsip": self.archived,
                "tidak_berubah_di_arsip": self.unchanged,
                "capaian_iku": period_figures(k.capaian_iku, k.periode),
            }
            | self._from_archive()
            | self._ambiguous()
        )

    def _ambiguous(self) -> dict[str, Any]:
        return {"tidak_dicatat_unit_ganda": self.ambiguous} if self.ambiguous else {}

    def _from_archive(self) -> dict[str, Any]:
        source = self.from_archive
        if source is None:
            return {}
        return {
            "dari_arsip": {
                "arsip": source.location,
                "tahun": source.tahun,
                "versi": source.versions,
                "master": source.master,
            }
        }

    def _count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.kompilasi.temuan)

    def summary(self) -> Summary:
        k = self.kompilasi
        out = Summary()
        out.table(
            f"Kompilasi {k.instansi} {k.tahun or ''}",
            [
                Column("Unit"),
                Column("Status"),
                Column("Tanggal PK"),
                Column("Keterangan"),
                Column("Galat", right=True),
                Column("Peringatan", right=True),
            ],
            (
                [
                    cell(f"{s.kode_unit} {s.nama_unit}"),
                    cell(s.status or "-"),
                    cell(s.tanggal_pk.strftime("%d/%m/%Y") if s.tanggal_pk else "-"),
                    _keterangan(s),
                    count(s.galat, Tone.GALAT),
                    cell(s.peringatan),
                ]
                for s in k.status
            ),
        )
        for bad in k.tidak_terbaca:
            out.line(Span(heading(bad.kode, "Tidak terbaca"), Tone.GALAT), f" {bad.alasan}")
        arsip = f"arsip: {self.archived} versi baru" if self.recorded else "tidak dicatat ke arsip"
        if self.from_archive is not None:
            arsip = f"dari arsip: versi terakhir dari {len(self.from_archive.versions)} workbook"
        out.line(
            f"Rekap ditulis: {self.output} ({self._count(Severity.GALAT)} galat, "
            f"{self._count(Severity.PERINGATAN)} peringatan; {arsip})."
        )
        out.extend(self.notes())
        return out

    def notes(self) -> Summary:
        out = Summary()
        source = self.from_archive
        if source is not None:
            tahun = f" tahun {source.tahun}" if source.tahun is not None else ""
            out.line(f"Dikompilasi dari arsip {source.location}{tahun}.")
            if source.master is not None:
                out.line(f"Master dari arsip: {source.master}.")
        if self.backup:
            out.line(f"Berkas yang ada di tempat rekap disimpan sebagai cadangan: {self.backup}")
        for unit, files in self.ambiguous.items():
            out.line(
                Span("Tidak dicatat ke arsip:", Tone.GALAT),
                f" unit {unit} ada di {len(files)} berkas ({', '.join(files)}); versi mana "
                "yang benar tidak dapat ditentukan. Perbaiki kode unit (atau NIP) lalu "
                "kompilasi lagi.",
            )
        return out


def _keterangan(s: StatusUnit) -> Span:
    if s.berkas is None:
        return Span("belum mengirim")
    if not s.terbaca:
        return Span("tidak terbaca")
    return Span("terlambat", Tone.GALAT) if s.terlambat else Span("tepat waktu")


class Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.peaks_mb: dict[str, float] = {}  # main process peak memory after each phase
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self.peaks_mb[name] = peak_rss_mb()
        self._last = now


def compile_workbooks(
    workbooks: Workbooks,
    *,
    output: Path,
    db: str | Path | None = None,
    record: bool = True,
    workers: int | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    stage: Stage | None = None,
    triwulan: int | None = None,
) -> KompilasiResult:
    """Compile `workbooks` (files, or the archive's latest versions) into `output`, and
    with `record` an archive record per file (workbooks from the archive are there already:
    nothing is recorded). `progress` is called per workbook read, `stage` with what the job
    does next (Indonesian, for users); `triwulan`: the period shown (else the latest)."""
    with collector_paused():
        return _compile(
            workbooks,
            output,
            db,
            record,
            workers,
            now or datetime.now(),
            progress,
            stage or _quiet,
            triwulan,
        )


def _quiet(_: str) -> None:
    pass


def _import_later_phases() -> None:
    """A warm-up only: the main thread imports these itself when it gets there, and any
    real import error shows then. When the job stops early (a bad master) the program may
    exit while this is mid-import, and the interpreter's shutdown then breaks the import:
    nothing to tell the user, so nothing is printed."""
    try:
        # pandera imports these at the first validate (its backends, ~0.1 s)
        import pandera.backends.pandas.builtin_checks
        import pandera.backends.pandas.register  # noqa: F401

        import xlkinerja.kompilasi.aggregate
        import xlkinerja.render.rekap.writer
        import xlkinerja.validation.schema  # noqa: F401
    except BaseException:  # see the docstring
        pass


def _compile(
    workbooks: Workbooks,
    output: Path,
    db: str | Path | None,
    record: bool,
    workers: int | None,
    now: datetime,
    progress: Progress | None,
    stage: Stage,
    triwulan: int | None = None,
) -> KompilasiResult:
    refuse_folder(output)  # before minutes of work, not after
    check_report_target(output)
    record = record and workbooks.from_archive is None
    workbooks = workbooks.without(output)  # an earlier rekap among them is not an input
    files = workbooks.file_count
    # The workers start first: their process imports the per-file code while this one
    # opens the archive and reads the master.
    with worker_pool(worker_count(workers, files)) as pool:
        if record or workbooks.from_archive is not None:
            refuse_output_as_archive(output, db)
        if record:
            # The archive first: a wrong, unreachable or newer archive stops the job before
            # the report is written (or an earlier one replaced), not after.
            from xlkinerja.jobs.arsip import siapkan

            siapkan(db)
        clock = Clock()
        laps = {"Membaca dan memeriksa workbook": "master", "Memeriksa skema dan kaskade": None}

        def tell(text: str) -> None:  # the phases of the pipeline are laps of the clock
            if text in laps:
                clock.lap(laps[text] or "baca_periksa_per_berkas")
            stage(text)

        checked = check_workbooks(
            workbooks.sources,
            master=workbooks.master,
            pool=pool,
            work=Work(rekap=True, archive=record),
            report_master=True,
            by_sheet=False,
            progress=progress,
            stage=tell,
            schemas_meanwhile=True,  # the pandera schemas run while the rekap is aggregated
            # what this process needs after the files are read (pandas, pandera, the writer)
            while_reading=_import_later_phases,
        )
    clock.lap("skema_dan_kaskade")
    result = write_report(checked, output, now=now, clock=clock, stage=stage, triwulan=triwulan)
    result.files = workbooks.names
    result.recorded = record
    result.from_archive = workbooks.from_archive
    if record:
        stage("Mencatat ke arsip")
        from xlkinerja.jobs.archiving import archive_results

        assert checked.master is not None
        archived = archive_results(db, [checked.master, *checked.results], now=now)
        result.archived = sum(r.new for r in archived.recorded)
        result.unchanged = len(archived.recorded) - result.archived
        result.ambiguous = archived.ambiguous
        clock.lap("arsip")
    result.timings = clock.laps
    result.peaks_mb = clock.peaks_mb
    return result


def refuse_output_as_archive(output: Path, db: str | Path | None) -> None:
    """The rekap written where the archive is would put the archive aside (as the original
    of the output) and then fail: refused before anything is touched."""
    from xlkinerja.store.location import archive_file

    if archive_file(db) == output.expanduser().resolve():
        raise OutputError(
            "--output sama dengan berkas arsip (--db); rekap tidak ditulis di atas arsip.",
            code=ErrorCode.KELUARAN_MENIMPA_ARSIP,
            path=output,
            hint="Pilih nama lain untuk rekap, mis. rekap-kinerja.xlsx, dan arsip .sqlite.",
        )


def write_report(
    checked: Checked,
    output: Path,
    *,
    now: datetime,
    clock: Clock,
    stage: Stage,
    triwulan: int | None = None,
) -> KompilasiResult:
    """What kompilasi does after the pipeline, whatever the workbooks came from: the
    aggregation and the compiled workbook at `output` (anything else there kept first)."""
    assert checked.master is not None and checked.master.form is not None  # given: read
    results, index = checked.results, checked.index
    stage("Menyusun rekap")
    from xlkinerja.kompilasi.aggregate import aggregate

    try:
        kompilasi = aggregate(
            checked.master.form,
            results,
            checked.all_findings,
            now=now,
            index=index,
            triwulan=triwulan,
        )
    except BaseException:
        checked.abandon()  # no child left computing findings nobody will read
        raise
    for r in results:
        r.rekap = {}  # now in the compiled frames; frees memory before writing and archiving
    clock.lap("agregasi")
    stage("Menulis workbook rekap")
    from xlkinerja.render.rekap.writer import write_kompilasi

    write = partial(write_kompilasi, kompilasi, output)
    backup = None
    if written_by_xlkinerja(output):
        write()  # an earlier rekap: replaced
    else:
        backup = keep_original(output, write, now)  # anything else there is kept first
    clock.lap("tulis_rekap")
    return KompilasiResult(
        output=output,
        kompilasi=kompilasi,
        master=checked.master.form,
        worker_peaks_mb=sorted({r.peak_rss_mb for r in results}),
        backup=backup,
    )
