"""Cell formats of the generated templates, created once per workbook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xlkinerja.specs import ValueType

INPUT_FILL = "#FFF9E6"  # pale yellow: the user types here
LOCKED_FILL = "#EDEDED"  # grey: filled by the level above or computed
TITLE_COLOR = "#1F4E78"
FONT = "Calibri"

DATE_FORMAT = "dd/mm/yyyy"


@dataclass
class TemplateStyles:
    title: Any
    intro: Any
    section: Any
    label: Any
    header: Any
    text: Any
    wrap: Any
    bold: Any
    _workbook: Any
    _cache: dict[tuple[str, bool, str | int | None, bool], Any]

    @classmethod
    def create(cls, workbook: Any) -> TemplateStyles:
        def fmt(**props: Any) -> Any:
            return workbook.add_format({"font_name": FONT, "font_size": 10, **props})

        return cls(
            title=fmt(bold=True, font_size=14, font_color=TITLE_COLOR),
            intro=fmt(italic=True, font_color="#404040"),
            section=fmt(bold=True, font_size=11, font_color=TITLE_COLOR),
            label=fmt(
                bold=True, bg_color="#DDEBF7", border=1, border_color="#9BC2E6", valign="vcenter"
            ),
            header=fmt(
                bold=True,
                font_color="#FFFFFF",
                bg_color=TITLE_COLOR,
                text_wrap=True,
                valign="vcenter",
                border=1,
                border_color="#9BC2E6",
            ),
            text=fmt(),
            wrap=fmt(text_wrap=True, valign="top"),
            bold=fmt(bold=True),
            _workbook=workbook,
            _cache={},
        )

    def cell(
        self,
        value_type: ValueType,
        *,
        locked: bool,
        num_format: str | int | None = None,
        wrap: bool = True,
    ) -> Any:
        """Format of an input (unlocked, yellow) or locked (grey) cell of a type."""
        if num_format is None and value_type == ValueType.DATE:
            num_format = DATE_FORMAT
        if num_format is None and value_type == ValueType.CODE:
            num_format = "@"  # text: an 18-digit NIP must not become 1.97E+17
        key = (str(value_type), locked, num_format, wrap)
        if key not in self._cache:
            props: dict[str, Any] = {
                "font_name": FONT,
                "font_size": 10,
                "border": 1,
                "border_color": "#BFBFBF",
                "valign": "top",
                "locked": locked,
                "bg_color": LOCKED_FILL if locked else INPUT_FILL,
            }
            if value_type == ValueType.TEXT and wrap:
                props["text_wrap"] = True
            if num_format is not None:
                props["num_format"] = num_format  # a code, or a built-in id (9: "0%")
            self._cache[key] = self._workbook.add_format(props)
        return self._cache[key]
