"""The specs' keys as types (xlkinerja/specs/keygen.py): the generated modules are what the
specs give now, and a key the specs do not have is a type error where the code writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from xlkinerja.specs import FORMS, MASTER, UNIT, Column, Form, Sheet, Table, keygen
from xlkinerja.specs.keys import (
    ColumnKey,
    FieldKey,
    PkColumn,
    TableKey,
    UnitFieldKey,
    UnitTableKey,
)

PACKAGE = Path(keygen.__file__).resolve().parents[1]


@pytest.mark.parametrize("module", sorted(keygen.modules(), key=str))
def test_the_generated_modules_are_what_the_specs_give_now(module: Path):
    assert (PACKAGE / module).read_text(encoding="utf-8") == keygen.modules()[module], (
        f"xlkinerja/{module} is stale: python -m xlkinerja.specs.keygen"
    )


def test_the_key_types_hold_every_key_of_the_specs():
    """At run time too, a `Literal` holds its keys (`typing.get_args` flattens the unions)."""
    from typing import get_args

    tables = {t.key for f in FORMS.values() for t in f.tables}
    fields = {i.key for f in FORMS.values() for i in f.fields}
    columns = {c.key for f in FORMS.values() for t in f.tables for c in t.columns}
    assert set(get_args(TableKey)) == tables
    assert set(get_args(FieldKey)) == fields
    assert set(get_args(ColumnKey)) == columns
    assert get_args(UnitTableKey) == tuple(t.key for t in UNIT.tables)
    assert get_args(UnitFieldKey) == tuple(f.key for f in UNIT.fields)
    assert get_args(PkColumn) == tuple(c.key for c in UNIT.table("pk").columns)


def test_a_table_key_in_two_forms_or_a_key_that_is_no_word_is_refused():
    """`form.table(key)` tells a table by its key alone; a key becomes a Python string."""
    twice = Form(
        MASTER.id, "1", "t", "p", "f", (Sheet("X", "x", tables=(Table("pk", "tblX", "x", ()),)),)
    )
    with pytest.raises(ValueError, match="table keys in more than one form: pk"):
        keygen.keys_module([*FORMS.values(), twice])
    odd = Form(
        MASTER.id,
        "1",
        "t",
        "p",
        "f",
        (Sheet("X", "x", tables=(Table("x", "tblX", "x", (Column('a"b', "A"),)),)),),
    )
    with pytest.raises(ValueError, match="is not a lower-case word"):
        keygen.keys_module([odd])
