"""How the Laporan Kinerja's chapter III is rendered, read back from the written files: the
.docx passes the OOXML checker; one font family in the .docx (headings, body, tables,
bullets), in the PDF, and in the PDF LibreOffice makes of the .docx; the .docx tables have
a fixed grid in which no word is wider than its column, so LibreOffice breaks none — also
in the widest table, the comparison with four earlier years; the PDF's tables take the
same widths and break no word either; a sasaran without data (SS-4 in the sample) gets no
chart but the sentence that says so, in the .docx, the PDF and the .xlsx."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from lxml import etree
from matplotlib.font_manager import FontProperties, findfont
from PIL import ImageFont
from typer.testing import CliRunner

from tests import lo
from tests.conftest import SAMPLE
from tests.test_dokumen_lkj import UNIT_TI, record_as_year
from xlkinerja.cli.app import app

MASTER = SAMPLE / "master-politeknik-negeri-contoh-2025.xlsx"
STEM = "lkj-bab-iii-2025"
TEXT_WIDTH_TWIPS = 9072  # 16 cm: A4 less the 3 cm and 2 cm margins
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
W = "{" + NS["w"] + "}"
runner = CliRunner()


def chapter(tmp: Path, earlier_years: tuple[int, ...] = ()) -> Path:
    """The sample's chapter, the archive holding TI's workbook as sent in `earlier_years`."""
    db = tmp / "arsip.sqlite"
    for year in earlier_years:
        record_as_year(db, UNIT_TI, year)
    result = runner.invoke(
        app,
        [
            "dokumen", "lkj", str(SAMPLE), "--master", str(MASTER),
            "-o", str(tmp / "out"), "--db", str(db),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return tmp / "out"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's chapter, with an empty archive."""
    return chapter(tmp_path_factory.mktemp("lkj-render"))


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The chapter with four earlier years: tables 3.2.xb have twelve columns."""
    return chapter(tmp_path_factory.mktemp("lkj-wide"), (2021, 2022, 2023, 2024))


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
def lo_pdfs(out: Path, wide: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Both chapters' .docx converted to PDF by LibreOffice."""
    tmp = tmp_path_factory.mktemp("lkj-lo")
    return [
        lo.convert([folder / f"{STEM}.docx"], "pdf", tmp / name, tmp / "profile")[0]
        for name, folder in (("out", out), ("wide", wide))
    ]


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
def test_libreoffice_shows_the_docx_in_one_font_family(lo_pdfs: list[Path]):
    for pdf in lo_pdfs:
        assert pdf_font_families(pdf) == {"LiberationSerif"}


def twips(element: etree._Element | None, attribute: str = "w") -> int:
    assert element is not None
    return int(element.get(f"{W}{attribute}", "0"))


@pytest.fixture(scope="module")
def liberation_serif() -> dict[bool, str]:
    """The font files LibreOffice shows Times New Roman with, regular and bold."""
    return {
        bold: findfont(
            FontProperties(family="Liberation Serif", weight="bold" if bold else "normal"),
            fallback_to_default=False,
        )
        for bold in (False, True)
    }


def word_width_twips(word: str, size_pt: float, font_file: str) -> float:
    """`word`'s width as the font's outlines give it (Pillow, at 100 × the size)."""
    font = ImageFont.truetype(font_file, round(size_pt * 100))
    return font.getlength(word) / 100 * 20


def is_number(text: str) -> bool:
    return bool(re.fullmatch(r"(Rp )?-?[\d.]+(,\d+)?( %)?", text))


@pytest.mark.parametrize("chapter_of", ["out", "wide"])
def test_docx_tables_have_a_fixed_grid_wide_enough_for_every_word(
    chapter_of: str, request: pytest.FixtureRequest, liberation_serif: dict[bool, str]
):
    """Each table: fixed layout, its width stated and equal to its grid, within the text
    width; each cell as wide as its grid column; every word of a header or a cell (a
    number with its unit as one) narrower than its column less the cell margins."""
    docx = request.getfixturevalue(chapter_of) / f"{STEM}.docx"
    tables = docx_part(docx, "word/document.xml").iter(f"{W}tbl")
    checked = 0
    for table in tables:
        properties = table.find(f"{W}tblPr")
        assert properties is not None
        layout = properties.find(f"{W}tblLayout")
        assert layout is not None and layout.get(f"{W}type") == "fixed"
        grid = [twips(col) for col in table.iter(f"{W}gridCol")]
        width = properties.find(f"{W}tblW")
        assert width is not None and width.get(f"{W}type") == "dxa"
        assert twips(width) == sum(grid) <= TEXT_WIDTH_TWIPS
        margins = sum(
            twips(properties.find(f"{W}tblCellMar/{W}{side}")) for side in ("left", "right")
        )
        for row in table.iter(f"{W}tr"):
            cells = row.findall(f"{W}tc")
            assert [twips(c.find(f"{W}tcPr/{W}tcW")) for c in cells] == grid
            for cell, column in zip(cells, grid, strict=True):
                for run in cell.iter(f"{W}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                    size = twips(run.find(f"{W}rPr/{W}sz"), "val") / 2
                    b = run.find(f"{W}rPr/{W}b")
                    bold = b is not None and b.get(f"{W}val") not in ("0", "false", "off")
                    pieces = [text] if is_number(text) else text.split()
                    for piece in pieces:
                        used = word_width_twips(piece, size, liberation_serif[bold])
                        assert used <= column - margins, (docx.parent.name, piece, column)
                        checked += 1
    assert checked > 500


def document_words(docx: Path) -> set[str]:
    """The document's words; a reduplicated word also without its hyphen: a line may end
    at it ("tahun-|tahun"), which pdftotext joins back without the hyphen (never a code's:
    "IKU-|1" stays a fault)."""
    document = Document(str(docx))
    words = {w for p in document.paragraphs for w in p.text.split()}
    for table in document.tables:
        words |= {w for row in table.rows for c in row.cells for w in c.text.split()}
    doubled = {w for w in words if re.fullmatch(r"[a-z]+(-[a-z]+)+", w)}  # "tahun-tahun"
    return words | {w.replace("-", "") for w in doubled}


@pytest.mark.libreoffice
def test_libreoffice_breaks_no_word_of_the_docx(out: Path, wide: Path, lo_pdfs: list[Path]):
    """Every word LibreOffice lays out is a word of the document: a header or a cell broken
    inside a word ("Realis|asi", "IKU|-1") would leave pieces that are not."""
    for folder, pdf in zip((out, wide), lo_pdfs, strict=True):
        words = document_words(folder / f"{STEM}.docx") | {"\u2022"}  # and the bullets
        shown = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
        pieces = shown.stdout.decode().split()
        assert len(pieces) > 1000
        assert sorted({p for p in pieces if p not in words}) == [], folder


@pytest.mark.parametrize("chapter_of", ["out", "wide"])
def test_the_pdf_breaks_no_word_of_the_tables(chapter_of: str, request: pytest.FixtureRequest):
    """The PDF (WeasyPrint) lays its tables out with the .docx's widths: every word on its
    pages, the page footer aside, is a word of the document."""
    folder = request.getfixturevalue(chapter_of)
    words = document_words(folder / f"{STEM}.docx") | {"\u2022"}
    shown = subprocess.run(
        ["pdftotext", str(folder / f"{STEM}.pdf"), "-"], check=True, capture_output=True
    )
    text = re.sub(r"Halaman \d+ dari \d+", "", shown.stdout.decode())
    assert len(text.split()) > 1000
    assert sorted({p for p in text.split() if p not in words}) == [], chapter_of


TANPA_GRAFIK = "Grafik tidak dibuat: belum ada data capaian untuk sasaran ini."
SS4 = "Sasaran Strategis 4: Terwujudnya tata kelola yang akuntabel"


def docx_sections(docx: Path) -> dict[str, list[etree._Element]]:
    """The body's elements under each sasaran's heading, up to the next heading."""
    body = docx_part(docx, "word/document.xml").find(f"{W}body")
    assert body is not None
    sections: dict[str, list[etree._Element]] = {}
    current: list[etree._Element] | None = None
    for element in body:
        style = element.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("Heading"):
            text = "".join(element.itertext())
            current = sections.setdefault(text, []) if text.startswith("Sasaran") else None
        elif current is not None:
            current.append(element)
    return sections


def test_a_sasaran_without_data_has_no_chart_but_says_so(out: Path):
    charts = sorted(p.name for p in out.glob("grafik-lkj-*.png"))
    assert charts == ["grafik-lkj-SS-1.png", "grafik-lkj-SS-2.png", "grafik-lkj-SS-3.png"]
    sections = docx_sections(out / f"{STEM}.docx")
    assert len(sections) == 4
    for heading, elements in sections.items():
        drawings = [d for e in elements for d in e.iter(f"{W}drawing")]
        said = [e for e in elements if "".join(e.itertext()) == TANPA_GRAFIK]
        if heading == SS4:
            assert (len(drawings), len(said)) == (0, 1), heading
        else:
            assert (len(drawings), len(said)) == (1, 0), heading
    # The PDF: the sentence after SS-4's tables, no "Grafik capaian IKU SS-4", 3 pictures.
    pdf = out / f"{STEM}.pdf"
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
        .stdout.decode()
        .split()
    )
    ss4 = text.split(SS4)[1].split("B. Realisasi Anggaran")[0]
    assert ss4.count(TANPA_GRAFIK) == 1 and text.count(TANPA_GRAFIK) == 1
    after = ss4.index("Perbandingan dengan standar nasional")  # the analyses after the chart
    assert ss4.index("Tabel 3.2.4b") < ss4.index(TANPA_GRAFIK) < after
    assert "Grafik capaian IKU SS-4" not in text and "Grafik capaian IKU SS-3" in text
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True)
    pictures = [ln for ln in listing.stdout.decode().splitlines()[2:] if ln.split()[2] == "image"]
    assert len(pictures) == 3
    # The workbook: three pictures on Grafik and the sentence under SS-4's title, there
    # and after SS-4's tables on Bab III.
    book = openpyxl.load_workbook(out / f"{STEM}.xlsx")
    grafik = [c for (c,) in book["Grafik"].iter_rows(max_col=1, values_only=True) if c]
    assert grafik == [
        "Grafik capaian IKU SS-1",
        "Grafik capaian IKU SS-2",
        "Grafik capaian IKU SS-3",
        SS4,
        TANPA_GRAFIK,
    ]
    assert len(book["Grafik"]._images) == 3
    bab = [c for (c,) in book["Bab III"].iter_rows(max_col=1, values_only=True) if c]
    assert bab.count(TANPA_GRAFIK) == 1
    assert bab.index(SS4) < bab.index(TANPA_GRAFIK) < bab.index("B. Realisasi Anggaran")
