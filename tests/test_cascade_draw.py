"""The cascade tree drawn (layout, SVG, PNG) and written as a print-ready sheet."""

from __future__ import annotations

import random
import struct
import time
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from tests import lo
from tests.conftest import SAMPLE
from xlkinerja.cascade.layout import BOX_WIDTH, NodeBox, TreeLayout, layout_tree
from xlkinerja.cascade.text_fit import ELLIPSIS, estimate_width, wrap
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level, Problem
from xlkinerja.domain.status import status_of
from xlkinerja.render.pohon.draw import draw_tree, measure
from xlkinerja.render.pohon.sheet import HEADERS, write_tree_sheet, write_tree_workbook

INSTITUTION = "Politeknik Negeri Contoh"
UNITS = {
    "TI": "Jurusan Teknik Informatika",
    "TM": "Jurusan Teknik Mesin",
    "AK": "Jurusan Akuntansi",
    "P3M": "Pusat Penelitian dan Pengabdian kepada Masyarakat",
}
IKU_TEXT = {
    1: "Persentase lulusan D3/D4 yang berhasil mendapat pekerjaan, melanjutkan studi, "
    "atau menjadi wiraswasta",
    2: "Persentase mahasiswa D3/D4 yang menjalani paling sedikit 20 SKS di luar kampus "
    "atau meraih prestasi paling rendah tingkat nasional",
    3: "Persentase dosen yang berkegiatan tridharma di luar kampus, membimbing mahasiswa "
    "berprestasi, atau bekerja sebagai praktisi",
    4: "Persentase dosen tetap berkualifikasi S3, bersertifikat kompetensi yang diakui "
    "industri, atau berasal dari kalangan praktisi profesional",
    5: "Jumlah keluaran penelitian dan pengabdian kepada masyarakat yang mendapat rekognisi "
    "internasional atau diterapkan oleh masyarakat per jumlah dosen",
    6: "Persentase program studi D3/D4 yang melaksanakan kerja sama dengan mitra",
    7: "Persentase mata kuliah D3/D4 yang menggunakan metode pemecahan kasus (case method) "
    "atau pembelajaran kelompok berbasis projek (team-based project) sebagai bagian dari "
    "bobot evaluasi",
    8: "Persentase program studi D3/D4 yang memiliki akreditasi atau sertifikat "
    "internasional yang diakui pemerintah",
}


def node(
    level: Level,
    code: str,
    label: str,
    owner: str,
    target: float | None,
    satuan: str | None,
    capaian: float | None,
    children: list[CascadeNode] | None = None,
    **extra: object,
) -> CascadeNode:
    return CascadeNode(
        level=level,
        code=code,
        label=label,
        owner=owner,
        target=target,
        satuan=satuan,
        capaian=capaian,
        status=status_of(capaian),
        children=children or [],
        **extra,  # type: ignore[arg-type]
    )


def iku(
    n: int, target: float, satuan: str, capaian: float | None, *kids: CascadeNode
) -> CascadeNode:
    problem = None if kids else Problem.UNCOVERED
    return node(
        Level.IKU,
        f"IKU-{n}",
        IKU_TEXT[n],
        INSTITUTION,
        target,
        satuan,
        capaian,
        list(kids),
        problem=problem,
    )


def ikk(
    code: str,
    label: str,
    target: float,
    satuan: str,
    capaian: float | None,
    *kids: CascadeNode,
    **extra: object,
) -> CascadeNode:
    unit = code.split("-")[1]
    return node(Level.IKK, code, label, UNITS[unit], target, satuan, capaian, list(kids), **extra)


def rhk(
    code: str,
    owner: str,
    label: str,
    target: float,
    satuan: str,
    capaian: float | None,
    **extra: object,
) -> CascadeNode:
    return node(Level.RHK, code, label, owner, target, satuan, capaian, **extra)


def contoh_tree() -> CascadeTree:
    """Politeknik Negeri Contoh 2025: a realistic cascade with its typical problems."""
    roots = [
        iku(
            1,
            80,
            "%",
            87.5,
            ikk(
                "IKK-TI-1",
                "Persentase lulusan D4 Teknik Informatika yang bekerja, studi lanjut atau berwirausaha dalam 12 bulan",
                85,
                "%",
                92.4,
                rhk(
                    "RHK-TI-01",
                    "Budi Santoso, S.Kom., M.T.",
                    "Terlaksananya tracer study lulusan 2024 dengan tingkat respons minimal 70 %",
                    1,
                    "laporan",
                    100,
                ),
                rhk(
                    "RHK-TI-02",
                    "Dewi Lestari, S.T., M.Eng.",
                    "Terselenggaranya job fair dan kelas persiapan kerja bagi calon lulusan",
                    2,
                    "kegiatan",
                    50,
                ),
            ),
            ikk(
                "IKK-TM-1",
                "Persentase lulusan Teknik Mesin yang bekerja atau berwirausaha",
                80,
                "%",
                74.0,
                rhk(
                    "RHK-TM-01",
                    "Ir. Agus Salim, M.T.",
                    "Tersedianya kerja sama penempatan lulusan dengan industri manufaktur",
                    5,
                    "mitra",
                    60,
                ),
            ),
            ikk(
                "IKK-AK-1",
                "Persentase lulusan Akuntansi yang bekerja, studi lanjut atau berwirausaha",
                80,
                "%",
                None,
            ),
        ),
        iku(
            2,
            25,
            "%",
            64.0,
            ikk(
                "IKK-TI-2",
                "Persentase mahasiswa TI yang mengikuti magang bersertifikat atau meraih prestasi nasional",
                30,
                "%",
                58.3,
                rhk(
                    "RHK-TI-03",
                    "Dr. Sri Wahyuni, M.Kom.",
                    "Terbimbingnya tim mahasiswa lomba Gemastik dan KRI",
                    3,
                    "tim",
                    66.7,
                ),
                rhk(
                    "RHK-TI-04",
                    "Hendra Gunawan, S.Kom.",
                    "Terfasilitasinya penempatan magang mahasiswa semester 6",
                    60,
                    "mahasiswa",
                    None,
                ),
            ),
            ikk(
                "IKK-TM-2",
                "Persentase mahasiswa Teknik Mesin yang magang di industri minimal 20 SKS",
                25,
                "%",
                81.0,
            ),
        ),
        iku(
            3,
            30,
            "%",
            95.0,
            ikk(
                "IKK-TI-3",
                "Persentase dosen TI yang berkegiatan di industri atau menjadi praktisi",
                35,
                "%",
                100.0,
                rhk(
                    "RHK-TI-05",
                    "Budi Santoso, S.Kom., M.T.",
                    "Terlaksananya program dosen magang industri di perusahaan mitra",
                    4,
                    "dosen",
                    100,
                ),
            ),
            ikk(
                "IKK-AK-3",
                "Persentase dosen Akuntansi yang menjadi praktisi atau konsultan",
                30,
                "%",
                71.5,
            ),
        ),
        iku(
            4,
            40,
            "%",
            72.5,
            ikk(
                "IKK-TM-4",
                "Persentase dosen Teknik Mesin bersertifikat kompetensi yang diakui industri",
                45,
                "%",
                68.9,
                rhk(
                    "RHK-TM-02",
                    "Yusuf Hidayat, S.T., M.T.",
                    "Terlaksananya uji kompetensi dosen bersama LSP P1",
                    6,
                    "dosen",
                    50,
                ),
            ),
        ),
        iku(
            5,
            0.2,
            "keluaran per dosen",
            110.0,
            ikk(
                "IKK-P3M-1",
                "Jumlah hasil penelitian dan pengabdian yang diterapkan masyarakat atau industri",
                12,
                "keluaran",
                108.3,
                rhk(
                    "RHK-P3M-01",
                    "Prof. Dr. Rahmat Hidayat, M.Sc.",
                    "Terkelolanya hibah penelitian terapan dan pengabdian berbasis produk",
                    10,
                    "judul",
                    120,
                ),
                rhk(
                    "RHK-P3M-02",
                    "Nurul Aini, S.Sos.",
                    "Terdokumentasinya luaran penelitian dan pengabdian di repositori",
                    1,
                    "basis data",
                    None,
                ),
            ),
        ),
        iku(
            6,
            75,
            "%",
            100.0,
            ikk(
                "IKK-TI-6A",
                "Persentase prodi TI yang menjalankan kerja sama kurikulum dengan mitra",
                100,
                "%",
                100.0,
            ),
            ikk(
                "IKK-AK-6",
                "Persentase prodi Akuntansi yang bekerja sama dengan mitra",
                100,
                "%",
                50.0,
                rhk(
                    "RHK-AK-01",
                    "Rina Marlina, S.E., M.Ak.",
                    "Tersusunnya perjanjian kerja sama dengan kantor akuntan publik",
                    3,
                    "dokumen",
                    33.3,
                ),
            ),
        ),
        iku(7, 50, "%", None),
        iku(
            8,
            5,
            "%",
            0.0,
            ikk(
                "IKK-TI-8",
                "Persentase prodi TI yang memiliki akreditasi internasional",
                25,
                "%",
                0.0,
            ),
        ),
    ]
    orphans = [
        ikk(
            "IKK-TI-6",
            "Jumlah sertifikasi internasional yang diperoleh mahasiswa TI",
            40,
            "mahasiswa",
            45.0,
            rhk(
                "RHK-TI-06",
                "Dewi Lestari, S.T., M.Eng.",
                "Terselenggaranya pelatihan sertifikasi cloud bagi mahasiswa",
                2,
                "angkatan",
                100,
            ),
            parent_code="IKU-9",
            problem=Problem.ORPHAN,
        ),
        rhk(
            "RHK-TM-03",
            "Slamet Riyadi, A.Md.",
            "Terpeliharanya mesin CNC laboratorium produksi",
            12,
            "bulan",
            91.7,
            parent_code="IKK-TM-9",
            problem=Problem.ORPHAN,
        ),
    ]
    return CascadeTree(INSTITUTION, 2025, roots, orphans)


VOCABULARY = (
    "persentase jumlah dosen mahasiswa lulusan program studi kerja sama mitra industri "
    "penelitian pengabdian masyarakat akreditasi internasional sertifikat kompetensi "
    "terlaksananya tersusunnya laporan kegiatan pembelajaran berbasis projek"
)


def big_tree(seed: int = 7) -> CascadeTree:
    """~10 IKU, ~40 IKK, ~150 RHK with long texts: the size a large institution has."""
    rng = random.Random(seed)
    words = VOCABULARY.split()
    units = list(UNITS)
    roots: list[CascadeNode] = []
    rhk_count = 0
    for i in range(1, 11):
        kids: list[CascadeNode] = []
        for j in range(0 if i == 7 else 4):  # IKU-7 is not cascaded
            unit = units[(i + j) % len(units)]
            people = []
            for _ in range(rng.choice([0, 2, 3, 4, 5, 6, 7, 8])):
                rhk_count += 1
                capaian = rng.choice([None, 40.0, 75.5, 88.0, 95.0, 120.0])
                text = " ".join(rng.choices(words, k=rng.randint(5, 22)))
                people.append(
                    rhk(
                        f"RHK-{rhk_count:03d}",
                        f"Pegawai Nomor {rhk_count} bin Fulan",
                        text.capitalize(),
                        10,
                        "dokumen",
                        capaian,
                    )
                )
            text = " ".join(rng.choices(words, k=rng.randint(6, 30)))
            kids.append(
                ikk(
                    f"IKK-{unit}-{i}{j}",
                    text.capitalize(),
                    80,
                    "%",
                    rng.choice([None, 55.0, 80.0, 99.0]),
                    *people,
                )
            )
        text = " ".join(rng.choices(words, k=rng.randint(8, 30))).capitalize()
        problem = None if kids else Problem.UNCOVERED
        roots.append(
            node(Level.IKU, f"IKU-{i}", text, INSTITUTION, 80, "%", 90.0, kids, problem=problem)
        )
    orphans = [
        ikk(
            "IKK-TI-99",
            "Indikator tanpa induk",
            1,
            "dokumen",
            None,
            parent_code="IKU-99",
            problem=Problem.ORPHAN,
        )
    ]
    return CascadeTree(INSTITUTION, 2025, roots, orphans)


# -- layout ---------------------------------------------------------------------------------


def assert_tidy(layout: TreeLayout) -> None:
    boxes = layout.boxes
    for i, a in enumerate(boxes):
        assert a.x >= 0 and a.right <= layout.width
        assert a.y >= 0 and a.bottom <= layout.height
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a.node.code, b.node.code)
    for box in boxes:
        if box.children:
            first, last = boxes[box.children[0]], boxes[box.children[-1]]
            assert box.center_y == pytest.approx((first.center_y + last.center_y) / 2)
            assert all(boxes[c].x > box.right for c in box.children)
    for edge in layout.edges:
        parent, child = boxes[edge.parent], boxes[edge.child]
        assert edge.points[0] == (parent.right, parent.center_y)
        assert edge.points[-1] == (child.x, child.center_y)
        # elbow: only horizontal and vertical segments
        for (x1, y1), (x2, y2) in zip(edge.points, edge.points[1:], strict=False):
            assert x1 == x2 or y1 == y2


def descendants(layout: TreeLayout, box: NodeBox) -> list[int]:
    out: list[int] = []
    for child in box.children:
        out.append(child)
        out.extend(descendants(layout, layout.boxes[child]))
    return out


@pytest.mark.parametrize("measurer", [estimate_width, measure], ids=["estimate", "matplotlib"])
def test_layout_of_the_sample_is_tidy(measurer):
    tree = contoh_tree()
    layout = layout_tree(tree, measurer)
    assert_tidy(layout)
    assert len(layout.boxes) == sum(1 for _ in tree.walk())
    assert layout.title == "Pohon Kinerja Politeknik Negeri Contoh Tahun 2025"
    columns = {box.node.code: box.column for box in layout.boxes}
    assert columns["IKU-1"] == 0 and columns["IKK-TI-1"] == 1 and columns["RHK-TI-01"] == 2
    assert layout.orphan_top is not None
    orphans = [box for box in layout.boxes if box.orphan_group]
    assert {box.node.code for box in orphans} == {"IKK-TI-6", "RHK-TI-06", "RHK-TM-03"}
    assert {box.node.code for box in orphans if box.orphan} == {"IKK-TI-6", "RHK-TM-03"}
    assert min(box.y for box in orphans) > layout.orphan_top
    assert max(box.bottom for box in layout.boxes if not box.orphan_group) < layout.orphan_top
    # one band per IKU, each holding its whole subtree, none overlapping
    assert len(layout.bands) == len(tree.roots)
    for (_, bottom), (top, _) in zip(layout.bands, layout.bands[1:], strict=False):
        assert bottom < top
    band_of = {id(root): band for root, band in zip(tree.roots, layout.bands, strict=True)}
    for box in layout.boxes:
        if box.node.level is Level.IKU:
            top, bottom = band_of[id(box.node)]
            subtree = [box, *(layout.boxes[i] for i in descendants(layout, box))]
            assert all(top <= b.y and b.bottom <= bottom for b in subtree)


def test_layout_texts_are_indonesian():
    boxes = {box.node.code: box for box in layout_tree(contoh_tree(), measure).boxes}

    def texts(code: str) -> list[str]:
        out: list[str] = []
        for line in boxes[code].lines:
            out.append(line.text)
            if line.right:
                out.append(line.right)
        return out

    assert "capaian 87,50 %" in texts("IKU-1")
    assert "target 0,2 keluaran per dosen" in texts("IKU-5")
    assert "belum ada capaian" in texts("IKK-AK-1")
    assert "belum diturunkan ke unit mana pun" in texts("IKU-7")
    assert "induk IKU-9 tidak ada" in texts("IKK-TI-6")
    assert "induk IKK-TM-9 tidak ada" in texts("RHK-TM-03")
    assert texts("IKK-TI-1")[0] == "IKK-TI-1 · Jurusan Teknik Informatika"
    assert texts("RHK-TI-03")[0].startswith("RHK-TI-03 · Dr. Sri Wahyuni")
    assert [line for line in boxes["IKU-7"].lines if line.alarm]
    assert not [line for line in boxes["RHK-TI-06"].lines if line.alarm]  # below an orphan


def test_long_labels_are_wrapped_and_cut_with_an_ellipsis():
    text = "kata " * 200 + "Supercalifragilistic" * 10
    lines = wrap(text, BOX_WIDTH, 7.5, False, 3, measure)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(measure(line, 7.5, False) <= BOX_WIDTH * 72 for line in lines)
    long_word = wrap("x" * 400, 1.0, 7.5, False, 10, measure)
    assert all(measure(line, 7.5, False) <= 72 for line in long_word)
    assert wrap("pendek", BOX_WIDTH, 7.5, False, 2, measure) == ["pendek"]


@pytest.mark.lambat  # the big tree, every line measured
def test_every_line_fits_its_box():
    for box in layout_tree(big_tree(), measure).boxes:
        for line in box.lines:
            used = measure(line.text, line.size, line.bold)
            if line.right:
                used += measure(line.right, line.size, line.right_bold)
            assert used <= (box.width - 0.2) * 72, line


def test_big_tree_has_no_overlaps():
    tree = big_tree()
    levels = [node.level for _, node in tree.walk()]
    assert levels.count(Level.IKU) == 10
    assert 30 <= levels.count(Level.IKK) <= 41
    assert 120 <= levels.count(Level.RHK) <= 180
    for measurer in (estimate_width, measure):
        assert_tidy(layout_tree(tree, measurer))


def test_empty_tree_lays_out_and_draws(tmp_path: Path):
    tree = CascadeTree("Politeknik Kosong", None, [])
    layout = layout_tree(tree)
    assert layout.boxes == () and layout.title == "Pohon Kinerja Politeknik Kosong"
    assert layout.height > 0
    draw_tree(tree, tmp_path / "kosong.svg", tmp_path / "kosong.png")
    assert png_size(tmp_path / "kosong.png")[0] > 1000


# -- drawing --------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_draw_tree_writes_svg_and_png(tmp_path: Path):
    svg, png = tmp_path / "pohon.svg", tmp_path / "pohon.png"
    draw_tree(contoh_tree(), svg, png)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "</svg>" in text
    for expected in (
        "Pohon Kinerja Politeknik Negeri Contoh Tahun 2025",
        "IKU-1",
        "IKU-8",
        "IKK-TI-1 · Jurusan Teknik Informatika",
        "IKK-P3M-1",
        "RHK-TI-03 · Dr. Sri Wahyuni",
        "capaian 87,50 %",
        "belum ada capaian",
        "belum diturunkan ke unit mana pun",
        "Tanpa induk (yatim)",
        "induk IKU-9 tidak ada",
        "induk IKK-TM-9 tidak ada",
        "hijau: capaian &gt; 90 %",
        "kuning: capaian 70–90 %",
        "merah: capaian &lt; 70 %",
    ):
        assert expected in text, expected
    assert "<dc:date>" not in text
    width, height = png_size(png)
    assert 1100 <= width <= 1400
    assert height > width


@pytest.mark.lambat  # the sample tree drawn to PNG twice
def test_rendering_twice_gives_identical_svg(tmp_path: Path):
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    draw_tree(contoh_tree(), first, tmp_path / "a.png")
    draw_tree(contoh_tree(), second, tmp_path / "b.png")
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


@pytest.mark.lambat  # a tree of ~200 boxes drawn to PNG
def test_big_tree_renders(tmp_path: Path):
    svg, png = tmp_path / "besar.svg", tmp_path / "besar.png"
    start = time.perf_counter()
    draw_tree(big_tree(), svg, png)
    assert time.perf_counter() - start < 60
    width, height = png_size(png)
    assert width > 1000
    assert 5 * width < height <= 30_000  # tall, one leaf after the other; within Agg's limits
    text = svg.read_text(encoding="utf-8")
    assert all(code in text for code in ("IKU-10", "RHK-001", "RHK-159", "induk IKU-99 tidak ada"))


# -- the sheet ------------------------------------------------------------------------------


def write_sheet(path: Path) -> None:
    write_tree_workbook(contoh_tree(), path)


def sheet_rows(path: Path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, dict[str, int]]:
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Pohon Kinerja"]
    ws = book["Pohon Kinerja"]
    rows = {ws.cell(row, 2).value: row for row in range(4, ws.max_row + 1)}
    return ws, rows


def fill(ws, row: int, col: int) -> str:
    return str(ws.cell(row, col).fill.fgColor.rgb)[-6:].upper()


def test_sheet_rows_and_header(tmp_path: Path):
    path = tmp_path / "pohon.xlsx"
    write_sheet(path)
    ws, rows = sheet_rows(path)
    assert ws["A1"].value == "Pohon Kinerja Politeknik Negeri Contoh Tahun 2025"
    assert "hijau > 90 %" in ws["A2"].value
    assert [ws.cell(3, c).value for c in range(1, 10)] == list(HEADERS)
    assert HEADERS == (
        "Tingkat",
        "Kode",
        "Indikator/Hasil",
        "Pemilik (unit/pegawai)",
        "Target",
        "Satuan",
        "Capaian (%)",
        "Status",
        "Catatan",
    )
    # depth-first order: an IKU, its IKK, their RHK; orphans at the end
    codes = [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)]
    assert codes[:6] == ["IKU-1", "IKK-TI-1", "RHK-TI-01", "RHK-TI-02", "IKK-TM-1", "RHK-TM-01"]
    assert codes[-4:] == [None, "IKK-TI-6", "RHK-TI-06", "RHK-TM-03"]
    assert len(codes) == sum(1 for _ in contoh_tree().walk()) + 1
    # the orphans come under a heading row of their own, not under the last IKU
    heading = ws.cell(ws.max_row - 3, 1).value
    assert heading.startswith("Tanpa induk (yatim)")
    r = rows["IKK-TI-1"]
    assert ws.cell(r, 1).value == "IKK"
    assert ws.cell(r, 4).value == "Jurusan Teknik Informatika"
    assert ws.cell(r, 5).value == 85 and ws.cell(r, 6).value == "%"
    assert ws.cell(r, 7).value == pytest.approx(92.4)
    assert ws.cell(r, 8).value == "hijau"
    # indentation by level
    assert ws.cell(rows["IKU-1"], 2).alignment.indent == 0
    assert ws.cell(rows["IKK-TI-1"], 2).alignment.indent == 1
    assert ws.cell(rows["RHK-TI-01"], 2).alignment.indent == 2
    assert ws.cell(rows["RHK-TI-01"], 3).alignment.indent == 2
    # blank capaian stays blank, never 0
    assert ws.cell(rows["IKK-AK-1"], 7).value is None
    assert ws.cell(rows["IKK-AK-1"], 8).value == "belum ada capaian"
    assert ws.cell(rows["IKK-TI-8"], 7).value == 0
    # print-ready
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == f"A3:I{ws.max_row}"
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out
    assert ws.page_setup.fitToHeight == 0


def test_sheet_colours_and_notes(tmp_path: Path):
    path = tmp_path / "pohon.xlsx"
    write_sheet(path)
    ws, rows = sheet_rows(path)
    status_fill = {
        "hijau": fill(ws, rows["IKK-TI-1"], 7),
        "kuning": fill(ws, rows["IKK-TM-1"], 7),
        "merah": fill(ws, rows["IKK-TI-2"], 7),
        "none": fill(ws, rows["IKK-AK-1"], 7),
    }
    assert len(set(status_fill.values())) == 4
    assert fill(ws, rows["IKU-1"], 7) == status_fill["kuning"]  # 87,5
    assert fill(ws, rows["RHK-P3M-01"], 7) == status_fill["hijau"]  # 120
    assert fill(ws, rows["IKU-4"], 7) == status_fill["kuning"]
    red = fill(ws, rows["IKU-7"], 2)
    assert red not in ("000000", "FFFFFF")
    for code in ("IKU-7", "IKK-TI-6", "RHK-TM-03"):
        for col in (1, 2, 3, 9):
            assert fill(ws, rows[code], col) == red, (code, col)
    assert fill(ws, rows["IKU-1"], 2) != red
    assert ws.cell(rows["IKU-7"], 9).value == "Belum diturunkan ke unit mana pun"
    assert ws.cell(rows["IKK-TI-6"], 9).value == "Yatim: induk IKU-9 tidak ada"
    assert ws.cell(rows["RHK-TM-03"], 9).value == "Yatim: induk IKK-TM-9 tidak ada"
    assert ws.cell(rows["RHK-TI-06"], 9).value == "Di bawah IKK-TI-6 yang yatim"
    assert fill(ws, rows["RHK-TI-06"], 2) != red  # child of an orphan, itself fine
    assert ws.cell(rows["IKU-1"], 9).value is None


def test_write_tree_sheet_into_an_open_workbook(tmp_path: Path):
    path = tmp_path / "gabung.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Ringkasan")
    written = write_tree_sheet(book, contoh_tree(), name="Pohon")
    assert written.worksheet.get_name() == "Pohon"
    assert written.rows == sum(1 for _ in contoh_tree().walk())
    book.close()
    assert openpyxl.load_workbook(path).sheetnames == ["Ringkasan", "Pohon"]


def test_tree_workbook_is_reproducible(tmp_path: Path):
    write_sheet(tmp_path / "a.xlsx")
    write_sheet(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


@pytest.mark.libreoffice
def test_libreoffice_prints_the_sheet(tmp_path: Path):
    path = tmp_path / "pohon.xlsx"
    write_sheet(path)
    (pdf,) = lo.convert([path], "pdf", tmp_path / "out", tmp_path / "profile")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 5_000


@pytest.mark.lambat  # the CLI in a subprocess
def test_a_name_of_32767_characters_without_a_space_is_drawn_in_seconds(tmp_path: Path):
    """Excel's longest cell text, one word: wrapping and cutting it measured the text once
    per character removed (> 13 minutes); the tree now comes in seconds (timeout: a hang)."""
    import shutil
    import subprocess
    import sys

    import openpyxl

    folder = tmp_path / "kiriman"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.md", "skp-*"))
    unit = folder / "TI-jurusan-teknik-informatika.xlsx"
    book = openpyxl.load_workbook(unit)
    book["PK"]["C22"] = "x" * 32767
    book.save(unit)
    run = subprocess.run(
        [sys.executable, "-m", "xlkinerja", "pohon", str(folder), "--output", str(tmp_path / "p")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "p" / "pohon-kinerja.png").stat().st_size > 0


def test_numbers_too_large_for_the_pattern_are_still_written():
    from xlkinerja.cascade.layout import angka

    assert angka(1e308) == "1,0E+308"
    assert angka(1234.5) == "1.234,5"
