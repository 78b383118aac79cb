"""OOXML text: position-keeping reads, so that edits leave every other byte alone, and the
two ways xlkinerja escapes text into it.

Parts are first checked with defusedxml (well-formed, no entity tricks); this module then
finds elements by offset with a small tag scanner, and the callers splice text in and out.

Escaping: `escape_text`/`escape_attr` write text into a part the write-back edits (control
characters, which XML cannot hold, are dropped); `escape_cell_text` writes a cell's text
the way XlsxWriter (and Excel) store it — control characters become `_xHHHH_`, a text that
already looks like such an escape gets its underscore escaped (`_x005F_`), U+FFFE and U+FFFF
are escaped too, and & < > are XML entities. A text with leading or trailing whitespace
needs `xml:space="preserve"` on its `<t>` (`t_element`; XlsxWriter tests `^\\s|\\s$`; the
escapes keep every whitespace character but 0x1C-0x1F, so str.isspace on the escaped
text's ends is the same test).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from defusedxml import ElementTree

from xlkinerja.errors import ErrorCode, WorkbookError

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_ATTRS = r"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*"""
_TAG = re.compile(rf"<(/?)([A-Za-z_][\w.:-]*)({_ATTRS})\s*(/?)>")
_ATTR = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SKIP = {"<!--": "-->", "<![CDATA[": "]]>", "<?": "?>"}


def parse_attrs(text: str) -> dict[str, str]:
    """The attributes of a start tag's text, unescaped, by qualified name."""
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(text)}


@dataclass(frozen=True)
class Element:
    """One element of a text: offsets of its start tag, content and end."""

    qname: str
    start: int  # offset of "<"
    open_end: int  # offset just after the start tag
    end: int  # offset just after the end tag (open_end when self-closing)
    attr_text: str

    @property
    def empty(self) -> bool:
        return self.end == self.open_end

    @property
    def local(self) -> str:
        return self.qname.rpartition(":")[2]

    @property
    def inner_end(self) -> int:
        return self.open_end if self.empty else self.end - len(self.qname) - 3

    @cached_property
    def attrs(self) -> dict[str, str]:
        return parse_attrs(self.attr_text)


def _skip_special(text: str, pos: int) -> int | None:
    if text[pos + 1 : pos + 2] not in ("!", "?"):
        return None
    for opener, closer in _SKIP.items():
        if text.startswith(opener, pos):
            found = text.find(closer, pos + len(opener))
            if found < 0:
                raise ValueError("unterminated markup")
            return found + len(closer)
    return None


def root_element(text: str) -> Element:
    pos = 0
    while True:
        pos = text.index("<", pos)
        after = _skip_special(text, pos)
        if after is not None:
            pos = after
            continue
        match = _TAG.match(text, pos)
        if not match or match[1]:
            raise ValueError("no root element")
        qname = match[2]
        if match[4]:
            return Element(qname, pos, match.end(), match.end(), match[3])
        close = text.rindex(f"</{qname}", match.end())
        return Element(qname, pos, match.end(), text.index(">", close) + 1, match[3])


def children(text: str, parent: Element, opaque: frozenset[str] = frozenset()) -> list[Element]:
    """Direct children of `parent`; elements named in `opaque` are jumped over whole
    (their end tag is found by search: they must not nest, like sheetData)."""
    found: list[Element] = []
    stack: list[tuple[str, int, int, str]] = []
    pos, stop = parent.open_end, parent.inner_end
    while True:
        pos = text.find("<", pos, stop)
        if pos < 0:
            return found
        after = _skip_special(text, pos)
        if after is not None:
            pos = after
            continue
        match = _TAG.match(text, pos)
        if not match:
            raise ValueError(f"bad tag at {pos}")
        closing, qname, attr_text, selfclosing = match[1], match[2], match[3], match[4]
        if closing:
            name, start, open_end, attr_text = stack.pop()
            if not stack:
                found.append(Element(name, start, open_end, match.end(), attr_text))
            pos = match.end()
        elif selfclosing:
            if not stack:
                found.append(Element(qname, pos, match.end(), match.end(), attr_text))
            pos = match.end()
        elif not stack and qname.rpartition(":")[2] in opaque:
            close = text.index(f"</{qname}>", match.end())
            end = close + len(qname) + 3
            found.append(Element(qname, pos, match.end(), end, attr_text))
            pos = end
        else:
            stack.append((qname, pos, match.end(), attr_text))
            pos = match.end()


def first(elements: list[Element], local: str) -> Element | None:
    return next((e for e in elements if e.local == local), None)


def namespace_prefixes(root: Element) -> dict[str, str]:
    """Namespace URI → prefix declared on the root ('' for the default namespace)."""
    prefixes: dict[str, str] = {}
    for name, value in root.attrs.items():
        if name == "xmlns":
            prefixes.setdefault(value, "")
        elif name.startswith("xmlns:"):
            prefixes.setdefault(value, name[6:])
    return prefixes


def qualify(prefix: str, local: str) -> str:
    return f"{prefix}:{local}" if prefix else local


def escape_text(value: str) -> str:
    value = _BAD_CHARS.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(value: str) -> str:
    return (
        escape_text(value)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def set_attr(tag: str, name: str, value: str | None) -> str:
    """A start tag's text with `name` set to `value` (or removed when None)."""
    pattern = re.compile(rf"""\s+{re.escape(name)}\s*=\s*(?:"[^"]*"|'[^']*')""")
    if value is None:
        return pattern.sub("", tag, count=1)
    new = f' {name}="{escape_attr(value)}"'
    if pattern.search(tag):
        return pattern.sub(lambda _m: new, tag, count=1)
    cut = len(tag) - (2 if tag.endswith("/>") else 1)
    return tag[:cut] + new + tag[cut:]


def decode(data: bytes, part: str, path: object) -> str:
    """UTF-8 text of a part; a BOM is kept as the first character."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WorkbookError(
            f"bagian {part} bukan teks UTF-8; berkas tidak dapat ditandai.",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=str(path),
        ) from exc
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise WorkbookError(
            f"bagian {part} memuat deklarasi DTD yang tidak diizinkan.",
            code=ErrorCode.BERKAS_TIDAK_AMAN,
            path=str(path),
        )
    return text


def parse_checked(text: str, part: str, path: object) -> Any:
    """Parse with defusedxml (the check that the part is sane XML); returns the root."""
    try:
        return ElementTree.fromstring(text.lstrip("\ufeff").encode("utf-8"))
    except Exception as exc:  # defusedxml raises several types for hostile or broken XML
        raise WorkbookError(
            f"isi bagian {part} tidak dapat dibaca (XML rusak atau tidak aman).",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=str(path),
        ) from exc


def scan_root(text: str, part: str, path: object) -> Element:
    try:
        return root_element(text)
    except ValueError as exc:
        raise WorkbookError(
            f"bagian {part} tidak berisi XML yang sah.",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=str(path),
        ) from exc


def scan_children(
    text: str, parent: Element, part: str, path: object, opaque: frozenset[str] = frozenset()
) -> list[Element]:
    try:
        return children(text, parent, opaque)
    except (ValueError, IndexError) as exc:
        raise WorkbookError(
            f"bagian {part} tidak berisi XML yang sah.",
            code=ErrorCode.BERKAS_BAGIAN_RUSAK,
            path=str(path),
        ) from exc


# Cell text, escaped as XlsxWriter escapes it (see the module docstring).

ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")  # as XlsxWriter's xmlwriter
CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def _control(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(1)):04X}_"


def escape_cell_text(text: str) -> str:
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
    return escape_cell_text(joined).split(separator)


def t_element(escaped: str) -> str:
    """The `<t>` element of an escaped text."""
    if escaped[:1].isspace() or escaped[-1:].isspace():
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"
