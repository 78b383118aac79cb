"""The workbook part: its sheet list, defined names and window, edited as text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.opc import Parts
from xlkinerja.files.ooxml.xmltext import (
    MAIN_NS,
    REL_NS,
    Element,
    escape_attr,
    first,
    namespace_prefixes,
    parse_checked,
    qualify,
    scan_children,
    scan_root,
    set_attr,
)

WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


@dataclass(frozen=True)
class SheetEntry:
    index: int  # position in the tab order (what localSheetId and activeTab count)
    name: str
    sheet_id: int
    rid: str
    part: str | None  # None when the relationship is missing
    kind: str  # worksheet, chartsheet, dialogsheet, …


class Book:
    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        root_rels = parts.rels("")
        documents = root_rels.of_kind("officeDocument")
        self.part = root_rels.target_part(documents[0]) if documents else "xl/workbook.xml"
        if not parts.package.exists(self.part):
            raise WorkbookError(
                "bukan workbook Excel: bagian workbook.xml tidak ada.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=parts.path,
            )
        self.text = parts.text(self.part)
        tree = parse_checked(self.text, self.part, parts.path)
        if tree.tag != f"{{{MAIN_NS}}}workbook":
            raise WorkbookError(
                "format workbook tidak didukung (mis. Strict Open XML); simpan ulang sebagai "
                "Buku Kerja Excel (.xlsx) biasa.",
                code=ErrorCode.BERKAS_ISI_TIDAK_DIDUKUNG,
                path=parts.path,
            )
        self.rels = parts.rels(self.part)
        self.changed = False
        self._scan()

    def _scan(self) -> None:
        path = self.parts.path
        self.root = scan_root(self.text, self.part, path)
        prefixes = namespace_prefixes(self.root)
        self.prefix = prefixes.get(MAIN_NS, "")
        self.rel_prefix = prefixes.get(REL_NS)
        self.top = scan_children(self.text, self.root, self.part, path)
        sheets = first(self.top, "sheets")
        if sheets is None:
            raise WorkbookError(
                "workbook tidak memiliki daftar lembar.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=path,
            )
        self._sheets_element = sheets
        self._sheet_elements = [
            e for e in scan_children(self.text, sheets, self.part, path) if e.local == "sheet"
        ]
        self.sheets = self._entries()

    def _children(self, local: str) -> tuple[Element | None, list[Element]]:
        parent = first(self.top, local)
        if parent is None:
            return None, []
        return parent, scan_children(self.text, parent, self.part, self.parts.path)

    def _entries(self) -> list[SheetEntry]:
        entries = []
        rid_name = f"{self.rel_prefix}:id" if self.rel_prefix else "r:id"
        for index, element in enumerate(self._sheet_elements):
            rid = element.attrs.get(rid_name, "")
            rel = self.rels.get(rid)
            entries.append(
                SheetEntry(
                    index=index,
                    name=element.attrs.get("name", ""),
                    sheet_id=int(element.attrs.get("sheetId", "0") or 0),
                    rid=rid,
                    part=self.rels.target_part(rel) if rel else None,
                    kind=rel.kind if rel else "",
                )
            )
        return entries

    def find(self, name: str) -> SheetEntry | None:
        wanted = name.casefold()
        return next((s for s in self.sheets if s.name.casefold() == wanted), None)

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self.changed = True
        self._scan()

    def remove_sheet(self, entry: SheetEntry) -> None:
        """Drop a sheet, its part tree, and keep sheet-local names and tab indexes valid."""
        _, names = self._children("definedNames")
        for element in reversed(names):
            local = element.attrs.get("localSheetId")
            if local is None or not local.isdigit():
                continue
            if int(local) == entry.index:
                self._splice(element.start, element.end, "")
            elif int(local) > entry.index:
                tag = set_attr(
                    self.text[element.start : element.open_end], "localSheetId", str(int(local) - 1)
                )
                self._splice(element.start, element.open_end, tag)
        holder, names = self._children("definedNames")
        if holder is not None and not names:
            self._splice(holder.start, holder.end, "")
        self._shift_views(entry.index)
        element = self._sheet_elements[entry.index]
        self._splice(element.start, element.end, "")
        self.rels.remove(entry.rid)
        if entry.part:
            self.parts.remove_part(entry.part)

    def _shift_views(self, removed: int) -> None:
        _, views = self._children("bookViews")
        for view in reversed(views):
            tag = self.text[view.start : view.open_end]
            for name in ("activeTab", "firstSheet"):
                value = view.attrs.get(name)
                if value and value.isdigit() and int(value) > removed:
                    tag = set_attr(tag, name, str(int(value) - 1))
                elif value and value.isdigit() and int(value) == removed:
                    tag = set_attr(tag, name, None)
            self._splice(view.start, view.open_end, tag)

    def add_sheet(self, name: str, xml: str) -> SheetEntry:
        folder = posixpath.dirname(self.part)
        part = self.parts.package.free_name(posixpath.join(folder, "worksheets", "sheet{}.xml"))
        self.parts.put_text(part, xml)
        self.parts.types.add_override(part, WORKSHEET_TYPE)
        rid = self.rels.add("worksheet", part)
        sheet_id = max((s.sheet_id for s in self.sheets), default=0) + 1
        if self.rel_prefix:
            rid_attr = f'{self.rel_prefix}:id="{rid}"'
        else:
            rid_attr = f'xmlns:r="{REL_NS}" r:id="{rid}"'
        tag = qualify(self.prefix, "sheet")
        element = f'<{tag} name="{escape_attr(name)}" sheetId="{sheet_id}" {rid_attr}/>'
        sheets = self._sheets_element
        self._splice(sheets.inner_end, sheets.inner_end, element)
        return self.sheets[-1]

    def activate(self, index: int) -> None:
        holder, views = self._children("bookViews")
        if holder is None:
            view_tag = qualify(self.prefix, "workbookView")
            books = qualify(self.prefix, "bookViews")
            start = self._sheets_element.start
            self._splice(start, start, f'<{books}><{view_tag} activeTab="{index}"/></{books}>')
            return
        for view in reversed(views):
            if view.local != "workbookView":
                continue
            tag = set_attr(self.text[view.start : view.open_end], "activeTab", str(index))
            first_sheet = view.attrs.get("firstSheet", "0")
            if first_sheet.isdigit() and int(first_sheet) > index:
                tag = set_attr(tag, "firstSheet", str(index))
            self._splice(view.start, view.open_end, tag)

    def hide_very(self, name: str) -> bool:
        """Make the sheet `name` very hidden again when it is only hidden (LibreOffice
        saves a very hidden sheet as hidden); True when changed."""
        for element in self._sheet_elements:
            if element.attrs.get("name") == name and element.attrs.get("state") == "hidden":
                tag = set_attr(self.text[element.start : element.open_end], "state", "veryHidden")
                self._splice(element.start, element.open_end, tag)
                return True
        return False

    def save(self) -> None:
        if self.changed:
            self.parts.put_text(self.part, self.text)
