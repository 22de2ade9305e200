"""Attribution forms of ../shared/attribution.md, one small hand-written text each (rules only).

The quality floors over the labelled fixtures are in test_quality.py; these tests pin down each
form so that a regression names the form it broke.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dedupe.attribution.claims import Claim
from dedupe.attribution.lexicon import default_lexicon, load_lexicon
from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.errors import LexiconError
from dedupe.models import Document

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


BODY = "Officials met on Monday to discuss the budget for the coming year and agreed to meet again in March."


@pytest.mark.parametrize(("text", "expected"), [
    # where real text puts credits: after a headline, a By line, a date line, a standfirst
    ("Region trains more engineers.\n\nNAIROBI, Kenya (AP) — Amina Otieno runs a new lab.", ("AP",)),
    ("Clinton calls for action.\n\nNEW YORK, Nov. 19 (UPI) — Clinton spoke on Thursday.", ("UPI",)),
    ("Donor meets candidate.\n\nBy Staff\n\nMACAU (Reuters) – The donor said on Friday he met him.", ("Reuters",)),
    (f"Kurz gemeldet\n\n{BODY} {BODY}\n\nBerlin (dpa) - Die Zahl stieg um ein Drittel.", ("dpa",)),
    ("Wiesbaden (KNA/iz). Die Kirche hat einen neuen Bischof.", ("KNA",)),
    ("Madrid (EFE).- El Gobierno aprobó un plan de ayudas.", ("EFE",)),
    ("МОСКВА, 12 марта. /ТАСС/. Президент провел совещание.", ("TASS",)),
    ("新华社北京3月12日电 国务院召开常务会议。", ("Xinhua",)),
    ("HOUSTON, Texas (KTRK) -- City crews repaved two downtown blocks overnight.", ("KTRK",)),  # a station's call sign
    # bylines and closing lines
    ("By Reuters\n\n" + BODY, ("Reuters",)),
    ("By The Associated Press\n\n" + BODY, ("AP",)),
    ("Por Agencia EFE\n\n" + BODY, ("EFE",)),
    (BODY + "\n\n(dpa)", ("dpa",)),
    (BODY + "\n\n(FR mit dpa)", ("dpa",)),
    (BODY + "\n\nAssociated Press contributed to this report.", ("AP",)),
    (BODY + "\n\n© Thomson Reuters 2020", ("Reuters",)),
    (BODY + "\n\nCopyright 2018 The Associated Press. All rights reserved.", ("AP",)),
    (BODY + "\n\n(Con información de AFP, EFE y Reuters)", ("AFP", "EFE", "Reuters")),
    ("Quelle: dpa-AFX\n\n" + BODY, ("dpa",)),
    (BODY + "\n\nQuelle: dpa-AFX", ("dpa",)),
    # a wire's bare name, "NAME, WIRE", "SITE avec WIRE" on the first or last line; other scripts' "source:"
    ("Lena Hoff, Reuters\n\n" + BODY, ("Reuters",)),
    ("Le Quotidien avec AFP\n\n" + BODY, ("AFP",)),
    ("Xinhua | Updated: 2024-05-02 10:31\n\n" + BODY, ("Xinhua",)),
    (BODY + "\n\nReuters", ("Reuters",)),
    (BODY + "\n\nAgencies", ("unnamed agency",)),
    (BODY + "\n\nŹródło: PAP", ("PAP",)),
    (BODY + "\n\nSource: Xinhua| 2024-05-02 10:31:00|Editor: Li", ("Xinhua",)),
    (BODY + " (dpa/lh)", ("dpa",)),  # the wire's bracket closing the last paragraph
    ("Kurz gemeldet\n\nVon: jk/dpa\n\n" + BODY, ("dpa",)),  # a byline with a colon and the author's initials
    ("Titel\n\nText: dpa/lnw\n\n" + BODY, ("dpa",)),
])
def test_credit_lines_as_real_text_writes_them(text: str, expected: tuple[str, ...]) -> None:
    assert run(text).attribution.credits == expected


@pytest.mark.parametrize("text", [
    f"Cabinet approves budget\n\n{BODY}\n\nASSOCIATED PRESS.\n\n{BODY}",  # a caption credit between paragraphs
    f"{BODY}\n\nJim Doe / Reuters\n\n{BODY}",
    f"{BODY}\n\nThe Guardian",  # only a wire credits with its bare name
    f"{BODY} (Reuters)\n\n{BODY}",  # not the last paragraph
])
def test_lines_that_only_look_like_a_wire_credit(text: str) -> None:
    assert run(text).attribution.credits == ()


@pytest.mark.parametrize("text", [
    "Die ganze Welt schaut auf die Zinsen, sagte ein Berater in Frankfurt.",
    "En todo el país se esperan temperaturas altas, dijo el ministro.",
    "Los productores advirtieron de que el tiempo seco podría durar hasta el otoño, informó el ministerio.",
    "Bild: Symbolbild",
    "Michael Bloomberg is weighing a run. Bloomberg said in a statement that he would decide by March.",
    "The National Rifle Association says the new rules go too far.",
    "Growth was strong, according to a recent report from Bloomberg New Energy Finance.",
])
def test_words_and_names_that_are_not_outlets(text: str) -> None:
    a = run(text)
    assert not [x for x in a.attribution.attributions if x.role == "source"], a.attribution.attributions
    assert all(c.source is None for c in a.claims)


@pytest.mark.parametrize(("text", "source", "kind"), [
    ("The Washington Post ran a feature Saturday that described the network.", "Washington Post", "inline-verb"),
    ("Clinton is seizing upon a New York Times report that the office delayed an inspection.", "New York Times",
     "report-that"),
    ("He is losing support, according to a new article in Politico.", "Politico", "report-in"),
    ("A Bloomberg poll shows that 52 percent of voters disapprove.", "Bloomberg", "poll"),
    ("In a new Washington Post-ABC News poll, 18 percent view him favourably.", "Washington Post", "poll"),
    ("RT covered the action as a sign of unrest.", "RT", "inline-verb"),
    ("The term was coined by critics, as The Daily Beast called them in March.", "The Daily Beast", "inline-verb"),
    ("KING-TV reported that the march began at noon.", "KING-TV", "inline-verb"),
])
def test_inline_sources_as_real_text_writes_them(text: str, source: str, kind: str) -> None:
    a = run(text)
    first = next(x for x in a.attribution.attributions if x.role == "source")
    assert (first.source, first.kind) == (source, kind)
    assert a.claims[0].source == source


def test_short_forms_resolve_to_the_outlet_named_earlier() -> None:
    a = run("The Wall Street Journal editorial board wrote about the race.\n\n"
            "The Journal notes that the governor was re-elected twice. The Times was not mentioned.")
    notes = claim(a, "The Journal notes")
    assert (notes.source, notes.basis) == ("Wall Street Journal", "inline")
    assert not [x for x in a.attribution.attributions if x.text == "Times"]  # no New York Times named: no guess


def test_the_publisher_names_itself_by_short_form() -> None:
    doc = Document("t.txt", "A review by The Times shows that most flights were for campaign travel.",
                   outlet="New York Times")
    assert analyse(doc, RULES_ONLY).claims[0].source == "New York Times"


def test_generic_national_media_is_a_source_like_state_media() -> None:
    a = run("Russia media said earlier that Kim will host a reception. Chinese media reported the talks ran late.")
    assert [c.source for c in a.claims] == ["media of Russia", "media of China"]


def test_the_poll_found_refers_to_the_outlets_poll() -> None:
    a = run("A new CNN poll was released on Monday. Voters were asked about the economy. "
            "The poll found that 40 percent approve of the plan.")
    assert claim(a, "The poll found").source == "CNN"
    assert claim(a, "was released").source is None  # a sentence about the poll itself has no figures


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


def test_outside_a_story_about_it_an_outlet_speaking_of_itself_is_a_source() -> None:
    a = run("Turnout fell in both counties. Polls closed at eight. The AP said it did not count the late ballots.")
    assert claim(a, "late ballots").source == "AP"


def test_a_story_about_an_outlets_editorial_keeps_the_outlet_as_source() -> None:
    a = run("Washington Post editorial backs the pension plan.\n\n"
            "The Post argued that the cuts would fall on rural hospitals.")
    assert claim(a, "rural hospitals").source == "Washington Post"


def test_a_poll_named_before_sources_the_figures_found_in_it() -> None:
    a = run("A new Globe and Mail 50-province poll came out on Sunday. Turnout interest was high everywhere.\n\n"
            "The 50-province poll finds the premier ahead in nine provinces. "
            "In the poll, her support rose to 46 percent.")
    assert claim(a, "nine provinces").source == claim(a, "46 percent").source == "Globe and Mail"


DIGEST = (
    "MORNING BRIEF\n\n"
    "PORT STRIKE ENDS Dock workers voted to accept the offer. Cranes were moving again by noon. [Reuters]\n\n"
    "RAIL FARES RISE Season tickets will cost 4 percent more from March. [Jane Roe, The Guardian]\n\n"
    "A NEW BRIDGE The city approved the design on Tuesday. (h/t The Hill.)\n\n"
    "WHAT WE ARE READING The council met on Monday [sic]."
)


def test_a_digest_item_closing_with_its_source_is_sourced_item_by_item() -> None:
    a = run(DIGEST)
    assert claim(a, "Dock workers").source == "Reuters"
    assert claim(a, "Cranes were moving").source == "Reuters"
    assert claim(a, "Season tickets").source == "The Guardian"
    assert claim(a, "approved the design").source == "The Hill"
    assert claim(a, "The council met").source is None
    assert a.attribution.credits == ()  # an item credit is not the document's


# digest lines joined by single line breaks (one paragraph), non-breaking spaces after the credit, and an item whose
# credit is followed on the same line by the next item's capitalised headline: seen in real morning newsletters
DIGEST_LINES = (
    "THE WEEKEND'S NUMBERS\xa0\n"
    "-Turnout in the county vote reached a record. [Daily Courier, Metro Wire]\n"
    "-The harbour board approved a second crane. [Reuters] \xa0\n"
    "-The mayor met the unions on Friday. Talks will resume next week.\n"
    "-Rail staff began a two-day strike. [AFP] FERRY SERVICE RESUMES AFTER STORM Boats left the port on time."
    " [The Guardian]"
)


def test_digest_items_inside_one_paragraph_are_sourced_line_by_line() -> None:
    a = run(DIGEST_LINES)
    assert claim(a, "harbour board").source == "Reuters"
    assert claim(a, "two-day strike").source == "AFP"
    assert claim(a, "Boats left the port").source == "The Guardian"
    assert claim(a, "Talks will resume").source is None  # a line with no credit of its own
    assert claim(a, "county vote").source is None  # no outlet the lexicon knows
    assert a.attribution.credits == ()


def test_an_item_credit_does_not_carry_an_inline_source_into_the_next_item() -> None:
    text = ("-Officials said the dam held, CNN reported. The river fell overnight. [CNN]\n"
            "-Schools reopened on Monday. [AP]")
    assert claim(run(text), "Schools reopened").source == "AP"


def test_a_cue_earlier_in_the_sentence_does_not_decide_a_later_mention() -> None:
    """"in an interview with ..." names the venue of that interview only, not an outlet later in the sentence."""
    a = run("The senator spoke in an interview with a radio host, as reported by BuzzFeed News.")
    assert [(x.source, x.role) for x in a.attribution.attributions] == [("BuzzFeed News", "source")]


def test_a_document_obtained_by_an_outlet_is_its_reporting() -> None:
    text = "A letter obtained by The Associated Press warns that the plant will close."
    assert run(text).claims[0].source == "AP"
    own = analyse(Document("t.txt", text, outlet="Associated Press"), RULES_ONLY)
    assert [(x.kind, x.role) for x in own.attribution.attributions] == [("own-reporting", "subject")]


@pytest.mark.parametrize("text", [
    "Support fell to 40 percent in the latest New York Times/CBS News poll.",
    "The Fox News poll was conducted by telephone among 1,000 registered voters.",
    "The latest Fox poll shows the governor trailing in the suburbs.",
])
def test_every_partner_of_an_outlets_poll_and_its_method_are_sourced(text: str) -> None:
    a = run(text)
    assert a.attribution.attributions and all(x.role == "source" for x in a.attribution.attributions)


def test_a_sentence_opening_with_the_poll_states_its_finding_not_its_method() -> None:
    a = run("The last time The Washington Post conducted a 50-state poll was four years ago. "
            "The poll has bad news for the governor: 25 percent say they would never back him. "
            "The poll has a margin of error of 3 points. The full poll can be found here.")
    assert claim(a, "bad news").source == "Washington Post" and claim(a, "bad news").basis == "anaphora"
    assert claim(a, "margin of error").basis == "paragraph"  # carried, not a finding of its own
    assert claim(a, "can be found").basis == "paragraph"


@pytest.mark.parametrize(("text", "role"), [
    ("Read the rest of the story at The Guardian.", "subject"),
    ("During a town hall broadcast by CNN, the candidates argued over taxes.", "venue"),
    ("The minister said in a recent report in The New York Times that the plant would close.", "venue"),
    ("The senator said of his years before Fox News that they were hard.", None),
    ("The coach also said that CNN, a sister network, had done an awful job of the final.", None),
])
def test_mentions_real_text_mistook_for_sources(text: str, role: str | None) -> None:
    a = run(text)
    assert [x.role for x in a.attribution.attributions if x.role == "source"] == []
    if role is not None:
        assert [x.role for x in a.attribution.attributions] == [role]


@pytest.mark.parametrize(("text", "source"), [
    ("Trump leads by 9 points in the RealClearPolitics average of recent polls.", "RealClearPolitics"),
    ("The Wall Street Journal's reporting indicated that the donors were unaware.", "Wall Street Journal"),
    ("The Dow Jones industrial average closed down 24 points.", None),
])
def test_an_aggregators_average_and_an_outlets_reporting_are_sources(text: str, source: str | None) -> None:
    assert run(text).claims[0].source == source


@pytest.mark.parametrize("sign_off", [
    "(Reporting by Ana Silva; Editing by Tom Reed.)",
    "(Additional reporting by Li Wei in Beijing; Writing by Sam Hart; Editing by Jo Marsh)",
])
def test_the_wire_sign_off_line_credits_reuters(sign_off: str) -> None:
    a = run("Harbour cranes stood idle for a third day on Friday.\n\nThe union said talks would resume.\n\n" + sign_off)
    assert a.attribution.credits == ("Reuters",)
    assert [c.source for c in a.claims] == ["Reuters", "Reuters"]  # the sign-off itself is no claim


def test_a_reporting_line_without_editors_is_no_credit() -> None:
    a = run("Harbour cranes stood idle for a third day on Friday.\n\n(Reporting by our harbour correspondent.)")
    assert a.attribution.credits == ()


def test_the_newspaper_refers_to_the_latest_newspaper_not_to_any_outlet() -> None:
    a = run("The Guardian reported that the port would close. Reuters said talks had stalled. "
            "The newspaper said unions would strike. The magazine said the strike would be short.")
    assert claim(a, "unions would strike").source == "The Guardian"
    assert claim(a, "strike would be short").basis != "anaphora"  # no magazine was named


def test_a_non_media_report_is_not_the_outlet_named_before() -> None:
    a = run("A memo seen by Reuters said files were copied.\n\nTen servers were hit, the congressional report said.")
    assert claim(a, "memo").source == "Reuters"
    assert claim(a, "Ten servers").source is None


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
    ("Associates Press", "AP"), ("Xinhau News Agency", "Xinhua"), ("Yonhap Nwes Agency", "Yonhap"),
    ("Timesofisrael", "Times of Israel"),  # a site's name run together
])
def test_fuzzy_resolution_of_names(phrase: str, canonical: str) -> None:
    hit = default_lexicon().resolve(phrase)
    assert hit is not None and hit[0] == canonical


@pytest.mark.parametrize("phrase", [
    "Health news",  # looks like "HealthDay News" as a whole (rapidfuzz 88), but "health" is not "healthday"
    "Eat The Press",  # a blog's name, not NBC's "Meet the Press"
    "Republican",  # a word, not "La Repubblica"
])
def test_a_phrase_that_only_looks_like_a_name_as_a_whole_is_not_resolved(phrase: str) -> None:
    assert default_lexicon().resolve(phrase) is None


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


def test_a_user_name_with_a_dotless_i_is_found_in_capitals_without_a_crash() -> None:
    """The case-insensitive pattern matches "AJANSI" for "Ajans\u0131", which ``str.lower`` does not give back."""
    from dedupe.attribution.lexicon import Lexicon, Source

    lexicon = Lexicon([Source("Haber Ajans\u0131", (), (), "TR", "news-agency")])
    found = lexicon.find("Yesterday HABER AJANSI reported that prices rose.")
    assert [m.source for m in found] == ["Haber Ajans\u0131"]


def test_rule_lines_section_labels_time_stamps_and_a_reporters_address_are_no_claims() -> None:
    text = ("The Latest: storms hit the coast\n\nABSTRACT.\n\n4:14 p.m.\n\n"
            "The coast guard says two boats are missing.\n\n___\n\n2.\n\n"
            "Officials say the harbour will reopen on Monday.\n\njdoe@example-news.com\n\nhttps://example.com/a/1")
    assert [c.text for c in run(text).claims] == [
        "The Latest: storms hit the coast", "The coast guard says two boats are missing.",
        "Officials say the harbour will reopen on Monday."]
    assert [c.text for c in run("STORM HITS THE COAST\n\n风暴袭击海岸。\n\nMany dead and injured.").claims] == [
        "STORM HITS THE COAST", "风暴袭击海岸。", "Many dead and injured."]  # a headline of four words, no case
