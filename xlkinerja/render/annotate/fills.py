"""A cell's fill as the record of a run keeps it: the <fill> element, prefix-free.

Why keep the fill itself, not only the cell's style index: a workbook re-saved by another
program (LibreOffice) has every style renumbered, so the index we recorded names another
format there. With the original fill kept, the next run still gives the cell back the
fill it had: the cell's format as it is now, with that fill instead of ours.

The text comes back from a cell of the "Hasil Validasi" sheet, which a user can edit, so it
is parsed (defusedxml), only the elements and attributes of a fill are accepted, and it is
written out again by us: nothing else can reach styles.xml.
"""

from __future__ import annotations

import re
from typing import Any

from defusedxml import ElementTree

from xlkinerja.files.ooxml.xmltext import MAIN_NS, escape_attr

_ELEMENTS = {
    "fill": (),
    "patternFill": ("patternType",),
    "gradientFill": ("type", "degree", "left", "right", "top", "bottom"),
    "stop": ("position",),
    "fgColor": ("auto", "indexed", "rgb", "theme", "tint"),
    "bgColor": ("auto", "indexed", "rgb", "theme", "tint"),
    "color": ("auto", "indexed", "rgb", "theme", "tint"),
}
_VALUE = re.compile(r"^[A-Za-z0-9.+\-]{1,40}$")
_PREFIX = re.compile(r"<(/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
NO_FILL = '<fill><patternFill patternType="none"/></fill>'


def canonical(text: str | None) -> str | None:
    """The fill element `text` (any namespace prefix) written our way, prefix-free; None
    when it is not a plain fill element."""
    if not text or len(text) > 2000:
        return None
    unprefixed = _PREFIX.sub(r"<\1\3", text.strip())
    try:
        root = ElementTree.fromstring(f'<fill xmlns="{MAIN_NS}">{_inner(unprefixed)}</fill>')
    except Exception:  # defusedxml raises several types for hostile or broken XML
        return None
    if not unprefixed.startswith("<fill"):
        return None
    return _write(root)


def _inner(text: str) -> str:
    """The children of a <fill …>…</fill> text ('' for <fill/>)."""
    match = re.fullmatch(r"<fill\b[^>]*?(?:/>|>(.*)</fill>)", text, re.S)
    return (match[1] or "") if match else "<not-a-fill/>"


def _write(element: Any) -> str | None:
    local = element.tag.rsplit("}", 1)[-1]
    allowed = _ELEMENTS.get(local)
    if allowed is None or not element.tag.startswith(f"{{{MAIN_NS}}}"):
        return None
    attrs = []
    for name in allowed:
        value = element.get(name)
        if value is not None:
            if not _VALUE.match(value):
                return None
            attrs.append(f' {name}="{escape_attr(value)}"')
    inner = []
    for child in element:
        written = _write(child)
        if written is None:
            return None
        inner.append(written)
    head = f"<{local}{''.join(attrs)}"
    return f"{head}>{''.join(inner)}</{local}>" if inner else f"{head}/>"


def same_fill(first: str | None, second: str | None) -> bool:
    """Two canonical fills that look the same in a cell (a fill without pattern is none,
    whatever colours it names; rgb ignores case)."""
    return first is not None and second is not None and _key(first) == _key(second)


def _key(fill: str) -> str:
    pattern = re.search(r'patternType="([^"]*)"', fill)
    if "<gradientFill" not in fill and (pattern is None or pattern[1] == "none"):
        return "none"
    if pattern is not None and pattern[1] == "solid":
        fg = re.search(r"<fgColor\b[^>]*>", fill)
        return "solid " + (fg[0].upper() if fg else "")
    return fill.upper()


def qualified(fill: str, prefix: str) -> str:
    """A canonical fill with the stylesheet's namespace prefix on every element."""
    return _PREFIX.sub(rf"<\1{prefix}:\3", fill) if prefix else fill
