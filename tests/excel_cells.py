"""Change one cell of a saved workbook the way Excel stores what a user typed or a formula
gave: a shared string (`t="s"`, the text in xl/sharedStrings.xml), an inline string
(`t="inlineStr"`), or an error (`t="e"`) with or without the formula that produced it.
Only that cell's XML changes (its style kept); the rest of the package is copied as is.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from tests.bad_files import part, rewrite

SHARED_STRINGS = "xl/sharedStrings.xml"


def sheet_part(path: Path, sheet: str) -> str:
    """The package part of a sheet, found by its name as the workbook lists it."""
    workbook = part(path, "xl/workbook.xml").decode()
    rels = part(path, "xl/_rels/workbook.xml.rels").decode()
    found = re.search(rf'<sheet name="{re.escape(sheet)}"[^>]*r:id="(rId\d+)"', workbook)
    assert found, f"no sheet {sheet!r}"
    target = re.search(rf'<Relationship[^>]*Id="{found[1]}"[^>]*Target="([^"]+)"', rels)
    if target is None:  # attributes in the other order
        target = re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{found[1]}"', rels)
    assert target, f"no relationship {found[1]}"
    return "xl/" + target[1].removeprefix("/xl/")


def _shared(path: Path, text: str) -> tuple[int, bytes]:
    """The index a new shared string gets, and sharedStrings.xml with it appended."""
    sst = part(path, SHARED_STRINGS).decode()
    unique = int(re.search(r'uniqueCount="(\d+)"', sst)[1])  # type: ignore[index]
    count = int(re.search(r' count="(\d+)"', sst)[1])  # type: ignore[index]
    sst = sst.replace(f'uniqueCount="{unique}"', f'uniqueCount="{unique + 1}"', 1)
    sst = sst.replace(f' count="{count}"', f' count="{count + 1}"', 1)
    sst = sst.replace("</sst>", f"<si><t>{escape(text)}</t></si></sst>")
    return unique, sst.encode()


def set_cell(source: Path, target: Path, sheet: str, cell: str, kind: str, text: str) -> Path:
    """Copy `source` to `target` with `cell` of `sheet` holding `text` as `kind`:
    "shared" (a typed text), "inline" (a text another program wrote inline), "error"
    (an error value typed or pasted, e.g. #N/A) or "formula:EXPR" (an error a formula
    gave, cached as Excel caches it, e.g. "formula:C14/0" with text "#DIV/0!")."""
    name = sheet_part(source, sheet)
    xml = part(source, name).decode()
    pattern = re.compile(rf'<c r="{cell}"(?P<attrs>[^>]*?)(?:/>|>.*?</c>)')
    old = pattern.search(xml)
    assert old, f"{sheet}!{cell} is not in the sheet's XML"
    style = re.search(r'\ss="\d+"', old["attrs"])
    s = style[0] if style else ""
    replace: dict[str, bytes] = {}
    if kind == "shared":
        index, replace[SHARED_STRINGS] = _shared(source, text)
        new = f'<c r="{cell}"{s} t="s"><v>{index}</v></c>'
    elif kind == "inline":
        new = f'<c r="{cell}"{s} t="inlineStr"><is><t>{escape(text)}</t></is></c>'
    elif kind == "error":
        new = f'<c r="{cell}"{s} t="e"><v>{escape(text)}</v></c>'
    elif kind.startswith("formula:"):
        formula = escape(kind.removeprefix("formula:"))
        new = f'<c r="{cell}"{s} t="e"><f>{formula}</f><v>{escape(text)}</v></c>'
    else:
        raise ValueError(kind)
    replace[name] = (xml[: old.start()] + new + xml[old.end() :]).encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    return rewrite(source, target, replace)


def cell_xml(path: Path, sheet: str, cell: str) -> str:
    """The XML of one cell as the package holds it."""
    xml = part(path, sheet_part(path, sheet)).decode()
    found = re.search(rf'<c r="{cell}"[^>]*?(?:/>|>.*?</c>)', xml)
    assert found, cell
    return found[0]
