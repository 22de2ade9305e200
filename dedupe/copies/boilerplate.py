"""Boilerplate learned from the corpus: lines and sentences that many documents repeat beside text of their own.

A site's footer, newsletter box or copyright line is the same text in hundreds of its pages, each of which is
otherwise a different story. Shared text, but not reuse: such text must not make matches, nor candidate pairs
(every pair of a site's pages would be verified), nor claims. A wire story copied by thirty portals is repeated too,
but its copies share all their lines, not one: a unit of text is boilerplate when at least ``min_documents``
documents carry it and, in the median of those documents, at least half of their other units are their own (found
in no other document).

The units are a line's sentences (cut at sentence ends; "Mr." or "U.S." ends none): scraped text often
holds a site's newsletter box or editor's note on one line with the story's first sentence. A line with several
sentences none of which is long enough to count is one unit. A site's own pages count apart: a unit that at least
``site_documents`` documents of one site (their outlet, else the host of their URL) carry beside text of their own
within the site is that site's boilerplate (a sign-up box, "Editor's note: support our journalism ...", a column's
standing header), with a key of its own (``site_key``) so that it is boilerplate on that site only. Two are not
enough: two versions of one story on one site, each edited throughout, share a sentence beside text of their own,
and a running story repeats its background paragraph.

Units are compared after lower-casing, writing every digit 1-9 as 0 ("(c) 2025" and "(c) 2026" are one line) and
reading only their words (punctuation and white space left out: a site that changed "—" for "―" in its editor's
note, or a no-break space for a space, repeats the same line), by a CRC-32 of the bytes (a collision between two
lines of one document's own text cannot make a line common). Only units of at least MIN_WORDS words count:
"Share" or "Advertisement" alone is caught by the line classifier of ``text.segment``. Quoted text is never
boilerplate: a quote that many reports of one event repeat is the claim they share, so a sentence that overlaps a
quotation (of QUOTE_WORDS words or more: a title in quotation marks, "The 360", is no quote) gets no key. A repeated
unit inside a paragraph of the document's own text is cut out of it (``mark_repeated``).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from statistics import median
from urllib.parse import urlsplit

from dedupe.config import FingerprintConfig
from dedupe.models import Document, Paragraph
from dedupe.text.segment import ABBREVIATIONS

MIN_WORDS = 6  # units shorter than this are never corpus boilerplate
OWN_SHARE = 0.5  # least median share of a carrier's other units that are its own
REPEATED = "repeated"  # the boilerplate kind of a paragraph made of corpus-repeated units
SITE_KEY = 1 << 32  # set in a site's key of a unit (``site_key``), clear in a corpus-wide key (a CRC-32)
_DIGIT = re.compile("[1-9]")
_WORD = re.compile(r"\w+")
# a quotation: from its opening mark to its closing mark or the end of the line (it goes on in the next one)
_QUOTATION = re.compile('\u201c[^\u201d]*(?:\u201d|$)|"[^"]*(?:"|$)|\u00ab[^\u00bb]*(?:\u00bb|$)'
                        '|\u201e[^\u201c\u201d]*(?:[\u201c\u201d]|$)|\u300c[^\u300d]*(?:\u300d|$)')
# a sentence's end: not after an abbreviation ("Mr.", "Gov."), a single letter ("John F.") or a dotted one ("U.S.")
_SENTENCE_END = re.compile("(?=[.!?\u2026])" + "".join(f"(?<!\\b{re.escape(a)})" for a in sorted(ABBREVIATIONS))
                           + "(?<!\\b\\w)(?<!\\.\\w)[.!?\u2026]+[\"'\u201d\u2019\u00bb)\\]]*\\s+", re.IGNORECASE)
QUOTE_WORDS = 3  # a quotation of this many words is a quote; a shorter one names a title ("The 360") or a term


def _zero_digits(text: str) -> str:
    """Every digit 1-9 written as 0 (a regex: ``str.translate`` takes ~1 s per 10 MB of text that is not ASCII)."""
    return _DIGIT.sub("0", text)


def _normalised(text: str) -> str:
    """``text`` lower-cased with its digits written as 0, of the same length (a letter whose lower case is longer,
    such as "İ", stays as it is, so that units cut on the text keep their offsets)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _zero_digits(lowered)


def _key(normalised: str) -> int | None:
    words = _WORD.findall(normalised)
    if len(words) < MIN_WORDS:
        return None
    return zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))


def _quotations(line: str) -> list[tuple[int, int]]:
    """[start, end) of the quotations of a line that hold at least QUOTE_WORDS words."""
    return [m.span() for m in _QUOTATION.finditer(line) if len(_WORD.findall(m.group())) >= QUOTE_WORDS]


def _sentences(line: str) -> Iterator[tuple[int, int]]:
    """[start, end) of a line's sentences (cut at _SENTENCE_END: a regex, as this pass reads every line of the
    corpus), white space around them left out."""
    start = 0
    for m in _SENTENCE_END.finditer(line):
        yield start, m.start() + len(m.group().rstrip())
        start = m.end()
    if line[start:].strip():
        yield start, len(line.rstrip())


def _units(line: str, normalised: str) -> list[tuple[int, int, int | None]]:
    """(start, end, key) of a line's units: its sentences (``normalised`` is the line lower-cased, digits written as 0,
    same length), no key for one that overlaps a quotation; a line with several sentences none of which has a key,
    as one unit."""
    quotes = _quotations(line)
    spans = list(_sentences(line))
    units = [(start, end, None if any(a < end and start < b for a, b in quotes) else _key(normalised[start:end]))
             for start, end in spans]
    if len(units) > 1 and not quotes and all(k is None for _, _, k in units):
        return [(units[0][0], units[-1][1], _key(normalised))]
    return units


def line_key(line: str) -> int | None:
    """The key of one line read as a single unit, or None when it is too short or holds a quotation."""
    return None if _quotations(line) else _key(_normalised(line))


def site_of(doc: Document) -> str | None:
    """The site a document comes from: its outlet, else the host of its URL (None: unknown)."""
    if doc.outlet and doc.outlet.strip():
        return " ".join(doc.outlet.casefold().split())
    host = urlsplit(doc.url).hostname if doc.url else None
    return host.removeprefix("www.") if host else None


def site_seed(site: str | None) -> int | None:
    """The seed of a site's keys (``site_key``); None for an unknown site."""
    return None if site is None else zlib.crc32(site.encode("utf-8", "surrogatepass"))


def document_seed(doc: Document) -> int | None:
    """The seed of the keys of ``doc``'s site (None: unknown site)."""
    return site_seed(site_of(doc))


def site_key(key: int, seed: int) -> int:
    """The key of a unit on one site: a CRC-32 of the corpus-wide key seeded by the site, with SITE_KEY set."""
    return zlib.crc32(key.to_bytes(4, "little"), seed) | SITE_KEY


def document_keys(text: str, body_start: int = 0, seed: int | None = None) -> list[int]:
    """The distinct keys of a document's units, in order of first appearance, then with ``seed`` (the site's,
    ``site_seed``; None: none) their site keys. The text is lower-cased and its digits replaced once."""
    body = text[body_start:]
    lowered = _normalised(body)
    keys: list[int] = []
    pos = 0
    for line in body.split("\n"):
        keys += [k for _, _, k in _units(line, lowered[pos:pos + len(line)]) if k is not None]
        pos += len(line) + 1
    distinct = list(dict.fromkeys(keys))
    return distinct if seed is None else distinct + [site_key(k, seed) for k in distinct]


def repeated_lines(per_document: Sequence[Sequence[int]], min_documents: int,
                   site_documents: int = 0) -> frozenset[int]:
    """Keys of units that are boilerplate in this corpus (see the module docstring)."""
    counts = Counter(k for keys in per_document for k in keys)
    common = common_keys(counts.items(), min_documents, site_documents)
    if not common:
        return frozenset()
    shared = frozenset(k for k, n in counts.items() if n > 1)
    return repeated_from([carrier_shares(per_document, shared, common)])


def common_keys(counts: Iterable[tuple[int, int]], min_documents: int, site_documents: int) -> frozenset[int]:
    """The keys held by enough documents: ``min_documents`` for a corpus-wide key, ``site_documents`` for a site's
    key (a threshold below 2 turns its kind off)."""
    least = (min_documents if min_documents >= 2 else None, site_documents if site_documents >= 2 else None)
    return frozenset(k for k, n in counts if (bound := least[k >= SITE_KEY]) is not None and n >= bound)


def carrier_shares(per_document: Iterable[Sequence[int]], shared: frozenset[int],
                   common: frozenset[int]) -> dict[int, list[float]]:
    """For each ``common`` key (held by enough documents), the share of each carrier's other units that no other
    document holds (not in ``shared``, the keys held by several), counted among its keys of the same kind (a site's
    keys are shared within the site). A part of the corpus may be counted apart (the Dask engine's workers) and the
    shares merged by ``repeated_from``."""
    carriers: dict[int, list[float]] = {}
    for keys in per_document:
        mine = [k for k in keys if k in common]
        if not mine:
            continue
        own = [_own_share([k for k in keys if (k >= SITE_KEY) == site and k not in common], shared)
               for site in (False, True)]
        for k in mine:
            carriers.setdefault(k, []).append(own[k >= SITE_KEY])
    return carriers


def _own_share(others: Sequence[int], shared: frozenset[int]) -> float:
    return sum(1 for k in others if k not in shared) / len(others) if others else 0.0


def repeated_from(shares: Iterable[dict[int, list[float]]]) -> frozenset[int]:
    """The repeated units from the ``carrier_shares`` of every part of a corpus: a median share of own units of at
    least OWN_SHARE."""
    merged: dict[int, list[float]] = {}
    for part in shares:
        for k, values in part.items():
            merged.setdefault(k, []).extend(values)
    return frozenset(k for k, values in merged.items() if median(values) >= OWN_SHARE)


def pass_needs(settings: FingerprintConfig) -> tuple[bool, bool]:
    """Whether the corpus pass runs (a threshold of 2 or more), and whether it keys the documents' sites."""
    sites = settings.repeated_site_documents >= 2
    return settings.repeated_line_documents >= 2 or sites, sites


def corpus_keys(docs: Iterable[Document], sites: bool) -> list[list[int]]:
    """The ``document_keys`` of each document, with its site's keys when ``sites``."""
    return [document_keys(d.text, d.body_start, document_seed(d) if sites else None) for d in docs]


def corpus_boilerplate(docs: Iterable[Document], min_documents: int, site_documents: int = 0) -> frozenset[int]:
    """The repeated units of a corpus: one pass over its texts (sites counted apart where ``site_documents`` >= 2)."""
    return repeated_lines(corpus_keys(docs, site_documents >= 2), min_documents, site_documents)


def searched_for(repeated: frozenset[int], carriers: frozenset[int] | None, places: range) -> list[frozenset[int]]:
    """The repeated units to look for in each document at ``places``: none in one that holds none (``carriers``: the
    places of the documents that hold one; None: any may)."""
    return [repeated if carriers is None or n in carriers else frozenset() for n in places]


def mark_repeated(text: str, paragraphs: Sequence[Paragraph], repeated: frozenset[int],
                  seed: int | None = None) -> list[Paragraph]:
    """The paragraphs with the corpus's repeated units marked boilerplate (kind REPEATED): a paragraph made only
    of them is marked whole; one that also holds text of its own ("Editor's note: ..." then a line of the story)
    is cut at them, each run of its own text staying a paragraph. ``seed``: the document's site (``site_seed``)."""
    if not repeated:
        return list(paragraphs)
    out: list[Paragraph] = []
    for p in paragraphs:
        out += [p] if p.boilerplate is not None else _cut_at_repeated(text, p, repeated, seed)
    return out


def _line_runs(line: str, offset: int, repeated: frozenset[int], seed: int | None) -> list[tuple[int, int, bool]]:
    """(start, end, repeated) of a line's units: a unit without a key is repeated when every unit with one is."""
    units = _units(line, _normalised(line))
    marks = [k is not None and (k in repeated or (seed is not None and site_key(k, seed) in repeated))
             for _, _, k in units]
    whole = any(marks) and all(m for m, (_, _, k) in zip(marks, units, strict=True) if k is not None)
    return [(offset + a, offset + b, whole or m) for m, (a, b, _) in zip(marks, units, strict=True)]


def _cut_at_repeated(text: str, p: Paragraph, repeated: frozenset[int], seed: int | None) -> list[Paragraph]:
    runs: list[tuple[int, int, bool]] = []  # (start, end, repeated) of runs of units
    pos = p.start
    for line in text[p.start:p.end].split("\n"):
        for start, end, is_repeated in _line_runs(line, pos, repeated, seed):
            if runs and runs[-1][2] == is_repeated:
                runs[-1] = (runs[-1][0], end, is_repeated)
            else:
                runs.append((start, end, is_repeated))
        pos += len(line) + 1
    if not any(r for _, _, r in runs):
        return [p]
    if all(r for _, _, r in runs):
        return [Paragraph(p.start, p.end, REPEATED)]
    return [Paragraph(a, b, REPEATED if r else None) for a, b, r in runs]
