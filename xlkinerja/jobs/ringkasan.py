"""Job `baca`: read workbooks and summarise what they hold (rows per table)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xlkinerja.domain.values import as_text
from xlkinerja.errors import ErrorCode, XlkinerjaError, heading
from xlkinerja.files.backup import BACKUP_FOLDER
from xlkinerja.jobs.summary import Column, Span, Summary, Tone, cell
from xlkinerja.sources.source import WorkbookFile
from xlkinerja.specs import FormKind, is_master

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True)
class WorkbookSummary:
    path: Path
    form_id: FormKind
    form_title: str
    subject: str  # the unit, the employee, or the institution
    rows: dict[str, int]

    def as_dict(self) -> dict[str, object]:
        return {
            "berkas": str(self.path),
            "jenis": self.form_id,
            "judul": self.form_title,
            "subjek": self.subject,
            "baris": self.rows,
        }


@dataclass(frozen=True)
class UnreadableWorkbook:
    path: Path
    message: str
    code: ErrorCode

    def as_dict(self) -> dict[str, object]:
        return {"berkas": str(self.path), "galat": self.message, "kode": self.code.value}


@dataclass
class ReadResult:
    summaries: list[WorkbookSummary] = field(default_factory=list)
    unreadable: list[UnreadableWorkbook] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unreadable

    def to_dict(self) -> dict[str, Any]:
        return {
            "workbook": [s.as_dict() for s in self.summaries],
            "tidak_terbaca": [u.as_dict() for u in self.unreadable],
        }

    def summary(self) -> Summary:
        out = Summary()
        out.table(
            "Workbook yang dibaca",
            [
                Column("Berkas", no_wrap=True),
                Column("Jenis"),
                Column("Unit/pegawai"),
                Column("Baris per tabel"),
            ],
            (
                [
                    cell(s.path.name),
                    cell(s.form_id),
                    cell(s.subject),
                    cell(", ".join(f"{k} {v}" for k, v in s.rows.items())),
                ]
                for s in self.summaries
            ),
        )
        for bad in self.unreadable:
            out.line(Span(heading(bad.code, "Tidak terbaca"), Tone.GALAT), f" {bad.message}")
        return out

    def notes(self) -> Summary:
        return Summary()


def collect_workbooks(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and folders searched recursively (Excel lock files, hidden files —
    among them the temporary `.NAME-xxxx.xlsx` of a write that was killed — and the
    backups Validasi keeps in cadangan-xlkinerja/ skipped). A file reached twice (a folder
    and a file in it, a symbolic link and its target, two spellings of one path) is listed
    once, where it was first met. A symbolic link to a file is followed; one to a folder is
    not searched; a link that points to itself, round in a loop, is a usage error."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        for candidate in _candidates(path):
            key = _resolved(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _candidates(path: Path) -> list[Path]:
    if not path.exists() and not path.is_symlink():  # a looping link: _resolved says so
        raise XlkinerjaError(
            "berkas atau folder ini tidak ada.",
            code=ErrorCode.MASUKAN_BERKAS_TIDAK_ADA,
            path=path,
            hint="Periksa ejaan dan foldernya (nama berkas dengan spasi ditulis dalam tanda "
            "kutip).",
        )
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.suffix.lower() in WORKBOOK_SUFFIXES
        and not p.name.startswith(("~$", "."))
        and BACKUP_FOLDER not in p.relative_to(path).parts
    )


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError: a loop (Python < 3.13)
        raise XlkinerjaError(
            "tautan simbolik (symlink) ini menunjuk dirinya sendiri atau berputar (loop); "
            "berkasnya tidak ada.",
            code=ErrorCode.BERKAS_TAUTAN_BERPUTAR,
            path=path,
            hint="Hapus tautan itu atau arahkan ke workbook yang sebenarnya.",
        ) from exc


def _subject(form_id: str, fields: dict[str, str | None]) -> str:
    if is_master(form_id):
        return fields.get("nama_instansi") or ""
    if form_id == FormKind.UNIT:
        return f"{fields.get('kode_unit') or '?'} · {fields.get('nama_unit') or ''}"
    return f"{fields.get('nama') or '?'} ({fields.get('nip') or ''})"


def read_workbooks(
    paths: Iterable[Path], progress: Callable[[Path], None] | None = None
) -> ReadResult:
    result = ReadResult()
    for path in collect_workbooks(paths):
        try:
            data = WorkbookFile(path).read()
        except XlkinerjaError as exc:
            result.unreadable.append(UnreadableWorkbook(path, exc.user_message(), exc.code))
        else:
            fields = {k: as_text(c.value) for k, c in data.fields.items()}
            result.summaries.append(
                WorkbookSummary(
                    path=path,
                    form_id=data.form.id,
                    form_title=data.form.title,
                    subject=_subject(data.form.id, fields),
                    rows={k: len(t) for k, t in data.tables.items()},
                )
            )
        if progress:
            progress(path)
    return result
