"""The vocabulary the form specs are written in.

A *form* is one kind of workbook (master, unit, SKP). It has *sheets*; a sheet holds
single *fields* (each an Excel defined name) and *tables* (each an Excel Table) whose
*columns* are typed. Everything else — the template writer, the reader, the schemas and
the docs — is derived from these records, so adding a column is a one-place change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum


class ValueType(StrEnum):
    """What a cell is meant to hold."""

    TEXT = "teks"
    CODE = "kode"  # short identifier such as IKU-1, matched case-insensitively
    NUMBER = "angka"
    INTEGER = "bilangan_bulat"
    DATE = "tanggal"
    CHOICE = "pilihan"


@dataclass(frozen=True)
class ChoiceList:
    """A named list of allowed values, written to the hidden lists sheet."""

    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ChoiceFrom:
    """Allowed values taken from another table's column in the same workbook."""

    table: str
    column: str


@dataclass(frozen=True)
class Lookup:
    """A computed column: the value of `column` in `table` on the row whose `key` equals
    this row's `match` column (written as INDEX/MATCH, which Excel and LibreOffice share)."""

    table: str
    column: str
    key: str
    match: str


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the Excel Table column name the user sees; unique within the table
    type: ValueType = ValueType.TEXT
    required: bool = False
    choices: ChoiceList | ChoiceFrom | None = None
    pattern: str | None = None  # regex a CODE must match (documented and validated)
    help: str = ""
    width: float = 14.0
    # Computed for the user's convenience. Such a column is never read as data (the
    # program that saved the file may have cached 0 or nothing): Python computes it again.
    lookup: Lookup | None = None
    # Filled by the level above (pre-fill) and locked for the user.
    locked: bool = False
    num_format: str | None = None  # Excel number format; default by type
    unique: bool = False  # no two rows of the table may hold the same value
    # A number measured in the row's satuan: the satuan column of the same row (its key),
    # or a lookup into the table that holds it (e.g. the PK row of the same kode IKK).
    # Such a cell may be typed as a percentage ("85%", which Excel stores as 0.85 with a
    # percent format); the reader reports its number format, the normaliser reads it.
    satuan_from: str | Lookup | None = None

    @property
    def is_input(self) -> bool:
        return self.lookup is None


@dataclass(frozen=True)
class Table:
    key: str
    name: str  # Excel Table name, e.g. "tblPK"
    title: str
    columns: tuple[Column, ...]
    rows: int = 50  # pre-sized empty rows (tables cannot grow on a protected sheet)
    help: str = ""
    locked: bool = False  # whole table filled by the level above

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def input_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.is_input)


@dataclass(frozen=True)
class Field:
    """A single value on a sheet, reachable by its defined name."""

    key: str
    name: str  # Excel defined name, e.g. "pk_tahun"
    label: str
    type: ValueType = ValueType.TEXT
    required: bool = False
    choices: ChoiceList | ChoiceFrom | None = None
    help: str = ""
    locked: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet tab, in Indonesian
    title: str
    fields: tuple[Field, ...] = ()
    tables: tuple[Table, ...] = ()
    intro: str = ""
    landscape: bool = True


class FormKind(StrEnum):
    """The kinds of workbook xlkinerja makes; the value is the template id stored in each
    workbook (custom property and `_meta`)."""

    MASTER = "master"  # the planning unit's: Renstra IKU, units, staff, settings
    UNIT = "unit"  # a unit's PK, Rencana Aksi, Matriks Peran-Hasil, Capaian
    SKP = "skp"  # one employee's SKP


def is_master(template_id: str | None) -> bool:
    """Whether a template id — a `FormKind`, or the id a workbook's properties or the archive
    hold — is the master's: the one test of it (`Form.is_master`, `FormData.is_master` and
    `NormalForm.is_master` ask it)."""
    return template_id == FormKind.MASTER


@dataclass(frozen=True)
class EarlierVersion:
    """A version of a form whose workbooks are still read: the form as it is now without
    the table columns added since (`added`: table key → column keys) and without the fields
    added since (`fields_added`: field keys). `schema_hash` is what its workbooks carry; a
    test checks that the form without those columns and fields has it. `lacks`: what such
    a workbook cannot give, in Indonesian, for the finding that says so."""

    version: str
    schema_hash: str
    added: tuple[tuple[str, tuple[str, ...]], ...]
    lacks: str
    fields_added: tuple[str, ...] = ()

    def columns_added(self, table: str) -> tuple[str, ...]:
        return dict(self.added).get(table, ())


@dataclass(frozen=True)
class Form:
    """One kind of workbook."""

    id: FormKind  # template id stored in the workbook
    version: str
    title: str
    purpose: str
    filled_by: str
    sheets: tuple[Sheet, ...]
    steps: tuple[str, ...] = field(default=())
    earlier: tuple[EarlierVersion, ...] = ()  # versions still read, newest first

    def as_of(self, earlier: EarlierVersion) -> Form:
        """This form as it was at `earlier`: without the columns and fields added since."""
        sheets = tuple(
            replace(
                sheet,
                fields=tuple(f for f in sheet.fields if f.key not in earlier.fields_added),
                tables=tuple(
                    replace(
                        t,
                        columns=tuple(
                            c for c in t.columns if c.key not in earlier.columns_added(t.key)
                        ),
                    )
                    for t in sheet.tables
                ),
            )
            for sheet in self.sheets
        )
        return replace(self, version=earlier.version, sheets=sheets, earlier=())

    def earlier_version(self, version: str, schema_hash: str) -> EarlierVersion | None:
        """The earlier version a workbook of this version and schema is, if one is read."""
        return next(
            (e for e in self.earlier if e.version == version and e.schema_hash == schema_hash),
            None,
        )

    @property
    def is_master(self) -> bool:
        return is_master(self.id)

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(f"form {self.id} has no sheet {name!r}")

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for s in self.sheets for t in s.tables)

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sheets for f in s.fields)

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(f"form {self.id} has no table {key!r}")

    def field(self, key: str) -> Field:
        for fld in self.fields:
            if fld.key == key:
                return fld
        raise KeyError(f"form {self.id} has no field {key!r}")

    def sheet_of_table(self, key: str) -> Sheet:
        for sheet in self.sheets:
            if any(t.key == key for t in sheet.tables):
                return sheet
        raise KeyError(key)

    def sheet_of_field(self, key: str) -> Sheet:
        for sheet in self.sheets:
            if any(f.key == key for f in sheet.fields):
                return sheet
        raise KeyError(key)

    @property
    def items(self) -> tuple[Field | Column, ...]:
        """Every field and table column of the form."""
        return (*self.fields, *(c for t in self.tables for c in t.columns))

    @property
    def choice_lists(self) -> tuple[ChoiceList, ...]:
        seen: dict[str, ChoiceList] = {}
        for item in self.items:
            if isinstance(item.choices, ChoiceList):
                seen.setdefault(item.choices.name, item.choices)
        return tuple(seen.values())

    @property
    def schema_hash(self) -> str:
        """Fingerprint of what the reader relies on: names, keys, labels, types.

        Help texts and widths are left out, so rewording a prompt does not make
        users' filled workbooks unreadable.
        """
        shape = {
            "id": self.id,
            "sheets": [
                {
                    "name": s.name,
                    "fields": [[f.key, f.name, f.type] for f in s.fields],
                    "tables": [
                        [t.key, t.name, [[c.key, c.label, c.type, c.is_input] for c in t.columns]]
                        for t in s.tables
                    ],
                }
                for s in self.sheets
            ],
        }
        blob = json.dumps(shape, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
