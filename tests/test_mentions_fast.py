"""Fast paths of the mention patterns give the matches of the original formulation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.attribution.mentions import (
    _DESCRIBED,
    _PAPER_WORD_FOUND,
    _PERSON,
    _SHORT_WORD_FOUND,
    _UNLISTED_PAPER,
    SHORT_FORM,
    _described,
    _in_runs,
    _starts,
    person_surnames,
)
from dedupe.text.literals import fold

# every way a descriptor begins (the alternatives of _DESCRIPTOR), and what may follow one
_DESCRIPTORS = ["news site", "news website", "news portal", "news outlet", "news agency", "news channel",
                "news network", "news affiliate", "newspaper", "daily", "tabloid", "weekly", "magazine", "broadcaster",
                "TV station", "television channel", "radio network", "Boulevardzeitung", "Tageszeitung",
                "Wochenzeitung", "Zeitung", "Nachrichtenagentur", "Nachrichtenmagazin", "Fernsehsender", "Sender"]
_NOISE = st.sampled_from([" ", "  ", "-", "'", "\u201e", "\u201c", ". ", "\n", "x", "The ", "de ", "El Mundo",
                          "RTL Info", "Monday", "\u0131", "\u0130", "\u017f", "\u212a", "\u00e9", "1", "_", "said"])


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.title(), word.lower(), word.swapcase(), word.replace("s", "\u017f"),
            word.replace("i", "\u0131"))[how]


_PIECE = st.one_of(_NOISE, st.builds(_cased, st.sampled_from(_DESCRIPTORS), st.integers(0, 6)),
                   st.text(alphabet="aNnSsZz \u017f\u0131-", max_size=6))


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span("name") for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECE, max_size=30), st.integers(0, 8))
def test_described_outlets_are_found_as_by_searching_everywhere(pieces: list[str], cut: int) -> None:
    text = "".join(pieces)
    start = min(cut, len(text))
    assert _spans(_described(text, start, fold(text))) == _spans(_DESCRIBED.finditer(text, start))


def test_each_descriptor_is_found() -> None:
    for word in _DESCRIPTORS:
        for how in range(7):
            text = f"the {_cased(word, how)} RTL Info reported, per {_cased(word, how)} Correio de Manha."
            assert _spans(_described(text, 0, fold(text))) == _spans(_DESCRIBED.finditer(text, 0)), text
        assert _spans(_described(f"the {word} Correio said", 0, fold(f"the {word} Correio said"))), word


# what short forms and unlisted papers are made of, and what ends their runs of letters, spaces and hyphens
_WORDS = st.sampled_from(["The", "the", "a", "An", "Times", "Post", "Sun-Times", "Journal", "Herald", "Free Press",
                          "Daily News", "Public Radio", "Argus Leader", "Post-Gazette", "Westmarch", "Anna", "Sunday",
                          "In", "local", "big", "new", "York", "Times Union", "Star", "Bee", "Press"])
_GAPS = st.sampled_from([" ", " ", " ", " ", "  ", "\n", "\t", "-", ". ", ", ", "'s ", "\u2019", "\u00e9", "_", "1",
                         "(", "\u00a0", "\u2003", ""])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), max_size=20), st.integers(0, 12))
def test_searching_the_runs_around_a_word_finds_what_searching_everywhere_finds(pieces: list[tuple[str, str]],
                                                                              cut: int) -> None:
    text = "".join(word + gap for word, gap in pieces)
    start = min(cut, len(text))
    for pattern, word in ((SHORT_FORM, _SHORT_WORD_FOUND), (_UNLISTED_PAPER, _PAPER_WORD_FOUND)):
        found = [(m.span(), m.groupdict()) for m in _in_runs(pattern, _starts(word, text, start), text, start)]
        assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text, start)]


_NAMES = st.sampled_from(["Michael", "Bloomberg", "Reuters", "Mr.", "Mr", "Mayor", "Don", "Guardian", "R.", "The",
                          "Nachrichtenagentur", "New", "Annika", "Reuter", "CNN", "Bild", "Sun", "dpa", "Ms", "Judge"])
_BREAKS = st.sampled_from([" ", " ", " ", " ", "  ", "\n", ". ", ", ", "-", "'s ", "\u2019", "\u00e9", "_", "1", "",
                          "\u00a0"])
_FORMS = st.sets(st.sampled_from(["Bloomberg", "Reuters", "Guardian", "Reuter", "CNN", "Bild", "Sun", "dpa", "Don"]))


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(_NAMES, _BREAKS), max_size=20), _FORMS)
def test_person_surnames_are_those_of_searching_everywhere(pieces: list[tuple[str, str]], forms: set[str]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    expected = {m.group("surname") for m in _PERSON.finditer(text) if m.group("surname") in forms}
    assert person_surnames(text, forms) == expected
