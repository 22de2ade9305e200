"""Provenance: direction of reuse, stories, chain of custody and claim groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.evaluation import load_claim_group_labels, load_pair_labels, score_claim_groups, score_directions
from dedupe import build_report, scan
from dedupe.models import Match
from dedupe.provenance.direction import Side, direction, parse_published
from dedupe.provenance.stories import assign_stories
from dedupe.report.render_text import render_text
from tests.conftest import LABELS, assert_valid_report


def test_direction_meets_the_floor(fixture_scan: Any) -> None:
    _, report = fixture_scan
    scores = score_directions(report, load_pair_labels(LABELS))
    assert scores.labelled >= 30
    assert scores.accuracy >= 0.9, scores.errors
    assert scores.wrong == 0, scores.errors  # unknown is allowed, reversed is not


def test_claim_groups_meet_the_floor(fixture_scan: Any) -> None:
    _, report = fixture_scan
    documents, groups = load_claim_group_labels(LABELS)
    assert len(groups) >= 150
    scores = score_claim_groups(report, documents, groups)
    assert scores.precision >= 0.9, scores.false_pairs[:5]
    assert scores.recall >= 0.85, scores.missed_pairs[:5]
    assert scores.original_source_accuracy >= 0.9


def test_every_claim_answers_where_it_came_from(fixture_scan: Any) -> None:
    """A claim's original source is its group's, unless that contradicts the named source its own document
    gives it without a relay chain putting the group's source upstream; outside groups, its own source."""
    _, report = fixture_scan
    groups = {g["id"]: g for g in report["claim_groups"]}
    kept = 0
    for claim in report["claims"]:
        group = groups.get(claim["group"]) if claim["group"] else None
        if group is None:
            assert claim["original_source"] == claim["source"]
            continue
        relays = {(up, down) for o in group["occurrences"] for chain in [[n for n in (o["source"], *o["via"]) if n]]
                  for i, up in enumerate(chain) for down in chain[i + 1:]}
        own, original = claim["source"], group["original_source"]
        if own in (None, "unnamed agency") or (original, own) in relays:
            assert claim["original_source"] == original
        else:
            assert claim["original_source"] == own
            kept += own != original
    assert kept >= 1  # the fixtures hold groups whose occurrences name different sources
    in_sources = {c for s in report["sources"] for c in s["claims"]}
    assert in_sources == {c["id"] for c in report["claims"] if c["original_source"] is not None}


def test_every_match_has_a_direction_with_evidence(fixture_scan: Any) -> None:
    _, report = fixture_scan
    for m in report["matches"]:
        d = m["direction"]
        if d["status"] == "decided":
            assert {d["source"], d["copy"]} == {m["a"], m["b"]}
            assert any(e["favours"] == d["source"] for e in d["evidence"])


def _side(doc: str, outlet: str | None = None, published: str | None = None, credits: tuple[str, ...] = (),
          derivative: bool = False) -> Side:
    return Side(doc, outlet, published, credits, frozenset(), derivative)


def _match(coverage_a: float = 1.0, coverage_b: float = 1.0, kind: str = "near-duplicate") -> Match:
    return Match("a", "b", kind, 0.9, 0.9, 0.9, 0.9, coverage_a, coverage_b, ())


def test_a_credit_decides_the_direction() -> None:
    d = direction(_match(), _side("a", outlet="PTI", credits=("PTI",)), _side("b", outlet="Portal", credits=("PTI",)),
                  margin=1.0)
    assert (d.source, d.copy) == ("a", "b")
    assert [e.kind for e in d.evidence] == ["credit"]


def test_disclaimer_and_dates_decide_and_conflicts_stay_unknown() -> None:
    d = direction(_match(), _side("a", published="2024-06-20"), _side("b", derivative=True), margin=1.0)
    assert d.source == "a"
    early_copy = direction(_match(), _side("a", published="2024-06-21"),
                           _side("b", published="2024-06-20", derivative=True), margin=1.0)
    assert early_copy.source is None  # 1.5 for the disclaimer against 1.0 for the date: below the margin
    assert {e.kind for e in early_copy.evidence} == {"derivative", "published"}
    tie = direction(_match(), _side("a", published="2024-06-19"), _side("b", published="2024-06-20T09:00"),
                    margin=1.5)
    assert tie.source is None and [e.kind for e in tie.evidence] == ["published"]


def test_no_evidence_is_unknown() -> None:
    d = direction(_match(), _side("a", credits=("PTI",)), _side("b", credits=("PTI",)), margin=1.0)
    assert d.source is None and d.evidence == ()


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-06-20", "2024-06-20T00:00:00"), ("2024-06-20T10:30:00Z", "2024-06-20T10:30:00"), ("June 20", None),
    (None, None), ("2024-13-45", None),
])
def test_parse_published(value: str | None, expected: str | None) -> None:
    parsed = parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_reuse_clusters_do_not_merge_through_shared_claims() -> None:
    reuse = [("a1", "a2"), ("b1", "b2")]
    shared = [("a1", "b1"), ("a2", "b2"), ("a1", "b2"), ("n", "a1"), ("n", "a2"), ("n", "b1"), ("x", "y"), ("x", "y")]
    assert assign_stories(reuse, shared) == [["a1", "a2", "n"], ["b1", "b2"], ["x", "y"]]


WIRE = """title: Minister arrives in Minsk for defence talks
outlet: ANI
published: 2025-03-04

Moscow, Mar 4 (ANI): Russia's defence minister arrived in Minsk on Tuesday for two days of talks with his
Belarusian counterpart on joint exercises planned for the summer, Russian news agency TASS reported.

The minister was met at the airport by a guard of honour and a delegation from the Belarusian general staff,
the report said. Officials are expected to review the schedule of the drills and the deployment of air
defence units along the western border of the union state.

Both sides have said the exercises are defensive. Western governments have warned that the build-up of
troops in Belarus raises the risk of an incident close to the borders of Poland and Lithuania.

The two ministers last met in December in Moscow, when they signed an agreement on the supply of training
aircraft and the joint repair of armoured vehicles at plants in Borisov and Baranovichi.
"""

COPY = """title: Russian defence chief lands in Minsk, talks on drills
outlet: Daily Portal 24
published: 2025-03-04

Russia's defence minister arrived in Minsk on Tuesday for two days of talks with his Belarusian counterpart
on joint exercises planned for the summer, Russian news agency TASS reported.

The minister was met at the airport by a guard of honour and a delegation from the Belarusian general staff,
the report said. Officials are expected to review the schedule of the drills and the deployment of air
defence units along the western border of the union state.

Both sides have said the exercises are defensive. Western governments have warned that the build-up of
troops in Belarus raises the risk of an incident close to the borders of Poland and Lithuania.

(With inputs from agency)

Disclaimer: This story is auto-generated from a syndicated feed and has not been edited by our staff.
"""


def test_relay_chain_tass_ani_portal(tmp_path: Path) -> None:
    (tmp_path / "ani.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "portal.txt").write_text(COPY, encoding="utf-8")
    report = build_report(scan([tmp_path]), "test")
    assert_valid_report(report)
    [match] = report["matches"]
    assert (match["direction"]["source"], match["direction"]["copy"]) == ("ani.txt", "portal.txt")
    [story] = report["stories"]
    assert story["origin"]["document"] == "ani.txt" and story["origin"]["source"] == "ANI"
    edges = {(e["from"], e["to"], e["kind"]) for e in story["custody"]["edges"]}
    assert {("source:TASS", "source:ANI", "relay"), ("source:ANI", "ani.txt", "credit"),
            ("ani.txt", "portal.txt", "reuse")} <= edges
    arrived = next(c for c in report["claims"] if c["document"] == "portal.txt" and "arrived in Minsk" in c["text"])
    assert arrived["source"] == "TASS" and arrived["via"] == ["unnamed agency"]
    group = next(g for g in report["claim_groups"] if g["id"] == arrived["group"])
    assert {o["document"] for o in group["occurrences"]} == {"ani.txt", "portal.txt"}
    assert group["original_source"] == "TASS"
    troops = next(c for c in report["claims"] if c["document"] == "portal.txt" and "build-up" in c["text"])
    assert troops["source"] == "unnamed agency" and troops["original_source"] == "ANI"


def test_documents_without_reuse_do_not_chain_into_one_story() -> None:
    shared = [("a", "b"), ("a", "b"), ("b", "c"), ("b", "c"), ("c", "d"), ("c", "d"), ("d", "e"), ("d", "e")]
    stories = assign_stories([], shared)
    assert stories == [["a", "b", "c"], ["d", "e"]]  # connected components would make one story of a..e


LEAD = """Disclaimer: this story is auto-generated from a syndicated feed.

{}
"""


def test_a_republisher_is_never_a_story_origin(tmp_path: Path) -> None:
    body = "\n\n".join(COPY.split("\n\n")[1:4])  # the portal's paragraphs without its header or credit line
    for name, outlet, day in (("one.txt", "Portal One", "03"), ("two.txt", "Portal Two", "04")):
        header = f"title: Defence talks\noutlet: {outlet}\npublished: 2025-03-{day}\n\n"
        (tmp_path / name).write_text(header + LEAD.format(body), encoding="utf-8")
    report = build_report(scan([tmp_path]), "test")
    [story] = report["stories"]
    assert story["origin"]["document"] == "one.txt"  # the earlier one
    assert story["origin"]["source"] is None  # an aggregator that only republished names no source


def test_a_story_origin_without_dates_does_not_claim_to_be_the_earliest(tmp_path: Path) -> None:
    body = "\n\n".join(COPY.split("\n\n")[1:4])
    for name, outlet in (("one.txt", "Portal One"), ("two.txt", "Portal Two")):
        (tmp_path / name).write_text(f"title: Defence talks\noutlet: {outlet}\n\n" + LEAD.format(body),
                                     encoding="utf-8")
    [story] = build_report(scan([tmp_path]), "test")["stories"]
    assert story["origin"]["document"] == "one.txt"
    assert story["origin"]["evidence"] == "most matches (no publication dates), then first id"


def test_a_stock_phrase_does_not_join_stories() -> None:
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import ClaimLink
    from dedupe.provenance.stories import STOCK_PHRASE_DOCUMENTS, _story_links

    def claim(doc: str, n: int) -> Claim:
        return Claim(f"{doc}:{n}", doc, Span(0, 1), "x", None, "unattributed", (), False, None)

    docs = [f"d{k}" for k in range(STOCK_PHRASE_DOCUMENTS + 2)]
    claims = {c.id: c for d in docs for c in (claim(d, 0), claim(d, 1))}
    note = [ClaimLink(f"{a}:0", f"{b}:0", 0.9) for i, a in enumerate(docs) for b in docs[i + 1:]]  # everywhere
    fact = [ClaimLink("d0:1", "d1:1", 0.9)]  # in two documents only
    assert _story_links([*note, *fact], claims) == [("d0", "d1")]


def test_a_story_chain_does_not_group_loose_claims_of_unrelated_documents() -> None:
    """Two documents of one story that share no passage and report different events (a live blog of one
    primary night and of the next, joined through other documents) group a claim pair only when nearly the
    same words; reports of one event, or documents sharing a passage, group restatements as before."""
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import ClaimLink
    from dedupe.provenance.stories import SAME_EVENT, SAME_EVENT_LINK, UNRELATED_DOCUMENTS_LINK, ClaimDates, _groupable

    texts = {"a": "The mayor of Dover resigned.", "b": "Voters in Dover lost their mayor.", "c": "x",
             "d": "It is a new day."}
    claims = ClaimDates({c.id: c for c in (Claim(f"{d}:0", d, Span(0, 1), t, None, "unattributed", (), False, None)
                                           for d, t in texts.items())})
    story_of = {"a": "story-1", "b": "story-1", "d": "story-1"}
    loose = UNRELATED_DOCUMENTS_LINK - 0.2
    assert not _groupable(story_of, set(), claims, ClaimLink("a:0", "b:0", loose, SAME_EVENT - 0.1))
    assert _groupable(story_of, {("a", "b")}, claims, ClaimLink("a:0", "b:0", loose, SAME_EVENT - 0.1))
    assert _groupable(story_of, set(), claims, ClaimLink("a:0", "b:0", loose, SAME_EVENT))  # a name in both
    assert not _groupable(story_of, set(), claims, ClaimLink("a:0", "d:0", SAME_EVENT_LINK - 0.05, SAME_EVENT))
    assert _groupable(story_of, set(), claims, ClaimLink("a:0", "d:0", SAME_EVENT_LINK, SAME_EVENT))
    assert _groupable(story_of, set(), claims, ClaimLink("a:0", "b:0", UNRELATED_DOCUMENTS_LINK, 0.0))
    assert not _groupable(story_of, set(), claims, ClaimLink("a:0", "c:0", loose, 1.0))  # across stories


def test_claims_of_two_stories_share_a_fact_and_three_words() -> None:
    from dedupe.provenance.stories import _share_a_fact

    assert not _share_a_fact("But I was against the war in Iraq.", "He said no to the Iraq war.")  # two words
    assert _share_a_fact("Sanders won the primary in Oklahoma and Vermont.", "Sanders also won Oklahoma and Vermont.")
    assert not _share_a_fact("Officials could not independently verify the claims.",
                             "Reporters could not independently verify the claims.")  # no name or number
    assert not _share_a_fact("Officials could not independently verify the claims.",
                             "Officials could not independently verify the claims.", 1.0)  # three words
    copied = ("Sign up here, and read the weekly newsletter below.",
              "Sign up here or read the weekly newsletter below:")
    assert _share_a_fact(*copied, 1.0)  # a line of seven content words copied whole is one statement
    asked = ("Jane Roe, a spokeswoman for the mayor, did not respond to a request for comment.",
             "Mayor's spokeswoman Jane Roe did not respond to the Ledger's request for comment.")
    assert not _share_a_fact(*asked, 0.85)  # two reporters' requests, months apart: not one claim
    assert not _share_a_fact(asked[0], asked[0], 1.0)  # the same words in two stories: still two requests
    assert not _share_a_fact("Margin of error +/- 3 percentage points for the Ledger poll.",
                             "The Ledger poll has a margin of error of 3 percentage points.", 0.85)  # two polls
    assert _share_a_fact("Jane Roe, a spokeswoman for the mayor, said the budget was approved.",
                         "Mayor's spokeswoman Jane Roe said the budget had been approved.", 0.85)
    assert not _share_a_fact(*copied, 0.9)


def test_a_shared_year_does_not_carry_a_link_across_stories() -> None:
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import NUMBER_BONUS, ClaimLink
    from dedupe.provenance.stories import ClaimDates, _without_dates

    def claim(doc: str, text: str) -> Claim:
        return Claim(f"{doc}:0", doc, Span(0, 1), text, None, "unattributed", (), False, None)

    claims = {c.id: c for c in (claim("a", "The Latest on campaign 2016 on Super Tuesday, with 15 states voting."),
                                claim("b", "The Latest on campaign 2016 before the New York primary, 15 states."))}
    link = ClaimLink("a:0", "b:0", 0.5 + 2 * NUMBER_BONUS)
    assert abs(_without_dates(link, ClaimDates(claims)) - (0.5 + NUMBER_BONUS)) < 1e-9  # 15 still counts, 2016 does not
    claims = {c.id: c for c in (claim("a", "Most Southern states holding contests on March 15 have large minorities."),
                                claim("b", "After that, 11 states hold contests on March 15, known as Super Tuesday."))}
    assert abs(_without_dates(ClaimLink("a:0", "b:0", 0.42 + NUMBER_BONUS), ClaimDates(claims)) - 0.42) < 1e-9


_DATE_PIECES = ["March 1", "Nov. 12", "2016", "1999", "5", "5,000", "12", " on ", " states ", "March", "1", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=8).map("".join),
       st.lists(st.sampled_from(_DATE_PIECES), max_size=8).map("".join), st.floats(0.0, 1.5))
def test_score_without_dates_equals_the_reference(a: str, b: str, similarity: float) -> None:
    """``_without_dates`` (days found only for links sharing a number) equals the score computed from every
    claim's numbers and days."""
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import NUMBER_BONUS, ClaimLink
    from dedupe.provenance.facts import YEAR, scored_numbers, specifics
    from dedupe.provenance.stories import ClaimDates, _days, _without_dates

    claims = {f"{d}:0": Claim(f"{d}:0", d, Span(0, 1), t, None, "unattributed", (), False, None)
              for d, t in (("a", a), ("b", b))}
    shared = scored_numbers(specifics(a)) & scored_numbers(specifics(b))
    dates = {n for n in shared if YEAR.fullmatch(n)} | (_days(a) & _days(b))
    expected = similarity - NUMBER_BONUS * (min(len(shared), 2) - min(len(shared - dates), 2))
    assert _without_dates(ClaimLink("a:0", "b:0", similarity), ClaimDates(claims)) == expected


def test_one_name_in_two_facts_of_a_roundup_is_no_link() -> None:
    """Two reports of one event: a name they share links two claims only with a word besides the names in common
    ("The mayor of Dover resigned." / "Voters in Dover lost their mayor."), not one name in two facts of a state
    roundup."""
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import ClaimLink
    from dedupe.provenance.stories import SAME_EVENT, SAME_EVENT_LINK, ClaimDates, _groupable

    texts = {"a": "Gov. Jane Roe has not issued a stay-at-home order.",
             "b": "Large outdoor venues may now reopen to the public, Gov. Jane Roe said on Monday.",
             "c": "The governor, Jane Roe, issued a stay-at-home order on Friday."}
    claims = ClaimDates({c.id: c for c in (Claim(f"{d}:0", d, Span(0, 1), t, None, "unattributed", (), False, None)
                                           for d, t in texts.items())})
    story_of = dict.fromkeys(texts, "story-1")
    loose = SAME_EVENT_LINK - 0.1
    assert not _groupable(story_of, set(), claims, ClaimLink("a:0", "b:0", loose, SAME_EVENT))
    assert _groupable(story_of, set(), claims, ClaimLink("a:0", "c:0", loose, SAME_EVENT))


def _groupable_reference(story_of: dict[str, str], reused: set[tuple[str, str]], claims: Any, link: Any) -> bool:
    """``_groupable`` as first written: the score without dates of every link that is not grouped otherwise."""
    from dedupe.provenance.claimindex import claim_words
    from dedupe.provenance.facts import YEAR, names, scored_numbers, specifics
    from dedupe.provenance.stories import (
        CROSS_STORY_LINK,
        NAME_LINK_WORDS,
        SAME_EVENT,
        SAME_EVENT_LINK,
        UNRELATED_DOCUMENTS_LINK,
        _days,
        _share_a_fact,
        _without_dates,
    )

    claim_a, claim_b = claims.claim_by_id[link.a], claims.claim_by_id[link.b]
    a, b = claim_a.document, claim_b.document
    if link.passage:
        return True
    if a in story_of and story_of.get(a) == story_of.get(b):
        if (min(a, b), max(a, b)) in reused:
            return True
        shared = scored_numbers(specifics(claim_a.text)) & scored_numbers(specifics(claim_b.text))
        dates = {n for n in shared if YEAR.fullmatch(n)} | (_days(claim_a.text) & _days(claim_b.text))
        named = names(claim_a.text) | names(claim_b.text)
        beyond = [w for w in claim_words(claim_a.text) if w in claim_words(claim_b.text) and w[:4] not in named]
        specific = bool(shared - dates) or (bool(names(claim_a.text) & names(claim_b.text))
                                            and len(beyond) >= NAME_LINK_WORDS)
        if link.documents >= SAME_EVENT and (link.similarity >= SAME_EVENT_LINK or specific):
            return True
        return bool(_without_dates(link, claims) >= UNRELATED_DOCUMENTS_LINK)
    score = _without_dates(link, claims)
    return score >= CROSS_STORY_LINK and _share_a_fact(claim_a.text, claim_b.text, score)


_FACT_PIECES = [*_DATE_PIECES, " Sanders ", " Iowa ", " won ", " voters ", " the ", " primary "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FACT_PIECES), max_size=10).map("".join),
       st.lists(st.sampled_from(_FACT_PIECES), max_size=10).map("".join),
       st.sampled_from([0.3, 0.59, 0.6, 0.65, 0.75, 0.79, 0.8, 0.85, 0.95, 1.0, 1.2, 1.4]),
       st.sampled_from([0.0, 0.29, 0.3, 0.9]),
       st.booleans(), st.sampled_from(["same", "other", "none"]), st.booleans())
def test_groupable_equals_the_reference(a: str, b: str, similarity: float, documents: float, passage: bool,
                                        stories: str, reused: bool) -> None:
    """``_groupable`` (no date looked for below the score it needs) decides as the reference on every link."""
    from dedupe.attribution.claims import Claim
    from dedupe.models import Span
    from dedupe.provenance.claimgroups import ClaimLink
    from dedupe.provenance.stories import ClaimDates, _groupable

    claims = {f"{d}:0": Claim(f"{d}:0", d, Span(0, 1), t, None, "unattributed", (), False, None)
              for d, t in (("a", a), ("b", b))}
    story_of = {"a": "story-1", "b": "story-1" if stories == "same" else "story-2"} if stories != "none" else {}
    pairs = {("a", "b")} if reused else set()
    link = ClaimLink("a:0", "b:0", similarity, documents, passage)
    assert _groupable(story_of, pairs, ClaimDates(claims), link) == _groupable_reference(story_of, pairs,
                                                                                         ClaimDates(claims), link)


def test_a_claim_sourced_to_a_list_of_outlets_counts_for_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Dam talks resume\n\nCNN and Fox News reported that the talks on the dam would resume on Monday. "
        "Both networks said the ministers had agreed on a date.\n\nThe river has flooded twice this year.\n",
        encoding="utf-8")
    report = build_report(scan([tmp_path]), "test")
    assert_valid_report(report)
    first, second = report["claims"][1:3]  # (the headline is the first claim)
    assert (first["source"], first["also_sources"]) == ("CNN", ["Fox News"])
    assert (second["source"], second["also_sources"], second["basis"]) == ("CNN", ["Fox News"], "paragraph")
    by_name = {s["name"]: s["claims"] for s in report["sources"]}
    assert by_name["CNN"] == by_name["Fox News"] == [first["id"], second["id"]]


def test_the_text_view_says_which_sources_a_claim_was_named_with(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("CNN and Fox News reported that the talks on the dam would resume on Monday.\n",
                                    encoding="utf-8")
    text = render_text(build_report(scan([tmp_path]), "test"), {})
    assert '"CNN and Fox News reported that the talks on the dam would resume on Monday." (with Fox News)' in text
    assert '"CNN and Fox News reported that the talks on the dam would resume on Monday." (with CNN)' in text
