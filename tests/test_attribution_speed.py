"""The fast paths of the per-document analysis find what the plain searches find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.attribution import mentions
from dedupe.attribution.lexicon import CALL_SIGN

_PIECES = st.sampled_from(["K", "W", "KTRK", "WKOW", "KING-TV", "-FM", "a", "A", "B", "xK", " ", "\n", "é", "_", "1",
                           "The", "the", " Times", " Post", "New York", "Daily News", "Sun-Times", "Herald", "  "])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=20), st.integers(0, 6))
def test_call_signs_found_from_their_letter_as_by_the_pattern(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    assert ([m.span() for m in mentions._CALL_SIGN_FAST.finditer(text, start)]
            == [m.span() for m in CALL_SIGN.finditer(text, start)])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=20), st.integers(0, 6))
def test_the_first_looks_pass_wherever_the_patterns_match(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    if mentions.SHORT_FORM.search(text, start):
        assert mentions._SHORT_WORD_FOUND.search(text, start)
    if mentions._UNLISTED_PAPER.search(text, start):
        assert mentions._PAPER_WORD_FOUND.search(text, start)


