"""Check a lexicon beyond its schema: examples, collisions, tokenisation and order.

`bingo lexicon validate` and the test-suite call `check` so they can never disagree.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from bingo import nlp
from bingo.errors import LexiconError, located
from bingo.lexicon import Entry, Lexicon, load_lexicon
from bingo.scanner import Scanner


def check_examples(scanner: Scanner) -> list[str]:
    """Every `match` example hits its entry and no `no_match` example does, in each of its languages."""
    problems: list[str] = []
    for entry in sorted(scanner.lexicon.entries.values(), key=lambda e: (e.file, e.line)):
        for lang in entry.langs:
            matcher = scanner.matcher(lang)
            for text in entry.match_examples:
                if not any(m.id == entry.id for m in matcher.match(text)[1]):
                    problems.append(located(entry.file, entry.line,
                                            f"{entry.id} ({lang}): example does not match: {text!r}"))
            for text in entry.no_match_examples:
                if any(m.id == entry.id for m in matcher.match(text)[1]):
                    problems.append(located(entry.file, entry.line,
                                            f"{entry.id} ({lang}): non-example matches: {text!r}"))
    return problems


def check_collisions(scanner: Scanner) -> list[str]:
    """No two entries may produce the same token pattern, and every entry has at least one."""
    problems: list[str] = []
    entries = scanner.lexicon.entries
    for lang in ("de", "en"):
        owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        patterns = scanner.matcher(lang).compiled.patterns
        for entry in scanner.lexicon.for_lang(lang):
            token_lists = patterns.get(entry.id, [])
            if not token_lists:
                problems.append(located(entry.file, entry.line,
                                        f"{entry.id} ({lang}): term and variants produce no tokens"))
            for tokens in token_lists:
                owners[tuple(tokens)].add(entry.id)
        for pattern, ids in sorted(owners.items()):
            if len(ids) > 1:
                first = min(ids, key=lambda i: (entries[i].file, entries[i].line))
                others = ", ".join(sorted(ids - {first}))
                problems.append(located(entries[first].file, entries[first].line,
                                        f"{first} ({lang}): '{' '.join(pattern)}' is also matched by {others}"))
    return problems


def check_near_duplicates(scanner: Scanner) -> list[str]:
    """Near-duplicates: two entries with a spelling that is the same word for word once inflection is undone.

    Exact collisions are `check_collisions`' business; this catches the pair that only differs
    by an ending (`Kundenerlebnis` and `Kundenerlebnisse` as two entries), so that 600+ entries
    stay one entry per concept.
    """
    problems: list[str] = []
    entries = scanner.lexicon.entries
    for lang in ("de", "en"):
        lemmas = {form.lower(): lemma.lower() for form, lemma in nlp.lemma_table(lang).items()}
        owners: dict[tuple[str, ...], dict[str, set[tuple[str, ...]]]] = defaultdict(dict)
        for key, token_lists in scanner.matcher(lang).compiled.patterns.items():
            if key in entries:
                for tokens in token_lists:
                    lemma_key = tuple(_base(t, lemmas) for t in tokens)
                    owners[lemma_key].setdefault(key, set()).add(tuple(tokens))
        reported: set[frozenset[str]] = set()
        for lemma_key, spellings in sorted(owners.items()):
            ids, pair = sorted(spellings), frozenset(spellings)
            exact = len(ids) > 1 and set.intersection(*spellings.values())  # reported by check_collisions
            if len(ids) > 1 and not exact and pair not in reported:
                reported.add(pair)
                first, *others = sorted(ids, key=lambda i: (entries[i].file, entries[i].line))
                problems.append(located(entries[first].file, entries[first].line,
                                        f"{first} ({lang}): '{' '.join(lemma_key)}' (uninflected) is also a spelling "
                                        f"of {', '.join(others)}: merge them or drop one"))
    return problems


def _base(word: str, lemmas: dict[str, str]) -> str:
    """A word's lemma, or for an unknown compound its known head's lemma (kundenerlebnisse -> kundenerlebnis)."""
    if word in lemmas:
        return lemmas[word]
    for cut in range(1, len(word) - 3):
        if word[cut:] in lemmas:
            return word[:cut] + lemmas[word[cut:]]
    return word


def check_order(lexicon: Lexicon) -> list[str]:
    """Entries are sorted by id within each file, so diffs stay small and duplicates visible."""
    problems: list[str] = []
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in lexicon.entries.values():
        by_file[entry.file].append(entry)
    for file, entries in sorted(by_file.items()):
        entries.sort(key=lambda e: e.line)
        for before, after in itertools.pairwise(entries):
            if after.id < before.id:
                message = f"{after.id} is out of order (entries are sorted by id; it follows {before.id})"
                problems.append(located(file, after.line, message))
    return problems


def check(extra: Iterable[Path] = (), *, builtin: bool = True, use_cache: bool = False) -> Lexicon:
    """Load and fully check a lexicon; raise LexiconError listing every problem."""
    lexicon = load_lexicon(list(extra), builtin=builtin, use_cache=use_cache)
    scanner = Scanner(lexicon=lexicon, use_cache=use_cache)
    problems = [*check_order(lexicon), *check_collisions(scanner), *check_near_duplicates(scanner),
                *check_examples(scanner)]
    if problems:
        raise LexiconError(problems)
    return lexicon



