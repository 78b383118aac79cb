"""The built xlkinerja.xlam: its package parts, its VBA read back by olevba, the OOXML
checker's verdict, the version coupling with the installed xlwings, the atomic write."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.addin_bases import olevba, open_project
from tests.coded import raises
from xlkinerja.addin import build, modules, package, ribbon
from xlkinerja.addin.project import ModuleKind
from xlkinerja.core.resources import shipped_folder
from xlkinerja.errors import ErrorCode, OutputError

MODULE_NAMES = [
    "ThisWorkbook",
    "Sheet1",
    "Kinerja",
    "KinerjaRekap",
    "KinerjaTanda",
    "xlwings",
    "Dictionary",
    "Remote",
    "IWebAuthenticator",
    "WebClient",
    "WebRequest",
    "WebResponse",
    "WebHelpers",
]
SETTINGS = {"mode": "server", "SERVER_URL": "https://kinerja.example.go.id/<&>"}


@pytest.fixture(scope="module")
def addin(tmp_path_factory) -> Path:
    return build.build_addin(tmp_path_factory.mktemp("addin"))


@pytest.fixture(scope="module")
def configured(tmp_path_factory) -> Path:
    return build.build_addin(tmp_path_factory.mktemp("configured"), settings=SETTINGS)


def test_the_add_in_is_written_where_asked(addin):
    assert addin.name == "xlkinerja.xlam" and addin.is_file()
    assert not [p for p in addin.parent.iterdir() if p != addin]  # no temporary file left


def test_builds_are_reproducible(addin, tmp_path):
    assert build.build_addin(tmp_path).read_bytes() == addin.read_bytes()


def test_package_parts(addin):
    with zipfile.ZipFile(addin) as archive:
        names = set(archive.namelist())
        types = archive.read("[Content_Types].xml").decode()
        root_rels = archive.read("_rels/.rels").decode()
        workbook_rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert {"xl/vbaProject.bin", ribbon.CUSTOMUI_PART, "xl/workbook.xml"} <= names
    assert f'PartName="/xl/workbook.xml" ContentType="{package.ADDIN_CONTENT_TYPE}"' in types
    assert f'PartName="/xl/vbaProject.bin" ContentType="{package.VBA_CONTENT_TYPE}"' in types
    assert f'Type="{ribbon.UI_RELATIONSHIP}" Target="{ribbon.CUSTOMUI_PART}"' in root_rels
    assert f'Type="{package.VBA_RELATIONSHIP}" Target="vbaProject.bin"' in workbook_rels
    assert 'codeName="ThisWorkbook"' in workbook and f'name="{build.CONFIG_SHEET}"' in workbook
    assert 'codeName="Sheet1"' in sheet


def test_olevba_reads_every_module_as_built(addin):
    parser = olevba().VBA_Parser(str(addin))
    found = {name: code for _, _, name, code in parser.extract_macros()}
    expected = {
        f"{m.name}.{'bas' if m.kind is ModuleKind.STANDARD else 'cls'}": m.stored_text()
        for m in build.addin_modules()
    }
    assert list(found) == list(expected)
    assert [n.rsplit(".", 1)[0] for n in found] == MODULE_NAMES
    for name, code in found.items():
        assert code.replace("\r\n", "\n") == expected[name].replace("\r\n", "\n"), name


def test_our_module_is_the_macros_file_filled_in(addin):
    source = (shipped_folder("macros") / "Kinerja.bas").read_text(encoding="utf-8")
    built = next(m for m in build.addin_modules() if m.name == "Kinerja").stored_text()
    template = re.escape(source.rstrip("\n")).replace(r"\{\{PYTHON_COMMAND\}\}", '"[^"]+"')
    template = template.replace(r"\{\{ACTION_PLACEHOLDER\}\}", '"[^"]+"')
    template = template.replace(r"\{\{TRIWULAN_PLACEHOLDER\}\}", '"[^"]+"')
    assert re.fullmatch(template, built.replace("\r\n", "\n").rstrip("\n"))


def test_project_stream_lists_the_modules(addin):
    with zipfile.ZipFile(addin) as archive, open_project(archive.read("xl/vbaProject.bin")) as ole:
        text = ole.openstream("PROJECT").read().decode("cp1252")
    listed = re.findall(r"^(?:Document|Module|Class)=(\w+)", text, re.M)
    assert listed == MODULE_NAMES
    assert 'Name="xlkinerja"' in text


def test_xlwings_module_is_the_installed_version_with_our_project_name():
    xlwings = next(m for m in build.addin_modules() if m.name == "xlwings").stored_text()
    version = modules.xlwings_version()
    assert f'Public Const XLWINGS_VERSION As String = "{version}"' in xlwings
    assert 'Public Const PROJECT_NAME As String = "xlkinerja"' in xlwings
    assert f"'Version: {version}" in xlwings


def test_a_mismatched_xlwings_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(modules, "xlwings_version", lambda: "0.0.1")
    with raises(ErrorCode.LINGKUNGAN_XLWINGS_VERSI_BEDA) as caught:
        build.build_addin(tmp_path)
    assert "(0.0.1)" in caught.value.message  # the version installed
    assert not list(tmp_path.iterdir())


def test_without_the_macros_folder_nothing_is_built(tmp_path):
    with raises(ErrorCode.LINGKUNGAN_FOLDER_PAKET_HILANG) as caught:
        build.build_addin(tmp_path / "keluaran", macros_dir=tmp_path / "tidak-ada")
    assert "Kinerja.bas" in caught.value.message
    assert not (tmp_path / "keluaran" / build.FILE_NAME).exists()


def audit(path: Path, *options: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    (result,) = json.loads(done.stdout)
    return dict(result)


@pytest.mark.lambat  # the OOXML checker in a subprocess
@pytest.mark.parametrize("options", [(), ("--policy", "strict", "-f", "microsoft365")])
def test_openxml_audit_finds_nothing(addin, configured, tmp_path, options):
    twin = tmp_path / "xlkinerja.xlsm"
    twin.write_bytes(package.zip_parts(build.addin_parts(main_type=package.XLSM_CONTENT_TYPE)))
    for path in (addin, configured, twin):
        result = audit(path, *options)
        assert (result["error_count"], result["warning_count"]) == (0, 0), result["errors"]


@pytest.mark.lambat  # the OOXML checker in a subprocess
def test_openxml_audit_sees_a_broken_ribbon(addin, tmp_path):
    """The checker validates customUI14.xml against its schema: a misspelt element counts."""
    broken = tmp_path / "rusak.xlam"
    with zipfile.ZipFile(addin) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == ribbon.CUSTOMUI_PART:
                data = data.replace(b"<button ", b"<tombol ", 1)
            target.writestr(item, data)
    assert audit(broken)["error_count"] == 1


def test_settings_go_to_the_config_sheet(tmp_path):
    """Upper-cased keys (GetConfig looks them up so) in column A, values in B; read here
    from an .xlsm twin, since openpyxl does not open .xlam."""
    twin = tmp_path / "twin.xlsm"
    parts = build.addin_parts(SETTINGS, main_type=package.XLSM_CONTENT_TYPE)
    twin.write_bytes(package.zip_parts(parts))
    workbook = openpyxl.load_workbook(twin)
    sheet = workbook[build.CONFIG_SHEET]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["MODE", "server"],
        ["SERVER_URL", "https://kinerja.example.go.id/<&>"],
    ]


def test_settings_named_twice_are_refused(tmp_path):
    with pytest.raises(ValueError, match="twice"):
        build.build_addin(tmp_path, settings={"mode": "local", "MODE": "server"})


def test_an_unwritable_folder_is_an_output_error(tmp_path):
    not_a_folder = tmp_path / "berkas"
    not_a_folder.write_text("x")
    with pytest.raises(OutputError):
        build.build_addin(not_a_folder / "sub")


def test_an_existing_add_in_is_replaced(tmp_path):
    (tmp_path / build.FILE_NAME).write_bytes(b"lama")
    written = build.build_addin(tmp_path)
    assert zipfile.is_zipfile(written)
    assert sorted(p.name for p in tmp_path.iterdir()) == [build.FILE_NAME]
