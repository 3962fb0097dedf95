"""Load and validate lexicon YAML files into frozen `Entry` objects, reporting problems as FILE:LINE."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bingo import cache
from bingo.errors import BingoError, LexiconError, located

LANGS = ("de", "en")
ENTRY_LANGS = ("de", "en", "both")
LEVELS = ("suggestion", "warning", "error")
COMPOUND_MODES = ("none", "prefix", "suffix", "any")
INFLECT_MODES = ("last", "all", "none")
CATEGORIES: dict[str, dict[str, str]] = {
    "acronym": {"de": "Akronym", "en": "Acronym"},
    "anglicism": {"de": "Anglizismus/Denglisch", "en": "Anglicism"},
    "method": {"de": "Methoden-Buzzword", "en": "Method buzzword"},
    "hype": {"de": "Hype-Wort", "en": "Hype word"},
    "phrase": {"de": "Floskel", "en": "Stock phrase"},
    "idiom": {"de": "Redewendung", "en": "Idiom"},
    "management": {"de": "Management-Sprech", "en": "Management speak"},
    "hashtag": {"de": "Hashtag", "en": "Hashtag"},
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "term", "lang", "category", "weight", "message", "source", "examples")
KNOWN = set(REQUIRED) | {
    "variants", "alternative", "level", "link", "compound", "inflect", "context", "tags",
}
CARD_SIZE = 24


@dataclass(frozen=True)
class Context:
    """Conditions under which an otherwise ambiguous word counts as jargon."""

    requires: tuple[str, ...] = ()
    window: int = 4
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a term, its variants and everything a report says about it."""

    id: str
    term: str
    lang: str
    category: str
    weight: float
    message: Mapping[str, str]
    source: str
    variants: tuple[str, ...] = ()
    alternative: Mapping[str, str] = field(default_factory=dict)
    level: str = "warning"
    link: str | None = None
    compound: str = "none"
    inflect: str = "last"
    context: Context = Context()
    match_examples: tuple[str, ...] = ()
    no_match_examples: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def langs(self) -> tuple[str, ...]:
        """The text languages this entry applies to."""
        return LANGS if self.lang == "both" else (self.lang,)

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The term followed by its variants."""
        return (self.term, *self.variants)

    def message_for(self, lang: str) -> str:
        """The message in the text's language, falling back to any language the entry has."""
        return self.message.get(lang) or next(iter(self.message.values()))

    def alternative_for(self, lang: str) -> str | None:
        """The plain alternative in the text's language, if there is one."""
        if not self.alternative:
            return None
        return self.alternative.get(lang) or next(iter(self.alternative.values()))

    @property
    def where(self) -> str:
        """`FILE:LINE` of the entry, for messages."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Lexicon:
    """All entries in force for a run, keyed by id, plus each language's house card."""

    entries: Mapping[str, Entry]
    house_cards: Mapping[str, tuple[str, ...]]
    files: tuple[str, ...]
    digest: str

    def adjusted(self, disable: Iterable[str] = (), disable_categories: Iterable[str] = (),
                 weights: Mapping[str, float] | None = None) -> Lexicon:
        """A copy without disabled entries or categories and with overridden weights."""
        disable, categories, weights = set(disable), set(disable_categories), dict(weights or {})
        unknown = sorted((disable | set(weights)) - set(self.entries))
        if unknown:
            raise BingoError(f"unknown entry id(s) in the configuration: {', '.join(unknown)}")
        if not (disable or categories or weights):
            return self
        entries = {
            key: replace(entry, weight=weights.get(key, entry.weight))
            for key, entry in self.entries.items() if key not in disable and entry.category not in categories
        }
        material = json.dumps([self.digest, sorted(disable), sorted(categories), sorted(weights.items())])
        return replace(self, entries=entries, digest=hashlib.sha256(material.encode()).hexdigest())

    def for_lang(self, lang: str) -> list[Entry]:
        """Entries that apply to texts in `lang`, in id order."""
        return [e for key, e in sorted(self.entries.items()) if lang in e.langs]


def builtin_dir() -> Path:
    """The directory of the shipped lexicons (inside the wheel, or the source checkout)."""
    packaged = resources.files("bingo") / "lexicons"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "lexicons"


def builtin_files() -> list[Path]:
    """The shipped lexicon files, in a stable order (cards.yaml, holding only house cards, last)."""
    return sorted(builtin_dir().glob("*.yaml"), key=lambda p: (p.name == "cards.yaml", p.name))


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
    """Read a YAML file as data and as a node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise LexiconError([located(str(path), None, "not valid UTF-8")]) from None
    except OSError as exc:
        raise LexiconError([located(str(path), None, f"cannot read: {exc.strerror}")]) from None
    try:
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexiconError([located(str(path), line, f"invalid YAML: {problem}")]) from None


def _lines(node: yaml.Node | None) -> list[tuple[int, dict[str, int]]]:
    """For each item of the `entries` sequence: its line and the line of each of its keys."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            out = []
            for item in value.value:
                keys = {}
                if isinstance(item, yaml.MappingNode):
                    keys = {k.value: k.start_mark.line + 1 for k, _ in item.value}
                out.append((item.start_mark.line + 1, keys))
            return out
    return []


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


def _build_entry(raw: Any, path: str, line: int, keys: dict[str, int], problems: list[str]) -> Entry | None:
    """Validate one raw entry mapping; append problems and return None when it is unusable."""
    def bad(key: str | None, message: str) -> None:
        problems.append(located(path, keys.get(key, line) if key else line, message))

    if not isinstance(raw, dict):
        bad(None, "entry must be a mapping")
        return None
    start = len(problems)
    for key in REQUIRED:
        if key not in raw:
            bad(None, f"entry {raw.get('id', '?')!s}: missing required field '{key}'")
    for key in raw:
        if key not in KNOWN:
            bad(key, f"unknown field '{key}'")
    ident = raw.get("id")
    if "id" in raw and not (isinstance(ident, str) and ID_RE.match(ident)):
        bad("id", f"id {ident!r} must be lowercase letters, digits and single hyphens")
    term = raw.get("term")
    if "term" in raw and not (isinstance(term, str) and term.strip()):
        bad("term", "'term' must be a non-empty string")
    lang = raw.get("lang")
    if "lang" in raw and lang not in ENTRY_LANGS:
        bad("lang", f"lang {lang!r} must be one of {', '.join(ENTRY_LANGS)}")
    category = raw.get("category")
    if "category" in raw and category not in CATEGORIES:
        bad("category", f"unknown category {category!r} (known: {', '.join(CATEGORIES)})")
    weight = raw.get("weight")
    if "weight" in raw and (isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 5):
        bad("weight", f"weight {weight!r} must be a number above 0 and at most 5")
    level = raw.get("level", "warning")
    if level not in LEVELS:
        bad("level", f"level {level!r} must be one of {', '.join(LEVELS)}")
    compound = raw.get("compound", "none")
    compound = {True: "any", False: "none"}.get(compound, compound)
    if compound not in COMPOUND_MODES:
        bad("compound", f"compound {compound!r} must be true, false or one of {', '.join(COMPOUND_MODES)}")
    inflect = raw.get("inflect", "last")
    if inflect not in INFLECT_MODES:
        bad("inflect", f"inflect {inflect!r} must be one of {', '.join(INFLECT_MODES)}")
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
    examples = raw.get("examples")
    matches = no_matches = ()
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
    return Entry(
        id=ident, term=term.strip(), lang=lang, category=category, weight=float(weight),
        message=message, source=source.strip(), variants=variants or (), alternative=alternative,
        level=level, link=link, compound=compound, inflect=inflect, context=context,
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


def load_file(path: Path) -> list[Entry]:
    """Load and validate one lexicon file; raise LexiconError listing every problem."""
    data, node = _parse(path)
    name = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list) or not (
            "entries" in data or "house_cards" in data):
        raise LexiconError([located(name, 1, "a lexicon file must be a mapping with an 'entries' list")])
    unknown = set(data) - {"entries", "description", "version", "house_cards"}
    if unknown:
        raise LexiconError([located(name, 1, f"unknown top-level key(s): {', '.join(sorted(unknown))}")])
    problems: list[str] = []
    lines = _lines(node)
    entries = []
    for index, raw in enumerate(data.get("entries", [])):
        line, keys = lines[index] if index < len(lines) else (1, {})
        entry = _build_entry(raw, name, line, keys, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise LexiconError(problems)
    return entries


def _house_cards(path: Path, known: Mapping[str, Entry]) -> dict[str, tuple[str, ...]]:
    """The `house_cards` of a file (if any): 24 entry ids per language for the default card."""
    data, _ = _parse(path)
    name = str(path)
    cards = data.get("house_cards") if isinstance(data, dict) else None
    if cards is None:
        return {}
    if not isinstance(cards, dict):
        raise LexiconError([located(name, None, "'house_cards' must map de/en to lists of 24 entry ids")])
    problems = []
    out: dict[str, tuple[str, ...]] = {}
    for lang, ids in cards.items():
        if lang not in LANGS or not isinstance(ids, list):
            problems.append(located(name, None, f"house card {lang!r}: expected de or en with a list of ids"))
            continue
        missing = [i for i in ids if i not in known or lang not in known[i].langs]
        if missing:
            problems.append(located(name, None, f"house card {lang}: unknown ids for {lang}: {', '.join(map(str, missing))}"))
        if len(set(ids)) != CARD_SIZE or len(ids) != CARD_SIZE:
            problems.append(located(name, None, f"house card {lang}: needs {CARD_SIZE} distinct ids, has {len(ids)}"))
        out[lang] = tuple(ids)
    if problems:
        raise LexiconError(problems)
    return out


LEXICON_CACHE_FORMAT = 1


def _entry_from_json(data: dict[str, Any]) -> Entry:
    """Rebuild an Entry from its cached JSON form."""
    context = data["context"]
    tuples = ("variants", "match_examples", "no_match_examples")
    return Entry(**{**data, **{k: tuple(data[k]) for k in tuples},
                    "context": Context(tuple(context["requires"]), context["window"], tuple(context["exceptions"]))})


def load_lexicon(extra: Iterable[Path] = (), *, builtin: bool = True, use_cache: bool = True) -> Lexicon:
    """Load the built-in lexicons plus user files; a later entry with the same id overrides.

    The validated result is cached by the files' content, so a warm start parses no YAML.
    """
    shipped = builtin_files() if builtin else []
    files = [*shipped, *extra]
    digest = hashlib.sha256(str(LEXICON_CACHE_FORMAT).encode())
    for path in files:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise LexiconError([located(str(path), None, f"cannot read: {exc.strerror}")]) from None
    key = digest.hexdigest()
    cached = cache.read(f"lexicon-{key[:32]}.json") if use_cache else None
    if isinstance(cached, dict) and cached.get("digest") == key:
        try:
            entries = {k: _entry_from_json(v) for k, v in cached["entries"].items()}
            cards = {k: tuple(v) for k, v in cached["house_cards"].items()}
            return Lexicon(entries=entries, house_cards=cards, files=tuple(map(str, files)), digest=key)
        except (KeyError, TypeError, ValueError):
            pass  # a cache from another version: parse below
    lexicon = _parse_lexicon(files, shipped, key)
    if use_cache:
        cache.write(f"lexicon-{key[:32]}.json", {"digest": key, "house_cards": lexicon.house_cards,
                                                  "entries": {k: asdict(e) for k, e in lexicon.entries.items()}})
    return lexicon


def _parse_lexicon(files: list[Path], shipped: list[Path], digest: str) -> Lexicon:
    """Parse and validate every file; raise LexiconError listing every problem."""
    entries: dict[str, Entry] = {}
    problems: list[str] = []
    for path in files:
        try:
            loaded = load_file(path)
        except LexiconError as exc:
            problems.extend(exc.problems)
            continue
        seen_here: dict[str, Entry] = {}
        for entry in loaded:
            if entry.id in seen_here:
                problems.append(located(entry.file, entry.line, f"duplicate id '{entry.id}' (first at line {seen_here[entry.id].line})"))
            elif entry.id in entries and path in shipped:
                problems.append(located(entry.file, entry.line, f"duplicate id '{entry.id}' (also at {entries[entry.id].where})"))
            seen_here[entry.id] = entry
            entries[entry.id] = entry
    if problems:
        raise LexiconError(problems)
    house_cards: dict[str, tuple[str, ...]] = {}
    for path in files:
        house_cards.update(_house_cards(path, entries))
    return Lexicon(entries=entries, house_cards=house_cards, files=tuple(map(str, files)), digest=digest)
