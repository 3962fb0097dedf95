"""The prefilter tokenises only windows of a paragraph: results must be byte-identical to the full path."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bingo.entry import Entry
from bingo.lexicon import load_lexicon
from bingo.matcher import LangMatcher
from bingo.normalise import collapse
from bingo.prefilter import Prefilter
from bingo.scanner import Scanner
from bingo.triggers import LEFT, RIGHT, plan, searched

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "calibration").glob("*/*.txt"))
LEXICON = load_lexicon()


def lang_of(path: Path) -> str:
    """The language of a shipped sample or calibration text."""
    return path.name[:2] if path.parent.name == "samples" else path.parent.name


@pytest.fixture(scope="module")
def paths() -> Iterator[tuple[Scanner, Scanner]]:
    """A scanner on the prefilter path and one on the full path (tokenise every paragraph)."""
    fast = Scanner(lexicon=LEXICON)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BINGO_PREFILTER", "0")
        full = Scanner(lexicon=LEXICON)
        for lang in ("de", "en"):
            full.matcher(lang)  # built now, while the switch is set
    for lang in ("de", "en"):
        assert fast.matcher(lang).prefilter is not None and full.matcher(lang).prefilter is None
    yield fast, full


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_paths_give_the_same_result_on_every_text(paths: tuple[Scanner, Scanner], path: Path) -> None:
    fast, full = paths
    lang = lang_of(path)
    assert fast.scan_file(path, lang).to_dict() == full.scan_file(path, lang).to_dict()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_both_paths_agree_on_every_lexicon_example(paths: tuple[Scanner, Scanner], lang: str) -> None:
    fast, full = (scanner.matcher(lang) for scanner in paths)
    examples = [text for entry in LEXICON.for_lang(lang) for text in (*entry.match_examples, *entry.no_match_examples)]
    assert len(examples) > 1000
    different = [text for text in examples if fast.match(text) != full.match(text)]
    assert different == []


def test_the_prefilter_skips_most_of_plain_prose(paths: tuple[Scanner, Scanner]) -> None:
    matcher = paths[0].matcher("de")
    assert matcher.prefilter is not None
    plain = [p for p in TEXTS if "plain" in p.name and lang_of(p) == "de"]
    text = " ".join(collapse(p.read_text(encoding="utf-8"))[0] for p in plain)
    windows = matcher.prefilter.windows(text)
    assert windows is not None
    assert sum(b - a for a, b in windows) < 0.5 * len(text)


def tokens(matcher: LangMatcher, text: str, start: int = 0) -> list[tuple[int, str]]:
    """(offset, text) of the tokens of `text`, offsets shifted by `start`."""
    return [(token.idx + start, token.text) for token in matcher.index.make_doc(text)]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_window_cut_at_spaces_has_the_paragraphs_own_tokens(paths: tuple[Scanner, Scanner], lang: str) -> None:
    """spaCy splits at whitespace before its affix rules: proven here on every text, at random cuts."""
    matcher = paths[0].matcher(lang)
    rng = random.Random(7)
    checked = 0
    for path in TEXTS:
        if lang_of(path) != lang:
            continue
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            text = collapse(paragraph)[0]
            spaces = [i for i, char in enumerate(text) if char == " "]
            if len(spaces) < 2:
                continue
            whole = tokens(matcher, text)
            for _ in range(5):
                a, b = sorted(rng.sample(spaces, 2))
                window = tokens(matcher, text[a + 1:b], a + 1)
                assert window == [t for t in whole if a + 1 <= t[0] < b], text[a + 1:b]
                checked += 1
    assert checked > 500


def _pieces(lang: str) -> list[str]:
    """Terms, variants and examples of the language's entries: what generated texts are made of."""
    out: set[str] = set()
    for entry in LEXICON.for_lang(lang):
        out.update([entry.term, *entry.variants, *entry.match_examples[:1]])
    return sorted(out)


PIECES = {lang: _pieces(lang) for lang in ("de", "en")}
FILLER = ["und", "the", "Ablauf", "process", "x", "3", "—", "–", "-", "\u00ad", "\n", "  ", ",", ".", "„", "'s",
          "cannot"]
GLUE = ["", " ", "-", "\u2011", "\u2013", "\n", "strategie", "s", "ung"]


@st.composite
def jargon_texts(draw: st.DrawFn, lang: str) -> str:
    """Lexicon terms inside long words, at edges, across line breaks, with hyphens and dashes."""
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        piece = draw(st.sampled_from(PIECES[lang] + FILLER))
        if draw(st.booleans()):
            piece = piece.upper() if draw(st.booleans()) else piece.lower()
        parts.append(piece + draw(st.sampled_from(GLUE)))
    return "".join(parts)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_both_paths_agree_on_generated_text(paths: tuple[Scanner, Scanner], lang: str) -> None:
    fast, full = (scanner.matcher(lang) for scanner in paths)

    @settings(max_examples=int(os.environ.get("BINGO_HYPOTHESIS_EXAMPLES", "300")), deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(jargon_texts(lang))
    def check(text: str) -> None:
        assert fast.match(text) == full.match(text)
        collapsed, prefilter = collapse(text)[0], fast.prefilter
        assert prefilter is not None and prefilter.windows(collapsed) == prefilter.exact_windows(collapsed)

    check()


def test_norms_hold_for_words_seen_before_and_after_they_are_set(paths: tuple[Scanner, Scanner]) -> None:
    from bingo import nlp

    lang = "de"  # English patterns compare LOWER: it has no norms
    norms = paths[0].matcher(lang).compiled.norms
    expected: dict[str, str] = {}
    for form, norm in norms.items():  # what setting each word's norm in turn leaves
        if form != norm:
            expected[form] = expected[form.capitalize()] = norm
    pipeline = nlp.blank(lang)
    before = sorted(expected)[::2]
    for form in before:
        assert pipeline.vocab[form].norm_ != expected[form] or form.lower() == expected[form]
    nlp.set_norms(pipeline, norms)
    got = {form: pipeline.vocab[form].norm_ for form in expected}  # the other half made only now
    assert got == expected and len(expected) > 1000
    doc = pipeline.make_doc(" ".join(sorted(expected)))
    assert [t.norm_ for t in doc] == [expected[t.text] for t in doc]


FAR = " ".join(["lorem"] * 40)  # filler: a window stays well under the coverage limit


def found(prefilter: Prefilter, text: str) -> bool:
    """Whether `text` (between filler) gets a window; the padded search must agree with the exact one."""
    padded = f"{FAR} {text} {FAR}"
    windows = prefilter.windows(padded)
    assert windows == prefilter.exact_windows(padded), text
    assert windows is not None
    return bool(windows)


@pytest.mark.parametrize(("text", "expected"), [
    ("alpha", True), ("(alpha).", True), ("3alpha_", True), ("„alpha“", True), ("alphabet", False),
    ("xalpha", False), ("ëalpha", False), ("alphaß", False)])
def test_a_key_must_not_touch_a_letter(text: str, expected: bool) -> None:
    assert found(Prefilter({"alpha": [0, LEFT | RIGHT, []]}, [], []), text) is expected


def test_a_key_with_a_non_letter_is_found_only_as_written() -> None:
    """In the letter-class copy `.` and `,` are both NUL: the key itself is compared as well."""
    prefilter = Prefilter({"z.b": [0, LEFT | RIGHT, []]}, [], [])
    assert found(prefilter, "z.b") and not found(prefilter, "z,b") and not found(prefilter, "xz.b")


def test_a_key_after_a_compound_stem_or_before_a_head_is_found() -> None:
    """The tokenizer splits stems and heads off a word: there a key may touch a letter."""
    plain = Prefilter({"alpha": [0, LEFT | RIGHT, []]}, [], [])
    compounds = Prefilter({"alpha": [0, LEFT | RIGHT, []]}, ["kunden"], ["reise"])
    assert not found(plain, "kundenalpha") and not found(plain, "alphareise")
    assert found(compounds, "kundenalpha") and found(compounds, "alphareise") and found(compounds, "alpha")
    assert not found(compounds, "kundenxalpha") and not found(compounds, "alphaxreise")


@pytest.mark.parametrize(("needs", "text", "expected"), [
    ([[["beta"]]], "alpha beta", True),
    ([[["beta"]]], "alpha", False),
    ([[["beta"]]], f"beta {FAR} alpha", False),  # in the paragraph, but beyond the margin
    ([[["beta"]], [["gamma"]]], "gamma alpha", True),  # any requirement
    ([[["beta"], ["gamma"]]], "alpha beta", False),  # every group of a requirement
    ([[["beta"], ["gamma", "delta"]]], "delta alpha beta", True),
    ([[["beta"], ["gamma"]]], f"alpha beta {FAR} gamma", False)])
def test_a_window_is_cut_only_where_a_requirement_is_met(needs: list[list[list[str]]], text: str,
                                                         expected: bool) -> None:
    assert found(Prefilter({"alpha": [2, LEFT | RIGHT, needs]}, [], []), text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("alpha be", True), ("be, alpha", True), ("alpha (be)", True), ("alpha number", False),
    ("alpha because", False), ("alpha bee", False), ("alpha b e", False)])
def test_a_requirement_padded_with_nul_is_met_only_by_a_word(text: str, expected: bool) -> None:
    """Requirements are searched in the letter-class copy: `be` inside `number` does not count."""
    needs = [[[searched("be", LEFT | RIGHT)]]]
    assert found(Prefilter({"alpha": [2, LEFT | RIGHT, needs]}, [], []), text) is expected


def test_a_requirement_is_every_spelling_of_its_token_and_the_contractions_holding_it() -> None:
    """The companion token `not` may be written `cannot` (one chunk, split by a special case)."""
    entry = Entry(id="e", term="zyzzyva not", lang="en", category="buzzword", weight=1.0, message={"en": "m"},
                  source="test")
    contraction = ("cannot", [("can", "can"), ("not", "not")])
    planned = plan({"e": [["zyzzyva", "not"]]}, [entry], {"nicht": "not"}, [], [], [contraction], {"not": -3.0})
    assert planned["zyzzyva"] == (1, LEFT | RIGHT, [[[searched("not", LEFT | RIGHT), searched("nicht", LEFT | RIGHT),
                                                       searched("cannot", LEFT | RIGHT)]]])
    # a compound head may follow letters: then `not` needs no NUL before it, and `cannot` holds it already
    planned = plan({"e": [["zyzzyva", "not"]]}, [entry], {}, [], ["not"], [contraction], {"not": -3.0})
    assert planned["zyzzyva"][2] == [[[searched("not", RIGHT)]]]


def test_a_letter_beyond_latin_1_beside_a_key_only_adds_a_window(paths: tuple[Scanner, Scanner]) -> None:
    """The fast letter-class copy reads `ł` as a boundary: `alpha` in `łalpha` gets a window, nothing more."""
    prefilter = Prefilter({"alpha": [0, LEFT | RIGHT, []]}, [], [])
    text = f"{FAR} łalpha {FAR}"
    assert prefilter.latin and prefilter.windows(text) and prefilter.exact_windows(text) == []
    text = "Złoty customer-centric łcustomer centricity, Ωsynergy and Kundenzentrierungł."
    fast, full = paths
    for lang in ("de", "en"):
        assert fast.scan_text(text, lang).to_dict() == full.scan_text(text, lang).to_dict()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_padded_search_gives_the_exact_searchs_windows(paths: tuple[Scanner, Scanner], lang: str) -> None:
    prefilter = paths[0].matcher(lang).prefilter
    assert prefilter is not None
    texts = [collapse(paragraph)[0] for path in TEXTS if lang_of(path) == lang
             for paragraph in path.read_text(encoding="utf-8").split("\n\n")]
    texts += [entry_text for entry in LEXICON.for_lang(lang) for entry_text in entry.match_examples]
    assert len(texts) > 1000
    assert [t for t in texts if prefilter.windows(t) != prefilter.exact_windows(t)] == []
