"""The review and approval steps kept in the archive (store/pengesahan.py), on SQLite and on a
real PostgreSQL server: who and when recorded, only the latest version of a year takes a
step, a new version starts again at diajukan, and two approvers at once give one approval."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.coded import error_code, raises
from tests.conftest import ROOT
from tests.test_store import unit_submission
from xlkinerja.domain.pengesahan import Rumusan, Stage, Step, StepRefused
from xlkinerja.errors import ErrorCode, XlkinerjaError
from xlkinerja.store import Archive, ArchiveError, Submission
from xlkinerja.store.location import create_archive_engine
from xlkinerja.store.migrations import migrate
from xlkinerja.store.tables import steps

T0 = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)
TODAY = date(2026, 4, 20)
NIP_TIM, NIP_KABAG, NIP_DIREKTUR = "197501012000031001", "198202022006042002", "196903031995121003"
RUMUSAN = Rumusan("Percepat pengadaan", "Anggaran terlambat cair", "Jadwal ulang TW III")


@pytest.fixture
def archive(db: str) -> Iterator[Archive]:
    with Archive.open(db) as opened:
        opened.record(unit_submission("TI", tahun=2026), compiled_at=T0, compiled_by="perencanaan")
        yield opened


def bahas(day: int = 5) -> Step:
    return Step(Stage.DIBAHAS, date(2026, 4, day), "Tim SAKIP", NIP_TIM, rumusan=RUMUSAN)


def periksa(day: int = 8) -> Step:
    return Step(Stage.DIPERIKSA, date(2026, 4, day), "Kabag Umum", NIP_KABAG)


def setujui(day: int = 10) -> Step:
    return Step(Stage.DISETUJUI, date(2026, 4, day), "Direktur", NIP_DIREKTUR)


def approve_all(archive: Archive, unit: str = "TI", tahun: int = 2026) -> None:
    for step in (bahas(), periksa(), setujui()):
        archive.add_step(unit, tahun, step, today=TODAY)


def test_steps_are_kept_with_who_and_when(archive: Archive) -> None:
    before = datetime.now(UTC)
    approve_all(archive)
    review = archive.review("TI", 2026)
    assert review.info.version == 1 and review.stage is Stage.DISETUJUI
    arrival, dibahas, diperiksa, disetujui = review.steps
    assert (arrival.stage, arrival.nama, arrival.recorded_at) == (
        Stage.DIAJUKAN,
        "perencanaan",
        T0,
    )
    assert dibahas.rumusan == RUMUSAN and dibahas.tanggal == date(2026, 4, 5)
    assert (diperiksa.nama, diperiksa.nip) == ("Kabag Umum", NIP_KABAG)
    assert (disetujui.nama, disetujui.nip, disetujui.tanggal) == (
        "Direktur",
        NIP_DIREKTUR,
        date(2026, 4, 10),
    )
    for step in (dibahas, diperiksa, disetujui):
        assert step.recorded_at is not None and step.recorded_at >= before.replace(microsecond=0)
    status = archive.approval("TI", 2026)
    assert status.approved and status.version == 1
    assert "oleh Direktur (NIP 196903031995121003)" in status.reason


def test_a_skipped_step_is_refused_and_nothing_is_written(archive: Archive) -> None:
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused):
        archive.add_step("TI", 2026, setujui(), today=TODAY)
    archive.add_step("TI", 2026, bahas(), today=TODAY)
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused):
        archive.add_step("TI", 2026, bahas(), today=TODAY)
    assert [s.stage for s in archive.review("TI", 2026).steps] == [Stage.DIAJUKAN, Stage.DIBAHAS]


def test_sent_back_then_discussed_again(archive: Archive) -> None:
    archive.add_step("TI", 2026, bahas(), today=TODAY)
    back = Step(Stage.DIKEMBALIKAN, date(2026, 4, 6), "Kabag Umum", NIP_KABAG, alasan="Kurang")
    archive.add_step("TI", 2026, back, today=TODAY)
    status = archive.approval("TI", 2026)
    assert not status.approved and "alasan: Kurang" in status.reason
    with raises(ErrorCode.OPSI_TIDAK_SAH, StepRefused):  # a rapat before it was sent back
        archive.add_step("TI", 2026, bahas(5), today=TODAY)
    for step in (bahas(7), periksa(8), setujui(10)):
        archive.add_step("TI", 2026, step, today=TODAY)
    stages = [s.stage.value for s in archive.review("TI", 2026).steps]
    assert stages == ["diajukan", "dibahas", "dikembalikan", "dibahas", "diperiksa", "disetujui"]
    assert archive.review("TI", 2026).steps[2].alasan == "Kurang"


def test_a_new_version_after_approval_starts_again_at_diajukan(archive: Archive) -> None:
    approve_all(archive)
    archive.record(unit_submission("TI", {"IKK-TI-1": 80}, tahun=2026), compiled_at=T0)
    status = archive.approval("TI", 2026)
    assert (status.approved, status.stage, status.version) == (False, Stage.DIAJUKAN, 2)
    assert archive.review("TI", 2026, 1).stage is Stage.DISETUJUI  # the old one stays
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused) as caught:
        archive.add_step("TI", 2026, bahas(), version=1, today=TODAY)
    assert "digantikan versi 2" in caught.value.user_message()
    archive.add_step("TI", 2026, bahas(), version=2, today=TODAY)
    assert archive.review("TI", 2026).stage is Stage.DIBAHAS


def test_each_year_has_its_own_latest_submission(archive: Archive) -> None:
    archive.record(unit_submission("TI", tahun=2025), compiled_at=T0)  # version 2, of 2025
    approve_all(archive, tahun=2025)
    assert archive.approval("TI", 2025).approved
    assert not archive.approval("TI", 2026).approved
    assert archive.review("TI", 2026).info.version == 1


def test_what_the_archive_does_not_hold_is_named(archive: Archive) -> None:
    with raises(ErrorCode.ARSIP_UNIT_TIDAK_ADA, ArchiveError):
        archive.add_step("AK", 2026, bahas(), today=TODAY)
    with raises(ErrorCode.ARSIP_TAHUN_TIDAK_ADA, ArchiveError) as caught:
        archive.review("TI", 2024)
    assert "Tahun yang ada: 2026" in caught.value.user_message()
    with raises(ErrorCode.ARSIP_VERSI_TIDAK_ADA, ArchiveError):
        archive.add_step("TI", 2026, bahas(), version=7, today=TODAY)
    skp = Submission("197501012000031001", "skp", "skp.xlsx", "a" * 64, None, 2026, {}, {})
    archive.record(skp)
    with raises(ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, StepRefused) as refused:
        archive.add_step(skp.unit, 2026, bahas(), today=TODAY)
    assert "hanya untuk workbook unit" in refused.value.user_message()


def test_approvals_of_a_year_in_one_call(archive: Archive) -> None:
    archive.record(unit_submission("AK", tahun=2026), compiled_at=T0)
    archive.record(Submission("master", "master", "m.xlsx", "b" * 64, None, 2026, {}, {}))
    approve_all(archive, "AK")
    found = archive.approvals(2026)
    assert {u: s.approved for u, s in found.items()} == {"AK": True, "TI": False}
    asked = archive.approvals(2026, ["TI", "P3M"])
    assert set(asked) == {"TI", "P3M"}
    assert "P3M belum mengirim workbook tahun 2026" in asked["P3M"].reason
    assert asked["P3M"].to_dict()["versi"] is None


def test_purge_takes_the_steps_with_their_version(archive: Archive) -> None:
    approve_all(archive)
    assert archive.purge(now=datetime(2040, 1, 1, tzinfo=UTC)) == 1
    with archive.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(steps)).scalar_one() == 0


def test_versions_archived_before_the_steps_table_start_at_diajukan(db: str) -> None:
    engine = create_archive_engine(db)
    assert migrate(engine, target=3) == 3
    Archive(engine).record(unit_submission("TI", tahun=2026), compiled_at=T0)
    engine.dispose()
    with Archive.open(db) as archive:
        assert archive.schema_version() == 4
        assert archive.review("TI", 2026).stage is Stage.DIAJUKAN
        approve_all(archive)
        assert archive.approval("TI", 2026).approved


def _race(db: str, step: Step, unit: str) -> list[XlkinerjaError | None]:
    """Two approvers call add_step on the same version at the same moment, each with its
    own connection; what each got (None: recorded)."""
    gate = threading.Barrier(2)

    def approver(_: int) -> XlkinerjaError | None:
        with Archive.open(db) as own:
            gate.wait()
            try:
                own.add_step(unit, 2026, step, today=TODAY)
            except XlkinerjaError as exc:
                return exc
            return None

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(approver, range(2)))


def test_two_approvers_at_once_give_one_approval(db: str) -> None:
    units = [f"U{n}" for n in range(5)]  # several races: the two calls really overlap
    with Archive.open(db) as archive:
        for unit in units:
            archive.record(unit_submission(unit, tahun=2026), compiled_at=T0)
            archive.add_step(unit, 2026, bahas(), today=TODAY)
            archive.add_step(unit, 2026, periksa(), today=TODAY)
    for unit in units:
        outcomes = _race(db, setujui(), unit)
        assert outcomes.count(None) == 1, outcomes
        [refused] = [o for o in outcomes if o is not None]
        assert refused.code is ErrorCode.ARSIP_LANGKAH_TIDAK_SAH
        assert "sudah disetujui" in refused.user_message()
    with Archive.open(db) as archive:
        with archive.engine.connect() as conn:
            approvals = conn.execute(
                select(func.count()).select_from(steps).where(steps.c.stage == "disetujui")
            ).scalar_one()
        assert approvals == len(units)
        for unit in units:
            stages = [s.stage for s in archive.review(unit, 2026).steps]
            assert stages.count(Stage.DISETUJUI) == 1


@pytest.mark.fault
def test_two_setujui_commands_at_once_give_one_approval(db: str, tmp_path: Path) -> None:
    """The same race through the command: two `xlkinerja arsip setujui` processes started
    together; one records (exit 0), the other is told it is already disetujui (exit 2)."""
    today = date.today()  # the command checks the date against the real today
    sent = datetime.now(UTC) - timedelta(days=10)
    earlier = today - timedelta(days=5)
    with Archive.open(db) as archive:
        archive.record(unit_submission("TI", tahun=2026), compiled_at=sent)
        archive.add_step("TI", 2026, replace(bahas(), tanggal=earlier), today=today)
        archive.add_step("TI", 2026, replace(periksa(), tanggal=earlier), today=today)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable, "-m", "xlkinerja", "arsip", "setujui", "TI", "--tahun", "2026",
        "--nama", "Direktur", "--nip", NIP_DIREKTUR, "--db", db,
    ]  # fmt: skip
    runs = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outcomes = sorted(
        (run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs
    )
    for run in runs:
        if run.stderr:
            run.stderr.close()
    assert [code for code, _ in outcomes] == [0, 2], outcomes
    assert error_code(outcomes[1][1]) == ErrorCode.ARSIP_LANGKAH_TIDAK_SAH
    assert "sudah disetujui" in outcomes[1][1]
    with Archive.open(db) as archive:
        stages = [s.stage for s in archive.review("TI", 2026).steps]
    assert stages.count(Stage.DISETUJUI) == 1
