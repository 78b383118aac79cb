"""What the user docs page of finding and error codes lists, from the catalogue and the
specs.

Only the data: the page's text layout is the template `templates/dokumen/temuan.md.j2`,
rendered by `xlkinerja/render/temuan_docs.py` (rendering is I/O, a layer above this one).
"""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.core.codes import ErrorKind
from xlkinerja.core.normal import field_scope
from xlkinerja.core.rule import Rule
from xlkinerja.specs import FORMS, ChoiceList, Column, Field, ValueType
from xlkinerja.validation.catalogue import COLUMN_RULES, DOMAIN_RULES, ERROR_RULES

# How the page names each kind of error, in the order it lists them.
KIND_TITLES = {
    ErrorKind.BERKAS: "Berkas masukan",
    ErrorKind.TEMPLAT: "Bentuk workbook (templat dan rekap)",
    ErrorKind.ISIAN: "Isian yang diperlukan",
    ErrorKind.PENGGUNAAN: "Perintah, opsi dan tombol",
    ErrorKind.KELUARAN: "Berkas keluaran dan penandaan",
    ErrorKind.ARSIP: "Arsip",
    ErrorKind.KONFIGURASI: "Pengaturan: profil ekspor dan kunci server",
    ErrorKind.LINGKUNGAN: "Pemasangan dan sistem",
    ErrorKind.SERVER: "Penolakan server",
}


@dataclass(frozen=True)
class Code:
    code: str  # e.g. pk.target.kosong
    about: str  # the field or column it is about, in the user's words


@dataclass(frozen=True)
class FormCodes:
    title: str
    codes: tuple[Code, ...]


@dataclass(frozen=True)
class ErrorKindRules:
    kind: ErrorKind
    title: str
    rules: tuple[Rule, ...]


def column_rule_names(item: Column | Field) -> list[str]:
    """The column rules that can fire on a field or an input column, in catalogue order."""
    rules = []
    if item.required:
        rules.append("kosong")
    if isinstance(item.choices, ChoiceList):
        rules.append("pilihan")
    if getattr(item, "pattern", None):
        rules.append("pola")
    if getattr(item, "unique", False):
        rules.append("duplikat")
    if item.type in (ValueType.NUMBER, ValueType.INTEGER):
        rules += ["bukan_angka", "angka_ambigu"]
    if getattr(item, "satuan_from", None):
        rules.append("skala_persen")
    if item.type == ValueType.DATE:
        rules += ["bukan_tanggal", "tanggal_ambigu"]
    return rules


def codes_per_form() -> list[FormCodes]:
    """Every column-rule code of every form: its fields first, then its tables' columns."""
    result = []
    for form in FORMS.values():
        codes = []
        for fld in form.fields:
            scope = field_scope(form, fld.key)
            for name in column_rule_names(fld):
                codes.append(Code(f"{scope}.{fld.key}.{name}", fld.label))
        for table in form.tables:
            for col in table.input_columns:
                about = f"{table.title}: {col.label}"
                for name in column_rule_names(col):
                    codes.append(Code(f"{table.key}.{col.key}.{name}", about))
        result.append(FormCodes(form.title, tuple(codes)))
    return result


def column_rules() -> list[Rule]:
    return list(COLUMN_RULES.values())


def domain_rules() -> list[Rule]:
    return list(DOMAIN_RULES.values())


def error_rules() -> list[ErrorKindRules]:
    """The error codes, by kind (in `KIND_TITLES`' order), each kind in catalogue order."""
    return [
        ErrorKindRules(kind, title, tuple(r for r in ERROR_RULES.values() if r.kind is kind))
        for kind, title in KIND_TITLES.items()
    ]
