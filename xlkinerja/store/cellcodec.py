"""How a version's cells are stored: grouped by (field, label), so that the field and label
of a column are written once, not once per cell (for a typical unit workbook's cells, less
than half the JSON, serialised in about half the time):

    {"xlkinerja_cells": 1,
     "groups": [{"field": "pk.target", "label": "Target", "values": {"PK!G12": 78, ...}}],
     "other": {"PK!Z1": <an entry that is not {value, field?, label?} with text keys>}}

`decode(encode(cells)) == cells` for every entry (a missing field or label stays missing).

A group may also hold one column of a sheet (schema version 3 and later), its addresses
given as the sheet, the column letters and the row numbers instead of one key per cell:

    {"field": "pk.target", "label": "Target", "sheet": "PK", "column": "G",
     "rows": [12, 13], "values": [78, 5]}

kompilasi hands its cells over in that form (`GroupedCells`): cheaper to build, about half
the JSON.

Also kept (so that the archive can give back the form data the reader made, restore.py),
both optional and ignored by `decode` and the diff:
- a group's "types": one entry per value, the type of a value JSON holds as ISO text
  ("date", "datetime", "time"; null for the others), present only when there is one;
- "read" beside "groups": what the reader saw beyond the values (`ReadInfo`):

    "read": {"template": {"template_id": "unit", "versi": "1.0", "schema_hash": "...",
                          "generator": "..."},
             "places": {"_isian.tanggal_disahkan": "PK!B18", "pk.keterangan": "PK!K"},
             "formulas": {"pk.target": {"PK!G13": "#DIV/0!"}},
             "formats": {"Capaian!D7": "persen"}}

  `places`: where the blank fields are and the letters of the columns without a value;
  `formulas`: per item, the input cells holding a formula error ("" when the formula was
  never calculated), read as blank; `formats`: the cells of the satuan columns holding a
  number with a percent format (`FormData.number_formats`), present only when
  there is one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NotRequired, TypedDict, cast

MARK = "xlkinerja_cells"


class ReadInfo(TypedDict):
    template: dict[str, str]  # the template's metadata (_meta sheet) by key
    places: dict[str, str]  # "table.key" → "Sheet!A1" (a field) or "Sheet!G" (a column)
    formulas: NotRequired[dict[str, dict[str, str]]]  # "table.key" → {"Sheet!A1": error}
    formats: NotRequired[dict[str, str]]  # "Sheet!A1" → "persen" (number_formats)


GroupKey = tuple[object, object, bool, bool]  # field, label, has field, has label


def _group_key(entry: object) -> GroupKey | None:
    """The group of an entry {value, field?, label?} whose field and label are text; None for
    any other entry (stored as it is)."""
    if not (type(entry) is dict or isinstance(entry, Mapping)) or "value" not in entry:
        return None
    has_field, has_label = "field" in entry, "label" in entry
    if len(entry) != 1 + has_field + has_label:
        return None
    field, label = entry.get("field"), entry.get("label")
    if (has_field and type(field) is not str) or (has_label and type(label) is not str):
        return None
    return (field, label, has_field, has_label)


def group_values(group: Mapping[str, Any]) -> Mapping[str, object]:
    """A group's {address: value}, for both forms of group."""
    if "rows" not in group:
        return cast(Mapping[str, object], group["values"])
    prefix = f"{group['sheet']}!{group['column']}"
    return {
        f"{prefix}{row}": value for row, value in zip(group["rows"], group["values"], strict=True)
    }


class GroupedCells(Mapping[str, Mapping[str, object]]):
    """Cells handed over already grouped, as `encode` stores them: one group per column,
    either {"field", "label", "values": {address: value}} or the column form (see the
    module docstring). Reads like the plain mapping; encoding it costs nothing (the
    kompilasi archive builds these directly)."""

    def __init__(self, groups: list[dict[str, Any]], read: ReadInfo | None = None) -> None:
        for group in groups:
            if "rows" in group and len(group["rows"]) != len(group["values"]):
                raise ValueError("GroupedCells: a column group needs one value per row")
        self.groups = groups
        self.read = read  # what the reader saw beyond the values (module docstring)

    def __getitem__(self, address: str) -> Mapping[str, object]:
        for group in self.groups:
            values = group_values(group)
            if address in values:
                common: dict[str, object] = {k: group[k] for k in ("field", "label") if k in group}
                return {"value": values[address], **common}
        raise KeyError(address)

    def __iter__(self) -> Iterator[str]:
        for group in self.groups:
            yield from group_values(group)

    def __len__(self) -> int:
        return sum(len(group["values"]) for group in self.groups)


def encode(cells: Mapping[str, object]) -> dict[str, Any]:
    if isinstance(cells, GroupedCells):
        stored: dict[str, Any] = {MARK: 1, "groups": cells.groups, "other": {}}
        if cells.read is not None:
            stored["read"] = cells.read
        return stored
    groups: dict[GroupKey, dict[str, object]] = {}
    other: dict[str, object] = {}
    for address, entry in cells.items():
        key = _group_key(entry)
        if key is None:
            other[address] = entry
            continue
        values = groups.get(key)
        if values is None:
            values = groups[key] = {}
        values[address] = cast(Mapping[str, object], entry)["value"]  # a mapping: key not None
    encoded = []
    for (field, label, has_field, has_label), values in groups.items():
        group: dict[str, object] = {"values": values}
        if has_field:
            group["field"] = field
        if has_label:
            group["label"] = label
        encoded.append(group)
    return {MARK: 1, "groups": encoded, "other": other}


def decode(stored: Mapping[str, Any]) -> dict[str, Any]:
    if stored.get(MARK) != 1:
        return dict(stored)  # plain "Sheet!A1" -> entry mapping
    cells: dict[str, Any] = {}
    for group in stored["groups"]:
        common = {k: group[k] for k in ("field", "label") if k in group}
        for address, value in group_values(group).items():
            cells[address] = {"value": value, **common}
    cells.update(stored["other"])
    return cells
