"""Attribution in the wire languages beyond the Latin script (Russian, Arabic, Chinese, Japanese, Korean, Hindi) and
credit lines of wires that the Latin-script pages did not show: one small hand-written text each (rules only),
written from how these languages' news agencies and papers word a credit or a source, with negative twins.
"""

from __future__ import annotations

import pytest

from dedupe.attribution.lexicon import default_lexicon
from dedupe.config import AttributionConfig, ScanConfig
from dedupe.engine.pipeline import Analysis, analyse
from dedupe.models import Document

RULES_ONLY = ScanConfig(attribution=AttributionConfig(use_classifier=False))


def run(text: str) -> Analysis:
    return analyse(Document("t.txt", text), RULES_ONLY)


def roles(a: Analysis) -> list[tuple[str, str]]:
    return [(x.source, x.role) for x in a.attribution.attributions if x.sentence is not None]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Правительство утвердило новые правила, сообщает «Интерфакс».", ("Interfax", "source")),
    ("По данным ТАСС, правительство утвердило новые правила.", ("TASS", "source")),
    ("ТАСС сообщил, что правительство утвердило новые правила.", ("TASS", "source")),
    ("Об этом пишет газета «Коммерсантъ».", ("Kommersant", "source")),
    ("Министр заявил ТАСС, что правила вступят в силу в мае.", ("TASS", "venue")),  # said to TASS
    ("ذكرت وكالة رويترز أن الحكومة وافقت على القواعد الجديدة.", ("Reuters", "source")),
    ("وفقا لوكالة رويترز، وافقت الحكومة على القواعد.", ("Reuters", "source")),
    ("وقال الوزير لوكالة رويترز إن القواعد ستدخل حيز التنفيذ.", ("Reuters", "venue")),  # said to Reuters
    ("据新华社报道，政府批准了新规定。", ("Xinhua", "source")),
    ("据《人民日报》报道，政府批准了新规定。", ("People's Daily", "source")),
    ("路透社援引消息人士称，政府批准了新规定。", ("Reuters", "source")),
    ("部长在接受新华社记者采访时表示，新规定将于五月生效。", ("Xinhua", "venue")),
    ("多名专家告诉《中国日报》，合作符合各方利益。", ("China Daily", "venue")),
    ("ロイター通信によると、政府は新しい規則を承認した。", ("Reuters", "source")),
    ("AFP通信によると、政府は新しい規則を承認した。", ("AFP", "source")),
    ("大臣はロイターの取材に対し、規則は5月に発効すると述べた。", ("Reuters", "venue")),
    ("연합뉴스에 따르면 정부는 새 규칙을 승인했다.", ("Yonhap", "source")),
    ("장관은 연합뉴스와의 인터뷰에서 규칙이 5월에 시행된다고 말했다.", ("Yonhap", "venue")),
    ("रॉयटर्स के मुताबिक, सरकार ने नए नियमों को मंजूरी दी।", ("Reuters", "source")),
    ("रॉयटर्स ने बताया कि सरकार ने नए नियमों को मंजूरी दी।", ("Reuters", "source")),
    ("मंत्री ने एएनआई को बताया कि नियम मई में लागू होंगे।", ("ANI", "venue")),  # told ANI
])
def test_an_inline_source_or_venue_in_a_wire_language(sentence: str, expected: tuple[str, str]) -> None:
    assert roles(run(sentence)) == [expected]


def test_a_japanese_noun_of_reporting_is_no_verb() -> None:
    """"NHK報道" is "NHK's reporting": the sentence is about it, it reports nothing."""
    assert ("NHK", "source") not in roles(run("これは最初のNHK報道が偏向していたことに原因がある。"))


def test_a_name_written_without_spaces_is_found_inside_its_script_but_latin_names_keep_their_word() -> None:
    found = {(m.source, m.start) for m in default_lexicon().find("据新华社报道，AFP通信によると、연합뉴스에 따르면")}
    assert found == {("Xinhua", 1), ("AFP", 7), ("Yonhap", 17)}
    assert default_lexicon().find("The BBCs and the AFPs") == []


@pytest.mark.parametrize(("text", "credit"), [
    ("O governo aprovou novas regras nesta terça.\n\nEstadão Conteúdo", "Estadão Conteúdo"),
    ("O governo aprovou novas regras nesta terça.\n\nFolhapress", "Folhapress"),
    ("政府周二批准了新规定。\n\n来源：央视新闻", "CCTV"),
    ("政府周二批准了新规定。\n\n来源：环球时报", "Global Times"),
    ("وافقت الحكومة على قواعد جديدة يوم الثلاثاء. (د ب أ)", "dpa"),
    ("وافقت الحكومة على قواعد جديدة يوم الثلاثاء.\n\nالمصدر: وكالات", "unnamed agency"),
    ("政府は火曜日、新しい規則を承認した。（ロイター）", "Reuters"),
    ("[서울=뉴시스] 정부는 화요일 새 규칙을 승인했다.", "Newsis"),
    ("The province approved new rules on Tuesday.\n\nThis report by The Canadian Press was first published March 12, "
     "2024.", "Canadian Press"),
    ("The council approved new rules on Tuesday.\n\nDistributed by Tribune Content Agency, LLC.",
     "Tribune Content Agency"),
    ("The council approved new rules on Tuesday.\n\n(c) 2024, The Washington Post", "Washington Post"),
])
def test_a_wires_credit_line_in_its_own_language(text: str, credit: str) -> None:
    assert run(text).attribution.credits == (credit,)


def test_a_closing_bracket_that_names_no_outlet_credits_nothing() -> None:
    assert run("政府は火曜日、新しい規則を承認した。（写真は資料）").attribution.credits == ()
