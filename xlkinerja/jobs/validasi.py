"""Job `validasi`: read workbooks (files or folders), validate them together, and
optionally write the findings back into each workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xlkinerja.core.codes import Code
from xlkinerja.core.finding import Finding, Severity
from xlkinerja.core.normal import NormalForm
from xlkinerja.core.settings import Pengaturan
from xlkinerja.io.reader import read_form
from xlkinerja.io.template_id import template_id
from xlkinerja.jobs.checks import cross_file_checks
from xlkinerja.jobs.pipeline import FileResult, process_file
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.workers import (
    Stage,
    collect_now_and_then,
    collector_paused,
    process_all,
    worker_count,
    worker_pool,
)
from xlkinerja.specs import MASTER
from xlkinerja.validation.checks import sort_findings, without_superseded
from xlkinerja.validation.messages import finding
from xlkinerja.validation.normalise import normalise_form

if TYPE_CHECKING:
    from xlkinerja.io.annotate import AnnotateResult

Progress = Callable[[Path], None]


@dataclass
class ValidasiResult:
    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # file → form id
    annotated: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)

    def of_file(self, path: Path) -> list[Finding]:
        return [f for f in self.findings if f.file == str(path)]

    def count(self, severity: Severity, path: Path | None = None) -> int:
        items = self.findings if path is None else self.of_file(path)
        return sum(f.severity == severity for f in items)

    @property
    def has_galat(self) -> bool:
        return self.count(Severity.GALAT) > 0


def validate_paths(
    paths: Iterable[Path],
    *,
    master: Path | None = None,
    annotate: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
    stage: Stage | None = None,
) -> ValidasiResult:
    """Validate the workbooks under `paths` together. Each file is read, normalised and
    checked on its own (in worker processes when there are many, as kompilasi does), then
    the schemas and the cascade run over all of them; with `annotate` the findings are
    written into each workbook (its original kept in cadangan-xlkinerja/). `progress` is
    called per workbook read, `stage` with what the job does next (Indonesian, for users)."""
    tell = stage or (lambda _: None)
    result = ValidasiResult(files=collect_workbooks(paths))
    given = normalise_form(read_form(master, MASTER))[0] if master is not None else None
    # The master among the files is read first: its settings apply to the others' checks.
    among = None if given else next((p for p in result.files if _is_master(p)), None)
    with collector_paused(), worker_pool(worker_count(workers, len(result.files))) as pool:
        tell("Membaca dan memeriksa workbook")
        first = [process_file(str(among), Pengaturan())] if among is not None else []
        if among is not None and progress:
            progress(among)
        settings = _settings(given or (first[0].form if first else None))
        rest = [p for p in result.files if p != among]
        by_path = {r.path: r for r in [*first, *process_all(rest, settings, pool, progress)]}
        ordered = [by_path[str(p)] for p in result.files]
        normal = [r.form for r in ordered if r.form is not None]
        found_master = given or next((n for n in normal if n.form.id == "master"), None)
        if found_master is not None and given is None and among is None:
            # Not recognisable from its properties: check the others again with its settings.
            ordered = [_recheck(r, found_master) for r in ordered]
            normal = [r.form for r in ordered if r.form is not None]
        findings: list[Finding] = []
        for r in ordered:
            if r.error is not None:
                findings.append(finding(Code.BERKAS_TIDAK_TERBACA, file=r.path, value=r.error))
            elif r.form is not None:
                result.forms[r.path] = r.form.form.id
                findings.extend(r.findings)
        tell("Memeriksa skema dan kaskade")
        schema, cascade = cross_file_checks(normal, found_master)
        findings = without_superseded([*findings, *schema], cascade) + cascade
        order = {n.file: {s.name: i for i, s in enumerate(n.form.sheets)} for n in normal}
        sort_findings(findings, order)
        result.findings = findings
        if annotate:
            tell("Menulis temuan ke workbook")
            per_file: dict[str, list[Finding]] = {n.file: [] for n in normal}
            for f in findings:
                if f.file in per_file:
                    per_file[f.file].append(f)
            files, found = list(per_file), list(per_file.values())
            done = pool.map(_in_worker, files, found) if pool else map(_annotate, files, found)
            for written in done:
                result.annotated.append(written.path)
                result.backups.append(written.backup)
    return result


def _annotate(file: str, findings: list[Finding]) -> AnnotateResult:
    from xlkinerja.io.annotate import annotate_workbook

    return annotate_workbook(Path(file), findings)


def _in_worker(file: str, findings: list[Finding]) -> AnnotateResult:
    collect_now_and_then()  # the collector is off in workers; annotating makes cycles
    return _annotate(file, findings)


def _is_master(path: Path) -> bool:
    return template_id(path) == "master"


def _settings(master: NormalForm | None) -> Pengaturan:
    if master is None or master.form.id != "master":
        return Pengaturan()
    return Pengaturan.from_master(master)


def _recheck(r: FileResult, master: NormalForm) -> FileResult:
    """The file's per-file work again, with the master's settings."""
    if r.form is None or r.form is master:
        return r
    return process_file(r.path, Pengaturan.from_master(master))
