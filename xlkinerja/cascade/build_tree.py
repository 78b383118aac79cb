"""Build the cascade tree IKU → IKK (unit) → RHK (employee) with targets and capaian.

IKU and IKK show the performance model's figures for one period, "s.d. TW n" (`Periode`,
made by kompilasi/kinerja.py, the same figures the compiled workbook shows): an IKK that did
not report TW n shows no capaian and says so ("belum melapor TW III"), never its TW n−1
value; an IKU shows its own figure for TW n and how many of its IKK it covers. The tree
works out no capaian of IKU or IKK itself. RHK come from the
employees' SKP (capaian of the kuantitas IKI: realisasi so far against the yearly target,
coloured only once TW IV is reported), or, for employees whose SKP was not given, from
the Matriks Peran-Hasil (their roles). A unit head's RHK intervene an IKU directly: they
hang under that IKU, beside the unit's IKK.
"""

from __future__ import annotations

from collections.abc import Mapping

from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.cascade.layout import angka
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Figure, Level, Periode, Problem
from xlkinerja.core.normal import MasterForm, SkpForm, UnitForm
from xlkinerja.core.table_access import number, numbers, positions, reading, text, texts
from xlkinerja.domain.capaian import capaian
from xlkinerja.domain.konsolidasi import konsolidasi
from xlkinerja.domain.status import status_of, thresholds
from xlkinerja.validation.capaian_rows import TW_NAMES
from xlkinerja.validation.percent import is_percent

PERIODS = ("TW I", "TW II", "TW III", "TW IV")


class _Colours:
    def __init__(self, master: MasterForm) -> None:
        self.kuning, self.hijau = thresholds(
            master.number("ambang_kuning"), master.number("ambang_hijau")
        )
        self.batas_atas = master.number("batas_atas_capaian")

    def paint(self, node: CascadeNode) -> CascadeNode:
        node.status = status_of(node.capaian, kuning=self.kuning, hijau=self.hijau)
        return node


def _skp_nodes(
    form: SkpForm, colours: _Colours, tw: int | None
) -> list[tuple[str | None, CascadeNode]]:
    """(parent code, node) per RHK of an SKP; the node shows its kuantitas IKI s.d. TW `tw`
    (the tree's period; None: the SKP's own latest)."""
    rhk, real = form.table("rhk"), form.table("realisasi")
    by_iki: dict[str, dict[int, object]] = {}
    for pos in positions(real):
        iki, periode = text(real, pos, "kode_iki"), text(real, pos, "periode")
        if iki and periode in PERIODS:
            by_iki.setdefault(iki, {})[PERIODS.index(periode) + 1] = reading(real, pos, "realisasi")
    nodes: dict[str, tuple[str | None, CascadeNode]] = {}
    for pos in positions(rhk):
        code = text(rhk, pos, "kode_rhk")
        if not code or text(rhk, pos, "jenis") != "Utama":
            continue
        if code not in nodes:
            nodes[code] = (
                text(rhk, pos, "rhk_pimpinan"),
                CascadeNode(Level.RHK, code, text(rhk, pos, "rhk") or "", form.text("nama") or ""),
            )
        node = nodes[code][1]
        if text(rhk, pos, "aspek") != "kuantitas" or node.target is not None:
            continue
        node.target, node.satuan = number(rhk, pos, "target"), text(rhk, pos, "satuan")
        _rhk_figure(node, by_iki.get(text(rhk, pos, "kode_iki") or "", {}), tw, colours)
    return list(nodes.values())


def _rhk_figure(
    node: CascadeNode, quarters: Mapping[int, object], tw: int | None, colours: _Colours
) -> None:
    """An RHK's kuantitas IKI s.d. TW `tw` (its quarters summed; a percentage: the latest
    quarter's): its capaian (coloured) once the year is reported
    (TW IV: the SKP's target is the year's); before, its realisasi so far, never a capaian
    against the year's target in the colour of none ("belum ada capaian")."""
    period = tw if tw is not None else max(quarters, default=None)
    if period is None or not quarters:
        return
    if period not in quarters:
        node.catatan = f"belum melapor {PERIODS[period - 1]}"
        return
    # A percentage is a state, not a count: its latest value, never the quarters' sum
    cara = "terakhir" if is_percent(node.satuan) else "kumulatif"
    done = konsolidasi({q: v for q, v in quarters.items() if q <= period}, cara, sampai_tw=period)
    node.tak_terbaca = bool(done.tak_terbaca)
    if period < len(PERIODS):
        if done.nilai is not None:
            satuan = f" {node.satuan}" if node.satuan else ""
            node.catatan = f"realisasi {angka(done.nilai)}{satuan} s.d. {PERIODS[period - 1]}"
        return
    node.capaian = capaian(done.nilai, node.target, batas_atas=colours.batas_atas).nilai
    colours.paint(node)


def _matriks_nodes(unit: UnitForm, skip: set[str]) -> list[tuple[str | None, CascadeNode]]:
    """(IKK code, node) per role of the matriks whose employee is not in `skip`."""
    matriks = unit.table("matriks")
    rows = zip(
        texts(matriks, "nip"),
        texts(matriks, "rhk"),
        texts(matriks, "nama"),
        numbers(matriks, "target"),
        texts(matriks, "satuan"),
        texts(matriks, "kode_ikk"),
        strict=True,
    )
    return [
        (ikk, CascadeNode(Level.RHK, "peran", rhk or "", nama or "", target=target, satuan=satuan))
        for nip, rhk, nama, target, satuan, ikk in rows
        if nip not in skip
    ]


def _hang(
    node: CascadeNode, parent: CascadeNode | None, parent_code: str | None, tree: CascadeTree
) -> None:
    """`node` under its `parent`, or among the tree's orphans (naming the code it gave)."""
    if parent is None:
        node.problem, node.parent_code = Problem.ORPHAN, parent_code
        tree.orphans.append(node)
    else:
        parent.children.append(node)


def _iku_nodes(index: CascadeIndex, institution: str) -> dict[str, CascadeNode]:
    return {
        code: CascadeNode(
            Level.IKU,
            code,
            row.text("indikator") or "",
            institution,
            target=index.iku_target(code),
            satuan=row.text("satuan"),
        )
        for code, row in index.iku.items()
    }


def _shown(node: CascadeNode, figure: Figure | None, colours: _Colours) -> CascadeNode:
    """`node` with the period's figure (none: no capaian, no colour)."""
    if figure is not None:
        node.capaian, node.tak_terbaca, node.catatan = figure
    return colours.paint(node)


def _ikk_figure(periode: Periode | None, file: str, ikk: str) -> Figure | None:
    if periode is None:
        return None
    found = periode.ikk.get((file, ikk))
    return found or (None, False, f"belum melapor {TW_NAMES[periode.tw - 1]}")


def _hang_ikk(
    index: CascadeIndex,
    periode: Periode | None,
    colours: _Colours,
    iku_nodes: Mapping[str, CascadeNode],
    tree: CascadeTree,
) -> dict[str, CascadeNode]:
    """IKK code → node, one per IKK of the units' PK (the first unit naming it), each
    hung under its IKU."""
    ikk_nodes: dict[str, CascadeNode] = {}
    for unit in index.units:
        owner = index.unit_names.get(unit.text("kode_unit") or "", unit.text("nama_unit") or "")
        pk = unit.table("pk")
        for pos in positions(pk):
            ikk = text(pk, pos, "kode_ikk")
            if not ikk or ikk in ikk_nodes:
                continue
            node = _shown(
                CascadeNode(
                    Level.IKK,
                    ikk,
                    text(pk, pos, "indikator") or "",
                    owner,
                    target=number(pk, pos, "target"),
                    satuan=text(pk, pos, "satuan"),
                ),
                _ikk_figure(periode, unit.file, ikk),
                colours,
            )
            ikk_nodes[ikk] = node
            iku = text(pk, pos, "kode_iku")
            _hang(node, iku_nodes.get(iku or ""), iku, tree)
    return ikk_nodes


def _rhk_nodes(
    index: CascadeIndex, include_matriks: bool, colours: _Colours, tw: int | None
) -> list[tuple[str | None, CascadeNode]]:
    """(parent code, node) per RHK: from the SKP, then the matriks roles of employees (not
    the unit heads) whose SKP was not given."""
    rhk: list[tuple[str | None, CascadeNode]] = []
    for forms in index.skp_forms.values():
        rhk.extend(_skp_nodes(forms[0], colours, tw))
    skip = set(index.skp_forms) | set(index.unit_heads.values())
    for unit in index.units if include_matriks else ():
        rhk.extend(_matriks_nodes(unit, skip))
    return rhk


def _finish_iku(node: CascadeNode, periode: Periode | None, colours: _Colours) -> None:
    """An IKU with its period's figure; none of its IKK derived: uncovered (no figure)."""
    if not any(c.level is Level.IKK for c in node.children):
        node.problem = Problem.UNCOVERED
        colours.paint(node)
        return
    _shown(node, periode.iku.get(node.code) if periode is not None else None, colours)


def build_tree(
    index: CascadeIndex, *, include_matriks: bool = True, periode: Periode | None = None
) -> CascadeTree:
    """The tree of the cascade `index`, its IKU and IKK with the figures of `periode` (None:
    no capaian is shown: nothing was reported, or only the cascade is asked for);
    `include_matriks=False` leaves out employees' roles from the matriks (only SKP)."""
    master = index.master
    colours = _Colours(master)
    tree = CascadeTree(
        institution=master.text("nama_instansi") or "",
        tahun=index.tahun,
        ambang_kuning=colours.kuning,
        ambang_hijau=colours.hijau,
        periode=periode.tw if periode is not None else None,
    )
    iku_nodes = _iku_nodes(index, tree.institution)
    ikk_nodes = _hang_ikk(index, periode, colours, iku_nodes, tree)
    tw = periode.tw if periode is not None else None
    for parent_code, node in _rhk_nodes(index, include_matriks, colours, tw):
        parent = ikk_nodes.get(parent_code or "") or iku_nodes.get(parent_code or "")
        _hang(node, parent, parent_code, tree)
    for node in iku_nodes.values():
        _finish_iku(node, periode, colours)
        tree.roots.append(node)
    return tree
