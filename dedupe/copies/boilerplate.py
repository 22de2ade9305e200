"""Boilerplate learned from the corpus: lines that many documents repeat beside text of their own.

A site's footer, newsletter box or copyright line is the same line in hundreds of its pages, each of which is
otherwise a different story. Shared text, but not reuse: such lines must not make matches, nor candidate pairs
(every pair of a site's pages would be verified). A wire story copied by thirty portals is repeated too, but its
copies share all their lines, not one: a line is boilerplate when at least ``min_documents`` documents carry it
and, in the median of those documents, at least half of the other long lines are their own (found in no other
document).

Lines are compared after lower-casing, writing every digit 1-9 as 0 ("(c) 2025" and "(c) 2026" are one line) and
reading only their words (punctuation and white space left out: a site that changed "—" for "―" in its editor's
note, or a no-break space for a space, repeats the same line), by a CRC-32 of the bytes (a collision between two
lines of one document's own text cannot make a line common). Only lines of at least MIN_WORDS words count:
"Share" or "Advertisement" alone is caught by the line classifier of ``text.segment``. A line with a quotation
mark is never boilerplate: a quote that many reports of one event repeat in a paragraph of its own is the claim
they share. A repeated line inside a paragraph of the document's own lines is cut out of it (``mark_repeated``).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from statistics import median

from dedupe.models import Document, Paragraph

MIN_WORDS = 6  # lines shorter than this are never corpus boilerplate
OWN_SHARE = 0.5  # least median share of a carrier's other long lines that are its own
REPEATED = "repeated"  # the boilerplate kind of a paragraph made of corpus-repeated lines
_DIGIT = re.compile("[1-9]")
_WORD = re.compile(r"\w+")


def _zero_digits(text: str) -> str:
    """Every digit 1-9 written as 0 (a regex: ``str.translate`` takes ~1 s per 10 MB of text that is not ASCII)."""
    return _DIGIT.sub("0", text)


_QUOTES = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d')


def _key(normalised: str) -> int | None:
    if not _QUOTES.isdisjoint(normalised):
        return None  # a quotation repeated by many articles is a claim they share, not boilerplate
    words = _WORD.findall(normalised)
    if len(words) < MIN_WORDS:
        return None
    return zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))


def line_key(line: str) -> int | None:
    """The key of one line, or None when it is too short to be corpus boilerplate."""
    return _key(_zero_digits(line.lower()))


def document_keys(text: str, body_start: int = 0) -> list[int]:
    """The distinct keys of a document's long lines, in order of first appearance (the text lower-cased and its
    digits replaced once, not line by line)."""
    keys = (_key(line) for line in _zero_digits(text[body_start:].lower()).split("\n"))
    return list(dict.fromkeys(k for k in keys if k is not None))


def repeated_lines(per_document: Sequence[Sequence[int]], min_documents: int) -> frozenset[int]:
    """Keys of lines that are boilerplate in this corpus (see the module docstring)."""
    if min_documents < 2:
        return frozenset()
    counts = Counter(k for keys in per_document for k in keys)
    common = frozenset(k for k, n in counts.items() if n >= min_documents)
    if not common:
        return frozenset()
    shared = frozenset(k for k, n in counts.items() if n > 1)
    return repeated_from([carrier_shares(per_document, shared, common)])


def carrier_shares(per_document: Iterable[Sequence[int]], shared: frozenset[int],
                   common: frozenset[int]) -> dict[int, list[float]]:
    """For each ``common`` line (held by at least min_documents documents), the share of each carrier's other lines
    that no other document holds (not in ``shared``, the keys held by several). A part of the corpus may be
    counted apart (the Dask engine's workers) and the shares merged by ``repeated_from``."""
    carriers: dict[int, list[float]] = {}
    for keys in per_document:
        mine = [k for k in keys if k in common]
        if not mine:
            continue
        others = [k for k in keys if k not in common]
        own = sum(1 for k in others if k not in shared) / len(others) if others else 0.0
        for k in mine:
            carriers.setdefault(k, []).append(own)
    return carriers


def repeated_from(shares: Iterable[dict[int, list[float]]]) -> frozenset[int]:
    """The repeated lines from the ``carrier_shares`` of every part of a corpus: a median share of own lines of at
    least OWN_SHARE."""
    merged: dict[int, list[float]] = {}
    for part in shares:
        for k, values in part.items():
            merged.setdefault(k, []).extend(values)
    return frozenset(k for k, values in merged.items() if median(values) >= OWN_SHARE)


def corpus_boilerplate(docs: Iterable[Document], min_documents: int) -> frozenset[int]:
    """The repeated lines of a corpus: one pass over its texts."""
    return repeated_lines([document_keys(d.text, d.body_start) for d in docs], min_documents)


def mark_repeated(text: str, paragraphs: Sequence[Paragraph], repeated: frozenset[int]) -> list[Paragraph]:
    """The paragraphs with the corpus's repeated lines marked boilerplate (kind REPEATED): a paragraph made only
    of them is marked whole; one that also holds lines of its own ("Editor's note: ..." then a line of the story)
    is cut at them, each run of its own lines staying a paragraph."""
    if not repeated:
        return list(paragraphs)
    out: list[Paragraph] = []
    for p in paragraphs:
        out += [p] if p.boilerplate is not None else _cut_at_repeated(text, p, repeated)
    return out


def _cut_at_repeated(text: str, p: Paragraph, repeated: frozenset[int]) -> list[Paragraph]:
    runs: list[tuple[int, int, bool]] = []  # (start, end, repeated) of runs of lines
    pos = p.start
    for line in text[p.start:p.end].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        key = line_key(line)
        is_repeated = key is not None and key in repeated
        if runs and runs[-1][2] == is_repeated:
            runs[-1] = (runs[-1][0], end, is_repeated)
        else:
            runs.append((start + len(line) - len(line.lstrip()), end, is_repeated))
    if not any(r for _, _, r in runs):
        return [p]
    if all(r for _, _, r in runs):
        return [Paragraph(p.start, p.end, REPEATED)]
    return [Paragraph(a, b, REPEATED if r else None) for a, b, r in runs]
