"""Build the cascade tree IKU → IKK (unit) → RHK (employee) with targets and capaian.

IKK capaian: the latest triwulan's capaian (realisasi combined per konsolidasi against the
cumulative Rencana Aksi target) — unknown, with no colour, when the latest reported one
cannot be computed because a value could not be read (`tak_terbaca`), and so is the IKU
above it. IKU capaian: the mean of its IKK's capaian (rollup; capaian has no satuan, raw
targets are never averaged; the RHK drawn under an IKU do not count). RHK come from the
employees' SKP (capaian of the kuantitas IKI: realisasi so far against the yearly target,
coloured only once TW IV is reported), or, for employees whose SKP was not given, from
the Matriks Peran-Hasil (their roles). A unit head's RHK intervene an IKU directly: they
hang under that IKU, beside the unit's IKK.
"""

from __future__ import annotations

from collections.abc import Mapping

from xlkinerja.cascade.index import CascadeIndex
from xlkinerja.cascade.tree import CascadeNode, CascadeTree, Level, Problem
from xlkinerja.core.normal import MasterForm, SkpForm, UnitForm
from xlkinerja.core.table_access import number, numbers, positions, reading, text, texts
from xlkinerja.domain.capaian import capaian
from xlkinerja.domain.konsolidasi import konsolidasi
from xlkinerja.domain.rollup import rollup
from xlkinerja.domain.status import AMBANG_HIJAU, AMBANG_KUNING, status_of
from xlkinerja.validation.capaian_rows import capaian_per_ikk, latest

PERIODS = ("TW I", "TW II", "TW III", "TW IV")


class _Colours:
    def __init__(self, master: MasterForm) -> None:
        self.kuning = master.number("ambang_kuning") or AMBANG_KUNING
        self.hijau = master.number("ambang_hijau") or AMBANG_HIJAU
        self.batas_atas = master.number("batas_atas_capaian")

    def paint(self, node: CascadeNode) -> CascadeNode:
        node.status = status_of(node.capaian, kuning=self.kuning, hijau=self.hijau)
        return node


def _skp_nodes(form: SkpForm, colours: _Colours) -> list[tuple[str | None, CascadeNode]]:
    """(parent code, node) per RHK of an SKP; the node shows its kuantitas IKI."""
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
        quarters = by_iki.get(text(rhk, pos, "kode_iki") or "", {})
        if quarters:
            done = konsolidasi(quarters, "kumulatif", sampai_tw=max(quarters))
            node.capaian = capaian(done.nilai, node.target, batas_atas=colours.batas_atas).nilai
            node.tak_terbaca = bool(done.tak_terbaca)
            if max(quarters) == len(PERIODS):
                colours.paint(node)  # mid-year progress on a yearly target gets no colour
    return list(nodes.values())


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


def _known_capaian(
    unit: UnitForm,
    latest_capaian: Mapping[str, Mapping[str, float | None]] | None,
    colours: _Colours,
) -> Mapping[str, float | None]:
    """IKK → the unit's latest capaian: the caller's, else computed from its Capaian."""
    if latest_capaian is not None:
        return latest_capaian.get(unit.file, {})
    return {
        ikk: last.hasil.nilai
        for ikk, rows in capaian_per_ikk(unit, colours.batas_atas).items()
        if ikk is not None  # the tree looks up IKK by their code
        and (last := latest(rows)) is not None
    }


def _hang_ikk(
    index: CascadeIndex,
    latest_capaian: Mapping[str, Mapping[str, float | None]] | None,
    colours: _Colours,
    iku_nodes: Mapping[str, CascadeNode],
    tree: CascadeTree,
) -> dict[str, CascadeNode]:
    """IKK code → node, one per IKK of the units' PK (the first unit naming it), each
    hung under its IKU."""
    ikk_nodes: dict[str, CascadeNode] = {}
    for unit in index.units:
        known = _known_capaian(unit, latest_capaian, colours)
        owner = index.unit_names.get(unit.text("kode_unit") or "", unit.text("nama_unit") or "")
        pk = unit.table("pk")
        for pos in positions(pk):
            ikk = text(pk, pos, "kode_ikk")
            if not ikk or ikk in ikk_nodes:
                continue
            node = colours.paint(
                CascadeNode(
                    Level.IKK,
                    ikk,
                    text(pk, pos, "indikator") or "",
                    owner,
                    target=number(pk, pos, "target"),
                    satuan=text(pk, pos, "satuan"),
                    capaian=known.get(ikk),
                    tak_terbaca=ikk in known and known[ikk] is None,
                )
            )
            ikk_nodes[ikk] = node
            iku = text(pk, pos, "kode_iku")
            _hang(node, iku_nodes.get(iku or ""), iku, tree)
    return ikk_nodes


def _rhk_nodes(
    index: CascadeIndex, include_matriks: bool, colours: _Colours
) -> list[tuple[str | None, CascadeNode]]:
    """(parent code, node) per RHK: from the SKP, then the matriks roles of employees (not
    the unit heads) whose SKP was not given."""
    rhk: list[tuple[str | None, CascadeNode]] = []
    for forms in index.skp_forms.values():
        rhk.extend(_skp_nodes(forms[0], colours))
    skip = set(index.skp_forms) | set(index.unit_heads.values())
    for unit in index.units if include_matriks else ():
        rhk.extend(_matriks_nodes(unit, skip))
    return rhk


def _roll_up_iku(node: CascadeNode, colours: _Colours) -> None:
    """An IKU's capaian from its IKK (not the RHK hung under it); none derived: uncovered."""
    derived = [c for c in node.children if c.level is Level.IKK]
    if not derived:
        node.problem = Problem.UNCOVERED
    node.tak_terbaca = any(c.tak_terbaca for c in derived)
    unknown = node.tak_terbaca or not derived
    node.capaian = None if unknown else rollup([c.capaian for c in derived]).nilai
    colours.paint(node)


def build_tree(
    index: CascadeIndex,
    *,
    include_matriks: bool = True,
    latest_capaian: Mapping[str, Mapping[str, float | None]] | None = None,
) -> CascadeTree:
    """`latest_capaian` (file → IKK → capaian), when the caller has it, saves recomputing
    (an IKK given None: its latest capaian is unknown because a value could not be read);
    `include_matriks=False` leaves out employees' roles from the matriks (only SKP)."""
    master = index.master
    colours = _Colours(master)
    tree = CascadeTree(
        institution=master.text("nama_instansi") or "",
        tahun=index.tahun,
        ambang_kuning=colours.kuning,
        ambang_hijau=colours.hijau,
    )
    iku_nodes = _iku_nodes(index, tree.institution)
    ikk_nodes = _hang_ikk(index, latest_capaian, colours, iku_nodes, tree)
    for parent_code, node in _rhk_nodes(index, include_matriks, colours):
        parent = ikk_nodes.get(parent_code or "") or iku_nodes.get(parent_code or "")
        _hang(node, parent, parent_code, tree)
    for node in iku_nodes.values():
        _roll_up_iku(node, colours)
        tree.roots.append(node)
    return tree
