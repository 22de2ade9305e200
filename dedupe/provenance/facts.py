"""The facts two claims must agree on to be one claim: their numbers (in digits, or in words where a claim has
no digits) and their names (capitalised words after the first)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NAME_SHARE = 0.5  # share of the shorter claim's names that the other claim must have
_NAME = re.compile(r"[A-Z](?<=\s[A-Z])[\w'’-]+")  # after a space; the capital first, so the scan skips ahead fast
_NOT_NAME_WORDS = ("A An The I He She It We They His Her Its Their This That These Those In On At For But And Or "
                   "Mr Mrs Ms Dr President Prime Minister Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_CONTRACTION = re.compile(r"['\u2019](?:s|m|ll|re|ve|d)$")  # "I\u2019m", "It's", "They\u2019ll" are no names

# digits not inside a word: "G20", "4pm" and a mis-decoded letter in a name (A, a combining tilde, "1/4") are no
# quantities; an ordinal or plural ending may follow ("10th", "1990s"). The pattern begins with the digit (what
# precedes it is looked at behind it), so the scan skips ahead to digits fast
_NUMBER_TEXT = r"\d(?<![\w\u0300-\u036f]\d)(?:[\d,.]*\d)?(?=(?:st|nd|rd|th|s)?(?![^\W\d_]))"
_NUMBER = re.compile(_NUMBER_TEXT)
YEAR = re.compile(r"(?:19|20)\d\d")
# "\n" or a number, beginning with the set of both (``_NUMBER_TEXT`` behind a look back at the digit): a pattern
# that begins with a set skips ahead to it, two alternatives are tried at every character
_NUMBER_OR_BREAK = re.compile(rf"[\n\d](?:(?<=\n)|(?<=\d){_NUMBER_TEXT[2:]})")


def _number(found: str) -> str:
    return found.replace(",", "").rstrip(".")


def specifics(text: str) -> frozenset[str]:
    """The numbers of a sentence: the facts a paraphrase keeps ("64 people", "3.9 percent", "1,100 km")."""
    return frozenset(map(_number, _NUMBER.findall(text)))


def all_specifics(texts: Sequence[str]) -> list[frozenset[str]]:
    """``specifics`` of each text, by one regex pass over the texts joined by newlines."""
    out: list[frozenset[str]] = []
    current: list[str] = []
    for n in _NUMBER_OR_BREAK.findall("\n".join(t.replace("\n", " ") for t in texts)):
        if n == "\n":
            out.append(frozenset(current))
            current = []
        else:
            current.append(_number(n))
    return [*out, frozenset(current)] if texts else []


def scored_numbers(numbers: frozenset[str]) -> frozenset[str]:
    """The numbers of two digits or more: those a link's score counts ("could face up to 10 years"; not the "6"
    and "8" of "6 to 8 inches long" and "every 6-8 weeks" on two gardening pages)."""
    return frozenset(n for n in numbers if sum(ch.isdigit() for ch in n) > 1)


def names(text: str) -> frozenset[str]:
    """Capitalised words after the first (names, places, outlets), by their first four letters."""
    return frozenset(w[:4].lower() for w in _NAME.findall(text) if _CONTRACTION.sub("", w) not in _NOT_NAMES)


@dataclass(frozen=True, slots=True)
class Facts:
    words: int
    numbers: frozenset[str]
    names: frozenset[str]
    spelled: frozenset[str] = frozenset()  # numbers written as words ("four" -> "4")


_UNITS = "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_VALUE = ({w: n for n, w in enumerate(_UNITS.split(), start=2)} | {"one": 1, "eighteen": 18, "nineteen": 19}
          | {w: 10 * n for n, w in enumerate(_TENS.split(), start=2)})
_WORD_NUMBER = re.compile(rf"\b(?:{'|'.join(_TENS.split())})(?:-(?:one|{'|'.join(_UNITS.split()[:8])}))?\b"
                          rf"|\b(?:{'|'.join(_UNITS.split())}|eighteen|nineteen)\b", re.IGNORECASE)


_WORDS = [w for w in _VALUE if w != "one"]  # the words a number in words begins with
# every number in words holds one of these (fourteen holds four): an ASCII text holding none (in any case) has none
_WORD_HINTS = tuple(w for w in _WORDS if not any(o != w and o in w for o in _WORDS))
_WORD_HINT = re.compile("|".join(_WORD_HINTS))


def word_numbers(text: str) -> frozenset[str]:
    """Numbers written as words, two to ninety-nine ("one" is as often a pronoun), as digits. Most claims have
    none, and looking for a few words in the lower-cased text first is far cheaper than the pattern."""
    if text.isascii() and not _WORD_HINT.search(text.lower()):
        return frozenset()
    return frozenset(str(sum(_VALUE[w] for w in found.lower().split("-"))) for found in _WORD_NUMBER.findall(text))


def facts_of(text: str, numbers: frozenset[str] | None = None) -> Facts:
    """The facts of a claim (``numbers``: its ``specifics`` when already found)."""
    return Facts(len(text.split()), specifics(text) if numbers is None else numbers, names(text), word_numbers(text))


# a name after a line break, and the first word of a text behind a line break (which is no name: nothing precedes
# it in its own text), so that one pass over texts joined by line breaks finds the names of each
_NAME_OR_BREAK = re.compile(rf"\n(?:[A-Z][\w'’-]+)?|{_NAME.pattern}")


def all_names(texts: Sequence[str]) -> list[frozenset[str]]:
    """``names`` of each text, by one regex pass over the texts joined by line breaks (a text's own line breaks
    made spaces: a name follows either the same way)."""
    out: list[frozenset[str]] = []
    current: list[str] = []
    for found in _NAME_OR_BREAK.findall("\n".join(t.replace("\n", " ") for t in texts)):
        if found[0] == "\n":
            out.append(frozenset(current))
            current = []
        elif _CONTRACTION.sub("", found) not in _NOT_NAMES:
            current.append(found[:4].lower())
    return [*out, frozenset(current)] if texts else []


def all_word_numbers(texts: Sequence[str]) -> list[frozenset[str]]:
    """``word_numbers`` of each text: the look for a hint (``_WORD_HINT``) done in one pass over the lower-cased
    ASCII texts joined by line breaks; the pattern only for the texts holding one, and for the others."""
    ascii_texts = [n for n, t in enumerate(texts) if t.isascii()]
    joined = "\n".join([texts[n] for n in ascii_texts]).lower()
    ends = np.cumsum([len(texts[n]) + 1 for n in ascii_texts])
    hinted = np.zeros(len(texts), dtype=bool)
    hints = np.fromiter((m.start() for m in _WORD_HINT.finditer(joined)), dtype=np.int64)
    hinted[np.asarray(ascii_texts, dtype=np.int64)[np.searchsorted(ends, hints, side="right")]] = True
    hinted[[n for n, t in enumerate(texts) if not t.isascii()]] = True
    return [word_numbers(t) if hint else frozenset() for t, hint in zip(texts, hinted.tolist(), strict=True)]


def all_facts(texts: Sequence[str], numbers: Sequence[frozenset[str]]) -> list[Facts]:
    """``facts_of`` of each text, given its ``specifics`` (``numbers``); names and numbers in words found for all
    texts at once (``all_names``, ``all_word_numbers``)."""
    return [Facts(len(t.split()), found, named, spelled) for t, found, named, spelled
            in zip(texts, numbers, all_names(texts), all_word_numbers(texts), strict=True)]


def _spelled_agree(a: Facts, b: Facts) -> bool:
    """A claim without digits has its numbers written as words ("plus or minus four points"): they must be among
    the other claim's numbers, if it has any ("plus or minus 5.7 points" disagrees). A claim with digits keeps to
    them: "all out for 211 with ten balls unused" and "bowled out for 211 in 48.2 overs" agree."""
    other = b.numbers | b.spelled
    return bool(a.numbers or not a.spelled or not other or a.spelled <= other)


def facts_agree(a: Facts, b: Facts) -> bool:
    """The numbers of one claim are among the other's (numbers in words too, ``_spelled_agree``), and most names
    of the shorter claim are in the other."""
    if a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False
    if not (_spelled_agree(a, b) and _spelled_agree(b, a)):
        return False
    short, other = (a, b) if (a.words, len(a.names)) <= (b.words, len(b.names)) else (b, a)
    if not short.names or not other.names:
        return True
    return len(short.names & other.names) >= NAME_SHARE * len(short.names)
