"""Direction of reuse for a matched pair: which document is the source, from recorded evidence.

Each piece of evidence favours one side with a weight; the side with the larger total is the
source when the margin reaches ``ProvenanceConfig.direction_margin``, else the direction is unknown.
Evidence (strongest first):

- ``credit``: one document credits the other's outlet, or cites it as a source ("PTI" credited by a
  portal whose text matches PTI's own story);
- ``derivative``: one side carries an aggregator disclaimer and the other does not;
- ``published``: one side was published earlier;
- ``containment``: one side has text the other lacks where copies usually lose it (the longer side of
  a near-duplicate pair is the source; the more-covered side of a partial reuse is the source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dedupe.kinds import NEAR_DUPLICATE
from dedupe.models import Match

WEIGHTS = {"credit": 2.0, "derivative": 1.5, "published": 1.0, "containment": 0.5}
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?")
_COVERAGE_GAP = 0.15


@dataclass(frozen=True, slots=True)
class Side:
    """What direction needs to know about one document."""

    id: str
    outlet: str | None  # canonical name where the lexicon knows it, else as written
    published: str | None
    credits: tuple[str, ...]
    cited: frozenset[str]  # sources its claims are attributed to, relays included
    derivative: bool


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str
    favours: str  # the document this evidence says is the source
    detail: str


@dataclass(frozen=True, slots=True)
class Direction:
    source: str | None
    copy: str | None
    evidence: tuple[Evidence, ...]
    score: float  # weight for the chosen source minus weight against it (0 when unknown)


def parse_published(value: str | None) -> datetime | None:
    """ISO date or date-time prefix of a published field; None when it is not one."""
    m = _DATE.match(value.strip()) if value else None
    if m is None:
        return None
    try:
        return datetime.fromisoformat(m.group(1) + (f"T{m.group(2)}" if m.group(2) else ""))
    except ValueError:
        return None


def _published(a: Side, b: Side) -> list[Evidence]:
    da, db = parse_published(a.published), parse_published(b.published)
    if da is None or db is None or da == db:
        return []
    # a date without a time says nothing against a date-time on the same day
    if da.date() == db.date() and (da.time() == datetime.min.time() or db.time() == datetime.min.time()):
        return []
    first, other = (a, b) if da < db else (b, a)
    return [Evidence("published", first.id, f"published {first.published}, the other {other.published}")]


def _credits(a: Side, b: Side) -> list[Evidence]:
    """A document that credits or cites the other's outlet took from it (mutual credits cancel out)."""
    out = []
    for x, y in ((a, b), (b, a)):
        if x.outlet and x.outlet != y.outlet and (x.outlet in y.credits or x.outlet in y.cited):
            how = "credits" if x.outlet in y.credits else "cites"
            out.append(Evidence("credit", x.id, f"{y.id} {how} {x.outlet}"))
    return out


def _derivative(a: Side, b: Side) -> list[Evidence]:
    if a.derivative == b.derivative:
        return []
    original, copy = (b, a) if a.derivative else (a, b)
    return [Evidence("derivative", original.id, f"{copy.id} carries an aggregator disclaimer")]


def _containment(m: Match) -> list[Evidence]:
    if abs(m.coverage_a - m.coverage_b) < _COVERAGE_GAP:
        return []
    if m.kind == NEAR_DUPLICATE:  # copies trim: the side with text the other lacks came first
        source = m.a if m.coverage_a < m.coverage_b else m.b
        detail = "the other side is a trimmed subset"
    else:  # partial reuse: the side mostly found in the other was taken into a longer text
        source = m.a if m.coverage_a > m.coverage_b else m.b
        detail = "most of it reappears inside the other, longer text"
    return [Evidence("containment", source, f"coverage {m.coverage_a:.2f}/{m.coverage_b:.2f}: {detail}")]


def direction(m: Match, a: Side, b: Side, margin: float) -> Direction:
    """Decide the source of a match (``a`` and ``b`` describe ``m.a`` and ``m.b``)."""
    evidence = _credits(a, b) + _derivative(a, b) + _published(a, b) + _containment(m)
    weight = {a.id: 0.0, b.id: 0.0}
    for e in evidence:
        weight[e.favours] += WEIGHTS[e.kind]
    score = weight[a.id] - weight[b.id]
    ordered = tuple(sorted(evidence, key=lambda e: (-WEIGHTS[e.kind], e.kind, e.favours)))
    if abs(score) < margin:
        return Direction(None, None, ordered, 0.0)
    source, copy = (a.id, b.id) if score > 0 else (b.id, a.id)
    return Direction(source, copy, ordered, abs(score))
