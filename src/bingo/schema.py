"""The lexicon entry schema: turn one raw YAML mapping into a validated `Entry`, or problems at FILE:LINE."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from bingo.entry import (
    CATEGORIES,
    COMPOUND_MODES,
    ENTRY_LANGS,
    ID_RE,
    INFLECT_MODES,
    KNOWN,
    LANGS,
    LEVELS,
    MAX_SLOT_COMBINATIONS,
    REQUIRED,
    Apart,
    Context,
    Entry,
)
from bingo.errors import located
from bingo.quoting import clipped, shown


def _text_map(value: Any, lang: str, name: str) -> tuple[dict[str, str], str | None]:
    """Normalise a message/alternative to {lang: text}; return an error text when malformed."""
    if isinstance(value, str) and value.strip():
        langs = LANGS if lang == "both" else (lang,)
        return {code: value.strip() for code in langs}, None
    if isinstance(value, dict) and value and all(
        k in LANGS and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        return {k: v.strip() for k, v in value.items()}, None
    return {}, f"'{name}' must be a non-empty string or a mapping of de/en to strings"


def _str_list(value: Any) -> tuple[str, ...] | None:
    """A list of non-empty strings as a tuple, or None when the value is not one."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def build_entry(raw: Any, path: str, line: int, keys: dict[str, int], problems: list[str]) -> Entry | None:
    """Validate one raw entry mapping; append problems and return None when it is unusable."""
    def bad(key: str | None, message: str) -> None:
        problems.append(located(path, keys.get(key, line) if key else line, message))

    if not isinstance(raw, dict):
        bad(None, "entry must be a mapping")
        return None
    start = len(problems)
    for key in REQUIRED:
        if key not in raw:
            named = raw.get("id", "?")
            bad(None, f"entry {named if isinstance(named, str) and len(named) <= 60 else shown(named)}: "
                      f"missing required field '{key}'")
    for key in raw:
        if key not in KNOWN:
            bad(key, f"unknown field '{clipped(str(key))}'")
    ident = raw.get("id")
    if "id" in raw and not (isinstance(ident, str) and ID_RE.match(ident)):
        bad("id", f"id {shown(ident)} must be lowercase letters, digits and single hyphens")
    term = raw.get("term")
    if "term" in raw and not (isinstance(term, str) and term.strip()):
        bad("term", "'term' must be a non-empty string")
    lang = raw.get("lang")
    if "lang" in raw and not (isinstance(lang, str) and lang in ENTRY_LANGS):
        bad("lang", f"lang {shown(lang)} must be one of {', '.join(ENTRY_LANGS)}")
    category = raw.get("category")
    if "category" in raw and not (isinstance(category, str) and category in CATEGORIES):
        bad("category", f"unknown category {shown(category)} (known: {', '.join(CATEGORIES)})")
    weight = raw.get("weight")
    if "weight" in raw and (isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 5):
        bad("weight", f"weight {shown(weight)} must be a number above 0 and at most 5")
    level = raw.get("level", "warning")
    if not (isinstance(level, str) and level in LEVELS):
        bad("level", f"level {shown(level)} must be one of {', '.join(LEVELS)}")
    compound = raw.get("compound", "none")
    # `compound: true` means any (and 1 == True, as the lookup this replaced had it); a list is no key
    if isinstance(compound, int | float) and compound in (0, 1):
        compound = "any" if compound else "none"
    if not (isinstance(compound, str) and compound in COMPOUND_MODES):
        bad("compound", f"compound {shown(compound)} must be true, false or one of {', '.join(COMPOUND_MODES)}")
    inflect = raw.get("inflect", "last")
    if not (isinstance(inflect, str) and inflect in INFLECT_MODES):
        bad("inflect", f"inflect {shown(inflect)} must be one of {', '.join(INFLECT_MODES)}")
    source = raw.get("source")
    if "source" in raw and not (isinstance(source, str) and source.strip()):
        bad("source", "'source' must be a non-empty string")
    variants = _str_list(raw.get("variants"))
    if variants is None:
        bad("variants", "'variants' must be a list of non-empty strings")
    message, err = _text_map(raw.get("message"), lang if lang in ENTRY_LANGS else "de", "message")
    if "message" in raw and err:
        bad("message", err)
    alternative: dict[str, str] = {}
    if raw.get("alternative") is not None:
        alternative, err = _text_map(raw["alternative"], lang if lang in ENTRY_LANGS else "de", "alternative")
        if err:
            bad("alternative", err)
    link = raw.get("link")
    if link is not None and not (isinstance(link, str) and link.startswith(("http://", "https://"))):
        bad("link", "'link' must be an http(s) URL")
    context = _build_context(raw.get("context"), lambda m: bad("context", m))
    slots = _build_slots(raw.get("slots"), lambda m: bad("slots", m))
    apart = _build_apart(raw.get("apart"), lambda m: bad("apart", m))
    examples = raw.get("examples")
    matches: tuple[str, ...] | None = ()
    no_matches: tuple[str, ...] | None = ()
    if "examples" in raw:
        if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
            bad("examples", "'examples' must be a mapping with 'match' and optional 'no_match' lists")
        else:
            matches = _str_list(examples.get("match"))
            no_matches = _str_list(examples.get("no_match"))
            if not matches:
                bad("examples", "'examples.match' must list at least one text that matches")
            if no_matches is None:
                bad("examples", "'examples.no_match' must be a list of texts")
    if len(problems) > start:
        return None
    # every required field was present and checked above
    assert isinstance(ident, str) and isinstance(term, str) and isinstance(lang, str)
    assert isinstance(category, str) and isinstance(weight, int | float) and isinstance(source, str)
    return Entry(
        id=ident, term=term.strip(), lang=lang, category=category, weight=float(weight),
        message=message, source=source.strip(), variants=variants or (), alternative=alternative,
        level=level, link=link, compound=compound, inflect=inflect, context=context, slots=slots, apart=apart,
        match_examples=matches or (), no_match_examples=no_matches or (), file=path, line=line,
    )


def _build_context(raw: Any, bad: Any) -> Context:
    """Validate the optional `context` mapping."""
    if raw is None:
        return Context()
    if not isinstance(raw, dict) or set(raw) - {"requires", "window", "except"}:
        bad("'context' may only have 'requires', 'window' and 'except'")
        return Context()
    requires = _str_list(raw.get("requires"))
    exceptions = _str_list(raw.get("except"))
    window = raw.get("window", 4)
    if requires is None or exceptions is None:
        bad("'context.requires' and 'context.except' must be lists of strings")
        return Context()
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 20:
        bad("'context.window' must be a whole number from 1 to 20")
        return Context()
    return Context(requires=tuple(r.lower() for r in requires), window=window, exceptions=exceptions)


def _alternatives(value: Any, empty_ok: bool) -> tuple[str, ...] | None:
    """One slot or part: a string or a list of strings (an empty string only where `empty_ok`)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        return None
    cleaned = tuple(dict.fromkeys(i.strip() for i in items))
    if (not all(cleaned) and not empty_ok) or not any(cleaned):
        return None
    return cleaned


def _build_slots(raw: Any, bad: Any) -> tuple[tuple[str, ...], ...]:
    """Validate `slots`: two or more sets of words, combined in order into the phrases the entry stands for."""
    if raw is None:
        return ()
    slots = [_alternatives(slot, empty_ok=True) for slot in raw] if isinstance(raw, list) else [None]
    if len(slots) < 2 or any(slot is None for slot in slots):
        bad("'slots' must be a list of two or more lists of words ('' makes a slot optional)")
        return ()
    combinations = 1
    for slot in slots:
        combinations *= len(slot or ())
    if combinations > MAX_SLOT_COMBINATIONS:
        bad(f"'slots' combine to {combinations} phrases (at most {MAX_SLOT_COMBINATIONS}): split the entry")
        return ()
    return tuple(slot for slot in slots if slot)


def _build_apart(raw: Any, bad: Any) -> Apart | None:
    """Validate `apart`: parts that must all occur, in order, within one sentence."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) - {"parts", "within"} or "parts" not in raw:
        bad("'apart' must be a mapping with 'parts' and optional 'within'")
        return None
    parts = [_alternatives(part, empty_ok=False) for part in raw["parts"]] if isinstance(raw["parts"], list) else [None]
    if len(parts) < 2 or any(part is None for part in parts):
        bad("'apart.parts' must list two or more parts, each a phrase or a list of phrases")
        return None
    within = raw.get("within", 4)
    if isinstance(within, bool) or not isinstance(within, int) or not 1 <= within <= 12:
        bad("'apart.within' must be a whole number from 1 to 12 (words between two parts)")
        return None
    return Apart(parts=tuple(p for p in parts if p), within=within)


ENTRY_FIELDS = frozenset(field.name for field in fields(Entry))  # the keys of a cached entry (`asdict`)


def cached_entry(data: Any) -> Entry:
    """Rebuild an Entry from its cached JSON form, checked by the schema exactly as a YAML entry is.

    The cache may hold anything (see `bingo.cache`): a weight of 1e308 or a term that is a number
    must not get past the rules the lexicon files obey. ValueError when the form is wrong.
    """
    if not isinstance(data, dict) or set(data) != ENTRY_FIELDS:
        raise ValueError("not a cached entry")
    context, apart, line = data["context"], data["apart"], data["line"]
    if not isinstance(context, dict) or set(context) != {"requires", "window", "exceptions"} or not (
            isinstance(data["file"], str) and isinstance(line, int) and not isinstance(line, bool) and line >= 0):
        raise ValueError("not a cached entry")
    raw = {key: data[key] for key in ("id", "term", "lang", "category", "weight", "message", "source", "variants",
                                      "level", "link", "compound", "inflect")}
    raw.update(alternative=data["alternative"] or None, slots=data["slots"] or None, apart=apart,
               context={"requires": context["requires"], "window": context["window"], "except": context["exceptions"]},
               examples={"match": data["match_examples"], "no_match": data["no_match_examples"]})
    problems: list[str] = []
    entry = build_entry(raw, data["file"], line, {}, problems)
    if entry is None:
        raise ValueError(problems[0] if problems else "not a cached entry")
    return entry
