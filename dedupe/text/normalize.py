"""Unicode and typography normalisation, and word tokens with offsets into the original text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

SURROGATES = re.compile("[\ud800-\udfff]")


def valid_text(value: str) -> str:
    """``value`` with lone surrogates (a JSON string may hold "\\ud800", a feed "&#xD800;") replaced by U+FFFD:
    the same length, so spans stay valid, and always encodable as UTF-8."""
    return SURROGATES.sub("\ufffd", value) if SURROGATES.search(value) else value


def valid_optional(value: str | None) -> str | None:
    return None if value is None else valid_text(value)


_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACE_RUN = re.compile(r"[^\S\n]+")
_BLANK_RUN = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_WORD_SPLIT = re.compile(r"(\w+(?:['\u2019]\w+)*)")


def normalize_text(text: str) -> str:
    """NFKC, straight quotes, ASCII dashes, single spaces, at most one blank line in a row.

    Idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def normalize_word(word: str) -> str:
    """The comparison form of one word: NFKC, case-folded, apostrophes dropped."""
    folded = unicodedata.normalize("NFKC", word).casefold()
    return folded.replace("'", "").replace("\u2019", "")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Words of a text: normalised forms and [start, end) offsets into the original text."""

    words: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray

    def __len__(self) -> int:
        return len(self.starts)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    chunk = text[start:stop]
    if chunk.isascii():  # fast path: lower() keeps offsets and word boundaries, no NFKC needed
        parts = _WORD_SPLIT.split(chunk.lower())  # separator, word, separator, word, ..., separator
        bounds = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))) + start
        words = tuple(w.replace("'", "") if "'" in w else w for w in parts[1::2])
        return Tokens(words, bounds[0:-1:2].copy(), bounds[1::2].copy())
    forms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD.finditer(text, start, stop):
        form = normalize_word(m.group())
        if form:
            forms.append(form)
            starts.append(m.start())
            ends.append(m.end())
    return Tokens(tuple(forms), np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64))
