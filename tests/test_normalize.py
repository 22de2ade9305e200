from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dedupe.text.normalize import _is_plain, _token_patterns, normalize_text, normalize_word, tokenize


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


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_the_plain_pattern_is_taken_only_where_it_finds_the_same_tokens(text: str) -> None:
    """Text without combining marks or characters of scripts without spaces is tokenised with the plain word
    pattern, which must then give what the full pattern gives."""
    plain, marked, special = _token_patterns()
    if _is_plain(text, special):
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in marked.finditer(text)]


def test_combining_marks_stay_in_their_word() -> None:
    assert tokenize("cafe\u0301 au lait").words == ("caf\u00e9", "au", "lait")  # NFD accent: one word, NFKC form
    assert tokenize("\u0928\u0917\u0930\u200d\u092a\u093e\u0932\u093f\u0915\u093e").words == ("नगरपालिका",)  # joiner
    assert tokenize("hindi \u0939\u093f\u0928\u094d\u0926\u0940").words == ("hindi", "हिन्दी")
