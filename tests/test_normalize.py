from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dedupe.text.normalize import normalize_text, normalize_word, tokenize


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_quotes_dashes_and_spaces() -> None:
    assert normalize_text("\u201cWelcome\u201d \u2014  Putin\u2019s   visit\u00a0") == "\"Welcome\" - Putin's visit"
    assert normalize_text("a\r\n\r\n\r\nb") == "a\n\nb"


def test_nfkc_and_case_folding_of_words() -> None:
    assert normalize_word("\ufb01nal") == "final"
    assert normalize_word("Putin\u2019s") == "putins"
    assert normalize_word("PUTIN") == normalize_word("putin")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_token_offsets_point_into_the_original(text: str) -> None:
    tokens = tokenize(text)
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert normalize_word(text[start:end]) == word
