"""The package as the other modules see it: text of parts, relationships, content types."""

from __future__ import annotations

from pathlib import Path

from xlkinerja.files.ooxml.opc import ContentTypes, Rels
from xlkinerja.files.ooxml.package import Package
from xlkinerja.files.ooxml.xmltext import decode


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
