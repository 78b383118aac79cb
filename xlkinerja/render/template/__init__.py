"""A form's standard template written from its spec (XlsxWriter): the sheets, tables and
defined names (`writer.py`), the Petunjuk sheet, the cell formats and the data validation."""
