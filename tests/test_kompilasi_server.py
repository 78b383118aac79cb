"""Kompilasi from the add-in in server mode (issue 12): the planning unit's key compiles what
the units sent, and Excel opens the report from the server.

Through the real HTTP server on loopback, with the bodies xlwings' VBA client sends: units
send with Kirim; the planning unit (started as `--perencanaan AK`) presses Kompilasi; the
answer runs the add-in's KinerjaBukaRekap with a download path, which serves the report.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (pro)

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest

from tests.coded import error_code, raises, refused
from tests.conftest import SAMPLE
from tests.server_harness import body_of, post, unit_keys
from xlkinerja.addin.build import addin_modules
from xlkinerja.errors import ErrorCode
from xlkinerja.excel.macros import macro_name
from xlkinerja.excel.planner import BUKA_REKAP, UNDUH
from xlkinerja.jobs.kunci import make_keys
from xlkinerja.server import ServerConfig, create_app, serving
from xlkinerja.server.unduhan import PREFIX, Downloads

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
P3M = SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"
AK = SAMPLE / "AK-jurusan-akuntansi.xlsx"
PLANNER = "AK"


class Served:
    def __init__(self, url: str, config: ServerConfig, keys: dict[str, str]):
        self.url, self.config, self.keys = url, config, keys


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("kompilasi-server")
    made = make_keys(MASTER, folder / "kunci")
    config = ServerConfig(
        master=MASTER,
        keys=made.keys_file,
        db=str(folder / "arsip.sqlite"),
        perencanaan=frozenset({PLANNER}),
        rekap=folder / "rekap",
    )
    with serving(create_app(config)) as url:
        yield Served(url, config, unit_keys(made.handout))


@pytest.fixture
def client(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=120) as opened:
        yield opened


def actions_of(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return list(response.json()["actions"])


def test_a_unit_that_is_not_the_planning_unit_is_refused_and_nothing_is_written(
    client: httpx.Client, served: Served
):
    actions = actions_of(post(client, "kompilasi", body_of(P3M), served.keys["P3M"]))
    assert [a["func"] for a in actions] == ["alert"]
    text, _title, _buttons, mode, *_ = actions[0]["args"]
    assert mode == "critical"
    assert error_code(text) == ErrorCode.SERVER_BUKAN_PERENCANAAN and "P3M" in text
    assert not (served.config.rekap and any(served.config.rekap.glob("*.xlsx")))


def test_the_planning_unit_gets_the_compiled_report_opened_from_the_server(
    client: httpx.Client, served: Served
):
    sent = actions_of(post(client, "kirim", body_of(P3M), served.keys["P3M"]))
    assert "versi 1 unit P3M" in sent[-1]["args"][0]

    actions = actions_of(post(client, "kompilasi", body_of(AK), served.keys[PLANNER]))
    assert [a["func"] for a in actions] == ["runMacro", "alert"]
    macro, download, name = actions[0]["args"]
    assert macro == macro_name(BUKA_REKAP)
    assert download.startswith(PREFIX) and name.startswith("rekap-kinerja-")
    assert name.endswith(f"-{PLANNER}.xlsx")
    text, _title, _buttons, mode, *_ = actions[1]["args"]
    assert mode == "info" and "dibuka di Excel" in text
    assert str(served.config.rekap) not in text  # the server's folder means nothing to users

    fetched = client.get(f"/{download}")
    assert fetched.status_code == 200
    assert fetched.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert name in fetched.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(fetched.content), read_only=True)
    cells = [v for r in book["Status Pengumpulan"].iter_rows(values_only=True) for v in r]
    assert f"{P3M.name} (versi 1)" in cells  # what P3M sent, from the archive
    assert not any(isinstance(v, str) and v.startswith(AK.name) for v in cells)  # not sent
    assert (served.config.rekap / name).is_file()  # the server keeps what it handed out


def test_the_planning_unit_downloads_the_export_of_what_the_units_sent(
    client: httpx.Client, served: Served
):
    refused = actions_of(post(client, "ekspor", body_of(P3M), served.keys["P3M"]))
    assert [a["func"] for a in refused] == ["alert"] and "Unit Perencanaan" in refused[0]["args"][0]

    post(client, "kirim", body_of(P3M), served.keys["P3M"])
    actions = actions_of(post(client, "ekspor", body_of(AK), served.keys[PLANNER]))
    assert [a["func"] for a in actions] == ["runMacro", "alert"]
    macro, download, name = actions[0]["args"]
    assert macro == macro_name(UNDUH) and download.startswith(PREFIX)
    assert name.startswith("ekspor-") and name.endswith(f"-{PLANNER}.zip")
    assert "5 berkas" in actions[1]["args"][0]
    fetched = client.get(f"/{download}")
    assert fetched.status_code == 200 and fetched.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(fetched.content)) as z:
        assert sorted(z.namelist()) == [
            "esakip-hierarki-2025.xlsx",
            "esakip-renstra-opd-2025.xlsx",  # the archive holds the master and its identity
            "pk-2025.csv",
            "realisasi-2025.csv",
            "skp-ekinerja-2025.xlsx",
        ]
        pk = z.read("pk-2025.csv").decode("utf-8-sig")
    assert "P3M" in pk or "Pusat Penelitian" in pk  # what P3M sent, from the archive


def test_the_period_chosen_on_the_ribbon_is_the_reports_and_a_wrong_one_is_refused(
    client: httpx.Client, served: Served
):
    """The ribbon's Periode goes as ?triwulan=N: the report the server compiles shows TW II
    although the units reported TW III; anything but 0..4 is refused before any work."""
    for unit, path in (("P3M", P3M), ("TI", SAMPLE / "TI-jurusan-teknik-informatika.xlsx")):
        post(client, "kirim", body_of(path), served.keys[unit])
    key = {"Authorization": served.keys[PLANNER]}
    answer = client.post("/xlwings/kompilasi?triwulan=2", content=body_of(AK), headers=key)
    actions = actions_of(answer)
    fetched = client.get(f"/{actions[0]['args'][1]}")
    book = openpyxl.load_workbook(io.BytesIO(fetched.content), read_only=True)
    rows = list(book["Rekap Capaian"].iter_rows(values_only=True))
    assert any(r[:2] == ("Kode", "Indikator Kinerja Utama") and "Status TW II" in r for r in rows)
    assert "s.d. TW II" in str(next(book["Pohon Kinerja"].iter_rows(values_only=True))[0])
    before = sorted(p.name for p in served.config.rekap.iterdir())  # type: ignore[union-attr]
    for wrong in ("5", "x", "-1"):
        bad = client.post(f"/xlwings/kompilasi?triwulan={wrong}", content=body_of(AK), headers=key)
        assert bad.status_code == 400
        assert bad.headers["x-xlkinerja-kode"] == ErrorCode.SERVER_PERIODE_TIDAK_SAH
        assert "Periode" in bad.text and "pita Kinerja" in bad.text
    assert sorted(p.name for p in served.config.rekap.iterdir()) == before  # type: ignore[union-attr]


def test_an_unknown_download_is_an_indonesian_404(client: httpx.Client):
    response = client.get(f"/{PREFIX}bukan-token")
    refused(response, 404, ErrorCode.SERVER_TAUTAN_KEDALUWARSA)


def test_a_download_expires(tmp_path: Path):
    now = [1000.0]
    downloads = Downloads(lifetime=600, clock=lambda: now[0])
    report = tmp_path / "rekap.xlsx"
    report.write_bytes(b"x")
    token = downloads.publisher("AK")(report).removeprefix(PREFIX)
    assert downloads.find(token) is not None
    assert downloads.find(token + "x") is None
    now[0] += 599
    assert downloads.find(token) is not None
    now[0] += 2
    assert downloads.find(token) is None


def test_a_planning_unit_without_a_key_stops_the_server_at_start(tmp_path: Path):
    made = make_keys(MASTER, tmp_path / "kunci")
    config = ServerConfig(
        master=MASTER,
        keys=made.keys_file,
        db=str(tmp_path / "arsip.sqlite"),
        perencanaan=frozenset({"PRC"}),
    )
    with raises(ErrorCode.KUNCI_PERENCANAAN_TANPA_KUNCI) as caught:
        create_app(config)
    assert "PRC" in caught.value.message


def test_the_macro_the_answer_runs_is_in_the_add_in():
    """runMacro calls the workbook first, then the download path and the name."""
    modules = {m.name: m.stored_text() for m in addin_modules()}
    for macro in (BUKA_REKAP, UNDUH):
        assert (
            f"Public Function {macro}(wb As Variant, resource As Variant, "
            "reportName As Variant) As Boolean" in modules["KinerjaRekap"]
        )


OPENER = """Attribute VB_Name = "Uji"
Option Explicit
' xlwings' GetConfig, as the add-in's module "xlwings" has it: here only SERVER_URL.
Public Function GetConfig(configKey As String, Optional default As String = "") As String
    GetConfig = IIf(configKey = "SERVER_URL", "SERVER/", default)
End Function
"""
RUNNER = """Sub RunVba(sUrl As String, sResource As String, sName As String, sOut As String)
    Dim args(1) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden"
    args(0).Value = True
    args(1).Name = "MacroExecutionMode"
    args(1).Value = 4
    oDoc = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, args())
    oScript = oDoc.getScriptProvider().getScript( _
        "vnd.sun.star.script:UjiTanda.KinerjaRekap.KinerjaBukaRekap?language=Basic&location=document")
    bOpened = oScript.invoke(Array(oDoc, sResource, sName), Array(), Array())
    iFile = FreeFile
    Open sOut For Output As #iFile
    Print #iFile, bOpened
    oComponents = StarDesktop.Components.createEnumeration()
    Do While oComponents.hasMoreElements()
        oOpen = oComponents.nextElement()
        If HasUnoInterfaces(oOpen, "com.sun.star.sheet.XSpreadsheetDocument") Then
            Print #iFile, Join(oOpen.Sheets.ElementNames, "|")
            oOpen.close(True)
        End If
    Loop
    Close #iFile
    StarDesktop.terminate()
End Sub
"""


@pytest.mark.libreoffice
def test_the_add_ins_macro_opens_the_report_from_the_server(
    client: httpx.Client, served: Served, tmp_path: Path
):
    """KinerjaBukaRekap, run by a real spreadsheet program (LibreOffice executes Excel VBA),
    opens the report from SERVER_URL + the answer's download path."""
    from tests.test_addin_libreoffice import lister_module, run_soffice
    from tests.test_addin_vba_marks import with_vba

    post(client, "kirim", body_of(P3M), served.keys["P3M"])
    actions = actions_of(post(client, "kompilasi", body_of(AK), served.keys[PLANNER]))
    _macro, download, name = actions[0]["args"]
    workbook = tmp_path / "AK.xlsm"
    with_vba(AK, workbook, "KinerjaRekap", OPENER.replace("SERVER/", served.url + "/"))
    profile, out = tmp_path / "profil", tmp_path / "hasil.txt"
    run_soffice(profile, "--terminate_after_init")
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(
        lister_module(RUNNER), encoding="utf-8"
    )
    run_soffice(
        profile,
        f'macro:///Standard.Module1.RunVba("{workbook.as_uri()}","{download}","{name}","{out}")',
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].strip().lower() in ("true", "-1", "benar")
    opened = [line.split("|") for line in lines[1:]]
    assert any("Status Pengumpulan" in sheets for sheets in opened), lines
