"""Cascade integrity across workbooks, asserted on codes, cells and the parent reference."""

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.core.form_data import FormValues
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.render.template.writer import write_template
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import MASTER, SKP_FORM, UNIT

P3M = SAMPLE / "P3M-pusat-penelitian-dan-pengabdian-kepada-masyarakat.xlsx"
LINA = SAMPLE / "skp-P3M-lina-kusuma.xlsx"


def values(path: Path) -> FormValues:
    return FormValues.from_form_data(read_form(path))


def edit(values: FormValues, table: str, index: int, **changes) -> FormValues:
    rows = [dict(r) for r in values.tables[table]]
    rows[index] = {**rows[index], **changes}
    return replace(values, tables={**values.tables, table: rows})


def codes(paths: list[Path]) -> set[tuple[str, str, str | None]]:
    return {(Path(f.file).name, f.code, f.cell) for f in validate_paths(paths).findings}


@pytest.fixture
def master(tmp_path: Path) -> Path:
    return write_template(MASTER, tmp_path / "master.xlsx", values(SAMPLE / MASTER_FILE))


def test_a_clean_unit_and_its_skp_pass_the_cascade(master: Path):
    found = codes([master, P3M, LINA])
    assert {c for c in found if c[0] != "master.xlsx"} == set()


def test_beban_target_split_that_does_not_sum(tmp_path: Path, master: Path):
    unit = write_template(UNIT, tmp_path / "p3m.xlsx", edit(values(P3M), "pk", 0, target=35))
    data = read_form(unit)
    cell = data.table("pk").rows[0]["target"].cell
    finding = next(
        f
        for f in validate_paths([master, unit]).findings
        if f.code == "kaskade.beban.jumlah_tidak_sama"
    )
    assert (finding.cell, finding.ref_sheet) == (cell, "IKU")
    assert Path(finding.ref_file).name == "master.xlsx"


def test_split_is_not_judged_while_an_assigned_unit_has_not_sent(tmp_path: Path):
    # IKU-3 is split among TI, TM and AK: with TI alone the sum cannot be judged yet.
    found = codes([SAMPLE / MASTER_FILE, SAMPLE / "TI-jurusan-teknik-informatika.xlsx"])
    assert not any(code == "kaskade.beban.jumlah_tidak_sama" for _, code, _ in found)


def test_ikk_rules_against_the_master(tmp_path: Path, master: Path):
    p3m = edit(
        values(P3M),
        "pk",
        1,
        kode_iku="IKU-1",
        satuan="orang",
        arah="turun",
        metode_kaskade="wilayah",
    )
    unit = write_template(UNIT, tmp_path / "p3m.xlsx", p3m)
    rows = read_form(unit).table("pk").rows
    found = codes([master, unit])
    assert ("p3m.xlsx", "kaskade.ikk.iku_tidak_ditugaskan", rows[1]["kode_iku"].cell) in found
    assert ("p3m.xlsx", "kaskade.ikk.satuan_beda", rows[1]["satuan"].cell) in found
    assert ("p3m.xlsx", "kaskade.ikk.arah_beda", rows[1]["arah"].cell) in found
    # the single-workbook arah finding for the same cell is replaced by the cascade one
    assert ("p3m.xlsx", "pk.arah.beda_iku", rows[1]["arah"].cell) not in found


def test_duplicates_across_workbooks(tmp_path: Path, master: Path):
    copy = write_template(UNIT, tmp_path / "p3m-lagi.xlsx", values(P3M))
    skp = write_template(SKP_FORM, tmp_path / "skp-lagi.xlsx", values(LINA))
    found = codes([master, P3M, copy, LINA, skp])
    names = {(name, code) for name, code, _ in found}
    assert ("p3m-lagi.xlsx", "kaskade.unit.ganda") in names
    assert {
        (P3M.name, "kaskade.ikk.duplikat_antar_unit"),
        ("p3m-lagi.xlsx", "kaskade.ikk.duplikat_antar_unit"),
    } <= names
    assert ("skp-lagi.xlsx", "kaskade.skp.ganda") in names


def test_people_and_units_unknown_to_the_master(tmp_path: Path, master: Path):
    unit = write_template(
        UNIT,
        tmp_path / "x.xlsx",
        replace(values(P3M), fields={**values(P3M).fields, "kode_unit": "XX"}),
    )
    lina = values(LINA)
    skp = write_template(
        SKP_FORM,
        tmp_path / "skp-x.xlsx",
        replace(
            lina,
            fields={
                **lina.fields,
                "nip": "200001012025011001",
                "penilai_nip": "197005121995031001",
            },
        ),
    )
    found = codes([master, unit, skp])
    assert ("x.xlsx", "kaskade.unit.tidak_dikenal", "B5") in found
    assert (
        "skp-x.xlsx",
        "kaskade.skp.pegawai_tidak_dikenal",
        read_form(skp).fields["nip"].cell,
    ) in found


def test_penilai_who_is_not_the_superior(tmp_path: Path, master: Path):
    lina = values(LINA)
    skp = write_template(
        SKP_FORM,
        tmp_path / "skp-lina.xlsx",
        replace(lina, fields={**lina.fields, "penilai_nip": "197005121995031001"}),
    )
    cell = read_form(skp).fields["penilai_nip"].cell
    assert ("skp-lina.xlsx", "kaskade.skp.penilai_bukan_atasan", cell) in codes([master, P3M, skp])


def test_rhk_pimpinan_must_be_a_code_of_the_superior(tmp_path: Path, master: Path):
    skp = write_template(
        SKP_FORM, tmp_path / "skp-lina.xlsx", edit(values(LINA), "rhk", 2, rhk_pimpinan="IKK-P3M-7")
    )
    cell = read_form(skp).table("rhk").rows[2]["rhk_pimpinan"].cell
    finding = next(
        f
        for f in validate_paths([master, P3M, skp]).findings
        if f.code == "kaskade.rhk_pimpinan.tidak_dikenal"
    )
    assert finding.cell == cell
    assert (Path(finding.ref_file).name, finding.ref_sheet) == (P3M.name, "PK")


def test_matriks_beban_split_within_a_unit(tmp_path: Path):
    ti = values(SAMPLE / "TI-jurusan-teknik-informatika.xlsx")
    unit = write_template(UNIT, tmp_path / "ti.xlsx", edit(ti, "matriks", 1, target=100))
    rows = read_form(unit).table("matriks").rows
    found = codes([unit])
    assert ("ti.xlsx", "matriks.beban.jumlah_tidak_sama", rows[1]["target"].cell) in found
    assert ("ti.xlsx", "matriks.beban.jumlah_tidak_sama", rows[3]["target"].cell) in found


def test_superior_chain_cycle_and_uncovered_iku(tmp_path: Path):
    data = values(SAMPLE / MASTER_FILE)
    pegawai = [dict(r) for r in data.tables["pegawai"]]
    pegawai[0]["nip_atasan"] = pegawai[1]["nip"]  # the director reports to a head of unit
    penugasan = [r for r in data.tables["penugasan"] if r["kode_iku"] != "IKU-5"]
    master = write_template(
        MASTER,
        tmp_path / "m.xlsx",
        replace(data, tables={**data.tables, "pegawai": pegawai, "penugasan": penugasan}),
    )
    rows = read_form(master).table("pegawai").rows
    found = codes([master, SAMPLE / "TI-jurusan-teknik-informatika.xlsx"])
    assert ("m.xlsx", "kaskade.atasan.siklus", rows[0]["nip_atasan"].cell) in found
    iku = {r.value("kode_iku"): r["kode_iku"].cell for r in read_form(master).table("iku")}
    assert ("m.xlsx", "kaskade.iku.tidak_diturunkan", iku["IKU-5"]) in found
    assert ("m.xlsx", "kaskade.iku.unit_belum_mengirim", iku["IKU-8"]) in found
