from __future__ import annotations

import random
import shutil
from pathlib import Path

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
