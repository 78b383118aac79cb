"""How the Laporan Kinerja's chapter III is rendered, read back from the written files: the
.docx passes the OOXML checker; one font family in the .docx (headings, body, tables,
bullets), in the PDF, and in the PDF LibreOffice makes of the .docx."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from tests import lo
from tests.conftest import SAMPLE
from xlkinerja.cli.app import app

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
STEM = "lkj-bab-iii-2025"
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
W = "{" + NS["w"] + "}"
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's chapter, with an empty archive."""
    tmp = tmp_path_factory.mktemp("lkj-render")
    result = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(SAMPLE), "--master", str(MASTER),
            "-o", str(tmp / "out"), "--db", str(tmp / "arsip.sqlite"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return tmp / "out"


def audit(path: Path, *options: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "-o", "json", "-m", "0", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    (result,) = json.loads(done.stdout)
    return dict(result)


@pytest.mark.parametrize("options", [(), ("--policy", "strict", "-f", "microsoft365")])
def test_every_docx_written_passes_the_ooxml_checker(out: Path, options: tuple[str, ...]):
    written = sorted(out.glob("*.docx"))
    assert [p.name for p in written] == [f"{STEM}.docx"]
    for path in written:
        result = audit(path, *options)
        assert (result["error_count"], result["warning_count"]) == (0, 0), result["errors"]
        verdict = result["verdict"]
        assert isinstance(verdict, dict)
        assert verdict["prediction"] == "opens-clean", verdict


@pytest.fixture(scope="module")
def lo_pdf(out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .docx converted to PDF by LibreOffice."""
    tmp = tmp_path_factory.mktemp("lkj-lo")
    (pdf,) = lo.convert([out / f"{STEM}.docx"], "pdf", tmp / "pdf", tmp / "profile")
    return pdf


def docx_part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def pdf_font_families(path: Path) -> set[str]:
    """The font families a PDF embeds ("ABCDEF+Liberation-Serif-Bold" → "LiberationSerif")."""
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    names = [line.split()[0] for line in listing.stdout.splitlines()[2:]]
    assert names, listing.stdout
    styles = r"(Bold|Italic|Regular|Oblique)+$"
    return {re.sub(styles, "", n.split("+")[-1].replace("-", "")) for n in names}


def test_the_docx_names_one_font_family_everywhere(out: Path):
    docx = out / f"{STEM}.docx"
    named: set[str] = set()
    for part in ("word/styles.xml", "word/numbering.xml", "word/document.xml"):
        for fonts in docx_part(docx, part).iter(f"{W}rFonts"):
            slots = {k.removeprefix(W): v for k, v in fonts.attrib.items()}
            assert not [k for k in slots if k.endswith(("Theme", "theme"))], (part, slots)
            named |= {v for k, v in slots.items() if k != "hint"}
    assert named == {"Times New Roman"}
    styles = docx_part(docx, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None  # what the runs and the styles without fonts of their own use
    assert {defaults.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    numbering = docx_part(docx, "word/numbering.xml")
    bullets = numbering.xpath("//w:lvl[w:numFmt/@w:val='bullet']/w:lvlText/@w:val", namespaces=NS)
    assert bullets and set(bullets) == {"\u2022"}  # a bullet the font has, not Symbol's


def test_the_pdf_is_in_the_docx_font(out: Path):
    """WeasyPrint lays out "Times New Roman" first: here fontconfig gives its metric twin,
    Liberation Serif, as LibreOffice does for the .docx."""
    assert pdf_font_families(out / f"{STEM}.pdf") == {"LiberationSerif"}


@pytest.mark.libreoffice
def test_libreoffice_shows_the_docx_in_one_font_family(lo_pdf: Path):
    assert pdf_font_families(lo_pdf) == {"LiberationSerif"}
