"""The work done for one workbook, in a worker process or in this one: read, normalise, the
checks of one workbook, and on request the unit's rows for the rekap tables and the archive
record. Everything returned is picklable. Validasi, kompilasi, the LKj, ekspor, the tree, the
ribbon and the server all go through `process_source` (see pipeline.py for the many-files
side), whatever the workbook's source."""

from __future__ import annotations

from dataclasses import dataclass, field

from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.errors import ErrorCode, ErrorRecord, XlkinerjaError
from xlkinerja.kompilasi.rows import Rows, unit_rows
from xlkinerja.runtime.peak_memory import peak_rss_mb
from xlkinerja.sources.source import FormSource
from xlkinerja.specs import MASTER, Form, FormKind
from xlkinerja.store.encoded import EncodedSubmission, encode_submission, with_content_digest
from xlkinerja.store.submission import submission
from xlkinerja.validation.capaian_rows import capaian_per_ikk
from xlkinerja.validation.checks import per_file_checks
from xlkinerja.validation.normalise import normalise_form


@dataclass
class FileResult:
    path: str
    sha256: str
    failure: ErrorRecord | None = None  # why the file could not be read: code, place, text
    form: NormalForm | None = None
    findings: list[Finding] = field(default_factory=list)
    rows_read: dict[str, int] = field(default_factory=dict)
    rekap: dict[str, Rows] = field(default_factory=dict)  # pk, anggaran, ra, capaian
    archive: EncodedSubmission | None = None  # what the archive records, serialised
    peak_rss_mb: float = 0.0  # of the process that did the work (for the benchmark)

    @property
    def error(self) -> str | None:
        """Why the file could not be read, naming the file; None when it was read."""
        return self.failure.message if self.failure is not None else None


@dataclass(frozen=True)
class Work:
    """What to do for each file besides reading and checking it."""

    rekap: bool = False  # the unit's rows of the compiled tables (kompilasi)
    archive: bool = False  # the archive record, built and serialised here (kompilasi)


CHECK_ONLY = Work()


def process_source(
    source: FormSource, settings: Pengaturan, work: Work = CHECK_ONLY, expected: Form | None = None
) -> FileResult:
    """Never raises for a bad workbook: the reason goes into `failure` (see `process_master`
    for the one workbook a job cannot do without). `expected`: the form it must be."""
    name = source.name
    try:
        digest = source.digest()
    except OSError as exc:
        error = XlkinerjaError(
            f"berkas tidak dapat dibuka ({exc}).",
            code=ErrorCode.BERKAS_TIDAK_DAPAT_DIBUKA,
            path=name,
        )
        return FileResult(path=name, sha256="", failure=error.record())
    try:
        data = source.read(expected)
    except XlkinerjaError as exc:
        return FileResult(path=name, sha256=digest, failure=exc.record())
    return _checked(name, digest, data, settings, work)


def process_master(master: FormSource, work: Work = CHECK_ONLY) -> FileResult:
    """The master workbook given to a job: as `process_source`, but a master that cannot be
    read (or is not a master) raises the reader's XlkinerjaError: the job cannot go on."""
    data = master.read(MASTER)
    return _checked(master.name, master.digest(), data, Pengaturan(), work)


def _checked(
    path: str, digest: str, data: FormData, settings: Pengaturan, work: Work
) -> FileResult:
    form, findings = normalise_form(data)
    unit = form.form.id == FormKind.UNIT
    per_ikk = capaian_per_ikk(form, settings.batas_atas_capaian) if unit else None
    findings.extend(per_file_checks(form, settings, per_ikk))
    result = FileResult(
        path=path,
        sha256=digest,
        form=form,
        findings=findings,
        rows_read={k: len(t) for k, t in data.tables.items()},
    )
    if unit and work.rekap:
        result.rekap = unit_rows(form, settings.batas_atas_capaian, per_ikk)
    if work.archive:
        # The archive's digest is over the content it keeps, not the file's bytes.
        encoded = encode_submission(submission(form, digest, data))
        result.archive = with_content_digest(encoded, digest)
    result.peak_rss_mb = peak_rss_mb()
    return result
