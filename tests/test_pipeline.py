from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe import ScanConfig, build_report, report_json, scan
from dedupe.errors import ConfigError, NoInputError

from .conftest import FIXTURES, assert_valid_report

STORY = FIXTURES / "articles" / "vn-state-visit"


def copy_shuffled(src: Path, dst: Path, seed: int) -> None:
    """Copy a folder, creating files in a shuffled order (directory order then differs)."""
    files = sorted(p for p in src.rglob("*") if p.is_file())
    random.Random(seed).shuffle(files)
    for f in files:
        target = dst / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)


def report_bytes(paths: list[Path], workers: int = 1) -> str:
    result = scan(paths, ScanConfig(workers=workers))
    report = build_report(result, "test")
    assert_valid_report(report)
    return report_json(report)


@settings(max_examples=4, deadline=None)
@given(st.integers(0, 1000))
def test_report_is_identical_under_shuffled_file_order(tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    baseline = report_bytes([FIXTURES / "articles"])
    shuffled = tmp_path_factory.mktemp("shuffled")
    copy_shuffled(FIXTURES / "articles", shuffled, seed)
    assert report_bytes([shuffled]) == baseline


def test_report_is_identical_with_workers() -> None:
    assert report_bytes([FIXTURES], workers=2) == report_bytes([FIXTURES], workers=1)


def test_argument_order_does_not_matter() -> None:
    folders = sorted(p for p in (FIXTURES / "articles").iterdir() if p.is_dir())
    assert report_bytes(folders) == report_bytes(list(reversed(folders)))


def test_spans_are_offsets_into_the_document_text() -> None:
    result = scan([STORY])
    texts = {a.document.id: a.document.text for a in result.analyses}
    assert result.matches
    for m in result.matches:
        for p in m.passages:
            a_text = texts[m.a][p.a_span.start:p.a_span.end]
            b_text = texts[m.b][p.b_span.start:p.b_span.end]
            assert a_text.split()[:2] and b_text.split()[:2]
            assert a_text[0].isalnum() and b_text[-1].isalnum()


def test_no_input_raises_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NoInputError) as info:
        scan([tmp_path])
    assert [e.kind for e in info.value.errors] == ["empty"]  # type: ignore[attr-defined]


def test_bad_config_is_rejected() -> None:
    with pytest.raises(ConfigError):
        ScanConfig(workers=0)


WIRE_PARAGRAPHS = [
    "The port authority said on Monday that container traffic through the northern terminal rose by a fifth in "
    "the first quarter, helped by two new shipping lines that began calling there in January.",
    "Officials expect the terminal to handle more than a million containers this year for the first time, and "
    "said a second quay now under construction would open to ships early next spring.",
    "Dock workers' unions welcomed the figures but warned that staffing had not kept pace, pointing to long "
    "shifts during the busiest weeks of March and to delays at the gates for trucks.",
    "The authority plans to hire two hundred more workers by the summer and to open a training centre for "
    "crane operators next to the rail yard, a spokeswoman said in a statement.",
    "Analysts said the growth reflected a shift of cargo away from older southern ports, where dredging work "
    "has limited the size of ships that can dock since the autumn storms damaged a breakwater.",
    "The regional government has promised to fund part of the new quay, and ministers will visit the site "
    "next week to review progress with the contractors and the port's board of directors.",
]


def test_a_lead_only_republication_joins_its_original(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text("\n\n".join(WIRE_PARAGRAPHS), encoding="utf-8")
    (tmp_path / "lead.txt").write_text("\n\n".join(WIRE_PARAGRAPHS[:2]), encoding="utf-8")  # the first two only
    mixed = ["A local bakery chain opened its tenth shop on Saturday, with queues around the block by noon and "
             "free pastries for the first hundred customers who came through the doors.",
             WIRE_PARAGRAPHS[2],
             "The owners said they would next look for sites in the suburbs, where rents are lower and more "
             "families have moved in over the past five years, according to the chain's managers."]
    (tmp_path / "partial.txt").write_text("\n\n".join(mixed), encoding="utf-8")
    result = scan([tmp_path])
    report = build_report(result, "test")
    kinds = {(m["a"], m["b"]): m["kind"] for m in report["matches"]}
    assert kinds[("lead.txt", "wire.txt")] == "partial-reuse"  # not a near-duplicate: 2 of 6 paragraphs
    assert report["duplicate_groups"] == [{"documents": ["lead.txt", "wire.txt"]}]  # the partial copy stays out
    assert report["parameters"]["copy_coverage"] == 0.8


def test_report_chunks_are_the_report_with_each_document_entry_built_as_it_is_written(
        fixture_scan: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """``report_chunks`` gives ``report_json``'s bytes, and builds a document's entry only when its line is due
    (the entries of every document are never held at once)."""
    from dedupe.report import build

    result, report = fixture_scan
    built: list[str] = []
    entry = build.document_entry
    monkeypatch.setattr(build, "document_entry", lambda r: built.append(r.id) or entry(r))
    pieces, entries_built = [], []
    for piece in build.report_chunks(result, "test"):
        pieces.append(piece)
        entries_built.append(len(built))
    assert "".join(pieces) == build.report_json(report)
    assert built == [d.id for d in result.documents] and len(built) > 2
    assert sorted(set(entries_built)) == list(range(len(built) + 1))  # one more entry per piece of the section
