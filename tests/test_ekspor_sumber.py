"""What an export is made from: the same tables whether from the compiled model in memory
or read back from the compiled workbook written from it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import KompilasiResult, compile_workbooks
from xlkinerja.kompilasi.ekspor_sumber import SKP, EksporSumber, from_kompilasi, from_rekap
from xlkinerja.kompilasi.ekspor_tabel import FIELDS, last_day, tables
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.rekap import read_rekap

NOW = datetime(2025, 3, 3, 9, 30)


def read_back(path: Path) -> EksporSumber:
    return from_rekap(read_rekap(path))


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> KompilasiResult:
    out = tmp_path_factory.mktemp("rekap") / "rekap.xlsx"
    return compile_workbooks(
        workbook_files([SAMPLE], master=SAMPLE / MASTER_FILE),
        output=out,
        record=False,
        workers=1,
        now=NOW,
    )


def test_the_rekap_read_back_gives_the_tables_of_the_model(compiled: KompilasiResult):
    from_model = tables(from_kompilasi(compiled.kompilasi))
    from_file = tables(read_back(compiled.output))
    assert {name: len(rows) for name, rows in from_model.items()} == {
        "hierarki": 30,
        "pk": 26,
        "realisasi": 49,
        "skp": 13,
    }
    assert from_file == from_model


def test_every_row_has_its_tables_fields(compiled: KompilasiResult):
    for name, rows in tables(from_kompilasi(compiled.kompilasi)).items():
        assert all(tuple(row) == FIELDS[name] for row in rows), name
    # the skp table's fields are the Rekap SKP's (nama_unit as "unit"), then its catatan
    assert FIELDS["skp"] == (SKP[0], "unit", *SKP[2:], "catatan")


def test_a_value_that_cannot_be_read_stays_blank_with_its_reason(compiled: KompilasiResult):
    rows = tables(from_kompilasi(compiled.kompilasi))
    # AK's "1.050" for IKK-AK-3 TW II is ambiguous: no realisasi, never 0, and a reason
    (ak3,) = [r for r in rows["realisasi"] if r["kode_indikator"] == "IKK-AK-3" and r["tw"] == 2]
    assert ak3["realisasi"] is None and ak3["capaian"] is None
    assert ak3["catatan"] == "realisasi TW II tidak dapat dibaca (sel Capaian!D12 berisi '1.050')"
    (node,) = [r for r in rows["hierarki"] if r["kode"] == "IKK-AK-3"]
    assert node["realisasi_tw1"] == 0.0 and node["realisasi_tw2"] is None
    assert "target 0: capaian tidak dapat dihitung" in node["catatan"]


def test_the_hierarchy_puts_every_node_under_its_parent(compiled: KompilasiResult):
    rows = tables(from_kompilasi(compiled.kompilasi))["hierarki"]
    seen: set[str] = set()
    for row in rows:
        if row["level"] != "sasaran" and row["kode"] != "IKK-TI-6":
            assert row["kode_induk"] in seen, row["kode"]
        seen.add(row["kode"])
    assert [r["level"] for r in rows[:3]] == ["sasaran", "iku", "ikk"]
    (orphan,) = [r for r in rows if r["kode"] == "IKK-TI-6"]
    assert orphan["kode_induk"] == "IKU-9" and "IKU induk IKU-9 tidak ada" in orphan["catatan"]


def test_the_period_is_the_quarters_last_day():
    assert [last_day(2024, tw) for tw in (1, 2, 3, 4)] == [
        date(2024, 3, 31),
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]
    assert last_day(None, 1) is None


def test_a_workbook_that_is_not_a_rekap_is_refused_by_name(tmp_path: Path):
    with raises(ErrorCode.REKAP_LEMBAR_HILANG, WorkbookError) as caught:
        read_rekap(SAMPLE / MASTER_FILE)
    assert caught.value.path is not None and caught.value.path.name == MASTER_FILE


def test_a_units_budget_without_a_unit_code_reads_back_as_its_own_unit(
    compiled: KompilasiResult, tmp_path: Path
):
    """A unit that gave no kode_unit still gets a unit row (Kode "(tanpa kode)") on Rekap PK:
    read back, its programs are its own, not the programs of the unit before it."""
    from dataclasses import replace

    import pandas as pd

    from xlkinerja.render.rekap.writer import write_kompilasi

    k = compiled.kompilasi
    extra = pd.DataFrame(
        [
            {"kode_unit": None, "nama_unit": None, "program": "Program tanpa unit",
             "anggaran": 5_000_000.0, "kode_ikk": None, "realisasi_tw1": 1_000_000.0,
             "realisasi_tw2": None, "realisasi_tw3": None, "realisasi_tw4": None,
             "keterangan": None, "berkas": "x.xlsx", "baris": 30},
        ]
    )  # fmt: skip
    anggaran = pd.concat([k.anggaran, extra.astype(k.anggaran.dtypes.to_dict())], ignore_index=True)
    path = write_kompilasi(replace(k, anggaran=anggaran), tmp_path / "rekap.xlsx")
    back = read_back(path).anggaran
    from xlkinerja.kompilasi.ekspor_sumber import ANGGARAN

    expected = anggaran[list(ANGGARAN)]  # the IKK and realisasi read back too
    assert back.astype(object).where(back.notna(), None).values.tolist() == (
        expected.astype(object).where(expected.notna(), None).values.tolist()
    )
    assert back["kode_unit"].isna().sum() == 1
