"""The form specs' keys as types, so that a key written in the code is checked by the type
checker: a misspelled key, or one a spec renamed, is a type error rather than a KeyError (or
silently nothing) at run time.

Renders two modules from the specs (`FORMS`):
- `xlkinerja/specs/keys.py`: a `Literal` type per form of its table keys
  (`UnitTableKey`) and field keys (`UnitFieldKey`), one per table of its column keys
  (`PkColumn`), and the union of each over every form (`TableKey`, `FieldKey`, `ColumnKey`);
- `xlkinerja/core/spec_tables.py`: `NormalForm.table(key)` and `FormData.table(key)`,
  overloaded per table key, so that `form.table("pk")` is a `NormalTable[PkColumn]`.

Regenerate both after changing a spec (tests/test_spec_keys.py fails while one is stale):

    python -m xlkinerja.specs.keygen
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from xlkinerja.specs import FORMS
from xlkinerja.specs.model import Form, Table

KEYS_MODULE = Path("specs/keys.py")  # in the package, xlkinerja/
TABLES_MODULE = Path("core/spec_tables.py")
LINE = 100  # ruff's line length: the output is as `ruff format` leaves it
HEADER = (
    "Generated from the specs by `python -m xlkinerja.specs.keygen`: do not edit by hand\n"
    "(tests/test_spec_keys.py fails while it is stale)."
)


def column_type(table: Table) -> str:
    """The name of a table's column key type: `RefIkuColumn` for table "ref_iku"."""
    return f"{_camel(table.key)}Column"


def table_key_type(form: Form) -> str:
    return f"{_camel(form.id)}TableKey"


def field_key_type(form: Form) -> str:
    return f"{_camel(form.id)}FieldKey"


def keys_module(forms: Sequence[Form] = tuple(FORMS.values())) -> str:
    """The text of `xlkinerja/specs/keys.py`."""
    _check(forms)
    out = [
        '"""The keys of the form specs as types: per form, its table keys and field keys; per\n'
        "table, its column keys; and each over every form. A key written in the code is typed\n"
        "with one of these, so that the type checker refuses a key the specs do not have.\n"
        "\n"
        f'{HEADER}\n"""',
        "",
        "from typing import Literal",
    ]
    for form in forms:
        out += ["", f"# {form.id}: {form.title}"]
        out.append(_literal(table_key_type(form), [t.key for t in form.tables]))
        out.append(_literal(field_key_type(form), [f.key for f in form.fields]))
        for table in form.tables:
            out.append(_literal(column_type(table), [c.key for c in table.columns]))
    out += ["", "# every form"]
    out.append(_literal("TableKey", [table_key_type(f) for f in forms], quote=False))
    out.append(_literal("FieldKey", [field_key_type(f) for f in forms], quote=False))
    columns = [column_type(t) for f in forms for t in f.tables]
    out.append(_literal("ColumnKey", columns, quote=False))
    return "\n".join(out) + "\n"


def tables_module(forms: Sequence[Form] = tuple(FORMS.values())) -> str:
    """The text of `xlkinerja/core/spec_tables.py`."""
    tables = [t for f in forms for t in f.tables]
    names = sorted({*(column_type(t) for t in tables), "TableKey"})
    out = [
        '"""The tables of a form by their key, each typed with its column keys:\n'
        '`NormalForm.table("pk")` is a `NormalTable[PkColumn]` and `FormData.table("pk")` a\n'
        "`TableData[PkColumn]`, so that a table key or a column key the specs do not have is a\n"
        "type error. A key computed at run time (a loop over the spec's tables) goes through\n"
        "`.tables[key]`, untyped.\n"
        "\n"
        f'{HEADER}\n"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from typing import TYPE_CHECKING, Any, Literal, overload",
        "",
        _import("xlkinerja.specs.keys", names),
        "",
        "if TYPE_CHECKING:",
        "    from xlkinerja.core.form_data import TableData",
        "    from xlkinerja.core.normal import NormalTable",
    ]
    for mixin, of, kind in (
        ("NormalTables", "NormalForm", "NormalTable"),
        ("DataTables", "FormData", "TableData"),
    ):
        out += ["", "", f"class {mixin}:", f'    """`{of}.table`: one of its tables by key."""']
        out += ["", f"    tables: Mapping[str, {kind}[str]]", ""]
        for table in tables:
            out += [
                "    @overload",
                _fit(
                    f'    def table(self, key: Literal["{table.key}"]) -> '
                    f"{kind}[{column_type(table)}]: ..."
                ),
            ]
        out += [
            f"    def table(self, key: TableKey) -> {kind}[Any]:",
            "        return self.tables[key]",
        ]
    return "\n".join(out) + "\n"


def modules() -> dict[Path, str]:
    """Each generated module's path in the package, and its text."""
    return {KEYS_MODULE: keys_module(), TABLES_MODULE: tables_module()}


def _camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.split("_"))


def _check(forms: Sequence[Form]) -> None:
    """Keys the generated types can hold: words, and table keys unique over every form
    (`table()` tells a table by its key alone)."""
    keys = [t.key for f in forms for t in f.tables]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"table keys in more than one form: {', '.join(twice)}")
    for form in forms:
        for key in [t.key for t in form.tables] + [i.key for i in form.items]:
            if not re.fullmatch(r"[a-z][a-z0-9_]*", key):
                raise ValueError(f"form {form.id}: key {key!r} is not a lower-case word")


def _literal(name: str, values: Sequence[str], *, quote: bool = True) -> str:
    items = [f'"{v}"' if quote else v for v in values]
    one = f"{name} = Literal[{', '.join(items)}]"
    if len(one) <= LINE:
        return one
    return "\n".join([f"{name} = Literal[", *(f"    {i}," for i in items), "]"])


def _import(module: str, names: Sequence[str]) -> str:
    one = f"from {module} import {', '.join(names)}"
    if len(one) <= LINE:
        return one
    return "\n".join([f"from {module} import (", *(f"    {n}," for n in names), ")"])


def _fit(line: str) -> str:
    """An overload's line, wrapped after its opening parenthesis as ruff wraps it."""
    if len(line) <= LINE:
        return line
    head, rest = line.split("(", 1)
    params, tail = rest.split(") -> ", 1)
    return f"{head}(\n        {params}\n    ) -> {tail}"


if __name__ == "__main__":
    package = Path(__file__).resolve().parents[1]
    for path, text in modules().items():
        target = package / path
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            sys.stdout.write(f"rewritten: {target}\n")
