"""Where a card's term may break, and the one wrapping every card format uses.

A term breaks at a space, after a hyphen it has, or inside a word at a syllable break from a
real hyphenation dictionary (pyphen's de_DE and en_US, from LibreOffice), where a visible hyphen
is added. Never between arbitrary letters: a fragment that is still too wide is the caller's to
shrink (PDF, HTML) or to widen the column for (terminal). Among the breaks that fit, a break after
an existing hyphen beats a compound boundary (Kunden-|zentrierung: a stem the lexicon knows, or
German's linking -ungs/-heits/...), which beats any other syllable break (Kundenzen-|trierung).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

SOFT_HYPHEN = "\u00ad"
DICTIONARIES = {"de": "de_DE", "en": "en_US"}
# A syllable break right after these is a compound boundary: the linking s only follows them there.
_LINKED = ("ungs", "heits", "keits", "schafts", "ions", "täts", "ings", "tums", "lings")
SHARED = 3  # different continuations of an opening in the lexicon's words that make it a compound part
_LINKING = ("", "s", "n", "en", "es", "er")  # Kunde|n|..., Arbeit|s|...: what may join a stem to the next


@dataclass(frozen=True)
class Break:
    """A place inside a word where a line may end: after `at` characters, with a hyphen to add or not."""

    at: int
    hyphen: bool  # True: the line shows an added "-"; False: the word already has one there
    rank: int  # 2 after an existing hyphen, 1 at a compound boundary, 0 at another syllable break


@functools.cache
def _dictionary(lang: str) -> object:
    import pyphen

    return pyphen.Pyphen(lang=DICTIONARIES.get(lang, "de_DE"), left=2, right=3)


@functools.cache
def known_stems(lang: str) -> frozenset[str]:
    """Compound parts the shipped lexicon knows in `lang` (lower case): its single words, and the syllable-aligned
    openings that several of its words share with different continuations (kunden- of Kundenzentrierung,
    Kundenbindung ...; not kundenbezie-, which is always -hung). Shared endings are not counted: those
    are mostly suffixes (-ierung, -keit), not parts."""
    from bingo.errors import BingoError
    from bingo.lexicon import load_lexicon

    try:
        lexicon = load_lexicon()
    except BingoError:  # a broken cache or lexicon must not stop a card from printing: no stems then
        return frozenset()
    words = {word.lower() for entry in lexicon.for_lang(lang) for surface in entry.surfaces
             for word in surface.replace("-", " ").split() if len(word) >= 4 and word.isalpha()}
    seen: dict[str, set[str]] = {}
    hyphenate = _dictionary(lang)
    for word in words:
        if len(word) >= 8:  # shorter words are no compounds worth learning openings from
            for at in hyphenate.positions(word):  # type: ignore[attr-defined]  # pyphen is untyped
                if at >= 4 and len(word) - at >= 4:
                    seen.setdefault(word[:at], set()).add(word[at:at + 3])
    return frozenset(words | {part for part, users in seen.items() if len(users) >= SHARED})


def _compound_boundary(word: str, at: int, stems: frozenset[str]) -> bool:
    """True when `word` is two parts at `at`: a stem (and linking letters) before, or a known stem after."""
    left, right = word[:at].lower(), word[at:].lower()
    if left.endswith(_LINKED) or right in stems:
        return True
    return any(left.endswith(link) and left[:len(left) - len(link)] in stems for link in _LINKING)


@functools.lru_cache(maxsize=8192)  # cards repeat their terms: a deck of 1,000 cards has a few hundred words
def breaks(word: str, lang: str, stems: frozenset[str] = frozenset()) -> tuple[Break, ...]:
    """Every place a word (no spaces) may break, left to right."""
    out: list[Break] = []
    start = 0
    for part in word.split("-"):
        end = start + len(part)
        if part.isalpha() and len(part) >= 5:
            positions = _dictionary(lang).positions(part)  # type: ignore[attr-defined]  # pyphen is untyped
            out += [Break(start + p, True, 1 if _compound_boundary(part, p, stems) else 0) for p in positions]
        if end < len(word) and end > 0:
            out.append(Break(end + 1, False, 2))  # after the hyphen the word already has
        start = end + 1
    return tuple(out)


def soft_hyphenated(text: str, lang: str, stems: frozenset[str] = frozenset()) -> str:
    """The text with a soft hyphen at each syllable break (for HTML with `hyphens: manual`)."""
    words = []
    for word in text.split(" "):
        cuts = [b.at for b in breaks(word, lang, stems) if b.hyphen]
        words.append("".join(word[a:b] + (SOFT_HYPHEN if b in cuts else "")
                             for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)))
    return " ".join(words)


def soft_hyphens_at(text: str, lines: Sequence[str]) -> str:
    """The text with a soft hyphen where `lines` (wrapped from it) break a word with an added hyphen."""
    out, pos = [], 0
    words = " ".join(text.split())
    for line in lines:
        added = line.endswith("-") and not words.startswith(line, pos)
        body = line[:-1] if added else line
        out.append(body + (SOFT_HYPHEN if added else ""))
        pos += len(body)
        if words[pos:pos + 1] == " ":
            out.append(" ")
            pos += 1
    return "".join(out) + words[pos:]


def wrap(text: str, fits: Callable[[str], bool], lang: str, stems: Iterable[str] | None = None,
         breaks_of: Callable[[str], tuple[Break, ...]] | None = None) -> list[str]:
    """Greedy lines for `text`, each one `fits`, breaking words only at `breaks` (best rank first).

    A word that fits on a line of its own is moved there whole; one that does not is broken at the
    best-ranked break that still fits (the longest such), again and again. A fragment that does not
    fit even alone stays one (too wide) line: the caller shrinks the text or widens the cell.
    `breaks_of` gives a word's breaks instead of `breaks` (the scan report's cached ones).
    """
    # the stems only when a word must break: most terms fit, and learning them costs a second
    known = functools.cache(lambda: known_stems(lang) if stems is None else frozenset(stems))
    of = breaks_of or (lambda word: breaks(word, lang, known()))
    lines: list[str] = []
    for word in text.split():
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] += f" {word}"
            continue
        if not fits(word) and lines:  # too long for a line of its own: start it on the line before
            cut = _best_cut(word, f"{lines[-1]} ", fits, of)
            if cut is not None:
                lines[-1] += f" {word[:cut.at]}" + ("-" if cut.hyphen else "")
                word = word[cut.at:]
        while not fits(word):
            cut = _best_cut(word, "", fits, of)
            if cut is None:
                break
            lines.append(word[:cut.at] + ("-" if cut.hyphen else ""))
            word = word[cut.at:]
        lines.append(word)
    return lines or [""]


def _best_cut(word: str, prefix: str, fits: Callable[[str], bool],
              breaks_of: Callable[[str], tuple[Break, ...]]) -> Break | None:
    """The break of `word` whose head fits after `prefix`: highest rank, then the longest head."""
    usable = [b for b in breaks_of(word) if fits(prefix + word[:b.at] + ("-" if b.hyphen else ""))]
    if not usable:
        return None
    # A good compound boundary should not lose to a syllable break that only fills the line better,
    # but a stub (Kun-, -sel) is not worth it: rank decides among breaks leaving 4 letters either side.
    return max(usable, key=lambda b: (b.rank if b.rank == 2 or min(b.at, len(word) - b.at) >= 4 else -1, b.at))


@functools.lru_cache(maxsize=4096)  # the terminal renders each card twice (measure, draw); decks repeat terms
def wrap_chars(text: str, width: int, lang: str) -> tuple[str, ...]:
    """`wrap` for monospaced formats: lines of at most `width` characters where the breaks allow."""
    return tuple(wrap(text, lambda line: len(line) <= width, lang))
