"""Guess whether a text is German or English from the share of each language's stop words.

Only function words count, so English loanwords inside German CX copy ("Customer Journey
optimieren") do not flip the decision. Ties fall back to German-looking letters and endings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bingo import nlp

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_GERMAN_LETTERS = re.compile(r"[äöüÄÖÜß]")
_GERMAN_ENDINGS = ("en", "ung", "heit", "keit", "lich", "isch", "chen", "sch")
_ENGLISH_ENDINGS = ("ing", "tion", "ly", "ed", "ness", "ship", "ies", "age", "ity", "ful", "ous")


def scores(text: str) -> dict[str, float]:
    """Evidence for each language: stop words unique to it, plus a small tie-breaker."""
    de_stop, en_stop = nlp.stop_words("de"), nlp.stop_words("en")
    words = [w.lower() for w in _WORD.findall(text)]
    result = {"de": 0.0, "en": 0.0}
    for word in words:
        in_de, in_en = word in de_stop, word in en_stop
        if in_de and not in_en:
            result["de"] += 1
        elif in_en and not in_de:
            result["en"] += 1
    if result["de"] == result["en"]:
        result["de"] += 0.5 * len(_GERMAN_LETTERS.findall(text))
        result["de"] += 0.1 * sum(w.endswith(_GERMAN_ENDINGS) for w in words)
        result["en"] += 0.1 * sum(w.endswith(_ENGLISH_ENDINGS) for w in words)
    return result


def detect(texts: Iterable[str], default: str = "de") -> str:
    """'de' or 'en' for a sample of a document (`default` when there is no evidence at all)."""
    evidence = scores("\n".join(texts))
    if evidence["de"] == evidence["en"]:
        return default
    return max(evidence, key=lambda lang: evidence[lang])
