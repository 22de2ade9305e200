"""Required words of a pattern: every match contains one (so a text without any needs no search)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dedupe.attribution import attribute, credits, cues
from dedupe.text.literals import Found, absent, fold, required, required_words

_PATTERNS = {
    "anaphora": cues.ANAPHORA, "media word": attribute._MEDIA_WORD, "photo hint": attribute._PHOTO_HINT,
    "state media": cues.STATE_MEDIA, "national media": cues.NATIONAL_MEDIA, "poll finding": cues.POLL_FINDING,
    "poll method": cues.POLL_METHOD, "inputs": credits._INPUTS,
    **{f"rule {n} left": r.left for n, r in enumerate(cues.RULES) if r.left is not None},
    **{f"rule {n} right": r.right for n, r in enumerate(cues.RULES) if r.right is not None},
}


@pytest.mark.parametrize("name", sorted(_PATTERNS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_holds_a_required_word(name: str, data: st.DataObject) -> None:
    pattern = _PATTERNS[name]
    words = attribute._ANAPHORA_WORDS if pattern is cues.ANAPHORA else required(pattern)  # (the words it looks for)
    text = data.draw(st.from_regex(pattern))
    m = pattern.search(text)
    if m is not None:
        assert not absent(words, fold(text), m.start(), m.end()), (words, text)


@pytest.mark.parametrize(("pattern", "words"), [
    (r"media|press|\btv\b", {"media", "press", "tv"}),
    (r"\b(?:the|that)\s+(?:report|survey)\b", {"report", "survey"}),  # the longest shortest word
    (r"(?:a|b)?\s*report", {"report"}),
    (r"x(?:report|\w+)", {"x"}),  # an alternative that requires nothing
    (r"[Tt]he", {"he"}),
    (r"[Tt]", None),
    (r"(?=report)\w+", None),  # lookarounds are not read
    (r"(?:news){2,}", {"news"}),
    (r"(?:news)*", None),
    ("\u00a9|photo", {"\u00a9", "photo"}),  # a character without case is compared as it is
    ("caf\u00e9", {"caf"}),  # a cased non-ASCII letter ends the word
])
def test_required_words(pattern: str, words: set[str] | None) -> None:
    assert required_words(re.compile(pattern, re.I)) == (frozenset(words) if words is not None else None)


def test_words_to_avoid_are_chosen_last() -> None:
    pattern = re.compile(r"\b(?:said|added)\s+the\s+(?:tv|paper)\b|\bthe\s+(?:poll|survey)\b", re.I)
    assert required_words(pattern) == {"said", "added", "poll", "survey"}
    assert required_words(pattern, frozenset({"said"})) == {"the", "poll", "survey"}  # then the longest shortest word
    assert required_words(re.compile("said"), frozenset({"said"})) == {"said"}  # no other choice


def test_fold_keeps_offsets_and_folds_what_matches_ascii_letters() -> None:
    assert fold("\u212aREMLIN Pre\u017fs Ajans\u0131") == "kremlin press ajansi"
    assert fold("\u0130stanbul") == "istanbul"
    press = required(re.compile("press", re.I))
    assert absent(press, fold("The PRESS said"), 0, 8)
    assert not absent(press, fold("The PRESS said"), 0, 9)
    assert not absent(None, "x", 0, 1) and not absent(press, None, 0, 1)
    assert fold("caf\u00e9 \u2019s") == "caf\u00e9 \u2019s"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab ", max_size=30), st.lists(st.text(alphabet="ab", min_size=2, max_size=3), min_size=1,
                                                      max_size=4))
def test_found_once_is_absent_span_by_span(text: str, words: list[str]) -> None:
    pattern = required(re.compile("|".join(map(re.escape, words))))
    assert pattern is not None
    foreign = re.compile(pattern.pattern + "|")  # not made by ``required``: searched span by span
    found, found_foreign = Found(pattern, text), Found(foreign, text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert found.absent(start, end) == absent(pattern, text, start, end), (text, words, start, end)
            assert found_foreign.absent(start, end) == absent(foreign, text, start, end)
    assert not Found(None, text).absent(0, 1) and not Found(pattern, None).absent(0, 1)


def test_every_form_of_the_inputs_line_holds_one_of_its_cheap_look_words() -> None:
    """``credits._INPUTS`` names its words by hand (``any_of``): a form without one would never be searched."""
    from dedupe.attribution.credits import _INPUTS, _INPUTS_WORDS
    from dedupe.text.literals import absent, fold

    lines = ["(With inputs from agencies)", "With additional input from Reuters.", "(Con información de AFP y EFE)",
             "Com informações da Reuters", "По материалам РИА Новости", "Mit Material von dpa und AFP",
             "MIT MATERIAL DER AGENTUREN", "(avec l'agence AFP)", "Avec les agences et la rédaction"]
    for line in lines:
        folded = fold(line)
        assert _INPUTS.search(line), line
        assert not absent(_INPUTS_WORDS, folded, 0, len(line)), line
