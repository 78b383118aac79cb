"""Job `kompilasi`: every unit's (and SKP) workbook into one institutional report, an
archive record per file, in seconds.

Files are read, normalised and checked one by one in worker processes (2 on this
machine); the pandera schemas then run once over all files' rows, the cascade across them,
and the compiled workbook is written once.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from xlkinerja.cascade.index import build_index
from xlkinerja.io.reader import read_form
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.kompilasi.aggregate import aggregate
from xlkinerja.kompilasi.model import Kompilasi
from xlkinerja.kompilasi.per_file import FileResult, process_file
from xlkinerja.specs import MASTER
from xlkinerja.validation.context import Pengaturan
from xlkinerja.validation.finding import Finding, Severity
from xlkinerja.validation.messages import finding
from xlkinerja.validation.normalise import normalise_form
from xlkinerja.validation.run import cross_file_checks, sort_findings, without_superseded

Progress = Callable[[Path], None]


@dataclass
class KompilasiResult:
    output: Path
    kompilasi: Kompilasi
    files: list[Path] = field(default_factory=list)
    archived: int = 0  # new versions recorded
    unchanged: int = 0  # files already archived with the same content
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase
    worker_peaks_mb: list[float] = field(default_factory=list)
    peaks_mb: dict[str, float] = field(default_factory=dict)  # main process, after each phase

    @property
    def has_galat(self) -> bool:
        return any(f.severity == Severity.GALAT for f in self.kompilasi.temuan)


def _workers(count: int | None, files: int) -> int:
    if count is not None:
        return max(1, count)
    return 1 if files < 8 else min(os.cpu_count() or 1, 4)


def process_all(
    paths: list[Path],
    settings: Pengaturan,
    workers: int,
    progress: Progress | None = None,
    archive: bool = False,
) -> list[FileResult]:
    if workers <= 1:
        results = []
        for path in paths:
            results.append(process_file(str(path), settings, archive))
            if progress:
                progress(path)
        return results
    # forkserver: fork after pandas/polars threads started can hang the children.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = pool.map(
            process_file,
            [str(p) for p in paths],
            [settings] * len(paths),
            [archive] * len(paths),
            chunksize=max(1, len(paths) // (workers * 8)),
        )
        results = []
        for path, result in zip(paths, futures, strict=True):
            results.append(result)
            if progress:
                progress(path)
    return results


class _Clock:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.peaks_mb: dict[str, float] = {}  # main process peak memory after each phase
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self.peaks_mb[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
) -> KompilasiResult:
    now = now or datetime.now()
    clock = _Clock()
    master_data = read_form(master, MASTER)
    master_form, master_findings = normalise_form(master_data)
    settings = Pengaturan.from_master(master_form)
    files = [p for p in collect_workbooks(paths) if p.resolve() != master.resolve()]
    clock.lap("master")
    results = process_all(files, settings, _workers(workers, len(files)), progress, archive)
    clock.lap("baca_periksa_per_berkas")
    findings: list[Finding] = list(master_findings)
    for r in results:
        if r.error:
            findings.append(finding("berkas.tidak_terbaca", file=r.path, value=r.error))
        findings.extend(r.findings)
    forms = [r.form for r in results if r.form is not None and r.form.form.id != "master"]
    index = build_index(master_form, forms)  # read only: shared by the checks and the rekap
    schema, cascade = cross_file_checks([master_form, *forms], master_form, index)
    findings = without_superseded([*findings, *schema], cascade) + cascade
    sort_findings(findings, {})
    clock.lap("skema_dan_kaskade")
    kompilasi = aggregate(master_form, results, findings, now=now, index=index)
    for r in results:
        r.rekap = {}  # now in the compiled frames; frees memory before writing and archiving
    clock.lap("agregasi")
    from xlkinerja.kompilasi.writer import write_kompilasi

    write_kompilasi(kompilasi, output)
    clock.lap("tulis_rekap")
    result = KompilasiResult(
        output=output,
        kompilasi=kompilasi,
        files=files,
        worker_peaks_mb=sorted({r.peak_rss_mb for r in results}),
    )
    if archive:
        from xlkinerja.kompilasi.archiving import archive_results

        recorded = archive_results(db, master_data, results, now=now)
        result.archived = sum(r.new for r in recorded)
        result.unchanged = len(recorded) - result.archived
        clock.lap("arsip")
    result.timings = clock.laps
    result.peaks_mb = clock.peaks_mb
    return result
