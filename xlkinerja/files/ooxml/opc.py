"""The package as the write-back sees it: the text of its parts (`Parts`), their
relationships (`Rels`) and the content types (`ContentTypes`), edited as text."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.package import Package
from xlkinerja.files.ooxml.xmltext import (
    XML_HEADER,
    Element,
    decode,
    escape_attr,
    parse_checked,
    qualify,
    scan_children,
    scan_root,
)

REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "[Content_Types].xml"


class Parts:
    """The package with text access, the content types and a cache of relationships."""

    def __init__(self, path: Path, package: Package) -> None:
        self.path = path
        self.package = package
        self._rels: dict[str, Rels] = {}
        self.types = ContentTypes(self)

    def text(self, part: str) -> str:
        return decode(self.package.read(part), part, self.path)

    def put_text(self, part: str, text: str) -> None:
        self.package.write(part, text.encode("utf-8"))

    def rels(self, source: str) -> Rels:
        key = source.lower()
        if key not in self._rels:
            self._rels[key] = Rels(self, source)
        return self._rels[key]

    def remove_part(self, part: str) -> None:
        """Remove a part, its relationships and the parts only it pointed to."""
        rels = self.rels(part)
        targets = [rels.target_part(r) for r in rels.items if not r.external]
        self.package.remove(part)
        rels.drop()
        self.types.remove_override(part)
        for target in targets:
            if self.package.exists(target) and not self._referenced(target):
                self.remove_part(target)

    def _referenced(self, part: str) -> bool:
        wanted = part.lower()
        for name in self.package.names():
            if name.endswith(".rels"):
                source = source_of(name)
                rels = self.rels(source)
                if any(
                    not r.external and rels.target_part(r).lower() == wanted for r in rels.items
                ):
                    return True
        return False

    def save(self) -> None:
        for rels in self._rels.values():
            rels.save()
        self.types.save()


def source_of(rels_name: str) -> str:
    folder, _, name = rels_name.rpartition("/")
    parent = folder[: -len("_rels")].rstrip("/")
    base = name[: -len(".rels")]
    return f"{parent}/{base}" if parent else base


@dataclass(frozen=True)
class Relationship:
    rid: str
    type: str
    target: str
    external: bool

    @property
    def kind(self) -> str:
        return self.type.rpartition("/")[2]


def rels_part(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def resolve(source: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source) or ".")


class _XmlList:
    """A part whose root holds a flat list of empty elements (rels, content types)."""

    def __init__(self, parts: Parts, part: str) -> None:
        self.parts = parts
        self.part = part
        self.existed = parts.package.exists(part)
        self.text = parts.text(part) if self.existed else ""
        if self.existed:
            parse_checked(self.text, part, parts.path)
        self.changed = False
        self._scan()

    def _scan(self) -> None:
        if not self.text:
            self.root: Element | None = None
            self.elements: list[Element] = []
            self._rescanned()
            return
        self.root = scan_root(self.text, self.part, self.parts.path)
        self.elements = scan_children(self.text, self.root, self.part, self.parts.path)
        self._rescanned()

    def _rescanned(self) -> None:
        """Hook for subclasses to refresh what they derive from the elements."""

    def _prefix(self) -> str:
        return self.root.qname.rpartition(":")[0] if self.root else ""

    def _append(self, element: str, empty_document: str) -> None:
        root = self.root
        if root is None:
            self.text = empty_document
        elif root.empty:
            tag = self.text[root.start : root.open_end]
            opened = tag[:-2].rstrip() + ">"
            self.text = (
                self.text[: root.start]
                + opened
                + element
                + f"</{root.qname}>"
                + self.text[root.end :]
            )
        else:
            cut = root.inner_end
            self.text = self.text[:cut] + element + self.text[cut:]
        self.changed = True
        self._scan()

    def _delete(self, element: Element) -> None:
        self.text = self.text[: element.start] + self.text[element.end :]
        self.changed = True
        self._scan()


class Rels(_XmlList):
    def __init__(self, parts: Parts, source: str) -> None:
        self.source = source
        super().__init__(parts, rels_part(source))

    def _rescanned(self) -> None:
        self.items: list[Relationship] = [
            Relationship(
                e.attrs.get("Id", ""),
                e.attrs.get("Type", ""),
                e.attrs.get("Target", ""),
                e.attrs.get("TargetMode") == "External",
            )
            for e in self.elements
            if e.local == "Relationship"
        ]

    def of_kind(self, kind: str) -> list[Relationship]:
        return [r for r in self.items if r.kind == kind and not r.external]

    def get(self, rid: str) -> Relationship | None:
        return next((r for r in self.items if r.rid == rid), None)

    def target_part(self, rel: Relationship) -> str:
        return resolve(self.source, rel.target)

    def add(self, kind: str, target_part: str) -> str:
        used = {r.rid for r in self.items}
        numbers = [int(m[1]) for rid in used if (m := re.fullmatch(r"rId(\d+)", rid))]
        number = max(numbers, default=0) + 1
        while f"rId{number}" in used:
            number += 1
        rid = f"rId{number}"
        element = (
            f'<{qualify(self._prefix(), "Relationship")} Id="{rid}" Type="{REL_BASE}{kind}" '
            f'Target="{escape_attr(relative(self.source, target_part))}"/>'
        )
        self._append(
            element,
            f'{XML_HEADER}<Relationships xmlns="{PACKAGE_RELS_NS}">{element}</Relationships>',
        )
        return rid

    def remove(self, rid: str) -> None:
        for element in self.elements:
            if element.local == "Relationship" and element.attrs.get("Id") == rid:
                self._delete(element)
                return

    def drop(self) -> None:
        """The source part is gone: so is this part."""
        self.text = ""
        self.changed = True
        self._scan()

    def save(self) -> None:
        if not self.changed:
            return
        if self.items:
            self.parts.put_text(self.part, self.text)
        else:
            self.parts.package.remove(self.part)


class ContentTypes(_XmlList):
    def __init__(self, parts: Parts) -> None:
        if not parts.package.exists(CONTENT_TYPES):
            raise WorkbookError(
                "bukan paket Office: bagian [Content_Types].xml tidak ada.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=parts.path,
            )
        super().__init__(parts, CONTENT_TYPES)

    def _override(self, part: str) -> Element | None:
        wanted = "/" + part.lower()
        return next(
            (
                e
                for e in self.elements
                if e.local == "Override" and e.attrs.get("PartName", "").lower() == wanted
            ),
            None,
        )

    def add_override(self, part: str, content_type: str) -> None:
        if self._override(part) is None:
            name = qualify(self._prefix(), "Override")
            self._append(
                f'<{name} PartName="/{escape_attr(part)}" ContentType="{content_type}"/>', ""
            )

    def remove_override(self, part: str) -> None:
        found = self._override(part)
        if found is not None:
            self._delete(found)

    def ensure_default(self, extension: str, content_type: str) -> None:
        for element in self.elements:
            if element.local == "Default" and element.attrs.get("Extension", "").lower() == (
                extension
            ):
                return
        name = qualify(self._prefix(), "Default")
        self._append(f'<{name} Extension="{extension}" ContentType="{content_type}"/>', "")

    def save(self) -> None:
        if self.changed:
            self.parts.put_text(self.part, self.text)
