"""The keyed exports (issue 22, "Keys everywhere"): pk-csv and realisasi-csv, written from
the sample's rekap, join on (tahun, kode_unit, kode_indikator) with no orphan — IKK codes
may repeat across units, so the unit is part of the key — and the hierarchy carries the
unit, the year and the period of its capaian."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import SAMPLE
from xlkinerja.jobs.ekspor import export
from xlkinerja.jobs.inputs import CompiledRekap, workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
KEY = ("tahun", "kode_unit", "kode_indikator")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kunci")
    rekap = out / "rekap.xlsx"
    compile_workbooks(workbook_files([SAMPLE], master=MASTER), output=rekap, record=False)
    export(CompiledRekap(rekap), profiles=[], output=out / "ekspor")
    return out / "ekspor"


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_pk_and_realisasi_join_on_their_keys_with_no_orphan(folder: Path):
    pk = _csv(folder / "pk-2025.csv")
    realisasi = _csv(folder / "realisasi-2025.csv")
    keyed = {tuple(r[k] for k in KEY): r for r in pk}
    assert len(keyed) == len(pk)  # the key is unique in the PK
    assert realisasi
    for row in realisasi:
        match = keyed.get(tuple(row[k] for k in KEY))
        assert match is not None, row  # no orphan
        assert match["level"] == "ikk" and match["kode_iku"] == row["kode_iku"], row
    iku = [r for r in pk if r["level"] == "iku"]
    assert len(iku) == 8 and all(r["kode_unit"] == "" for r in iku)
    for row in pk:  # every row says its arah both ways, its parent and its sasaran
        assert row["arah"] in ("naik", "turun"), row
        assert row["tipe_indikator"] == {"naik": "positif", "turun": "negatif"}[row["arah"]]
        assert row["kode_iku"] and row["sasaran"], row
    iku8 = next(r for r in iku if r["kode_indikator"] == "IKU-8")
    assert (iku8["arah"], iku8["tipe_indikator"]) == ("turun", "negatif")


def test_the_unit_rows_carry_the_sasaran_the_unit_signed(folder: Path):
    pk = _csv(folder / "pk-2025.csv")
    ti1 = next(r for r in pk if r["kode_indikator"] == "IKK-TI-1")
    assert ti1["sasaran"] == "Meningkatnya kualitas lulusan program studi"  # PK-TI-2025
    assert ti1["kode_sasaran"] == "SS-1"  # the institution's SS above its IKU


def test_the_hierarchy_carries_unit_year_and_period(folder: Path):
    path = next(folder.glob("esakip-hierarki-*.xlsx"))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Hierarki").to_python()
    head, body = rows[0], rows[1:]
    at = {name: head.index(name) for name in ("level", "kode_unit", "tahun", "periode", "tipe")}
    assert {r[at["periode"]] for r in body} == {"s.d. TW III"}
    assert all(r[at["tahun"]] == 2025 for r in body)
    ikk = [r for r in body if r[at["level"]] == "ikk"]
    assert ikk and all(r[at["kode_unit"]] for r in ikk)
    assert all(r[at["tipe"]] in ("naik", "turun") for r in body if r[at["level"]] != "sasaran")
