"""One worksheet part, edited as text: cells, dimension, tab selection, legacy drawing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from xlkinerja.core.address import column_index, column_letters
from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.opc import Parts, Rels
from xlkinerja.files.ooxml.xmltext import (
    MAIN_NS,
    REL_NS,
    Element,
    first,
    namespace_prefixes,
    parse_checked,
    qualify,
    scan_children,
    scan_root,
    set_attr,
)
from xlkinerja.render.annotate.book import SheetEntry
from xlkinerja.render.annotate.cells import Pos, SheetCells

# Big children that never nest themselves: jumped over whole when scanning the top level.
_OPAQUE = frozenset(
    {"sheetData", "cols", "mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks"}
)
# Children of <worksheet> that come after <legacyDrawing> (ECMA-376 CT_Worksheet order).
_AFTER_LEGACY = (
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
    "AlternateContent",  # Excel wraps controls and oleObjects in mc:AlternateContent
)
_A1 = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")
_TRUE = ("1", "true")


def has_selected_tab(text: str) -> bool:
    """Cheap test before parsing: does a sheetView say tabSelected?"""
    head = text[: text.find("sheetData>") if "sheetData>" in text else len(text)]
    return re.search(r"""tabSelected\s*=\s*["'](?:1|true)["']""", head) is not None


class Worksheet:
    def __init__(self, parts: Parts, entry: SheetEntry, text: str) -> None:
        assert entry.part is not None
        self.parts = parts
        self.entry = entry
        self.part = entry.part
        self.text = text  # read once by the caller, which looked into it already
        parse_checked(self.text, self.part, parts.path)
        self.changed = False
        self._scan()

    @property
    def rels(self) -> Rels:
        return self.parts.rels(self.part)

    def _scan(self) -> None:
        self.root = scan_root(self.text, self.part, self.parts.path)
        prefixes = namespace_prefixes(self.root)
        self.prefix = prefixes.get(MAIN_NS, "")
        self.rel_prefix = prefixes.get(REL_NS)
        self.top = scan_children(self.text, self.root, self.part, self.parts.path, _OPAQUE)

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self.changed = True
        self._scan()

    def _element(self, local: str) -> Element | None:
        return first(self.top, local)

    def cols(self) -> list[tuple[int, int, int]]:
        holder = self._element("cols")
        if holder is None:
            return []
        found = []
        for col in scan_children(self.text, holder, self.part, self.parts.path):
            attrs = col.attrs
            low, high, style = attrs.get("min", ""), attrs.get("max", ""), attrs.get("style", "")
            if low.isdigit() and high.isdigit() and style.isdigit():
                found.append((int(low) - 1, int(high) - 1, int(style)))
        return found

    def col_widths(self) -> dict[int, float]:
        holder, widths = self._element("cols"), {}
        if holder is not None:
            for col in scan_children(self.text, holder, self.part, self.parts.path):
                attrs = col.attrs
                try:
                    low, high, width = int(attrs["min"]), int(attrs["max"]), float(attrs["width"])
                except (KeyError, ValueError):
                    continue
                for index in range(low - 1, min(high, low + 64)):
                    widths[index] = width
        return widths

    def cells(self) -> SheetCells:
        data = self._element("sheetData")
        if data is None:
            raise WorkbookError(
                "lembar tanpa sheetData.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=self.parts.path,
                sheet=self.entry.name,
            )
        where = (self.parts.path, self.entry.name)
        return SheetCells(self.text, data, self.prefix, self.cols(), where)

    def replace_data(self, new: str) -> None:
        data = self._element("sheetData")
        assert data is not None
        self._splice(data.start, data.end, new)

    def expand_dimension(self, positions: Iterable[Pos]) -> None:
        dimension = self._element("dimension")
        cells = list(positions)
        if dimension is None or not cells:
            return
        refs = _A1.findall(dimension.attrs.get("ref", ""))
        rows = [int(r) - 1 for _, r in refs] + [r for r, _ in cells]
        cols = [column_index(c) for c, _ in refs] + [c for _, c in cells]
        first_ref = f"{column_letters(min(cols))}{min(rows) + 1}"
        last_ref = f"{column_letters(max(cols))}{max(rows) + 1}"
        ref = first_ref if first_ref == last_ref else f"{first_ref}:{last_ref}"
        if ref != dimension.attrs.get("ref"):
            tag = set_attr(self.text[dimension.start : dimension.open_end], "ref", ref)
            self._splice(dimension.start, dimension.open_end, tag)

    def clear_tab_selected(self) -> None:
        views = self._element("sheetViews")
        if views is None:
            return
        for view in reversed(scan_children(self.text, views, self.part, self.parts.path)):
            if view.local == "sheetView" and view.attrs.get("tabSelected") in _TRUE:
                tag = set_attr(self.text[view.start : view.open_end], "tabSelected", None)
                self._splice(view.start, view.open_end, tag)

    def legacy_rid(self) -> str | None:
        element = self._element("legacyDrawing")
        if element is None:
            return None
        return next((v for k, v in element.attrs.items() if k.endswith(":id")), None)

    def set_legacy(self, rid: str | None) -> None:
        element = self._element("legacyDrawing")
        if rid is None:
            if element is not None:
                self._splice(element.start, element.end, "")
            return
        if self.rel_prefix:
            new = f'<{qualify(self.prefix, "legacyDrawing")} {self.rel_prefix}:id="{rid}"/>'
        else:
            new = f'<{qualify(self.prefix, "legacyDrawing")} xmlns:r="{REL_NS}" r:id="{rid}"/>'
        if element is not None:
            self._splice(element.start, element.end, new)
            return
        after = next((e for e in self.top if e.local in _AFTER_LEGACY), None)
        at = after.start if after is not None else self.root.inner_end
        self._splice(at, at, new)

    def save(self) -> None:
        if self.changed:
            self.parts.put_text(self.part, self.text)
