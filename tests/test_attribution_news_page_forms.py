"""Attribution forms read on the train half of fundus's real news pages (publishers of 40 countries, a third German),
one small hand-written text each (rules only). Each test pins one form and, where real text showed a trap, its
negative twin.
"""

from __future__ import annotations

import pytest

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.models import Document

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))
BODY = "Council backs new budget\n\nThe city council approved the budget on Tuesday. The mayor was relieved."
KOERPER = ("Stadtrat beschließt Haushalt\n\nDer Stadtrat hat am Dienstag den Haushalt beschlossen. Der Bürgermeister "
           "zeigte sich erleichtert.")


def run(text: str) -> Analysis:
    return analyse(Document("t.txt", text), RULES_ONLY)


def sources(a: Analysis) -> list[tuple[str, str, str]]:
    return [(x.source, x.role, x.kind) for x in a.attribution.attributions if x.sentence is not None]


@pytest.mark.parametrize(("line", "credits"), [
    ("With files from The Associated Press and Jane Roe", ("AP",)),  # a Canadian paper's closing credit
    ("With files from Reuters", ("Reuters",)),
    ("With reports from Reforma and El Economista", ("Reforma", "El Economista")),
])
def test_a_with_files_from_line_credits_the_agencies_it_names(line: str, credits: tuple[str, ...]) -> None:
    assert set(run(f"{BODY}\n\n{line}").attribution.credits) == set(credits)


def test_a_with_files_from_line_naming_no_outlet_credits_nothing() -> None:
    assert run(f"{BODY}\n\nWith files from Jane Roe and John Doe").attribution.credits == ()


def test_a_live_blogs_opening_line_credits_the_agencies_of_its_long_sentence() -> None:
    text = ("Die Lage im Überblick\n\n- Neue Gespräche geplant (10.15 Uhr)\n\n"
            "Mit Informationen unserer Korrespondentinnen und Korrespondenten sowie der Nachrichtenagenturen AFP, dpa "
            "und Reuters. Nicht alle Angaben lassen sich unabhängig prüfen.\n\n"
            "10.15 Uhr: Neue Gespräche geplant\n\n"
            "Die Delegationen wollen sich in der kommenden Woche erneut treffen, teilte ein Sprecher am Vormittag mit.")
    a = run(text)
    assert set(a.attribution.credits) == {"AFP", "dpa", "Reuters"}
    assert not any("Korrespondent" in a.document.text[c.span.start:c.span.end] for c in a.claims)


def test_a_lead_paragraph_with_information_from_no_outlet_credits_nothing() -> None:
    text = ("Die Lage im Überblick\n\nMit Informationen aus dem Rathaus und von der Feuerwehr. Die Angaben stammen "
            "vom Vormittag und werden laufend ergänzt, sobald neue Meldungen vorliegen.\n\n" + KOERPER)
    assert run(text).attribution.credits == ()


@pytest.mark.parametrize(("line", "credit"), [
    ("Dieser Artikel ist zuerst bei \u201eCapital\u201c erschienen.", "Capital"),
    ("Dieser Beitrag erschien zuerst im Handelsblatt.", "Handelsblatt"),
    ("Cet article a été initialement publié dans The Conversation.", "The Conversation"),
    ("Este artículo fue publicado originalmente en El País.", "El País"),
    ("Questo articolo è stato pubblicato originariamente su la Repubblica.", "La Repubblica"),
])
def test_a_republication_line_in_the_wire_languages_credits_the_original(line: str, credit: str) -> None:
    assert run(f"{KOERPER}\n\n{line}").attribution.credits == (credit,)


def test_a_korean_copyright_line_credits_its_paper() -> None:
    text = ("시의회가 예산안을 통과시켰다.\n\n시장은 안도했다고 밝혔다.\n\n"
            "<Copyright \u24d2 한국일보. All rights reserved. 무단 전재 및 재배포 금지>")
    assert run(text).attribution.credits == ("Hankook Ilbo",)


def test_a_closing_line_naming_the_outlet_and_its_writers_credits_it() -> None:
    assert run(f"{KOERPER}\n\nMDR (Jana Beispiel, Tom Muster)").attribution.credits == ("MDR",)


def test_a_closing_line_naming_a_feed_quality_credits_nothing() -> None:
    assert run(f"{KOERPER}\n\nRSS (HD)\n\nRSS (SD)").attribution.credits == ()


def test_a_list_of_the_sources_used_credits_each_outlets_site() -> None:
    text = (f"{KOERPER}\n\n- Eigene Recherchen\n\n- foxnews.com: Tanker slips past the blockade (Englisch)\n\n"
            "- nytimes.com: What the tanker carried (Englisch)")
    a = run(text)
    assert a.attribution.credits == ("Fox News", "New York Times")
    assert ("New York Times", "source", "headline") not in sources(a)


@pytest.mark.parametrize(("sentence", "expected"), [
    # German puts the verb first: "erfuhr die APA", and quotes the outlet's name in guillemets or low-high quotes
    ("Die Ministerin tritt im Herbst zurück, erfuhr die APA aus Regierungskreisen.",
     ("APA Austria", "source", "inline-verb")),
    ("Auch die libanesische Staatsagentur NNA meldete den Angriff.", ("NNA", "source", "inline-verb")),
    ("Der Umbau soll Millionen kosten. Das schreibt die \u00abNew York Times\u00bb.",
     ("New York Times", "source", "inline-verb")),
    ("Laut dem \u00abWall Street Journal\u00bb prüft die Regierung neue Zölle.",
     ("Wall Street Journal", "source", "according-to")),
    ("Drei Häuser brannten, wie die Nachrichtenagentur \u201eWafa\u201c am Montag berichtete.",
     ("WAFA", "source", "inline-verb")),
    ("Nach \u201eTagesspiegel\u201c-Informationen ermittelt die Polizei.",
     ("Der Tagesspiegel", "source", "report-in")),
    ("\u201eWir starten im Frühjahr\u201c, zitiert das Handelsblatt die Vorstandschefin.",
     ("Handelsblatt", "source", "inline-verb")),
    # the Romance languages: a passive with its agent, an agency described before its name, an imperfect
    ("La reunión terminó sin acuerdo, según un comunicado recogido por EFE.", ("EFE", "source", "as-reported-by")),
    ("Murieron cuatro personas, según la agencia de noticias palestina Wafa.", ("WAFA", "source", "according-to")),
    ("La croissance reste sous le consensus des économistes sondés par l'agence Bloomberg.",
     ("Bloomberg", "source", "as-reported-by")),
    ("Il New York Times scriveva in serata: \u00abIl vertice è rinviato\u00bb.",
     ("New York Times", "source", "inline-verb")),
    # Polish
    ("Portal CNN podawał, że delegacja przybędzie we wtorek.", ("CNN", "source", "inline-verb")),
    ("Agencja Associated Press podała, że rozmowy ruszą w środę.", ("AP", "source", "inline-verb")),
    ("The Intercept analysis linked the account to a soldier in Texas.", ("The Intercept", "source", "poll")),
    ("The minister was troubled by the revelations by newspaper Dagens Nyheter.",
     ("Dagens Nyheter", "source", "as-reported-by")),
])
def test_an_inline_source_as_news_pages_in_many_languages_write_it(sentence: str,
                                                                   expected: tuple[str, str, str]) -> None:
    assert expected in sources(run(sentence))


def test_sources_who_inform_an_agency_make_it_a_venue() -> None:
    a = run("Las condiciones siguen abiertas, según informaron a EFE fuentes cercanas a la negociación.")
    assert sources(a) == [("EFE", "venue", "venue")]


def test_a_first_name_before_an_outlet_word_still_hides_it_but_a_media_compound_does_not() -> None:
    assert sources(run("Der Sprecher Peter Bild sagte am Montag, es gebe keine Pläne.")) == []
    assert ("Bild", "source", "inline-verb") in sources(run("Das Boulevardblatt Bild berichtete am Montag darüber."))


@pytest.mark.parametrize(("line", "credits"), [
    ("Quellen: dpa, AFP", ("dpa", "AFP")),  # the plural of "Quelle"
    ("Texte: dpa", ("dpa",)),
])
def test_a_german_source_or_text_line_in_the_plural_credits_its_agencies(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"{KOERPER}\n\n{line}").attribution.credits == credits


def test_the_swiss_agencys_french_name_in_a_dateline_credits_it() -> None:
    assert run("Genf (sda-ats) Der Bundesrat hat neue Regeln beschlossen. Die Kantone begrüßten den Plan."
               ).attribution.credits == ("Keystone-SDA",)


@pytest.mark.parametrize("line", [
    "Get in touch with our news team by emailing us at news@example.test.",
    "For more stories like this, check our news page.",
    "Sign up for our daily newsletter.",
    "Hat Ihnen dieser Artikel gefallen?",
    "Fehler gefunden? Jetzt melden.",
    "Follow us on Twitter @example and on Facebook.",
    "Want the Ledger's morning briefing in your inbox every day? Sign up here.",
    "( Sign up for the Ledger's Morning Harbour tip sheet)",
    "Get breaking news alerts and special reports.",
    "Questions and answers have been edited for length and clarity.",  # an editor's note on the editing
    "This interview has been condensed and edited for clarity.",
])
def test_a_sites_call_to_its_reader_is_no_claim(line: str) -> None:
    a = run(f"{BODY}\n\n{line}")
    assert all(line.split()[0] not in c.text for c in a.claims)
    assert len(a.claims) == 3  # the headline and the two sentences of the story


@pytest.mark.parametrize("note", [
    "Follow her on Twitter @janeroe.",
    "Jane Roe can be reached at jane.roe@example.test.",
    "Let us know what you are thinking at politics@example.test.",
    "The opinions expressed in this commentary are her own.",
])
def test_a_writers_note_closing_a_long_bio_paragraph_is_no_claim(note: str) -> None:
    bio = ("Jane Roe is a professor of law at the state university, where she has taught for twenty years, and she "
           "writes often about the courts, the harbour and the city's long fight over the ferry fares. ")
    a = run(f"{BODY}\n\n{bio}{note}")
    assert not [c.text for c in a.claims if c.text == note]
    assert any(c.text.startswith("Jane Roe is a professor") for c in a.claims)


def test_an_editors_note_closing_a_long_introduction_is_no_claim() -> None:
    intro = ("The mayor, who took office in January after a close race against two council members, sat down with "
             "us this week to talk about the harbour, the budget and the ferry. Questions and answers have been "
             "edited for length and clarity.")
    a = run(f"{BODY}\n\n{intro}")
    assert [c.text for c in a.claims if "edited" in c.text] == []
    assert any(c.text.startswith("The mayor, who took office") for c in a.claims)


@pytest.mark.parametrize("header", [
    "HARBOURTOWN (AP) \u2014 The Latest on the ferry strike (all times local):",
    "HARBOURTOWN (AP) \u2014 The Latest on the ferry strike and the council's vote on the new fares on Tuesday:",
])
def test_a_live_blogs_header_under_its_dateline_is_no_claim(header: str) -> None:
    a = run(f"The Latest: Ferry strike ends\n\n{header}\n\n10:30 p.m.\n\nThe council approved the fares on Tuesday.")
    assert [c.text for c in a.claims if "Latest on" in c.text] == []
    assert [c.text for c in a.claims if c.text.startswith("The council approved")]


def test_the_latest_on_a_story_inside_a_sentence_is_still_a_claim() -> None:
    a = run(f"{BODY}\n\nThe mayor told reporters the latest on the strike was a vote on Tuesday.")
    assert len(a.claims) == 4


@pytest.mark.parametrize("pointer", [
    "That's according to early results of exit polls conducted for The Associated Press and television networks.",
    "This is according to a new Associated Press analysis.",
])
def test_a_sentence_giving_the_source_of_the_one_before_sources_it(pointer: str) -> None:
    a = run(f"Harbour vote\n\nTurnout was heavy in the eastern counties. Roe led among women in both states. "
            f"{pointer}\n\nThe polls closed at eight.")
    sourced = {c.text: (c.source, c.basis) for c in a.claims}
    assert sourced["Roe led among women in both states."] == ("AP", "paragraph")
    assert sourced["Turnout was heavy in the eastern counties."] == (None, "unattributed")
    assert not [t for t in sourced if "according to" in t]  # the pointer itself states nothing
    assert sourced["The polls closed at eight."] == (None, "unattributed")


def test_a_pointer_after_a_sentence_with_its_own_source_is_a_claim_of_its_own() -> None:
    a = run("Harbour vote\n\nThe Harbour Courier reported that Roe led among women. "
            "That's according to early results of exit polls conducted for The Associated Press.")
    assert [c.source for c in a.claims if c.text.startswith("That's")] == ["AP"]


@pytest.mark.parametrize("sentence", [
    "They believe the rest of the world would not follow us.",
    "The mayor said the plan would save the city $10 million a year, and the council's newsletter, which residents can "
    "sign up for at city hall, will track the savings every month until the end of the decade.",
    "The council's minutes have been edited for length before, the clerk admitted, and residents want the full text.",
    "Residents who follow him on Twitter know the mayor rarely posts before noon on weekdays or at weekends.",
    "To sign up for a visit, residents need only call the harbour office before Friday.",
    "The views expressed at the meeting were divided between the harbour board and the fishermen's union.",
])
def test_a_sentence_that_only_holds_such_words_is_still_a_claim(sentence: str) -> None:
    assert len(run(f"{BODY}\n\n{sentence}").claims) == 4
