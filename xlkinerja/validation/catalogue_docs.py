"""The user docs page of finding codes, generated from the catalogue and the specs."""

from __future__ import annotations

from xlkinerja.core.normal import field_scope
from xlkinerja.specs import FORMS, ChoiceList, Column, Field, ValueType
from xlkinerja.validation.catalogue import COLUMN_RULES, DOMAIN_RULES

HEADER = """# Kode temuan validasi

Halaman ini dibuat otomatis dari katalog temuan (`xlkinerja/validation/catalogue.py`) dan
spesifikasi formulir; jangan diubah dengan tangan. Setiap temuan memiliki kode tetap,
tingkat (galat, peringatan, info), lembar dan sel.
"""


def _column_rules(item: Column | Field) -> list[str]:
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
    if item.type == ValueType.DATE:
        rules += ["bukan_tanggal", "tanggal_ambigu"]
    return rules


def render() -> str:
    lines = [
        HEADER,
        "## Aturan isian per kolom",
        "",
        "Kode: `<tabel atau lembar>.<kolom>.<aturan>`, mis. `pk.target.kosong`.",
        "",
        "| aturan | tingkat | arti | cara memperbaiki |",
        "|---|---|---|---|",
    ]
    for rule in COLUMN_RULES.values():
        lines.append(f"| `{rule.name}` | {rule.severity.value} | {rule.title} | {rule.hint} |")
    lines += [
        "",
        "## Aturan ranah",
        "",
        "| kode | tingkat | arti | cara memperbaiki |",
        "|---|---|---|---|",
    ]
    for rule in DOMAIN_RULES.values():
        lines.append(f"| `{rule.name}` | {rule.severity.value} | {rule.title} | {rule.hint} |")
    lines += [
        "",
        "## Semua kode aturan isian, per formulir",
        "",
        "`galat_rumus` dan `rumus_tanpa_nilai` berlaku untuk setiap kolom isian.",
        "",
    ]
    for form in FORMS.values():
        lines += [f"### {form.title}", ""]
        for fld in form.fields:
            scope = field_scope(form, fld.key)
            for name in _column_rules(fld):
                lines.append(f"- `{scope}.{fld.key}.{name}` — {fld.label}")
        for table in form.tables:
            for col in table.input_columns:
                for name in _column_rules(col):
                    lines.append(f"- `{table.key}.{col.key}.{name}` — {table.title}: {col.label}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
