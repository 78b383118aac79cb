"""The Python command a ribbon button runs, in one place.

The add-in's dispatcher (macros/Kinerja.bas, `KinerjaTombol`) gets it from the builder as a
VBA string constant and puts the button's tag in place of ACTION_PLACEHOLDER and the period
chosen on the ribbon in place of TRIWULAN_PLACEHOLDER; in local mode
it hands the result to xlwings' `RunPython`, which runs it with `python -c` (so it must be
one line, and hold no double quote: `RunPython` wraps it in double quotes for cmd.exe).
Tests run the same string in Python.
"""

from __future__ import annotations

ACTION_PLACEHOLDER = "{action}"
TRIWULAN_PLACEHOLDER = "{triwulan}"  # the ribbon's Periode: 0 = the latest reported, 1..4
PYTHON_COMMAND = "import xlkinerja.excel as x; x.dispatch('{action}', {triwulan})"


def python_command(action: str, triwulan: int = 0) -> str:
    """What the dispatcher runs for the button tagged `action`, with the period chosen on
    the ribbon (0: the latest reported)."""
    if not action.isidentifier():
        raise ValueError(f"not an action name: {action!r}")
    if triwulan not in range(5):
        raise ValueError(f"not a triwulan: {triwulan!r}")
    return PYTHON_COMMAND.replace(ACTION_PLACEHOLDER, action).replace(
        TRIWULAN_PLACEHOLDER, str(triwulan)
    )


def vba_string(text: str) -> str:
    """`text` as a VBA string literal (a double quote doubled)."""
    return '"' + text.replace('"', '""') + '"'
