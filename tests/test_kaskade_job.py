"""Top-down generation of SKP workbooks from a unit's matriks, and merging on re-run."""

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.core.codes import Code
from xlkinerja.core.form_data import FormValues
from xlkinerja.jobs.kaskade import generate_skp
from xlkinerja.render.template.writer import write_template
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import SKP_FORM, UNIT

TI = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"


@pytest.fixture
def generated(tmp_path: Path):
    return generate_skp(TI, tmp_path, master=SAMPLE / MASTER_FILE)


def test_every_employee_in_the_matriks_and_the_head_gets_an_skp(generated, tmp_path: Path):
    names = sorted(o.path.name for o in generated.outcomes)
    assert names == [
        "skp-TI-andi-pratama.xlsx",
        "skp-TI-budi-santoso.xlsx",
        "skp-TI-dewi-lestari.xlsx",
        "skp-TI-rina-marlina.xlsx",
        "skp-TI-siti-rahmawati.xlsx",
    ]
    budi = read_form(tmp_path / "skp-TI-budi-santoso.xlsx", SKP_FORM)
    assert budi.value("nip") == "198811032014041001"
    assert budi.value("pangkat") == "Penata (III/c)"  # from the master
    assert budi.value("penilai_nip") == "197803152005011002"  # the head of TI
    rows = budi.table("rhk").records()
    assert [(r["rhk_pimpinan"], r["kode_rhk"], r["aspek"], r["target"]) for r in rows] == [
        ("IKK-TI-3", "RHK-1", "kuantitas", 120),
        ("IKK-TI-1", "RHK-2", "kuantitas", 150),
    ]


def test_the_head_gets_rhk_from_the_unit_pk(generated, tmp_path: Path):
    andi = read_form(tmp_path / "skp-TI-andi-pratama.xlsx", SKP_FORM)
    rows = andi.table("rhk").records()
    pk = read_form(TI, UNIT).table("pk").records()
    assert [r["rhk_pimpinan"] for r in rows] == [r["kode_iku"] for r in pk]
    assert [r["target"] for r in rows] == [r["target"] for r in pk]
    assert andi.value("penilai_jabatan") == "Direktur"


def test_rerun_keeps_what_the_employee_typed_and_reports_conflicts(generated, tmp_path: Path):
    budi_path = tmp_path / "skp-TI-budi-santoso.xlsx"
    typed = FormValues.from_form_data(read_form(budi_path, SKP_FORM))
    rows = [dict(r) for r in typed.tables["rhk"]]
    rows[0]["iki"] = "Jumlah mahasiswa kompeten (ditulis pegawai)"
    rows[0]["target"] = 110  # differs from the matriks (120)
    rows.append(
        {
            "jenis": "Tambahan",
            "kode_rhk": "RHK-9",
            "rhk": "Panitia wisuda",
            "kode_iki": "IKI-9.1",
            "aspek": "kuantitas",
            "iki": "Kegiatan",
            "target": 1,
            "satuan": "kegiatan",
        }
    )
    typed = FormValues(
        fields={**typed.fields, "periode_mulai": datetime(2025, 1, 1).date()},
        tables={
            **typed.tables,
            "rhk": rows,
            "realisasi": [{"kode_iki": "IKI-1.1", "periode": "TW I", "realisasi": 0}],
        },
    )
    write_template(SKP_FORM, budi_path, typed)
    before = budi_path.read_bytes()
    # The matriks changes: Budi gets a new role result.
    unit = FormValues.from_form_data(read_form(TI, UNIT))
    matriks = [dict(r) for r in unit.tables["matriks"]]
    matriks.append(
        {
            **matriks[1],
            "rhk": "Tersusunnya laporan tracer study",
            "aspek": "waktu",
            "iki": "Laporan selesai bulan ke-",
            "target": 11,
            "satuan": "bulan",
        }
    )
    changed_unit = write_template(
        UNIT, tmp_path / "unit" / TI.name, replace(unit, tables={**unit.tables, "matriks": matriks})
    )
    result = generate_skp(
        changed_unit, tmp_path, master=SAMPLE / MASTER_FILE, now=datetime(2025, 3, 1, 9, 0)
    )
    outcome = next(o for o in result.outcomes if o.path == budi_path)
    assert not outcome.created
    assert outcome.added_rows == 1
    assert outcome.backup is not None and outcome.backup.read_bytes() == before
    merged = read_form(budi_path, SKP_FORM)
    records = merged.table("rhk").records()
    # The conflict is a finding at its cell of the SKP written: the first row's target.
    rhk = merged.tables["rhk"]
    assert [(f.code, f.file, f.sheet, f.cell, f.row, f.value) for f in outcome.findings] == [
        (
            Code.KASKADE_KONFLIK_TARGET_BEDA, str(budi_path), rhk.sheet,
            f"{rhk.letters['target']}{rhk.numbers[0]}", rhk.numbers[0], "110",
        )
    ]  # fmt: skip
    assert len(outcome.conflicts) == len(outcome.findings)  # each also as people read it
    assert result.to_dict()["skp"][[o.path for o in result.outcomes].index(budi_path)]["temuan"]
    assert records[0]["iki"] == "Jumlah mahasiswa kompeten (ditulis pegawai)"
    assert records[0]["target"] == 110
    assert any(r["kode_rhk"] == "RHK-9" and r["jenis"] == "Tambahan" for r in records)
    new = [r for r in records if r["rhk"] == "Tersusunnya laporan tracer study"]
    assert len(new) == 1 and new[0]["kode_rhk"] not in {"RHK-1", "RHK-9"}
    assert merged.table("realisasi").records()[0]["kode_iki"] == "IKI-1.1"
    assert merged.value("periode_mulai") is not None


def test_generated_skp_pass_the_cascade_checks(generated, tmp_path: Path):
    from xlkinerja.jobs.validasi import validate_paths

    result = validate_paths([tmp_path, TI, SAMPLE / MASTER_FILE])
    skp_codes = {f.code for f in result.findings if "skp-" in f.file}
    # Only the inherited mistake remains: the head's RHK for IKK-TI-6 intervenes IKU-9.
    assert skp_codes == {"kaskade.rhk_pimpinan.tidak_dikenal"}


def test_cascade_tree_of_the_sample(tmp_path: Path):
    from xlkinerja.cascade.tree import Level, Problem
    from xlkinerja.jobs.pohon import draw_cascade

    result = draw_cascade([SAMPLE], tmp_path)
    tree = result.tree
    assert [n.code for n in tree.roots] == [f"IKU-{i}" for i in range(1, 9)]
    uncovered = {n.code for n in tree.roots if n.problem == Problem.UNCOVERED}
    assert uncovered == {"IKU-7", "IKU-8"}  # IKU-8's unit (BAAK) sent nothing
    orphans = {(n.code, n.parent_code) for n in tree.orphans}
    assert orphans == {("IKK-TI-6", "IKU-9"), ("RHK-2", "IKK-TI-9")}
    iku3 = next(n for n in tree.roots if n.code == "IKU-3")
    assert {c.code for c in iku3.children if c.level == Level.IKK} == {
        "IKK-TI-3",
        "IKK-TM-3",
        "IKK-AK-3",
    }
    # The head's RHK intervene the IKU directly: drawn under it, not rolled up into it.
    (head,) = [c for c in iku3.children if c.level == Level.RHK]
    assert head.owner.startswith("Dr. Andi Pratama") and head.code == "RHK-2"
    # The tree shows TW III, the latest quarter reported. AK reported up to TW II only (its
    # TW II realisasi "1.050" of IKK-AK-3 cannot be read): its IKK have no TW III figure —
    # neither their TW II one nor "unknown" — and IKU-3 (beban target) is the sum of the
    # realisasi of the two that did against the sum of their targets.
    assert tree.periode == 3
    ak3 = next(c for c in iku3.children if c.code == "IKK-AK-3")
    assert ak3.capaian is None and not ak3.tak_terbaca and ak3.catatan == "belum melapor TW III"
    assert iku3.capaian == pytest.approx((142 + 96) / (140 + 60) * 100)
    assert not iku3.tak_terbaca
    assert iku3.catatan == "2 dari 3 IKK melapor TW III"
    iku1 = next(n for n in tree.roots if n.code == "IKU-1")
    derived = [c for c in iku1.children if c.level == Level.IKK]
    assert len(derived) < len(iku1.children)  # the head's RHK hang there too
    # IKU-1 (rasio, its Manual IKU): TI's and TM's graduates working, 66 of 100 and 29 of
    # 50, against their targets 70 % and 60 % weighted by those graduates
    assert iku1.capaian == pytest.approx((95 / 150 * 100) / ((70 * 100 + 60 * 50) / 150) * 100)
    ti3 = next(c for c in iku3.children if c.code == "IKK-TI-3")
    # realisasi per quarter 0 + 64 + 78 (kumulatif) against the cumulative TW III target 140
    assert round(ti3.capaian, 1) == 101.4
    assert ti3.status.value == "hijau"
    assert any(c.level == Level.RHK and c.owner.startswith("Budi") for c in ti3.children)
    assert result.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = result.svg.read_text(encoding="utf-8")
    assert "<!-- IKU-7 -->" in svg  # text is drawn as paths; matplotlib keeps it in comments
    assert "<!-- IKK-TI-6 · Jurusan Teknik Informatika -->" in svg
    assert result.xlsx.exists()


def test_the_compiled_tree_shows_the_heads_rhk_and_the_matriks_roles(tmp_path: Path):
    """The compiled report's Pohon Kinerja sheet shows what `pohon` draws: the RHK a head
    sets against an IKU, and the roles of staff who sent no SKP (from the matriks)."""
    from python_calamine import CalamineWorkbook

    from xlkinerja.jobs.inputs import workbook_files
    from xlkinerja.jobs.kompilasi import compile_workbooks

    rekap = tmp_path / "rekap.xlsx"
    compile_workbooks(
        workbook_files([SAMPLE], master=SAMPLE / MASTER_FILE), output=rekap, record=False, workers=1
    )
    rows = CalamineWorkbook.from_path(str(rekap)).get_sheet_by_name("Pohon Kinerja").to_python()
    rhk = [[v for v in r if v != ""] for r in rows if "RHK" in r]
    heads = [r for r in rhk if any(str(v).startswith("Dr. Andi Pratama") for v in r)]
    assert len(heads) == 3  # his RHK for IKU-1, IKU-3 and IKU-6
    roles = [r for r in rhk if "peran" in r]
    assert any("Dewi Lestari, S.T., M.T." in r for r in roles)  # no SKP: her matriks role


def test_the_tree_says_which_workbook_it_left_out_with_its_code_and_cell(tmp_path: Path):
    import shutil

    from tests import bad_files
    from xlkinerja.errors import ErrorCode
    from xlkinerja.jobs.pohon import draw_cascade

    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md"))
    broken = bad_files.merged_in_table(folder)
    result = draw_cascade([folder], tmp_path / "pohon")
    (skipped,) = result.skipped
    found = skipped.finding
    assert (found.code, found.file, found.sheet, found.cell) == (
        ErrorCode.TEMPLAT_SEL_DIGABUNG, str(broken), "PK", "A22:C22"
    )  # fmt: skip
    payload = result.to_dict()
    assert payload["dilewati"] == [skipped.message] and broken.name in skipped.message
    assert [f["code"] for f in payload["temuan"]] == [ErrorCode.TEMPLAT_SEL_DIGABUNG]
    assert f"Dilewati [templat.sel_digabung]: {skipped.message}" in result.summary().plain_text()
