"""What a job over the whole institution is given, resolved once for every command:
unit and SKP workbooks with their master — files, or the latest versions in the archive —
(`Workbooks`), a compiled workbook (`CompiledRekap`), or a compiled model already in memory
(`CompiledModel`, the main job's). kompilasi, ekspor and the LKj each take one of these and
never ask where it came from; `resolve_input` turns a command's arguments into one, with
the same words for the same mistakes in every command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.jobs.ringkasan import collect_workbooks
from xlkinerja.sources.source import FormRead, FormSource, WorkbookFile
from xlkinerja.specs import FormKind, is_master

if TYPE_CHECKING:
    from xlkinerja.core.normal import NormalForm
    from xlkinerja.kompilasi.model import Kompilasi
    from xlkinerja.store.archive import Archive

COMPILED_KINDS = (FormKind.UNIT.value, FormKind.SKP.value)


@dataclass(frozen=True)
class FromArchive:
    """Where workbooks taken from the archive (`--dari-arsip`) came from."""

    location: str  # the archive, without a password
    tahun: int | None  # the year whose latest versions were taken (None: every year)
    versions: list[str]  # each workbook, e.g. "TI.xlsx (versi 3)"
    master: str | None = None  # the master's version, when it came from the archive too


@dataclass(frozen=True)
class Workbooks:
    """Unit and SKP workbooks compiled together with their master."""

    sources: list[FormSource]
    master: FormSource
    from_archive: FromArchive | None = None  # None: files

    @property
    def names(self) -> list[Path]:
        return [Path(s.name) for s in self.sources]

    def without(self, output: Path) -> Workbooks:
        """Without the file at `output` (an earlier rekap written among the workbooks)."""
        target = output.resolve()
        kept = [
            s
            for s in self.sources
            if not (isinstance(s, WorkbookFile) and s.path.resolve() == target)
        ]
        return replace(self, sources=kept)

    @property
    def file_count(self) -> int:
        """How many of them are workbook files (read by worker processes)."""
        return sum(isinstance(s, WorkbookFile) for s in self.sources)


@dataclass(frozen=True)
class CompiledRekap:
    """A compiled workbook (rekap-kinerja.xlsx, what kompilasi wrote), read back."""

    path: Path


@dataclass(frozen=True)
class CompiledModel:
    """A compiled institution already in memory, with its master (the main job's)."""

    kompilasi: Kompilasi
    master: NormalForm
    described: str


Input = Workbooks | CompiledRekap | CompiledModel


def workbook_files(paths: Iterable[Path], *, master: Path, skip: Sequence[Path] = ()) -> Workbooks:
    """The workbooks under `paths` (files or folders) with the master at `master`; the
    master itself and the files in `skip` (e.g. a rekap written into the same folder) are
    not among them."""
    left_out = {master.resolve(), *(p.resolve() for p in skip)}
    files = [p for p in collect_workbooks(paths) if p.resolve() not in left_out]
    return Workbooks(
        sources=[WorkbookFile(p) for p in files],
        master=WorkbookFile(master),
    )


def archived_workbooks(
    archive: Archive,
    *,
    master: Path | None = None,
    tahun: int | None = None,
    fallback: FormSource | None = None,
) -> Workbooks:
    """The latest version of every unit and SKP in `archive` of the year `tahun` (else the
    master's), with the master given — else the archive's latest master of that year, else
    `fallback` (an earlier year compiled with this year's master), else none: an error."""
    master_source, master_version = _archived_master(archive, master, tahun, fallback)
    return _latest(archive, master_source, master_version, tahun)


def archived_master(archive: Archive, given: Path | None, tahun: int | None) -> FormSource:
    """The master given, else the archive's latest of the year `tahun` (every year: None);
    none there is an error saying to give one."""
    return _archived_master(archive, given, tahun, None)[0]


def _latest(
    archive: Archive, master_source: FormSource, master_version: str | None, tahun: int | None
) -> Workbooks:
    if tahun is None:
        tahun = _year(master_source)
    infos = [i for i in archive.submissions(tahun=tahun) if i.kind in COMPILED_KINDS]
    versions = archive.restore(infos)
    source = FromArchive(
        location=archive.location,
        tahun=tahun,
        versions=[v.name for v in versions],
        master=master_version,
    )
    return Workbooks(
        sources=list(versions),
        master=master_source,
        from_archive=source,
    )


def _archived_master(
    archive: Archive, given: Path | None, tahun: int | None, fallback: FormSource | None
) -> tuple[FormSource, str | None]:
    """The master's source, and its version's name when it came from the archive."""
    from xlkinerja.store.errors import ArchiveError

    if given is not None:
        return WorkbookFile(given), None
    masters = [i for i in archive.submissions(tahun=tahun) if is_master(i.kind)]
    if not masters:
        if fallback is not None:
            return fallback, None
        year = f" tahun {tahun}" if tahun is not None else ""
        raise ArchiveError(
            f"arsip '{archive.location}' belum memuat workbook master{year}.",
            code=ErrorCode.ARSIP_MASTER_TIDAK_ADA,
            hint="Berikan workbook master dengan --master.",
        )
    (found,) = archive.restore(masters[:1])  # the archive keeps every master as one unit
    if found.data is None:
        if fallback is not None:
            return fallback, None
        raise ArchiveError(
            f"master di arsip ({found.name}): {found.error}",
            code=ErrorCode.ARSIP_MASTER_TIDAK_TERBACA,
            hint="Berikan workbook master dengan --master.",
        )
    return FormRead(found.data), found.name


def _year(master: FormSource) -> int | None:
    from xlkinerja.core.normal import MasterForm
    from xlkinerja.sources.source import expect
    from xlkinerja.specs import MASTER
    from xlkinerja.validation.normalise import normalise_form

    form: MasterForm = normalise_form(expect(master.read(), MASTER))[0]
    tahun = form.number("tahun")
    return int(tahun) if tahun is not None else None


class Accepts(Enum):
    """What a command takes besides the archive (`--dari-arsip`)."""

    WORKBOOKS = "workbook unit"  # unit and SKP workbooks with --master (kompilasi)
    REKAP = "workbook rekap"  # a compiled workbook (ekspor)
    EITHER = "rekap atau workbook unit"  # one compiled workbook, or workbooks (dokumen lkj)


@dataclass(frozen=True)
class Asked:
    """What a command was given to find its workbooks: files and folders (`paths`), or the
    archive (`from_archive`, with `tahun`), the master, the archive's place (`db`)."""

    paths: Sequence[Path]
    from_archive: bool = False
    master: Path | None = None
    tahun: int | None = None
    db: str | Path | None = None


def resolve_input(
    asked: Asked, accepts: Accepts, *, example: str, stage: Callable[[str], None] | None = None
) -> Input:
    """What the command's arguments name: the archive's latest versions (`--dari-arsip`),
    one compiled workbook, or workbooks with their master. Every mistake — both or neither
    given, a master or year where they mean nothing, a rekap among unit workbooks — is a
    usage error (exit 2) worded the same in every command. `stage`: what is done next, for
    users (reading the archive)."""
    paths, master, tahun, db = asked.paths, asked.master, asked.tahun, asked.db
    if asked.from_archive:
        if paths:
            raise XlkinerjaError(
                "berikan berkas ATAU --dari-arsip, tidak keduanya.",
                code=ErrorCode.OPSI_BERTENTANGAN,
                hint="Dengan --dari-arsip workbook diambil dari arsip.",
            )
        return latest_in_archive(db, master=master, tahun=tahun, stage=stage)
    if not paths:
        raise XlkinerjaError(
            f"belum ada {accepts.value} yang diberikan.",
            code=ErrorCode.OPSI_BELUM_DIBERIKAN,
            hint=f"Berikan {accepts.value}, atau --dari-arsip. Contoh: {example}",
        )
    if tahun is not None:
        raise XlkinerjaError(
            "--tahun hanya dipakai bersama --dari-arsip.",
            code=ErrorCode.OPSI_BERTENTANGAN,
            hint="Tahunnya adalah tahun di workbook master atau di rekap.",
        )
    if accepts is Accepts.REKAP:
        # with a rekap, --master and --db name the master for what needs its own data (the
        # Renstra import's targets and identity): given, else the archive's of its year
        return CompiledRekap(paths[0])  # what it is, the reading of it says
    if accepts is Accepts.EITHER:
        from xlkinerja.sources.rekap import is_rekap

        rekaps = [p for p in paths if is_rekap(p)]
        if len(rekaps) == 1 and len(paths) == 1:
            return CompiledRekap(rekaps[0])
        if rekaps:
            raise XlkinerjaError(
                f"'{rekaps[0].name}' adalah rekap hasil kompilasi: berikan rekap itu saja, "
                "atau workbook unit saja.",
                code=ErrorCode.OPSI_BERTENTANGAN,
            )
    if master is None:
        raise XlkinerjaError(
            "workbook master belum diberikan (opsi --master).",
            code=ErrorCode.MASUKAN_MASTER_TIDAK_ADA,
            hint=f"Contoh: {example}",
        )
    return workbook_files(paths, master=master)


def latest_in_archive(
    db: str | Path | None,
    *,
    master: Path | None = None,
    tahun: int | None = None,
    stage: Callable[[str], None] | None = None,
) -> Workbooks:
    """The latest version of every unit and SKP in the archive at `db` (see
    `archived_workbooks`), read with the collector paused."""
    from xlkinerja.runtime.collector import collector_paused
    from xlkinerja.store.archive import Archive

    with collector_paused(), Archive.open(db) as archive:
        if stage is not None:
            stage("Membaca arsip")
        return archived_workbooks(archive, master=master, tahun=tahun)


def described(given: Input) -> str:
    """Where a document's numbers came from, for people: the rekap, the model, the
    workbooks or the archive's latest versions."""
    if isinstance(given, CompiledRekap):
        return f"rekap {given.path.name}"
    if isinstance(given, CompiledModel):
        return given.described
    if given.from_archive is None:
        return f"{len(given.sources)} workbook"
    return f"arsip {given.from_archive.location}, {len(given.sources)} versi terakhir"
