"""xlkinerja: Excel as the interface, Python behind it, for the SAKIP performance cycle."""

__version__ = "0.1.0"
