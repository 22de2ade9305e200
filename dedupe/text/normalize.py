"""Unicode and typography normalisation, and word tokens with offsets into the original text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np

SURROGATES = re.compile("[\ud800-\udfff]")


def valid_text(value: str) -> str:
    """``value`` with lone surrogates (a JSON string may hold "\\ud800", a feed "&#xD800;") replaced by U+FFFD:
    the same length, so spans stay valid, and always encodable as UTF-8."""
    return SURROGATES.sub("\ufffd", value) if SURROGATES.search(value) else value


def valid_optional(value: str | None) -> str | None:
    return None if value is None else valid_text(value)


# straight quotes and ASCII dashes for their typographic forms (also what the role classifier reads)
TYPOGRAPHY = str.maketrans(
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
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")  # text without combining marks or scripts without spaces
_WORD_SPLIT = re.compile(r"(\w+(?:['\u2019]\w+)*)")  # ASCII text

# Scripts written without spaces between words, as (first, last, units): each character of theirs (with its
# combining marks) is a token, so shingles are character n-grams. ``units`` is what one such token weighs
# against a word of a spaced script (WORD_UNITS), so that a passage minimum in words means about as much text in
# every script: a Chinese character ~0.6 of an English word, a kana ~1/3, a Thai, Lao, Khmer or Myanmar letter
# (with its marks) ~1/4, as measured on one article written in each (tests/script_texts.py). Sorted, disjoint.
WORD_UNITS = 12
_HAN, _KANA, _LETTER = 7, 4, 3
NO_SPACE_BLOCKS: tuple[tuple[int, int, int], ...] = (
    (0x0E00, 0x0E7F, _LETTER),  # Thai
    (0x0E80, 0x0EFF, _LETTER),  # Lao
    (0x1000, 0x109F, _LETTER),  # Myanmar
    (0x1780, 0x17FF, _LETTER),  # Khmer
    (0x19E0, 0x19FF, _LETTER),  # Khmer symbols
    (0x3005, 0x3007, _HAN),  # iteration mark, closing mark, ideographic zero
    (0x3021, 0x3029, _HAN),  # Hangzhou numerals
    (0x3031, 0x3035, _KANA),  # vertical kana repeat marks
    (0x303B, 0x303C, _HAN),
    (0x3041, 0x30FF, _KANA),  # Hiragana, Katakana
    (0x31F0, 0x31FF, _KANA),  # Katakana phonetic extensions
    (0x3400, 0x4DBF, _HAN),  # CJK extension A
    (0x4E00, 0x9FFF, _HAN),  # CJK unified ideographs
    (0xA9E0, 0xA9FF, _LETTER),  # Myanmar extended B
    (0xAA60, 0xAA7F, _LETTER),  # Myanmar extended A
    (0xF900, 0xFAFF, _HAN),  # CJK compatibility ideographs
    (0xFF66, 0xFF9D, _KANA),  # half-width Katakana (the sound marks FF9E-FF9F join the letter before)
    (0x1B000, 0x1B16F, _KANA),  # Kana supplement and extended A
    (0x20000, 0x323AF, _HAN),  # CJK extensions B-H, compatibility supplement
)
TOKENS = "words-with-marks+characters-of-han-kana-thai-lao-khmer-myanmar"  # the scheme, in report and index
TOKEN_UNITS = {"word": WORD_UNITS, "han": _HAN, "kana": _KANA, "thai-lao-khmer-myanmar": _LETTER}
_NO_SPACE = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in NO_SPACE_BLOCKS)
_HAS_NO_SPACE = re.compile(f"[{_NO_SPACE}]")
_JOINERS = "\u200c\u200d\uff9e\uff9f"  # zero-width (non-)joiner inside Indic words; half-width sound marks
_MARK_PLANES = (range(0x20000), range(0xE0000, 0xE0200))  # every combining mark is in planes 0, 1 or 14


def normalize_text(text: str) -> str:
    """NFKC, straight quotes, ASCII dashes, single spaces, at most one blank line in a row.

    Idempotent: ``normalize_text(normalize_text(s)) == normalize_text(s)``.
    """
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def normalize_word(word: str) -> str:
    """The comparison form of one word: NFKC, case-folded, apostrophes and zero-width joiners dropped."""
    folded = unicodedata.normalize("NFKC", word).casefold().replace("'", "").replace("\u2019", "")
    return folded if folded.isascii() else folded.replace("\u200c", "").replace("\u200d", "")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Words of a text: normalised forms and [start, end) offsets into the original text.

    A token is a word, or one character of a script written without spaces (Chinese, Japanese, Thai ...);
    ``units`` says what each weighs in twelfths of a word (None: all are words, ``WORD_UNITS`` each).
    """

    words: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray
    units: np.ndarray | None = None

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
    plain, marked, special_character = _token_patterns()
    special = not _is_plain(chunk, special_character)
    for m in (marked if special else plain).finditer(text, start, stop):
        form = normalize_word(m.group())
        if form:
            forms.append(form)
            starts.append(m.start())
            ends.append(m.end())
    first = np.asarray(starts, dtype=np.int64)
    return Tokens(tuple(forms), first, np.asarray(ends, dtype=np.int64), token_units(text, first) if special else None)


def _class_ranges(codes: list[int]) -> str:
    """Code points (sorted) as the ranges of a regex character class."""
    out, first = [], 0
    for n, code in enumerate(codes):
        if n + 1 == len(codes) or codes[n + 1] != code + 1:
            out.append(chr(codes[first]) if first == n else f"{chr(codes[first])}-{chr(code)}")
            first = n + 1
    return "".join(out)


@cache
def _token_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words of plain text; the words and characters of text with combining marks or a script without
    spaces; and the characters that call for the second (a fast scan, so plain text keeps its speed).

    A word is letters and digits with the combining marks that follow them (apostrophes inside); Python's
    ``\\w`` leaves out the vowel signs and viramas of Indic scripts (categories Mn and Mc), listed here, so
    "हिन्दी" is one word, not three. A character of a script without spaces is a token with its marks. Built on
    first use (listing the marks takes ~30 ms); the marks outside the BMP are a class of their own, which
    keeps the BMP class a fast bitmap, tried only for a character outside the BMP.
    """
    codes = [c for plane in _MARK_PLANES for c in plane if unicodedata.category(chr(c))[0] == "M"]
    bmp, astral = (_class_ranges([c for c in codes if (c < 0x10000) == low]) for low in (True, False))
    marks = f"[{bmp}{_JOINERS}]+|(?=[\U00010000-\U0010ffff])[{astral}]+"  # one range test before the long list
    letter = f"[^\\W{_NO_SPACE}{_JOINERS}]"  # letters and marks are disjoint: no backtracking
    word = f"{letter}+(?:(?:{marks}){letter}*)*"
    marked = re.compile(f"(?=\\w)[{_NO_SPACE}](?:{marks})?|{word}(?:['\u2019]{word})*")
    no_space_bmp = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, _ in NO_SPACE_BLOCKS if hi < 0x10000)
    return _WORD, marked, re.compile(f"[{bmp}{_JOINERS}{no_space_bmp}]")


# What the per-word path does with each character of the BMP, for the vectorised tokeniser
# (``fingerprint.hashed_tokens``): a separator; a word character whose comparison form is its own case folding
# (NFKC leaves any run of such characters unchanged); an apostrophe (inside a word between two word
# characters); a word character NFKC may change (its word is normalised on its own); a character that calls
# for the tokeniser of marked text (combining mark, joiner, script without spaces) or is a lone surrogate.
SEPARATOR, FOLDED, APOSTROPHE, NFKC_WORD, SPECIAL = range(5)
_HANGUL_JAMO = range(0x1100, 0x1200)  # conjoining jamo compose with each other under NFKC


@cache
def bmp_classes() -> tuple[np.ndarray, np.ndarray]:
    """uint8[0x10000] class of each BMP code point (``SEPARATOR`` ... ``SPECIAL``, derived from the patterns
    ``tokenize`` uses), and uint8[0x10000] the UTF-8 length of each one's case folding. Built on first use
    (~0.1 s)."""
    word, special = re.compile(r"\w"), _token_patterns()[2]
    seconds = {int(d.split()[1], 16) for d in map(unicodedata.decomposition, map(chr, range(0x10000)))
               if d and not d.startswith("<") and len(d.split()) == 2}  # may compose with the character before
    classes = np.full(0x10000, SPECIAL, dtype=np.uint8)
    widths = np.zeros(0x10000, dtype=np.uint8)
    for code in (*range(0xD800), *range(0xE000, 0x10000)):
        char = chr(code)
        folded = char.casefold()
        widths[code] = len(folded.encode("utf-8"))
        if special.match(char) or not folded:
            continue
        if char in "'\u2019":
            classes[code] = APOSTROPHE
        elif not word.match(char):
            classes[code] = SEPARATOR
        elif (unicodedata.normalize("NFKC", char) == char and not unicodedata.combining(char)
              and code not in seconds and code not in _HANGUL_JAMO):
            classes[code] = FOLDED
        else:
            classes[code] = NFKC_WORD
    return classes, widths


def _is_plain(chunk: str, special: re.Pattern[str]) -> bool:
    """No combining mark, joiner or character of a script without spaces (two fast scans: a BMP class is a
    bitmap, and a text beyond the BMP is taken as not plain)."""
    return len(chunk.encode("utf-16-le", "surrogatepass")) == 2 * len(chunk) and not special.search(chunk)


def token_units(text: str, starts: np.ndarray) -> np.ndarray | None:
    """What each token starting at ``starts`` weighs, in twelfths of a word (``WORD_UNITS`` for a word; see
    ``NO_SPACE_BLOCKS``), or None when every token is a word (no character of a script without spaces)."""
    if text.isascii() or not _HAS_NO_SPACE.search(text):
        return None
    first = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[starts]
    edges = np.array([edge for lo, hi, _ in NO_SPACE_BLOCKS for edge in (lo, hi + 1)], dtype=np.uint32)
    units = np.array([u for *_, u in NO_SPACE_BLOCKS for u in (u, WORD_UNITS)], dtype=np.int64)
    out: np.ndarray = np.r_[WORD_UNITS, units][np.searchsorted(edges, first, side="right")]
    return out
