"""Corpus-learned boilerplate: lines many documents repeat beside text of their own (copies/boilerplate.py)."""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.boilerplate import (
    REPEATED,
    corpus_boilerplate,
    document_keys,
    document_seed,
    line_key,
    mark_repeated,
    repeated_lines,
    site_key,
    site_of,
    site_seed,
)
from dedupe.engine.pipeline import corpus_repeated, scan
from dedupe.kinds import PARTIAL_REUSE
from dedupe.models import Document, Paragraph
from dedupe.text.segment import split_paragraphs

FOOTER = "Copyright 2026 Harbour Gazette Ltd. All rights reserved; do not republish without permission."
SIGN_UP = "Sign up for our evening briefing and get the day's five best stories in your inbox."


PLACES = ("north quay", "old pier", "fish market", "ferry ramp", "dry dock", "lighthouse", "boat yard", "sea wall",
          "customs house")


def story(n: int) -> str:
    """Three lines of their own (digits alone would not differ: every digit compares as 0)."""
    place = PLACES[n % len(PLACES)]
    return (f"This story begins with a line of its own about the works at the {place} this week.\n"
            f"Its second line tells what the engineers found under the {place} when they dug.\n"
            f"A third line quotes the foreman at the {place} on what the repairs will cost.")


def test_lines_compare_without_case_spacing_or_digits() -> None:
    assert line_key("Copyright 2025  Harbour Gazette Ltd. All rights") == line_key("copyright 2026 harbour gazette "
                                                                                    "ltd. all RIGHTS")
    assert line_key("Too short to count") is None


def test_a_footer_under_many_different_stories_is_boilerplate() -> None:
    docs = [Document(f"d{n}", f"{story(n)}\n{FOOTER}\n{SIGN_UP}") for n in range(6)]
    repeated = corpus_boilerplate(docs, min_documents=5)
    assert repeated == set(document_keys(f"{FOOTER}\n{SIGN_UP}")) and len(repeated) == 2


def test_a_story_copied_by_many_sites_is_not_boilerplate() -> None:
    wire = story(8)
    docs = [Document(f"copy{n}", f"A headline of site {n} that nobody else uses at all\n{wire}") for n in range(8)]
    assert corpus_boilerplate(docs, min_documents=5) == frozenset()


def test_a_footer_also_under_copies_of_one_story_stays_boilerplate_and_the_story_does_not() -> None:
    wire = story(8)
    docs = [Document(f"d{n}", f"{story(n)}\n{FOOTER}") for n in range(6)]
    docs += [Document(f"c{n}", f"{wire}\n{FOOTER}") for n in range(6)]
    repeated = corpus_boilerplate(docs, min_documents=5)
    assert set(document_keys(FOOTER)) <= repeated
    assert repeated.isdisjoint(document_keys(wire))


def test_a_quote_that_many_reports_repeat_is_a_shared_claim_not_boilerplate() -> None:
    quote = "\u201cWe will reopen the north quay before the winter storms,\u201d the harbour master said."
    docs = [Document(f"d{n}", f"{story(n)}\n{quote}") for n in range(6)]
    assert corpus_boilerplate(docs, min_documents=5) == frozenset()


def test_too_few_carriers_or_a_disabled_threshold_find_nothing() -> None:
    docs = [Document(f"d{n}", f"{story(n)}\n{FOOTER}") for n in range(4)]
    assert corpus_boilerplate(docs, min_documents=5) == frozenset()
    assert repeated_lines([document_keys(d.text) for d in docs], min_documents=0) == frozenset()


def test_repeated_lines_are_marked_and_cut_out_of_the_paragraphs_that_hold_them() -> None:
    """Real text: HuffPost's 2016 editor's note on Trump stories is one line of a paragraph that goes on with a
    line of the story; the paragraph is cut at it, the story's line keeps its text and stays no boilerplate."""
    own = "A line of this page's own that is long enough to count."
    text = f"{story(1)}\n\n{FOOTER}\n\n{FOOTER}\n{own}"
    paras = [Paragraph(0, len(story(1))), Paragraph(len(story(1)) + 2, len(story(1)) + 2 + len(FOOTER)),
             Paragraph(len(story(1)) + 4 + len(FOOTER), len(text))]
    marked = mark_repeated(text, paras, frozenset(document_keys(FOOTER)))
    assert [p.boilerplate for p in marked] == [None, REPEATED, REPEATED, None]
    assert [text[p.start:p.end] for p in marked[2:]] == [FOOTER, own]


def test_a_line_differing_only_in_punctuation_and_spaces_is_the_same_line() -> None:
    assert line_key("Editor\u2019s note: the site \u2014 and its owner \u2014 back this candidate.") == line_key(
        "Editor\u2019s note:\u00a0the site \u2015 and its owner \u2015 back this candidate")


SITE = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "site-footer"


def test_a_sites_pages_sharing_only_their_footer_are_not_matched_nor_claimed() -> None:
    result = scan([SITE], ScanConfig())
    assert len(result.analyses) == 6 and result.matches == ()
    for a in result.analyses:
        footer = [p for p in a.paragraphs if p.boilerplate == REPEATED]
        assert len(footer) == 2, a.document.id  # copyright and moderation lines; the sign-up box is "social"
        assert not any("moderated" in c.text or "Copyright" in c.text for c in a.claims)
    assert result.provenance.claim_groups == ()


def test_without_corpus_boilerplate_every_pair_of_pages_shares_the_footer() -> None:
    config = ScanConfig(fingerprint=FingerprintConfig(repeated_line_documents=0))
    result = scan([SITE], config)
    assert len(result.matches) == 15 and {m.kind for m in result.matches} == {PARTIAL_REUSE}


def test_the_boilerplate_is_the_same_whatever_the_workers() -> None:
    one = scan([SITE], ScanConfig(workers=1))
    two = scan([SITE], ScanConfig(workers=2))
    assert [a.paragraphs for a in one.analyses] == [a.paragraphs for a in two.analyses]


def test_a_new_page_of_an_indexed_site_is_not_matched_by_its_footer(tmp_path: Path) -> None:
    """``index add`` learns the batch's boilerplate too (no band keys for the footer), and ``check`` of the site's
    next page finds nothing; without corpus boilerplate the footer alone matches the archived pages."""
    from typer.testing import CliRunner

    from dedupe.cli import app

    pages = sorted(SITE.glob("*.txt"))
    archive, incoming = tmp_path / "archive", tmp_path / "incoming"
    archive.mkdir()
    incoming.mkdir()
    for page in pages[:-1]:
        (archive / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (incoming / pages[-1].name).write_text(pages[-1].read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    for threshold, expected in (("5", []), ("0", ["partial-reuse"] * 5)):
        db = tmp_path / f"site-{threshold}.sqlite"
        added = runner.invoke(app, ["index", "add", "--db", str(db), str(archive), "--repeated-line-docs", threshold])
        assert added.exit_code == 0, added.output
        checked = runner.invoke(app, ["check", "--db", str(db), str(incoming), "--format", "json",
                                      "--repeated-line-docs", threshold])
        assert checked.exit_code == 0, checked.output
        assert [f["kind"] for f in json.loads(checked.stdout)["findings"]] == expected


NOTE = "Editor's note: our storm coverage is free to read, so please consider a subscription today."
BOX = "The Harbour Brief brings our five top stories to your inbox every weekday morning, free of charge."


def test_a_sentence_repeated_on_a_line_of_the_story_is_cut_out_and_the_story_sentence_stays() -> None:
    """Scraped pages hold a newsletter box on one line with the story's first sentence (Politico's sign-up box)."""
    docs = [Document(f"d{n}", f"{BOX} {story(n)}") for n in range(6)]
    repeated = corpus_boilerplate(docs, min_documents=5)
    assert repeated == set(document_keys(BOX))
    text = docs[0].text
    marked = mark_repeated(text, [Paragraph(0, text.index("\n"))], repeated)
    assert [(text[p.start:p.end], p.boilerplate) for p in marked] == [(BOX, REPEATED),
                                                                      (text[len(BOX) + 1:text.index("\n")], None)]


def test_an_abbreviation_ends_no_sentence_so_its_tail_is_no_unit_of_its_own() -> None:
    """'Mr. Trump said at the White House.' after a different quote each time is not a repeated sentence."""
    quotes = ("We're going big", "We will get through this together", "Nobody saw it coming this fast",
              "The numbers are looking better", "Help is on the way")
    docs = [Document(f"d{n}", f"{story(n)}\n\u201c{q},\u201d Mr. Trump said at the White House.")
            for n, q in enumerate(quotes)]
    assert corpus_boilerplate(docs, min_documents=5) == frozenset()


def test_a_long_quotation_protects_every_sentence_it_spans_a_title_in_quotation_marks_does_not() -> None:
    quote = ("\u201cWe will reopen the north quay before the winter storms. The pier stays closed until spring. "
             "Nobody should fish from the sea wall,\u201d the harbour master said.")
    assert corpus_boilerplate([Document(f"d{n}", f"{story(n)}\n{quote}") for n in range(6)], 5) == frozenset()
    titled = "\u201cThe Brief\u201d shows you the stories of the day from the quays, the pier and the market."
    assert corpus_boilerplate([Document(f"d{n}", f"{story(n)}\n{titled}") for n in range(6)], 5) == set(
        document_keys(titled))


def test_three_pages_of_one_site_make_its_boilerplate_on_that_site_only() -> None:
    gazette = [Document(f"g{n}", f"{story(n)}\n{NOTE}", outlet="Harbour Gazette") for n in range(3)]
    other = Document("p0", f"{story(5)}\n{NOTE}", outlet="Island Post")
    repeated = corpus_boilerplate([*gazette, other], min_documents=5, site_documents=3)
    assert repeated == {site_key(k, site_seed("harbour gazette") or 0) for k in document_keys(NOTE)}
    for doc, marked in ((gazette[0], True), (other, False)):
        paras = mark_repeated(doc.text, [Paragraph(0, len(doc.text))], repeated, document_seed(doc))
        assert any(p.boilerplate == REPEATED for p in paras) is marked
    # two pages are not enough (two edited versions of one story share a sentence), nor three sites' pages
    assert corpus_boilerplate([*gazette[:2], other], min_documents=5, site_documents=3) == frozenset()
    spread = [Document(f"s{n}", f"{story(n)}\n{NOTE}", outlet=f"Site {n}") for n in range(3)]
    assert corpus_boilerplate(spread, min_documents=5, site_documents=3) == frozenset()
    assert corpus_boilerplate(gazette, min_documents=5, site_documents=0) == frozenset()


def test_the_site_is_the_outlet_else_the_host_of_the_url() -> None:
    assert site_of(Document("a", "x", outlet="  The  Harbour Gazette ")) == "the harbour gazette"
    assert site_of(Document("b", "x", url="https://www.gazette.example/news/1")) == "gazette.example"
    assert site_of(Document("c", "x")) is None


def test_documents_without_a_repeated_unit_are_left_as_they_are(tmp_path: Path) -> None:
    """The scan searches only the documents the corpus pass found a repeated unit in: the others would be unchanged."""
    docs = [Document(f"g{n}", f"{story(n)}\n{NOTE}", outlet="Harbour Gazette") for n in range(3)]
    docs += [Document(f"p{n}", story(n + 3), outlet="Island Post") for n in range(3)]
    repeated, carriers = corpus_repeated(docs, FingerprintConfig())
    assert repeated and carriers == {0, 1, 2}
    for n, doc in enumerate(docs):
        paras = split_paragraphs(doc.text, 0)
        assert (mark_repeated(doc.text, paras, repeated, document_seed(doc)) != paras) is (n in carriers)


CHROME = Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "site-chrome"


def test_a_sites_chrome_makes_no_claim_group_and_its_story_sentences_stay_claims() -> None:
    with_rule = scan([CHROME], ScanConfig())
    assert with_rule.provenance.claim_groups == ()
    first = next(a for a in with_rule.analyses if a.document.id.endswith("#0"))
    assert any(c.text.startswith("The ferry to the outer islands") for c in first.claims)
    assert not any("Editor's note" in c.text or "Harbour Brief" in c.text or "Follow" in c.text for c in first.claims)
    without = scan([CHROME], ScanConfig(fingerprint=FingerprintConfig(repeated_site_documents=0)))
    # the editor's note's two sentences ("Follow Mara Quill on Twitter" is a social line with or without the rule)
    assert len(without.provenance.claim_groups) == 2
