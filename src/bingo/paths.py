"""The one conversion of a file's path into report text: valid UTF-8 even when the name is not.

On POSIX a file name is bytes; Python decodes the bytes that are not UTF-8 (a Latin-1 `größe.txt`)
as lone surrogates (`os.fsdecode`), which cannot be written as UTF-8. Reports show such bytes as
`\\xNN` escapes (backslashreplace: two different names never look alike, unlike U+FFFD), and
SARIF URIs percent-encode the original bytes, so `%F6` names exactly the file on disk.
"""

from __future__ import annotations

from urllib.parse import quote


def raw(path: str) -> bytes:
    """The bytes a path names: undecodable bytes restored (a lone surrogate of any other kind kept visible)."""
    try:
        return path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte decoded to (a Windows name, a JSON string)
        return path.encode("utf-8", "backslashreplace")


def display(path: str) -> str:
    """A path as valid text for a report: undecodable bytes as `\\xNN` (unchanged when all is UTF-8)."""
    if path.isascii():
        return path
    return raw(path).decode("utf-8", "backslashreplace")


def uri(path: str) -> str:
    """A relative URI reference for a path as given on the command line (SARIF `artifactLocation.uri`)."""
    return quote(raw(path.replace("\\", "/"))) if path != "<stdin>" else "stdin"
