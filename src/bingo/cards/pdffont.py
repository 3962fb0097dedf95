"""The PDF's fonts: a Unicode TrueType font embedded (subset) in the file, and the characters it lacks.

reportlab's standard Helvetica is not embedded and covers WinAnsi only ("Łódź" and Cyrillic came out
wrong). DejaVu Sans (Debian's fonts-dejavu-core; .ci/run installs it) or Liberation Sans cover Latin,
Greek and Cyrillic; reportlab's own Bitstream Vera, always there, is the fallback (Latin only).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REGULAR, BOLD = "BingoSans", "BingoSans-Bold"
_SYSTEM = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
           Path("/usr/share/fonts/TTF"), Path("/usr/local/share/fonts"))
_CANDIDATES = (("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),)
_LIBERATION = (Path("/usr/share/fonts/truetype/liberation"), "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")


@dataclass(frozen=True)
class Fonts:
    """The registered regular and bold font names, their files, and the characters the regular one covers."""

    regular: str
    bold: str
    files: tuple[Path, Path]
    covered: frozenset[int]

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The characters of `texts` the font has no glyph for (sorted, each once; spaces ignored)."""
        return sorted({c for text in texts for c in text if not c.isspace() and ord(c) not in self.covered})


def font_files() -> tuple[Path, Path]:
    """The first (regular, bold) TrueType pair found: DejaVu Sans, Liberation Sans, else reportlab's Vera."""
    for folder in _SYSTEM:
        for regular, bold in _CANDIDATES:
            if (folder / regular).is_file() and (folder / bold).is_file():
                return folder / regular, folder / bold
    folder, regular, bold = _LIBERATION
    if (folder / regular).is_file() and (folder / bold).is_file():
        return folder / regular, folder / bold
    import reportlab

    shipped = Path(reportlab.__file__).parent / "fonts"
    return shipped / "Vera.ttf", shipped / "VeraBd.ttf"


@functools.cache
def pdf_fonts() -> Fonts:
    """Register the fonts with reportlab (once) and say what they cover."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = font_files()
    face = TTFont(REGULAR, str(regular))
    pdfmetrics.registerFont(face)
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    return Fonts(REGULAR, BOLD, (regular, bold), frozenset(face.face.charToGlyph))
