"""Turn a rule and its details into a `Finding` with the Indonesian message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from xlkinerja.core.codes import FindingCode
from xlkinerja.core.finding import Finding
from xlkinerja.errors import ErrorRecord
from xlkinerja.validation.catalogue import rule_for


def show(value: object) -> str | None:
    """A value as the user would recognise it (dates dd/mm/yyyy, 85.0 as 85)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def where(sheet: str | None, cell: str | None, field: str | None) -> str:
    parts = []
    if sheet:
        parts.append(f"Lembar '{sheet}'")
    if cell:
        parts.append(f"sel {cell}")
    text = " ".join(parts) or "Berkas"
    if field:
        text += f" ({field})"
    return text


def _context(details: dict[str, object]) -> dict[str, str | None]:
    return {k: show(v) if not isinstance(v, str) else v for k, v in details.items()}


def rule_text(code: FindingCode, value: object = None, **details: object) -> str:
    """The rule's text for a value and details, without the place (what a finding's message
    says after "Lembar 'PK' sel B5: ")."""
    shown = show(value)
    nilai = shown if shown is not None else "(kosong)"
    return rule_for(code).template.format(nilai=nilai, **_context(details))


def finding(
    code: FindingCode,
    *,
    file: str,
    sheet: str | None = None,
    cell: str | None = None,
    row: int | None = None,
    field: str | None = None,
    value: object = None,
    ref: tuple[str | None, str | None, str | None] = (None, None, None),
    **details: object,
) -> Finding:
    rule = rule_for(code)
    shown = show(value)
    context = _context(details)
    text = rule_text(code, value, **details)
    place = where(sheet, cell, field)
    # A text that names its file already (an unreadable workbook's reason) needs no "Berkas:".
    message = (
        text
        if not (sheet or cell or field) and text.startswith("Berkas ")
        else (f"{place}: {text}")
    )
    if shown is not None and "{nilai}" not in rule.template and shown not in text:
        message += f" (nilai: '{shown}')"
    return Finding(
        code=str(code),  # plain text in the record, whatever made it
        severity=rule.severity,
        file=file,
        sheet=sheet,
        cell=cell,
        row=row,
        field=field,
        value=shown,
        message=message if message.endswith(".") else message + ".",
        hint=rule.hint.format(**context),
        ref_file=ref[0],
        ref_sheet=ref[1],
        ref_cell=ref[2],
    )


def error_finding(file: str, error: ErrorRecord) -> Finding:
    """A workbook that could not be read, as a finding of its error's own code, at the
    sheet and cell the error names; the error's own hint when it has one."""
    found = finding(
        error.code, file=file, sheet=error.sheet, cell=error.cell, value=error.detail or None
    )
    return replace(found, hint=error.hint) if error.hint else found
