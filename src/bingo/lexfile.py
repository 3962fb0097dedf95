"""Read one lexicon YAML file: its entries validated by the schema, its house cards checked, problems at FILE:LINE."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bingo.entry import LANGS, Entry
from bingo.errors import LexiconError, located
from bingo.grid import HOUSE_TERMS
from bingo.quoting import clipped, shown
from bingo.schema import build_entry

if TYPE_CHECKING:
    import yaml


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
    """Read a YAML file as data and as a node tree (for line numbers)."""
    from bingo import yamlfile  # lazily: a cached lexicon needs no parsing

    return yamlfile.parse(path, LexiconError)


def _lines(node: yaml.Node | None) -> list[tuple[int, dict[str, int]]]:
    """For each item of the `entries` sequence: its line and the line of each of its keys."""
    import yaml

    from bingo.yamlfile import key_lines

    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            out = []
            for item in value.value:
                keys = key_lines(item)
                out.append((item.start_mark.line + 1, keys))
            return out
    return []


def load_file(path: Path) -> list[Entry]:
    """Load and validate one lexicon file; raise LexiconError listing every problem."""
    return parsed(path)[0]


def parsed(path: Path) -> tuple[list[Entry], dict[str, Any]]:
    """One file's validated entries and its raw data (parsed once)."""
    data, node = _parse(path)
    name = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list) or not (
            "entries" in data or "house_cards" in data):
        raise LexiconError([located(name, 1, "a lexicon file must be a mapping with an 'entries' list")])
    unknown = set(data) - {"entries", "description", "version", "house_cards"}
    if unknown:
        listed = clipped(", ".join(sorted(map(str, unknown))), 200)
        raise LexiconError([located(name, 1, f"unknown top-level key(s): {listed}")])
    problems: list[str] = []
    lines = _lines(node)
    entries = []
    for index, raw in enumerate(data.get("entries", [])):
        line, keys = lines[index] if index < len(lines) else (1, {})
        entry = build_entry(raw, name, line, keys, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise LexiconError(problems)
    return entries, data


def house_cards(name: str, data: Mapping[str, Any], known: Mapping[str, Entry]) -> dict[str, tuple[str, ...]]:
    """The `house_cards` of a file (if any): 24 entry ids per language for the default card."""
    cards = data.get("house_cards")
    if cards is None:
        return {}
    if not isinstance(cards, dict):
        raise LexiconError([located(name, None, "'house_cards' must map de/en to lists of 24 entry ids")])
    problems = []
    out: dict[str, tuple[str, ...]] = {}
    for lang, ids in cards.items():
        if not (isinstance(lang, str) and lang in LANGS and isinstance(ids, list)
                and all(isinstance(i, str) for i in ids)):
            problems.append(located(name, None, f"house card {shown(lang)}: expected de or en with a list of ids"))
            continue
        unknown = [i for i in ids if i not in known]
        if unknown:
            problems.append(located(name, None, f"house card {lang}: unknown ids for {lang}: "
                                                f"{clipped(', '.join(unknown), 200)}"))
        for ident in ids:  # known, but a later file narrowed its languages: that file is to blame
            if ident in known and lang not in known[ident].langs:
                entry = known[ident]
                file, line = (entry.file, entry.line) if entry.file != name else (name, None)
                problems.append(located(file, line, f"entry '{ident}' is on the {lang} house card ({Path(name).name}) "
                                                f"and must keep applying to {lang}"))
        if len(set(ids)) != HOUSE_TERMS or len(ids) != HOUSE_TERMS:
            problems.append(located(name, None, f"house card {lang}: needs {HOUSE_TERMS} distinct ids, has {len(ids)}"))
        out[lang] = tuple(ids)
    if problems:
        raise LexiconError(problems)
    return out
