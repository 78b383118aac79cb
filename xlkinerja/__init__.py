"""xlkinerja: Excel as the interface, Python behind it, for the SAKIP performance cycle."""

__version__ = "0.1.0"

from xlkinerja.domain.capaian import Capaian, capaian

__all__ = ["Capaian", "__version__", "capaian"]
