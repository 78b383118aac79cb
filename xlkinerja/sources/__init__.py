"""A form's content, wherever it lives: a workbook file (`reader.py`, python-calamine), a
compiled rekap read back by its spec (`rekap.py`, `report_table.py`); the one reading every
workbook goes through (`workbook.py`; a workbook open in Excel is read through it by the
Excel layer, excel/reader.py); which form a workbook is (`form_identity.py`), the cells a
values-only reader cannot see (`formula_cells.py`), the number formats that change a
value's meaning (`number_formats.py`). Sources need only the core, the specs, the file
safety and the errors."""
