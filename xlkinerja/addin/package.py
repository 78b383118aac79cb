"""The .xlam package: the few OOXML parts an Excel add-in needs, written by hand.

An add-in is a macro-enabled workbook whose main part has the add-in content type
(ADDIN_CONTENT_TYPE, one of the macro-enabled types of [MS-OFFMACRO]); Excel loads it
hidden and shows its ribbon. It still needs one worksheet: here the config sheet
"<project>.conf" that xlwings' GetConfig reads (column A the key, column B the value),
holding the settings the add-in was built with, if any. The workbook's and the sheet's
codeName tie them to the VBA document modules ThisWorkbook and Sheet1.

Parts are kept minimal and their elements in schema order (see docs excel.md: Excel
"repairs" what breaks the schema). Timestamps are fixed so a build is reproducible.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from xlkinerja.addin.ribbon import CUSTOMUI_PART, UI_RELATIONSHIP

ADDIN_CONTENT_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
XLSM_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
VBA_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
WORKBOOK_CODENAME = "ThisWorkbook"
SHEET_CODENAME = "Sheet1"
DOCUMENT_TIME = "2025-01-01T00:00:00Z"
_ZIP_TIME = (2025, 1, 1, 0, 0, 0)

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"


def content_types(main_type: str, *, strings: bool) -> str:
    overrides = {
        "/xl/workbook.xml": main_type,
        "/xl/worksheets/sheet1.xml": f"{_CT}.spreadsheetml.worksheet+xml",
        "/xl/styles.xml": f"{_CT}.spreadsheetml.styles+xml",
        "/xl/theme/theme1.xml": f"{_CT}.theme+xml",
        "/xl/vbaProject.bin": VBA_CONTENT_TYPE,
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{_CT}.extended-properties+xml",
    }
    if strings:
        overrides["/xl/sharedStrings.xml"] = f"{_CT}.spreadsheetml.sharedStrings+xml"
    return (
        _XML
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" '
        + 'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
        + "</Types>"
    )


def relationships(targets: Sequence[tuple[str, str]]) -> str:
    """A .rels part: (type, target) pairs, numbered rId1, rId2, ..."""
    return (
        _XML
        + f'<Relationships xmlns="{_PKG_R}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


def workbook(sheet_name: str) -> str:
    return (
        _XML
        + f'<workbook xmlns="{_MAIN}" xmlns:r="{_R}">'
        + f'<workbookPr codeName="{WORKBOOK_CODENAME}"/>'
        + '<bookViews><workbookView visibility="hidden"/></bookViews>'
        + f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets>'
        + "</workbook>"
    )


def worksheet(rows: int) -> str:
    """The config sheet: row i holds shared strings 2i (key) and 2i+1 (value)."""
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>{2 * (r - 1)}</v></c>'
        f'<c r="B{r}" t="s"><v>{2 * (r - 1) + 1}</v></c></row>'
        for r in range(1, rows + 1)
    )
    return (
        _XML
        + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">'
        + f'<sheetPr codeName="{SHEET_CODENAME}"/>'
        + '<cols><col min="1" max="1" width="24" customWidth="1"/>'
        + '<col min="2" max="2" width="60" customWidth="1"/></cols>'
        + (f"<sheetData>{cells}</sheetData>" if cells else "<sheetData/>")
        + "</worksheet>"
    )


def shared_strings(texts: Sequence[str]) -> str:
    items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in texts)
    return (
        _XML + f'<sst xmlns="{_MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'
    )


def styles() -> str:
    """The smallest stylesheet Excel takes: one font, the two required fills, one border,
    one cell format, the Normal style."""
    return (
        _XML
        + f'<styleSheet xmlns="{_MAIN}">'
        + '<fonts count="1">'
        + '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        + '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        + '<fill><patternFill patternType="gray125"/></fill></fills>'
        + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        + '<cellStyleXfs count="1">'
        + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + '<cellXfs count="1">'
        + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + "</styleSheet>"
    )


def theme() -> str:
    """The smallest complete theme (DrawingML CT_OfficeStyleSheet): Office's colours and
    fonts, and the three entries each list of the format scheme requires. Excel does not
    need a theme part, but the OOXML checker wants the workbook to have one."""
    colours = {
        "dk1": '<a:sysClr val="windowText" lastClr="000000"/>',
        "lt1": '<a:sysClr val="window" lastClr="FFFFFF"/>',
        "dk2": '<a:srgbClr val="44546A"/>',
        "lt2": '<a:srgbClr val="E7E6E6"/>',
        "accent1": '<a:srgbClr val="4472C4"/>',
        "accent2": '<a:srgbClr val="ED7D31"/>',
        "accent3": '<a:srgbClr val="A5A5A5"/>',
        "accent4": '<a:srgbClr val="FFC000"/>',
        "accent5": '<a:srgbClr val="5B9BD5"/>',
        "accent6": '<a:srgbClr val="70AD47"/>',
        "hlink": '<a:srgbClr val="0563C1"/>',
        "folHlink": '<a:srgbClr val="954F72"/>',
    }
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"

    def font(face: str) -> str:
        return f'<a:latin typeface="{face}"/><a:ea typeface=""/><a:cs typeface=""/>'

    return (
        _XML
        + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        + ' name="xlkinerja">'
        + "<a:themeElements>"
        + '<a:clrScheme name="Office">'
        + "".join(f"<a:{name}>{value}</a:{name}>" for name, value in colours.items())
        + "</a:clrScheme>"
        + '<a:fontScheme name="Office">'
        + f"<a:majorFont>{font('Calibri Light')}</a:majorFont>"
        + f"<a:minorFont>{font('Calibri')}</a:minorFont>"
        + "</a:fontScheme>"
        + '<a:fmtScheme name="Office">'
        + f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst>"
        + f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        + f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        + f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst>"
        + "</a:fmtScheme>"
        + "</a:themeElements>"
        + "</a:theme>"
    )


def core_properties(title: str, description: str, version: str) -> str:
    return (
        _XML
        + "<cp:coreProperties"
        + ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        + ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        + ' xmlns:dcterms="http://purl.org/dc/terms/"'
        + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + f"<dc:title>{escape(title)}</dc:title>"
        + f"<dc:description>{escape(description)}</dc:description>"
        + "<dc:creator>xlkinerja</dc:creator>"
        + f"<cp:version>{escape(version)}</cp:version>"
        + f'<dcterms:created xsi:type="dcterms:W3CDTF">{DOCUMENT_TIME}</dcterms:created>'
        + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{DOCUMENT_TIME}</dcterms:modified>'
        + "</cp:coreProperties>"
    )


def app_properties() -> str:
    return (
        _XML
        + "<Properties"
        + ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        + "<Application>xlkinerja</Application>"
        + "</Properties>"
    )


def parts(
    vba_project: bytes,
    customui: bytes,
    settings: Mapping[str, str],
    *,
    sheet_name: str,
    title: str,
    description: str,
    version: str,
    main_type: str = ADDIN_CONTENT_TYPE,
) -> dict[str, bytes]:
    """Every part of the package, by name, in the order they are zipped."""
    texts = [text for pair in settings.items() for text in pair]
    root_rels = [
        (f"{_OFFICE_R}/officeDocument", "xl/workbook.xml"),
        (f"{_PKG_R}/metadata/core-properties", "docProps/core.xml"),
        (f"{_OFFICE_R}/extended-properties", "docProps/app.xml"),
        (UI_RELATIONSHIP, CUSTOMUI_PART),
    ]
    workbook_rels = [
        (f"{_OFFICE_R}/worksheet", "worksheets/sheet1.xml"),
        (f"{_OFFICE_R}/styles", "styles.xml"),
        (f"{_OFFICE_R}/theme", "theme/theme1.xml"),
        (VBA_RELATIONSHIP, "vbaProject.bin"),
    ]
    if texts:
        workbook_rels.append((f"{_OFFICE_R}/sharedStrings", "sharedStrings.xml"))
    text_parts = {
        "[Content_Types].xml": content_types(main_type, strings=bool(texts)),
        "_rels/.rels": relationships(root_rels),
        "docProps/core.xml": core_properties(title, description, version),
        "docProps/app.xml": app_properties(),
        "xl/workbook.xml": workbook(sheet_name),
        "xl/_rels/workbook.xml.rels": relationships(workbook_rels),
        "xl/worksheets/sheet1.xml": worksheet(len(settings)),
        "xl/styles.xml": styles(),
        "xl/theme/theme1.xml": theme(),
    }
    if texts:
        text_parts["xl/sharedStrings.xml"] = shared_strings(texts)
    out = {name: text.encode("utf-8") for name, text in text_parts.items()}
    out["xl/vbaProject.bin"] = vba_project
    out[CUSTOMUI_PART] = customui
    return out


def zip_parts(named: Mapping[str, bytes]) -> bytes:
    """The package as zip bytes, deflated, with fixed timestamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in named.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
