"""An archived version turned back into the form data the reader made of the workbook.

The cells of a version keep every value read with its sheet and cell, grouped by item
("pk.target", "_isian.kode_unit"), and what the reader saw beyond the values (cellcodec.py:
the template's metadata, where the blank items are, the cells holding a formula error, the
type of each date or time). From these the fields and tables come back as the reader made
them: the same values of the same types at the same cells, the same table rows (a row is
kept when one of its input cells holds a value or a formula error), the same formula cells.

What does not come back: the workbook's bytes (formatting, formula columns, other sheets,
notes: none of it is read), its folder (the path is the name given, e.g. "TI.xlsx (versi
3)"), and NUL characters in text (the archive drops them). A version recorded before the
archive kept what the reader saw comes back with blank fields and wholly blank columns
without their cell, no formula cells, and the dates of date items only; its template is
taken to be the current one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

from xlkinerja.core.form_data import (
    CellFormat,
    CellScalar,
    CellValue,
    FormData,
    TableData,
    TemplateMeta,
)
from xlkinerja.core.normal import FIELDS
from xlkinerja.errors import ErrorCode
from xlkinerja.sources.source import expect
from xlkinerja.sources.workbook import Cell, TableCells, read_workbook
from xlkinerja.specs import Field, Form, Table, ValueType, form_of
from xlkinerja.store import cellcodec
from xlkinerja.store.errors import ArchiveError
from xlkinerja.store.records import VersionInfo

_PARSE: dict[str, Callable[[str], CellScalar]] = {
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
    "time": time.fromisoformat,
}
_NOT_READ = "tidak dapat dibaca kembali dari arsip"


@dataclass(frozen=True)
class ArchivedVersion:
    """One archived version as a job's source (sources/source.py): its form data, or why
    it cannot be given back (`problem`)."""

    info: VersionInfo
    name: str  # what stands for the workbook's path, e.g. "TI.xlsx (versi 3)"
    data: FormData | None
    problem: ArchiveError | None = None

    @property
    def error(self) -> str | None:
        """Why the version cannot be read (Indonesian), or None."""
        return self.problem.message if self.problem is not None else None

    def read(self, expected: Form | None = None) -> FormData:
        if self.data is None:
            assert self.problem is not None
            raise self.problem
        return expect(self.data, expected)

    def digest(self) -> str:
        return ""  # the archive keeps the content read, not the workbook's bytes


def archived_names(infos: Sequence[VersionInfo]) -> list[str]:
    """What stands for each version's path: "<file> (versi N)", with the unit too when two
    versions given carry the same file name (two employees' "skp.xlsx")."""
    counts: dict[str, int] = {}
    for info in infos:
        counts[info.file_name] = counts.get(info.file_name, 0) + 1
    return [
        f"{i.file_name} (versi {i.version})"
        if counts[i.file_name] == 1
        else f"{i.file_name} ({i.unit}, versi {i.version})"
        for i in infos
    ]


def restore(info: VersionInfo, stored_cells: Mapping[str, Any], name: str) -> ArchivedVersion:
    """The version as form data; an archive that cannot give it back exactly says why."""
    try:
        data = restore_form(stored_cells, kind=info.kind, path=Path(name))
    except ArchiveError as exc:
        return ArchivedVersion(info, name, None, exc)
    return ArchivedVersion(info, name, data)


def restore_form(stored_cells: Mapping[str, Any], *, kind: str, path: Path) -> FormData:
    """The form data of a version from its cells as stored (see the module docstring)."""
    return read_workbook(ArchivedWorkbook(stored_cells, kind=kind, path=path))


class ArchivedWorkbook:
    """A version's stored cells as `read_workbook` reads them (sources/workbook.py): the
    same rules as for the workbook it was read from."""

    def __init__(self, stored_cells: Mapping[str, Any], *, kind: str, path: Path) -> None:
        self._path = path
        form = form_of(kind)
        if form is None:
            raise ArchiveError(
                f"jenis workbook '{kind}' {_NOT_READ}.",
                code=ErrorCode.ARSIP_ISI_TIDAK_DIKENAL,
                path=path,
            )
        self.form = form
        read: Mapping[str, Any] = stored_cells.get("read") or {}
        self._meta = _meta(form, read.get("template"), path)
        self.values = _values(stored_cells, form, dated=not read)
        known = {_key(FIELDS, f.key) for f in form.fields} | _columns(form)
        unknown = sorted(set(self.values) - known)
        if unknown:
            raise ArchiveError(
                f"isian {', '.join(unknown)} tidak ada di templat '{form.title}' yang dipakai "
                f"xlkinerja ini; versi ini {_NOT_READ}.",
                code=ErrorCode.ARSIP_ISI_TIDAK_DIKENAL,
                path=path,
            )
        self.places: Mapping[str, str] = read.get("places") or {}
        self.formulas: Mapping[str, Mapping[str, str]] = read.get("formulas") or {}
        self.formats = _formats(read.get("formats") or {}, path)

    @property
    def path(self) -> Path:
        return self._path

    def meta(self) -> TemplateMeta:
        return self._meta

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.form.sheets]  # not kept: those it was read from

    def prepare(self, form: Form, *, fields_only: bool) -> None:
        """Everything is in the stored cells already."""

    def field(self, form: Form, fld: Field) -> tuple[CellValue, str | None]:
        key = _key(FIELDS, fld.key)
        found = self.values.get(key) or {}
        formulas = self.formulas.get(key, {})
        address = next(iter(found), None) or self.places.get(key) or next(iter(formulas), "")
        sheet, cell = _split(address) if address else (form.sheet_of_field(fld.key).name, "")
        return CellValue(found.get(address), sheet, cell), formulas.get(address)

    def table(self, form: Form, spec: Table) -> TableCells:
        sheet = form.sheet_of_table(spec.key).name
        letters: dict[str, str] = {}
        cells: dict[str, dict[int, CellScalar]] = {}  # column → {row: value}
        errors: dict[str, tuple[int, str]] = {}
        for column in spec.input_columns:
            item = _key(spec.key, column.key)
            values = self.values.get(item, {})
            formulas = self.formulas.get(item, {})
            addresses = [*values, *formulas] or ([self.places[item]] if item in self.places else [])
            at: dict[int, CellScalar] = {}
            for address in addresses:
                _, cell = _split(address)  # every column of a table is on its sheet
                column_letters = cell.rstrip("0123456789")
                letters[column.key] = column_letters
                if len(column_letters) < len(cell):
                    at[int(cell[len(column_letters) :])] = values.get(address)
            cells[column.key] = at
            errors.update({_split(a)[1]: (0, state) for a, state in formulas.items()})
        numbers = sorted({n for at in cells.values() for n in at})
        if numbers:  # an older version does not say where a wholly blank column is
            letters = {c.key: letters.get(c.key, "") for c in spec.input_columns}
        index = {number: i for i, number in enumerate(numbers)}
        return TableCells(
            sheet=sheet,
            numbers=numbers,
            letters=letters,
            columns={c: [at.get(n) for n in numbers] for c, at in cells.items()},
            errors={a: (index[_row(a)], error) for a, (_, error) in errors.items()},
        )

    def percent_cells(self, spec: Table, table: TableData) -> dict[Cell, CellFormat]:
        """The formats the reader saw, of this table's cells."""
        columns = set(table.letters.values())
        rows = set(table.numbers)
        return {
            (sheet, cell): kind
            for (sheet, cell), kind in self.formats.items()
            if sheet == table.sheet and cell.rstrip("0123456789") in columns and _row(cell) in rows
        }

    def close(self) -> None:
        """Nothing is open."""


def _row(cell: str) -> int:
    return int(cell[len(cell.rstrip("0123456789")) :])


def _formats(stored: Mapping[str, str], path: Path) -> dict[tuple[str, str], CellFormat]:
    """The number formats the reader saw (percent or date cells of the satuan columns)."""
    known = {kind.value: kind for kind in CellFormat}
    unknown = sorted(set(stored.values()) - known.keys())
    if unknown:
        raise ArchiveError(
            f"format angka {', '.join(unknown)} {_NOT_READ}.",
            code=ErrorCode.ARSIP_ISI_TIDAK_DIKENAL,
            path=path,
        )
    return {_split(address): known[kind] for address, kind in stored.items()}


def _key(table: str, item: str) -> str:
    return f"{table}.{item}"


def _columns(form: Form) -> set[str]:
    return {_key(t.key, c.key) for t in form.tables for c in t.input_columns}


def _split(address: str) -> tuple[str, str]:
    """The sheet and cell of "Sheet!G12"; a sheet name may hold "!" itself."""
    sheet, _, cell = address.rpartition("!")
    return sheet, cell


def _meta(form: Form, template: Mapping[str, str] | None, path: Path) -> TemplateMeta:
    if template is None:  # recorded before the archive kept it: the current template
        return TemplateMeta(form.id.value, form.version, form.schema_hash, "")
    meta = TemplateMeta(
        template_id=template["template_id"],
        version=template["versi"],
        schema_hash=template["schema_hash"],
        generator=template["generator"],
    )
    current = meta.version == form.version and meta.schema_hash == form.schema_hash
    if not current and form.earlier_version(meta.version, meta.schema_hash) is None:
        raise ArchiveError(
            f"dikirim dengan templat versi {meta.version} (skema {meta.schema_hash}), berbeda "
            f"dengan versi yang dipakai xlkinerja ini: {form.version} (skema "
            f"{form.schema_hash}); versi ini {_NOT_READ}.",
            code=ErrorCode.ARSIP_VERSI_TEMPLAT_BEDA,
            path=path,
            hint="Minta unit mengirim ulang dengan templat terbaru.",
        )
    return meta


Values = dict[str, dict[str, CellScalar]]  # item → {"Sheet!A1": value}


def _values(stored: Mapping[str, Any], form: Form, *, dated: bool) -> Values:
    """Every value read, by item and address, of the types the reader gave. `dated`: no type
    was kept (an older version): ISO text in a date item is taken for the date it was."""
    found: Values = {}
    if stored.get(cellcodec.MARK) == 1:
        for group in stored["groups"]:
            item = group.get("field")
            values = cast(Mapping[str, CellScalar], cellcodec.group_values(group))
            types: Sequence[str | None] = group.get("types") or ()
            if types:
                values = {
                    a: _PARSE[t](cast(str, v)) if t else v
                    for (a, v), t in zip(values.items(), types, strict=True)
                }
            found.setdefault(str(item), {}).update(values)
        entries: Iterable[tuple[str, Any]] = stored["other"].items()
    else:
        entries = stored.items()  # the plain "Sheet!A1" → entry form
    for address, entry in entries:
        is_entry = isinstance(entry, Mapping) and "value" in entry
        item = entry.get("field") if is_entry else None
        found.setdefault(str(item), {})[address] = entry["value"] if is_entry else entry
    if dated:
        dates = {_key(FIELDS, f.key) for f in form.fields if f.type == ValueType.DATE}
        dates |= {
            _key(t.key, c.key) for t in form.tables for c in t.input_columns
            if c.type == ValueType.DATE
        }  # fmt: skip
        for item in dates & found.keys():
            found[item] = {a: _iso_date(v) for a, v in found[item].items()}
    return found


def _iso_date(value: CellScalar) -> CellScalar:
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        return value
