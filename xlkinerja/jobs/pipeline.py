"""Many workbooks read and checked together: the one pipeline of validasi and kompilasi
(and, next, the ribbon and the server).

The master goes first (its settings — year, deadlines, cap — apply to every other file's
checks), then every other file through `process_file` (worker processes when there are
many, see workers.py), then the checks across files: the pandera schemas over all rows of
a kind at once and the cascade from the master down. Every finding, one pass, ordered.
With workers and a master file given, the workers start on the files with the settings
read from the master's header while the master is read whole (0.3 s for 1,000 units);
should these differ from the whole master's, the files are read again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from xlkinerja.cascade.index import CascadeIndex, build_index
from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding
from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.jobs.checks import cascade_checks, schema_checks
from xlkinerja.jobs.master import find_master, master_among, settings_at_a_glance
from xlkinerja.jobs.per_file import (
    CHECK_ONLY,
    FileResult,
    Work,
    process_data,
    process_file,
    process_master,
)
from xlkinerja.jobs.workers import Progress, Stage, Submitted, process_all
from xlkinerja.runtime.forked import ForkedValue
from xlkinerja.specs import FormKind
from xlkinerja.validation.checks import sort_findings, without_superseded
from xlkinerja.validation.messages import finding


@dataclass(frozen=True)
class _Pending:
    schemas: ForkedValue[list[Finding]]  # the pandera schemas' findings, being computed
    finish: Callable[[], list[Finding]]  # every finding, once they are there


@dataclass
class Checked:
    """Workbooks read and checked together."""

    results: list[FileResult]  # one per file given, in that order (a given master apart)
    master: FileResult | None  # the master's, given or found among the files
    settings: Pengaturan
    findings: list[Finding] = field(default_factory=list)  # every finding, ordered
    index: CascadeIndex | None = None  # the cascade across the files (with a master)
    # With `schemas_meanwhile`: the findings are being completed (the schemas run in a child
    # process); `all_findings()` waits for them and fills `findings`.
    pending: _Pending | None = None

    def all_findings(self) -> list[Finding]:
        if self.pending is not None:
            self.findings, self.pending = self.pending.finish(), None
        return self.findings

    def abandon(self) -> None:
        """The findings are not wanted after all (the job failed): stop their child."""
        if self.pending is not None:
            self.pending.schemas.close()
            self.pending = None

    @property
    def forms(self) -> list[NormalForm]:
        """The forms read, in the order of the files."""
        return [r.form for r in self.results if r.form is not None]


def check_workbooks(
    files: Sequence[Path],
    *,
    books: Sequence[FormData] = (),
    unreadable: Sequence[tuple[str, str]] = (),
    master: Path | FormData | None = None,
    pool: ProcessPoolExecutor | None = None,
    work: Work = CHECK_ONLY,
    report_master: bool = False,
    by_sheet: bool = True,
    progress: Progress | None = None,
    stage: Stage | None = None,
    schemas_meanwhile: bool = False,
    while_reading: Callable[[], None] | None = None,
) -> Checked:
    """Read and check `files` together, and `books` (workbooks read another way: open in
    Excel, from the archive) with them, `unreadable` (workbooks another way could not read:
    name and reason) reported like a file that cannot be read; `master` when given (else
    one among the files),
    `report_master`: the given master's own findings are reported too (kompilasi);
    `by_sheet`: findings ordered by file, sheet, cell (else by file and cell, as the
    compiled workbook's Temuan sheet has always listed them). A file
    that cannot be read is a finding (`berkas.tidak_terbaca`), never the end of the job; a
    given master that cannot be read is (XlkinerjaError). `schemas_meanwhile`: the pandera
    schemas run in a child process (runtime/forked.py) while the caller goes on; the findings
    are complete after `Checked.all_findings()` (kompilasi aggregates meanwhile).
    `while_reading`: run in a thread once the master is read and the workers have the
    files (kompilasi imports what it needs next)."""
    tell = stage or (lambda _: None)
    master_path = find_master(files) if master is None else None
    rest = [p for p in files if p != master_path]
    first: FileResult | None = None
    early: Submitted | None = None
    if master is not None:
        tell("Membaca master")
        early = _start_early(rest, master, pool, work)
        try:
            first = process_master(master, work)
        except BaseException:
            if early is not None:
                early.cancel()
            raise
        tell("Membaca dan memeriksa workbook")
    elif master_path is not None:
        tell("Membaca dan memeriksa workbook")
        first = process_file(str(master_path), Pengaturan(), work)
        if progress:
            progress(master_path)
    else:
        tell("Membaca dan memeriksa workbook")
    settings = _settings(first)
    if while_reading is not None:
        threading.Thread(target=while_reading, daemon=True).start()
    if early is not None and early.settings == settings:
        done = early.collect(progress)
    else:  # not started early, or with settings that turned out otherwise (then again)
        if early is not None:
            early.cancel()
        done = process_all(rest, settings, pool, progress, work)
    by_path = {str(r.path): r for r in done}
    if master is None and first is not None:
        by_path[first.path] = first
    results = [by_path[str(p)] for p in files]
    results += [process_data(data, settings, work) for data in books]
    results += [FileResult(path=name, sha256="", error=why) for name, why in unreadable]
    if first is None or first.form is None or first.form.form.id != FormKind.MASTER:
        # No master recognisable from its properties: one found by reading is still used,
        # and the others are checked again with its settings.
        late_form = master_among(r.form for r in results if r.form is not None)
        late = next((r for r in results if r.form is late_form), None)
        if late is not None:
            first, settings = late, _settings(late)
            results = [_again(r, settings, work, books) if r is not late else r for r in results]
    found = first if first is not None and _is_master(first) else None
    checked = Checked(results=results, master=found, settings=settings)
    tell("Memeriksa skema dan kaskade")
    pending = _findings(
        checked,
        given=master is not None,
        report_master=report_master,
        by_sheet=by_sheet,
        schemas_meanwhile=schemas_meanwhile,
    )
    if schemas_meanwhile:
        checked.pending = pending
    else:
        checked.findings = pending.finish()
    return checked


def _start_early(
    files: list[Path], master: Path | FormData, pool: ProcessPoolExecutor | None, work: Work
) -> Submitted | None:
    """The files handed to the workers before the master is read, with its settings read at a
    glance (jobs/master.py): the workers read while this process reads the master. None
    when there are no workers or the settings cannot be read so."""
    if pool is None or not files or not isinstance(master, Path):
        return None
    settings = settings_at_a_glance(master)
    return Submitted(files, settings, work, pool) if settings is not None else None


def _findings(
    checked: Checked, *, given: bool, report_master: bool, by_sheet: bool, schemas_meanwhile: bool
) -> _Pending:
    """What completes the findings: the schemas' (computed by a child process from now on
    with `schemas_meanwhile`), with the per-file and cascade findings made here."""
    found: list[Finding] = []
    master = checked.master
    if given and report_master and master is not None:
        found.extend(master.findings)
    for r in checked.results:
        if r.error is not None:
            reason = r.error_reason or r.error
            found.append(finding(Code.BERKAS_TIDAK_TERBACA, file=r.path, value=reason))
        found.extend(r.findings)
    normal = checked.forms
    master_form = master.form if master is not None else None
    if master_form is not None:
        others = [n for n in normal if n.form.id != FormKind.MASTER]
        checked.index = build_index(master_form, others)
        if given:
            normal = [master_form, *normal] if report_master else normal
    if schemas_meanwhile:
        import xlkinerja.validation.schema  # noqa: F401  (imported here: the child never imports)
    schema = ForkedValue(partial(schema_checks, normal), fork=schemas_meanwhile)
    try:
        cascade = cascade_checks(normal, master_form, checked.index)
    except BaseException:
        schema.close()
        raise
    forms = [*normal, *([master_form] if master_form is not None else [])]
    order = {n.file: {s.name: i for i, s in enumerate(n.form.sheets)} for n in forms}

    def finish() -> list[Finding]:
        done = without_superseded([*found, *schema.result()], cascade) + cascade
        sort_findings(done, order if by_sheet else {})
        return done

    return _Pending(schema, finish)


def _is_master(result: FileResult) -> bool:
    return result.form is not None and result.form.form.id == FormKind.MASTER


def _settings(master: FileResult | None) -> Pengaturan:
    if master is None or master.form is None or master.form.form.id != FormKind.MASTER:
        return Pengaturan()
    return Pengaturan.from_master(master.form)


def _again(
    result: FileResult, settings: Pengaturan, work: Work, books: Sequence[FormData]
) -> FileResult:
    """The file's per-file work again, with the master's settings."""
    if result.form is None:
        return result
    data = next((d for d in books if str(d.path) == result.path), None)
    if data is not None:
        return process_data(data, settings, work, result.sha256)
    return process_file(result.path, settings, work)
