"""A rule of the findings catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.core.codes import Code, ColumnRule
from xlkinerja.core.finding import Severity


@dataclass(frozen=True)
class Rule:
    name: Code | ColumnRule  # a column rule: the last part of its codes
    severity: Severity
    title: str
    template: str  # the rule, formatted with the finding's details
    hint: str  # how to fix
