"""A sheet's notes: the comments part, the VML drawing that shows them, and their links.

Adding creates what is missing (comments part, VML part, relationships, content types,
<legacyDrawing>); removing takes ours out and drops what is left empty.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from xlkinerja.files.ooxml.opc import Parts, Relationship
from xlkinerja.render.annotate import vml
from xlkinerja.render.annotate.cells import Pos
from xlkinerja.render.annotate.comments import AUTHOR, COMMENTS_TYPE, CommentsPart
from xlkinerja.render.annotate.worksheet import Worksheet


class ShapeBlocks:
    """VML shape-id blocks (o:idmap) in use across the workbook; new drawings get a new one."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self._next: int | None = None

    def take(self) -> int:
        if self._next is None:
            used = [
                block
                for name in self.parts.package.names()
                if name.lower().endswith(".vml")
                for block in vml.idmaps(self.parts.package.read(name).decode("latin-1"))
            ]
            self._next = max(used, default=0) + 1
        block, self._next = self._next, self._next + 1
        return block


def _comments_rel(sheet: Worksheet) -> Relationship | None:
    rels = sheet.rels.of_kind("comments")
    return rels[0] if rels else None


def _drawing_part(sheet: Worksheet) -> tuple[str | None, str | None]:
    rid = sheet.legacy_rid()
    rel = sheet.rels.get(rid) if rid else None
    return rid, sheet.rels.target_part(rel) if rel else None


def has_our_notes(parts: Parts, sheet_part: str) -> bool:
    """Cheap test: does the sheet's comments part name our author at all?"""
    rels = parts.rels(sheet_part)
    for rel in rels.of_kind("comments"):
        part = rels.target_part(rel)
        if parts.package.exists(part) and AUTHOR.encode() in parts.package.read(part):
            return True
    return False


def strip_notes(parts: Parts, sheet: Worksheet) -> int:
    """Remove our notes from the sheet; returns how many."""
    rel = _comments_rel(sheet)
    if rel is None:
        return 0
    part = sheet.rels.target_part(rel)
    if not parts.package.exists(part):
        return 0
    comments = CommentsPart(parts.text(part), part, parts.path)
    removed = comments.remove_ours()
    if not comments.changed:
        return 0
    rid, drawing = _drawing_part(sheet)
    if drawing and parts.package.exists(drawing):
        text = parts.package.read(drawing).decode("latin-1")
        kept = vml.remove_notes(text, removed)
        if comments.empty and vml.shape_count(kept) == 0:
            parts.remove_part(drawing)
            if rid:
                sheet.rels.remove(rid)
            sheet.set_legacy(None)
        elif kept != text:
            parts.package.write(drawing, kept.encode("latin-1"))
    if comments.empty:
        parts.remove_part(part)
        sheet.rels.remove(rel.rid)
    else:
        parts.put_text(part, comments.text)
    return len(removed)


def add_notes(
    parts: Parts, sheet: Worksheet, notes: Mapping[Pos, str], blocks: ShapeBlocks, folder: str
) -> int:
    """Add a note on each cell that has none yet; returns how many were added."""
    rid, drawing = _drawing_part(sheet)
    drawing_text: str | None = None
    if rid is not None:
        if drawing is None or not parts.package.exists(drawing):
            return 0  # a legacy drawing we cannot find: leave the sheet's notes alone
        drawing_text = parts.package.read(drawing).decode("latin-1")
        if not vml.can_extend(drawing_text):
            return 0
    rel = _comments_rel(sheet)
    part = sheet.rels.target_part(rel) if rel else None
    exists = part is not None and parts.package.exists(part)
    if part is None or not exists:
        part = parts.package.free_name(posixpath.join(folder, "comments{}.xml"))
    comments = CommentsPart(parts.text(part) if exists else None, part, parts.path)
    taken = comments.positions
    wanted = {pos: text for pos, text in notes.items() if pos not in taken}
    if not wanted:
        return 0
    comments.add(wanted)
    parts.put_text(part, comments.text)
    if not exists:
        parts.types.add_override(part, COMMENTS_TYPE)
        if rel is not None:
            sheet.rels.remove(rel.rid)
        sheet.rels.add("comments", part)
    if drawing_text is None or drawing is None:
        drawing = parts.package.free_name(posixpath.join(folder, "drawings", "vmlDrawing{}.vml"))
        drawing_text = vml.new_drawing(blocks.take())
        parts.types.ensure_default("vml", vml.VML_TYPE)
        sheet.set_legacy(sheet.rels.add("vmlDrawing", drawing))
    first_id = vml.next_shape_id(drawing_text)
    z = vml.shape_count(drawing_text) + 1
    widths = sheet.col_widths()
    shapes = [
        vml.note_shape(first_id + i, pos, wanted[pos], widths, z + i)
        for i, pos in enumerate(sorted(wanted))
    ]
    parts.package.write(drawing, vml.add_shapes(drawing_text, shapes).encode("latin-1"))
    return len(wanted)
