"""Peak memory of this process, for the kompilasi timings and the benchmark.

`resource` exists on Linux and macOS only; on Windows the peak is not measured (0.0).
"""

from __future__ import annotations

import sys


def peak_rss_mb() -> float:
    """The largest resident set this process has had, in MiB (0.0 where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024  # bytes on macOS
