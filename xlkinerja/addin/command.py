"""The Python command a ribbon button runs, in one place.

The add-in's dispatcher (macros/Kinerja.bas, `KinerjaTombol`) gets it from the builder as a
VBA string constant and puts the button's tag in place of ACTION_PLACEHOLDER; in local mode
it hands the result to xlwings' `RunPython`, which runs it with `python -c` (so it must be
one line, and hold no double quote: `RunPython` wraps it in double quotes for cmd.exe).
Tests run the same string in Python.
"""

from __future__ import annotations

ACTION_PLACEHOLDER = "{action}"
PYTHON_COMMAND = "import xlkinerja.excel as x; x.dispatch('{action}')"


def python_command(action: str) -> str:
    """What the dispatcher runs for the button tagged `action`."""
    if not action.isidentifier():
        raise ValueError(f"not an action name: {action!r}")
    return PYTHON_COMMAND.replace(ACTION_PLACEHOLDER, action)


def vba_string(text: str) -> str:
    """`text` as a VBA string literal (a double quote doubled)."""
    return '"' + text.replace('"', '""') + '"'
