"""Write test workbooks as markdown tables (the pyxform way), turned into files at test time."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from xlkinerja.core.form_data import FormValues
from xlkinerja.render.template.writer import write_template
from xlkinerja.sources.reader import read_form
from xlkinerja.specs import Form


def cell_value(text: str) -> Any:
    """'' → blank, 12 → number, d:2025-02-28 → date, "quoted" → text kept as typed."""
    text = text.strip()
    if text == "":
        return None
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    if text.startswith("d:"):
        return date.fromisoformat(text[2:])
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def md(table: str) -> list[dict[str, Any]]:
    lines = [line.strip() for line in table.strip().splitlines() if line.strip()]
    header = [h.strip() for h in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[1:]:
        if set(line) <= set("|-: "):
            continue
        cells = [cell_value(c) for c in line.strip("|").split("|")]
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def workbook(
    tmp: Path,
    form: Form,
    name: str = "uji.xlsx",
    fields: dict[str, Any] | None = None,
    **tables: str,
) -> Path:
    values = FormValues(fields=fields or {}, tables={k: md(v) for k, v in tables.items()})
    return write_template(form, tmp / name, values)


def cell_of(path: Path, table: str, index: int, key: str) -> str:
    """The A1 address of a table value, as the reader reports it."""
    return read_form(path).table(table).rows[index][key].cell
