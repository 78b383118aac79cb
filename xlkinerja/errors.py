"""Errors users see: always in Indonesian, always naming the file (and sheet/cell)."""

from __future__ import annotations

from pathlib import Path


class XlkinerjaError(Exception):
    """An error about the user's input or configuration, with a message for the user."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        hint: str = "",
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.sheet = sheet
        self.cell = cell
        self.hint = hint
        super().__init__(self.user_message())

    def reason(self) -> str:
        """The message without the file (for a finding, which names its file itself)."""
        return _capitalised(self._text(with_file=False))

    def user_message(self) -> str:
        return self._text(with_file=True)

    def _text(self, *, with_file: bool) -> str:
        where = []
        if self.path is not None and with_file:
            where.append(f"Berkas '{self.path.name}'")
        if self.sheet:
            where.append(f"lembar '{self.sheet}'")
        if self.cell:
            where.append(f"sel {self.cell}")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.hint:
            text += f" {self.hint}"
        return text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class WorkbookError(XlkinerjaError):
    """A workbook cannot be read as the form it claims to be."""


class OutputError(XlkinerjaError):
    """A file xlkinerja was asked to write cannot be written (folder, permission, lock)."""
