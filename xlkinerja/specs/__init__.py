"""Form specs: the single source of truth for every workbook xlkinerja writes and reads."""

from xlkinerja.specs.master import MASTER
from xlkinerja.specs.model import (
    ChoiceFrom,
    ChoiceList,
    Column,
    Field,
    Form,
    Lookup,
    Sheet,
    Table,
    ValueType,
)
from xlkinerja.specs.skp import SKP_FORM
from xlkinerja.specs.unit import UNIT

FORMS: dict[str, Form] = {form.id: form for form in (MASTER, UNIT, SKP_FORM)}

__all__ = [
    "FORMS",
    "MASTER",
    "SKP_FORM",
    "UNIT",
    "ChoiceFrom",
    "ChoiceList",
    "Column",
    "Field",
    "Form",
    "Lookup",
    "Sheet",
    "Table",
    "ValueType",
]
