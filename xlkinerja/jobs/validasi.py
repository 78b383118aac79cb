"""Job `validasi`: read workbooks (files or folders), validate them together, and
optionally write the findings back into each workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from xlkinerja.errors import XlkinerjaError
from xlkinerja.form_data import FormData
from xlkinerja.io.reader import read_form
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.specs import MASTER
from xlkinerja.validation.finding import Finding, Severity
from xlkinerja.validation.messages import finding
from xlkinerja.validation.run import validate_forms

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
) -> ValidasiResult:
    result = ValidasiResult()
    datas: list[FormData] = []
    for path in collect_workbooks(paths):
        result.files.append(path)
        try:
            data = read_form(path)
        except XlkinerjaError as exc:
            result.findings.append(
                finding("berkas.tidak_terbaca", file=str(path), value=exc.user_message())
            )
        else:
            datas.append(data)
            result.forms[str(path)] = data.form.id
        if progress:
            progress(path)
    master_data = read_form(master, MASTER) if master is not None else None
    result.findings.extend(validate_forms(datas, master_data))
    if annotate:
        from xlkinerja.io.annotate import annotate_workbook

        for data in datas:
            written = annotate_workbook(data.path, result.of_file(data.path))
            result.annotated.append(written.path)
            result.backups.append(written.backup)
    return result
