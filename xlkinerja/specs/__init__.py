"""Form specs: the single source of truth for every workbook xlkinerja writes and reads; the
compiled workbook's spec (`REKAP`, rekap.py) in the vocabulary of report.py."""

from xlkinerja.specs.master import MASTER
from xlkinerja.specs.model import (
    ChoiceFrom,
    ChoiceList,
    Column,
    Field,
    Form,
    FormKind,
    Lookup,
    Sheet,
    Table,
    ValueType,
    is_master,
)
from xlkinerja.specs.rekap import REKAP
from xlkinerja.specs.report import Report, ReportField, ReportSheet, ReportTable
from xlkinerja.specs.skp import SKP_FORM
from xlkinerja.specs.unit import UNIT

FORMS: dict[FormKind, Form] = {form.id: form for form in (MASTER, UNIT, SKP_FORM)}


def form_of(template_id: str) -> Form | None:
    """The form of a template id as a workbook stores it; None for an id no form has."""
    return next((form for kind, form in FORMS.items() if kind.value == template_id), None)


__all__ = [
    "FORMS",
    "MASTER",
    "REKAP",
    "SKP_FORM",
    "UNIT",
    "ChoiceFrom",
    "ChoiceList",
    "Column",
    "Field",
    "Form",
    "FormKind",
    "Lookup",
    "Report",
    "ReportField",
    "ReportSheet",
    "ReportTable",
    "Sheet",
    "Table",
    "ValueType",
    "form_of",
    "is_master",
]
