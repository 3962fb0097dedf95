"""A strict HTML checker for the tests: every non-void element closed, in order, and the tree kept for assertions.

`html.parser.HTMLParser` accepts any tag soup without complaint, so feeding it proves nothing;
this subclass keeps a stack of open elements and reports each mismatched, stray or unclosed tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# elements that never have content or an end tag (HTML Living Standard, "void elements")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class MalformedHTML(AssertionError):
    """The markup is not well-formed; the message lists every problem with its line."""


@dataclass
class Element:
    """One element: tag, attributes, children and the text directly inside it."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def classes(self) -> list[str]:
        """The element's class names."""
        return (self.attrs.get("class") or "").split()

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        """Descendants with this tag (and class), in document order."""
        found = []
        for child in self.children:
            if child.tag == tag and (cls is None or cls in child.classes()):
                found.append(child)
            found += child.find_all(tag, cls)
        return found

    def text_content(self) -> str:
        """All text inside, as a browser's textContent."""
        return self.text + "".join(child.text_content() for child in self.children)


class StrictParser(HTMLParser):
    """Build the element tree; collect a problem for each tag that does not nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Element("#document")
        self.stack = [self.document]
        self.problems: list[str] = []
        self.doctype: str | None = None

    def where(self) -> str:
        line, column = self.getpos()
        return f"line {line}, column {column + 1}"

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:  # in HTML, <div/> opens a div that is never closed
            self.problems.append(f"{self.where()}: <{tag}/> is not a void element")
        self.stack[-1].children.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"{self.where()}: end tag </{tag}> for a void element")
        elif len(self.stack) == 1:
            self.problems.append(f"{self.where()}: stray </{tag}>, nothing is open")
        elif self.stack[-1].tag != tag:
            self.problems.append(f"{self.where()}: </{tag}> closes <{self.stack[-1].tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].text += data

    def close(self) -> None:
        super().close()
        for element in reversed(self.stack[1:]):
            self.problems.append(f"end of input: <{element.tag}> is never closed")


def parse(markup: str) -> StrictParser:
    """Parse `markup`; raise MalformedHTML listing every problem, else return the parser with its tree."""
    parser = StrictParser()
    parser.feed(markup)
    parser.close()
    if parser.problems:
        raise MalformedHTML("; ".join(parser.problems))
    return parser
