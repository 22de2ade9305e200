from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.models import Paragraph
from dedupe.text.segment import (
    _BOUNDARY,
    BOILERPLATE_PATTERNS,
    caption_credit,
    classify_boilerplate,
    segment,
    split_paragraphs,
    split_sentences,
)


def sentences_of(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Image Source : REUTERS Leaders meet in the capital", "caption"),
        ("Photo: AFP/Jane Doe", "caption"),
        ("VIDEO: Crowds line the streets", "caption"),
        ("Also Read: Storm batters the coast", "related"),
        ("Follow us on X for the latest updates", "social"),
        ("Disclaimer: This report is auto-generated from a syndicated feed.", "disclaimer"),
        ("(With inputs from agencies)", "credit"),
        ("(ANI)", "credit"),
        ("- Reuters", "credit"),
        ("Source: PTI", "credit"),
        ("By Reuters Staff", "credit"),
        ("Lea también: Sube el precio del pan en la capital", "related"),
        ("Mehr zum Thema:", "related"),
        ("Lire aussi : la grève continue", "related"),
        ("Folgen Sie uns auf Twitter", "social"),
        ("Abonnieren Sie jetzt unseren Newsletter", "social"),
        ("Síguenos en Instagram", "social"),
        ("Deixe suas dúvidas e opiniões aqui embaixo!", "social"),
        ("Sieh dir diesen Beitrag auf Instagram an", "social"),
        ("Like the page:", "social"),
        ("Getty.", "caption"),
        ("Shutterstock", "caption"),
        ("Getty said the sale of the archive closed on Friday.", None),
        ("View this post on Instagram", "social"),
        ("Diese Artikel könnten dich auch interessieren:", "related"),
        ("The minister said the talks would resume on Monday.", None),
        ("Die Polizei bat die Anwohner, die Fenster geschlossen zu halten.", None),
        ("Leia o relatório completo no site do ministério.", None),
        ("Photographs of the leaders were hung across the city, officials said on Tuesday.", None),
        ("More budget news and information from The Daily Ledger:", "related"),
        ("Read more from The Daily Ledger:", "related"),
        ("More On This...", "related"),
        ("More: What the new budget means for your taxes", "related"),
        ("MORE:Council delays vote on the stadium", "related"),
        ("More from the study:", None),  # introduces the study's own words
        ("More than 300 people from the town attended:", None),
        ("More on that later.", None),
        ("Leaders meet in the capital, May 4, 2021. (Jane Roe/Reuters)", "caption"),
        ("Leaders meet in the capital. (AP Photo/Jane Roe)", "caption"),
        ("Trump extends his lead in the primary race. [IBD/TIPP]", None),
        ("Read the tip (H/T Hot Air)", None),
        ("Follow Jane Q. Roe on Twitter @janeqroe.", "social"),
        ("Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP", "caption"),  # NPR's picture widget
        ("Follow the money on Wall Street and you find the donors.", None),
    ],
)
def test_boilerplate_lines(line: str, kind: str | None) -> None:
    assert classify_boilerplate(line) == kind


def test_abbreviations_do_not_split() -> None:
    text = (
        "Dr. Lee met U.S. officials at 9 a.m. on Jan. 5 in St. Petersburg. "
        "Gen. Park said No. 2 was ready. The U.N. envoy left."
    )
    assert sentences_of(text) == [
        "Dr. Lee met U.S. officials at 9 a.m. on Jan. 5 in St. Petersburg.",
        "Gen. Park said No. 2 was ready.",
        "The U.N. envoy left.",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("Три станции откроются. Жители просили об этом.", ["Три станции откроются.", "Жители просили об этом."]),
    ("Ο υπουργός μίλησε. Η κυβέρνηση συμφώνησε.", ["Ο υπουργός μίλησε.", "Η κυβέρνηση συμφώνησε."]),
    ("أقرت الحكومة قواعد جديدة. وانتقدت المعارضة الخطة.", ["أقرت الحكومة قواعد جديدة.", "وانتقدت المعارضة الخطة."]),
    ("सरकार ने नियम जारी किए। विपक्ष ने आलोचना की।", ["सरकार ने नियम जारी किए।", "विपक्ष ने आलोचना की।"]),
    ("政府批准了新规则。他说：“好。”然后离开。", ["政府批准了新规则。", "他说：“好。”", "然后离开。"]),
    ("В 2020 г. Жители уехали.", ["В 2020 г. Жители уехали."]),  # a one-letter abbreviation does not split
])
def test_sentences_of_other_scripts(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('"Is it a priority?" Ms. Lane said at a rally. Next.', ['"Is it a priority?" Ms. Lane said at a rally.', "Next."]),
    ('"Resign!" Senator Ada Marsh told the AP.', ['"Resign!" Senator Ada Marsh told the AP.']),
    ('"Why?" Smith added that it was late.', ['"Why?"', "Smith added that it was late."]),  # reported speech
    ('"We won." Smith said the count was over.', ['"We won."', "Smith said the count was over."]),
])
def test_a_quoted_question_before_its_speech_tag_is_one_sentence(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_sentence_ends_with_quote_and_acronym_before_starter() -> None:
    text = 'He called it "a breakthrough." The talks moved to the U.S. The delegation left.'
    expected = ['He called it "a breakthrough."', "The talks moved to the U.S.", "The delegation left."]
    assert sentences_of(text) == expected


def test_paragraphs_keep_offsets_and_mark_boilerplate() -> None:
    text = "Image Source : AFP\n\nFirst para line one.\nline two.\n\nAlso Read: Other story\n\nLast."
    paras = split_paragraphs(text)
    assert [(text[p.start:p.end], p.boilerplate) for p in paras] == [
        ("Image Source : AFP", "caption"),
        ("First para line one.\nline two.", None),
        ("Also Read: Other story", "related"),
        ("Last.", None),
    ]


def test_lines_are_paragraphs_without_blank_lines() -> None:
    text = "One sentence here.\nAnother paragraph.\nPhoto: PTI"
    paras = split_paragraphs(text)
    assert [p.boilerplate for p in paras] == [None, None, "caption"]


def test_segment_skips_header_and_boilerplate() -> None:
    text = "title: T\n\nBody one. Body two.\n\nDisclaimer: auto-generated from feeds."
    body = text.index("Body")
    paras, sents = segment(text, body)
    assert [text[s.start:s.end] for s in sents] == ["Body one.", "Body two."]
    assert paras[-1].boilerplate == "disclaimer"


def _full_classification(line: str) -> str | None:
    """classify_boilerplate without its cheap first look: every pattern in order."""
    stripped = line.strip()
    for kind, pattern in BOILERPLATE_PATTERNS:
        if stripped and pattern.search(stripped) and not (kind == "credit" and len(stripped.split()) > 12):
            return kind
    return "caption" if caption_credit(stripped) else None


def test_first_look_never_hides_boilerplate() -> None:
    """Every line of the fixtures and seeds classifies as it would with all patterns tried."""
    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "fixtures").rglob("*.txt")), *sorted((root / "fixtures").rglob("*.json*"))]
    lines = {line for f in files for line in f.read_text("utf-8", errors="replace").splitlines()}
    lines |= {"Disclaimer: this story is auto-generated", "Pic courtesy: X", "Photos | AP", "Watch video: here",
              "Read more: elsewhere", "- Staff Reporter", "(With inputs from agencies)", "Advertisement",
              "Story continues below", "A crowd gathered (via Getty Images)", "The site holds no responsibility"}
    found = [line for line in lines if _full_classification(line) is not None]
    assert len(found) >= 20  # the fixtures do contain boilerplate of several kinds
    ordered = sorted(lines)
    assert [classify_boilerplate(line) for line in ordered] == [_full_classification(line) for line in ordered]


def _reference_paragraphs(text: str, start: int = 0) -> list[Paragraph]:
    """split_paragraphs as first written: line by line, with explicit trimming."""
    lines = []
    pos = start
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        lines.append((s, e))
        pos = stop + 1
    blank_separated = any(s == e for s, e in lines)
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, int]] = []
    for s, e in lines:
        kind = classify_boilerplate(text[s:e]) if s < e else None
        if s == e or kind is not None:
            if block:
                paragraphs.append(Paragraph(block[0][0], block[-1][1]))
                block.clear()
            if kind is not None:
                paragraphs.append(Paragraph(s, e, kind))
            continue
        block.append((s, e))
        if not blank_separated:
            paragraphs.append(Paragraph(block[0][0], block[-1][1]))
            block.clear()
    if block:
        paragraphs.append(Paragraph(block[0][0], block[-1][1]))
    return paragraphs


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Word one.", "", " ", "\t", "Advertisement", "(With inputs from agencies)",
                                 "two  words ", "\u2028x", "\x0c", "Also Read: x", "é"]), max_size=12),
       st.sampled_from(["\n", "\r\n"]), st.booleans(), st.integers(0, 4))
def test_split_paragraphs_equals_reference(lines: list[str], newline: str, trailing: bool, start: int) -> None:
    text = newline.join(lines) + (newline if trailing else "")
    assert split_paragraphs(text, start) == _reference_paragraphs(text, start)


@pytest.mark.parametrize(("text", "expected"), [
    ("HAYWARD, Calif. (AP) — A man was stabbed on a train. Police said more.",
     ["HAYWARD, Calif. (AP) — A man was stabbed on a train.", "Police said more."]),
    ("LOUISVILLE, Ky. (AP) — The Latest on the funeral (all times EDT):",
     ["LOUISVILLE, Ky. (AP) — The Latest on the funeral (all times EDT):"]),
    ("He was ill. The doctor came.", ["He was ill.", "The doctor came."]),
    ("She lives in Tampa, Fla. The storm hit on Monday.", ["She lives in Tampa, Fla.", "The storm hit on Monday."]),
])
def test_a_state_abbreviated_in_a_dateline_ends_no_sentence(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


# the sentence boundary as three alternatives (how it was first written): ``_BOUNDARY`` must match the same spans
_BOUNDARY_REFERENCE = re.compile(
    r"[.!?\u061f]+[\"')\]\u201d\u2019\u00bb]*"
    r"(?=\s+[\"'(\[\u201c\u2018\u00ab]?[A-Z0-9\u00c0-\u00de\u0391-\u03a9\u0400-\u042f\u0590-\u06ff\u0900-\u0dff])|"
    r"[\u0964\u0965]+(?=\s+\S)|[\u3002\uff01\uff1f]+[\u300d\u300f\u201d\u2019\uff09]*(?=[^\s\u300d\u300f])")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "?", "\u061f", "\u0964", "\u0965", "\u3002", "\uff01", "\uff1f", " ", "\n",
                                 "\"", "'", ")", "\u201d", "\u300d", "\uff09", "(", "\u201c", "A", "a", "7", "\u00c9",
                                 "\u0416", "\u0627", "\u0915", "\u4e2d", "Dr", "U.S"]), max_size=20))
def test_sentence_boundary_equals_reference(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in _BOUNDARY_REFERENCE.finditer(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a live blog's entry: its headline line, then the entry's first sentence, in one block
    ("Harbour Board Disputes Account Of Its Dredging Plan\nThe board said on Friday that the plan was unchanged.",
     ["Harbour Board Disputes Account Of Its Dredging Plan", "The board said on Friday that the plan was unchanged."]),
    ("ORLANDO MOURNS\nThe city mourned its dead.", ["ORLANDO MOURNS", "The city mourned its dead."]),
    # a prose line wrapped before a capitalised word stays one sentence, as does a line ending in punctuation
    ("The council met on Monday to discuss the plans of Mayor\nSusan Holt for the harbour.",
     ["The council met on Monday to discuss the plans of Mayor\nSusan Holt for the harbour."]),
    ("Die Regierung hat am Montag den Plan für den Hafen\nBeschlossen haben ihn alle.",
     ["Die Regierung hat am Montag den Plan für den Hafen\nBeschlossen haben ihn alle."]),
    ("See the photos below:\nThe Harbour At Night", ["See the photos below:\nThe Harbour At Night"]),
    # a headline line before a lower-case continuation is a wrapped line, not a headline
    ("Board Meeting Notes\nfollow in the next section.", ["Board Meeting Notes\nfollow in the next section."]),
])
def test_a_headline_line_inside_a_paragraph_is_a_sentence_of_its_own(text: str, expected: list[str]) -> None:
    text = "Harbour news.\n\n" + text  # a blank line: the lines below form one block, not one paragraph each
    _, sentences = segment(text)
    assert [text[s.start:s.end] for s in sentences] == ["Harbour news.", *expected]
