"""A blank Word document (python-docx's own template) made fit for xlkinerja's documents:
one font family everywhere — the document defaults, every style (Word's heading styles
take the theme's Calibri Light otherwise) and the bullets (Symbol otherwise) — and
without the stylesWithEffects part, a Word 2010 copy of styles.xml that the template
carries out of step with it (the OOXML checker reports it, and Word may repair the file)."""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

FONT = "Times New Roman"  # Word's; LibreOffice shows it with the metric-compatible Liberation Serif
BULLET = "\u2022"  # the bullet character in FONT itself, not Symbol's private-use glyph
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# The children of w:rPr that come before w:rFonts in the schema's order (w:rStyle only).
_BEFORE_RFONTS = (qn("w:rStyle"),)
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _one_font(rpr: BaseOxmlElement, font: str) -> None:
    """Name `font` in every slot of a run-properties element, no theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        at = sum(1 for child in rpr if child.tag in _BEFORE_RFONTS)
        rpr.insert(at, fonts)
    for slot in (*_THEME_SLOTS, "w:hint"):
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), font)


def _fonts_in_styles(document: DocxDocument, font: str) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for rpr in defaults.iter(qn("w:rPr")):
            _one_font(rpr, font)
    for style in styles.findall(qn("w:style")):
        for fonts in list(style.iter(qn("w:rFonts"))):
            _one_font(fonts.getparent(), font)


def _fonts_in_bullets(document: DocxDocument, font: str) -> None:
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        kind = level.find(qn("w:numFmt"))
        text = level.find(qn("w:lvlText"))
        if kind is not None and kind.get(qn("w:val")) == "bullet" and text is not None:
            text.set(qn("w:val"), BULLET)
        for fonts in list(level.iter(qn("w:rFonts"))):
            _one_font(fonts.getparent(), font)


def _drop_styles_with_effects(document: DocxDocument) -> None:
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(r_id)


def new_document(font: str = FONT) -> DocxDocument:
    """An empty document whose every style and bullet is in `font`."""
    document = Document()
    _drop_styles_with_effects(document)
    _fonts_in_styles(document, font)
    _fonts_in_bullets(document, font)
    return document
