from pathlib import Path

import openpyxl
import pytest

from tests.conftest import WORKBOOKS
from xlkinerja.core.form_data import FormValues
from xlkinerja.jobs.templat import blank_template_name, write_blank_templates
from xlkinerja.render.template.writer import write_template, write_template_placed
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FORMS, SKP_FORM, Form

FORM_LIST = list(FORMS.values())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("templat")
    write_blank_templates(out)
    return out


@pytest.mark.parametrize("form", FORM_LIST, ids=lambda f: f.id)
def test_committed_templates_equal_a_fresh_generation(generated: Path, form: Form):
    committed = WORKBOOKS / blank_template_name(form.id)
    assert committed.read_bytes() == (generated / committed.name).read_bytes(), (
        f"{committed} is stale: run 'xlkinerja templat --output workbooks'"
    )


def test_generation_is_reproducible(tmp_path: Path):
    a = write_template(FORMS["unit"], tmp_path / "a.xlsx")
    b = write_template(FORMS["unit"], tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("form", FORM_LIST, ids=lambda f: f.id)
def test_template_structure_follows_the_spec(generated: Path, form: Form):
    wb = openpyxl.load_workbook(generated / blank_template_name(form.id))
    assert wb.sheetnames[0] == "Petunjuk"
    assert wb.active.title == "Petunjuk"
    assert wb["_meta"].sheet_state == "veryHidden"
    assert wb["Daftar"].sheet_state == "hidden"
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["xlkinerja_template"] == form.id
    assert props["xlkinerja_schema"] == form.schema_hash
    meta = {r[0]: r[1] for r in wb["_meta"].iter_rows(values_only=True)}
    assert meta["template_id"] == form.id
    assert meta["schema_hash"] == form.schema_hash
    for fld in form.fields:
        assert fld.name in wb.defined_names, fld.name
    for choice in form.choice_lists:
        assert choice.name in wb.defined_names
    for sheet in form.sheets:
        ws = wb[sheet.name]
        assert ws.protection.sheet, f"{sheet.name} is not protected"
        assert ws.print_options is not None
        for table in sheet.tables:
            assert table.name in ws.tables, table.name
            xl_table = ws.tables[table.name]
            assert [c.name for c in xl_table.tableColumns] == [c.label for c in table.columns]
            first, last = xl_table.ref.split(":")
            header_row = ws[first].row
            assert ws[last].row - header_row >= table.rows
            for index, col in enumerate(table.columns, start=1):
                cell = ws.cell(row=header_row + 1, column=index)
                should_lock = table.locked or col.locked or not col.is_input
                assert cell.protection.locked == should_lock, (table.name, col.key)


def test_dropdowns_and_input_help_come_from_the_spec(generated: Path):
    wb = openpyxl.load_workbook(generated / "templat_unit.xlsx")
    ws = wb["PK"]
    sources = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert "daftar_arah" in sources
    assert "daftar_ref_iku_kode_iku" in sources
    prompts = [dv.prompt for dv in ws.data_validations.dataValidation if dv.prompt]
    assert any("IKU institusi" in p for p in prompts)
    lists = wb.defined_names["daftar_arah"].attr_text
    assert lists == "'Daftar'!$B$2:$B$3" or lists.endswith("$2:$B$3")


def test_petunjuk_explains_every_column_and_how_to_add_rows(generated: Path):
    wb = openpyxl.load_workbook(generated / "templat_skp.xlsx")
    text = "\n".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert "Menambah baris" in text
    assert "Buka Proteksi" in text
    for col in FORMS["skp"].table("rhk").columns:
        assert col.label in text


def test_the_writer_says_where_each_value_went(tmp_path: Path):
    """Where kaskade's conflicts point: the cell of a field, of a row's value."""
    values = FormValues(fields={"nama": "Budi"}, tables={"rhk": [{"iki": "A"}, {"iki": "B"}]})
    written = write_template_placed(SKP_FORM, tmp_path / "skp.xlsx", values)
    data = read_form(tmp_path / "skp.xlsx", SKP_FORM)
    nama = data.fields["nama"]
    assert written.field_cells["nama"] == (nama.sheet, nama.cell)
    rhk = data.tables["rhk"]
    assert rhk.records()[1]["iki"] == "B"
    at = (rhk.sheet, f"{rhk.letters['iki']}{rhk.numbers[1]}", rhk.numbers[1])
    assert written.table_cell("rhk", 1, "iki") == at
