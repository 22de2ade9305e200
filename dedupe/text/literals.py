"""Words that every match of a regex contains: a cheap look (``str.find``) before a costly search.

``required_words(pattern)`` reads the pattern's parse tree (Python's own ``re`` parser) and returns words, at
least one of which occurs in any match, lower-cased; ``fold(text)`` lower-cases a text the way these words
are compared (the four non-ASCII letters that match ASCII ones under re.IGNORECASE folded too), keeping
every offset. So when none of the words is in ``fold(text)[start:end]`` (``absent``), no match of the pattern
lies in ``text[start:end]``, and ``pattern.search(text, start, end)`` need not run. Only what the parse tree
proves is used: a part it cannot read requires nothing, and a pattern where no word is required gets None
(always search).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from typing import Any

# Under re.IGNORECASE the only non-ASCII letters that match ASCII letters are these (Python's re documentation)
ASCII_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u0130": "i", "\u212a": "k"})

Words = frozenset[str]
_LITERALS: dict[re.Pattern[str], tuple[str, ...]] = {}  # the words of each pattern ``required`` made


def fold(text: str) -> str | None:
    """``text`` lower-cased with the letters of ASCII_FOLD folded, offset for offset; None when lower-casing
    would change its length."""
    if text.isascii():
        return text.lower()
    if any(ch in text for ch in "\u0131\u017f\u0130\u212a"):
        text = text.translate(ASCII_FOLD)  # (a translation table is slow on other non-ASCII text)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def required(pattern: re.Pattern[str], avoid: Words = frozenset()) -> re.Pattern[str] | None:
    """A pattern finding any of ``required_words(pattern, avoid)`` in a folded text (one search instead of a find per
    word); None when no word is required."""
    words = required_words(pattern, avoid)
    return None if words is None else any_of(words)


def any_of(words: Words) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (lower case) in a folded text, usable where ``required`` is: for a
    pattern whose parse tree proves no word but each of whose alternatives holds one of ``words`` (tested)."""
    ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
    found = re.compile("|".join(map(re.escape, ordered)))
    _LITERALS[found] = ordered
    return found


def absent(words: re.Pattern[str] | None, folded: str | None, start: int, end: int) -> bool:
    """None of the ``words`` (``required(pattern)``) is in ``folded[start:end]`` (``folded`` is ``fold(text)``):
    then no match of the pattern lies in ``text[start:end]``. False when either is unknown."""
    return words is not None and folded is not None and words.search(folded, start, end) is None


class Found:
    """Where the ``words`` (``required(pattern)``) are in a folded text, found once for a whole document (a
    ``str.find`` per word, far faster than the alternation's search): ``absent(start, end)`` is
    ``absent(words, folded, start, end)`` without a search per span. Every occurrence is kept (overlapping ones too),
    by its start, with the least end of the occurrences from each on."""

    __slots__ = ("_folded", "_least_end", "_starts", "_words")

    def __init__(self, words: re.Pattern[str] | None, folded: str | None) -> None:
        self._words, self._folded = words, folded
        literals = _LITERALS.get(words) if words is not None else None
        spans = sorted(_occurrences(literals, folded)) if literals is not None and folded is not None else []
        self._starts = [a for a, _ in spans]
        least, self._least_end = len(folded or ""), [0] * len(spans)
        for n in range(len(spans) - 1, -1, -1):
            least = self._least_end[n] = min(least, spans[n][1])

    def absent(self, start: int, end: int) -> bool:
        if self._words is None or self._folded is None:
            return False
        if self._words not in _LITERALS:
            return self._words.search(self._folded, start, end) is None  # not a pattern of ``required``
        first = bisect_left(self._starts, start)  # the occurrences from ``start`` on: does one end by ``end``?
        return first == len(self._starts) or self._least_end[first] > end


def occurrences(words: tuple[str, ...], folded: str, start: int = 0) -> list[int]:
    """Where each of ``words`` occurs in ``folded[start:]``, overlapping occurrences too, in order."""
    return sorted(at for at, _ in _occurrences(words, folded, start))


def _occurrences(words: tuple[str, ...], folded: str, start: int = 0) -> list[tuple[int, int]]:
    spans = []
    for word in words:
        at = folded.find(word, start)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = folded.find(word, at + 1)
    return spans


def required_words(pattern: re.Pattern[str], avoid: Words = frozenset()) -> Words | None:
    """Lower-case words (of ASCII characters and characters without case), one of which every match of
    ``pattern`` contains (lookarounds are not read); None when the parse tree proves none. Where a part of the
    pattern offers a choice, requirements holding a word of ``avoid`` (words too common to select much: "said")
    are chosen last."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return None
    return _sequence(list(tree.data), importlib.import_module("re._constants"), avoid)


def _best(found: list[Words], avoid: Words) -> Words | None:
    """The most selective requirement: none of the words to ``avoid``, the longest shortest word, then the fewest
    words."""
    usable = [w for w in found if w]
    return max(usable, key=lambda w: (w.isdisjoint(avoid), min(map(len, w)), -len(w))) if usable else None


def _sequence(items: list[tuple[Any, Any]], c: Any, avoid: Words) -> Words | None:
    """Each item of a sequence must match: any item's requirement holds, runs of literals included."""
    found: list[Words] = []
    run: list[str] = []
    for op, av in items:
        if op == c.LITERAL and _comparable(chr(av)):
            run.append(chr(av).lower())
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        item = _item(op, av, c, avoid)
        if item is not None:
            found.append(item)
    if run:
        found.append(frozenset({"".join(run)}))
    return _best(found, avoid)


def _comparable(ch: str) -> bool:
    """An ASCII character (what matches it, in either case, folds to its lower case) or one without case (only
    itself matches it, and folding keeps it)."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _item(op: Any, av: Any, c: Any, avoid: Words) -> Words | None:
    if op == c.SUBPATTERN:
        return _sequence(list(av[-1].data), c, avoid)
    if op == c.ATOMIC_GROUP:
        return _sequence(list(av.data), c, avoid)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        return _sequence(list(body.data), c, avoid) if low >= 1 else None
    if op == c.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            each = _sequence(list(alternative.data), c, avoid)
            if each is None:
                return None  # one alternative requires nothing: nor does the branch
            words |= each
        return frozenset(words)
    return None  # anything else (classes, anchors, lookarounds, back references) proves no word
