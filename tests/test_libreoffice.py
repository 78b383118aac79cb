"""Generated workbooks open in the real spreadsheet program here (LibreOffice) and, saved
again by it, read back with the same values."""

from pathlib import Path

import pytest

from tests import lo
from tests.conftest import SAMPLE
from xlkinerja.jobs.templat import write_blank_templates
from xlkinerja.sample.build import MASTER_FILE
from xlkinerja.sources.reader import read_form

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    work = tmp_path_factory.mktemp("lo")
    originals = write_blank_templates(work / "templat").written
    originals += [
        SAMPLE / MASTER_FILE,
        SAMPLE / "TI-jurusan-teknik-informatika.xlsx",
        SAMPLE / "TM-jurusan-teknik-mesin.xlsx",
        SAMPLE / "skp-TI-budi-santoso.xlsx",
    ]
    converted = lo.convert(originals, "xlsx:Calc MS Excel 2007 XML", work / "out", work / "profile")
    return list(zip(originals, converted, strict=True))


def test_every_file_survives_a_libreoffice_save(resaved: list[tuple[Path, Path]]):
    for original, copy in resaved:
        before, after = read_form(original), read_form(copy)
        assert after.form is before.form
        assert {k: c.value for k, c in after.fields.items()} == {
            k: c.value for k, c in before.fields.items()
        }, original.name
        for key, table in before.tables.items():
            again = after.tables[key]
            assert again.records() == table.records(), (original.name, key)
            assert [r.number for r in again] == [r.number for r in table]


def test_libreoffice_renders_a_unit_workbook_to_pdf(tmp_path: Path):
    pdf = lo.convert(
        [SAMPLE / "TI-jurusan-teknik-informatika.xlsx"],
        "pdf",
        tmp_path / "pdf",
        tmp_path / "profile",
    )[0]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 5
