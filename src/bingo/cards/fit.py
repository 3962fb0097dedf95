"""One font size per card: the largest at which every term, hyphenated by `wrap`, fits its square.

Used by the PDF (points) and the HTML cards (a unit relative to the grid's width), with reportlab's
font metrics: Helvetica's widths are Arial's and Liberation Sans', the fonts a browser picks for the
HTML cards. A term that fits only well below the others (an unbreakable 30-letter word) is shrunk on
its own instead of shrinking the whole card; the others stay within RANGE of the card's smallest size.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bingo.cards.wrap import wrap

LEADING = 1.18  # line height as a multiple of the font size
RANGE = 1.25  # the largest term of a card at most this much bigger than its smallest
WHOLE_WORDS = 0.8  # a term keeps its words whole if that costs at most a fifth of its size
STEP = 0.25  # font sizes are multiples of this: stable output, few trials
Measure = Callable[[str, str, float], float]  # (text, font, size) -> width


@dataclass(frozen=True)
class Fitted:
    """A term laid out in its square: font size and the lines to draw."""

    text: str
    font: str
    size: float
    lines: tuple[str, ...]

    def width(self, measure: Measure) -> float:
        """The widest line's width."""
        return max(measure(line, self.font, self.size) for line in self.lines)

    def height(self) -> float:
        """The height of the lines."""
        return len(self.lines) * self.size * LEADING


def reportlab_width(text: str, font: str, size: float) -> float:
    """reportlab's width of `text` (the PDF's registered fonts, or its standard ones)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


@functools.lru_cache(maxsize=16384)  # a deck repeats its terms at the same few sizes
def _lines(text: str, font: str, size: float, width: float, lang: str, measure: Measure) -> tuple[str, ...]:
    return tuple(wrap(text, lambda line: measure(line, font, size) <= width, lang))


def _fits(fitted: Fitted, width: float, height: float, measure: Measure) -> bool:
    return fitted.width(measure) <= width and fitted.height() <= height


@functools.lru_cache(maxsize=4096)
def _best(text: str, font: str, box: tuple[float, float], sizes: tuple[float, float], lang: str,
          measure: Measure) -> Fitted:
    """The largest size from `sizes` (low, high) at which the term fits, else the smallest that fits below."""
    width, height = box
    low, high = sizes

    def at(size: float) -> Fitted:
        return Fitted(text, font, size, _lines(text, font, size, width, lang, measure))
    steps = int((high - low) / STEP)
    if not _fits(at(low), width, height, measure):
        size = low - STEP  # shrink only this term, as far as it must (an unbreakable word), to 2 units at least
        while size > 2 and not _fits(at(size), width, height, measure):
            size -= STEP
        return at(max(size, 2))
    best = _largest(lambda size: _fits(at(size), width, height, measure), low, steps)
    # A hyphen costs more than a little size: take the largest size without one when it is close (resi-|lience).
    whole = _largest(lambda size: _fits(at(size), width, height, measure) and not _hyphenated(at(size)), low, steps)
    return at(whole if whole >= best * WHOLE_WORDS else best)


def _largest(good: Callable[[float], bool], low: float, steps: int) -> float:
    """The largest `low + n * STEP` (n <= steps) that is `good`, by binary search (`low` itself if none is)."""
    lo, hi = 0, steps  # wrapping is monotone enough: what fits at a size fits at the smaller ones
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if good(low + mid * STEP):
            lo = mid
        else:
            hi = mid - 1
    return low + lo * STEP


def _hyphenated(fitted: Fitted) -> bool:
    """True when a line ends in a hyphen the term does not have there (a word broken)."""
    words = " ".join(fitted.text.split())
    pos = 0
    for line in fitted.lines[:-1]:
        if not words.startswith(line, pos):
            return True  # only an added hyphen makes a line differ from the term
        pos += len(line)
        pos += words[pos:pos + 1] == " "
    return False


def fit_card(terms: Sequence[tuple[str, str]], width: float, height: float, sizes: tuple[float, float], lang: str,
             measure: Measure = reportlab_width) -> list[Fitted]:
    """(text, font) of each square laid out in a width x height box: sizes within RANGE of one another.

    `sizes` is (smallest, largest) for the card; a term that does not fit at the smallest gets its own,
    smaller size (and is the only one that does).
    """
    best = [_best(text, font, (width, height), sizes, lang, measure) for text, font in terms]
    normal = [f.size for f in best if f.size >= sizes[0]]
    ceiling = min(normal, default=sizes[0]) * RANGE
    out = []
    for fitted in best:
        size = min(fitted.size, _step(ceiling))
        out.append(fitted if size == fitted.size else
                   Fitted(fitted.text, fitted.font, size,
                          _lines(fitted.text, fitted.font, size, width, lang, measure)))
    return out


def _step(size: float) -> float:
    """`size` rounded down to a multiple of STEP."""
    return int(size / STEP) * STEP
