"""Matching mechanics: inflection, hyphens, spaces, line breaks, compounds, context and traps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SAMPLES

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "mechanics.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_mechanics(case: dict, mini_scanner) -> None:
    text = case["text"]
    _, matches = mini_scanner.matcher(case["lang"]).match(text)
    found = [[m.id, text[m.start:m.end]] for m in matches]
    expected = case.get("match", [])
    for pair in expected:
        assert pair in found, f"{pair} not in {found}"
    assert [p for p in found if p[0] in {e[0] for e in expected}] == expected
    for ident in case.get("no_match", []):
        assert ident not in [f[0] for f in found]


def test_offsets_map_back_to_exact_input(mini_scanner) -> None:
    text = "Intro line\r\n\r\nDas  Customer   Experience\r\nManagement und\tTouchpoints.\r\nEnde"
    result = mini_scanner.scan_text(text, lang="de")
    assert [h.text for h in result.hits] == ["Customer   Experience\r\nManagement", "Touchpoints"]
    for hit in result.hits:
        assert text[hit.start:hit.end] == hit.text
    first, second = result.hits
    assert (first.line, first.column, first.end_line, first.end_column) == (3, 6, 4, 11)
    assert (second.line, second.column) == (4, 16)


def test_longest_match_wins(mini_scanner) -> None:
    _, matches = mini_scanner.matcher("de").match("Sau durchs Dorf treiben")
    assert [m.id for m in matches] == ["sau-durchs-dorf"]


def test_word_count_ignores_punctuation(mini_scanner) -> None:
    words, _ = mini_scanner.matcher("de").match("Eins, zwei; drei — vier! 5 6")
    assert words == 4


@pytest.mark.parametrize("lang", ["de", "en"])
def test_phrase_index_from_ids_equals_index_from_docs(lang: str, scanner) -> None:
    """Patterns are added as LOWER (or NORM) ids; a matcher built from pattern Docs finds exactly the same."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = scanner.matcher(lang)
    vocab = matcher.index.nlp.vocab
    from_docs = PhraseMatcher(vocab, attr=matcher.index.attr)
    for key, token_lists in matcher.compiled.patterns.items():
        from_docs.add(key, [Doc(vocab, words=tokens) for tokens in token_lists if tokens])
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    doc = matcher.index.make_doc(" ".join(text.split()))
    expected = sorted((vocab.strings[i], s, e) for i, s, e in from_docs(doc))
    assert len(expected) > 100
    assert sorted(matcher.index.find(doc)) == expected


@pytest.mark.parametrize(("lang", "text", "tokens"), [
    ("de", "Das gilt z.B. für den 1. Mai.", ["Das", "gilt", "z.B.", "für", "den", "1.", "Mai", "."]),
    ("en", "We don't, e.g. today.", ["We", "do", "n't", ",", "e.g.", "today", "."]),
])
def test_configured_tokenizer_keeps_special_cases(lang: str, text: str, tokens: list[str], scanner) -> None:
    """The compound and hyphen rules are added without losing the language's tokenizer exceptions."""
    pipeline = scanner.matcher(lang).index.nlp
    assert [t.text for t in pipeline.make_doc(text)] == tokens


@pytest.mark.parametrize("lang", ["de", "en"])
def test_phrase_index_adds_a_pattern_when_its_first_token_first_occurs(lang: str, scanner) -> None:
    """A new index holds no pattern; each document adds those starting with one of its tokens, and every
    document, in turn, gets the matches of a matcher holding all patterns from the start."""
    from spacy.matcher import PhraseMatcher

    from bingo.phrases import PhraseIndex

    built = scanner.matcher(lang)
    index = PhraseIndex(built.index.nlp, built.compiled.patterns, built.index.attr)
    vocab = index.nlp.vocab
    full = PhraseMatcher(vocab, attr=index.attr)
    for key, token_lists in built.compiled.patterns.items():
        full.add(key, [[vocab.strings.add(t) for t in tokens] for tokens in token_lists])
    assert len(index.matcher) == 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob(f"{lang}*.txt"))]
    assert texts
    found = 0
    for text in texts:
        doc = index.make_doc(" ".join(text.split()))
        expected = sorted((vocab.strings[i], s, e) for i, s, e in full(doc))
        assert sorted(index.find(doc)) == expected
        found += len(expected)
        assert len(index.matcher) < len(full)  # only the keys of what the texts so far could start
    assert found > 10


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_blank_pipeline_tokenises_as_spacy_blank(lang: str) -> None:
    """`nlp.blank` skips spaCy's config machinery; its tokens and their attributes are spaCy's."""
    import spacy
    from spacy.tokens import Doc

    from bingo import nlp

    ours, theirs = nlp.blank(lang), spacy.blank(lang)
    assert (ours.lang, ours.pipe_names, type(ours)) == (theirs.lang, theirs.pipe_names, type(theirs))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    text += " z.B. e.g. don't 3,5% U.S.A. E-Mail-Adresse https://example.com/a-b :-) « »"

    def described(doc: Doc) -> list[tuple[object, ...]]:
        return [(t.text, t.whitespace_, t.lower_, t.norm_, t.shape_, t.is_stop, t.like_num, t.like_url, t.is_punct)
                for t in doc]

    assert described(ours.make_doc(text)) == described(theirs.make_doc(text))
