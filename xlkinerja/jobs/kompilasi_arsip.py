"""Job `kompilasi --dari-arsip`: the latest version of every unit's (and SKP) workbook in
the archive, compiled as `kompilasi` compiles files — the planning unit no longer collects
files once the units send their workbooks with `kirim`.

Each version is turned back into the form data the reader made of the workbook
(store/restore.py) and goes through the same pipeline and the same report as files do
(`kompilasi.write_report`); a version that cannot be given back exactly (sent with an older
template) is listed as unreadable, like a broken file. Nothing is recorded: the workbooks
come from the archive already.

The master: the one given, else the latest master in the archive (kompilasi of files
records the master it used; of the year asked for, when one is). The year: the one given,
else the master's; only the versions of that year are compiled (each unit's latest among
them). In the rekap, a workbook's "berkas" is its file name and version, e.g.
"TI-jurusan-teknik-informatika.xlsx (versi 3)".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from xlkinerja.core.form_data import FormData
from xlkinerja.files.atomic import refuse_folder
from xlkinerja.files.output_guard import check_report_target
from xlkinerja.jobs.kompilasi import (
    Clock,
    FromArchive,
    KompilasiResult,
    refuse_output_as_archive,
    write_report,
)
from xlkinerja.jobs.per_file import Work
from xlkinerja.jobs.pipeline import Checked, check_workbooks
from xlkinerja.jobs.workers import Stage
from xlkinerja.runtime.collector import collector_paused
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, FormKind
from xlkinerja.store.archive import Archive
from xlkinerja.store.errors import ArchiveError
from xlkinerja.validation.normalise import normalise_form

COMPILED_KINDS = (FormKind.UNIT.value, FormKind.SKP.value)


def compile_archive(
    *,
    output: Path,
    db: str | Path | None = None,
    master: Path | None = None,
    tahun: int | None = None,
    now: datetime | None = None,
    stage: Stage | None = None,
) -> KompilasiResult:
    """Compile the latest version of every unit and SKP in the archive at `db` into
    `output` (see the module docstring for the master and the year)."""
    tell = stage or (lambda _: None)
    refuse_folder(output)
    check_report_target(output)
    refuse_output_as_archive(output, db)
    now = now or datetime.now()
    clock = Clock()
    checked, source = check_archive(db=db, master=master, tahun=tahun, clock=clock, stage=tell)
    result = write_report(checked, output, now=now, clock=clock, stage=tell)
    result.files = [Path(name) for name in source.versions]
    result.recorded = False
    result.from_archive = source
    result.timings = clock.laps
    result.peaks_mb = clock.peaks_mb
    return result


def check_archive(
    *,
    db: str | Path | None,
    master: Path | None,
    tahun: int | None,
    clock: Clock | None = None,
    stage: Stage | None = None,
) -> tuple[Checked, FromArchive]:
    """The latest version of every unit and SKP in the archive, read and checked together
    as kompilasi checks files (`work=rekap`), and where they came from; what kompilasi and
    ekspor --dari-arsip make of them is theirs."""
    tell = stage or (lambda _: None)
    clock = clock or Clock()
    with collector_paused(), Archive.open(db) as archive:
        tell("Membaca arsip")
        master_data, master_version = _master(archive, master, tahun)
        if tahun is None:
            tahun = _year(master_data)
        infos = [i for i in archive.submissions(tahun=tahun) if i.kind in COMPILED_KINDS]
        restored = archive.restore(infos)
        location = archive.location
    clock.lap("arsip")
    checked = check_workbooks(
        [],
        books=[r.data for r in restored if r.data is not None],
        unreadable=[(r.name, r.error or "") for r in restored if r.data is None],
        master=master_data,
        work=Work(rekap=True),
        report_master=True,
        by_sheet=False,
        stage=tell,
    )
    clock.lap("skema_dan_kaskade")
    source = FromArchive(
        location=location,
        tahun=tahun,
        versions=[r.name for r in restored],
        master=master_version,
    )
    return checked, source


def _master(archive: Archive, given: Path | None, tahun: int | None) -> tuple[FormData, str | None]:
    """The master's form data, and its version's name when it came from the archive."""
    if given is not None:
        return read_form(given, MASTER), None
    masters = [i for i in archive.submissions(tahun=tahun) if i.kind == FormKind.MASTER.value]
    if not masters:
        year = f" tahun {tahun}" if tahun is not None else ""
        raise ArchiveError(
            f"arsip '{archive.location}' belum memuat workbook master{year}.",
            hint="Berikan workbook master dengan --master.",
        )
    (found,) = archive.restore(masters[:1])  # the archive keeps every master as one unit
    if found.data is None:
        raise ArchiveError(
            f"master di arsip ({found.name}): {found.error}",
            hint="Berikan workbook master dengan --master.",
        )
    return found.data, found.name


def _year(master: FormData) -> int | None:
    tahun = normalise_form(master)[0].number("tahun")
    return int(tahun) if tahun is not None else None
