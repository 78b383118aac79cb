"""The compiled workbook's shared string table (xl/sharedStrings.xml), written in one pass.

XlsxWriter writes each string through four function calls and three regular expressions
(~7 µs a string); the compiled workbook of 1,000 units has ~150,000 distinct strings. Here
the escapes run once over all the strings joined by a separator no string holds (U+FFFF,
which XlsxWriter itself writes escaped; if a string does hold it, XlsxWriter's own writer
runs), and each `<si>` is one f-string.

The output is XlsxWriter's, byte for byte (tests/test_rekap_shared_strings.py), with one
deliberate difference: XlsxWriter writes a string that starts with `<r>` and ends with
`</r>` unescaped, as the XML of a rich string (what its `write_rich_string` makes). The
compiled workbook writes no rich strings, and such a text comes from a user's cell: written
raw, it would break the file (or inject markup). Here every string is text, escaped.
"""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings

SEPARATOR = "\uffff"
ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")  # as XlsxWriter's xmlwriter
CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def _control(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(1)):04X}_"


def sst_strings_xml(strings: list[str]) -> str | None:
    """The `<si>` elements of `strings`, or None when a string holds the separator."""
    joined = SEPARATOR.join(strings)
    if joined.count(SEPARATOR) != max(len(strings) - 1, 0):
        return None
    joined = ESCAPE_OF_ESCAPE.sub(r"_x005F\1", joined)
    joined = CONTROL.sub(_control, joined).replace("\ufffe", "_xFFFE_")
    joined = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # XlsxWriter's test for xml:space (leading or trailing \s) is str.isspace's (both use
    # Py_UNICODE_ISSPACE), and its escapes above keep every whitespace character but 0x1C-0x1F.
    return "".join(
        f'<si><t xml:space="preserve">{text}</t></si>'
        if text[:1].isspace() or text[-1:].isspace()
        else f"<si><t>{text}</t></si>"
        for text in joined.split(SEPARATOR)
    )


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
