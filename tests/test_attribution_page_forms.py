"""Attribution forms read on real web pages (the train pages of the article parsers' test suites), one small
hand-written text each (rules only). Each test pins one form and, where real text showed a trap, its negative twin.
"""

from __future__ import annotations

import pytest

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.models import Document

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))
BODY = "Council backs new budget\n\nThe city council approved the budget on Tuesday. The mayor was relieved."


def run(text: str) -> Analysis:
    return analyse(Document("t.txt", text), RULES_ONLY)


def roles(a: Analysis) -> list[tuple[str, str, str]]:
    return [(x.source, x.role, x.kind) for x in a.attribution.attributions if x.sentence is not None]


@pytest.mark.parametrize(("line", "credit"), [
    ("This article originally appeared on Time.com.", "Time"),
    ("This story was originally published by ProPublica, a nonprofit newsroom. Sign up for its newsletter.",
     "ProPublica"),
    ("Republished with permission from The Guardian.", "The Guardian"),
    ("Originally published on Harbor Science Weekly.", "Harbor Science Weekly"),  # unlisted: as written
    ("This article was originally published on The Conversation. Read the original article.", "The Conversation"),
])
def test_a_republication_line_credits_the_original_publisher(line: str, credit: str) -> None:
    a = run(f"{BODY}\n\n{line}")
    assert a.attribution.credits == (credit,)
    assert {c.source for c in a.claims} == {credit}


@pytest.mark.parametrize("line", [
    "Originally published on Monday.", "Originally published at 2:05 p.m.", "Originally published October 5, 2016.",
    "This story first appeared in the print edition of the newspaper.",
])
def test_a_republication_line_naming_no_publisher_credits_nothing(line: str) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == ()


def test_a_source_line_keeps_its_outlets_before_the_photo_credit() -> None:
    a = run(f"{BODY}\n\nSources: GreatAgain, Washington Examiner / Photo credit: Jane Roe/Facebook")
    assert a.attribution.credits == ("Washington Examiner",)


def test_a_digest_item_quoting_an_outlet_sources_the_item_not_the_document() -> None:
    a = run("MARKETS SLIDE \u2014 WSJ\u2019s Jane Roe and John Doe: \u201cStocks fell for a third day as investors "
            "weighed the bank\u2019s plans.\u201d\n\n"
            "CHINA CHIPS \u2014 Bloomberg: \u201cThe new export rules could undercut the chip plans.\u201d"
            "\n\nCrude sales to Europe fell by three-fifths this year. \u2014 Reuters\u2019 Jane Roe")
    assert a.attribution.credits == ()  # "— Bloomberg:" before a quotation is no dateline
    assert roles(a) == [("Wall Street Journal", "source", "quote-item"), ("Bloomberg", "source", "quote-item"),
                        ("Reuters", "source", "quote-item")]


def test_a_dash_dateline_still_credits_the_agency() -> None:
    a = run("MOSCOW, March 3 \u2014 Interfax: The government approved new rail rules on Tuesday, officials said.")
    assert a.attribution.credits == ("Interfax",)


@pytest.mark.parametrize("verb", ["notes", "writes", "observed", "explains"])
def test_an_outlet_after_its_verb_at_the_end_of_the_sentence(verb: str) -> None:
    a = run(f"The investor has been interviewing candidates for the commission, {verb} Washington Examiner.")
    assert roles(a) == [("Washington Examiner", "source", "inline-verb")]


def test_an_outlets_article_at_the_time_quoted() -> None:
    a = run("A New York Post article at the time quoted a fan who did not know the singer.")
    assert roles(a) == [("New York Post", "source", "inline-verb")]


@pytest.mark.parametrize(("sentence", "role"), [
    ("According to interviews with Fox News women, the host would often offer to mentor young staff.", "venue"),
    ("She criticized an official who wrote an opinion piece in The New York Times describing chaos.", "venue"),
    ("He said so, according to NBC documents that the author published in a biography.", "subject"),
])
def test_people_of_an_outlet_or_its_papers_are_not_its_reporting(sentence: str, role: str) -> None:
    assert [r[1] for r in roles(run(sentence))] == [role]


def test_a_word_with_mixed_case_is_no_agency_acronym() -> None:
    assert run(f"{BODY}\n\nNaN / NaN").attribution.credits == ()
    assert run(f"{BODY}\n\nAFP/dpa").attribution.credits == ("AFP", "dpa")


def test_daily_with_a_capital_is_part_of_a_name_not_the_word_before_one() -> None:
    assert roles(run("His obituary, published in the Brooklyn Daily Eagle, called him a prolific author.")) == []
    assert roles(run("The Spanish daily El Mundo reported that the mayor had resigned.")) == [
        ("El Mundo", "source", "inline-verb")]


@pytest.mark.parametrize(("lead", "credit"), [
    ("\u062f\u0645\u0634\u0642\u060c \u0633\u0648\u0631\u064a\u0627 (CNN) -- ", "CNN"),  # the Arabic comma in the place
    ("\u3053\u306e\u30cb\u30e5\u30fc\u30b9\n\n\u30106\u670818\u65e5 AFP\u3011", "AFP"),  # AFPBB, after a line
    ("\uff3b\u6771\u4eac\u3000\uff11\uff18\u65e5\u3000\u30ed\u30a4\u30bf\u30fc\uff3d - ", "Reuters"),  # Reuters Japan
    ("\u8def\u900f\u5317\u4eac3\u67083\u65e5 - ", "Reuters"),  # Reuters' Chinese service
])
def test_datelines_of_other_scripts(lead: str, credit: str) -> None:
    assert run(f"{lead}The government approved the new rules on Tuesday.").attribution.credits == (credit,)


def test_a_bracketed_label_that_names_no_agency_is_no_dateline() -> None:
    assert run("\u3010\u901f\u5831\u3011The government approved the new rules on Tuesday.").attribution.credits == ()


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Der Spender diente nach Recherchen des Rechercheverbundes aus WDR nur dazu, die Namen zu verschleiern.", "WDR"),
    ("Laut dem Artikel von der Zeitung \u201cStandard\u201d bleiben Vegetarier eine Minderheit.", "Standard"),
    ("Son directeur, peut-on lire dans Le Monde, est mis en examen.", "Le Monde"),
    ("En septembre, Le Monde r\u00e9v\u00e8le qu\u2019une autre enqu\u00eate est ouverte.", "Le Monde"),
    ("Mi-novembre, on apprend via l\u2019AFP que la cour va r\u00e9examiner le dossier.", "AFP"),
    ("Die Regeln, wie sie der Guardian k\u00fcrzlich ver\u00f6ffentlichte, gelten weiter.", "The Guardian"),
    ("Dazu ein Zitat aus dem FAZ-Artikel: Ein Gelehrter warnte vor den Folgen.", "Frankfurter Allgemeine Zeitung"),
    ("Seg\u00fan un art\u00edculo del diario El Pa\u00eds, el gobierno aprob\u00f3 la ley el martes.", "El Pa\u00eds"),
    ("Selon une d\u00e9p\u00eache de l'AFP, le ministre a d\u00e9missionn\u00e9.", "AFP"),
])
def test_reporting_forms_of_the_wire_languages(sentence: str, outlet: str) -> None:
    assert roles(run(sentence))[0][:2] == (outlet, "source")


def test_an_interview_with_an_outlet_in_a_german_compound_is_no_report() -> None:
    assert roles(run("Im FAZ-Interview sagte der Minister, er trete nicht zur\u00fcck.")) == []


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Kurz nach der Tat ver\u00f6ffentlichte die Deutsche Presseagentur (dpa) eine Meldung, in der es hie\u00df, "
     "der Angriff sei geplant gewesen.", "dpa"),
    ("Am Montag berichtete der Spiegel, dass der Minister zur\u00fccktreten werde.", "Der Spiegel"),
])
def test_german_puts_the_verb_before_the_outlet(sentence: str, outlet: str) -> None:
    assert roles(run(sentence))[0][:2] == (outlet, "source")


def test_a_german_verb_before_an_outlet_that_is_its_object_is_no_report() -> None:
    assert roles(run("Der Minister las am Morgen den Spiegel und schrieb dann einen Brief.")) == []


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Wie der Tagesspiegel berichtete, wurde der Vertrag am Montag unterschrieben.", "Der Tagesspiegel"),
    ("Laut NDR wurde der Hafen am Morgen geschlossen.", "NDR"),
    ("They were merchants in the city of Angers, according to ouest-france.fr.", "Ouest-France"),
    ("Der Spender diente nach Recherchen der S\u00fcddeutscher Zeitung nur dazu, die Namen zu verschleiern.",
     "S\u00fcddeutsche Zeitung"),
])
def test_outlets_of_europe_the_lexicon_now_knows(sentence: str, outlet: str) -> None:
    assert roles(run(sentence))[0][:2] == (outlet, "source")


def test_the_sun_as_a_word_is_no_outlet() -> None:
    assert roles(run("The sun rose over the harbour as the boats left.")) == []


@pytest.mark.parametrize(("line", "credits"), [
    ("AP Technology Writer Jane Roe in San Francisco contributed to this report.", ("AP",)),
    ("Associated Press writers Jane Roe in Denver and John Doe in Austin contributed to this report.", ("AP",)),
    ("Staff writer Jane Roe contributed to this report.", ()),
    ("CNN's Bill Kirkos contributed to this report.", ()),
])
def test_an_agencys_writers_contributing_credit_the_agency(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Die Regierung plane neue Steuern, so der Spiegel.", "Der Spiegel"),
    ("Le gouvernement pr\u00e9pare une r\u00e9forme, rapporte Le Monde.", "Le Monde"),
    ("El Gobierno aprob\u00f3 la ley, inform\u00f3 la agencia EFE.", "EFE"),
    ("Seg\u00fan informa la agencia EFE, el Gobierno aprob\u00f3 la ley.", "EFE"),
    ("Secondo quanto riportato dall'ANSA, il governo ha approvato la legge.", "ANSA"),
    ("Il governo ha approvato la legge, riporta l'ANSA.", "ANSA"),
    ("Wie aus einem Bericht der S\u00fcddeutschen Zeitung hervorgeht, plant die Regierung neue Steuern.",
     "S\u00fcddeutsche Zeitung"),
])
def test_more_reporting_forms_of_the_wire_languages(sentence: str, outlet: str) -> None:
    assert roles(run(sentence))[0][:2] == (outlet, "source")


def test_so_before_an_outlet_that_is_no_clause_end_is_no_report() -> None:
    assert roles(run("Das sei so, der Spiegel lag im Regal.")) == []


@pytest.mark.parametrize(("line", "credits"), [
    ("(sid)", ("SID",)), ("(afp/rtr)", ("AFP", "Reuters")), ("(rtr)", ("Reuters",)),
])
def test_german_credit_abbreviations(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


def test_rtr_in_capitals_is_the_russian_broadcaster() -> None:
    assert roles(run("The speech was shown live, RTR reported.")) == [("Rossiya 1", "source", "inline-verb")]


@pytest.mark.parametrize(("sentence", "outlet", "span"), [
    ("Agence France-Presse (AFP) reported that the talks had failed.", "AFP", "Agence France-Presse (AFP)"),
    ("Kurz danach ver\u00f6ffentlichte die Deutsche Presseagentur (dpa) eine Meldung dazu.", "dpa",
     "Deutsche Presseagentur (dpa)"),
])
def test_a_name_and_its_bracketed_short_form_are_one_mention(sentence: str, outlet: str, span: str) -> None:
    a = run(sentence)
    assert [(x.source, x.role, x.text) for x in a.attribution.attributions] == [(outlet, "source", span)]


@pytest.mark.parametrize(("line", "credit"), [
    ("Reporting by The Associated Press.", "AP"),
    ("Includes information from The Associated Press", "AP"),
    ("Cross-posted from the Boston Globe.", "Boston Globe"),
    ("This story originally appeared in Reasons to Be Cheerful and is republished here with permission.",
     "Reasons to Be Cheerful"),
    ("Copyright © 2023 HealthDay. All rights reserved.", "HealthDay"),
    ("© 2023 Science X Network", "Science X"),
    ("© 2024 Benzinga.com. Benzinga does not provide investment advice. All rights reserved.", "Benzinga"),
    ("Write to Dear Abby at P.O. Box 12, Los Angeles, CA 90069. Copyright 2023, Andrews McMeel Syndication.",
     "Andrews McMeel Syndication"),
    ("©2023 Jane Roe. Distributed by Tribune Content Agency, LLC.", "Tribune Content Agency"),
])
def test_a_syndicated_or_copied_pages_closing_line_credits_its_origin(line: str, credit: str) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == (credit,)


@pytest.mark.parametrize("line", [
    "©2023 Jane Roe.",  # a columnist's copyright names a person, no outlet
    "Reporting by Jane Roe and John Doe.",
])
def test_a_closing_line_naming_people_only_credits_nothing(line: str) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Fox 6 reports that a judge set the bail at $750,000.", ("Fox News", "source", "inline-verb")),
    ("Semafor spotted the site rewriting its rivals' articles with AI.", ("Semafor", "source", "inline-verb")),
    ("In a clip from the episode, as first spotted by Mediaite, the host argued the point.",
     ("Mediaite", "source", "as-reported-by")),
    ("Via the New York Times' playoff calculator, that lowered their chances to 49%.",
     ("New York Times", "source", "according-to")),
    ("PolitiFact encontró un video similar publicado en noviembre.", ("PolitiFact", "source", "inline-verb")),
])
def test_more_inline_sources_of_news_pages(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in roles(run(f"{BODY}\n\n{sentence}"))


def test_a_journalists_title_with_a_suffix_is_an_affiliation_and_a_list_is_no_verb() -> None:
    assert roles(run(f"{BODY}\n\nJane Roe, the editor-in-chief of Semafor, wrote a series of columns.")) == [
        ("Semafor", "venue", "affiliation")]
    text = f"{BODY}\n\nThe player is climbing the all-time CNN lists (fifth in scoring), his coach said."
    assert ("CNN", "source", "inline-verb") not in roles(run(text))


def test_an_organisations_name_that_holds_an_outlets_is_no_outlet() -> None:
    text = f"{BODY}\n\nTwenty states allow it, according to the National Conference of State Legislatures."
    assert roles(run(text)) == []


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("In early December, Bloomberg's Mark Gurman reported that the company plans new tablets.", "Bloomberg"),
    ("CNN's Jake Tapper said the debate would start late.", "CNN"),
])
def test_a_named_journalist_of_an_outlet_speaking_is_an_affiliation(sentence: str, outlet: str) -> None:
    assert roles(run(f"{BODY}\n\n{sentence}")) == [(outlet, "venue", "affiliation")]


@pytest.mark.parametrize(("line", "credits"), [
    ("The-CNN-Wire \u2122 & \u00a9 2023 Cable News Network, Inc., a Warner Bros. Discovery Company. "
     "All rights reserved.", ("CNN",)),
    ("The Associated Press receives support from a foundation for its health coverage. The AP is solely responsible "
     "for all content.", ("AP",)),
    ("This is an AP Member Exchange shared by The Des Moines Register.", ("AP", "Des Moines Register")),
    ("Information from: The Seattle Times, http://www.seattletimes.com", ("Seattle Times",)),
    ("Associated Press writer Jane Roe contributed.", ("AP",)),
    ("This story was produced by ProPublica, a nonprofit newsroom.", ("ProPublica",)),
])
def test_the_wire_footers_of_us_local_sites_credit_the_wire(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{BODY}\n\n{line}").attribution.credits == credits


@pytest.mark.parametrize("byline", [
    "By JANE ROE Associated Press",
    "By Jane Roe | Associated Press",
    "By Jane Roe and John Doe, The Associated Press",
])
def test_a_byline_ending_with_a_wire_after_its_writers_credits_the_wire(byline: str) -> None:
    assert run(f"Council backs new budget\n\n{byline}\n\n{BODY}").attribution.credits == ("AP",)


def test_a_byline_of_writers_only_credits_nothing() -> None:
    assert run(f"Council backs new budget\n\nBy Jane Roe and John Doe\n\n{BODY}").attribution.credits == ()
