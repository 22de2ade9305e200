"""Attribution forms read on real articles (PolNeAR train), one small hand-written text each (rules only).

Each test pins one form and, where real text showed a trap, its negative twin.
"""

from __future__ import annotations

import pytest

from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.models import Document

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))


def run(text: str) -> Analysis:
    return analyse(Document("t.txt", text), RULES_ONLY)


def sources(a: Analysis) -> list[str | None]:
    return [c.source for c in a.claims]


@pytest.mark.parametrize("line", ["(h/t The Hill.)", "h/t: The Hill", "(h/t The Hill Video.)"])
def test_a_hat_tip_line_credits_the_document(line: str) -> None:
    a = run(f"The senator said the bill would pass by June.\n\n{line}")
    assert a.attribution.credits == ("The Hill",)
    assert sources(a) == ["The Hill"]


def test_an_unnamed_poll_is_the_outlets_poll_named_just_after() -> None:
    a = run("A new national poll suggests the race has tightened.\n\n"
            "A Boston Globe poll found 44 percent back the mayor.")
    assert sources(a) == ["Boston Globe", "Boston Globe"]
    assert a.claims[0].basis == "anaphora"


def test_a_poll_named_by_another_name_first_keeps_the_unnamed_poll_unattributed() -> None:
    a = run("A new national poll suggests the race has tightened. The Quinnipiac University poll had her ahead.\n\n"
            "A Boston Globe poll found 44 percent back the mayor.")
    assert sources(a) == [None, None, "Boston Globe"]


def test_an_unnamed_poll_far_before_the_named_one_is_not_guessed() -> None:
    filler = " ".join(f"Voters in district {n} waited for hours." for n in range(6))
    a = run(f"A new national poll suggests the race has tightened. {filler}\n\n"
            "A Boston Globe poll found 44 percent back the mayor.")
    assert sources(a)[0] is None


def test_figures_before_the_poll_they_come_from() -> None:
    a = run("A Boston Globe poll found 44 percent back the mayor.\n\n"
            "Her support fell to 31 percent in Tuesday's poll.\n\n"
            "Turnout was high in Tuesday's poll as well.")
    assert sources(a) == ["Boston Globe", "Boston Globe", None]


def test_a_poll_conducted_for_an_outlet_is_its_poll() -> None:
    a = run("The survey was conducted for the Boston Globe by Carrow Research among 612 voters.")
    assert [(x.source, x.kind) for x in a.attribution.attributions] == [("Boston Globe", "poll")]


def test_an_article_published_on_a_day_found() -> None:
    a = run("A Seattle Times article published Sunday found that fares rose for six years.")
    assert sources(a) == ["Seattle Times"]


@pytest.mark.parametrize(("text", "source"), [
    ("The news site Harbourline Daily reported that two routes could close.", "Harbourline Daily"),
    ("Two routes could close, Portuguese newspaper Correio de Aveiro reports.", "Correio de Aveiro"),
    ("The news site Harbourline Daily hired a new editor in May.", None),  # no cue: not a source
    ("The newspaper Monday reported that two routes could close.", None),  # a weekday is no name
])
def test_an_outlet_the_lexicon_does_not_list_named_after_what_it_is(text: str, source: str | None) -> None:
    assert sources(run(text)) == [source]


def test_an_embedded_post_signed_by_an_outlet() -> None:
    a = run("Fares will rise on July 1. \u2014 The Boston Globe (@BostonGlobe) May 6, 2026")
    assert ("Boston Globe", "tweet") in [(x.source, x.kind) for x in a.attribution.attributions]
    assert sources(a)[-1] == "Boston Globe"


def test_a_story_about_an_outlet_its_statement_on_another_matter_is_a_source() -> None:
    a = run("Fox News has hired three anchors for its morning show.\n\n"
            "Fox News said in a statement that the debate would go ahead on Thursday.\n\n"
            "Fox News said its ratings had risen for a fifth month.")
    assert sources(a) == [None, "Fox News", None]


def test_putting_together_a_team_is_not_reporting() -> None:
    a = run("The Washington Post has put together a team of twelve reporters.")
    assert [x.role for x in a.attribution.attributions if x.role == "source"] == []


BAHN = "Die Bahn will ab Juni mehr Züge einsetzen. Das kündigte ein Sprecher am Montag an."


@pytest.mark.parametrize(("line", "credits"), [
    ("dpa/mm", ("dpa",)),  # an agency with its editor's initials
    ("Reuters/dpa/jm", ("Reuters", "dpa")),
    ("KNA/epd", ("KNA", "epd")),
    ("© dpa-infocom, dpa:260302-99-418223/3", ("dpa",)),
    ("Copyright: dpa", ("dpa",)),
    ("Avec AFP", ("AFP",)),
    ("Mit Agenturmaterial", ("unnamed agency",)),
    ("Redacción / Agencias", ("unnamed agency",)),
    ("(Agencias)", ("unnamed agency",)),
    ("SOURCE: News agencies", ("unnamed agency",)),  # a source line in capitals
    ("SOURCES: AFP, Reuters", ("AFP", "Reuters")),
    ("Handout/Reuters", ()),  # a photo credit
    ("Kakuma/Kenia", ()),  # a place, no agency
])
def test_closing_credit_lines_of_european_sites(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"Neue Züge für Pendler\n\n{BAHN}\n\n{line}").attribution.credits == credits


@pytest.mark.parametrize(("lead", "credits"), [
    ("Frankfurt/Main (dpa/lhe) - ", ("dpa",)),  # a city with a slash, dpa's regional desk
    ("Bern (sda) ", ("Keystone-SDA",)),  # no dash after a news agency's bracket
    ("Atlanta (CNN) ", ("CNN",)),  # without a dash a news agency's or a broadcaster's bracket is a dateline
    ("Atlanta (Politico) ", ()),  # (not a site's)
])
def test_datelines_of_european_agencies(lead: str, credits: tuple[str, ...]) -> None:
    assert run(f"Neue Züge für Pendler\n\n{lead}{BAHN}").attribution.credits == credits


@pytest.mark.parametrize(("head", "lead", "body", "credits"), [
    ("Новые станции", "МОСКВА, 3 мар — РИА Новости. ", "Три станции откроются до конца года.", ("RIA Novosti",)),
    ("قواعد جديدة", "دبي - رويترز: ", "أقرت الحكومة قواعد جديدة لحركة القطارات.", ("Reuters",)),
    ("नए नियम", "नई दिल्ली, 3 मार्च (भाषा) ", "सरकार ने नए नियमों को मंजूरी दी।", ("PTI",)),
    ("नए नियम", "नई दिल्ली (एएनआई) - ", "सरकार ने नए नियमों को मंजूरी दी।", ("ANI",)),
    ("Nuove regole", "Roma, 3 mar. (askanews) - ", "Il governo ha approvato nuove regole.", ("askanews",)),
    ("철도 새 규정", "(서울=연합뉴스) 김철수 기자 = ", "정부는 열차 운행 새 규정을 승인했다.", ("Yonhap",)),
    ("鉄道の新規則", "【ワシントン共同】", "政府は列車の新しい規則を承認した。", ("Kyodo",)),
    ("Washington", "WASHINGTON — Lawmakers. ", "The bill passed on Tuesday.", ()),  # no agency after the dash
])
def test_datelines_in_the_wire_languages(head: str, lead: str, body: str, credits: tuple[str, ...]) -> None:
    assert run(f"{head}\n\n{lead}{body}").attribution.credits == credits


@pytest.mark.parametrize(("line", "credits"), [
    ("По материалам РИА Новости", ("RIA Novosti",)),
    ("स्रोत: एएनआई", ("ANI",)),
    ("इनपुट: भाषा", ("PTI",)),
    ("（来源：中新网）", ("China News Service",)),
    ("（共同）", ("Kyodo",)),
    ("Riproduzione riservata © Copyright ANSA", ("ANSA",)),
    ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", ("Yonhap",)),
    ("责任编辑：王明", ()),  # an editor, no source
])
def test_closing_credits_in_the_wire_languages(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"Head\n\n{BAHN}\n\n{line}").attribution.credits == credits


def test_the_word_joint_in_japanese_text_is_no_kyodo_mention() -> None:
    a = run("政府と企業は共同で新しい駅を建設すると発表した。")
    assert [x.source for x in a.attribution.attributions] == []


@pytest.mark.parametrize(("text", "sources_found"), [
    ("Pence said in a statement released by the campaign the AP report merits an inquiry.", []),  # a second article
    ("The ministry denied it, citing a Reuters report from May.", ["Reuters"]),
    ("She stood beside the CNN broadcast set outside the hall.", []),
    ("CNN broadcast the speech in full.", ["CNN"]),
])
def test_cue_words_that_are_not_cues(text: str, sources_found: list[str]) -> None:
    assert [x.source for x in run(text).attribution.attributions if x.role == "source"] == sources_found


def test_a_survey_for_another_sponsor_is_not_the_poll_named_before() -> None:
    a = run("A Boston Globe poll found 44 percent back the mayor.\n\n"
            "The survey, conducted for the advocacy group Ferry Voice, also found that 30 percent ride daily.")
    assert sources(a) == ["Boston Globe", None]


def test_a_source_line_names_a_site_by_its_domain_above_the_author_box() -> None:
    text = (f"Wohngeld nur mit Arbeitssuche\n\n{BAHN}\n\n"
            "Quelle: © www.rechtsdienst-nord.de - Rechtsnews für Kanzleien\n\n"
            "Symbolgrafik: © Archiv\n\nAutor:\n\nRechtsanwalt\n\nJonas Beispiel")
    assert run(text).attribution.credits == ("rechtsdienst-nord.de",)


@pytest.mark.parametrize(("line", "credits"), [
    ("von tennisfeld.com", ("tennisfeld.com",)),  # a byline naming a site
    ("Source: reuters.com", ("Reuters",)),  # a domain the lexicon knows
    ("By Jonas Beispiel", ()),  # a person
    ("Quelle: Statistisches Bundesamt", ()),  # no domain, not in the lexicon
])
def test_sites_named_by_their_domain_in_credit_lines(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"Neue Züge für Pendler\n\n{line}\n\n{BAHN}\n\n{line}").attribution.credits == credits


def test_a_lead_in_line_sources_the_block_it_introduces() -> None:
    a = run("Donors are wary of the campaign.\n\nFrom Bloomberg:\n\n"
            "Rich donors have been slow to give. Outside groups are stepping in.\n\nThe campaign did not comment.")
    assert sources(a) == [None, "Bloomberg", "Bloomberg", "Bloomberg", None]


def test_a_colon_ended_attribution_sources_the_quotation_after_it_only() -> None:
    quoted = run("The Times made the same claim in May, and Breitbart News responded:\n\n"
                 "\"The answer is to enforce the law we have.\"\n\nThe debate goes on.")
    assert sources(quoted) == ["Breitbart News", "Breitbart News", None]
    unquoted = run("CNN also noted the sparse crowd:\n\nEven a conservative columnist pointed out the empty seats.")
    assert sources(unquoted) == ["CNN", None]


@pytest.mark.parametrize("sentence", [
    "The Boston Globe barely even mentioned the mayor's remarks and went back to its panel.",
    "But the fact-checking site Politifact traced the rumour to a satire page.",
    "Politifact deemed the statement false because no such video exists.",
    "Politifact examined the charge and rated both parts of it true.",
    "Axios also commented on the deal, but said the talks had stalled.",
    "Fox told a slightly different tale.",
])
def test_an_outlet_as_the_subject_of_a_verb_of_saying_or_judging(sentence: str) -> None:
    a = run(f"The mayor spoke to voters in Dover on Monday. She did not take questions.\n\n{sentence}")
    assert [x.role for x in a.attribution.attributions] == ["source"]
    assert sources(a) == [None, None, a.attribution.attributions[0].source]


def test_a_verb_of_business_after_an_outlet_is_no_source() -> None:
    a = run("The mayor spoke to voters in Dover on Monday. She did not take questions.\n\n"
            "The Boston Globe hired three reporters for its statehouse bureau.")
    assert sources(a) == [None, None, None]


def test_a_name_of_several_words_inside_a_longer_name_is_another_paper() -> None:
    a = run("The Yale Daily News reported that the dean had resigned.")
    assert [x.source for x in a.attribution.attributions if x.role == "source"] == []


@pytest.mark.parametrize(("sentence", "source"), [
    ("According to the Washington Free Beacon, the memo was sent in May.", "Washington Free Beacon"),
    ("In an early-October CBS News poll, she led the senator 56 percent to 32 percent.", "CBS News"),
])
def test_a_word_of_the_outlets_own_name_or_a_date_before_it_is_no_other_name(sentence: str, source: str) -> None:
    assert sources(run(sentence)) == [source]


def test_a_lead_in_naming_a_writer_at_an_outlet_is_the_writers_venue() -> None:
    a = run('From Jane Roe writing at The Boston Globe:\n\n"The mayor has lost the room," she wrote.')
    assert [(x.source, x.role) for x in a.attribution.attributions] == [("Boston Globe", "venue")]


def test_how_the_poll_was_taken_is_no_finding_of_it() -> None:
    a = run("A Boston Globe poll found 44 percent back the mayor.\n\n"
            "The poll surveyed 612 voters between May 1-4.\n\n"
            "The poll found her rival at 39 percent.")
    assert sources(a) == ["Boston Globe", None, "Boston Globe"]


def test_an_acronym_shaped_like_a_call_sign_that_names_another_body_is_no_station() -> None:
    a = run('Untreated, the infection is "almost always fatal," says WHO.\n\nKWTX reported two new cases on Monday.')
    assert sources(a) == [None, "KWTX"]


@pytest.mark.parametrize("paper", ["Westfield Argus Leader", "Milbrook Times Union", "Carver Post-Gazette"])
def test_an_unlisted_paper_keeps_the_second_word_of_its_name(paper: str) -> None:
    assert sources(run(f"The program cost the county $2 million, according to the {paper}.")) == [paper]


def test_words_said_via_an_outlet_are_as_it_reported_them() -> None:
    a = run('"We still control our own destiny," the coach said, via the Boston Globe.')
    assert sources(a) == ["Boston Globe"]


@pytest.mark.parametrize("after", ["", "\n\nErstellt: 12.12.2019, 07h36",
                                   "\n\nDas folgende Video zeigt einen Ausschnitt aus der Sendung:"])
def test_a_closing_bracket_with_a_date_credits_the_agency(after: str) -> None:
    text = f"Die Synode tagt im Mai in Fulda.\n\nDer Generalsekretär leitete zuletzt das Büro. (KNA 19.11.21){after}"
    assert run(text).attribution.credits == ("KNA",)


def test_a_wire_name_closing_the_last_paragraph_of_text_credits_it() -> None:
    text = ("The court will hear the case in May.\n\n"
            "More than 300 people were deported by the authorities last week. PTI\n\nComments\n\ncomments")
    assert run(text).attribution.credits == ("PTI",)


@pytest.mark.parametrize("ending", ["The money went to the U.S. Treasury", "He thanked his fans. Amen",
                                    "The case went to the U.S. Supreme Court"])
def test_a_capitalised_word_closing_the_text_is_no_credit(ending: str) -> None:
    assert run(f"The court will hear the case in May.\n\n{ending}").attribution.credits == ()


@pytest.mark.parametrize("sentence", [
    "The agency filed the lawsuit that same day, as mentioned above, and detailed in the Boston Globe.",
    "The plan was first reported in the Boston Globe on Sunday.",
])
def test_reported_or_detailed_in_an_outlet(sentence: str) -> None:
    assert sources(run(sentence)) == ["Boston Globe"]


def test_an_outlet_named_like_the_storys_person_speaking_of_its_reporting_stays_the_outlet() -> None:
    a = run("Michael Bloomberg is worth $45 billion, Forbes says.\n\nMr. Bloomberg declined to comment.\n\n"
            "Bloomberg says its deeper reporting has found that the trusts are still under his control.")
    assert sources(a) == ["Forbes", None, "Bloomberg"]


def test_a_major_portuguese_daily_misspelt_resolves_to_it() -> None:
    a = run("The engineer had lived in Johannesburg for a decade, Portuguese newspaper Correio de Manha reports.")
    assert sources(a) == ["Correio da Manhã"]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Laut der Nachrichtenagentur Reuters hat sich der Premier davon distanziert.", "Reuters"),
    ("Die Kinder waren nach Angaben der Agentur Tass zwischen zwei und vier Jahren alt.", "TASS"),
    ("Der Zug war voll, wie die Nachrichtenagentur dpa berichtete.", "dpa"),
    ("Según la agencia EFE, el tren iba lleno.", "EFE"),
    ("D'après l'agence AFP, le train était bondé.", "AFP"),
    ("Le train était bondé, selon l'AFP.", "AFP"),
    ("Il treno era pieno, secondo l'ANSA.", "ANSA"),
    ("O comboio ia cheio, segundo a Lusa.", "Lusa"),
    ("Der Zug war voll, berichtete der Spiegel.", "Der Spiegel"),
    ("El tren iba lleno, informó la agencia Efe.", "EFE"),
    ("Le train était bondé, a rapporté l'AFP.", "AFP"),
    ("Il treno era pieno, ha riferito l'ANSA.", "ANSA"),
    ("Die Sängerin hat zehn Kilo abgenommen, wie die britische Zeitung \u201eThe Sun\u201c berichtete.", "The Sun"),
    ("La agencia EFE informó que el tren iba lleno.", "EFE"),  # an article before a name of two words
    ("Dem Bericht der Süddeutschen Zeitung zufolge war der Zug voll.", "Süddeutsche Zeitung"),  # declined
    ("Laut der Neuen Zürcher Zeitung war der Zug voll.", "Neue Zürcher Zeitung"),
    ("Nach Informationen des Spiegels war der Zug voll.", "Der Spiegel"),
    ("Laut einem Bericht der Bild-Zeitung war der Zug voll.", "Bild"),
    ("Laut Tagesschau war der Zug voll.", "ARD"),
])
def test_according_to_in_the_wire_languages(sentence: str, source: str) -> None:
    assert sources(run(f"Titel\n\n{sentence}")) == [None, source]


@pytest.mark.parametrize("sentence", [
    "La afectación era grande, según el vicepresidente de la ANP, Daniel Loureiro.",  # the vice-president speaks
    "La empresa busca una confrontación, según dijeron a El País dos fuentes ministeriales.",  # told the paper
    "Annika Reuter sagte, der Zug sei voll gewesen.",  # a person named like the agency
    "Laut einem Bericht der Polizei war der Zug voll.",  # the police's report
])
def test_according_to_a_person_in_the_wire_languages_is_no_outlet(sentence: str) -> None:
    assert sources(run(f"Titel\n\n{sentence}")) == [None, None]


def test_a_described_outlet_may_open_with_the_and_the_star_stays_a_star() -> None:
    assert sources(run("The singer lost weight, the British newspaper The Sun reported.")) == ["The Sun"]
    assert sources(run("The Sun rose over the newspaper offices, the paper's staff reported.")) == [None]


@pytest.mark.parametrize("sentence", [
    "El ministro dijo a la agencia EFE que el tren iba lleno.",
    "Der Minister sagte der Nachrichtenagentur dpa, der Zug sei voll.",
    "Le ministre a déclaré à l'AFP que le train était bondé.",
    "Il ministro ha detto all'ANSA che il treno era pieno.",
    "O ministro disse à Lusa que o comboio ia cheio.",
])
def test_speaking_to_an_outlet_in_the_wire_languages_makes_it_a_venue(sentence: str) -> None:
    a = run(f"Titel\n\n{sentence}")
    assert [x.role for x in a.attribution.attributions] == ["venue"]
    assert sources(a) == [None, None]



@pytest.mark.parametrize(("sentence", "outlet"), [
    ("The New York Times is claiming today that the senator met the donors in January.", "New York Times"),
    ("Before the gift, the last personal donation The Washington Post had unearthed was from 2009.", "Washington Post"),
    ("The candidate remarked upon a recent New York Times story in which party sources said the deal was close.",
     "New York Times"),
])
def test_progressive_and_relative_reporting_forms(sentence: str, outlet: str) -> None:
    assert [(a.source, a.role) for a in run(sentence).attribution.attributions] == [(outlet, "source")]


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Politico, in an extensive look at the last days of the campaign, described a candidate aggrieved.", "Politico"),
    ("CNN, Cruz said, called the announcement significant.", "CNN"),
    ("As the Washington Post \u2014 even the devil can quote statistics \u2014 observed, turnout rose in 30 states.",
     "Washington Post"),
    ("The release linked to the Associated Press report, which notes, \u201cMore than half gave money.\u201d", "AP"),
    ("He called the loans an error that was reported in a \"hit piece\" by The New York Times.", "New York Times"),
    ("The New York Times initially broke the story in March of the secretary using a private server.",
     "New York Times"),
])
def test_asides_and_report_forms_between_outlet_and_cue(sentence: str, outlet: str) -> None:
    assert (outlet, "source") in [(a.source, a.role) for a in run(sentence).attribution.attributions]


def roles(a: Analysis) -> list[tuple[str, str, str]]:
    return [(x.source, x.role, x.kind) for x in a.attribution.attributions]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("CNN and Fox News reported that the senator would run.",
     [("CNN", "source", "inline-verb"), ("Fox News", "source", "inline-verb")]),
    ("According to CNN, the BBC and Al Jazeera, the ceasefire held overnight.",
     [("CNN", "source", "according-to"), ("BBC", "source", "according-to"), ("Al Jazeera", "source", "according-to")]),
    ("Selon l'AFP et Reuters, le cessez-le-feu tient depuis lundi.",
     [("AFP", "source", "according-to"), ("Reuters", "source", "according-to")]),
    ("He won the primary, with Fox News and NBC News calling the race for him an hour after the polls closed.",
     [("Fox News", "source", "inline-verb"), ("NBC News", "source", "inline-verb")]),
    ("CNN and Fox News both reported that the senator would run.",
     [("CNN", "source", "inline-verb"), ("Fox News", "source", "inline-verb")]),
    ("The ruling drew criticism, even earning editorials from The New York Times and The Washington Post.",
     [("New York Times", "source", "report-in"), ("Washington Post", "source", "report-in")]),
    ("By Thursday she had given interviews to ABC News, MSNBC and CNN about the bill.",
     [("ABC News", "venue", "venue"), ("MSNBC", "venue", "venue"), ("CNN", "venue", "venue")]),
])
def test_outlets_named_as_a_list_share_the_cue(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert roles(run(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "Trump attacked CNN and NBC, the Washington Post reported.",  # the comma after "and": no list with the Post
    "Trump attacked CNN, NBC, the Washington Post reported.",  # a comma run without "and" is no list
])
def test_outlets_next_to_a_cued_one_but_not_in_a_list_with_it_stay_undecided(sentence: str) -> None:
    assert roles(run(sentence)) == [("Washington Post", "source", "inline-verb")]


@pytest.mark.parametrize(("sentence", "source", "named"), [
    ("POLITICO Florida reported earlier this month that the state cut the program.", "Politico", "POLITICO Florida"),
    ("According to Reuters Japan, the plant will close in May.", "Reuters", "Reuters Japan"),
    ("BBC Scotland said the count would resume on Friday.", "BBC", "BBC Scotland"),
])
def test_an_outlets_regional_edition_is_the_outlet(sentence: str, source: str, named: str) -> None:
    found = run(sentence).attribution.attributions
    assert [(a.source, a.role, a.text) for a in found] == [(source, "source", named)]


@pytest.mark.parametrize(("sentence", "role"), [
    ("Forbes estimates Mr. Kamprad's fortune at about $42 billion.", "source"),  # the outlet's verb
    ("Forbes estimates put his fortune at $42 billion.", "subject"),  # the outlet's figure, named
])
def test_estimates_as_the_outlets_verb_or_its_figure(sentence: str, role: str) -> None:
    assert [a.role for a in run(sentence).attribution.attributions] == [role]


@pytest.mark.parametrize(("line", "credits"), [
    ("Von AFP | 12.03.2026, 10:00 Uhr", ("AFP",)),
    ("12.03.2026, 10:00 Uhr | Quelle: dpa", ("dpa",)),
    ("By AFP - Mar 12, 2026", ("AFP",)),
    ("Published: 12 March 2026 \u00b7 AFP", ("AFP",)),
    ("Xinhua | Updated: 2026-03-12 10:00", ("Xinhua",)),
    ("Reuters Staff", ("Reuters",)),
    ("Di Redazione ANSA", ("ANSA",)),
    ("Politik | Wirtschaft | Sport", ()),  # a menu: no date among the parts, no byline block
    ("12 March 2026 | The Weekly Planner", ()),  # a name the lexicon does not know is no credit
])
def test_a_byline_block_of_parts_and_dates_credits_the_agency_it_names(line: str, credits: tuple[str, ...]) -> None:
    assert run(f"Neue Z\u00fcge f\u00fcr Pendler\n\n{line}\n\n{BAHN}").attribution.credits == credits


@pytest.mark.parametrize(("sentence", "source"), [
    ("Yet a new poll from USA TODAY/Suffolk University found 40% of voters are unsure.", "USA Today"),
    ("He finished ahead in recent polls from Quinnipiac and Fox News, by 8 points and 11 points.", "Fox News"),
])
def test_a_poll_from_an_outlet_is_its_poll(sentence: str, source: str) -> None:
    found = [(a.source, a.role, a.kind) for a in run(sentence).attribution.attributions]
    assert found == [(source, "source", "poll")]


@pytest.mark.parametrize(("sentence", "source"), [
    ("As he spoke, video credited to Reuters/Libya showed fighters with heavy weapons at the gate.", "Reuters"),
    ("He said the plan would work, according to audio provided by Wyoming Public Radio.", "Wyoming Public Radio"),
])
def test_footage_or_audio_credited_to_an_outlet_is_visual_evidence(sentence: str, source: str) -> None:
    found = [(a.source, a.role, a.kind) for a in run(sentence).attribution.attributions]
    assert found == [(source, "source", "visual")]


@pytest.mark.parametrize("sentence", [
    "The summit met in Tel Aviv because, in Forbes\u2019 words, they are the most entrepreneurial places on earth.",
    "The ruling was, in the words of Forbes, a disaster for the founders.",
])
def test_in_an_outlets_words(sentence: str) -> None:
    assert [(a.source, a.role) for a in run(sentence).attribution.attributions] == [("Forbes", "source")]


def test_a_named_study_that_begins_with_an_outlets_name_is_no_poll_of_it() -> None:
    a = run("About 9 percent of teens filled in The National Survey on Drug Use and Health last year.")
    assert a.attribution.attributions == ()


@pytest.mark.parametrize(("author", "text", "credits"), [
    ("The Associated Press", "BERLIN -- The agency says hibernation could make it easier to reach Mars.", ("AP",)),
    ("PTI", "The agency says hibernation could make it easier to reach Mars.", ("PTI",)),
    ("Jane Doe", "BERLIN -- The agency says hibernation could make it easier to reach Mars.", ()),
    ("CNN", "The agency says hibernation could make it easier to reach Mars.", ()),  # only a wire credits this way
    ("The Associated Press", "BERLIN (Reuters) - The agency says hibernation could help.", ("Reuters", "AP")),
])
def test_a_wire_named_as_the_pages_author_credits_it_after_the_texts_own_credits(
        author: str, text: str, credits: tuple[str, ...]) -> None:
    a = analyse(Document("p.html", text, author=author), RULES_ONLY)
    assert a.attribution.credits == credits
    from_metadata = [(x.source, x.span.as_list()) for x in a.attribution.attributions if x.kind == "author-metadata"]
    assert from_metadata == ([(credits[-1], [0, 0])] if credits else [])  # the page's text does not hold it


def test_an_outlet_that_warns_is_a_source() -> None:
    a = run("On Monday, the People's Daily, the mouthpiece of the Communist party, warned that there was no room.")
    assert [(x.source, x.role) for x in a.attribution.attributions] == [("People's Daily", "source")]


@pytest.mark.parametrize(("text", "role"), [
    ("Die ARD hat f\u00fcr ihre Mediathek \u201eeine Schau mit Loriots Werken\u201c angek\u00fcndigt.", "source"),
    ("Der Spiegel hatte am Montag berichtet, dass die Regierung zur\u00fccktritt.", "source"),
    # a story about the outlet: what it did in its own house is the story, not its reporting
    ("Der Spiegel entlie\u00df einen Reporter.\n\nDer Spiegel hat die Aff\u00e4re im eigenen Haus selbst aufgedeckt.",
     "subject"),
])
def test_the_german_perfect_with_its_participle_at_the_end(text: str, role: str) -> None:
    assert [a.role for a in run(text).attribution.attributions][-1] == role


def test_an_outlet_tweeting_is_a_source() -> None:
    a = run("Murdoch fired back that evening, with the New York Post tweeting the cover of the next day's paper.")
    assert [(x.source, x.role) for x in a.attribution.attributions] == [("New York Post", "source")]


def test_a_closing_bracket_is_one_credit_attribution() -> None:
    a = run("Putin met Kim in Pyongyang.\n\nDetails of the gifts were not disclosed, the report said. (ANI)")
    found = [(x.source, x.kind, x.text) for x in a.attribution.attributions if x.role == "credit"]
    assert found == [("ANI", "trailing", "(ANI)")]


def test_a_posts_signature_runs_over_its_account() -> None:
    a = run("The suspect was killed in a shootout, officials said https://t.co/x\n\n"
            "\u2014 The New York Times (@nytimes) December 23, 2016")
    assert [(x.source, x.kind, x.text) for x in a.attribution.attributions] == [
        ("New York Times", "tweet", "The New York Times (@nytimes)")]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The Tennessean first reported the senator's decision on Sunday.", "The Tennessean"),
    ("A projection from the Cook Political Report shows the seat leaning Democratic.", "Cook Political Report"),
    ("According to The Federalist, the volunteers wore matching shirts.", "The Federalist"),
    ("The Plain Dealer reported that the plant would close in March.", "The Plain Dealer"),
])
def test_more_us_outlets_are_known_by_name(sentence: str, source: str) -> None:
    assert sources(run(sentence)) == [source]


@pytest.mark.parametrize("sentence", [
    "Ohio is no longer a red state, the strategist said at the rally.",
    "All that talk was hot air, the mayor told reporters on Friday.",
    "The board asked for a conservative review of the budget before the vote.",
])
def test_phrases_that_are_also_outlet_names_are_no_outlets(sentence: str) -> None:
    assert run(sentence).attribution.attributions == ()


def test_a_networks_sunday_show_is_the_network_as_a_venue() -> None:
    a = run("\"We will win Ohio,\" the candidate said on NBC's \"Meet the Press.\" "
            "He told CBS' Face the Nation the same.")
    assert {(x.source, x.role) for x in a.attribution.attributions} == {("NBC News", "venue"), ("CBS News", "venue")}
    assert "The Nation" not in {x.source for x in a.attribution.attributions}


def test_an_outlet_named_after_what_it_is_ends_with_its_line() -> None:
    a = run("He dropped out of the top three in the weekly GOP Power Rankings.\n\n"
            "Each week we ask 30 insiders who leads.")
    assert all("\n" not in a.document.text[x.span.start:x.span.end] for x in a.attribution.attributions)


def test_an_outlets_analysis_is_the_source_of_what_it_identified_not_of_its_announcement() -> None:
    found = run("But a Politico analysis of the filings identified $130 million in other spending.")
    assert sources(found) == ["Politico"]
    assert sources(run("A Politico analysis of the filings is planned for next week.")) == [None]


@pytest.mark.parametrize("sentence", [
    "A Gazette analysis of the county's records has established that two of the contracts were never tendered.",
    "Gazette analysis described the hearing as a seminar with no vote at the end.",
    "A Gazette review of the filings concluded, however, that the fund had lost money.",
])
def test_an_outlets_analysis_states_what_it_found_with_any_verb_of_reporting(sentence: str) -> None:
    text = sentence.replace("Gazette", "Chicago Tribune")
    assert sources(run(text)) == ["Chicago Tribune"]


def test_an_outlets_analysis_with_no_verb_of_reporting_after_it_is_no_source() -> None:
    assert sources(run("The Chicago Tribune analysis of the county's records is long and hard to read.")) == [None]


@pytest.mark.parametrize(("sentence", "source"), [
    ("Courthouse News Service reported that the judge denied the motion on Friday.", "Courthouse News Service"),
    ("According to Religion News Service, the synod will meet again in May.", "Religion News Service"),
    ("The Marshall Project found that most of the complaints were dismissed.", "The Marshall Project"),
    ("Kaiser Health News reported that premiums rose 4 percent.", "KFF Health News"),
])
def test_nonprofit_newsrooms_and_religion_wires_are_outlets(sentence: str, source: str) -> None:
    assert sources(run(sentence)) == [source]


@pytest.mark.parametrize("sentence", [
    "Die Länder koordinieren ihre Politiken in etwa dreihundert Gremien.",  # German "policies", not the Danish paper
    "The chairman of the American Conservative Union said the vote was a mistake.",  # an institution's name
    "A fellow of the National Review Institute said the plan would fail.",
    "It was a question of fortune, the mayor said.",
])
def test_an_outlets_name_inside_an_institutions_name_or_as_a_word_is_no_outlet(sentence: str) -> None:
    assert run(sentence).attribution.attributions == ()


def test_a_chart_credit_labelled_credit_is_a_photo_credit_not_a_document_credit() -> None:
    text = ("Coal slides again\n\nCoal generation slid 18 percent last year, the report said.\n\n"
            "(Credit: Jane Roe / Grist)\n\nGas was the biggest reason for the slide. Wind and solar grew too.")
    a = run(text)
    assert a.attribution.credits == ()
    assert [(x.source, x.role) for x in a.attribution.attributions] == [("Grist", "photo-credit")]
