"""Mistakes in where the archive or the output is: one Indonesian line and exit 2 (never an
internal error), passwords never printed, and nothing touched before the refusal."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.coded import error_code, raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode
from xlkinerja.store.archive import Archive

runner = CliRunner()
MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
UNIT = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"


def _usage_error(args: list[str], code: ErrorCode) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Kesalahan internal" not in result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"Galat [{code}]: ")
    assert error_code(result.stderr) == code
    return result.stderr


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    db = tmp_path / "arsip.sqlite"
    result = runner.invoke(
        app, ["kompilasi", str(UNIT), "-m", str(MASTER), "-o", str(tmp_path / "r.xlsx"),
              "--db", str(db)],
    )  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    return db


def test_output_equal_to_the_archive_is_refused_before_anything_is_touched(archive: Path):
    before = _sha(archive)
    _usage_error(
        ["kompilasi", str(UNIT), "-m", str(MASTER), "-o", str(archive), "--db", str(archive)],
        ErrorCode.KELUARAN_MENIMPA_ARSIP,
    )
    assert _sha(archive) == before
    assert not (archive.parent / "cadangan-xlkinerja").exists()


def test_output_equal_to_the_archive_by_another_spelling_is_refused(
    archive: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(archive.parent)
    before = _sha(archive)
    args = ["kompilasi", "--dari-arsip", "-o", "./arsip.sqlite", "--db", str(archive)]
    _usage_error(args, ErrorCode.KELUARAN_MENIMPA_ARSIP)
    assert _sha(archive) == before


@pytest.mark.parametrize("kind", ["text", "xlsx"])
def test_a_file_that_is_not_an_archive_as_db(tmp_path: Path, kind: str):
    if kind == "text":
        db = tmp_path / "catatan.txt"
        db.write_text("bukan database\n" * 100)
    else:
        db = tmp_path / "TI.xlsx"
        shutil.copy(UNIT, db)
    before = _sha(db)
    _usage_error(["arsip", "daftar", "--db", str(db)], ErrorCode.ARSIP_BUKAN_ARSIP)
    assert _sha(db) == before


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("postgresql://u:p@localhost:abc/db", "nomor port berupa angka"),
        ("postgresql://u:p@localhost:99999/db", "di luar 1–65535"),
        ("postgresql://u:p@ss@localhost/db", "%40"),
    ],
)
def test_bad_port_or_unencoded_at_in_the_url(url: str, phrase: str):
    out = _usage_error(["arsip", "daftar", "--db", url], ErrorCode.ARSIP_ALAMAT_TIDAK_SAH)
    assert phrase in out  # how to write it: the guidance users follow


def test_a_password_in_the_query_is_masked_in_every_message():
    secret = "RahasiaSekali"
    for url, code in (
        (f"postgresql://u@127.0.0.1:1/db?password={secret}", ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI),
        (
            f"postgresql://u:{secret}@127.0.0.1:abc/db?password={secret}",
            ErrorCode.ARSIP_ALAMAT_TIDAK_SAH,
        ),
        (
            f"postgresql://u@127.0.0.1:1/db?sslpassword={secret}&connect_timeout=2",
            ErrorCode.ARSIP_TIDAK_DAPAT_DIPAKAI,
        ),
    ):
        out = _usage_error(["arsip", "daftar", "--db", url], code)
        assert secret not in out
        assert "***" in out


@pytest.mark.parametrize("db", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_an_archive_in_memory_is_refused(db: str, tmp_path: Path):
    _usage_error(
        ["kompilasi", str(UNIT), "-m", str(MASTER), "-o", str(tmp_path / "r.xlsx"), "--db", db],
        ErrorCode.ARSIP_DI_MEMORI,
    )
    assert not (tmp_path / "r.xlsx").exists()


def test_a_corrupt_schema_version_is_a_usage_error(archive: Path):
    with sqlite3.connect(archive) as conn:  # as a hand-edited or half-restored archive
        conn.execute("ALTER TABLE archive_schema RENAME TO lama")
        conn.execute("CREATE TABLE archive_schema (version, description, applied_at)")
        conn.execute("INSERT INTO archive_schema SELECT * FROM lama")
        conn.execute("UPDATE archive_schema SET version = 'tiga' WHERE version = 3")
    _usage_error(["arsip", "daftar", "--db", str(archive)], ErrorCode.ARSIP_RUSAK)
    with raises(ErrorCode.ARSIP_RUSAK):
        Archive.open(archive)


def test_contoh_into_a_folder_that_cannot_be_written(tmp_path: Path):
    blocker = tmp_path / "berkas.txt"
    blocker.write_text("ini berkas")
    _usage_error(
        ["contoh", "--output", str(blocker / "hasil")], ErrorCode.KELUARAN_TIDAK_DAPAT_DITULIS
    )
    assert blocker.read_text() == "ini berkas"
