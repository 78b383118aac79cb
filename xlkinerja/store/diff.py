"""Comparing two versions: cell by cell, and targets per indicator code. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from xlkinerja.store.records import CellChange, TargetChange

# Indicator codes, most specific first: an SKP or matriks row is identified by its IKI.
CODE_KEYS = ("kode_iki", "kode_rhk", "kode_ikk", "kode_iku")
_QUARTER_TARGETS = frozenset({"tw1", "tw2", "tw3", "tw4"})  # Rencana Aksi: Target TW I..IV
_ADDRESS = re.compile(r"^(?:'?(?P<sheet>.*?)'?!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)$")


def same_value(a: object, b: object) -> bool:
    """Equal as the user sees it: 80 and 80.0 are the same, True and 1 are not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return type(a) is type(b) and a == b


def cell_order(address: str) -> tuple[str, int, int, str]:
    """Sort key of "Sheet!B12": sheet, row, column."""
    match = _ADDRESS.match(address)
    if match is None:
        return (address, 0, 0, address)
    col = 0
    for char in match["col"].upper():
        col = col * 26 + ord(char) - 64
    return (match["sheet"] or "", int(match["row"]), col, address)


def _entry(cell: object) -> Mapping[str, object]:
    return cell if isinstance(cell, Mapping) else {"value": cell}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def compare_cells(old: Mapping[str, object], new: Mapping[str, object]) -> list[CellChange]:
    """Every cell whose value differs (a cell absent on one side is blank there)."""
    changes = []
    for address in sorted(old.keys() | new.keys(), key=cell_order):
        before, after = _entry(old.get(address)), _entry(new.get(address))
        old_value, new_value = before.get("value"), after.get("value")
        if same_value(old_value, new_value):
            continue
        changes.append(
            CellChange(
                cell=address,
                field=_text(after.get("field") or before.get("field")),
                label=_text(after.get("label") or before.get("label")),
                old=old_value,
                new=new_value,
            )
        )
    return changes


def is_target_key(key: str) -> bool:
    return key == "target" or key.startswith("target_") or key in _QUARTER_TARGETS


def _targets(
    records: Sequence[Mapping[str, object]],
) -> Iterator[tuple[str, Mapping[str, object]]]:
    """(code, record) of every record that has an indicator code; a repeated code gets a
    suffix "#2", "#3" in order, so no record is silently merged with another."""
    seen: dict[str, int] = {}
    for record in records:
        code = next((record[k] for k in CODE_KEYS if record.get(k) not in (None, "")), None)
        if code is None:
            continue
        name = str(code)
        seen[name] = seen.get(name, 0) + 1
        yield (name if seen[name] == 1 else f"{name}#{seen[name]}"), record


def compare_targets(
    old: Mapping[str, Sequence[Mapping[str, object]]],
    new: Mapping[str, Sequence[Mapping[str, object]]],
) -> list[TargetChange]:
    """Target changes per table and indicator code, in the new version's row order (codes
    only in the old version last). An indicator added or removed shows as None ↔ value."""
    changes = []
    for table in sorted(old.keys() | new.keys()):
        before = dict(_targets(old.get(table, ())))
        after = dict(_targets(new.get(table, ())))
        codes = list(after) + [c for c in before if c not in after]
        for code in codes:
            a, b = before.get(code, {}), after.get(code, {})
            for key in sorted(k for k in a.keys() | b.keys() if is_target_key(k)):
                if not same_value(a.get(key), b.get(key)):
                    changes.append(TargetChange(table, code, key, a.get(key), b.get(key)))
    return changes
