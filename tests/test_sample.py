from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.io.reader import read_form
from xlkinerja.sample.build import build_sample


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_sample(tmp_path_factory.mktemp("contoh"))


def test_committed_sample_equals_a_fresh_build(rebuilt: list[Path]):
    committed = sorted(p.name for p in SAMPLE.glob("*.xlsx"))
    assert committed == sorted(p.name for p in rebuilt)
    for path in rebuilt:
        assert (SAMPLE / path.name).read_bytes() == path.read_bytes(), (
            f"{path.name} is stale: run 'python -m xlkinerja.sample.build workbooks/contoh'"
        )


def test_sample_institution_has_a_master_units_and_skp():
    kinds: dict[str, list[str]] = {}
    for path in sorted(SAMPLE.glob("*.xlsx")):
        kinds.setdefault(read_form(path).form.id, []).append(path.name)
    assert len(kinds["master"]) == 1
    assert "master" in kinds["master"][0]
    assert len(kinds["unit"]) >= 4
    assert all("skp" not in n and "master" not in n for n in kinds["unit"])
    assert len(kinds["skp"]) >= 3
    assert all("skp" in n for n in kinds["skp"])


def test_sample_keeps_what_staff_typed_as_text():
    tm = read_form(SAMPLE / "TM-jurusan-teknik-mesin.xlsx")
    assert tm.value("tanggal_diajukan") == "26 Februari 2025"
    targets = {r.value("kode_ikk"): r.value("target") for r in tm.table("pk")}
    assert targets["IKK-TM-2"] == "30 %"
    capaian = [r for r in tm.table("capaian") if r.value("kode_ikk") == "IKK-TM-2"]
    assert [r.value("realisasi") for r in capaian] == ["5%", None, 26]
