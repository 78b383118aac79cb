"""A rule of the findings catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from xlkinerja.core.finding import Severity


@dataclass(frozen=True)
class Rule:
    name: str  # column rules: the last part of the code; domain rules: the whole code
    severity: Severity
    title: str
    template: str  # the rule, formatted with the finding's details
    hint: str  # how to fix
