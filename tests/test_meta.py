"""What a workbook says it is: the very hidden `_meta` sheet and the custom document
properties, each enough on its own; LibreOffice's save (which makes the sheet only hidden)
read back, and made very hidden again by the next `--annotate`."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests import lo
from tests.coded import raises
from tests.conftest import SAMPLE
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.output_guard import is_form_workbook
from xlkinerja.render.annotate import annotate_workbook
from xlkinerja.sources.reader import read_form

UNIT_FILE = SAMPLE / "TI-jurusan-teknik-informatika.xlsx"


def _meta_state(path: Path) -> str | None:
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    tag = re.search(r'<(?:\w+:)?sheet\b[^>]*name="_meta"[^>]*>', workbook)
    assert tag is not None
    state = re.search(r'state="(\w+)"', tag[0])
    return state[1] if state else None


def _without_member(source: Path, target: Path, member: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info))
    return target


def _same_reading(first: Path, second: Path) -> None:
    before, after = read_form(first), read_form(second)
    assert after.form is before.form
    assert (after.meta.template_id, after.meta.version, after.meta.schema_hash) == (
        before.meta.template_id,
        before.meta.version,
        before.meta.schema_hash,
    )
    for key, table in before.tables.items():
        assert after.tables[key].records() == table.records(), key


def test_the_template_meta_sheet_is_very_hidden():
    assert _meta_state(UNIT_FILE) == "veryHidden"


def test_a_workbook_without_its_meta_sheet_reads_from_the_properties(tmp_path: Path):
    copy = tmp_path / "tanpa-meta.xlsx"
    book = openpyxl.load_workbook(UNIT_FILE)
    del book["_meta"]
    book.save(copy)
    assert "_meta" not in openpyxl.load_workbook(copy).sheetnames
    _same_reading(UNIT_FILE, copy)
    assert read_form(copy).meta.generator.startswith("xlkinerja")


def test_a_workbook_without_its_properties_reads_from_the_meta_sheet(tmp_path: Path):
    copy = _without_member(UNIT_FILE, tmp_path / "tanpa-properti.xlsx", "docProps/custom.xml")
    _same_reading(UNIT_FILE, copy)
    assert is_form_workbook(copy)  # still never written over by a report


def test_a_workbook_without_both_is_not_a_template(tmp_path: Path):
    book = openpyxl.load_workbook(UNIT_FILE)
    del book["_meta"]
    book.save(tmp_path / "a.xlsx")
    copy = _without_member(tmp_path / "a.xlsx", tmp_path / "b.xlsx", "docProps/custom.xml")
    with raises(ErrorCode.TEMPLAT_METADATA_HILANG, WorkbookError):
        read_form(copy)


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_meta_sheet_readable_and_annotate_hides_it_again(tmp_path: Path):
    resaved = lo.convert([UNIT_FILE], "xlsx", tmp_path / "lo", tmp_path / "profil")[0]
    assert _meta_state(resaved) in ("hidden", "veryHidden")
    meta = {
        r[0]: r[1] for r in openpyxl.load_workbook(resaved)["_meta"].iter_rows(values_only=True)
    }
    assert meta["template_id"] == "unit"
    _same_reading(UNIT_FILE, resaved)
    annotate_workbook(resaved, [], now=datetime(2025, 3, 1, 9, 0))
    assert _meta_state(resaved) == "veryHidden"
    _same_reading(UNIT_FILE, resaved)


def test_annotate_leaves_a_very_hidden_meta_sheet_as_it_is(tmp_path: Path):
    copy = shutil.copy(UNIT_FILE, tmp_path / "unit.xlsx")
    annotate_workbook(Path(copy), [], now=datetime(2025, 3, 1, 9, 0))
    assert _meta_state(Path(copy)) == "veryHidden"
