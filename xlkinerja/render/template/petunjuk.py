"""The "Petunjuk" (instructions) sheet, written first in every template, from the spec."""

from __future__ import annotations

from typing import Any

from xlkinerja.render.template.styles import INPUT_FILL, LOCKED_FILL, TemplateStyles
from xlkinerja.specs import ChoiceFrom, ChoiceList, Column, Field, Form, ValueType

PETUNJUK_SHEET = "Petunjuk"

TYPE_LABELS = {
    ValueType.TEXT: "teks",
    ValueType.CODE: "kode",
    ValueType.NUMBER: "angka",
    ValueType.INTEGER: "bilangan bulat",
    ValueType.DATE: "tanggal (dd/mm/yyyy)",
    ValueType.CHOICE: "pilihan",
}

ADDING_ROWS = (
    "Setiap tabel sudah disediakan baris kosong secukupnya; baris kosong diabaikan saat "
    "dibaca. Jika baris kurang: buka proteksi lembar (Tinjau › Buka Proteksi Lembar, tanpa "
    "kata sandi), tarik sudut kanan bawah tabel ke bawah, lalu lindungi kembali lembar. "
    "Jangan mengganti nama lembar, tabel, atau judul kolom: berkas tidak akan dapat dibaca."
)

NUMBERS = (
    "Angka boleh ditulis cara Indonesia (1.234,5 atau 90%). Angka 0 berbeda dengan sel "
    "kosong: kosong berarti belum diisi."
)


def _describe_choices(item: Column | Field, form: Form) -> str:
    choices = item.choices
    if isinstance(choices, ChoiceList):
        return ", ".join(choices.values)
    if isinstance(choices, ChoiceFrom):
        table = form.table(choices.table)
        sheet = form.sheet_of_table(choices.table)
        label = table.column(choices.column).label
        return f"dari kolom '{label}' lembar '{sheet.name}'"
    if isinstance(item, Column) and item.pattern:
        return f"pola {item.pattern}"
    if isinstance(item, Column) and item.lookup:
        return "dihitung otomatis"
    return ""


def write_petunjuk(workbook: Any, form: Form, styles: TemplateStyles, subtitle: str) -> Any:
    ws = workbook.add_worksheet(PETUNJUK_SHEET)
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 8)
    ws.set_column(2, 2, 20)
    ws.set_column(3, 3, 34)
    ws.set_column(4, 4, 60)
    ws.write_string(0, 0, form.title, styles.title)
    row = 1
    if subtitle:
        ws.write_string(row, 0, subtitle, styles.bold)
        row += 1
    ws.write_string(row, 0, form.purpose, styles.text)
    ws.write_string(row + 1, 0, f"Diisi oleh: {form.filled_by}", styles.text)
    row += 3
    ws.write_string(row, 0, "Langkah pengisian", styles.section)
    row += 1
    for number, step in enumerate(form.steps, start=1):
        ws.write_string(row, 0, f"{number}. {step}", styles.text)
        row += 1
    row += 1
    ws.write_string(row, 0, "Arti warna sel", styles.section)
    row += 1
    input_fmt = workbook.add_format({"bg_color": INPUT_FILL, "border": 1, "font_size": 10})
    locked_fmt = workbook.add_format({"bg_color": LOCKED_FILL, "border": 1, "font_size": 10})
    ws.write_string(row, 0, "Kuning: diisi oleh Anda", input_fmt)
    ws.write_string(row + 1, 0, "Abu-abu: terkunci (diisi dari atas atau dihitung)", locked_fmt)
    row += 3
    ws.write_string(row, 0, "Menambah baris", styles.section)
    ws.merge_range(row + 1, 0, row + 1, 4, ADDING_ROWS, styles.wrap)
    ws.set_row(row + 1, 42)
    ws.write_string(row + 2, 0, NUMBERS, styles.text)
    row += 4
    ws.write_string(row, 0, "Isian setiap lembar", styles.section)
    row += 1
    for sheet in form.sheets:
        ws.write_string(row, 0, f"Lembar '{sheet.name}': {sheet.title}", styles.bold)
        row += 1
        ws.write_row(
            row, 0, ["Isian/kolom", "Wajib", "Jenis", "Pilihan/format", "Keterangan"], styles.label
        )
        row += 1
        items: list[Column | Field] = [*sheet.fields, *(c for t in sheet.tables for c in t.columns)]
        for item in items:
            ws.write_string(row, 0, item.label, styles.text)
            ws.write_string(row, 1, "ya" if item.required else "", styles.text)
            ws.write_string(row, 2, TYPE_LABELS[item.type], styles.text)
            ws.write_string(row, 3, _describe_choices(item, form), styles.wrap)
            ws.write_string(row, 4, item.help, styles.wrap)
            row += 1
        row += 1
    ws.write_string(
        row, 0, f"Templat '{form.id}' versi {form.version}, skema {form.schema_hash}.", styles.intro
    )
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.protect("", {"format_columns": True, "format_rows": True})
    return ws
