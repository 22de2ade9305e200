"""Corpus-learned boilerplate: lines many documents repeat beside text of their own (copies/boilerplate.py)."""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.config import FingerprintConfig, ScanConfig
from dedupe.copies.boilerplate import (
    REPEATED,
    corpus_boilerplate,
    document_keys,
    line_key,
    mark_repeated,
    repeated_lines,
)
from dedupe.engine.pipeline import scan
from dedupe.kinds import PARTIAL_REUSE
from dedupe.models import Document, Paragraph

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
    assert repeated == {line_key(FOOTER), line_key(SIGN_UP)}


def test_a_story_copied_by_many_sites_is_not_boilerplate() -> None:
    wire = story(8)
    docs = [Document(f"copy{n}", f"A headline of site {n} that nobody else uses at all\n{wire}") for n in range(8)]
    assert corpus_boilerplate(docs, min_documents=5) == frozenset()


def test_a_footer_also_under_copies_of_one_story_stays_boilerplate_and_the_story_does_not() -> None:
    wire = story(8)
    docs = [Document(f"d{n}", f"{story(n)}\n{FOOTER}") for n in range(6)]
    docs += [Document(f"c{n}", f"{wire}\n{FOOTER}") for n in range(6)]
    repeated = corpus_boilerplate(docs, min_documents=5)
    assert line_key(FOOTER) in repeated
    assert not any(line_key(line) in repeated for line in wire.split("\n"))


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
    marked = mark_repeated(text, paras, frozenset({line_key(FOOTER) or 0}))
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
