"""Transcripts shaped at random (timings good and bad, tags, speakers, blank lines, CRLF, any text) never break reading.

Every hit still points at its exact slice of the text, every cue lies inside it, and the live
masker keeps each line's length, whatever the pieces and their order.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bingo.api import scan_text  # noqa: E402
from bingo.cards.captions import Captions  # noqa: E402
from bingo.transcript import parse  # noqa: E402

PIECES = ["WEBVTT", "\ufeffWEBVTT", "NOTE Notiz: Synergien", "STYLE", "1", "42", "",
          "00:00:01.000 --> 00:00:04.200", "00:14:32,480 --> 00:14:35,000", "123:00:01.000 --> 123:00:02.000",
          "00:00:05.000 --> 00:00:01.000", "-00:00:01.000 --> 00:00:02.000", "99:99:99.999 -->", "-->", "--> -->",
          "00:00:0", "Anna Schmidt: Wir heben Synergien", "Ben Wagner: die Customer", "Journey neu denken",
          "<v Jane Doe>our north star</v>", "<v Raj", "<c.loud>Mindset</c>", "wir<00:00:00.400><c> sind</c> agil",
          "<i>Das Ökosystem</i>", "Touchpoint & Roadmap", "x" * 300]


@settings(deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=25),
       st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(["m.vtt", "m.srt"]))
def test_any_transcript_is_read_with_exact_offsets(lines: list[str], end: str, name: str) -> None:
    text = end.join(lines) + end
    result = scan_text(text, lang="de", path=name)
    assert result.error is None or "binary" in result.error or result.error == "no text"
    for hit in result.hits:
        assert text[hit.start:hit.end] == hit.text
    for cue in parse(text.removeprefix("\ufeff")).cues:
        assert 0 <= cue.start <= cue.end <= len(text)
    captions = Captions("vtt")
    for line in text.splitlines(keepends=True):
        assert len(captions.mask(line)) == len(line)
