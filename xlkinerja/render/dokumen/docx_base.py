"""A blank Word document (python-docx's own template) made fit for xlkinerja's documents:
without the stylesWithEffects part, a Word 2010 copy of styles.xml that the template
carries out of step with it (the OOXML checker reports it, and Word may repair the file)."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_styles_with_effects(document: DocxDocument) -> None:
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(r_id)


def new_document() -> DocxDocument:
    """An empty document that the OOXML checker passes once it is filled in."""
    document = Document()
    _drop_styles_with_effects(document)
    return document
