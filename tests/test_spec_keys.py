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


# Each line marked `# error` must be a type error, and no other line: a table, field or
# column key the specs do not have (misspelled, or another form's or another table's).
TYPED_LOOKUPS = """
from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.core.form_data import FormData
from xlkinerja.core.normal import MasterForm, NormalForm, UnitForm
from xlkinerja.core.table_access import number, text, texts, val
from xlkinerja.validation.locate import at, at_field
from xlkinerja.core.codes import Code


def lookups(form: NormalForm, unit: UnitForm, master: MasterForm, data: FormData) -> None:
    pk = unit.table("pk")
    text(pk, 0, "kode_ikk")
    number(pk, 0, "target")
    texts(pk, "kode_ikk")
    pk.cell(0, "kode_iku")
    pk.columns["satuan"]
    at(unit, pk, 0, "kode_ikk", Code.PK_KODE_IKK_UNIT_LAIN)
    unit.text("kode_unit")
    master.number("tahun_awal_renstra")
    form.text("nama_instansi")
    at_field(unit, "tanggal", Code.PK_TANGGAL_TERLAMBAT)
    data.value("tahun")
    data.table("pegawai").rows[0].value("nip_atasan")
    unit.table("pkk")  # error
    text(pk, 0, "kode_ik")  # error
    text(pk, 0, "nip")  # error: a column of another table
    number(unit.table("ra"), 0, "target")  # error: the Rencana Aksi has tw1 to tw4
    val(master.table("iku"), 0, "target_6")  # error
    pk.cell(0, "kode_iki")  # error
    pk.columns["satuan_iku"]  # error
    at(unit, pk, 0, "target_pk", Code.PK_KODE_IKK_UNIT_LAIN)  # error
    unit.text("kode_units")  # error
    unit.text("nama_instansi")  # error: the master's
    master.day("tanggal")  # error: a unit's and an SKP's
    form.text("nama_instansii")  # error
    at_field(unit, "nip", Code.PK_TANGGAL_TERLAMBAT)  # error: an SKP's
    data.value("tahun_kinerja")  # error
    data.table("pegawai").rows[0].value("nip_kepala")  # error: the Unit table's


def index(index: CascadeIndex) -> None:
    for row in index.ikk["IKK-TI-1"]:
        row.text("kode_iku")
        row.form.text("kode_unit")
        row.text("kode_ss")  # error: the master's IKU table's
        row.form.text("nip")  # error
"""


def test_a_key_the_specs_do_not_have_is_a_type_error(tmp_path: Path, monkeypatch):
    """mypy (strict, the project's settings) on code that looks keys up: every misspelled
    or misplaced key is an error on its line, and the keys the specs have are not."""
    from mypy import api  # a dev dependency, as the type check in CI

    root = PACKAGE.parent
    snippet = tmp_path / "lookups.py"
    snippet.write_text(TYPED_LOOKUPS, encoding="utf-8")
    monkeypatch.setenv("MYPYPATH", str(root))  # this checkout's package, wherever installed
    out, err, _ = api.run(
        [
            str(snippet),
            "--config-file",
            str(root / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            "--hide-error-context",
        ]
    )
    lines = TYPED_LOOKUPS.splitlines()
    expected = {i for i, line in enumerate(lines, start=1) if "# error" in line}
    found = {
        int(line.split(":")[1])
        for line in out.splitlines()
        if line.startswith(str(snippet)) and ": error:" in line
    }
    assert not err
    assert found == expected, out


# Where a key written in the code still goes through a mapping by key (`x.tables["pk"]`,
# `x.fields.get("tahun")`), unchecked: per file name, how many times.
UNCHECKED = {
    # FormValues: the values to write into a template, by key (nothing read back).
    "kaskade.py": 1,
    "skp_merge.py": 3,
    "templat.py": 1,
}


def test_a_key_written_in_the_code_is_looked_up_the_typed_way():
    """A table or a field named in the code is `form.table("pk")`, `form.text("tahun")`,
    `data.value("tahun")`: `tables[...]` and `fields[...]` are for keys computed at run
    time; a literal there would bypass the type check."""
    import ast

    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript):
                mapping, key = node.value, node.slice
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                mapping, key = node.func.value, node.args[0] if node.args else None
                if node.func.attr != "get":
                    continue
            else:
                continue
            if (
                isinstance(mapping, ast.Attribute)
                and mapping.attr in ("tables", "fields")
                and isinstance(key, ast.Constant)
                and isinstance(key.value, str)
            ):
                where = f"{path.relative_to(PACKAGE)}:{node.lineno} {ast.unparse(node)}"
                found.setdefault(path.name, []).append(where)
    counts = {name: len(places) for name, places in found.items()}
    assert counts == UNCHECKED, "\n".join(w for places in found.values() for w in places)
