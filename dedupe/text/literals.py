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
from typing import Any

# Under re.IGNORECASE the only non-ASCII letters that match ASCII letters are these (Python's re documentation)
ASCII_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s", "\u0130": "i", "\u212a": "k"})

Words = frozenset[str]


def fold(text: str) -> str | None:
    """``text`` lower-cased with the letters of ASCII_FOLD folded, offset for offset; None when lower-casing
    would change its length."""
    if text.isascii():
        return text.lower()
    if any(ch in text for ch in "\u0131\u017f\u0130\u212a"):
        text = text.translate(ASCII_FOLD)  # (a translation table is slow on other non-ASCII text)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def required(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern finding any of ``required_words(pattern)`` in a folded text (one search instead of a find per
    word); None when no word is required."""
    words = required_words(pattern)
    return None if words is None else re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


def absent(words: re.Pattern[str] | None, folded: str | None, start: int, end: int) -> bool:
    """None of the ``words`` (``required(pattern)``) is in ``folded[start:end]`` (``folded`` is ``fold(text)``):
    then no match of the pattern lies in ``text[start:end]``. False when either is unknown."""
    return words is not None and folded is not None and words.search(folded, start, end) is None


def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Lower-case words (of ASCII characters and characters without case), one of which every match of
    ``pattern`` contains (lookarounds are not read); None when the parse tree proves none."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return None
    return _sequence(list(tree.data), importlib.import_module("re._constants"))


def _best(found: list[Words]) -> Words | None:
    """The most selective requirement: the longest shortest word, then the fewest words."""
    usable = [w for w in found if w]
    return max(usable, key=lambda w: (min(map(len, w)), -len(w))) if usable else None


def _sequence(items: list[tuple[Any, Any]], c: Any) -> Words | None:
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
        item = _item(op, av, c)
        if item is not None:
            found.append(item)
    if run:
        found.append(frozenset({"".join(run)}))
    return _best(found)


def _comparable(ch: str) -> bool:
    """An ASCII character (what matches it, in either case, folds to its lower case) or one without case (only
    itself matches it, and folding keeps it)."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _item(op: Any, av: Any, c: Any) -> Words | None:
    if op == c.SUBPATTERN:
        return _sequence(list(av[-1].data), c)
    if op == c.ATOMIC_GROUP:
        return _sequence(list(av.data), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, body = av
        return _sequence(list(body.data), c) if low >= 1 else None
    if op == c.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            each = _sequence(list(alternative.data), c)
            if each is None:
                return None  # one alternative requires nothing: nor does the branch
            words |= each
        return frozenset(words)
    return None  # anything else (classes, anchors, lookarounds, back references) proves no word
