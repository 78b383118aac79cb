"""Fitting a text into a box of the cascade drawing (pure): how wide it is, where it wraps,
where it is cut with an ellipsis. Widths come from a `Measure` (points for a text at a
size): `estimate_width` estimates DejaVu Sans, the renderer passes matplotlib's metrics.
"""

from __future__ import annotations

from collections.abc import Callable

Measure = Callable[[str, float, bool], float]  # (text, size in pt, bold) -> width in pt
ELLIPSIS = "…"


def estimate_width(text: str, size: float, bold: bool) -> float:
    """Width in points of `text` in DejaVu Sans, estimated on the wide side."""
    em = 0.0
    for ch in text:
        if ch in " il.,:;'|!()[]{}/-·":
            em += 0.36
        elif ch in "MW%mw…–—":
            em += 0.98
        elif ch.isupper() or ch.isdigit():
            em += 0.72
        else:
            em += 0.62
    return em * size * (1.1 if bold else 1.0)


def fits(text: str, width: float, size: float, bold: bool, measure: Measure) -> bool:
    return measure(text, size, bold) <= width * 72


def ellipsize(text: str, width: float, size: float, bold: bool, measure: Measure) -> str:
    """`text`, cut with an ellipsis so that it fits `width` inches."""
    if fits(text, width, size, bold, measure):
        return text
    return _cut(text, width, size, bold, measure)


def _cut(text: str, width: float, size: float, bold: bool, measure: Measure) -> str:
    """`text` shortened until it fits `width` with an ellipsis after it."""
    stripped = text.rstrip(" ,.;:-·")
    keep = _longest_fitting(stripped, ELLIPSIS, width, size, bold, measure)
    cut = stripped[:keep]
    while cut and not fits(cut.rstrip(" ,.;:-·") + ELLIPSIS, width, size, bold, measure):
        cut = cut[:-1]
    return cut.rstrip(" ,.;:-·") + ELLIPSIS


def _longest_fitting(
    text: str, suffix: str, width: float, size: float, bold: bool, measure: Measure
) -> int:
    """The largest n (0..len(text)) with `text[:n] + suffix` fitting `width`: a binary search, as a
    text's width grows with its length (a text of 32,767 characters, Excel's most, without
    a space would otherwise be measured thousands of times over)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + suffix, width, size, bold, measure):
            low = middle
        else:
            high = middle - 1
    return low


def wrap(
    text: str, width: float, size: float, bold: bool, max_lines: int, measure: Measure
) -> list[str]:
    """Greedy word wrap into at most `max_lines`; the last line ends in … when cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if len(lines) > max_lines:
            break  # more than fits already: the rest is never shown
        candidate = f"{current} {word}" if current else word
        if fits(candidate, width, size, bold, measure):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while (
            len(lines) <= max_lines
            and len(current) > 1
            and not fits(current, width, size, bold, measure)
        ):
            # A word wider than the box: break it where it stops fitting.
            cut = max(1, _longest_fitting(current, "", width, size, bold, measure))
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = _cut(kept[-1], width, size, bold, measure)
        return kept
    return lines
