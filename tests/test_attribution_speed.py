"""The fast paths of the per-document analysis find what the plain searches find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.attribution import mentions
from dedupe.attribution.lexicon import CALL_SIGN
from dedupe.text import segment

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


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="ab.'-_ \n\t,é1U\u2019", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_last_word_read_backwards_as_the_pattern_finds_it(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    m = segment._LAST_WORD.search(text, start, end)
    assert segment._last_word(text, start, end) == (m.group(1) if m else None)


_CALL_PIECES = st.sampled_from(["Sign up", " here", "Follow us on", " X", "CLICK HERE", "e-mail us", "Did you like",
                                " in your inbox", "Abonnez-vous", "Suscríbete", "Fehler gefunden", " the ", "  ", "\n",
                                "Get in touch with our", "protected by reCAPTCHA", "breaking news alerts", "(", ")"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_CALL_PIECES, max_size=12))
def test_the_first_look_for_a_call_to_the_reader_never_hides_one(pieces: list[str]) -> None:
    from dedupe.attribution import claims

    text = "".join(pieces)
    found, plain = claims._call_to_action(text, 0, len(text)), claims._CALL_TO_ACTION.search(text)
    assert (found.span() if found else None) == (plain.span() if plain else None)
