"""Run a scan over many inputs from effective settings: lexicon, scanner, sources, results in order."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import BinaryIO

from bingo import parallel
from bingo.cues import annotate, rereadable
from bingo.errors import BingoError
from bingo.inputformat import forced
from bingo.lexicon import CATEGORIES, Lexicon, load_lexicon
from bingo.models import EntryInfo, RunResult
from bingo.outputs import Named, refuse_overwrite
from bingo.quoting import clipped
from bingo.results import NO_TEXT, entry_info
from bingo.scanner import Scanner
from bingo.settings import Settings
from bingo.sources import Source, walk_inputs

Progress = Callable[[int], None]


def build_lexicon(settings: Settings, use_cache: bool = True) -> Lexicon:
    """The built-in lexicon plus configured files, with disabled entries, categories and weight overrides applied."""
    lexicon = load_lexicon([Path(p) for p in settings.lexicons], use_cache=use_cache)
    others = set(CATEGORIES) - set(settings.categories) if settings.categories else set()
    return lexicon.adjusted(settings.disable, {*settings.disable_categories, *others}, settings.weights)


def unknown_ids(settings: Settings, known: Collection[str]) -> list[str]:
    """A warning for each id in `disable` or `weights` that no lexicon in force defines, as `FILE:LINE: …`."""
    # the config records each item's own line as the origin of `key[item]` (YAML only; TOML gives the key's)
    return [f"{settings.origins.get(f'{key}[{ident}]', settings.origin(key))}: unknown entry id "
            f"'{clipped(ident)}' in '{key}' (see bingo lexicon list)"
            for key in ("disable", "weights") for ident in getattr(settings, key) if ident not in known]


def rules(lexicon: Lexicon) -> tuple[EntryInfo, ...]:
    """Every entry in force, for formats that list rules (SARIF); `both` entries in English."""
    return tuple(entry_info(entry, "en" if entry.lang == "both" else entry.lang)
                 for _, entry in sorted(lexicon.entries.items()))


def sources_for(paths: Sequence[str], settings: Settings, stdin_name: str | None = None,
                input_format: str = "auto") -> list[Source]:
    """The inputs named on the command line, directories expanded, read as `input_format` (see inputformat).

    None at all: an error, unless force-excluded.
    """
    sources, dropped = walk_inputs(paths, settings.include, settings.exclude, ignore_files=settings.ignore_files,
                                   force_exclude=settings.force_exclude, stdin_name=stdin_name)
    sources = forced(sources, input_format)
    if not sources and not dropped:
        raise BingoError(f"no text files found in {', '.join(paths)}")
    return sources


def execute(paths: Sequence[str], settings: Settings, *, model: str | None = None, use_cache: bool = True,
            stdin: BinaryIO | None = None, progress: Callable[[int], Progress | None] | None = None,
            writes: Sequence[Named] = (), reads: Sequence[Named] = (), stdin_name: str | None = None,
            input_format: str = "auto") -> RunResult:
    """Scan every input in order and return the run's results.

    `progress`, if given, is called once with the total size in bytes and returns the callback
    that receives the amount of text done. `writes` are the files the caller will write after the
    run: when one of them is a scanned file, a lexicon file or one of the caller's `reads`, the run
    stops with a BingoError before anything is read. `stdin_name`: what standard input is called
    (its kind from the suffix; excluded as that file would be).
    """
    sources = sources_for(paths, settings, stdin_name, input_format)
    if writes:
        scanned = [("scanned file", source.file) for source in sources if source.file is not None]
        lexicons = [("lexicon file", Path(path)) for path in settings.lexicons]
        refuse_overwrite(writes, [*reads, *lexicons, *scanned])
    lexicon = build_lexicon(settings, use_cache)
    scanner = Scanner(lexicon=lexicon, model=model, use_cache=use_cache, skip_quotes=settings.skip_quotes)
    jobs = settings.jobs or parallel.default_jobs(sources)
    advance = progress(sum(parallel.size_of(s) for s in sources)) if progress is not None else None
    stdin = rereadable(stdin, sources)  # a transcript on stdin is read again for its cues
    results = parallel.scan_all(scanner, sources, settings.lang, jobs, stdin, advance)
    again = stdin if isinstance(stdin, io.BytesIO) else None
    results = [annotate(result, source, again) for result, source in zip(results, sources, strict=True)]
    warnings = unknown_ids(settings, {*lexicon.entries, *lexicon.removed})
    # an empty file (a placeholder, a blank template) is no reason to fail CI: skipped, and said so
    kept = tuple(r for r in results if r.error != NO_TEXT)
    return RunResult(kept, rules(lexicon), tuple(warnings),
                     tuple(r.path for r in results if r.error == NO_TEXT))
