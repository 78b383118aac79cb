"""The work done for one workbook in a worker process: read, normalise, per-file checks, and
the unit's rows for the rekap tables. Everything returned is picklable."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import XlkinerjaError
from xlkinerja.io.reader import read_form
from xlkinerja.jobs.peak_memory import peak_rss_mb
from xlkinerja.kompilasi.rows import Rows, unit_rows
from xlkinerja.store.encoded import EncodedSubmission, encode_submission
from xlkinerja.store.submission import submission
from xlkinerja.validation.capaian_rows import capaian_per_ikk
from xlkinerja.validation.checks import per_file_checks
from xlkinerja.validation.normalise import normalise_form


@dataclass
class FileResult:
    path: str
    sha256: str
    error: str | None = None
    form: NormalForm | None = None
    findings: list[Finding] = field(default_factory=list)
    rows_read: dict[str, int] = field(default_factory=dict)
    rekap: dict[str, Rows] = field(default_factory=dict)  # pk, anggaran, ra, capaian
    archive: EncodedSubmission | None = None  # what the archive records, serialised
    peak_rss_mb: float = 0.0  # of the process that did the work (for the benchmark)


def process_file(path: str, settings: Pengaturan, archive: bool = False) -> FileResult:
    """Never raises for a bad workbook: the reason goes into `error`. With `archive`, the
    file's archive submission is built and serialised here too (in the worker)."""
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        return FileResult(path=path, sha256="", error=f"berkas tidak dapat dibuka ({exc}).")
    try:
        data = read_form(path)
    except XlkinerjaError as exc:
        return FileResult(path=path, sha256=digest, error=exc.user_message())
    form, findings = normalise_form(data)
    per_ikk = capaian_per_ikk(form, settings.batas_atas_capaian) if form.form.id == "unit" else None
    findings.extend(per_file_checks(form, settings, per_ikk))
    result = FileResult(
        path=path,
        sha256=digest,
        form=form,
        findings=findings,
        rows_read={k: len(t) for k, t in data.tables.items()},
    )
    if form.form.id == "unit":
        result.rekap = unit_rows(form, settings.batas_atas_capaian, per_ikk)
    if archive:
        result.archive = encode_submission(submission(form, digest))
    result.peak_rss_mb = peak_rss_mb()
    return result
