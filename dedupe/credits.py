"""Document-level attribution: datelines, bylines, trailing credits, inputs lines, hat tips,
photo credits and aggregator disclaimers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dedupe.lexicon import UNNAMED_AGENCY, Lexicon
from dedupe.models import Paragraph, Span

_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Za-z.'\- ]{1,30}){0,2}(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?)?"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<wire>[A-Za-z ]{2,30})/)\s*(?:-+|\u2013|\u2014|:)")
_BYLINE = re.compile(r"^\s*By\s+(?:(?:[A-Z][\w.'-]+\s+){1,3},\s*)?(?P<name>[A-Z][\w.&' -]{1,40}?)"
                     r"(?:\s+(?:Staff|Staff Writers?|Correspondents?|Reporters?|News Desk|Desk))?\s*$")
_INPUTS = re.compile(r"\(?\s*with\s+(?:additional\s+)?inputs?\s+from\s+(?P<list>[^)\n]{2,80}?)\s*\)?\s*\.?\s*$", re.I)
_TRAILING = re.compile(r"^\s*(?:\(\s*(?P<paren>[^()\n]{2,40})\s*\)|[-\u2013\u2014]+\s*(?P<dash>[A-Za-z][\w .&]{1,40})|"
                       r"(?:Source|Sources|Courtesy)\s*:\s*(?P<src>[^\n]{2,60}?))\s*\.?\s*$")
_HAT_TIP = re.compile(r"^\s*(?:h/t|hat\s+tip)\s*:?\s*(?P<name>[^\n]{2,60}?)\s*\.?\s*$", re.I)
_PHOTO = re.compile(
    r"(?:\(?\s*(?:image|photo|picture|video|file\s+photo|graphic)s?\s*(?:source|credit|courtesy)?\s*[:|]\s*"
    r"(?P<name>[A-Za-z][\w.&' -]{1,40}?)(?=\s*(?:/|\||$|\)|,|\s[A-Z][a-z]))|"
    r"(?P<getty>[A-Z][\w.&' -]{1,40}?)\s+via\s+Getty\s+Images)", re.I)
_DISCLAIMER = re.compile(
    r"auto(?:matically)?[-\s]?generated|generated\s+automatically|"
    r"(?:syndicated|press[-\s]release|wire|agency)\s+(?:news\s+)?feed|not\s+(?:been\s+)?(?:edited|reviewed)\s+by|"
    r"(?:holds?\s+no|(?:is|are)\s+not|not)\s+responsib|published\s+from\s+(?:a|an)\s+(?:agency|wire)\s+feed", re.I)
_SPLIT_LIST = re.compile(r"\s*(?:,|/|&|\band\b)\s*")
_UNNAMED = re.compile(r"^(?:(?:the\s+)?news\s+)?agenc(?:y|ies)$|^wires?$|^agencies\s+reports?$", re.I)


@dataclass(frozen=True, slots=True)
class Credit:
    span: Span
    text: str
    source: str
    kind: str  # dateline | byline | trailing | inputs | hat-tip | photo-credit
    confidence: float


def _resolve_list(lexicon: Lexicon, raw: str) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for part in _SPLIT_LIST.split(raw.strip()):
        part = part.strip(" .")
        bare = re.sub(r"^(?:the|our)\s+", "", part, flags=re.I)
        if not bare:
            continue
        if _UNNAMED.match(bare):
            out.append((UNNAMED_AGENCY, 0.9))
            continue
        hit = lexicon.resolve(part, fuzzy=False) or lexicon.resolve(bare)
        if hit:
            out.append((hit[0], 0.95 if hit[1] >= 99 else 0.8))
    return out


def _credits_from(lexicon: Lexicon, raw: str, base: int, text: str, kind: str) -> list[Credit]:
    return [Credit(Span(base, base + len(text)), text, name, kind, conf) for name, conf in _resolve_list(lexicon, raw)]


def dateline_credits(lexicon: Lexicon, text: str, first: Paragraph | None) -> list[Credit]:
    if first is None:
        return []
    m = _DATELINE.match(text, first.start, first.end)
    if not m:
        return []
    raw = m.group("agency") or m.group("wire") or ""
    return _credits_from(lexicon, raw, m.start(), m.group(), "dateline")


def line_credits(lexicon: Lexicon, text: str, para: Paragraph, is_tail: bool) -> list[Credit]:
    """Credits a whole line states: byline, inputs, hat tip, photo credit, and trailing credit at the end."""
    line = text[para.start:para.end]
    for pattern, kind in ((_INPUTS, "inputs"), (_HAT_TIP, "hat-tip"), (_BYLINE, "byline")):
        m = pattern.search(line) if kind == "inputs" else pattern.match(line)
        if m and (kind != "byline" or len(line.split()) <= 8):
            group = "list" if kind == "inputs" else "name"
            return _credits_from(lexicon, m.group(group), para.start, line, kind)
    if para.boilerplate == "caption" or _PHOTO.match(line):
        return photo_credits(lexicon, line, para.start)
    m = _TRAILING.match(line)
    if m and (is_tail or para.boilerplate == "credit"):
        raw = m.group("paren") or m.group("dash") or m.group("src")
        return _credits_from(lexicon, raw, para.start, line, "trailing")
    return []


def photo_credits(lexicon: Lexicon, text: str, base: int = 0) -> list[Credit]:
    out = []
    for m in _PHOTO.finditer(text):
        raw = m.group("name") or m.group("getty") or ""
        for name, conf in _resolve_list(lexicon, raw.split("/")[0]):
            if name != UNNAMED_AGENCY:
                out.append(Credit(Span(base + m.start(), base + m.end()), m.group(), name, "photo-credit", conf))
    return out


def is_derivative(text: str, paragraphs: Sequence[Paragraph]) -> bool:
    """An aggregator disclaimer says the whole document was taken from elsewhere."""
    return any(p.boilerplate == "disclaimer" and _DISCLAIMER.search(text[p.start:p.end]) for p in paragraphs)
