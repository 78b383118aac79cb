"""Excel data validation of a template's input cells, from the spec: dropdowns, dates,
numbers, input prompts. Warnings rather than stops where a typed value may still be read
(Indonesian numbers, dates as text)."""

from __future__ import annotations

from datetime import date
from typing import Any

from xlkinerja.specs import ChoiceFrom, ChoiceList, Column, Field, ValueType


def choice_source_name(choices: ChoiceList | ChoiceFrom) -> str:
    """The defined name a dropdown reads its values from."""
    if isinstance(choices, ChoiceList):
        return choices.name
    return f"daftar_{choices.table}_{choices.column}"


def validation_options(item: Column | Field) -> dict[str, Any] | None:
    """Data validation options for one input column or field."""
    options: dict[str, Any]
    if item.choices is not None:
        options = {
            "validate": "list",
            "source": "=" + choice_source_name(item.choices),
            # A list fed by another table may still be empty: warn rather than block.
            "error_type": "stop" if isinstance(item.choices, ChoiceList) else "warning",
            "error_title": "Pilihan tidak dikenal",
            "error_message": "Pilih salah satu nilai dari daftar.",
        }
    elif item.type == ValueType.DATE:
        options = {
            "validate": "date",
            "criteria": "between",
            "minimum": date(1990, 1, 1),
            "maximum": date(2100, 12, 31),
            "error_type": "warning",
            "error_title": "Bukan tanggal",
            "error_message": "Isi tanggal, mis. 28/02/2025.",
        }
    elif item.type == ValueType.NUMBER:
        options = {
            "validate": "decimal",
            "criteria": "between",
            "minimum": -1e15,
            "maximum": 1e15,
            "error_type": "warning",
            "error_title": "Bukan angka",
            "error_message": "Isi angka, mis. 85 atau 1234,5 (nol berbeda dengan kosong).",
        }
    elif item.type == ValueType.INTEGER:
        options = {
            "validate": "integer",
            "criteria": "between",
            "minimum": 0,
            "maximum": 10**9,
            "error_type": "warning",
            "error_title": "Bukan bilangan bulat",
            "error_message": "Isi bilangan bulat, mis. 2025.",
        }
    elif item.help:
        options = {"validate": "any"}
    else:
        return None
    if item.help:
        options["input_title"] = item.label[:32]
        options["input_message"] = item.help[:255]
    return options
