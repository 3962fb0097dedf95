"""bingo: find CX and corporate jargon in German and English text and make it visible."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bingo.version import __version__

__all__ = ["Scanner", "__version__", "scan_text"]

if TYPE_CHECKING:
    from bingo.api import scan_text
    from bingo.scanner import Scanner


def __getattr__(name: str) -> Any:
    """Import the public API lazily, so that `import bingo` stays cheap."""
    if name == "Scanner":
        from bingo.scanner import Scanner

        return Scanner
    if name == "scan_text":
        from bingo.api import scan_text

        return scan_text
    raise AttributeError(f"module 'bingo' has no attribute {name!r}")
