"""vbaProject.bin from modules: the streams MS-OVBA asks for, read back by olefile and by
olevba, and compared with what Excel stored in xlwings' Excel-saved add-ins."""

from __future__ import annotations

import re
import struct

import pytest

from tests.addin_bases import QUICKSTART, XLWINGS, XLWINGS_ADDIN, module_texts, olevba, open_project
from xlkinerja.addin import dirstream, ovba, references
from xlkinerja.addin.modules import WORKBOOK_BASE, WORKSHEET_BASE, document_module, module_from_file
from xlkinerja.addin.project import (
    VBA_PROJECT_STREAM,
    ModuleKind,
    VbaModule,
    decrypt,
    encrypt,
    vba_project,
)

PROJECT_ID = "{11111111-2222-3333-4444-555555555555}"
MODULES = [
    document_module("ThisWorkbook", WORKBOOK_BASE),
    document_module("Sheet1", WORKSHEET_BASE),
    VbaModule("Modul1", ModuleKind.STANDARD, 'Attribute VB_Name = "Modul1"\nSub A()\nEnd Sub\n'),
    module_from_file(XLWINGS / "addin" / "Dictionary.cls"),
    module_from_file(XLWINGS / "addin" / "WebHelpers.bas"),
]


@pytest.fixture(scope="module")
def project() -> bytes:
    return vba_project("Proyek", PROJECT_ID, MODULES, references.references_from(XLWINGS_ADDIN))


def project_text(project: bytes) -> str:
    with open_project(project) as ole:
        return ole.openstream("PROJECT").read().decode("cp1252")


def test_streams(project):
    with open_project(project) as ole:
        names = {"/".join(p) for p in ole.listdir()}
        assert names == {"PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir"} | {
            f"VBA/{m.name}" for m in MODULES
        }
        assert ole.openstream("VBA/_VBA_PROJECT").read() == VBA_PROJECT_STREAM
        (version,) = struct.unpack_from("<H", VBA_PROJECT_STREAM, 2)
        assert version == 0xFFFF  # no p-code: Excel compiles from source
        assert (
            ole.openstream("PROJECTwm").read()
            == b"".join(
                m.name.encode() + b"\0" + m.name.encode("utf-16-le") + b"\0\0" for m in MODULES
            )
            + b"\0\0"
        )
        for module in MODULES:  # MODULEOFFSET 0: the stream is the compressed source
            stored = ovba.decompress(ole.openstream(f"VBA/{module.name}").read())
            assert stored == module.stored_bytes()


def test_project_stream_lists_the_modules(project):
    text = project_text(project)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == f'ID="{PROJECT_ID}"'
    assert lines[1:6] == [
        "Document=ThisWorkbook/&H00000000",
        "Document=Sheet1/&H00000000",
        "Module=Modul1",
        "Class=Dictionary",
        "Module=WebHelpers",
    ]
    assert 'Name="Proyek"' in lines
    assert "[Host Extender Info]" in lines and "[Workspace]" in lines
    assert lines[lines.index("[Workspace]") + 1 :][:5] == [
        f"{m.name}=0, 0, 0, 0, C" for m in MODULES
    ]


def test_project_is_unprotected(project):
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', project_text(project), re.MULTILINE))
    assert decrypt(values["CMG"]) == bytes(4)  # ProjectProtectionState: nothing protected
    assert decrypt(values["DPB"]) == b"\x00"  # ProjectPassword: none
    assert decrypt(values["GC"]) == b"\xff"  # ProjectVisibilityState: visible


def test_encryption_matches_excel():
    """Excel's own CMG/DPB/GC in the quickstart add-in decrypt to 'unprotected', and every
    seed encrypts to something that decrypts back."""
    with open_project(references.vba_project_of(QUICKSTART)) as ole:
        text = ole.openstream("PROJECT").read().decode("cp1252")
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', text, re.MULTILINE))
    project_id = re.search(r'^ID="([^"]+)"', text, re.MULTILINE).group(1)
    assert [decrypt(values[k]) for k in ("CMG", "DPB", "GC")] == [bytes(4), b"\x00", b"\xff"]
    key = int(values["CMG"][4:6], 16) ^ int(values["CMG"][:2], 16)
    assert key == sum(project_id.encode()) & 0xFF  # ProjKey (2.4.3.2)
    for seed in range(256):
        for data in (b"", b"\x00", b"\xff", bytes(4), b"29 bytes of a password hash..."):
            assert decrypt(encrypt(data, PROJECT_ID, seed)) == data


def test_dir_stream(project):
    with open_project(project) as ole:
        records = dirstream.parse(ovba.decompress(ole.openstream("VBA/dir").read()))
    ids = [r.id for r in records]
    assert ids[0] == dirstream.SYSKIND and ids[-1] == dirstream.TERMINATOR
    data = {r.id: r.data for r in records}
    assert data[dirstream.NAME] == b"Proyek"
    assert struct.unpack("<H", data[dirstream.CODEPAGE]) == (1252,)
    assert dirstream.references(records) == references.references_from(XLWINGS_ADDIN)
    assert struct.unpack("<H", data[dirstream.MODULES]) == (len(MODULES),)
    names = [r.data.decode() for r in records if r.id == dirstream.MODULENAME]
    assert names == [m.name for m in MODULES]
    assert set(dirstream.module_offsets(records, "cp1252").values()) == {0}
    kinds = [r.id for r in records if r.id in (0x21, 0x22)]
    assert kinds == [0x22, 0x22, 0x21, 0x22, 0x21]  # procedural only for standard modules


def test_olevba_reads_every_module(project):
    parser = olevba().VBA_Parser("vbaProject.bin", data=project)
    found = {name: code for _, _, name, code in parser.extract_macros()}
    expected = {
        f"{m.name}.{'bas' if m.kind is ModuleKind.STANDARD else 'cls'}": m.stored_text()
        for m in MODULES
    }
    assert found.keys() == expected.keys()
    for name, code in found.items():
        assert code.replace("\r\n", "\n") == expected[name].replace("\r\n", "\n"), name


def test_references_are_stdole_and_office():
    records = references.references_from(XLWINGS_ADDIN)
    assert dirstream.reference_names(records, "cp1252") == ["stdole", "Office"]
    libids = b" ".join(r.data for r in records if r.id == dirstream.REFERENCEREGISTERED)
    assert b"{00020430-0000-0000-C000-000000000046}" in libids  # OLE Automation
    assert b"{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}" in libids  # Microsoft Office


def strip_blank_tail(text: str) -> str:
    return text.rstrip("\r\n")


@pytest.mark.parametrize(
    "name", ["Dictionary", "IWebAuthenticator", "WebClient", "WebRequest", "WebResponse"]
)
def test_class_modules_are_stored_as_excel_stores_them(name):
    """The .cls header dropped, VB_Base/VB_TemplateDerived/VB_Customizable added, as in
    xlwings' Excel-saved add-in (the VBE there also re-cased an identifier in WebClient)."""
    ours = module_from_file(XLWINGS / "addin" / f"{name}.cls").stored_text()
    excel = module_texts(XLWINGS_ADDIN)[name]
    assert strip_blank_tail(ours).lower() == strip_blank_tail(excel).lower()
    assert ours.splitlines()[:8] == excel.splitlines()[:8]


@pytest.mark.parametrize("name", ["WebHelpers", "Config", "License"])
def test_standard_modules_are_stored_as_the_file(name):
    ours = module_from_file(XLWINGS / "addin" / f"{name}.bas").stored_text()
    assert strip_blank_tail(ours) == strip_blank_tail(module_texts(XLWINGS_ADDIN)[name])


@pytest.mark.parametrize("name", ["ThisWorkbook", "Sheet2"])
def test_document_modules_are_stored_as_excel_stores_them(name):
    base = WORKBOOK_BASE if name == "ThisWorkbook" else WORKSHEET_BASE
    assert document_module(name, base).stored_text() == module_texts(QUICKSTART)[name]


@pytest.mark.parametrize(
    "name", ["", "1Modul", "Mo dul", "Modül", "x" * 32, "ThisWorkbook", "THISWORKBOOK"]
)
def test_bad_or_repeated_module_names_are_refused(name):
    modules = [document_module("ThisWorkbook", WORKBOOK_BASE)]
    if name != "ThisWorkbook":
        modules.append(VbaModule(name, ModuleKind.STANDARD, ""))
    else:
        modules.append(document_module(name, WORKBOOK_BASE))
    with pytest.raises(ValueError, match="VBA module"):
        vba_project("P", PROJECT_ID, modules, [])


def test_source_outside_the_code_page_is_refused():
    module = VbaModule("M", ModuleKind.STANDARD, "' 日本")
    with pytest.raises(ValueError, match="code page"):
        vba_project("P", PROJECT_ID, [module], [])
