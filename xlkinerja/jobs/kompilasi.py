"""Job `kompilasi`: every unit's (and SKP) workbook into one institutional report, an
archive record per file, in seconds.

Files are read, normalised, checked and serialised for the archive one by one in worker
processes (workers.py; 2 on this machine); the pandera schemas then run once over all
files' rows, the cascade across them, the aggregation, and the compiled workbook is written
once; the archive records every file in one transaction. Timings per phase are kept for
the benchmark (benchmarks/kompilasi_bench.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from xlkinerja.cascade.index import build_index
from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.core.settings import Pengaturan
from xlkinerja.io.atomic import refuse_folder
from xlkinerja.io.output_guard import check_report_target, keep_original, written_by_xlkinerja
from xlkinerja.io.reader import read_form
from xlkinerja.jobs.checks import cross_file_checks
from xlkinerja.jobs.peak_memory import peak_rss_mb
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.workers import (
    Progress,
    Stage,
    collector_paused,
    process_all,
    worker_count,
    worker_pool,
)
from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.specs import MASTER
from xlkinerja.validation.checks import sort_findings, without_superseded
from xlkinerja.validation.messages import finding
from xlkinerja.validation.normalise import normalise_form


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

    @property
    def has_galat(self) -> bool:
        return any(f.severity == Severity.GALAT for f in self.kompilasi.temuan)


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.peaks_mb: dict[str, float] = {}  # main process peak memory after each phase
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self.peaks_mb[name] = peak_rss_mb()
        self._last = now


def compile_paths(
    paths: Iterable[Path],
    *,
    master: Path,
    output: Path,
    db: str | Path | None = None,
    archive: bool = True,
    workers: int | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    stage: Stage | None = None,
) -> KompilasiResult:
    """Compile the workbooks under `paths` (files or folders) into `output`. `progress` is
    called per workbook read, `stage` with what the job does next (Indonesian, for users)."""
    with collector_paused():
        return _compile(paths, master, output, db, archive, workers, now, progress, stage or _quiet)


def _quiet(_: str) -> None:
    pass


def _import_later_phases() -> None:
    import xlkinerja.io.rekap.writer
    import xlkinerja.kompilasi.aggregate
    import xlkinerja.validation.schema  # noqa: F401


def _compile(
    paths: Iterable[Path],
    master: Path,
    output: Path,
    db: str | Path | None,
    archive: bool,
    workers: int | None,
    now: datetime | None,
    progress: Progress | None,
    stage: Stage,
) -> KompilasiResult:
    refuse_folder(output)  # before minutes of work, not after
    check_report_target(output)
    now = now or datetime.now()
    clock = _Clock()
    # Not the master, and not an earlier rekap written into the same folder.
    skip = {master.resolve(), output.resolve()}
    files = [p for p in collect_workbooks(paths) if p.resolve() not in skip]
    with worker_pool(worker_count(workers, len(files))) as pool:
        # What the main process needs after the files are read (pandas, pandera, the
        # writer) is imported meanwhile; the workers have started already.
        threading.Thread(target=_import_later_phases, daemon=True).start()
        stage("Membaca master")
        master_data = read_form(master, MASTER)
        master_form, master_findings = normalise_form(master_data)
        settings = Pengaturan.from_master(master_form)
        clock.lap("master")
        stage("Membaca dan memeriksa workbook")
        results = process_all(files, settings, pool, progress, archive)
    clock.lap("baca_periksa_per_berkas")
    stage("Memeriksa skema dan kaskade")
    findings: list[Finding] = list(master_findings)
    for r in results:
        if r.error:
            findings.append(finding(Code.BERKAS_TIDAK_TERBACA, file=r.path, value=r.error))
        findings.extend(r.findings)
    forms = [r.form for r in results if r.form is not None and r.form.form.id != "master"]
    index = build_index(master_form, forms)  # read only: shared by the checks and the rekap
    schema, cascade = cross_file_checks([master_form, *forms], master_form, index)
    findings = without_superseded([*findings, *schema], cascade) + cascade
    sort_findings(findings, {})
    clock.lap("skema_dan_kaskade")
    stage("Menyusun rekap")
    from xlkinerja.kompilasi.aggregate import aggregate

    kompilasi = aggregate(master_form, results, findings, now=now, index=index)
    for r in results:
        r.rekap = {}  # now in the compiled frames; frees memory before writing and archiving
    clock.lap("agregasi")
    stage("Menulis workbook rekap")
    from xlkinerja.io.rekap.writer import write_kompilasi

    write = partial(write_kompilasi, kompilasi, output)
    backup = None
    if written_by_xlkinerja(output):
        write()  # an earlier rekap: replaced
    else:
        backup = keep_original(output, write, now)  # anything else there is kept first
    clock.lap("tulis_rekap")
    result = KompilasiResult(
        output=output,
        kompilasi=kompilasi,
        files=files,
        worker_peaks_mb=sorted({r.peak_rss_mb for r in results}),
        backup=backup,
    )
    if archive:
        stage("Mencatat ke arsip")
        from xlkinerja.jobs.archiving import archive_results

        recorded = archive_results(db, master_data, results, now=now)
        result.archived = sum(r.new for r in recorded)
        result.unchanged = len(recorded) - result.archived
        clock.lap("arsip")
    result.timings = clock.laps
    result.peaks_mb = clock.peaks_mb
    return result
