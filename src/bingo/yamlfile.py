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

# An alias shares a node, but the data built from it copies the reference: ten levels of ten
# aliases ("billion laughs") are a few hundred bytes that become 10**10 values, and a message
# quoting one took a minute and gigabytes. Aliases may add at most this many nodes to a document.
MAX_ALIAS_NODES = 100_000


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
        if node is not None and "&" in text:  # no anchor, no alias: skip the walk (a second or so per 100k nodes)
            _check_aliases(node, path, error)
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error([located(str(path), line, f"invalid YAML: {problem}")]) from None
    finally:
        loader.dispose()


def _check_aliases(root: yaml.Node, path: Path, error: type[LocatedError]) -> None:
    """Refuse a document whose aliases expand it by more than MAX_ALIAS_NODES nodes, or refer to themselves."""
    sizes: dict[int, int] = {}  # id(node) -> nodes in its expansion; absent while being counted
    seen: set[int] = set()
    unique = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative post-order: a document may be nested deeper than Python's stack
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        children = _children(node)
        if children_done:
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] - unique > MAX_ALIAS_NODES:
                raise error([located(str(path), node.start_mark.line + 1, "too many YAML aliases")])
            continue
        if key in seen:  # reached again before its own count is done: an alias inside its anchor
            raise error([located(str(path), node.start_mark.line + 1, "a YAML alias refers to itself")])
        seen.add(key)
        unique += 1
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly inside a sequence or mapping node (keys and values)."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The 1-based line of each key of a mapping node (empty for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def item_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each item of a mapping's lists and of each key of its mappings, as `key[item]`."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, value in node.value:
        items = value.value if isinstance(value, yaml.SequenceNode) else (
            [k for k, _ in value.value] if isinstance(value, yaml.MappingNode) else [])
        for item in items:
            if isinstance(item, yaml.ScalarNode):
                lines.setdefault(f"{key.value}[{item.value}]", item.start_mark.line + 1)
    return lines
