from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.cascade.prefill import person_slug, skp_file_name, unit_file_name
from xlkinerja.jobs.templat import write_unit_workbooks
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import UNIT


@pytest.fixture(scope="module")
def prefilled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("unit")
    result = write_unit_workbooks(SAMPLE / MASTER_FILE, out)
    return {read_form(p).value("kode_unit"): p for p in result.written}


def test_one_workbook_per_unit_of_the_master(prefilled: dict[str, Path]):
    assert set(prefilled) == {"TI", "TM", "AK", "P3M", "BAAK"}
    assert prefilled["TI"].name == "TI-jurusan-teknik-informatika.xlsx"


def test_unit_workbook_is_prefilled_from_the_level_above(prefilled: dict[str, Path]):
    data = read_form(prefilled["TI"], UNIT)
    assert data.value("nama_unit") == "Jurusan Teknik Informatika"
    assert data.value("tahun") == 2025
    assert data.value("pihak_pertama_nip") == "197803152005011002"
    assert data.value("pihak_kedua_jabatan") == "Direktur"
    assert data.value("status") == "draft"
    ref = {r.value("kode_iku"): r.value("target") for r in data.table("ref_iku")}
    # IKU assigned to TI in the master, with the Renstra target of year 1 (2025).
    assert ref == {"IKU-1": 75, "IKU-2": 30, "IKU-3": 500, "IKU-4": 25, "IKU-6": 80}
    tim = {r.value("nip") for r in data.table("tim")}
    assert "198811032014041001" in tim
    assert len(data.table("pk")) == 0  # the unit derives its own IKK


def test_only_the_requested_units(tmp_path: Path):
    result = write_unit_workbooks(SAMPLE / MASTER_FILE, tmp_path, units=["P3M"])
    assert [p.name for p in result.written] == [
        "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"
    ]


def test_file_names_say_what_they_are():
    assert unit_file_name("TI", "Jurusan Teknik Informatika") == (
        "TI-jurusan-teknik-informatika.xlsx"
    )
    assert person_slug("Dr. Ir. Hendra Wijaya, M.T.") == "hendra-wijaya"
    assert skp_file_name("TI", "Budi Santoso, S.Kom., M.Cs.") == "skp-TI-budi-santoso.xlsx"
