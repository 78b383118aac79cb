import re
from dataclasses import replace

from xlkinerja.specs import FORMS, MASTER, UNIT, ChoiceFrom, Column, Lookup, ValueType

# Characters that need escaping inside Excel structured references.
STRUCTURED_REF_SPECIAL = re.compile(r"[\[\]#']")


def test_names_are_unique_within_each_form():
    for form in FORMS.values():
        tables = [t.name for t in form.tables]
        assert len(tables) == len(set(tables)), form.id
        keys = [t.key for t in form.tables]
        assert len(keys) == len(set(keys)), form.id
        names = [f.name for f in form.fields] + [c.name for c in form.choice_lists]
        assert len(names) == len(set(names)), form.id
        sheets = [s.name for s in form.sheets]
        assert len(sheets) == len(set(sheets)), form.id
        for table in form.tables:
            labels = [c.label for c in table.columns]
            assert len(labels) == len(set(labels)), table.name
            assert len({c.key for c in table.columns}) == len(labels), table.name


def test_labels_are_safe_in_structured_references_and_sheet_names_fit_excel():
    for form in FORMS.values():
        for sheet in form.sheets:
            assert len(sheet.name) <= 31
            assert not re.search(r"[\[\]:*?/\\]", sheet.name)
        for table in form.tables:
            for col in table.columns:
                assert not STRUCTURED_REF_SPECIAL.search(col.label), col.label


def test_choices_from_tables_point_at_existing_columns():
    for form in FORMS.values():
        for item in form.items:
            if isinstance(item.choices, ChoiceFrom):
                table = form.table(item.choices.table)
                assert table.column(item.choices.column)


def test_numbers_measured_in_a_satuan_say_where_it_is():
    """`satuan_from` (the columns a typed percentage is read in): a number input column,
    whose satuan is an input column of its row or of the row a lookup finds; the targets
    and realisasi of every form have one."""
    measured = set()
    for form in FORMS.values():
        for table in form.tables:
            for col in table.input_columns:
                source = col.satuan_from
                if source is None:
                    continue
                measured.add(f"{form.id}.{table.key}.{col.key}")
                assert col.type == ValueType.NUMBER, col.key
                if isinstance(source, str):
                    assert table.column(source).is_input
                else:
                    assert isinstance(source, Lookup)
                    owner = form.table(source.table)
                    assert owner.column(source.column).is_input
                    assert owner.column(source.key).is_input
                    assert table.column(source.match).is_input
    assert {
        "unit.pk.target", "unit.ra.tw1", "unit.ra.tw4", "unit.capaian.realisasi",
        "unit.matriks.target", "skp.rhk.target", "skp.rhk.target_bawah",
        "skp.realisasi.realisasi", "master.iku.target_1", "master.iku.target_5",
    } <= measured  # fmt: skip


def test_schema_hash_changes_when_a_column_is_added_and_not_when_help_changes():
    before = UNIT.schema_hash
    ra = UNIT.table("ra")
    extra = replace(ra, columns=(*ra.columns, Column("catatan", "Catatan")))
    sheet = UNIT.sheet("Rencana Aksi")
    changed = replace(
        UNIT, sheets=tuple(replace(s, tables=(extra,)) if s is sheet else s for s in UNIT.sheets)
    )
    assert changed.schema_hash != before
    reworded = replace(
        UNIT, sheets=tuple(replace(s, intro="teks lain") if s is sheet else s for s in UNIT.sheets)
    )
    assert reworded.schema_hash == before


def test_master_covers_what_the_cycle_needs():
    keys = {t.key for t in MASTER.tables}
    assert {"iku", "program", "unit", "pegawai", "penugasan", "predikat"} <= keys
    assert {"tahun", "batas_pk", "batas_atas_capaian"} <= {f.key for f in MASTER.fields}
    assert {"pk", "anggaran", "ra", "matriks", "capaian"} <= {t.key for t in UNIT.tables}


def test_the_rekap_spec_names_each_thing_once_and_every_column_it_refers_to():
    """The compiled workbook's spec (specs/rekap.py): sheet names fit Excel, table keys are
    unique in the workbook, keys and labels within a table, and what a table says about
    its columns (merged, suffixed, optional) names columns it has."""
    from xlkinerja.specs import REKAP

    names = REKAP.sheet_names
    assert len(names) == len(set(names))
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    keys = [t.key for t in REKAP.tables]
    assert len(keys) == len(set(keys))
    for table in REKAP.tables:
        assert len(set(table.keys)) == len(table.columns), table.key
        assert len(set(table.labels)) == len(table.columns), table.key
        assert all(table.column(key) for key, _ in table.spans), table.key
        assert all(cells > 1 for _, cells in table.spans), table.key
        assert all(table.column(key) for key in table.suffixed), table.key
        assert 0 <= table.optional < len(table.columns), table.key
        assert len(table.header_cells) == sum(table.span(k) for k in table.keys)
        assert table.header_cells[table.position(table.keys[-1])] == table.labels[-1]


def test_the_master_is_told_by_one_test_of_its_template_id():
    """`is_master`: a `FormKind`, or a template id as a workbook or the archive stores it;
    `Form.is_master` (and the form data's, which ask it) only for the master."""
    from xlkinerja.specs import FormKind, is_master

    assert is_master(FormKind.MASTER) and is_master("master")
    assert not any(is_master(kind) for kind in ("unit", "skp", "", None, "MASTER"))
    assert [form.id for form in FORMS.values() if form.is_master] == [FormKind.MASTER]
