"""Many workbooks read and checked together: the one pipeline of every job — validasi,
kompilasi, the LKj, ekspor, the tree, the ribbon's buttons and the server's — whatever the
workbooks' source (sources/source.py: files, an open workbook, the archive).

The master goes first (its settings — year, deadlines, cap — apply to every other file's
checks), then every other workbook through `process_source` (workbook files in worker
processes when there are many, see workers.py), then the checks across workbooks: the
pandera schemas over all rows of a kind at once and the cascade from the master down. Every
finding, one pass, ordered.
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

from xlkinerja.cascade.index import CascadeIndex, build_index
from xlkinerja.core.finding import Finding
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.jobs.checks import cascade_checks, schema_checks
from xlkinerja.jobs.master import find_master, master_among, settings_at_a_glance
from xlkinerja.jobs.per_file import CHECK_ONLY, FileResult, Work, process_master, process_source
from xlkinerja.jobs.workers import Progress, Stage, Submitted, process_all
from xlkinerja.runtime.forked import ForkedValue
from xlkinerja.sources.source import FormSource, WorkbookFile
from xlkinerja.validation.checks import sort_findings, without_superseded
from xlkinerja.validation.messages import error_finding


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
    sources: Sequence[FormSource],
    *,
    master: FormSource | None = None,
    pool: ProcessPoolExecutor | None = None,
    work: Work = CHECK_ONLY,
    report_master: bool = False,
    by_sheet: bool = True,
    progress: Progress | None = None,
    stage: Stage | None = None,
    schemas_meanwhile: bool = False,
    while_reading: Callable[[], None] | None = None,
) -> Checked:
    """Read and check `sources` together (workbook files in `pool`'s worker processes, the
    others here), with `master` when given (else one among them).
    `report_master`: the given master's own findings are reported too (kompilasi);
    `by_sheet`: findings ordered by file, sheet, cell (else by file and cell, as the
    compiled workbook's Temuan sheet has always listed them). A workbook that cannot be
    read is a finding (its error's code, sheet and cell), never the end of the job; a given master
    that cannot be read is (XlkinerjaError). `schemas_meanwhile`: the pandera schemas run
    in a child process (runtime/forked.py) while the caller goes on; the findings are
    complete after `Checked.all_findings()` (kompilasi aggregates meanwhile).
    `while_reading`: run in a thread once the master is read and the workers have the
    files (kompilasi imports what it needs next); it has ended before a child is forked
    (a module another thread is importing at the fork stays locked for ever in the
    child)."""
    tell = stage or _quiet
    found = find_master(sources) if master is None else None
    rest = [s for s in sources if s is not found]
    first, early = _read_master(master, found, rest, pool, work, tell, progress)
    settings = _settings(first)
    meanwhile = threading.Thread(target=while_reading or _nothing, daemon=True)
    meanwhile.start()
    done = _read_rest(rest, early, settings, pool, progress, work)
    if found is not None and first is not None:
        done[id(found)] = first
    results = [done[id(s)] for s in sources]
    if not _is_master(first):
        # No master recognisable from its properties: one found by reading is still used,
        # and the others are checked again with its settings.
        first, settings, results = _master_read_late(first, settings, results, sources, work)
    checked = Checked(
        results=results, master=first if _is_master(first) else None, settings=settings
    )
    tell("Memeriksa skema dan kaskade")
    meanwhile.join()  # before the schemas' child is forked (see the docstring)
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


def _quiet(_: str) -> None:
    pass


def _nothing() -> None:
    pass


def _read_master(
    master: FormSource | None,
    found: FormSource | None,
    rest: list[FormSource],
    pool: ProcessPoolExecutor | None,
    work: Work,
    tell: Stage,
    progress: Progress | None,
) -> tuple[FileResult | None, Submitted | None]:
    """The master's result first (given: it must be read; found among the sources: read
    like them), and the files handed to the workers meanwhile when they can start early."""
    if master is None:
        tell("Membaca dan memeriksa workbook")
        if found is None:
            return None, None
        first = process_source(found, Pengaturan(), work)
        if progress:
            progress(found.name)
        return first, None
    tell("Membaca master")
    early = _start_early(rest, master, pool, work)
    try:
        first = process_master(master, work)
    except BaseException:
        if early is not None:
            early.cancel()
        raise
    tell("Membaca dan memeriksa workbook")
    return first, early


def _read_rest(
    rest: list[FormSource],
    early: Submitted | None,
    settings: Pengaturan,
    pool: ProcessPoolExecutor | None,
    progress: Progress | None,
    work: Work,
) -> dict[int, FileResult]:
    """Every source's result by its id: the workbook files in the workers (those started
    early kept when the master's settings are the ones they started with), the others
    here."""
    files = [s for s in rest if isinstance(s, WorkbookFile)]
    if early is not None and early.settings == settings:
        read = early.collect(progress)
    else:  # not started early, or with settings that turned out otherwise (then again)
        if early is not None:
            early.cancel()
        read = process_all(files, settings, pool, progress, work)
    done = {id(s): r for s, r in zip(files, read, strict=True)}
    for source in rest:
        if id(source) not in done:
            done[id(source)] = process_source(source, settings, work)
    return done


def _master_read_late(
    first: FileResult | None,
    settings: Pengaturan,
    results: list[FileResult],
    sources: Sequence[FormSource],
    work: Work,
) -> tuple[FileResult | None, Pengaturan, list[FileResult]]:
    """The master among the workbooks already read (its property lost), and every other
    workbook checked again with its settings; the inputs as they were when there is none."""
    late_form = master_among(r.form for r in results if r.form is not None)
    late = next((r for r in results if r.form is late_form), None)
    if late is None:
        return first, settings, results
    settings = _settings(late)
    again = [
        process_source(s, settings, work) if r is not late and r.form is not None else r
        for s, r in zip(sources, results, strict=True)
    ]
    return late, settings, again


def _start_early(
    files: list[FormSource], master: FormSource, pool: ProcessPoolExecutor | None, work: Work
) -> Submitted | None:
    """The files handed to the workers before the master is read, with its settings read at a
    glance (jobs/master.py): the workers read while this process reads the master. None
    when there are no workers, no files or the settings cannot be read so."""
    ready = [f for f in files if isinstance(f, WorkbookFile)]
    if pool is None or not ready or not isinstance(master, WorkbookFile):
        return None
    settings = settings_at_a_glance(master.path)
    return Submitted(ready, settings, work, pool) if settings is not None else None


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
        if r.failure is not None:
            found.append(error_finding(r.path, r.failure))
        found.extend(r.findings)
    normal = checked.forms
    master_form = master.form if master is not None else None
    if master_form is not None:
        others = [n for n in normal if not n.is_master]
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


def _is_master(result: FileResult | None) -> bool:
    return result is not None and result.form is not None and result.form.is_master


def _settings(master: FileResult | None) -> Pengaturan:
    if not _is_master(master):
        return Pengaturan()
    assert master is not None and master.form is not None
    return Pengaturan.from_master(master.form)
