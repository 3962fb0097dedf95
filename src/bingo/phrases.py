"""The phrase matcher: every compiled pattern of a language in one spaCy PhraseMatcher, filled as needed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class PhraseIndex:
    """One spaCy PhraseMatcher on lowercase text (or norms, see `match_attr`) for all patterns of a language.

    A pattern goes into the matcher only when a document first holds its first token (which every
    match of it starts with), so the matches are those of a matcher holding every pattern. Adding
    all 27,656 German patterns up front (and a lexeme per key) took 0.25 s of a 2.9 s warm start on
    a loaded machine; indexing them by first token takes 0.03 s, and a short text adds a few dozen.
    """

    def __init__(self, nlp: Language, patterns: Mapping[str, list[list[str]]], attr: str = "LOWER") -> None:
        from spacy.attrs import LOWER, NORM
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.attr = attr
        self.matcher = PhraseMatcher(nlp.vocab, attr=attr)
        self._attr_id = NORM if attr == "NORM" else LOWER
        strings = nlp.vocab.strings
        self.keys: dict[int, str] = {strings.add(key): key for key in patterns}
        by_first: dict[str, list[tuple[str, list[str]]]] = {}
        for key, token_lists in patterns.items():
            for tokens in token_lists:
                if tokens:
                    by_first.setdefault(tokens[0], []).append((key, tokens))
        # `strings[text]` is the hash a token's attribute holds, without storing the text
        self._pending = {strings[first]: waiting for first, waiting in by_first.items()}

    def _add_starting_with(self, doc: Doc) -> None:
        """Add the patterns not yet in the matcher whose first token occurs in `doc`."""
        heads = self._pending.keys() & set(doc.to_array(self._attr_id).tolist())
        if not heads:
            return
        strings = self.nlp.vocab.strings
        grouped: dict[str, list[list[int]]] = {}
        for head in heads:
            for key, tokens in self._pending.pop(head):
                # A pattern given as the LOWER/NORM ids of its tokens (the form spaCy's own
                # unpickling uses) instead of a Doc: building ~6,000 Docs was a tenth of every start-up.
                grouped.setdefault(key, []).append([strings.add(token) for token in tokens])
        for key, arrays in grouped.items():
            self.matcher.add(key, arrays)  # type: ignore[arg-type]  # spaCy accepts token-id lists too

    def make_doc(self, text: str) -> Doc:
        """Tokenise `text` with the configured tokenizer."""
        return self.nlp.make_doc(text)

    def find(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start token, end token) for every pattern occurrence in `doc`."""
        if self._pending:
            self._add_starting_with(doc)
        keys = self.keys
        return [(keys[match_id], start, end) for match_id, start, end in self.matcher(doc)]
