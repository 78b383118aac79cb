"""Job `validasi`: read workbooks (files or folders), validate them together, and
optionally write the findings back into each workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.jobs.pipeline import check_workbooks
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.workers import (
    Stage,
    collect_now_and_then,
    collector_paused,
    worker_count,
    worker_pool,
)

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
    with collector_paused(), worker_pool(worker_count(workers, len(result.files))) as pool:
        checked = check_workbooks(
            result.files, master=master, pool=pool, progress=progress, stage=tell
        )
        result.findings = checked.findings
        result.forms = {n.file: n.form.id for n in checked.forms}
        if annotate:
            tell("Menulis temuan ke workbook")
            per_file: dict[str, list[Finding]] = {n.file: [] for n in checked.forms}
            for f in checked.findings:
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
