"""`xlkinerja arsip status/bahas/periksa/setujui/kembalikan`: the review of a unit's
submission recorded from the command line; a step out of order, a bad NIP or date, a unit or
year the archive lacks: one Indonesian line with its code, exit 2, nothing recorded."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.coded import error_code
from tests.test_store import unit_submission
from xlkinerja.cli import app
from xlkinerja.domain.pengesahan import Stage
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.pengesahan import status_pengesahan
from xlkinerja.store.archive import Archive

runner = CliRunner()
NIP_TIM, NIP_KABAG, NIP_DIREKTUR = "197501012000031001", "198202022006042002", "196903031995121003"
D0 = date.today() - timedelta(days=20)  # the commands check dates against today's
SENT = datetime.combine(D0, time(12), tzinfo=UTC)  # D0 in every time zone within ±11 h


def day(n: int, form: str = "%Y-%m-%d") -> str:
    return (D0 + timedelta(days=n)).strftime(form)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "arsip.sqlite")
    with Archive.open(path) as archive:
        archive.record(unit_submission("TI", tahun=2026), compiled_at=SENT, compiled_by="ti")
    return path


def run(db: str, *args: str) -> Any:
    result = runner.invoke(app, ["arsip", *args, "--db", db])
    assert "Traceback" not in result.output
    assert "Kesalahan internal" not in result.output
    return result


def ok(db: str, *args: str) -> dict[str, Any]:
    result = run(db, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def refused(db: str, code: ErrorCode, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 2, result.output
    assert error_code(result.stderr) == code
    return str(result.stderr)


BAHAS = [
    "bahas", "TI", "--tahun", "2026", "--rekomendasi", "Percepat pengadaan",
    "--kendala", "Anggaran terlambat cair", "--tindak-lanjut", "Jadwal ulang TW III",
    "--nama", "Ani", "--nip", NIP_TIM, "--tanggal", day(4, "%d/%m/%Y"),
]  # fmt: skip
PERIKSA = ["periksa", "TI", "--tahun", "2026", "--nama", "Budi", "--nip", NIP_KABAG]
SETUJUI = ["setujui", "TI", "--tahun", "2026", "--nama", "Citra", "--nip", NIP_DIREKTUR]


def stages(db: str) -> list[str]:
    return [row["tahap"] for row in ok(db, "status", "TI", "--tahun", "2026")["riwayat"]]


def test_the_whole_review_from_the_command_line(db: str) -> None:
    start = ok(db, "status", "ti", "--tahun", "2026")
    assert (start["tahap"], start["disetujui"], start["versi"]) == ("diajukan", False, 1)
    assert start["riwayat"][0]["nama"] == "ti"
    dibahas = ok(db, *BAHAS)
    assert dibahas["langkah_dicatat"] == "dibahas"
    assert dibahas["riwayat"][1] | {"dicatat": None} == {
        "tahap": "dibahas", "tanggal": day(4), "nama": "Ani", "nip": NIP_TIM,
        "rekomendasi": "Percepat pengadaan", "kendala": "Anggaran terlambat cair",
        "tindak_lanjut": "Jadwal ulang TW III", "alasan": None, "dicatat": None,
    }  # fmt: skip
    ok(db, *PERIKSA, "--tanggal", day(7))
    done = ok(db, *SETUJUI[:-1], "19690303 199512 1 003", "--tanggal", day(9, "%d/%m/%Y"))
    assert (done["tahap"], done["disetujui"]) == ("disetujui", True)
    assert done["riwayat"][-1]["nip"] == NIP_DIREKTUR  # the spaces as written are dropped
    assert status_pengesahan(db, "ti", 2026).approved
    text = run(db, "status", "TI", "--tahun", "2026")
    assert text.exit_code == 0
    assert "Citra (NIP 196903031995121003)" in text.stderr
    assert f"Disetujui: versi 1 disetujui pada {day(9)}" in text.stderr


def test_a_step_out_of_order_is_refused_with_what_comes_next(db: str) -> None:
    said = refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *SETUJUI)
    assert "tahap diajukan" in said and "Langkah berikutnya: dibahas" in said
    refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *PERIKSA)
    assert stages(db) == ["diajukan"]
    ok(db, *BAHAS)
    refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *BAHAS)
    ok(db, *PERIKSA)
    ok(db, *SETUJUI)
    said = refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *SETUJUI)
    assert "sudah disetujui" in said
    refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, "kembalikan", *SETUJUI[1:], "--alasan", "x")
    assert stages(db) == ["diajukan", "dibahas", "diperiksa", "disetujui"]


def test_sent_back_and_a_new_version_after_approval(db: str) -> None:
    ok(db, *BAHAS)
    back = ok(db, "kembalikan", *PERIKSA[1:], "--alasan", "Target TW II tidak sesuai PK")
    assert back["tahap"] == "dikembalikan"
    assert "alasan: Target TW II tidak sesuai PK" in back["keterangan"]
    refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *PERIKSA)  # the rapat comes first again
    ok(db, *BAHAS[:-1], day(20))
    ok(db, *PERIKSA)
    ok(db, *SETUJUI)
    with Archive.open(db) as archive:
        archive.record(unit_submission("TI", {"IKK-TI-1": 90}, tahun=2026))
    assert not status_pengesahan(db, "TI", 2026).approved
    assert stages(db) == ["diajukan"]  # version 2 starts again
    old = ok(db, "status", "TI", "--tahun", "2026", "--versi", "1")
    assert old["tahap"] == "disetujui" and old["versi"] == 1
    said = refused(db, ErrorCode.ARSIP_LANGKAH_TIDAK_SAH, *BAHAS, "--versi", "1")
    assert "digantikan versi 2" in said


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        (["--nip", "1975"], ErrorCode.OPSI_TIDAK_SAH, "18 angka"),
        (["--nama", " "], ErrorCode.OPSI_TIDAK_SAH, "nama"),
        (["--tanggal", "31/02/2026"], ErrorCode.OPSI_TIDAK_SAH, "bukan tanggal"),
        (["--tanggal", day(-1)], ErrorCode.OPSI_TIDAK_SAH, "lebih awal"),
        (["--tanggal", day(21)], ErrorCode.OPSI_TIDAK_SAH, "belum tiba"),
        (["--kendala", ""], ErrorCode.OPSI_TIDAK_SAH, "--kendala kosong"),
        (["--versi", "9"], ErrorCode.ARSIP_VERSI_TIDAK_ADA, "Versi 9"),
    ],
)
def test_bad_input_is_named_and_nothing_is_recorded(
    db: str, args: list[str], code: ErrorCode, phrase: str
) -> None:
    said = refused(db, code, *BAHAS, *args)  # a later option wins over the one in BAHAS
    assert phrase in said
    assert stages(db) == ["diajukan"]


def test_what_the_archive_lacks_is_named(db: str) -> None:
    said = refused(db, ErrorCode.ARSIP_UNIT_TIDAK_ADA, "status", "AK", "--tahun", "2026")
    assert "'AK'" in said
    said = refused(db, ErrorCode.ARSIP_TAHUN_TIDAK_ADA, *SETUJUI[:3], "2025", *SETUJUI[4:])
    assert "Tahun yang ada: 2026" in said
    missing = runner.invoke(app, ["arsip", "setujui", "TI", "--db", db])
    assert missing.exit_code == 2 and "--tahun" in missing.output


def test_status_pengesahan_of_a_unit_that_sent_nothing(db: str) -> None:
    answer = status_pengesahan(db, "ak", 2026)
    assert (answer.approved, answer.stage, answer.version) == (False, None, None)
    assert answer.reason == "Unit AK belum mengirim workbook tahun 2026."
    waiting = status_pengesahan(db, "TI", 2026)
    assert (waiting.approved, waiting.stage) == (False, Stage.DIAJUKAN)
