"""Fill a generated template as a user would (openpyxl), read it back exactly."""

import math
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlkinerja.core.form_data import FormValues
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import FORMS, UNIT, Form, ValueType


def sample_value(vtype: ValueType, row: int, col: int):
    if vtype in (ValueType.NUMBER, ValueType.INTEGER):
        return 0 if (row + col) % 3 == 0 else row * 10 + col + 0.5 * (vtype == ValueType.NUMBER)
    if vtype == ValueType.DATE:
        return date(2025, 1 + row % 12, 1 + col)
    return f"nilai {row}-{col}"


def fill(path: Path, form: Form, rows: int = 3) -> dict:
    """Write values into every input cell with openpyxl; return what was written where."""
    wb = openpyxl.load_workbook(path)
    written: dict = {"fields": {}, "tables": {}}
    for fld in form.fields:
        dn = wb.defined_names[fld.name]
        sheet, ref = next(dn.destinations)
        value = sample_value(fld.type, 1, len(written["fields"]))
        wb[sheet][ref.replace("$", "")] = value
        written["fields"][fld.key] = (value, sheet, ref.replace("$", ""))
    for sheet in form.sheets:
        ws = wb[sheet.name]
        for table in sheet.tables:
            first = ws.tables[table.name].ref.split(":")[0]
            header = ws[first].row
            entries = []
            for r in range(rows):
                excel_row = header + 1 + r * 2  # leave blank rows between: they are skipped
                record = {}
                for index, col in enumerate(table.columns, start=1):
                    if not col.is_input:
                        continue
                    value = sample_value(col.type, r, index)
                    cell = ws.cell(row=excel_row, column=index, value=value)
                    record[col.key] = (value, cell.coordinate)
                entries.append((excel_row, record))
            written["tables"][table.key] = entries
    wb.save(path)
    return written


@pytest.mark.parametrize("form", list(FORMS.values()), ids=lambda f: f.id)
def test_filled_template_reads_back_exactly(tmp_path: Path, form: Form):
    path = write_template(form, tmp_path / f"{form.id}.xlsx")
    written = fill(path, form)
    data = read_form(path)
    assert data.form is form
    for key, (value, sheet, cell) in written["fields"].items():
        got = data.fields[key]
        assert (got.value, got.sheet, got.cell) == (value, sheet, cell), key
    for key, entries in written["tables"].items():
        table = data.table(key)
        assert [r.number for r in table] == [row for row, _ in entries]
        for row, (_, record) in zip(table, entries, strict=True):
            for col_key, (value, cell) in record.items():
                assert row[col_key].value == value, (key, col_key)
                assert type(row[col_key].value) is type(value) or isinstance(value, float)
                assert row[col_key].cell == cell


def test_blank_and_zero_stay_distinct(tmp_path: Path):
    values = FormValues(tables={"ra": [{"kode_ikk": "IKK-TI-1", "tw1": 0, "tw2": None, "tw4": 10}]})
    data = read_form(write_template(UNIT, tmp_path / "u.xlsx", values))
    row = data.table("ra").rows[0]
    assert row.value("tw1") == 0
    assert row["tw1"].is_blank is False
    assert row.value("tw2") is None
    assert row["tw2"].is_blank


def test_formula_columns_are_never_read_as_data(tmp_path: Path):
    values = FormValues(
        tables={
            "pk": [{"kode_ikk": "IKK-TI-1", "indikator": "X"}],
            "ra": [{"kode_ikk": "IKK-TI-1"}],
        }
    )
    data = read_form(write_template(UNIT, tmp_path / "u.xlsx", values))
    assert "indikator" not in data.table("ra").rows[0].cells
    frame = data.table("ra").to_frame()
    assert "indikator" not in frame.columns
    assert list(frame["_baris"]) == [data.table("ra").rows[0].number]


text_values = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
    ).filter(lambda s: s.strip() and not s.startswith("=")),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(text_values, min_size=1, max_size=8))
def test_any_typed_value_survives_write_and_read(tmp_path: Path, values: list):
    rows = [{"program": v, "anggaran": v} for v in values]
    data = read_form(
        write_template(UNIT, tmp_path / "h.xlsx", FormValues(tables={"anggaran": rows}))
    )
    got = [r.value("program") for r in data.table("anggaran")]
    assert len(got) == len(values)
    for g, v in zip(got, values, strict=True):
        if isinstance(v, float):
            # Spreadsheets keep 15-16 significant digits (XlsxWriter writes %.16G).
            assert math.isclose(g, v, rel_tol=1e-15, abs_tol=1e-300)
        else:
            assert g == v
