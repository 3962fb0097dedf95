"""Language detection from stop words; English loanwords must not flip German text."""

from __future__ import annotations

import pytest

from bingo.langdetect import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wir optimieren die Customer Journey und alle Touchpoints mit einem neuen Mindset.", "de"),
        ("Customer Experience Management ist das Thema, mit dem sich Unternehmen befassen müssen.", "de"),
        ("Our customers love the seamless omnichannel experience we built for them.", "en"),
        ("Der Zug fährt ab Montag um 7:12 Uhr von Gleis 3.", "de"),
        ("The train leaves at 7:12 from platform 3 on Monday.", "en"),
        ("Synergien heben", "de"),
        ("Leverage synergies", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect([text]) == lang


def test_no_evidence_falls_back_to_default() -> None:
    assert detect(["1234 5678"], default="en") == "en"
