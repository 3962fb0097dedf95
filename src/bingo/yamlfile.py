"""The one YAML reader of lexicons and configuration: parsed once, with line numbers, `FILE:LINE` errors.

`safe_load` and `compose` each parse the whole file; here the C loader composes the node tree
once and the data is constructed from that tree, so the lines of keys and values come for free.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bingo.errors import LocatedError, located

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, error: type[LocatedError]) -> str:
    """A data file's text (UTF-8, BOM allowed), or `error` naming the file."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise error([located(str(path), None, "not valid UTF-8")]) from None
    except OSError as exc:
        raise error([located(str(path), None, f"cannot read: {exc.strerror or exc}")]) from None


def parse(path: Path, error: type[LocatedError], text: str | None = None) -> tuple[Any, yaml.Node | None]:
    """A YAML file as data and as a node tree (for line numbers); `error` with FILE:LINE if malformed."""
    text = read_text(path, error) if text is None else text
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error([located(str(path), line, f"invalid YAML: {problem}")]) from None
    finally:
        loader.dispose()


def key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The 1-based line of each key of a mapping node (empty for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}
