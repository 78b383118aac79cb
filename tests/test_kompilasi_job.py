"""Kompilasi of the sample institution: status, accounting of every row, archive versions."""

import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests import lo
from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.core.finding import Severity
from xlkinerja.core.form_data import FormValues
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.render.template.writer import write_template
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import UNIT
from xlkinerja.store.archive import Archive

MASTER = SAMPLE / MASTER_FILE


@pytest.fixture
def kiriman(tmp_path: Path) -> Path:
    """The sample's submissions plus one broken file, as the planning unit receives them."""
    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "master-*"))
    (folder / "BAAK-bagian-akademik.xlsx").write_bytes(b"bukan workbook")
    return folder


@pytest.fixture
def compiled(kiriman: Path, tmp_path: Path):
    return compile_workbooks(
        workbook_files([kiriman], master=MASTER),
        output=tmp_path / "rekap.xlsx",
        db=tmp_path / "arsip.sqlite",
        now=datetime(2025, 4, 10, 9, 0),
    )


def test_status_shows_late_missing_unreadable_and_galat(compiled):
    status = {s.kode_unit: s for s in compiled.kompilasi.status}
    assert status["AK"].terlambat and not status["TI"].terlambat
    assert status["TI"].galat > 0 and status["P3M"].galat == 0
    assert status["BAAK"].terbaca is False  # its file arrived but cannot be read
    assert "BAAK-bagian-akademik.xlsx" in status["BAAK"].alasan
    assert [(Path(u.berkas).name, u.kode) for u in compiled.kompilasi.tidak_terbaca] == [
        ("BAAK-bagian-akademik.xlsx", ErrorCode.BERKAS_BUKAN_WORKBOOK)
    ]
    # A finding too, of its error's own code.
    assert [
        (Path(f.file).name, f.code, f.severity)
        for f in compiled.kompilasi.temuan
        if f.code.startswith("berkas.")
    ] == [("BAAK-bagian-akademik.xlsx", ErrorCode.BERKAS_BUKAN_WORKBOOK, Severity.GALAT)]
    assert compiled.has_galat


def test_every_row_read_is_accounted_for(compiled):
    k = compiled.kompilasi
    read, written = k.baris_dibaca, k.baris_ditulis
    uncovered = int(k.rekap_pk["kode_ikk"].isna().sum())
    assert written["rekap_pk"] == read["pk"] + uncovered  # + the IKU nobody derived
    assert written["rekap_ra"] == read["ra"]
    assert written["anggaran"] == read["anggaran"]
    assert written["capaian_ikk"] == read["capaian"]
    assert written["temuan"] == len(k.temuan)


def test_compiled_workbook_has_the_report_sheets(compiled):
    wb = openpyxl.load_workbook(compiled.output)
    assert {
        "Status Pengumpulan",
        "Rekap PK",
        "Rekap Rencana Aksi",
        "Rekap Capaian",
        "Pohon Kinerja",
        "Temuan",
    } <= set(wb.sheetnames)


def test_archive_versions_and_changes(compiled, kiriman: Path, tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    with Archive.open(db) as archive:
        first = {v.unit: v.version for v in archive.submissions()}
    assert first["TI"] == 1 and first["master"] == 1
    assert compiled.archived == len(first)
    # Same files again: nothing new.
    again = compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    assert again.archived == 0
    # TI changes a target: a new version, the old one kept, and the change is visible.
    ti = kiriman / "TI-jurusan-teknik-informatika.xlsx"
    values = FormValues.from_form_data(read_form(ti))
    pk = [dict(r) for r in values.tables["pk"]]
    pk[0]["target"] = 80
    write_template(UNIT, ti, replace(values, tables={**values.tables, "pk": pk}))
    changed = compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    assert changed.archived == 1
    with Archive.open(db) as archive:
        assert [v.version for v in archive.versions("TI")] == [1, 2]
        targets = archive.target_changes("TI", 1, 2)
        cells = archive.diff("TI", 1, 2)
    assert any(t.code == "IKK-TI-1" and t.old == 78 and t.new == 80 for t in targets)
    assert any(c.cell.startswith("PK!G") and c.old == 78 and c.new == 80 for c in cells)


def test_the_per_file_work_makes_no_reference_cycles(kiriman: Path):
    """kompilasi workers run with the cyclic collector off: reading, checking and
    serialising a workbook (or failing to) must leave nothing only the collector frees."""
    import gc
    import pickle

    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs.per_file import Work, process_source
    from xlkinerja.sources.source import WorkbookFile
    from xlkinerja.validation.normalise import normalise_form

    settings = Pengaturan.from_master(normalise_form(read_form(MASTER))[0])
    files = [WorkbookFile(p) for p in sorted(kiriman.glob("*.xlsx"))]
    pickle.dumps(
        process_source(files[0], settings, Work(rekap=True, archive=True))
    )  # first-call caches are not garbage
    gc.collect()
    gc.disable()
    try:
        results = [
            pickle.dumps(process_source(f, settings, Work(rekap=True, archive=True))) for f in files
        ]
        found = gc.collect()
    finally:
        gc.enable()
    assert len(results) == len(files) > 8
    assert found == 0


@pytest.mark.lambat  # Python in subprocesses
def test_workers_start_without_the_heavy_libraries():
    """A kompilasi worker imports the per-file code only: no pandas, pandera, SQLAlchemy,
    XlsxWriter... (importing them took ~0.5–1 s before the first workbook was read)."""

    heavy = "{'pandas', 'pandera', 'sqlalchemy', 'xlsxwriter', 'matplotlib', 'openpyxl'}"
    # The per-file code, and the CLI (the `xlkinerja` script is the workers' main module,
    # which multiprocessing imports again in each of them).
    for module in ("xlkinerja.jobs.workers", "xlkinerja.jobs.validasi", "xlkinerja.cli"):
        code = f"import sys, {module}; print(sorted({heavy} & set(sys.modules)))"
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert run.stdout.strip() == "[]", (module, run.stdout, run.stderr)


@pytest.mark.lambat  # spawned workers: fresh Python processes
def test_workers_started_by_spawn_give_the_same_results(kiriman: Path):
    """Windows has no forkserver: workers are spawned there (fresh interpreters that import
    the per-file code themselves). The results must not depend on it."""
    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs.per_file import Work
    from xlkinerja.jobs.workers import process_all, worker_pool
    from xlkinerja.sources.source import workbook_files
    from xlkinerja.validation.normalise import normalise_form

    settings = Pengaturan.from_master(normalise_form(read_form(MASTER))[0])
    files = workbook_files(sorted(kiriman.glob("*.xlsx")))
    with worker_pool(2, "spawn") as pool:
        assert pool is not None
        spawned = process_all(files, settings, pool, work=Work(rekap=True, archive=True))
    alone = process_all(files, settings, None, work=Work(rekap=True, archive=True))

    def summary(results):
        return [(r.path, r.error, [f.code for f in r.findings], r.archive) for r in results]

    assert summary(spawned) == summary(alone)
    assert sum(r.archive is not None for r in spawned) == len(files) - 1  # one is broken


def test_users_are_told_what_the_job_does_after_the_files(kiriman: Path, tmp_path: Path):
    """After the last workbook is read there are seconds of work left (on 1,000 files):
    the progress bar says which."""
    told: list[str] = []
    compile_workbooks(workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", record=False, stage=told.append)  # fmt: skip
    assert told == [
        "Membaca master",
        "Membaca dan memeriksa workbook",
        "Memeriksa skema dan kaskade",
        "Menyusun rekap",
        "Menulis workbook rekap",
    ]


class _DiesInWorker:
    """Settings that end the worker process that unpickles them (as an out-of-memory kill
    or a crash in a native reader would)."""

    def __reduce__(self):
        import os

        return (os._exit, (3,))


def test_a_worker_that_dies_is_a_clear_error(kiriman: Path):
    from xlkinerja.jobs.workers import process_all, worker_pool
    from xlkinerja.sources.source import workbook_files

    files = workbook_files(sorted(kiriman.glob("*.xlsx")))
    with worker_pool(2) as pool, raises(ErrorCode.LINGKUNGAN_PEMBACA_BERHENTI):
        process_all(files, _DiesInWorker(), pool)  # type: ignore[arg-type]


@pytest.mark.libreoffice
def test_a_libreoffice_resave_with_the_same_values_is_no_new_version(kiriman: Path, tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    ti = kiriman / "TI-jurusan-teknik-informatika.xlsx"
    resaved = lo.convert([ti], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path / "p")[0]
    assert resaved.read_bytes() != ti.read_bytes()  # other bytes, the same values
    shutil.copy(resaved, ti)
    again = compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    assert again.archived == 0
    with Archive.open(db) as archive:
        assert [v.version for v in archive.versions("TI")] == [1]


def test_an_archive_of_file_digests_records_no_new_version_of_an_unchanged_file(
    kiriman: Path, tmp_path: Path
):
    """Archives written before the content digest hold the sha256 of the file's bytes:
    compiling the same files after the upgrade is no new version either."""
    import hashlib

    import sqlalchemy as sa

    db = tmp_path / "arsip.sqlite"
    compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    files = {p.name: p for p in [*kiriman.glob("*.xlsx"), MASTER]}
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        rows = conn.execute(sa.text("SELECT id, file_name FROM archive_submissions")).all()
        for sid, name in rows:
            old = hashlib.sha256(files[Path(name).name].read_bytes()).hexdigest()
            conn.execute(
                sa.text("UPDATE archive_submissions SET sha256 = :s WHERE id = :i"),
                {"s": old, "i": sid},
            )
    engine.dispose()
    again = compile_workbooks(
        workbook_files([kiriman], master=MASTER), output=tmp_path / "rekap.xlsx", db=db
    )
    assert again.archived == 0


def _findings_by_file(result):
    return sorted((Path(f.file).name, f.code, f.cell or "") for f in result.kompilasi.temuan)


def test_the_masters_settings_at_a_glance_are_those_of_the_whole_master(kiriman: Path):
    """The workers start on the files with the settings read from the master's header
    alone, while the master is read whole: they must be the same settings."""
    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs.master import settings_at_a_glance
    from xlkinerja.validation.normalise import normalise_form

    whole = Pengaturan.from_master(normalise_form(read_form(MASTER))[0])
    assert whole.tahun is not None and whole.batas_pk is not None
    assert settings_at_a_glance(MASTER) == whole
    assert settings_at_a_glance(kiriman / "BAAK-bagian-akademik.xlsx") is None  # unreadable
    unit = next(p for p in sorted(kiriman.glob("*.xlsx")) if p.name != "BAAK-bagian-akademik.xlsx")
    assert settings_at_a_glance(unit) is None  # not a master


def test_files_started_with_other_settings_than_the_masters_are_checked_again(
    kiriman: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Should the settings at a glance differ from the master's (they cannot, by the test
    above; a later change could), the files are read again with the master's."""
    from datetime import date

    from xlkinerja.core.settings import Pengaturan
    from xlkinerja.jobs import pipeline

    def run(name: str):
        return compile_workbooks(workbook_files([kiriman], master=MASTER), output=tmp_path / name, record=False, workers=2, now=datetime(2025, 4, 10, 9, 0))  # fmt: skip

    right = run("rekap-1.xlsx")
    wrong = Pengaturan(tahun=2019, batas_pk=date(2019, 1, 1), batas_atas_capaian=10.0)
    monkeypatch.setattr(pipeline, "settings_at_a_glance", lambda _: wrong)
    again = run("rekap-2.xlsx")
    assert _findings_by_file(again) == _findings_by_file(right)
    pd_testing = pytest.importorskip("pandas.testing")
    pd_testing.assert_frame_equal(again.kompilasi.capaian_ikk, right.kompilasi.capaian_ikk)
    # and the wrong settings would have shown: the files' own results differ with them
    from xlkinerja.jobs.per_file import Work
    from xlkinerja.jobs.workers import process_all
    from xlkinerja.sources.source import workbook_files as sources_of
    from xlkinerja.validation.normalise import normalise_form

    def results(settings: Pengaturan):
        files = sources_of(sorted(kiriman.glob("*.xlsx")))
        done = process_all(files, settings, None, work=Work(rekap=True))
        return [(r.findings, r.rekap) for r in done]

    assert results(wrong) != results(Pengaturan.from_master(normalise_form(read_form(MASTER))[0]))


def test_a_master_that_fails_after_the_files_were_handed_out_stops_the_job(
    kiriman: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from xlkinerja.errors import XlkinerjaError
    from xlkinerja.jobs import pipeline

    started = []
    real_start = pipeline._start_early

    def start(*args):
        handed = real_start(*args)
        started.append(handed)
        return handed

    def unreadable_master(*_):
        raise XlkinerjaError("master rusak (uji).", code=ErrorCode.BERKAS_RUSAK)

    monkeypatch.setattr(pipeline, "_start_early", start)
    monkeypatch.setattr(pipeline, "process_master", unreadable_master)
    with raises(ErrorCode.BERKAS_RUSAK):
        compile_workbooks(
            workbook_files([kiriman], master=MASTER),
            output=tmp_path / "rekap.xlsx",
            record=False,
            workers=2,
        )
    assert started and started[0] is not None  # the files had been handed to the workers
    assert not (tmp_path / "rekap.xlsx").exists()


def test_the_collector_is_back_after_a_job_and_finds_the_cycles_it_left():
    import gc
    import weakref

    from xlkinerja.runtime.collector import collector_paused

    class Node:
        me: object = None

    with collector_paused():
        assert not gc.isenabled()
        node = Node()
        node.me = node  # a cycle
        watch = weakref.ref(node)
        del node
    assert gc.isenabled()
    gc.collect()
    assert watch() is None


def test_a_one_job_process_freezes_what_its_job_leaves():
    """The command line ends after its job: a collection of the ~1M objects a kompilasi of
    1,000 workbooks leaves would only delay the exit (0.6 s)."""
    code = textwrap.dedent(
        """
        import gc, weakref
        from xlkinerja.runtime.collector import collector_paused, one_job_per_process

        class Node:
            me = None

        one_job_per_process()
        with collector_paused():
            node = Node()
            node.me = node
            watch = weakref.ref(node)
            del node
        assert gc.isenabled() and gc.get_freeze_count() > 0
        gc.collect()
        print("frozen" if watch() is not None else "collected")
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "frozen", run.stderr


@pytest.mark.parametrize(
    ("command", "one_job"), [("validasi tidak-ada.xlsx", True), ("server", False)]
)
@pytest.mark.lambat  # Python in subprocesses
def test_the_program_runs_one_job_but_the_server_runs_many(command: str, one_job: bool):
    code = textwrap.dedent(
        f"""
        import sys
        from xlkinerja.cli import main
        from xlkinerja.runtime import collector

        sys.argv = ["xlkinerja", *"{command}".split()]
        try:
            main()
        except SystemExit:
            pass
        print(collector._ONE_JOB.is_set())
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == str(one_job), run.stderr
