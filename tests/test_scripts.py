"""Copies in scripts without spaces (Chinese, Japanese, Thai: character tokens) and in Hindi (words keep their
vowel signs and viramas): the same edit is found as in English, and unrelated stories do not match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dedupe import ScanConfig, build_report, scan
from dedupe.text.normalize import WORD_UNITS, tokenize

from .conftest import assert_valid_report
from .script_texts import (
    CHINESE_BUS,
    CHINESE_PARK,
    ENGLISH_BUS,
    HINDI_BUS,
    HINDI_PARK,
    JAPANESE_BUS,
    JAPANESE_PARK,
    THAI_BUS,
    THAI_PARK,
)

SCRIPTS = {"chinese": (CHINESE_BUS, CHINESE_PARK), "japanese": (JAPANESE_BUS, JAPANESE_PARK),
           "thai": (THAI_BUS, THAI_PARK), "hindi": (HINDI_BUS, HINDI_PARK)}


def _scan(tmp_path: Path, texts: dict[str, list[str]], mode: str = "copies") -> dict[str, Any]:
    for name, paragraphs in texts.items():
        (tmp_path / f"{name}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    report = build_report(scan([tmp_path], ScanConfig(mode=mode)), "test")
    assert_valid_report(report)
    return report


def _kinds(report: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {(m["a"], m["b"]): m["kind"] for m in report["matches"]}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_a_paragraph_removed_is_found_as_in_english(tmp_path: Path, script: str) -> None:
    bus, park = SCRIPTS[script]
    (tmp_path / "english").mkdir()
    (tmp_path / script).mkdir()
    english = _kinds(_scan(tmp_path / "english", {"a-original": ENGLISH_BUS,
                                                  "b-trimmed": ENGLISH_BUS[:2] + ENGLISH_BUS[3:]}))
    report = _scan(tmp_path / script, {"a-original": bus, "b-trimmed": bus[:2] + bus[3:], "c-other": park})
    assert _kinds(report) == english == {("a-original.txt", "b-trimmed.txt"): "near-duplicate"}
    assert report["duplicate_groups"] == [{"documents": ["a-original.txt", "b-trimmed.txt"]}]


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_passage_spans_are_character_spans_of_both_texts(tmp_path: Path, script: str) -> None:
    """A paragraph reused alone in another story is one passage whose spans are that paragraph in each text."""
    bus, park = SCRIPTS[script]
    report = _scan(tmp_path, {"a-original": bus, "b-mixed": [park[0], bus[1], park[3]]})
    [match] = report["matches"]
    assert match["kind"] == "partial-reuse"
    texts = {d["id"]: (tmp_path / d["id"]).read_text(encoding="utf-8") for d in report["documents"]}
    [passage] = match["passages"]
    a, b = texts[match["a"]], texts[match["b"]]
    assert a[slice(*passage["a_span"])] == b[slice(*passage["b_span"])] == bus[1].rstrip("。।")  # up to the last token


def test_unrelated_stories_in_one_script_do_not_match(tmp_path: Path) -> None:
    texts = {f"{script}-{n}": story for script, pair in SCRIPTS.items() for n, story in enumerate(pair)}
    assert _scan(tmp_path, texts)["matches"] == []


def test_full_mode_reads_every_script(tmp_path: Path) -> None:
    report = _scan(tmp_path, {"zh": CHINESE_BUS, "zh-trimmed": CHINESE_BUS[:3], "hi": HINDI_BUS, "th": THAI_BUS},
                   mode="full")
    assert _kinds(report) == {("zh-trimmed.txt", "zh.txt"): "near-duplicate"}


@pytest.mark.parametrize("paragraph", HINDI_BUS + HINDI_PARK, ids=[f"p{n}" for n in range(8)])
def test_hindi_words_keep_their_vowel_signs(paragraph: str) -> None:
    """One token per space-separated word (the danda and commas are not words): no split at a vowel sign,
    virama or nukta."""
    tokens = tokenize(paragraph)
    assert tokens.words == tuple(w.strip("।,") for w in paragraph.split())
    assert tokens.units is None  # words weigh a word each


def test_indic_words_of_other_scripts() -> None:
    for text, count in (("தமிழ் மொழி செய்திகள்", 3), ("বাংলা ভাষার সংবাদপত্র", 3), ("ਪੰਜਾਬੀ ਅਖ਼ਬਾਰ", 2),
                        ("ಕನ್ನಡ ಪತ್ರಿಕೆ", 2), ("മലയാളം വാർത്ത", 2), ("සිංහල ප්‍රවෘත්ති", 2), ("తెలుగు వార్తలు", 2),
                        ("ગુજરાતી સમાચાર", 2), ("ଓଡ଼ିଆ ଖବର", 2)):
        assert len(tokenize(text)) == count, text


def test_characters_of_scripts_without_spaces_are_tokens() -> None:
    text = "市议会通过iPhone的计划，3月起运营。"
    tokens = tokenize(text)
    assert tokens.words == ("市", "议", "会", "通", "过", "iphone", "的", "计", "划", "3", "月", "起", "运", "营")
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)][5] == "iPhone"
    assert tokens.units is not None and tokens.units[5] == WORD_UNITS and tokens.units[0] < WORD_UNITS
    thai = tokenize("ที่ทำงาน")  # a letter keeps its vowel sign and tone mark; NFKC splits SARA AM
    assert thai.words == ("ที่", "ท", "\u0e4d\u0e32", "ง", "า", "น")
    assert tokenize("ｶﾞｽ").words == tokenize("ガス").words == ("ガ", "ス")  # half-width kana as full-width


@pytest.mark.parametrize("script", ["chinese", "japanese", "thai"])
def test_a_paragraph_weighs_about_as_many_words_as_in_english(script: str) -> None:
    """The units make the passage minimum mean about the same amount of text in every script."""
    english = sum(len(tokenize(p)) for p in ENGLISH_BUS)
    weighed = sum(int(np.sum(units)) for p in SCRIPTS[script][0] if (units := tokenize(p).units) is not None)
    assert 0.85 < weighed / WORD_UNITS / english < 1.15
