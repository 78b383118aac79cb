"""Kirim (issue 12): the add-in's button sends the open workbook to the server's archive,
driven as the server gets it — `xw.Book(json=payload)` through the action registry."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (pro)

import xlwings as xw

from tests.coded import error_code
from tests.conftest import SAMPLE
from tests.pg_server import PostgresCluster
from tests.vba_payload import payload, set_cell
from xlkinerja.errors import ErrorCode
from xlkinerja.excel import ACTIONS, ActionContext, Mode, run_action
from xlkinerja.jobs.kirim import KirimResult
from xlkinerja.store import Archive

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
NOW = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
P3M = SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"
AK = SAMPLE / "AK-jurusan-akuntansi.xlsx"
TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"
SKP_LINA = SAMPLE / "skp-P3M-lina-kusuma.xlsx"  # P3M's employee, NIP 199409092020122001


def server(db: str, unit: str | None) -> ActionContext:
    return ActionContext(mode=Mode.SERVER, master=MASTER, db=db, unit=unit, now=NOW)


def send(body: dict[str, Any], db: str, unit: str | None) -> tuple[KirimResult | None, Any]:
    """Run kirim on the workbook the add-in sent; the result and the message box shown."""
    book = xw.Book(json=body)
    result = run_action("kirim", book, server(db, unit))
    (alert,) = book.json()["actions"]  # kirim writes nothing into the workbook
    assert alert["func"] == "alert"
    assert result is None or isinstance(result, KirimResult)
    return result, alert["args"]


def clean_ti() -> dict[str, Any]:
    """TI's workbook with its planted galat fixed (IKK-TI-6 names IKU-9, which the master
    does not have): no finding at all with the master."""
    return set_cell(payload(TI), "PK", "H28", "IKU-6")


@pytest.fixture
def arsip(tmp_path: Path) -> str:
    """The server's archive (SQLite here; PostgreSQL in the concurrency test)."""
    return str(tmp_path / "arsip.sqlite")


def test_a_workbook_with_galat_is_refused_and_nothing_is_recorded(arsip: str):
    result, (text, *_) = send(payload(AK), arsip, "AK")
    assert result is not None and result.receipt is None
    assert {f.code for f in result.findings if f.severity == "galat"} == {
        "capaian.kendala.wajib",
        "capaian.realisasi.angka_ambigu",
    }
    assert text.startswith("Tidak dikirim:") and "capaian.kendala.wajib" in text
    assert result.to_dict()["status"] == "ditolak"
    with Archive.open(arsip) as archive:
        assert archive.submissions() == []


def test_a_clean_workbook_is_recorded_with_a_receipt(arsip: str):
    result, (text, *_) = send(payload(P3M), arsip, "P3M")
    assert result is not None and result.receipt is not None
    receipt = result.receipt
    assert (receipt.unit, receipt.version, receipt.new, receipt.recorded_at) == (
        "P3M",
        1,
        True,
        NOW,
    )
    assert f"versi 1 unit P3M pada {NOW.astimezone():%d/%m/%Y %H:%M}" in text
    assert f"Tanda terima: {receipt.sha256[:12]}" in text
    assert result.to_dict()["tanda_terima"] == {
        "unit": "P3M", "versi": 1, "baru": True, "waktu": "2025-03-03T09:30:00+00:00",
        "sha256": receipt.sha256,
    }  # fmt: skip
    with Archive.open(arsip) as archive:
        (info,) = archive.versions("P3M")
        assert (info.kind, info.file_name, info.compiled_by) == ("unit", P3M.name, "kirim:P3M")
        assert (info.sha256, info.tahun, info.status) == (receipt.sha256, 2025, "disahkan")
        assert archive.get("P3M").cells["PK!B5"]["value"] == "P3M"


def test_the_same_content_again_is_not_a_new_version(arsip: str, tmp_path: Path):
    first, _ = send(payload(P3M), arsip, "P3M")
    again, (text, *_) = send(payload(P3M), arsip, "P3M")
    # The same values saved again by another program: other bytes, the same content.
    resaved = tmp_path / "lagi" / P3M.name
    resaved.parent.mkdir()
    openpyxl.load_workbook(P3M).save(resaved)
    assert resaved.read_bytes() != P3M.read_bytes()
    third, _ = send(payload(resaved), arsip, "P3M")
    assert first and again and third and first.receipt and again.receipt and third.receipt
    assert (again.receipt.version, again.receipt.new) == (1, False)
    assert (third.receipt.version, third.receipt.new) == (1, False)
    assert again.receipt.sha256 == first.receipt.sha256 == third.receipt.sha256
    assert text.startswith("Tidak berubah:") and "versi 1 unit P3M" in text
    assert again.to_dict()["status"] == "tidak_berubah"
    with Archive.open(arsip) as archive:
        assert len(archive.versions("P3M")) == 1


def test_a_changed_value_makes_version_2(arsip: str):
    send(payload(P3M), arsip, "P3M")
    result, (text, *_) = send(set_cell(payload(P3M), "PK", "B15", "Kota Baru"), arsip, "P3M")
    assert result is not None and result.receipt is not None
    assert (result.receipt.version, result.receipt.new) == (2, True)
    assert "versi 2 unit P3M" in text
    with Archive.open(arsip) as archive:
        assert [v.version for v in archive.versions("P3M")] == [1, 2]
        changes = archive.diff("P3M", 1, 2)
    assert [(c.cell, c.old, c.new) for c in changes] == [("PK!B15", "Kota Contoh", "Kota Baru")]


def test_a_key_of_another_unit_is_refused(arsip: str):
    result, (text, _title, _buttons, mode, *_) = send(payload(AK), arsip, "TI")
    assert result is None and mode == "critical"
    assert error_code(text) == ErrorCode.KIRIM_UNIT_LAIN and "unit AK" in text and "unit TI" in text
    result, (text, *_) = send(payload(SKP_LINA), arsip, "TI")  # P3M's employee
    assert result is None and error_code(text) == ErrorCode.KIRIM_UNIT_LAIN and "unit P3M" in text
    with Archive.open(arsip) as archive:
        assert archive.submissions() == []


def test_an_skp_belongs_to_its_employees_unit_and_is_kept_by_nip(arsip: str):
    result, (text, *_) = send(payload(SKP_LINA), arsip, "p3m")  # the key's unit in any case
    assert result is not None and result.receipt is not None
    assert (result.unit, result.kind, result.receipt.unit) == ("P3M", "skp", "199409092020122001")
    assert "SKP NIP 199409092020122001 (unit P3M)" in text
    with Archive.open(arsip) as archive:
        assert [v.kind for v in archive.versions("199409092020122001")] == ["skp"]


def test_the_master_is_never_sent(arsip: str):
    result, (text, *_) = send(payload(MASTER), arsip, None)
    assert result is None and error_code(text) == ErrorCode.KIRIM_MASTER


def test_without_a_key_per_unit_nothing_is_checked(arsip: str):
    result, _ = send(clean_ti(), arsip, None)
    assert result is not None and result.receipt is not None
    with Archive.open(arsip) as archive:
        assert archive.versions("TI")[0].compiled_by == "kirim:server"


def test_local_mode_says_kirim_needs_the_server(arsip: str):
    book = xw.Book(json=payload(P3M))
    local = ActionContext(mode=Mode.LOKAL, master=MASTER, db=arsip, now=NOW)
    assert run_action("kirim", book, local) is None
    (alert,) = book.json()["actions"]
    assert error_code(alert["args"][0]) == ErrorCode.MODE_HANYA_SERVER
    assert not Path(arsip).exists()  # no archive opened


def test_concurrent_kirim_on_postgresql(postgres: PostgresCluster):
    """20 workbooks of different content sent at once (10 of P3M, 10 of TI) to a real
    PostgreSQL server: every one recorded, each unit's versions 1..10 without a gap or a
    repeat, every version holding the content of one of the workbooks sent."""
    db = postgres.new_database()
    Archive.open(db).close()  # the schema first, as the server does at its start
    sent = []  # (unit, tempat, the workbook as sent)
    for n in range(20):
        unit, body = ("P3M", payload(P3M)) if n % 2 else ("TI", clean_ti())
        sent.append((unit, f"Kota {n}", set_cell(body, "PK", "B15", f"Kota {n}")))

    def kirim(unit: str, body: dict[str, Any]) -> KirimResult:
        # The action itself, without run_action's message box: the remote engine appends
        # an alert to the app's most recently opened book, whichever thread opened it.
        result = ACTIONS["kirim"](xw.Book(json=body), server(db, unit))
        assert isinstance(result, KirimResult)
        return result

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda s: kirim(s[0], s[2]), sent))
    receipts = [r.receipt for r in results if r.receipt is not None]
    assert len(receipts) == 20 and all(r.new for r in receipts)
    with Archive.open(db) as archive:
        for unit in ("P3M", "TI"):
            mine = sorted(r.version for r in receipts if r.unit == unit)
            assert mine == list(range(1, 11))
            kept = archive.versions(unit)
            assert [v.version for v in kept] == mine
            assert len({v.sha256 for v in kept}) == 10
            places = {archive.get(unit, v.version).cells["PK!B15"]["value"] for v in kept}
            assert places == {tempat for owner, tempat, _ in sent if owner == unit}
        latest = {v.unit: v.version for v in archive.submissions()}
        assert latest == {"P3M": 10, "TI": 10}
