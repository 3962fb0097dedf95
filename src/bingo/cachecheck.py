"""Check a compiled lexicon read back from the cache before it is used: wrong shape, types or keys -> rebuild.

The cache is the user's own directory, but a document in it may be from another version, cut
short, or planted (`patterns: {}` would make every text pass `--max-score 0`). One check per field
of `bingo.compiler.CompiledLang`, in `FIELDS`: a field without a check fails every document, so a
new field is rebuilt, never used unchecked, until its one line is added here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    T = TypeVar("T", bound=DataclassInstance)
else:
    T = TypeVar("T")

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _word(value: Any) -> bool:
    """A non-empty string: a token, stem or context word."""
    return isinstance(value, str) and value != ""


def _list_of(check: Check, non_empty: bool = False) -> Check:
    return lambda value: isinstance(value, list) and (bool(value) or not non_empty) and all(map(check, value))


def _map_of(check: Check) -> Check:
    return lambda value: isinstance(value, dict) and all(_text(k) and check(v) for k, v in value.items())


def _trigger(value: Any) -> bool:
    """[margin >= 0, sides 0-3, requirements: lists of groups of non-empty strings]."""
    if not (isinstance(value, list) and len(value) == 3):
        return False
    margin, sides, needs = value
    requirement = _list_of(_list_of(_word), non_empty=True)  # groups of strings
    return (type(margin) is int and margin >= 0 and type(sides) is int and 0 <= sides <= 3
            and _list_of(requirement)(needs))


FIELDS: dict[str, Check] = {
    "lang": _text,  # and the language asked for (see `compiled`)
    "patterns": _map_of(_list_of(_list_of(_word, non_empty=True))),  # key -> token sequences
    "prefixes": _list_of(_word),
    "suffixes": _list_of(_word),
    "requires": _map_of(_list_of(_word)),
    "stops": _map_of(_list_of(_word)),
    "norms": _map_of(_text),
    "triggers": _map_of(_trigger),  # search string -> [margin, sides, requirements]
}


def compiled(cls: type[T], data: Any, lang: str, ids: Iterable[str]) -> T | None:
    """`cls(**data)` when `data` has exactly `cls`'s fields, each passing its check in FIELDS, is for
    `lang` and has patterns for every entry id in `ids`; else None (compile it again)."""
    names = [field.name for field in fields(cls)]
    if not isinstance(data, dict) or sorted(data) != sorted(names):
        return None
    if not all(name in FIELDS and FIELDS[name](data[name]) for name in names) or data["lang"] != lang:
        return None
    patterns = data["patterns"]
    if not all(patterns.get(ident) for ident in ids):  # every entry has at least its own term
        return None
    return cls(**data)
