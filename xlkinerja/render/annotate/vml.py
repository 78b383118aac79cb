"""The legacy VML drawing that shows notes: one hidden text box per note.

VML written by Excel is not always well-formed XML, so it is handled as text, decoded as
latin-1 (byte for byte); everything we add is ASCII. A note's box is found again by the
cell it belongs to (x:Row, x:Column), which survives a save by Excel or LibreOffice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from xlkinerja.render.annotate.cells import Pos

VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_NAMESPACES = {
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "x": "urn:schemas-microsoft-com:office:excel",
}
_SHAPE = re.compile(r"""<v:shape\s(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>.*?</v:shape>)""", re.S)
_IDMAP = re.compile(r"""<o:idmap\b[^>]*?\bdata\s*=\s*["']([\d,\s]+)["']""")
_SHAPE_ID = re.compile(r"""\bid\s*=\s*["']_x0000_s(\d+)["']""")
_ROW = re.compile(r"<x:Row>\s*(\d+)\s*</x:Row>")
_COLUMN = re.compile(r"<x:Column>\s*(\d+)\s*</x:Column>")
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)
BOX_PX = 300  # width of a note box
_ROW_PX = 20  # default row height (15 pt)
_CHARS_PER_LINE = 48  # Tahoma 9 in BOX_PX


def new_drawing(idmap: int) -> str:
    declarations = " ".join(f'xmlns:{p}="{uri}"' for p, uri in _NAMESPACES.items())
    return (
        f'<xml {declarations}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" '
        f'data="{idmap}"/></o:shapelayout>{_SHAPETYPE}</xml>'
    )


def idmaps(text: str) -> list[int]:
    return [int(n) for m in _IDMAP.finditer(text) for n in re.findall(r"\d+", m[1])]


def can_extend(text: str) -> bool:
    """Our shapes use the usual v:, o:, x: prefixes; other drawings are left alone."""
    declared = all(
        re.search(rf"""xmlns:{p}\s*=\s*["']{re.escape(uri)}["']""", text)
        for p, uri in _NAMESPACES.items()
    )
    return declared and "</xml>" in text


def next_shape_id(text: str) -> int:
    used = [int(n) for n in _SHAPE_ID.findall(text)]
    blocks = idmaps(text) or [1]
    return max([*used, blocks[0] * 1024]) + 1


def add_shapes(text: str, shapes: list[str]) -> str:
    if "_x0000_t202" not in text:
        first_shape = text.find("<v:shape ")
        at = first_shape if first_shape >= 0 else text.rindex("</xml>")
        text = text[:at] + _SHAPETYPE + text[at:]
    cut = text.rindex("</xml>")
    return text[:cut] + "".join(shapes) + text[cut:]


def _note_position(shape: str) -> Pos | None:
    if 'ObjectType="Note"' not in shape:
        return None
    row, column = _ROW.search(shape), _COLUMN.search(shape)
    return (int(row[1]), int(column[1])) if row and column else None


def remove_notes(text: str, positions: set[Pos]) -> str:
    def keep(match: re.Match[str]) -> str:
        return "" if _note_position(match[0]) in positions else match[0]

    return _SHAPE.sub(keep, text) if positions else text


def shape_count(text: str) -> int:
    return len(_SHAPE.findall(text))


def note_lines(note: str) -> int:
    lines = 1 + sum(max(1, math.ceil(len(p) / _CHARS_PER_LINE)) for p in note.split("\n"))
    return min(max(lines, 3), 30)


def _px(width: float | None) -> int:
    return 64 if width is None else int(width * 7 + 5)


def note_shape(shape_id: int, pos: Pos, note: str, widths: Mapping[int, float], z: int) -> str:
    """A hidden note box to the right of the cell, sized for the text."""
    row, col = pos
    left_col, left_off = col + 1, 15
    remaining, right_col = BOX_PX + left_off, left_col
    while remaining > _px(widths.get(right_col)):
        remaining -= _px(widths.get(right_col))
        right_col += 1
    top_row, top_off = (row - 1, 10) if row > 0 else (0, 2)
    height = note_lines(note) * 12 + 10
    rows, bottom_off = divmod(height + top_off, _ROW_PX)
    left_px = sum(_px(widths.get(c)) for c in range(left_col)) + left_off
    anchor = f"{left_col}, {left_off}, {top_row}, {top_off}, {right_col}, {remaining}, "
    anchor += f"{top_row + rows}, {bottom_off}"
    style = (
        f"position:absolute;margin-left:{left_px * 0.75:g}pt;"
        f"margin-top:{(top_row * _ROW_PX + top_off) * 0.75:g}pt;width:{BOX_PX * 0.75:g}pt;"
        f"height:{height * 0.75:g}pt;z-index:{z};visibility:hidden"
    )
    return (
        f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="{style}" '
        'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>'
        '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>'
        '</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
        f"<x:Anchor>{anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>"
        f"<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>"
    )
