"""The archive's user-facing error."""

from __future__ import annotations

from xlkinerja.errors import XlkinerjaError


class ArchiveError(XlkinerjaError):
    """The archive database cannot be opened or used, or asked for what it does not hold."""
