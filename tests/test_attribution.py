"""Attribution forms of ../shared/attribution.md, one small hand-written text each (rules only).

The quality floors over the labelled fixtures are in test_quality.py; these tests pin down each
form so that a regression names the form it broke.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dedupe.claims import Claim
from dedupe.config import AttributionConfig, ScanConfig
from dedupe.errors import LexiconError
from dedupe.lexicon import default_lexicon, load_lexicon
from dedupe.models import Document
from dedupe.pipeline import Analysis, analyse

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))


def run(text: str, config: ScanConfig = RULES_ONLY) -> Analysis:
    return analyse(Document("t.txt", text), config)


def claim(analysis: Analysis, fragment: str) -> Claim:
    hits = [c for c in analysis.claims if fragment in c.text]
    assert len(hits) == 1, [c.text for c in analysis.claims]
    return hits[0]


WIRE = (
    "Moscow, Jan 9 (ANI): The Russian defence minister arrived in Minsk on Tuesday for two days of talks, "
    "Russian news agency TASS reported. He was met at the airport by his Belarusian counterpart, the report said.\n\n"
    "Officials are expected to discuss joint exercises planned for the summer.\n\n"
    "According to CNN, Western governments have warned Minsk against hosting more Russian troops. "
    "The pact was signed in 2021, as reported by Al Jazeera.\n\n"
    "Russian state media said the ministers would also visit a tank factory.\n\n"
    "Footage released by Belarus's state broadcaster BelTA showed the two men inspecting a guard of honour. "
    "ANI could not independently verify the footage.\n"
)


def test_relay_of_a_named_source_inside_a_credited_wire_story() -> None:
    a = run(WIRE)
    assert a.attribution.credits == ("ANI",)
    first = claim(a, "arrived in Minsk")
    assert (first.source, first.basis, first.via) == ("TASS", "inline", ("ANI",))
    assert claim(a, "the report said").source == "TASS"
    assert claim(a, "the report said").basis == "anaphora"


def test_unattributed_sentence_falls_back_to_the_document_credit() -> None:
    c = claim(run(WIRE), "joint exercises")
    assert (c.source, c.basis, c.via) == ("ANI", "document-credit", ())


@pytest.mark.parametrize(("fragment", "source"), [
    ("Western governments", "CNN"),
    ("signed in 2021", "Al Jazeera"),
    ("tank factory", "state media of Russia"),
    ("guard of honour", "BelTA"),
])
def test_inline_forms(fragment: str, source: str) -> None:
    c = claim(run(WIRE), fragment)
    assert (c.source, c.basis) == (source, "inline")


def test_non_verification_marks_the_claim_and_is_no_source() -> None:
    a = run(WIRE)
    c = claim(a, "could not independently verify")
    assert c.unverified
    assert c.source == "BelTA"  # carried from the visual attribution earlier in the paragraph
    roles = {x.role for x in a.attribution.attributions if x.text == "ANI" and x.sentence is not None}
    assert roles == {"non-verification"}


SPUN = (
    "The opposition alliance won a majority in the state assembly, officials said on Sunday.\n\n"
    "Image Source : REUTERS\n\n"
    "Counting was held in 40 centres across the state.\n\n"
    "(With inputs from agency)\n\n"
    "Disclaimer: This report is auto-generated from other news portal services. The site holds no responsibility "
    "for its content.\n"
)


def test_photo_credit_is_never_a_text_source_and_disclaimer_marks_derivative() -> None:
    a = run(SPUN)
    assert a.attribution.credits == ("unnamed agency",)
    assert a.attribution.derivative
    photo = [x for x in a.attribution.attributions if x.source == "Reuters"]
    assert photo and all(x.role == "photo-credit" for x in photo)
    assert all(c.source == "unnamed agency" for c in a.claims)


@pytest.mark.parametrize(("text", "expected"), [
    ("KABUL (Reuters) - Talks resumed on Monday.", ("Reuters",)),
    ("NEW YORK, March 3, 2025 /PRNewswire/ -- Northvale said on Monday it agreed to buy a rival.", ("PR Newswire",)),
    ("Talks resumed on Monday.\n\nBy Staff Reporter\n\nMore talks are planned.\n\n- AFP", ("AFP",)),
    ("Talks resumed on Monday.\n\n(With inputs from PTI and IANS)", ("PTI", "IANS")),
    ("Talks resumed on Monday.\n\nh/t The Hindu", ("The Hindu",)),
])
def test_credit_lines(text: str, expected: tuple[str, ...]) -> None:
    assert run(text).attribution.credits == expected


@pytest.mark.parametrize(("text", "role"), [
    ("The minister told Reuters that the plant would reopen in May.", "venue"),
    ("Prices rose for a third month, a Reuters tally of official data showed.", "subject"),
    ("Xinhua could not confirm the number of casualties.", "non-verification"),
])
def test_mentions_that_are_not_sources(text: str, role: str) -> None:
    a = run(text)
    assert [x.role for x in a.attribution.attributions] == [role]
    assert a.claims[0].source is None


def test_an_outlets_poll_is_the_source_of_its_figures() -> None:
    """attribution.md: "an outlet's poll is" an attribution (kind poll), a tally is not."""
    a = run("Prices rose for a third month, a Reuters poll of economists showed.")
    assert [(x.source, x.kind, x.role) for x in a.attribution.attributions] == [("Reuters", "poll", "source")]
    assert a.claims[0].source == "Reuters"


def test_a_venue_does_not_become_the_source() -> None:
    c = run("The minister told Reuters that the plant would reopen in May.").claims[0]
    assert c.source is None and c.basis == "unattributed"


def test_a_story_about_an_agency_quotes_the_company_not_a_source() -> None:
    a = run("Reuters has opened a bureau in Lagos with nine journalists. Reuters said the team would grow next year.")
    assert [c.source for c in a.claims] == [None, None]


@pytest.mark.parametrize("text", [
    "Counting in Andhra Pradesh (AP) was completed on Monday.",
    "The stadium PA system played the anthem.",
    "The RSS said its volunteers had only encouraged people to vote.",
])
def test_ambiguous_acronyms_without_context_are_not_sources(text: str) -> None:
    assert all(c.source is None for c in run(text).claims)


def test_an_ambiguous_acronym_counts_once_the_outlet_is_spelled_out() -> None:
    text = ("Nepal's national news agency, Rastriya Samachar Samiti, said the road had reopened. "
            "Traffic was light on Monday, RSS said.")
    assert [c.source for c in run(text).claims] == ["RSS", "RSS"]


def test_chain_citing_gives_the_cited_source_via_the_relay() -> None:
    c = run("Yonhap news agency, citing KCNA, said the launch was supervised by the leader.").claims[0]
    assert (c.source, c.via) == ("KCNA", ("Yonhap",))


def test_reported_citing_order() -> None:
    c = run("The ship was struck near the port, Al Arabiya reported, citing Saudi officials.").claims[0]
    assert c.source == "Al Arabiya"


@pytest.mark.parametrize(("phrase", "canonical"), [
    ("ITAR-TASS", "TASS"), ("Reuter", "Reuters"), ("Assosiated Press", "AP"), ("Agence France Presse", "AFP"),
])
def test_fuzzy_resolution_of_names(phrase: str, canonical: str) -> None:
    hit = default_lexicon().resolve(phrase)
    assert hit is not None and hit[0] == canonical


def test_short_forms_are_never_resolved_fuzzily() -> None:
    assert default_lexicon().resolve("ANU") is None
    assert default_lexicon().resolve("AFB") is None


def test_user_sources_extend_the_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"sources": [
        {"name": "Harbour Wire", "aliases": ["Harbor Wire"], "country": "NZ", "kind": "news-agency"}]}))
    config = ScanConfig(attribution=AttributionConfig(sources_files=(str(path),), use_classifier=False))
    c = run("The ferry service was suspended, Harbour Wire reported.", config).claims[0]
    assert c.source == "Harbour Wire"
    assert load_lexicon((path,)).get("TASS") is not None


def test_bad_user_lexicon_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"sources": [{"name": "X", "kind": "blog"}]}')
    with pytest.raises(LexiconError, match="unknown kind"):
        load_lexicon((path,))


def test_shipped_lexicon_size_and_regions() -> None:
    lex = default_lexicon()
    assert len(lex.sources) >= 120
    countries = {s.country for s in lex.sources.values()}
    regions = {"RU", "CN", "IN", "PK", "JP", "KR", "KP", "US", "GB", "FR", "DE", "TR", "QA", "EG", "NG", "ZA", "BR"}
    assert regions <= countries
