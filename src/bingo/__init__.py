"""bingo: find CX and corporate jargon in German and English text and make it visible."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Scanner", "__version__", "scan_text"]

if TYPE_CHECKING:
    from bingo.scanner import Scanner, scan_text


def __getattr__(name: str) -> Any:
    """Import the public API lazily, so that `import bingo` stays cheap."""
    if name in ("Scanner", "scan_text"):
        from bingo import scanner

        return getattr(scanner, name)
    raise AttributeError(f"module 'bingo' has no attribute {name!r}")
