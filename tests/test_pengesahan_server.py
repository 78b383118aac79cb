"""The ribbon's Pengesahan buttons (Bahas, Periksa, Setujui, Kembalikan) in server mode:
the planning unit records the review of the open unit workbook's latest archived version.

Through the real HTTP server on loopback, with the bodies xlwings' VBA client sends: a unit
sends its workbook with Kirim; the planning unit (`--perencanaan AK`) presses the buttons on
that workbook with a "Pengesahan" sheet filled in; what is checked is the archive
afterwards (`arsip status`'s job) and the answers Excel gets.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (pro)

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.server_harness import post, unit_keys
from tests.vba_payload import json_value, payload
from xlkinerja.addin.build import addin_modules
from xlkinerja.addin.ribbon import BUTTONS, ON_ACTION
from xlkinerja.errors import ErrorCode
from xlkinerja.jobs.kunci import make_keys
from xlkinerja.jobs.pengesahan import status
from xlkinerja.jobs.pengesahan_lembar import LEMBAR, SHEET
from xlkinerja.server import ServerConfig, create_app, serving

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
P3M = SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"
AK = SAMPLE / "AK-jurusan-akuntansi.xlsx"
PLANNER = "AK"
NIP_ANI = "198001012005012001"  # sent by the VBA client as a bare number (tests/vba_payload.py)
FILLED = {  # column → row label → value
    "Bahas": {
        "Nama": "Ani Wijaya",
        "NIP": NIP_ANI,
        "Tanggal": "",
        "Rekomendasi": "Percepat pengadaan alat laboratorium",
        "Kendala": "Anggaran TW II terlambat cair",
        "Tindak lanjut": "Jadwal ulang pengadaan ke TW III",
    },
    "Periksa": {"Nama": "Budi Hartono", "NIP": "197501012000031001"},
    "Setujui": {"Nama": "Citra Lestari", "NIP": "196903031995122001"},
    "Kembalikan": {"Nama": "Budi Hartono", "NIP": "197501012000031001", "Alasan": "Ulangi"},
}


def filled_sheet(changes: dict[str, dict[str, Any]]) -> list[list[Any]]:
    """The values of a Pengesahan sheet as the add-in makes it, filled in."""
    rows = [list(r) for r in LEMBAR]
    header = next(r for r in rows if r[0] == "Isian")
    for column, cells in changes.items():
        col = header.index(column)
        for row in rows:
            if row[0] in cells:
                row[col] = cells[row[0]]
    return [[json_value(v) for v in row] for row in rows]


def body_with(path: Path, sheet: list[list[Any]] | None) -> bytes:
    """The body the add-in sends for `path` with a Pengesahan sheet holding `sheet`."""
    body = payload(path)
    if sheet is not None:
        body["sheets"].append({"name": SHEET, "pictures": [], "tables": [], "values": sheet})
    return json.dumps(body).encode("utf-8")


class Served:
    def __init__(self, url: str, config: ServerConfig, keys: dict[str, str]):
        self.url, self.config, self.keys = url, config, keys


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    made = make_keys(MASTER, tmp_path / "kunci")
    config = ServerConfig(
        master=MASTER,
        keys=made.keys_file,
        db=str(tmp_path / "arsip.sqlite"),
        perencanaan=frozenset({PLANNER}),
        rekap=tmp_path / "rekap",
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


def alert(actions: list[dict[str, Any]]) -> tuple[str, str]:
    """The message box's text and mode (the answer's last action)."""
    assert actions[-1]["func"] == "alert"
    text, _title, _buttons, mode, *_ = actions[-1]["args"]
    return str(text), str(mode)


def press(client: httpx.Client, served: Served, button: str, sheet: Any, unit: str = PLANNER):
    return actions_of(post(client, button, body_with(P3M, sheet), served.keys[unit]))


def stages(served: Served) -> list[str]:
    return [s["tahap"] for s in status(served.config.db, "P3M", 2025).steps]


def test_the_planning_unit_records_the_whole_review_with_the_buttons(
    client: httpx.Client, served: Served
):
    sent = actions_of(post(client, "kirim", body_with(P3M, None), served.keys["P3M"]))
    assert "versi 1 unit P3M" in sent[-1]["args"][0]
    sheet = filled_sheet(FILLED)

    text, mode = alert(press(client, served, "bahas", sheet))
    assert mode == "info" and "versi 1 dibahas" in text
    text, mode = alert(press(client, served, "periksa", sheet))
    assert mode == "info" and "versi 1 diperiksa" in text
    text, mode = alert(press(client, served, "setujui", sheet))
    assert mode == "info" and "Disetujui: versi 1" in text

    review = status(served.config.db, "P3M", 2025)
    assert review.status.approved
    steps = {s["tahap"]: s for s in review.steps}
    bahas = FILLED["Bahas"]
    assert (steps["dibahas"]["nama"], steps["dibahas"]["nip"]) == ("Ani Wijaya", NIP_ANI)
    assert [steps["dibahas"][k] for k in ("rekomendasi", "kendala", "tindak_lanjut")] == [
        bahas["Rekomendasi"], bahas["Kendala"], bahas["Tindak lanjut"],
    ]  # fmt: skip
    assert steps["diperiksa"]["nama"] == "Budi Hartono"
    assert steps["disetujui"]["nip"] == "196903031995122001"

    text, mode = alert(press(client, served, "bahas", sheet))  # approved: final
    assert mode == "critical" and error_code(text) == ErrorCode.ARSIP_LANGKAH_TIDAK_SAH
    assert stages(served) == ["diajukan", "dibahas", "diperiksa", "disetujui"]


def test_kembalikan_sends_it_back_with_the_reason(client: httpx.Client, served: Served):
    post(client, "kirim", body_with(P3M, None), served.keys["P3M"])
    sheet = filled_sheet(FILLED)
    press(client, served, "bahas", sheet)
    text, mode = alert(press(client, served, "kembalikan", sheet))
    assert mode == "info" and "dikembalikan" in text
    last = status(served.config.db, "P3M", 2025).steps[-1]
    assert (last["tahap"], last["alasan"], last["nama"]) == (
        "dikembalikan",
        "Ulangi",
        "Budi Hartono",
    )


def test_another_units_key_is_refused_and_nothing_is_recorded(client: httpx.Client, served: Served):
    post(client, "kirim", body_with(P3M, None), served.keys["P3M"])
    text, mode = alert(press(client, served, "bahas", filled_sheet(FILLED), unit="P3M"))
    assert mode == "critical" and error_code(text) == ErrorCode.SERVER_BUKAN_PERENCANAAN
    assert "Bahas" in text and "P3M" in text
    assert stages(served) == ["diajukan"]


def test_without_the_sheet_it_is_made_and_the_user_asked_to_fill_it_in(
    client: httpx.Client, served: Served
):
    post(client, "kirim", body_with(P3M, None), served.keys["P3M"])
    actions = press(client, served, "bahas", None)
    funcs = [a["func"] for a in actions]
    assert funcs[0] == "addSheet" and funcs[-1] == "alert"
    written = next(a for a in actions if a["func"] == "setValues")
    assert written["values"][2][:2] == ["Isian", "Bahas"]
    assert "setNumberFormat" in funcs  # the NIP row as text
    text, mode = alert(actions)
    assert mode == "critical" and error_code(text) == ErrorCode.ADDIN_LEMBAR_PENGESAHAN_DIBUAT
    assert "isi kolom Bahas" in text
    assert stages(served) == ["diajukan"]


@pytest.mark.parametrize(
    ("change", "cell", "said"),
    [
        ({"Bahas": {"Kendala": ""}}, "Pengesahan!B8", "Kendala untuk Bahas"),
        ({"Bahas": {"NIP": 1.98001012005012e17}}, "Pengesahan!B5", "diketik sebagai angka"),
        ({"Bahas": {"NIP": "1980"}}, "Pengesahan!B5", "18 angka"),
        ({"Bahas": {"Tanggal": "besok lusa"}}, "Pengesahan!B6", "tidak terbaca"),
    ],
)
def test_a_cell_that_is_empty_or_wrong_is_named_and_nothing_is_recorded(
    client: httpx.Client, served: Served, change: dict[str, Any], cell: str, said: str
):
    post(client, "kirim", body_with(P3M, None), served.keys["P3M"])
    filled = {k: dict(v) for k, v in FILLED.items()}
    for column, cells in change.items():
        filled[column].update(cells)
    text, mode = alert(press(client, served, "bahas", filled_sheet(filled)))
    assert mode == "critical" and error_code(text) == ErrorCode.ADDIN_ISIAN_PENGESAHAN
    assert cell in text and said in text and "Traceback" not in text
    assert stages(served) == ["diajukan"]


def test_a_step_out_of_order_and_a_unit_not_sent_are_refused(client: httpx.Client, served: Served):
    text, mode = alert(press(client, served, "bahas", filled_sheet(FILLED)))
    assert mode == "critical" and error_code(text) == ErrorCode.ARSIP_UNIT_TIDAK_ADA
    post(client, "kirim", body_with(P3M, None), served.keys["P3M"])
    text, _ = alert(press(client, served, "setujui", filled_sheet(FILLED)))
    assert error_code(text) == ErrorCode.ARSIP_LANGKAH_TIDAK_SAH and "dibahas" in text
    master = actions_of(post(client, "bahas", body_with(MASTER, None), served.keys[PLANNER]))
    text, _ = alert(master)
    assert error_code(text) == ErrorCode.ADDIN_BUKAN_WORKBOOK_UNIT
    assert stages(served) == ["diajukan"]


def test_the_buttons_are_on_the_ribbon_and_call_the_one_vba_callback():
    tags = {b.action: b.group for b in BUTTONS}
    assert {t: tags.get(t) for t in ("bahas", "periksa", "setujui", "kembalikan")} == dict.fromkeys(
        ("bahas", "periksa", "setujui", "kembalikan"), "Pengesahan"
    )
    modules = {m.name: m.stored_text() for m in addin_modules()}
    assert f"Public Sub {ON_ACTION}(control As IRibbonControl)" in modules["Kinerja"]


def test_in_local_mode_the_step_goes_to_the_settings_archive(tmp_path: Path):
    """Local mode (RunPython): no key, the archive of the DB setting, as `arsip bahas` on
    that PC; the workbook is the one open in Excel (here the remote engine's stand-in)."""
    import xlwings as xw

    from xlkinerja.excel import ActionContext, Mode, run_action
    from xlkinerja.jobs.kirim import submit
    from xlkinerja.sources.source import WorkbookFile

    db = str(tmp_path / "arsip.sqlite")
    assert submit(WorkbookFile(P3M), master=MASTER, db=db, unit=None).receipt is not None
    book = xw.Book(json=json.loads(body_with(P3M, filled_sheet(FILLED))))
    result = run_action("bahas", book, ActionContext(mode=Mode.LOKAL, db=db))
    assert result is not None
    last = status(db, "P3M", 2025).steps[-1]
    assert (last["tahap"], last["nama"], last["rekomendasi"]) == (
        "dibahas", "Ani Wijaya", FILLED["Bahas"]["Rekomendasi"],
    )  # fmt: skip
