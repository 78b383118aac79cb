"""Workbooks of an earlier template version are still read (specs `Form.earlier`): a unit
workbook of version 1.0 (before the Capaian sheet's Pembilang and Penyebut) and a master of
version 1.1 (before the IKU's Agregasi), as the sample was before — from the file, from the
archive, compiled with today's workbooks — each with a finding that says what it lacks; an
IKU combined as a ratio falls back to its satuan's rule where a unit could not give the
pembilang and penyebut, and says which IKK."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from xlkinerja.core.settings import Pengaturan
from xlkinerja.jobs.inputs import workbook_files
from xlkinerja.jobs.kompilasi import compile_workbooks
from xlkinerja.jobs.per_file import Work, process_source
from xlkinerja.jobs.validasi import validate_paths
from xlkinerja.sources.reader import read_form
from xlkinerja.sources.source import FormRead
from xlkinerja.specs import FORMS, MASTER, UNIT
from xlkinerja.store import Archive

OLD = Path(__file__).resolve().parent / "fixtures" / "versi-lama"
OLD_TI = OLD / "TI-jurusan-teknik-informatika.xlsx"
OLD_MASTER = OLD / "master-politeknik-negeri-contoh-2025.xlsx"
# the sample as it was before the fields of the RA's pengesahan and the PK variants
TI_1_2 = OLD / "TI-jurusan-teknik-informatika-1.2.xlsx"
MASTER_1_3 = OLD / "master-politeknik-negeri-contoh-2025-1.3.xlsx"
MASTER_NOW = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"


@pytest.mark.parametrize("form", list(FORMS.values()), ids=lambda f: f.id.value)
def test_every_earlier_version_is_the_form_without_the_columns_added_since(form):  # type: ignore[no-untyped-def]
    for earlier in form.earlier:
        assert form.as_of(earlier).schema_hash == earlier.schema_hash, earlier.version
        for table, columns in earlier.added:
            keys = {c.key for c in form.table(table).columns}
            assert set(columns) <= keys, (table, columns)
        assert set(earlier.fields_added) <= {f.key for f in form.fields}, earlier.version
        assert not {f.key for f in form.as_of(earlier).fields} & set(earlier.fields_added)


def test_a_unit_workbook_of_version_1_0_is_read_with_the_new_columns_blank():
    data = read_form(OLD_TI)
    assert data.meta.version == "1.0" and data.form is UNIT
    assert data.earlier is not None and data.earlier.version == "1.0"
    cap = data.tables["capaian"]
    assert len(cap.numbers) > 10
    assert set(cap.columns["pembilang"]) == {None} and set(cap.columns["penyebut"]) == {None}
    assert cap.columns["realisasi"][:3] == [22, 41, 66]  # what the unit typed, as before
    row = cap.rows[0]
    assert row.cells["pembilang"].cell == "" and row.cells["realisasi"].cell == "D7"


def test_a_master_of_version_1_1_is_read_and_every_iku_has_the_default_rule():
    data = read_form(OLD_MASTER)
    assert data.form is MASTER and data.earlier is not None
    assert set(data.tables["iku"].columns["agregasi"]) == {None}


def test_validasi_says_the_template_is_old_and_what_it_lacks():
    found = validate_paths([OLD_TI, OLD_MASTER], workers=1).findings
    old = {(Path(f.file).name, f.sheet): f for f in found if f.code == "templat.versi_lama"}
    assert set(old) == {(OLD_TI.name, "Capaian"), (OLD_MASTER.name, "IKU")}
    message = old[OLD_TI.name, "Capaian"].message
    assert "templat versi 1.0" in message and "Pembilang dan Penyebut" in message
    assert "xlkinerja pindahkan" in old[OLD_TI.name, "Capaian"].hint + message


def test_an_archived_version_1_0_is_restored(tmp_path: Path):
    db = tmp_path / "arsip.sqlite"
    result = process_source(FormRead(read_form(OLD_TI), "2" * 64), Pengaturan(), Work(archive=True))
    assert result.archive is not None
    with Archive.open(db) as archive:
        archive.record(result.archive)
        (version,) = archive.restore(archive.submissions())
    assert version.data is not None, version.error
    assert version.data.earlier is not None and version.data.meta.version == "1.0"
    assert version.data.tables["capaian"].columns["realisasi"][:3] == [22, 41, 66]


def test_an_old_unit_under_a_rasio_iku_falls_back_and_names_itself(tmp_path: Path):
    """Today's master combines IKU-1 as a ratio; TI's old workbook has no pembilang: IKU-1
    is combined by its satuan's rule (the mean of target and realisasi) and says so."""
    folder = tmp_path / "unit"
    folder.mkdir()
    shutil.copy(MASTER_NOW, folder / MASTER_NOW.name)
    shutil.copy(OLD_TI, folder / OLD_TI.name)
    shutil.copy(SAMPLE / "TM-jurusan-teknik-mesin.xlsx", folder)
    result = compile_workbooks(
        workbook_files([folder], master=folder / MASTER_NOW.name),
        output=tmp_path / "rekap.xlsx",
        record=False,
        workers=1,
    )
    iku = result.kompilasi.capaian_iku.set_index(["kode_iku", "tw"])
    tw3 = iku.loc[("IKU-1", 3)]
    assert tw3["cara_agregasi"] == "rata-rata target dan realisasi IKK (satuan sama: %)"
    assert "rasio memerlukan pembilang dan penyebut, tidak diisi oleh IKK-TI-1" in tw3["keterangan"]
    assert tw3["capaian"] == pytest.approx((66 + 58) / (70 + 60) * 100)
    codes = {(Path(f.file).name, f.code) for f in result.kompilasi.temuan}
    # its Referensi IKU predates Agregasi: the unit's own check cannot know IKU-1 is a
    # ratio; the template finding and the IKU's note say it
    assert (OLD_TI.name, "templat.versi_lama") in codes


def test_a_unit_workbook_of_version_1_2_is_read_with_the_fields_added_since_blank():
    data = read_form(TI_1_2)
    assert data.form is UNIT and data.earlier is not None and data.earlier.version == "1.2"
    assert list(data.fields) == [f.key for f in UNIT.fields]  # the current form's shape
    for key in ("nomor", "ra_disahkan_nama", "ra_tanggal_disahkan"):
        cell = data.fields[key]
        assert cell.value is None and cell.cell == ""  # no cell holds it
    assert data.fields["ra_tanggal_disahkan"].sheet == "Rencana Aksi"
    assert data.fields["tempat"].value == "Kota Contoh" and data.fields["tempat"].cell != ""
    assert len(data.tables["ra"].numbers) > 3  # the tables as before


def test_a_master_of_version_1_3_is_read_with_the_pk_variant_fields_blank():
    data = read_form(MASTER_1_3)
    assert data.form is MASTER and data.earlier is not None and data.earlier.version == "1.3"
    assert {data.fields[k].value for k in ("jenis_pk", "atasan_pimpinan_nama", "kop_logo")} == {
        None
    }
    assert data.fields["nama_pimpinan"].value  # what it had, as before


def test_validasi_says_a_version_without_the_new_fields_is_old_on_their_sheet():
    found = validate_paths([TI_1_2, MASTER_1_3], workers=1).findings
    old = {Path(f.file).name: f for f in found if f.code == "templat.versi_lama"}
    assert old[TI_1_2.name].sheet == "Rencana Aksi"
    assert "templat versi 1.2" in old[TI_1_2.name].message
    assert "pengesahan Rencana Aksi" in old[TI_1_2.name].message
    assert old[MASTER_1_3.name].sheet == "Pengaturan"
    assert "jenis PK" in old[MASTER_1_3.name].message
    # a field it lacks is not a finding of its own (blank, as an optional field may be)
    assert not [f for f in found if f.file.endswith(TI_1_2.name) and f.cell == ""]
