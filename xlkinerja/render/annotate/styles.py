"""styles.xml: clone a cell's format with another fill, and the few formats we add.

Entries are appended, never changed or removed, so every existing index stays valid; an
entry identical to one already there is reused (a second run adds nothing).
"""

from __future__ import annotations

import re

from xlkinerja.errors import ErrorCode, WorkbookError
from xlkinerja.files.ooxml.opc import Parts
from xlkinerja.files.ooxml.xmltext import (
    MAIN_NS,
    Element,
    first,
    namespace_prefixes,
    parse_attrs,
    parse_checked,
    scan_children,
    scan_root,
    set_attr,
)
from xlkinerja.render.annotate import fills

_SECTIONS = {"fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf"}
_SOLID_RGB = re.compile(
    r"""patternType=["']solid["'].*?fgColor\s+rgb=["'](?:FF)?([0-9A-Fa-f]{6})["']""", re.S
)


class StyleSheet:
    def __init__(self, parts: Parts, part: str) -> None:
        self.parts = parts
        self.part = part
        if not parts.package.exists(part):
            raise WorkbookError(
                "bagian gaya (styles.xml) tidak ada.",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=parts.path,
            )
        self.text = parts.text(part)
        parse_checked(self.text, part, parts.path)
        root = scan_root(self.text, part, parts.path)
        self.prefix = namespace_prefixes(root).get(MAIN_NS, "")
        top = scan_children(self.text, root, part, parts.path)
        self._sections: dict[str, Element] = {}
        self._items: dict[str, list[str]] = {}
        self._added: dict[str, list[str]] = {name: [] for name in _SECTIONS}
        for name, item in _SECTIONS.items():
            section = first(top, name)
            if section is None:
                raise WorkbookError(
                    f"styles.xml tidak lengkap (tanpa {name}).",
                    code=ErrorCode.BERKAS_BAGIAN_HILANG,
                    path=parts.path,
                )
            self._sections[name] = section
            self._items[name] = [
                self.text[c.start : c.end]
                for c in scan_children(self.text, section, part, parts.path)
                if c.local == item
            ]
        if not self._items["cellXfs"] or not self._items["fonts"]:
            raise WorkbookError(
                "styles.xml tidak lengkap (tanpa format sel).",
                code=ErrorCode.BERKAS_BAGIAN_HILANG,
                path=parts.path,
            )

    def _q(self, local: str) -> str:
        return f"{self.prefix}:{local}" if self.prefix else local

    def ensure(self, section: str, xml: str) -> int:
        """Index of an entry equal to `xml`, appended when there is none."""
        items = self._items[section]
        try:
            return items.index(xml)
        except ValueError:
            items.append(xml)
            self._added[section].append(xml)
            return len(items) - 1

    def xf(self, index: int) -> str:
        items = self._items["cellXfs"]
        return items[index] if 0 <= index < len(items) else items[0]

    @property
    def xf_count(self) -> int:
        return len(self._items["cellXfs"])

    @property
    def changed(self) -> bool:
        return any(self._added.values())

    # -- marks -----------------------------------------------------------------

    def solid_fill(self, rgb: str) -> str:
        q = self._q
        return (
            f'<{q("fill")}><{q("patternFill")} patternType="solid"><{q("fgColor")} rgb="FF{rgb}"/>'
            f'<{q("bgColor")} indexed="64"/></{q("patternFill")}></{q("fill")}>'
        )

    def marked(self, original: int, rgb: str) -> int:
        """The format of cell style `original` with a solid `rgb` fill (cloned once)."""
        fill = self.ensure("fills", self.solid_fill(rgb))
        xf = self.xf(original)
        cut = xf.index(">") + 1  # the whole of <xf …/>, or the start tag of <xf …>…</xf>
        tag = set_attr(set_attr(xf[:cut], "fillId", str(fill)), "applyFill", "1")
        return self.ensure("cellXfs", tag + xf[cut:])

    def fill_rgb(self, index: int) -> str | None:
        """The RGB of a cell style's solid fill (upper case), if it has one."""
        head = self.xf(index)
        fill_id = parse_attrs(head[: head.index(">")]).get("fillId", "0")
        fills = self._items["fills"]
        if not fill_id.isdigit() or int(fill_id) >= len(fills):
            return None
        match = _SOLID_RGB.search(fills[int(fill_id)])
        return match[1].upper() if match else None

    def same_but_fill(self, first_index: int, second_index: int) -> bool:
        return _without_fill(self.xf(first_index)) == _without_fill(self.xf(second_index))

    def fill_xml(self, index: int) -> str:
        """The fill of cell style `index`, canonical (fills.canonical; no fill when the
        workbook's own is unreadable)."""
        head = self.xf(index)
        fill_id = parse_attrs(head[: head.index(">")]).get("fillId", "0")
        items = self._items["fills"]
        own = items[int(fill_id)] if fill_id.isdigit() and int(fill_id) < len(items) else None
        return fills.canonical(own) or fills.NO_FILL

    def with_fill(self, index: int, fill: str) -> int:
        """The format of cell style `index` with the canonical `fill` (cloned once)."""
        fill_id = self.ensure("fills", fills.qualified(fill, self.prefix))
        xf = self.xf(index)
        cut = xf.index(">") + 1
        tag = set_attr(set_attr(xf[:cut], "fillId", str(fill_id)), "applyFill", "1")
        return self.ensure("cellXfs", tag + xf[cut:])

    # -- formats of the report sheet ---------------------------------------------------

    def font(
        self,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float | None = None,
        rgb: str | None = None,
    ) -> int:
        base = self._items["fonts"][0]
        if base.endswith("/>") and base.count(">") == 1:
            base = base[:-2].rstrip() + f"></{self._q('font')}>"
        strip = "|".join(re.escape(self._q(n)) for n in ("b", "i", "u", "color", "sz"))
        base = re.sub(rf"<(?:{strip})\b[^>]*?(?:/>|>.*?</(?:{strip})>)", "", base)
        cut = base.index(">") + 1
        extra = "".join(
            (
                f"<{self._q('b')}/>" if bold else "",
                f"<{self._q('i')}/>" if italic else "",
                f"<{self._q('u')}/>" if underline else "",
            )
        )
        size_tag = re.search(r"<(?:\w+:)?sz\s+val=\"([\d.]+)\"", self._items["fonts"][0])
        size_value = size if size is not None else float(size_tag[1]) if size_tag else 11.0
        extra += f'<{self._q("sz")} val="{size_value:g}"/>'
        extra += (
            f'<{self._q("color")} rgb="FF{rgb}"/>' if rgb else f'<{self._q("color")} theme="1"/>'
        )
        return self.ensure("fonts", base[:cut] + extra + base[cut:])

    def thin_border(self, rgb: str = "BFBFBF") -> int:
        q = self._q
        sides = "".join(
            f'<{q(side)} style="thin"><{q("color")} rgb="FF{rgb}"/></{q(side)}>'
            for side in ("left", "right", "top", "bottom")
        )
        return self.ensure("borders", f"<{q('border')}>{sides}<{q('diagonal')}/></{q('border')}>")

    def cell_format(
        self,
        *,
        font: int = 0,
        fill: int = 0,
        border: int = 0,
        wrap: bool = False,
        vertical: str = "top",
    ) -> int:
        q = self._q
        wrap_attr = ' wrapText="1"' if wrap else ""
        return self.ensure(
            "cellXfs",
            f'<{q("xf")} numFmtId="0" fontId="{font}" fillId="{fill}" borderId="{border}" '
            f'xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">'
            f'<{q("alignment")} vertical="{vertical}"{wrap_attr}/></{q("xf")}>',
        )

    def save(self) -> None:
        if not self.changed:
            return
        text = self.text
        for name in sorted(self._sections, key=lambda n: -self._sections[n].start):
            added = self._added[name]
            if not added:
                continue
            section = self._sections[name]
            tag = set_attr(
                text[section.start : section.open_end], "count", str(len(self._items[name]))
            )
            if section.empty:
                tag = tag[:-2].rstrip() + ">"
                inner = "".join(added) + f"</{section.qname}>"
            else:
                inner = text[section.open_end : section.inner_end] + "".join(added)
                inner += text[section.inner_end : section.end]
            text = text[: section.start] + tag + inner + text[section.end :]
        self.parts.put_text(self.part, text)


def _without_fill(xf: str) -> tuple[dict[str, str], str]:
    cut = xf.index(">") + 1
    attrs = parse_attrs(xf[:cut])
    attrs.pop("fillId", None)
    attrs.pop("applyFill", None)
    return attrs, xf[cut:]
