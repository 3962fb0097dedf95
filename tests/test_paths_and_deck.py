"""Report paths for names that are not UTF-8, and the deck's error paths (word lists, games, house cards)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bingo.cards.deck import Request, house_game, lexicon_for, new_game
from bingo.errors import BingoError
from bingo.lexicon import Lexicon, load_lexicon
from bingo.paths import display, raw, uri


@pytest.mark.parametrize(("path", "shown", "encoded"), [
    ("plain.txt", "plain.txt", "plain.txt"),
    ("größe.txt", "größe.txt", "gr%C3%B6%C3%9Fe.txt"),
    ("gr\udcf6\udcdfe.txt", "gr\\xf6\\xdfe.txt", "gr%F6%DFe.txt"),  # Latin-1 bytes, as os.fsdecode gives them
])
def test_paths_come_out_as_valid_utf8(path: str, shown: str, encoded: str) -> None:
    assert display(path) == shown
    assert uri(path) == encoded
    display(path).encode("utf-8")  # never raises


def test_a_surrogate_no_byte_decoded_to_stays_visible() -> None:
    """U+D800 is not a `surrogateescape` byte (those are U+DC80-U+DCFF): it is shown escaped, not lost."""
    assert raw("a\ud800b") == b"a\\ud800b"
    assert display("a\ud800b") == "a\\ud800b"


def test_an_unreadable_word_list_is_a_one_line_error(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(BingoError, match=r"words\.txt: cannot read the word list"):
        new_game(Request(words=words, seed=1))


def test_a_game_needs_the_entries_it_was_dealt_from(monkeypatch: pytest.MonkeyPatch) -> None:
    game = new_game(Request(seed=3, lang="en", size=3))
    assert lexicon_for(game).entries.keys() >= game.terms.keys()
    empty = Lexicon(entries={}, house_cards={}, files=(), digest="x")
    monkeypatch.setattr("bingo.cards.deck.load_lexicon", lambda *args, **kwargs: empty)
    with pytest.raises(BingoError, match="entries this lexicon does not have"):
        lexicon_for(game)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_house_game_is_the_house_card(lang: str) -> None:
    lexicon = load_lexicon()
    game = house_game(lang, lexicon)
    assert len(game.cards) == 1 and set(game.terms) == set(lexicon.house_cards[lang])
    with pytest.raises(BingoError, match="no house card"):
        house_game(lang, Lexicon(entries=lexicon.entries, house_cards={}, files=(), digest="x"))
