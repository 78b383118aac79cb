"""What tests read of an error as shown: its code, and for the server's refusals the status
and the header too. Tests assert on codes (and file, sheet, cell), not on the wording."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from xlkinerja.errors import ErrorCode, XlkinerjaError

_ANY = object()  # a sheet or cell not asserted
_SHOWN = re.compile(r"(?P<label>[A-Z][a-z]*(?: [a-z]+)?) \[(?P<code>[a-z0-9_.]+)\]: ")


def codes_shown(text: str, label: str = "Galat") -> list[str]:
    """The codes of the lines "<label> [kode]: ..." in what a command printed (stderr), an
    alert or a refusal, in order."""
    return [m["code"] for m in _SHOWN.finditer(text) if m["label"] == label]


def error_code(text: str) -> str:
    """The one error's code in a command's stderr or a message box ("Galat [kode]: ...")."""
    codes = codes_shown(text)
    assert len(codes) == 1, text
    return codes[0]


def refused(response: Any, status: int, code: ErrorCode) -> None:
    """A refusal of the server: its status, its code in the header and first in the body."""
    assert response.status_code == status, response.text
    assert response.headers["x-xlkinerja-kode"] == code.value
    assert response.text.startswith(f"Galat [{code}]: "), response.text
    assert response.headers["content-type"].startswith("text/plain")


@contextmanager
def raises(
    code: ErrorCode,
    kind: type[XlkinerjaError] = XlkinerjaError,
    *,
    sheet: object = _ANY,
    cell: object = _ANY,
) -> Iterator[pytest.ExceptionInfo[XlkinerjaError]]:
    """As `pytest.raises(kind)`, and the error has `code` (and the sheet and cell when
    given)."""
    with pytest.raises(kind) as caught:
        yield caught  # type: ignore[misc]
    error = caught.value
    assert error.code is code, error.user_message()
    if sheet is not _ANY:
        assert error.sheet == sheet, error.user_message()
    if cell is not _ANY:
        assert error.cell == cell, error.user_message()
