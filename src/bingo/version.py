"""The version of bingo (its own module, so that code needing it does not import the package's API)."""

__version__ = "0.1.0"
