"""Cell text as SpreadsheetML stores it, escaped the way XlsxWriter (and Excel) escape it.

Control characters become `_xHHHH_`, a text that already looks like such an escape gets its
underscore escaped (`_x005F_`), U+FFFE and U+FFFF are escaped too, and & < > are XML
entities. A text with leading or trailing whitespace needs `xml:space="preserve"` on its
`<t>` (XlsxWriter tests `^\\s|\\s$`; the escapes keep every whitespace character but
0x1C-0x1F, so str.isspace on the escaped text's ends is the same test).
"""

from __future__ import annotations

import re

ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")  # as XlsxWriter's xmlwriter
CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def _control(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(1)):04X}_"


def escape_text(text: str) -> str:
    """`text` escaped for a `<t>` element. Also right for many texts joined by U+FFFF and
    escaped at once (no escape spans or changes that character): see `escape_joined`."""
    text = ESCAPE_OF_ESCAPE.sub(r"_x005F\1", text)
    text = CONTROL.sub(_control, text).replace("\ufffe", "_xFFFE_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_joined(texts: list[str], separator: str = "\uffff") -> list[str] | None:
    """Every text escaped, the escapes run once over all of them joined by `separator`;
    None when a text holds the separator."""
    joined = separator.join(texts)
    if joined.count(separator) != max(len(texts) - 1, 0):
        return None
    return escape_text(joined).split(separator)


def t_element(escaped: str) -> str:
    """The `<t>` element of an escaped text."""
    if escaped[:1].isspace() or escaped[-1:].isspace():
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"
