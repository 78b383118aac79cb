"""Job `validasi`: read workbooks (files or folders), validate them together, and
optionally write the findings back into each workbook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlkinerja.core.finding import Finding, Severity
from xlkinerja.errors import ErrorCode, XlkinerjaError, heading
from xlkinerja.files.folder_lock import folders_locked
from xlkinerja.jobs.pipeline import check_workbooks
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.jobs.summary import SEVERITY_TONE, Column, Span, Summary, Tone, cell, count
from xlkinerja.jobs.workers import (
    Progress,
    Stage,
    worker_count,
    worker_pool,
)
from xlkinerja.runtime.collector import collector_paused
from xlkinerja.runtime.workers import collect_now_and_then
from xlkinerja.sources.source import WorkbookFile, workbook_files

if TYPE_CHECKING:
    from xlkinerja.render.annotate import AnnotateResult


@dataclass(frozen=True)
class AnnotateFailure:
    """A workbook whose findings could not be written into it (the others were)."""

    path: Path
    message: str  # Indonesian, naming the file
    code: ErrorCode


@dataclass
class ValidasiResult:
    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # file → form id
    annotated: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)
    failed: list[AnnotateFailure] = field(default_factory=list)  # --annotate, per file

    def of_file(self, path: Path) -> list[Finding]:
        return [f for f in self.findings if f.file == str(path)]

    def count(self, severity: Severity, path: Path | None = None) -> int:
        items = self.findings if path is None else self.of_file(path)
        return sum(f.severity == severity for f in items)

    @property
    def has_galat(self) -> bool:
        return self.count(Severity.GALAT) > 0

    def to_dict(self) -> dict[str, Any]:
        """Per file its kind and counts, and every finding (`validasi --format json`); with
        `gagal_ditandai` when --annotate could not write some files."""
        failed = {
            "gagal_ditandai": [
                {"berkas": str(f.path), "galat": f.message, "kode": f.code.value}
                for f in self.failed
            ]
        }
        return {
            "berkas": [
                {
                    "berkas": str(p),
                    "jenis": self.forms.get(str(p)),
                    "galat": self.count(Severity.GALAT, p),
                    "peringatan": self.count(Severity.PERINGATAN, p),
                }
                for p in self.files
            ],
            "temuan": [f.as_dict() for f in self.findings],
        } | (failed if self.failed else {})

    def report(self) -> Summary:
        """The counts per file, then every finding of each file with its fix."""
        out = Summary()
        out.table(
            "Hasil validasi",
            [
                Column("Berkas", no_wrap=True),
                Column("Jenis"),
                Column("Galat", right=True),
                Column("Peringatan", right=True),
            ],
            (
                [
                    cell(p.name),
                    cell(self.forms.get(str(p), "?")),
                    count(self.count(Severity.GALAT, p), Tone.GALAT),
                    cell(self.count(Severity.PERINGATAN, p)),
                ]
                for p in self.files
            ),
        )
        for path in self.files:
            items = self.of_file(path)
            if not items:
                continue
            out.line(Span(f"\n{path.name}", Tone.JUDUL))
            for item in items:
                out.line(
                    "  ",
                    Span(item.severity.value, SEVERITY_TONE[item.severity]),
                    " ",
                    Span(item.code, Tone.KODE),
                    f" {item.message} ",
                    Span(item.hint, Tone.SARAN),
                )
        return out

    def notes(self) -> Summary:
        out = Summary()
        for backup in self.backups:
            out.line(f"Cadangan berkas asli: {backup}")
        for failure in self.failed:
            out.line(
                Span(heading(failure.code, "Tidak ditandai"), Tone.GALAT), f" {failure.message}"
            )
        return out

    def summary(self) -> Summary:
        out = self.report()
        out.extend(self.notes())
        return out


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
    # With --annotate, one run at a time per folder: a second run waits for the first and
    # then reads the files as the first left them (see files/folder_lock.py).
    folders = {p.parent for p in result.files} if annotate else set()
    with (
        folders_locked(
            folders, waiting=lambda f: tell(f"Menunggu proses lain selesai menandai {f}")
        ) as busy,
        collector_paused(),
        worker_pool(worker_count(workers, len(result.files))) as pool,
    ):
        checked = check_workbooks(
            workbook_files(result.files),
            master=WorkbookFile(master) if master is not None else None,
            pool=pool,
            progress=progress,
            stage=tell,
        )
        result.findings = checked.findings
        result.forms = {n.file: n.form.id for n in checked.forms}
        if annotate:
            tell("Menulis temuan ke workbook")
            digests = {r.path: r.sha256 for r in checked.results}
            per_file: dict[str, list[Finding]] = {n.file: [] for n in checked.forms}
            for f in checked.findings:
                if f.file in per_file:
                    per_file[f.file].append(f)
            files, found = list(per_file), list(per_file.values())
            sums = [digests.get(f, "") for f in files]
            skipped = [Path(f).parent.resolve() in busy for f in files]
            args = (files, found, sums, skipped)
            done = pool.map(_in_worker, *args) if pool else map(_annotate, *args)
            for written in done:
                if isinstance(written, AnnotateFailure):
                    result.failed.append(written)
                else:
                    result.annotated.append(written.path)
                    result.backups.append(written.backup)
    return result


def _annotate(
    file: str, findings: list[Finding], sha256: str, busy: bool
) -> AnnotateResult | AnnotateFailure:
    """One workbook's findings written into it, or why not: one file that cannot be
    written never stops the others (nor the report of every finding)."""
    from xlkinerja.render.annotate import annotate_workbook

    path = Path(file)
    if busy:
        return AnnotateFailure(
            path,
            f"Berkas '{path.name}': folder ini sedang ditandai oleh proses xlkinerja lain; "
            "tidak ditandai. Jalankan validasi lagi setelah proses itu selesai.",
            ErrorCode.PENANDAAN_FOLDER_SIBUK,
        )
    try:
        return annotate_workbook(path, findings, expected_sha256=sha256 or None)
    except XlkinerjaError as exc:
        return AnnotateFailure(path, exc.user_message(), exc.code)
    except OSError as exc:
        return AnnotateFailure(
            path,
            f"Berkas '{path.name}': tidak dapat ditandai ({exc.strerror or exc}).",
            ErrorCode.PENANDAAN_TIDAK_DAPAT_DITULIS,
        )


def _in_worker(
    file: str, findings: list[Finding], sha256: str, busy: bool
) -> AnnotateResult | AnnotateFailure:
    collect_now_and_then()  # the collector is off in workers; annotating makes cycles
    return _annotate(file, findings, sha256, busy)
