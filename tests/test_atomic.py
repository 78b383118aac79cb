"""Writing outputs: all or nothing, and a file that cannot be written is a user error that
names it (never a traceback, never a half-written file)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from typer.testing import CliRunner

from tests.coded import error_code, raises
from tests.conftest import SAMPLE
from xlkinerja.cli import app
from xlkinerja.errors import ErrorCode, OutputError
from xlkinerja.files.atomic import atomic_path
from xlkinerja.sample.build import MASTER_FILE


def test_a_target_that_cannot_be_replaced_keeps_its_content(tmp_path: Path, monkeypatch):
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"versi lama")

    def locked(self: Path, other: Path) -> Path:  # as Windows does while Excel has it open
        raise PermissionError(13, "Permission denied", str(other))

    monkeypatch.setattr(Path, "replace", locked)
    code = ErrorCode.KELUARAN_TIDAK_DAPAT_DIGANTI
    with raises(code, OutputError) as caught, atomic_path(target) as tmp:
        tmp.write_bytes(b"versi baru")
    assert caught.value.path == target
    assert "izin ditolak" in caught.value.message  # the system's reason, in Indonesian
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]  # no temporary file left


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path, monkeypatch):
    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    code = ErrorCode.KELUARAN_TIDAK_DAPAT_DITULIS
    with raises(code, OutputError) as caught, atomic_path(tmp_path / "rekap.xlsx"):
        pass
    assert f"folder {tmp_path} (izin ditolak" in caught.value.message  # the folder, the reason


def test_kompilasi_output_that_is_a_folder_is_a_usage_error(tmp_path: Path):
    folder = tmp_path / "hasil"
    folder.mkdir()
    result = CliRunner().invoke(
        app,
        ["kompilasi", str(SAMPLE), "--master", str(SAMPLE / MASTER_FILE),
         "--output", str(folder), "--tanpa-arsip", "--proses", "1"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert error_code(result.stderr) == ErrorCode.KELUARAN_BUKAN_BERKAS and "hasil" in result.stderr
    assert "Traceback" not in result.output
    assert list(folder.iterdir()) == []
