"""Expand lexicon terms into their inflected surface forms, once per lexicon.

Matching then needs no lemmatizer at scan time: the lookup tables are inverted (lemma -> forms)
when the lexicon is compiled, and the result is cached.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping

from bingo.lexicon import Entry

# Words that a German noun phrase's head ends with, and the endings they take.
_DE_NOUN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nis", ("se", "ses", "sen")),
    ("ismus", ()),
    ("ung", ("en",)), ("heit", ("en",)), ("keit", ("en",)), ("schaft", ("en",)), ("ion", ("en",)),
    ("tät", ("en",)), ("enz", ("en",)), ("anz", ("en",)), ("ik", ("en",)), ("ur", ("en",)),
    ("e", ("n",)), ("el", ("n", "s")), ("er", ("n", "s")),
)
_DE_ADJ_ENDINGS = (
    "ig", "lich", "isch", "iv", "al", "bar", "los", "haft", "nd", "ell", "ant", "ent", "gil",
    "iert", "är",                    "ös", "sam"
)
_DE_ADJ_SUFFIXES = ("e", "en", "er", "es", "em")
# Words in an inflect-all phrase that do not decline (kostenlos und unverbindlich).
_DE_FUNCTION_WORDS = frozenset([
    "und", "oder", "aber", "sowie", "als", "wie", "so", "zu", "zum", "zur", "im", "in", "am", "an",
    "auf", "aus", "bei", "mit", "von", "vom", "für", "nach", "über", "unter", "vor", "durch",
    "ohne", "um", "bis", "ganz", "sehr", "noch", "nicht", "nur", "auch", "super", "mega", "total",
    "richtig", "echt", "wirklich", "unglaublich", "wahnsinnig", "besonders", "äußerst", "extrem",
    "absolut", "immer", "stets", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
    "einem", "einer", "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines", "unser",
    "unsere", "unseren", "unserem", "unserer", "ihr", "ihre", "ihren", "ihrem", "ihrer", "mein",
    "meine", "dein", "deine", "sein", "seine", "euer", "eure", "jede", "jeder", "jedes", "jeden"
])
# German heads after which a compound takes the linking -s (Kundenzentrierung-s-strategie).
_WORD_SPLIT = re.compile(r"(?<=[^\W_])-(?=[^\W_])| +")
MAX_FORMS_PER_SURFACE = 400


def invert(table: Mapping[str, str]) -> dict[str, set[str]]:
    """Invert a form -> lemma lookup table into lowercase lemma -> lowercase forms."""
    inverted: dict[str, set[str]] = defaultdict(set)
    for form, lemma in table.items():
        inverted[lemma.lower()].add(form.lower())
    return inverted


def rule_forms(word: str, lang: str) -> set[str]:
    """Forms made by regular endings, for words the lookup table does not know."""
    forms = {word}
    if lang == "en":
        if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("s", "x", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
        return forms
    if word.endswith(_DE_ADJ_ENDINGS):
        forms.update(word + suffix for suffix in _DE_ADJ_SUFFIXES)
    for ending, suffixes in _DE_NOUN_RULES:
        if word.endswith(ending):
            forms.update(word + suffix for suffix in suffixes)
            if ending == "ismus":
                forms.add(word[: -len("us")] + "en")
            break
    else:
        forms.update((word + "e", word + "en", word + "es"))  # Prozess-e, Prozess-en, Dorf-es
        if not word.endswith(("s", "x", "z", "ß")):
            forms.add(word + "s")
    return forms


def word_forms(word: str, lang: str, lemmas: Mapping[str, str], inverted: Mapping[str, set[str]]) -> set[str]:
    """All lowercase surface forms of one word: table forms of its lemma, or of its compound head, plus rules."""
    low = word.lower()
    if not any(ch.isalpha() for ch in low):
        return {low}
    lemma = (lemmas.get(word) or lemmas.get(low) or lemmas.get(word.capitalize()) or low).lower()
    forms = set(inverted.get(lemma, ())) | {low, lemma}
    if len(forms) <= 2 and len(low) > 6:
        # An unknown German compound: inflect its longest known head (Kunden|erlebnis).
        for cut in range(1, len(low) - 3):
            head = low[cut:]
            if head in inverted and len(inverted[head]) > 1:
                forms |= {low[:cut] + form for form in inverted[head] if form.startswith(head[:2])}
                break
    return forms | rule_forms(low, lang)


def declension(word: str, lang: str) -> tuple[str, set[str]]:
    """A German adjective before the head of an inflect-all phrase: its base and its declined forms.

    Other words (English ones, capitalised German ones that are part of a name such as Customer
    Journey, function words) are their own base with no other forms.
    """
    low = word.lower()
    if lang != "de" or word[:1].isupper() or not low.isalpha() or low in _DE_FUNCTION_WORDS:
        return low, set()
    # The word may be written declined already (unermüdlicher Einsatz): decline its base instead,
    # and where the base is not plainly an adjective (rot|er, sauber), the word as written too.
    stems = {low}
    for suffix in sorted(_DE_ADJ_SUFFIXES, key=len, reverse=True):
        base = low[:-len(suffix)]
        if low.endswith(suffix) and len(base) >= 3:
            stems = {base} if base.endswith(_DE_ADJ_ENDINGS) else {low, base}
            break
    return min(stems, key=len), {low} | {stem + suffix for stem in stems for suffix in ("", *_DE_ADJ_SUFFIXES)}


def declension_norms(entry: Entry, lang: str) -> dict[str, str]:
    """Declined form -> base for the adjectives of an inflect-all entry (the matcher compares these norms).

    Matching `nahtlose`, `nahtlosen`, `nahtloses` … by one norm instead of one spelling each keeps
    an adjective + noun phrase at one pattern per noun form: expanding every declined adjective
    made the German lexicon 84,000 patterns and half of every start-up.
    """
    if entry.inflect != "all" or lang != "de":
        return {}
    norms: dict[str, str] = {}
    for surface in entry.surfaces:
        for word in split_words(surface)[:-1]:
            base, declined = declension(word, lang)
            norms.update(dict.fromkeys(declined, base))
    return norms


def split_words(surface: str) -> list[str]:
    """Split a surface on spaces and on hyphens between letters (the separators are varied later)."""
    return [w for w in _WORD_SPLIT.split(surface.strip()) if w]


def surface_forms(surface: str, entry: Entry, lang: str, lemmas: Mapping[str, str],
                  inverted: Mapping[str, set[str]]) -> set[str]:
    """All spellings of one term or variant, inflected per `entry.inflect`, its words joined by spaces.

    Hyphens need no spellings of their own: the matcher reads a hyphen between letters as a space
    (see `normalise.collapse`), so `Customer-Journeys` matches the spelling `customer journeys`.
    """
    words = split_words(surface)
    if entry.inflect == "none" or entry.category in ("acronym", "hashtag"):
        options = [[w.lower()] for w in words]
    elif entry.inflect == "all":
        last = sorted(word_forms(words[-1], lang, lemmas, inverted))
        options = [[declension(w, lang)[0]] for w in words[:-1]] + [last]
    else:
        options = [[w.lower()] for w in words[:-1]] + [sorted(word_forms(words[-1], lang, lemmas, inverted))]
    out = {" ".join(w.lower() for w in words)}  # the written form survives the cap below
    out.update(" ".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_FORMS_PER_SURFACE))
    return out
