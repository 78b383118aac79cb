"""xlkinerja: Excel as the interface, Python behind it, for the SAKIP performance cycle."""

from xlkinerja.core.version import VERSION as __version__
from xlkinerja.domain.capaian import Capaian, capaian

__all__ = ["Capaian", "__version__", "capaian"]
