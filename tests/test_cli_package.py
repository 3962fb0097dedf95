"""The package's import structure, read with `ast`: no import cycles, no `_private` names across modules.

Every import counts, also those inside functions and under `if TYPE_CHECKING:`: a lazy import
hides a cycle from the interpreter, not from the reader. The root package's public API is
imported lazily (LAZY_API below) for speed, not to hide a cycle; a test keeps it lazy.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "bingo"


def module_name(path: Path) -> str:
    """`src/bingo/cli/console.py` -> `bingo.cli.console`; a package's `__init__.py` is the package."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    """True for a module that is a package (an `__init__.py`)."""
    return MODULES[name].name == "__init__.py"


def absolute(node: ast.ImportFrom, importer: str) -> str:
    """The absolute module a `from ... import` names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package(importer) else importer.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def parse(name: str) -> ast.Module:
    """A module's syntax tree."""
    return ast.parse(MODULES[name].read_text(encoding="utf-8"), str(MODULES[name]))


def imports(name: str, top_level: bool = False) -> Iterator[tuple[str, str | None, int]]:
    """(module imported, name taken from it or None, line) for every import in a module.

    With `top_level`, only the imports that run when the module is imported: not those inside
    functions or under `if TYPE_CHECKING:`.
    """
    tree = parse(name)
    for node in tree.body if top_level else ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            source = absolute(node, name)
            for alias in node.names:
                yield source, alias.name, node.lineno


def edges(name: str, top_level: bool = False) -> set[str]:
    """The bingo modules `name` imports (`from pkg import submodule` is an edge to the submodule)."""
    found = set()
    for source, taken, _ in imports(name, top_level):
        target = f"{source}.{taken}" if taken and f"{source}.{taken}" in MODULES else source
        if target in MODULES and target != name:
            found.add(target)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_the_checker_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


# `bingo.Scanner` and `bingo.scan_text` are loaded by the root package's `__getattr__` on first
# use, so `import bingo` stays cheap; the test below keeps it lazy.
LAZY_API = {("bingo", "bingo.scanner"), ("bingo", "bingo.api"),
            # the game modules, imported by their commands only: the app is built for every `bingo scan`
            ("bingo.cli.cards", "bingo.cards.output"), ("bingo.cli.cards", "bingo.cards.deck"),
            ("bingo.cli.cards", "bingo.cards.game"), ("bingo.cli.live", "bingo.cards.captions"),
            ("bingo.cli.live", "bingo.cards.check"), ("bingo.cli.live", "bingo.cards.fair"),
            ("bingo.cli.check", "bingo.cards.check"), ("bingo.cli.check", "bingo.cards.game")}


def test_the_package_has_no_import_cycle() -> None:
    graph = {name: set(edges(name)) for name in MODULES}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_root_package_loads_its_api_lazily() -> None:
    for importer, target in LAZY_API:
        assert target in edges(importer) and target not in edges(importer, top_level=True)


def is_private(name: str) -> bool:
    """`_helper` is private; dunders such as `__version__` are not."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def module_aliases(name: str) -> dict[str, str]:
    """Local names bound to bingo modules by imports: `from bingo.cli import console` -> console."""
    bound = {}
    for node in ast.walk(parse(name)):
        if isinstance(node, ast.Import):
            for alias in node.names:  # `import a.b` binds a, `import a.b as c` binds c to a.b
                top = alias.name.split(".")[0]
                bound[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            source = absolute(node, name)
            for alias in node.names:
                if f"{source}.{alias.name}" in MODULES:
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
    return bound


def dotted(node: ast.expr) -> str | None:
    """`a.b.c` for a chain of attribute lookups on a name, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def private_uses(name: str) -> Iterator[str]:
    """Private names a module takes from another bingo module, by import or as `module._name`."""
    for source, taken, line in imports(name):
        if source.split(".")[0] == "bingo" and source != name and taken and is_private(taken):
            yield f"line {line}: {taken} from {source}"
    aliases = module_aliases(name)
    for node in ast.walk(parse(name)):
        if isinstance(node, ast.Attribute) and is_private(node.attr) and (base := dotted(node.value)):
            head, _, rest = base.partition(".")
            module = ".".join(filter(None, [aliases.get(head, ""), rest]))
            if module in MODULES and module != name:
                yield f"line {node.lineno}: {module}.{node.attr}"


def test_the_private_name_check_sees_imports_and_attributes(tmp_path: Path) -> None:
    source = "from bingo.cli.console import _hidden\nfrom bingo.cli import console\nconsole._other()\n"
    MODULES["bingo.probe"] = tmp_path / "probe.py"
    try:
        MODULES["bingo.probe"].write_text(source, encoding="utf-8")
        assert list(private_uses("bingo.probe")) == ["line 1: _hidden from bingo.cli.console",
                                                     "line 3: bingo.cli.console._other"]
    finally:
        del MODULES["bingo.probe"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_is_imported_from_another_module(name: str) -> None:
    taken = list(private_uses(name))
    assert not taken, f"{name} uses private names of other modules: " + "; ".join(taken)


def test_the_cli_is_one_package_with_console_and_options_at_the_bottom() -> None:
    assert is_package("bingo.cli") and not {"bingo.cli_cards", "bingo.cli_live"} & set(MODULES)
    for module in ("bingo.cli.console", "bingo.cli.options"):
        assert not {e for e in edges(module) if e.startswith("bingo.cli")}, f"{module} imports a command module"
    bottom = {"bingo.cli.console", "bingo.cli.options"}
    for command in [m for m in MODULES if m.startswith("bingo.cli.") and m not in bottom]:
        assert {e for e in edges(command) if e.startswith("bingo.cli")} <= bottom, \
            f"{command} imports another command module or the package"
