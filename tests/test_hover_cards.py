"""A site's hover cards inside sentences (The Hill's pages in AllSides' scrape: after a person's name, the full name
glued to headlines about them, closed by "MORE"): cut out of the text, never reuse, never claims. Our own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe import ScanConfig, scan
from dedupe.text.segment import hover_cards, segment

CARD = ("Jane Quincy RoeHarbour board delays vote on ferry fares Council weighs new parking rules "
        "Fish market opens in the old customs shed MORE")


def pieces(text: str) -> list[tuple[str | None, str]]:
    paragraphs, _ = segment(text)
    return [(p.boilerplate, text[p.start:p.end]) for p in paragraphs]


def test_a_card_is_cut_from_the_full_name_to_more_and_the_name_before_it_stays() -> None:
    text = f"Yet Mayor Jane Roe {CARD}'s approval rating has risen since the storm, a poll found."
    assert pieces(text) == [("fragment", "Yet Mayor Jane Roe"), ("related", CARD),
                            (None, "'s approval rating has risen since the storm, a poll found.")]


def test_a_card_without_the_name_before_it_starts_at_the_capitalised_name() -> None:
    text = f"The budget passed. {CARD} said on Tuesday that the vote would be close."
    [(a, b)] = hover_cards(text, 0, len(text))
    assert text[a:b] == CARD


@pytest.mark.parametrize("text", [
    "McConnell's plan was clear, as Trump said MORE or less.",  # a possessive is no glued headline
    "The senator said the BuzzFeed story was wrong and asked for MORE time.",
    "Mayor Jane Roe said the harbour needs more money.",
])
def test_text_without_a_card_keeps_its_paragraphs(text: str) -> None:
    assert hover_cards(text, 0, len(text)) == []
    assert pieces(text) == [(None, text)]


def test_two_stories_of_a_site_that_share_only_a_card_are_no_copies_and_share_no_claim(tmp_path: Path) -> None:
    stories = [
        ("The harbour board met on Monday to discuss the ferry timetable for the summer season. Board members "
         "heard from fishermen who want earlier sailings and from residents who worry about noise at night."),
        ("The school district announced on Friday that classes will start a week later this autumn. Parents were "
         "told that the delay is needed to finish repairs to the roof of the main building after the storm."),
    ]
    endings = ["said the city would pay for extra sailings.", "thanked the teachers for their patience."]
    for n, (story, ending) in enumerate(zip(stories, endings, strict=True)):
        (tmp_path / f"s{n}.txt").write_text(f"{story}\n\nMayor Jane Roe {CARD} {ending}", encoding="utf-8")
    result = scan([tmp_path], ScanConfig())
    assert result.matches == ()
    assert result.provenance.claim_groups == ()
    claims = [c.text for a in result.analyses for c in a.claims]
    assert not any("MORE" in c or "Harbour board delays" in c for c in claims)
    assert set(endings) <= set(claims)  # the rest of the sentence stays a claim


_PIECES = st.sampled_from(["Jane ", "Roe", "RoeHarbour ", "Quincy ", "board delays vote ", " MORE", " MORE's", " MOREx",
                           "Mayor ", "said ", ". ", "\n", "x" * 300, "(Jane) ", "McConnellTrump "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_cards_found_near_their_more_are_the_cards_of_the_whole_pattern(pieces: list[str]) -> None:
    """The pattern runs only on the stretches before a closing "MORE" (``_card_windows``); it finds what it finds
    run over the whole text."""
    from dedupe.text.segment import _HOVER_CARD

    text = "".join(pieces)
    whole = [m.end() for m in _HOVER_CARD.finditer(text)]
    assert [b for _, b in hover_cards(text, 0, len(text))] == whole
