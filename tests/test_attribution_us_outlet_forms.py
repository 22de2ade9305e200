"""Attribution forms read on the train half of AllSides' articles of US outlets (ramybaly/Article-Bias-Prediction),
one small hand-written text each (rules only). Each test pins one form and, where real text showed a trap, its
negative twin.
"""

from __future__ import annotations

import pytest

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.models import Document

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))
BODY = ("Council backs new budget\n\nThe city council approved the budget on Tuesday after a long debate.\n\n"
        "The mayor said the vote was a relief for the city and its workers.")
LEAD = "The city council approved the budget on Tuesday after a long debate in the chamber."


def run(text: str, outlet: str | None = None) -> Analysis:
    return analyse(Document("t.txt", text, outlet=outlet), RULES_ONLY)


def found(a: Analysis) -> list[tuple[str, str, str]]:
    return [(x.source, x.role, x.kind) for x in a.attribution.attributions]


@pytest.mark.parametrize("opening", [
    f"(CNN) {LEAD}",  # a broadcaster's house dateline, no dash after it
    f"Washington (CNN) {LEAD}",
    f"Budget passes\n\nWashington (CNN) {LEAD}",  # after a headline
    f"(CNN) \u201c{LEAD}\u201d",  # a quotation opens the text
    f"(CNN) \"{LEAD}\"",
])
def test_a_broadcasters_bracket_without_a_dash_is_a_dateline(opening: str) -> None:
    a = run(f"{opening}\n\nThe mayor said the vote was a relief for the city.")
    assert a.attribution.credits == ("CNN",)


def test_a_bracket_of_an_outlet_that_is_no_broadcaster_or_agency_needs_a_dash() -> None:
    a = run(f"Washington (Politico) {LEAD}\n\nThe mayor said the vote was a relief for the city.")
    assert a.attribution.credits == ()


@pytest.mark.parametrize(("line", "credit"), [
    ("Copyright \u00a9 2019 The Washington Times, LLC. Click here for reprint permission.", "The Washington Times"),
    ("\u00a9 2019 Tribune Content Agency, LLC", "Tribune Content Agency"),
    ("Copyright 2020 Cable News Network, Inc.", "CNN"),
])
def test_a_copyright_line_with_the_companys_form_credits_the_outlet(line: str, credit: str) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == (credit,)


def test_a_copyright_of_a_company_that_is_no_outlet_credits_nothing() -> None:
    assert run(f"{BODY}\n\nCopyright \u00a9 2019 Acme Widgets, LLC. All rights reserved.").attribution.credits == ()


@pytest.mark.parametrize(("line", "credits"), [
    ("Contributing: The Associated Press", ("AP",)),
    ("Contributing: Jane Roe; the Associated Press", ("AP",)),
    ("Contributing: Jane Roe and John Doe", ()),  # the paper's own writers only
])
def test_a_contributing_line_credits_the_outlets_it_names(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


@pytest.mark.parametrize(("line", "credits"), [
    ("Contributing: Jane Roe, Pensacola (Fla.) News Journal; WWL-TV, New Orleans; The Associated Press", ("AP",)),
    ("\u2014 Jane Roe is a senior editor. This article appears in the December 5, 2016, issue of National Review.",
     ("National Review",)),
    ("This appears in the January 27, 2020 issue of TIME.", ("Time",)),
    ("Click for more from Reuters.", ("Reuters",)),
    ("To continue reading Jane Roe's column in the New York Post on other topics, click here.", ("New York Post",)),
    ("Jane Roe is a senator from Minnesota. This column originally appeared in the Des Moines Register. Follow her.",
     ("Des Moines Register",)),
    ("Click for more from Media Buzz.", ()),  # a show of the site, no outlet
    ("The issue of New York Times coverage came up again in May.", ()),  # (a sentence, not a print issue)
])
def test_closing_lines_of_us_sites_credit_the_outlets_they_name(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


@pytest.mark.parametrize("caption", ["(Jane Roe/Reuters)", "Protesters gather outside the hall [Jane van Roe/Reuters]"])
def test_a_photographer_and_agency_in_brackets_is_a_photo_credit_not_a_credit(caption: str) -> None:
    a = run(f"{caption}\n\n{BODY}")
    assert a.attribution.credits == ()
    assert ("Reuters", "photo-credit", "photo-credit") in found(a)


@pytest.mark.parametrize(("caption", "agency"), [
    ("Council members leave the chamber, May 4, 2021. (Jane Roe/Reuters)", "Reuters"),
    ("Council members leave the chamber on Tuesday. (AP Photo/Jane Roe)", "AP"),
    ("Council members leave the chamber. (Photo: Jane Roe/AP)", "AP"),
    ("The mayor in 2019 (Reuters/Jane Roe)", "Reuters"),
    ("The mayor arrives for the vote, May 4, 2021. (Jane Roe/Pool via Reuters)", "Reuters"),
    ("Workers wait outside the depot [File: Jane Roe/AFP]", "AFP"),
    ("Supporters on election night. (Photos by Jane Roe/The Washington Post)", "Washington Post"),
])
def test_a_caption_closed_by_its_credit_is_a_photo_credit_and_no_claim(caption: str, agency: str) -> None:
    a = run(f"{caption}\n\n{BODY}")
    assert a.attribution.credits == ()
    assert found(a) == [(agency, "photo-credit", "photo-credit")]
    assert not [c for c in a.claims if "Roe" in c.text]  # the caption states nothing of the story


@pytest.mark.parametrize("line", [
    "Trump extends his lead in the national primary race. [IBD/TIPP]",  # a digest item's poll, names of one word
    "The ticket was announced on Friday (Clinton/Kaine)",
    "Democrats lead in three states (CBS / NYT / YouGov poll)",
])
def test_names_with_a_slash_closing_a_sentence_are_no_caption(line: str) -> None:
    a = run(f"{BODY}\n\n{line}\n\nThe mayor thanked the council.")
    assert any(line.split(" (")[0].split(" [")[0] in c.text for c in a.claims)


def test_a_bracketed_agency_with_an_editors_initials_is_still_a_credit() -> None:
    assert run(f"{BODY} (dpa/jm)").attribution.credits == ("dpa",)


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("The hearings start next week, Politico.com reports.", "Politico"),
    ("Mother Jones has since unearthed the host's own report from the scene.", "Mother Jones"),
    ("The plan was secret until the Intercept broke news of it.", "The Intercept"),
    ("The Boston Globe, which earlier reported an arrest, is now walking it back.", "Boston Globe"),
    ("CNN had been reporting that a suspect was in custody.", "CNN"),
    ("The official China Daily newspaper accused the administration of bullying.", "China Daily"),
    ("Bloomberg summed up the result in 2016, saying the country had become a haven.", "Bloomberg"),
    ("\u201cCouncil passes budget at last,\u201d the CNN website read.", "CNN"),
    ("\u201cPlease stay!\u201d the German magazine Der Spiegel urged on its cover.", "Der Spiegel"),
    ("Then came a Washington Post story revealing that the mayor had misled the council.", "Washington Post"),
    ("Most embarrassing was an ABC News report featuring photos of the mayor at a party.", "ABC News"),
    ("First there was the recording that surfaced in The Washington Post.", "Washington Post"),
    ("Critics cite a blistering New York Times editorial titled \u201cCalling the Mayor.\u201d", "New York Times"),
    ("The mayor threatened to close the office (via Politico): in a meeting, he fumed.", "Politico"),
    ("Mayor sought to hurt rival's campaign in key wards: NYT", "New York Times"),
    # a list whose second outlet is named with its country's possessive shares the verb
    ("The vote was held at noon, the Associated Press and South Korea's Yonhap news agency said.", "AP"),
    ("The fines were light, according to an analysis published by Bloomberg BNA in September.", "Bloomberg"),
    # an outlet's verdict or concession in its pages
    ("In the latest version, the Times now says the inquiry began with a tip from an ally.", "The Times"),
    ("To begin with, The New York Times admits that the timing is unclear.", "New York Times"),
    ("The Washington Post acknowledges that the count has run at 1,000 a year since 2015.", "Washington Post"),
    ("On Friday, NBC News praised a television show for depicting anger as necessary.", "NBC News"),
    ("The AP adds this about the mayor's position: the plan is not a change.", "AP"),
    # an outlet's investigation is its reporting, not a poll
    ("The POLITICO investigation also reported that officials downplayed the threat.", "Politico"),
    ("Contradicting all this: a CBS News investigation finding that the fund took $2 million.", "CBS News"),
    ("New reporting from The New York Times, however, concludes that the evidence is thin.", "New York Times"),
    ("Slate, hardly a right-leaning outlet, reported last year that support was soft.", "Slate"),
    ("Almost half of the Americans, 49%, polled by USA TODAY say the country will be better off.", "USA Today"),
    ("In June, a Vox headline warned of 20 million people starving.", "Vox"),
    # read on the outlets the first 500 train articles did not hold
    ("Now NBC News reports that a former officer was also in the meeting.", "NBC News"),
    ("Then, The Wall Street Journal broke another new story online, saying the fund was under inquiry.",
     "Wall Street Journal"),
    ("On August 23, the Associated Press underlined the degree to which the promises had vanished.", "AP"),
    ("And the Washington Post just reported that the mayor's name will be on each check.", "Washington Post"),
    ("\u201cIs the city broke?\u201d asks The Washington Times.", "The Washington Times"),
    ("The Times implies that the budget played into the council's debate.", "The Times"),
    ("\u201cHe lied at the mayor's request,\u201d the Washington Post's live blog reported.", "Washington Post"),
    ("Behold the cycle of the city's support for sugar, via the WSJ:", "Wall Street Journal"),
    ("Take this example from The New Yorker:", "The New Yorker"),
    # a local paper the lexicon does not list, its name's second word after a hyphen
    ("The mayor said so at a fundraiser last month, reported the Harbor City Press-Telegram.",
     "Harbor City Press-Telegram"),
    ("The Valley Press-Enterprise reported that the fund had run dry.", "Valley Press-Enterprise"),
    # its journalists named before it; an outlet "out with" its story or poll
    ("As reported by Jane Roe and John Doe in Politico, the two camps see the budget apart.", "Politico"),
    ("The Associated Press is out with a story this week headlined, \u201cBudget likely to slow hiring.\u201d", "AP"),
    ("Politico is out with a new poll showing the mayor ahead by six points.", "Politico"),
])
def test_inline_forms_of_us_outlets_are_sources(sentence: str, outlet: str) -> None:
    a = run(f"Budget news\n\nThe council met on Monday to vote.\n\n{sentence}\n\nThe council meets again in May.")
    assert any(source == outlet and role == "source" for source, role, _ in found(a)), found(a)


def test_a_scholarly_journal_or_a_registry_is_no_unlisted_paper_but_a_paper_of_a_city_is() -> None:
    def outlets(sentence: str) -> list[str]:
        a = run(f"Council news\n\nThe council met on Monday to vote.\n\n{sentence}")
        return [source for source, _, _ in found(a)]

    # not truncated to "Harbor Valley Journal" nor "Harbor Valley Register"
    assert outlets("The virus spread early, according to the Harbor Valley Journal of Medicine.") == []
    assert outlets("He was left off the Harbor Valley Register of Voters last year.") == []
    assert "Harbor Valley Tribune" in outlets("According to the Harbor Valley Tribune of Alder, the mayor was ill.")


def test_a_roundup_line_naming_the_outlet_and_its_writer_sources_the_quotation_below() -> None:
    text = ("Here is a sampling of reaction in the papers today:\n\nThe New York Times (Jane Roe):\n\n"
            "\u201cIt will be a different kind of budget, and it will not be the last.\u201d\n\n"
            "The Boston Globe:\n\n\u201cThe mayor has used the city's money judiciously.\u201d")
    a = run(text)
    assert ("New York Times", "source", "lead-in") in found(a)
    assert ("Boston Globe", "source", "lead-in") in found(a)


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Jane Roe, of The Guardian, tweeted that the building was clear.", "The Guardian"),
    ("Veteran legal reporter Jane Roe at Reuters even found some hints in the ruling.", "Reuters"),
    ("\u201cWe need a plan,\u201d John Doe, the analyst who founded fivethirtyeight.com tweeted on Wednesday.",
     "FiveThirtyEight"),
    ("In 2008, Jane Roe, now of the New York Times, and John Doe, now of National Review, wrote about it.",
     "National Review"),
    ("Wallace, the head of Fox News, noted that the host is a weather obsessive.", "Fox News"),
    ("As Jane Roe at Mother Jones pointed out, the last withdrawal had costs.", "Mother Jones"),
    ("Doe, the onetime Washington bureau chief of the right-wing website Infowars, told a host he had no contact.",
     "Infowars"),
    ("Even CNN's Jane Roe said the performance wasn't helpful.", "CNN"),  # (a sentence's adverb is no first name)
])
def test_a_journalist_of_the_outlet_speaking_is_an_affiliation(sentence: str, outlet: str) -> None:
    a = run(f"Budget news\n\n{sentence}\n\nThe council meets again in May.")
    assert (outlet, "venue", "affiliation") in found(a), found(a)


@pytest.mark.parametrize(("sentence", "outlet"), [
    # a longer proper name holding an outlet's name
    ("The storm is expected to weaken, according to the National Weather Service.", "The National"),
    # the verb is done to the outlet, or the outlet speaks of something else
    ("CNN was criticized for its coverage of the vote.", "CNN"),
    ("The Huffington Post, which originally said it would cover the campaign in its entertainment section, "
     "changed course.", "HuffPost"),
    ("Mr. Bezos owns The Washington Post, which has covered the mayor critically.", "Washington Post"),
    # a capitalised blog name and an author's articles for an outlet are no outlet's report
    ("A blogger wrote on The Right Scoop on Monday that MSNBC used the child as a token.", "MSNBC"),
    ("He worked from the articles on the budget fight for the Hill, his lawyer said.", "The Hill"),
    # the page's own journalist; and a reaction to a report, whose figures are not the report's
    ("With reporting from NPR congressional correspondent Jane Roe.", "NPR"),
    ("In response to the POLITICO investigation, 13 senators have demanded answers.", "Politico"),
    # an affiliate speaks, not its network; federal bodies and archives named like outlets
    ("He was sentenced in 2010, according to public broadcaster RTBF and CNN affiliate RTL.", "CNN"),
    ("Last year 93 percent of the state was in drought, according to the U.S. Drought Monitor.", "Drought Monitor"),
    ("The date was set in 1789, according to the National Archives.", "The National"),
    ("The exit polls, conducted by Edison Research for the National Election Pool, were based on interviews.",
     "The National"),
    ("Earlier this month, Dean wrote a 660-word op-ed piece in Politico in which he praised the mayor.", "Politico"),
    ("But veteran reporter Jane Roe, blogging in The New York Times, notes that the polls miss the point.",
     "New York Times"),
])


def test_traps_seen_on_us_outlets_are_no_sources(sentence: str, outlet: str) -> None:
    a = run(f"Budget news\n\n{sentence}\n\nThe council meets again in May.")
    assert not any(source == outlet and role == "source" for source, role, _ in found(a)), found(a)


def test_a_report_named_with_a_typographic_apostrophe_is_the_outlet_the_next_sentence_refers_to() -> None:
    text = ("Meetings with donors\n\nWASHINGTON, Aug. 24 (UPI) \u2014 A spokesman called the findings outrageous.\n\n"
            "The Associated Press\u2019 lengthy investigation into the meetings has renewed calls for an inquiry.\n\n"
            "The report published Tuesday showed that more than half of the meetings were with donors.")
    a = analyse(Document("t.txt", text), ScanConfig())  # (the classifier decides the first mention's role)
    assert ("AP", "source", "anaphora") in found(a)


def test_a_classifiers_guess_does_not_stop_a_list_from_sharing_its_cue() -> None:
    text = ("Budget news\n\nThe council met on Monday to vote.\n\nThe charges, according to reports in both the "
            "Washington Post and New York Times, are designed to slow the vote.")
    a = analyse(Document("t.txt", text), ScanConfig())
    assert ("New York Times", "source", "report-in") in found(a)


def test_an_email_from_a_unions_president_obtained_by_an_outlet_is_the_outlets_not_an_affiliation() -> None:
    a = run("Budget news\n\nThe council met on Monday to vote.\n\nThe vote will wait, according to an email from the "
            "president of the city's largest union obtained by The Huffington Post.")
    assert ("HuffPost", "source", "obtained-by") in found(a), found(a)


@pytest.mark.parametrize("furniture", [
    "Advertisement\n\nAD\n\n<!--\n\nvar s=1;if(s){go()};/* ]]> */\n\n//-->\n\n//-->",
    "___\n\n* * *\n\nAnzeige\n\nfunction(e){}}catch(e){}\n\n//-->",
])
def test_a_copyright_line_before_page_furniture_still_closes_the_article(furniture: str) -> None:
    """An ad slot, rules and a script's remains after the last line do not push it out of the tail zone."""
    text = (f"{BODY}\n\nJane Roe is a columnist. You can write to her at roe@example.org. Copyright 2017 Tribune "
            f"Content Agency, LLC\n\n{furniture}")
    assert run(text).attribution.credits == ("Tribune Content Agency",)


def test_five_lines_of_text_after_a_copyright_line_put_it_out_of_the_tail_zone() -> None:
    """Page furniture is skipped, lines of text are not: a copyright line mid-page credits nothing."""
    text = (f"{BODY}\n\nCopyright 2017 Tribune Content Agency, LLC\n\n"
            + "\n\n".join(f"The mayor thanked the {n} council members for their long work on it." for n in
                          ("first", "second", "third", "fourth")))
    assert run(text).attribution.credits == ()


@pytest.mark.parametrize(("line", "credit"), [
    ("Harbourline is a nonpartisan, nonprofit news service of the Coastal Trust that provides daily reporting on "
     "state policy.", "Harbourline"),
    ("Kaiser Health News is a nonprofit news service covering health issues.", "KFF Health News"),  # its new name
    ("The Valley Ledger is an independent, nonprofit media organization serving the valley.", "The Valley Ledger"),
])
def test_a_nonprofit_newsrooms_line_about_itself_credits_it(line: str, credit: str) -> None:
    """Syndicated nonprofit newsrooms close their stories with a line about themselves; the name may be one the
    lexicon does not know."""
    assert run(f"{BODY}\n\n{line}\n\nRead or Share this story: http://example.com/x").attribution.credits == (credit,)


@pytest.mark.parametrize("line", [
    "Breitbart News is a conservative news site founded by Andrew Breitbart.",  # an outlet the story is about
    "Jane Roe is an independent journalist and author of two books on the harbour.",
])
def test_a_line_describing_an_outlet_or_a_person_credits_nothing(line: str) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == ()


@pytest.mark.parametrize(("line", "credits"), [
    ("Click for more from Harbourwatch.org.", ("harbourwatch.org",)),  # a site the lexicon does not know
    ("Click for more from Reuters.", ("Reuters",)),
    ("Click for more from Media Corner.", ()),  # not a site: the publisher's own column
])
def test_a_link_to_more_from_a_site_credits_it_by_its_domain(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


def test_a_syndicated_columns_closing_line_credits_its_syndicate() -> None:
    bio = ("Jane Roe is the author of \"Harbours and Their Keepers: A History of the Coast in Forty Short Chapters,\" "
           "a former adviser to three governors and a columnist since 1991.")
    for name in ("Creators", "Creators Syndicate"):
        line = (f"{bio} To find out more about Jane Roe and read features by other {name} writers and cartoonists, "
                f"visit the {name} website at www.creators.com.")
        assert run(f"{BODY}\n\n{line}").attribution.credits == ("Creators Syndicate",)


def test_creators_as_a_word_is_no_outlet() -> None:
    a = run("Creators of the harbour app said the update would ship in May.")
    assert a.attribution.attributions == ()


@pytest.mark.parametrize(("opening", "role"), [
    # "it" far into the outlet's words is what they are about, not the outlet
    ("In a tweet promoting its story, CBS News claimed the mayor was stopping it soon because of the vote.",
     "source"),
    # the outlet's words about itself: a story about the outlet
    ("CBS News said it would open a bureau in the harbour district next year.", "subject"),
    ("CBS News said on Monday that it had hired a new host for its morning show.", "subject"),
])
def test_an_opening_outlet_speaks_of_itself_only_when_it_is_the_subject_of_its_words(opening: str, role: str) -> None:
    a = run(f"{opening}\n\nThe council meets again in May.")
    assert [(source, r) for source, r, _ in found(a)] == [("CBS News", role)], found(a)


def test_a_sites_note_that_it_supplemented_a_wire_story_credits_the_wire() -> None:
    note = "The Daily Harbour has supplemented this Reuters article with additional quotes from a pool report."
    assert run(f"{BODY}\n\n{note}").attribution.credits == ("Reuters",)


@pytest.mark.parametrize("sentence", [
    "The Chicago Tribune in March also found that the board had skipped two audits.",
    "The Chicago Tribune in 2015 reported that the board had skipped two audits.",
    "The Chicago Tribune would later report that the board had skipped two audits.",
])
def test_a_month_a_year_or_a_report_told_in_the_past_between_outlet_and_verb(sentence: str) -> None:
    assert found(run(sentence)) == [("Chicago Tribune", "source", "inline-verb")]


@pytest.mark.parametrize("sentence", [
    "Jane Roe, who left The Washington Post in 2008, said in an interview that the board skipped two audits.",
    "The Washington Post would later become the target of the board's anger.",
])
def test_a_year_before_a_comma_or_another_verb_after_would_is_no_report(sentence: str) -> None:
    assert found(run(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "The order, a copy of which was obtained by The Guardian, requires the carrier to hand over the records in its "
    "systems.",
    "Half of the voters back the law, according to a new AP-NORC poll, but few want to keep it in its current form.",
])
def test_an_outlet_named_by_its_cue_is_not_what_a_later_its_refers_to(sentence: str) -> None:
    outlet = "The Guardian" if "Guardian" in sentence else "AP"
    opening = f"{outlet} hired a new editor for its data desk.\n\n"  # the story is about the outlet
    sources = [x for x in found(run(opening + sentence)) if x[1] == "source"]
    assert len(sources) == 1 and sources[0][1:] in (("source", "obtained-by"), ("source", "poll"))


def test_an_outlet_of_the_story_speaking_of_itself_is_still_its_subject() -> None:
    a = run("The Guardian hired a new editor for its data desk.\n\nThe Guardian said it would open a bureau in Lagos.")
    assert [x for x in found(a) if x[1] == "source"] == []


@pytest.mark.parametrize("sentence", [
    "Said the Chicago Tribune story, \u201cThe board skipped two audits in a row.\u201d",
    "\u201cThe board skipped two audits in a row,\u201d reads the Chicago Tribune report.",
    "The mayor disputed the Chicago Tribune's claim that the board skipped two audits.",
])
def test_the_outlets_piece_after_its_verb_and_its_claim_that(sentence: str) -> None:
    assert [x[:2] for x in found(run(sentence))] == [("Chicago Tribune", "source")]


def test_reading_an_outlet_is_no_report() -> None:
    assert found(run("The mayor reads the Chicago Tribune every morning.")) == []


ROUNDUP = ("Views on the new rule\n\nFrom the Left\n\n\u201cThe rule is a gag on doctors.\u201d\n\n"
           "Jane Roe, The Atlantic\n\n"
           "\u201cIt is a case study in extreme tactics.\u201d\n\nJohn Doe, New York Times\n\n"
           "\u201cCircumstantial evidence is not weak evidence.\u201d\n\n")


def test_the_last_writer_of_a_roundup_of_quotations_is_no_credit_of_the_page() -> None:
    assert run(ROUNDUP + "Ann Lee, Bloomberg").attribution.credits == ()


def test_a_writer_and_wire_line_under_an_article_still_credits_the_wire() -> None:
    assert run(f"{BODY}\n\nJane Roe, Bloomberg").attribution.credits == ("Bloomberg",)


@pytest.mark.parametrize("opening", ["Although", "While", "When", "Because"])
def test_an_outlet_after_a_clauses_opening_conjunction_is_no_part_of_a_name(opening: str) -> None:
    a = run(f"{opening} The Washington Post reported that the board skipped two audits, the mayor disagreed.")
    assert found(a) == [("Washington Post", "source", "inline-verb")]


def test_a_given_name_before_a_one_word_outlet_is_still_a_persons_name() -> None:
    assert found(run("Annika Reuter reported that the board skipped two audits.")) == []


@pytest.mark.parametrize("verb", ["dubbed", "labeled", "branded", "termed"])
def test_an_outlets_verdict_in_a_name_it_gives(verb: str) -> None:
    a = run(f"The mayor repeated the promise, which PolitiFact {verb} the \u201cLie of the Year.\u201d")
    assert found(a) == [("PolitiFact", "source", "inline-verb")]


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("ESPN reported that the coach had been fired.", "ESPN"),
    ("According to Variety, the studio cut the film by ten minutes.", "Variety"),
    ("The Hollywood Reporter said the deal was done on Friday.", "The Hollywood Reporter"),
    ("In a criminal complaint obtained by PEOPLE, the incident happened at 9 p.m.", "People magazine"),
    ("The Christian Science Monitor found that most voters agreed.", "The Christian Science Monitor"),
    ("The Advocate urged the senator to visit the flooded parishes.", "The Advocate"),
])
def test_outlets_of_sport_entertainment_and_the_regions_the_lexicon_now_knows(sentence: str, outlet: str) -> None:
    assert [x[:2] for x in found(run(sentence))] == [(outlet, "source")]


@pytest.mark.parametrize("sentence", [
    "People have characterized the plan as a response, said Adam Kincaid.",
    "The tenants' advocate said the rent would rise again in the spring.",
    "Her deadline reported no change, and the variety found in the market was small.",
])
def test_ordinary_words_that_name_magazines_are_no_outlets(sentence: str) -> None:
    assert found(run(sentence)) == []


def test_the_editors_of_an_outlet_together_are_its_voice_and_its_name_for_what_follows() -> None:
    a = run("The flood relief was slow. That did not sit well with the editors of The Advocate, who aimed their "
            "Friday editorial at the senator.\n\nThe newspaper said the state deserved a visit.")
    assert [x[1:] for x in found(a)] == [("source", "editors"), ("source", "anaphora")]
    assert {x[0] for x in found(a)} == {"The Advocate"}


@pytest.mark.parametrize("sentence", [
    "The senator pointed to a recent interview she did with the editorial board of the Chicago Tribune.",
    "Jane Roe, an editor of the Chicago Tribune, said the paper would not comment.",
])
def test_an_interview_with_the_editors_or_one_editor_is_no_voice_of_the_outlet(sentence: str) -> None:
    assert all(role != "source" for _, role, _ in found(run(sentence)))


@pytest.mark.parametrize("sentence", [
    "The leak was authorised, according to Chicago Tribune columnist Jane Roe.",
    "The worst was an opinion piece from Chicago Tribune columnist Jane Roe predicting losses.",
    "The aide did not wear a mask, per the Chicago Tribune's Jane Roe and John Doe.",
    "A feminist writer in the Chicago Tribune suggests that the mayor has shown the way.",
    "Moss, who has done work for the Chicago Tribune, said the lawsuit was a stunt.",
    "As Jane Roe reports in the Chicago Tribune, several counties dropped the fees.",
    "Prominent figures from outlets including the Chicago Tribune have called out the mayor.",
    "The claims got traction, with recent stories in mainstream outlets like The Washington Post joining in.",
    "The editors of the Chicago Tribune both lost their jobs after the protests.",
])
def test_the_outlets_people_and_its_list_of_peers_are_no_source(sentence: str) -> None:
    assert "source" not in [role for _, role, _ in found(run(sentence))]


def test_an_outlet_after_a_possessive_is_something_of_theirs() -> None:
    a = run("The mayor referenced his Washington Post interview, saying it was fair.")
    assert [role for _, role, _ in found(a)] == ["subject"]


def test_a_possessive_is_no_cue_for_an_acronym() -> None:
    assert found(run("Unless you passed your AP exams, the course will be hard.")) == []


def test_a_named_journalist_after_the_outlet_leaves_its_poll_and_its_own_work_alone() -> None:
    assert [x[:2] for x in found(run("According to the Chicago Tribune's Battleground State polling average, the "
                                     "mayor leads by 3 points."))] == [("Chicago Tribune", "source")]


def test_a_newsletters_sentence_closing_with_its_outlet_in_brackets_is_that_outlets() -> None:
    a = run("Morning Report\n\nThe board delayed the vote until the audit is complete ( Chicago Tribune ). The "
            "mayor denied any wrongdoing ( The Washington Post ) … The council meets again on Friday.")
    assert [(x[0], x[2]) for x in found(a)] == [("Chicago Tribune", "item-credit"), ("Washington Post", "item-credit")]
    sources = {c.text.split(" (")[0]: c.source for c in a.claims}
    assert sources["The board delayed the vote until the audit is complete"] == "Chicago Tribune"
    assert sources["The mayor denied any wrongdoing"] == "Washington Post"


@pytest.mark.parametrize("sentence", [
    "The senator thanked the voters of his home state (Pa.).",
    "The deputies of the liberal party walked out of the chamber (PL).",
    "The senator spoke after the vote to the Associated Press (AP).",
    "The senator spoke after the vote to The Washington Post (Washington Post).",
])
def test_an_abbreviation_or_a_gloss_in_brackets_is_no_citation(sentence: str) -> None:
    assert "item-credit" not in [kind for _, _, kind in found(run(f"{BODY}\n\n{sentence} The session ended."))]


@pytest.mark.parametrize("sentence", [
    "The Washington Post, the capital's biggest-selling newspaper, said the board had skipped two audits.",
    "But audit or not, as The Washington Post laid out in November, the problem has only become worse.",
    "The Washington Post in Baltimore said the board had skipped two audits.",
    "In a Washington Post story Thursday night, two members said the board had skipped two audits.",
    "Despite noting that, The Washington Post nevertheless cited two audits the board had skipped.",
    "In a March 8 article, The Washington Post cast the mayor as vulnerable on the audits.",
    "After The Washington Post and other outlets reported that the board had skipped two audits, the mayor resigned.",
    "The plan was characterized by The Washington Post as a way to skip two audits.",
])
def test_more_ways_an_outlet_reports_read_on_the_fifth_allsides_round(sentence: str) -> None:
    assert [x[:2] for x in found(run(sentence))] == [("Washington Post", "source")]


def test_a_poll_with_three_partners_is_each_partners() -> None:
    a = run("An NPR/PBS NewsHour/Marist Poll last month found that 57 percent oppose the wall.")
    assert [x[:3] for x in found(a)] == [("NPR", "source", "poll"), ("PBS", "source", "poll")]


@pytest.mark.parametrize("sentence", [
    "In a recent Washington Post article, Jane Roe profiled the new mayor and her family.",  # the writer's piece
    "The question was described by the senator to The Washington Post as fundamental.",  # a venue
    "The Washington Post agreed to host the debate in March.",
])
def test_a_writers_piece_a_venue_and_an_agreement_are_no_report(sentence: str) -> None:
    assert "source" not in [role for _, role, _ in found(run(sentence))]


@pytest.mark.parametrize("sentence", [
    "The Washington Post interviewed 20 of the mayor's colleagues over the past week and found deep unease.",
    "The Washington Post, together with two member papers, looked at data from 300 counties, and found a gap.",
    "The Washington Post did the math on that feat, and found that the odds were 1 in 64.",
])
def test_an_outlet_that_opens_its_sentence_investigates_and_finds(sentence: str) -> None:
    assert [x[:2] for x in found(run(sentence))] == [("Washington Post", "source")]


def test_an_outlet_that_acts_and_finds_no_support_is_no_report() -> None:
    assert "source" not in [role for _, role, _ in found(run("The Washington Post attacked the mayor and found no "
                                                             "support among the readers."))]
