import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.core.form_data import CellFormat
from xlkinerja.sample.build import build_sample
from xlkinerja.sources.reader import read_form
from xlkinerja.validation.normalise import normalise_form


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


def test_sample_has_a_unit_that_typed_percentages_the_excel_way():
    """Jurusan Akuntansi typed 80% where the satuan is %: the file holds 0.8 with Excel's
    built-in percent format; read, it is 80 again (the sample's capaian: test_cli)."""
    path = SAMPLE / "AK-jurusan-akuntansi.xlsx"
    ak = read_form(path)
    targets = {r.value("kode_ikk"): r.value("target") for r in ak.table("pk")}
    assert targets == {"IKK-AK-1": 0.8, "IKK-AK-2": 0.3, "IKK-AK-3": 100, "IKK-AK-4": 0.2,
                       "IKK-AK-5": 1}  # fmt: skip
    assert ak.number_formats[("PK", "G23")] == CellFormat.PERSEN
    assert len(ak.number_formats) == 4 + 4 * 4 + 4 * 2  # PK, Rencana Aksi, Capaian
    assert b'numFmtId="9"' in zipfile.ZipFile(path).read("xl/styles.xml")
    form, findings = normalise_form(ak)
    assert form.tables["pk"].columns["target"] == [80, 30, 100, 20, 100]
    assert [f.code for f in findings] == ["capaian.realisasi.angka_ambigu"]  # planted 1.050


def test_sample_keeps_what_staff_typed_as_text():
    tm = read_form(SAMPLE / "TM-jurusan-teknik-mesin.xlsx")
    assert tm.value("tanggal_diajukan") == "26 Februari 2025"
    targets = {r.value("kode_ikk"): r.value("target") for r in tm.table("pk")}
    assert targets["IKK-TM-2"] == "30 %"
    capaian = [r for r in tm.table("capaian") if r.value("kode_ikk") == "IKK-TM-2"]
    assert [r.value("realisasi") for r in capaian] == ["5%", None, 26]
