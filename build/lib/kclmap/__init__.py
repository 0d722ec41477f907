"""The ``kclmap`` command line: the layer on top of ``gazetteer``, ``geo`` and ``maps``."""

__all__ = ["__version__"]

__version__ = "0.1.0"
