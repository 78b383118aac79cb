"""`xlkinerja addin install`: the add-in goes where Excel opens it at start, the settings
where the add-in's VBA reads them, in the format VBA writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.coded import raises
from xlkinerja.addin.install import (
    conf_text,
    config_file,
    install_addin,
    startup_folder,
)
from xlkinerja.errors import ErrorCode
from xlkinerja.excel.config import parse_conf


def test_excel_start_folders_per_system(tmp_path: Path):
    windows = startup_folder("Windows", {"APPDATA": r"C:\Users\budi\AppData\Roaming"}, tmp_path)
    assert windows.parts[-3:] == ("Microsoft", "Excel", "XLSTART")
    mac = startup_folder("Darwin", {}, tmp_path)
    assert (
        mac
        == tmp_path
        / "Library/Group Containers/UBF8T346G9.Office/User Content.localized/Startup.localized/Excel"
    )
    with raises(ErrorCode.LINGKUNGAN_EXCEL_TIDAK_ADA) as caught:
        startup_folder("Linux", {}, tmp_path)
    assert "--tujuan" in caught.value.hint  # the way out
    assert config_file("Windows", tmp_path) == tmp_path / ".xlkinerja" / "xlkinerja.conf"
    assert (
        config_file("Darwin", tmp_path).parent
        == tmp_path / "Library/Containers/com.microsoft.Excel/Data"
    )


def test_settings_are_written_as_vba_writes_them_and_read_back():
    text = conf_text({"mode": "server", "SERVER_URL": 'https://x/"y"'})
    assert text == '"MODE","server"\r\n"SERVER_URL","https://x/""y"""\r\n'
    assert parse_conf(text) == {"MODE": "server", "SERVER_URL": 'https://x/"y"'}
    assert parse_conf("# komentar\nMASTER = D:/master.xlsx\n") == {"MASTER": "D:/master.xlsx"}


def test_install_builds_the_addin_and_merges_the_settings(tmp_path: Path):
    config = tmp_path / "home" / ".xlkinerja" / "xlkinerja.conf"
    config.parent.mkdir(parents=True)
    config.write_text('"MASTER","D:/lama.xlsx"\r\n"MODE","local"\r\n', encoding="cp1252")
    done = install_addin(
        {"MODE": "server", "SERVER_URL": "https://kinerja.kampus.ac.id", "AUTH": "K-TI-1"},
        folder=tmp_path / "XLSTART",
        config=config,
    )
    assert (
        done.addin == tmp_path / "XLSTART" / "xlkinerja.xlam" and done.addin.stat().st_size > 10_000
    )
    assert parse_conf(config.read_text(encoding="cp1252")) == {
        "MASTER": "D:/lama.xlsx",  # kept
        "MODE": "server",  # replaced
        "SERVER_URL": "https://kinerja.kampus.ac.id",
        "AUTH": "K-TI-1",
    }
    assert config.stat().st_mode & 0o777 == 0o600  # the unit's key: this user's only
    untouched = install_addin({}, folder=tmp_path / "lain", config=config)
    assert untouched.config is None


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ({"MODE": "server"}, "--server dan --kunci"),
        ({"MODE": "server", "SERVER_URL": "https://kinerja.kampus.ac.id"}, "--kunci"),
        ({"MODE": "server", "SERVER_URL": "kinerja.kampus.ac.id", "AUTH": "K"}, "bukan alamat"),
        ({"MODE": "server", "SERVER_URL": "http://10.0.0.5:8000", "AUTH": "K"}, "tanpa enkripsi"),
    ],
)
def test_settings_that_cannot_work_are_refused_before_anything_is_written(
    tmp_path: Path, settings: dict[str, str], said: str
):
    config = tmp_path / "xlkinerja.conf"
    with raises(ErrorCode.ADDIN_PENGATURAN_TIDAK_SAH) as caught:
        install_addin(settings, folder=tmp_path / "XLSTART", config=config)
    assert said in caught.value.message
    assert not config.exists() and not (tmp_path / "XLSTART").exists()


def test_http_is_accepted_for_a_server_on_this_computer(tmp_path: Path):
    settings = {"MODE": "server", "SERVER_URL": "http://127.0.0.1:8000", "AUTH": "K"}
    done = install_addin(settings, folder=tmp_path / "XLSTART", config=tmp_path / "c.conf")
    assert done.config is not None and done.config.is_file()


def test_the_cli_says_what_server_mode_lacks_exit_2(tmp_path: Path):
    from typer.testing import CliRunner

    from xlkinerja.cli.app import app

    run = CliRunner().invoke(
        app, ["addin", "install", "--mode", "server", "--tujuan", str(tmp_path / "x")]
    )
    assert run.exit_code == 2 and "addin.pengaturan_tidak_sah" in run.output
    assert "Traceback" not in run.output
