"""A1 cell addresses: column letters ↔ zero-based indexes, and the reading order of cells."""

from __future__ import annotations


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + (ord(char) - 64)
    return index - 1


def column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_address(row: int, col: int) -> str:
    """Zero-based row/col to an A1 address."""
    return f"{column_letters(col)}{row + 1}"


def cell_order(cell: str | None) -> tuple[int, int]:
    if not cell:
        return (0, 0)
    letters = cell.rstrip("0123456789")
    return (int(cell[len(letters) :] or 0), column_index(letters))
