"""The lexicon finds names only where a word of the text may begin one: the same mentions as searching everywhere."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dedupe.attribution.lexicon import (
    _PUNCTUATION,
    _WORD_BYTES,
    Lexicon,
    Source,
    _matches,
    _word_bytes,
    _word_starts,
    default_lexicon,
)

_LEXICON = default_lexicon()
_FORMS = sorted({*_LEXICON._names, *_LEXICON._acronyms})
# characters that test the boundaries and the case rules: hyphens, slashes, apostrophes, the non-ASCII letters that
# match ASCII letters under re.IGNORECASE, accents, a combining mark
_NOISE = st.sampled_from([" ", "  ", "-", "/", "'s ", ". ", "\n", "x", "É", "é", "\u0131", "\u0130", "\u017f",
                          "\u212a", "\u0345", "\u2019", "(", ")", ":", "1", "_", "通", "の"])  # (and kana, kanji)


def _cased(form: str, how: int) -> str:
    return (form, form.upper(), form.title(), form.lower(), form.swapcase())[how]


_PIECE = st.one_of(_NOISE, st.builds(_cased, st.sampled_from(_FORMS), st.integers(0, 4)),
                   st.text(alphabet="abcKISİıſ -", max_size=6))


def _everywhere(lexicon: Lexicon, text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """Mentions as a plain search of both patterns finds them (the reference)."""
    names = [(m.start(), m.end(), m.group()) for m in lexicon._name_re.finditer(text, start, stop)]
    return names + [(m.start(), m.end(), m.group()) for m in lexicon._acronym_re.finditer(text, start, stop)]


def _at_word_starts(lexicon: Lexicon, text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    name_starts, acronym_starts = lexicon._candidate_starts(text, start, stop)
    names = [(m.start(), m.end(), m.group()) for m in _matches(lexicon._name_re, name_starts, text, start, stop)]
    return names + [(m.start(), m.end(), m.group())
                    for m in _matches(lexicon._acronym_re, acronym_starts, text, start, stop)]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, max_size=30), st.integers(0, 5), st.integers(0, 5))
@example(["ブルームバーグ", "ブルームバーグ"], 0, 0)  # a name in a script without spaces right after another
@example(["通信", "AFP", "通信"], 0, 0)  # a Latin name touching such a script
def test_names_found_at_word_starts_as_by_searching_everywhere(pieces: list[str], cut: int, cut_end: int) -> None:
    text = "".join(pieces)
    start, stop = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut_end)
    assert _at_word_starts(_LEXICON, text, start, stop) == _everywhere(_LEXICON, text, start, stop)


def test_non_ascii_letters_that_match_ascii_ones_are_found() -> None:
    lexicon = Lexicon([Source("Anadolu Agency", ("Anadolu Ajansı",), ("AA",), "TR", "news-agency")])
    for text in ("by ANADOLU AJANSI today", "by Anadolu Ajansi", "per anadolu ajansı",
                 "\u0130stanbul, Anadolu Ajans\u0130"):
        found = _at_word_starts(lexicon, text, 0, len(text))
        assert [m[2].lower()[:7] for m in found] == ["anadolu"], text
        assert found == _everywhere(lexicon, text, 0, len(text))


def test_a_form_not_starting_with_a_word_is_searched_everywhere() -> None:
    lexicon = Lexicon([Source("@newsdesk", (), (), "INT", "online")])
    assert lexicon._candidate_starts("x", 0, 1) == (None, None)
    assert [(m.start, m.end) for m in lexicon.find("via @newsdesk.")] == [(4, 13)]


def test_without_acronyms_the_empty_pattern_is_searched_everywhere() -> None:
    lexicon = Lexicon([Source("Anadolu Agency", (), (), "TR", "news-agency")])
    text = "Anadolu Agency said"
    assert _at_word_starts(lexicon, text, 0, len(text)) == _everywhere(lexicon, text, 0, len(text))


# what the byte view of a text (``_word_bytes``) must read right: its own "?" and NUL, the punctuation made spaces,
# letters and marks beyond ASCII (one of which is taken for a "?"), digits and "_" (word characters)
_AWKWARD = st.sampled_from(["?", "\0", "\u2019", "\u201c", "\u00a0", "\u2014", "\u2026", "é", "É", "\u0301", "Ã",
                            "\u2044", "д", "\u00b1", "_", "7", "\t", "\u212a", "\u0131"])
_TEXT = st.lists(st.one_of(_PIECE, _AWKWARD, st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_candidate_starts_are_those_read_one_word_at_a_time(text: str, cut: int, cut_end: int) -> None:
    start, stop = min(cut, len(text)), max(min(cut, len(text)), len(text) - cut_end)
    assert _LEXICON._name_words is not None and _LEXICON._acronym_words is not None
    expected = _word_starts(text, start, stop, _LEXICON._name_words, _LEXICON._acronym_words)
    assert _LEXICON._candidate_starts(text, start, stop) == expected


def test_the_byte_view_keeps_word_characters_and_offsets() -> None:
    assert all(_WORD_BYTES[b] == (b if re.match(r"\w", chr(b)) else 32) for b in range(128) if b != ord("?"))
    assert not any(re.match(r"\w", mark) for mark in _PUNCTUATION)
    text = "Reuters\u2019 caf\u00e9? \0AP\u2014dpa"
    data = _word_bytes(text)
    assert len(data) == len(text) and data.split() == [b"Reuters", b"caf\0", b"AP", b"dpa"]
