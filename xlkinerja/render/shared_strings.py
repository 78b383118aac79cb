"""The shared string table (xl/sharedStrings.xml) of every workbook xlkinerja writes with
XlsxWriter (`Workbook`), written in one pass, every string as text.

XlsxWriter writes each string through four function calls and three regular expressions
(~7 µs a string); the compiled workbook of 1,000 units has ~150,000 distinct strings. Here
the escapes run once over all the strings joined by a separator no string holds (U+FFFF,
which XlsxWriter itself writes escaped; if a string does hold it, XlsxWriter's own writer
runs), and each `<si>` is one f-string.

The output is XlsxWriter's, byte for byte (tests/test_rekap_shared_strings.py), with one
deliberate difference: XlsxWriter writes a string that starts with `<r>` and ends with
`</r>` unescaped, as the XML of a rich string (what its `write_rich_string` makes). xlkinerja
writes no rich strings, and such a text comes from a user's cell: written raw, it breaks the
file (Excel repairs it, the OOXML validator refuses it) or injects markup. Here every
string is text, escaped.
"""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings

from xlkinerja.files.ooxml.xmltext import escape_joined, t_element


def sst_strings_xml(strings: list[str]) -> str | None:
    """The `<si>` elements of `strings`, or None when a string holds U+FFFF."""
    escaped = escape_joined(strings)
    if escaped is None:
        return None
    return "".join([f"<si>{t_element(text)}</si>" for text in escaped])


class FastSharedStrings(SharedStrings):  # type: ignore[misc]  # XlsxWriter ships no type hints
    def _write_sst_strings(self) -> None:
        strings: list[str] = self.string_table.string_array
        xml = sst_strings_xml(strings) if strings else ""
        if xml is None:
            super()._write_sst_strings()
        else:
            self.fh.write(xml)


class FastPackager(Packager):  # type: ignore[misc]
    """XlsxWriter's packager with the shared strings written by `FastSharedStrings`."""

    def _write_shared_strings_file(self) -> None:  # as Packager's, with the class swapped
        sst: Any = FastSharedStrings()
        sst.string_table = self.workbook.str_table
        if not self.workbook.str_table.count:
            return
        sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
        sst._assemble_xml_file()


class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """An XlsxWriter workbook whose shared strings are written by `FastSharedStrings`: every
    workbook xlkinerja writes with XlsxWriter is one (a user's text stays text)."""

    def _get_packager(self) -> FastPackager:
        return FastPackager()
