"""The version of xlkinerja, written into every workbook it makes (properties, `_meta`)."""

VERSION = "0.1.0"
