"""Provenance: direction of every match, stories, chains of custody and claims by original source.

Inputs are the per-document analyses and the verified matches; nothing here reads files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise

from dedupe.analysis import Analysis
from dedupe.claimgroups import ClaimLink, candidate_stories, claim_groups, link_claims
from dedupe.claims import Claim
from dedupe.cluster import connected_groups
from dedupe.config import ProvenanceConfig
from dedupe.direction import Direction, Side, direction, parse_published
from dedupe.lexicon import UNNAMED_AGENCY, Lexicon
from dedupe.models import Match


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    id: str
    story: str | None
    claims: tuple[str, ...]  # claim ids in document order
    original_source: str | None
    basis: str  # relay-root | credit | unnamed | outlet | none


@dataclass(frozen=True, slots=True)
class CustodyEdge:
    start: str  # node ids: a document id, or "source:<name>"
    end: str
    kind: str  # reuse | credit | relay
    evidence: str


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    documents: tuple[str, ...]
    origin_document: str
    origin_source: str | None
    origin_evidence: str
    edges: tuple[CustodyEdge, ...]
    claim_groups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    directions: tuple[Direction, ...]  # one per match, same order
    stories: tuple[Story, ...]
    claim_groups: tuple[ClaimGroup, ...]
    original_source: dict[str, str | None]  # claim id -> original source (group's, else its own)
    group_of: dict[str, str]  # claim id -> claim group id


def source_node(name: str) -> str:
    return f"source:{name}"


def _side(a: Analysis, lexicon: Lexicon) -> Side:
    outlet = lexicon.canonical(a.document.outlet)
    cited = frozenset(n for c in a.claims if c.basis in ("inline", "anaphora", "paragraph")
                      for n in (c.source, *c.via) if n)
    return Side(a.document.id, outlet, a.document.published, a.attribution.credits, cited, a.attribution.derivative)


def _original_source(group: Sequence[Claim], origin_outlet: str | None) -> tuple[str | None, str]:
    """The most upstream named source of a claim's occurrences: one that no occurrence relays."""
    named = [c.source for c in group if c.source not in (None, UNNAMED_AGENCY)]
    relayed = {v for c in group for v in c.via}
    roots = [n for n in named if n not in relayed]
    if roots:
        counts = Counter(roots)
        best = min(counts, key=lambda n: (-counts[n], n))
        inline = any(c.source == best and c.basis != "document-credit" for c in group)
        return best, "relay-root" if inline or relayed else "credit"
    if named:
        return sorted(named)[0], "credit"
    if any(c.source == UNNAMED_AGENCY for c in group):
        return UNNAMED_AGENCY, "unnamed"
    return (origin_outlet, "outlet") if origin_outlet else (None, "none")


def _date_key(published: str | None) -> datetime:
    return parse_published(published) or datetime.max


def _origin(docs: Sequence[str], directions: Sequence[tuple[Match, Direction]],
            by_id: dict[str, Analysis]) -> tuple[str, str]:
    sources = {d.source for _, d in directions if d.source}
    copies = {d.copy for _, d in directions if d.copy}
    roots = sorted(sources - copies)
    if len(roots) == 1:
        return roots[0], "the only document that others copy and that copies none"
    pool = roots or list(docs)
    degree = Counter(x for m, _ in directions for x in (m.a, m.b))
    best = min(pool, key=lambda d: (_date_key(by_id[d].document.published), -degree[d], d))
    return best, "earliest published" + (" of the uncopied sources" if roots else "") + ", then most matches"


def _custody(docs: Sequence[str], directions: Sequence[tuple[Match, Direction]],
             by_id: dict[str, Analysis]) -> tuple[CustodyEdge, ...]:
    edges: dict[tuple[str, str, str], str] = {}
    for _, d in directions:
        if d.source and d.copy:
            edges.setdefault((d.source, d.copy, "reuse"), ", ".join(e.kind for e in d.evidence))
    for doc in docs:
        a = by_id[doc]
        for credit in a.attribution.credits:
            edges.setdefault((source_node(credit), doc, "credit"), "credit line")
        for c in a.claims:
            chain = [n for n in (c.source, *c.via) if n]
            for up, down in pairwise(chain):
                edges.setdefault((source_node(up), source_node(down), "relay"), f"{down} relays {up}")
    return tuple(CustodyEdge(s, e, k, ev) for (s, e, k), ev in sorted(edges.items()))


MIN_SHARED_CLAIMS = 2  # claims a document must share with a story to join it without a reuse match


def assign_stories(reuse: Sequence[tuple[str, str]], shared: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Stories: documents connected by reuse; a document without reuse joins the story it shares the most
    claims with (at least MIN_SHARED_CLAIMS). Two reuse clusters never merge through shared claims alone:
    press-release boilerplate or a stock phrase is not a common story."""
    cores = connected_groups(reuse)
    core_of = {d: n for n, docs in enumerate(cores) for d in docs}
    counts: Counter[tuple[str, int | str]] = Counter()
    for a, b in shared:
        for x, y in ((a, b), (b, a)):
            if x not in core_of:
                counts[(x, core_of.get(y, y))] += 1
    options_of: dict[str, list[tuple[int, int | str]]] = {}
    for (x, target), n in counts.items():
        if n >= MIN_SHARED_CLAIMS:
            options_of.setdefault(x, []).append((n, target))
    members: dict[int | str, set[str]] = {n: set(docs) for n, docs in enumerate(cores)}
    loose: list[tuple[str, str]] = []
    for doc, options in sorted(options_of.items()):
        cores_only = [(n, t) for n, t in options if isinstance(t, int)]
        if cores_only:
            members[max(cores_only, key=lambda o: (o[0], -int(o[1])))[1]].add(doc)
        else:
            loose += [(doc, str(t)) for _, t in options]
    stories = [sorted(m) for m in members.values()] + connected_groups(loose)
    return sorted((s for s in stories if len(s) >= 2), key=lambda s: s[0])


def _same_story(story_of: dict[str, str], claim_by_id: dict[str, Claim], link: ClaimLink) -> bool:
    a, b = claim_by_id[link.a].document, claim_by_id[link.b].document
    return a in story_of and story_of.get(a) == story_of.get(b)


def build_provenance(analyses: Sequence[Analysis], matches: Sequence[Match], lexicon: Lexicon,
                     config: ProvenanceConfig) -> Provenance:
    by_id = {a.document.id: a for a in analyses}
    sides = {a.document.id: _side(a, lexicon) for a in analyses}
    directions = tuple(direction(m, sides[m.a], sides[m.b], config.direction_margin) for m in matches)
    claims = [c for a in analyses for c in a.claims]
    claim_by_id = {c.id: c for c in claims}
    candidates = [] if not claims else candidate_stories([a.document.id for a in analyses],
                                   [a.document.text[a.document.body_start:] for a in analyses],
                                   [(m.a, m.b) for m in matches], config.story_threshold)
    links = link_claims(claims, candidates, config.claim_threshold)
    story_docs = assign_stories([(m.a, m.b) for m in matches],
                                [(claim_by_id[x.a].document, claim_by_id[x.b].document) for x in links])
    story_of = {d: f"story-{n + 1}" for n, docs in enumerate(story_docs) for d in docs}
    raw_groups = claim_groups([x for x in links if _same_story(story_of, claim_by_id, x)])
    stories: list[Story] = []
    origin_outlet: dict[str, str | None] = {}
    matches_of: dict[str, list[tuple[Match, Direction]]] = defaultdict(list)
    for m, d in zip(matches, directions, strict=True):
        if m.a in story_of:
            matches_of[story_of[m.a]].append((m, d))
    for n, docs in enumerate(story_docs):
        sid = f"story-{n + 1}"
        inside = matches_of[sid]
        origin, why = _origin(docs, inside, by_id)
        credits = by_id[origin].attribution.credits
        origin_outlet[sid] = credits[0] if credits else sides[origin].outlet
        stories.append(Story(sid, tuple(docs), origin, origin_outlet[sid], why, _custody(docs, inside, by_id), ()))
    groups: list[ClaimGroup] = []
    for n, ids in enumerate(raw_groups):
        members = [claim_by_id[i] for i in ids]
        story = story_of.get(members[0].document)
        original, basis = _original_source(members, origin_outlet.get(story) if story else None)
        groups.append(ClaimGroup(f"claim-group-{n + 1}", story, tuple(ids), original, basis))
    stories = [_with_groups(s, groups) for s in stories]
    group_of = {c: g.id for g in groups for c in g.claims}
    original_of = {g.id: g.original_source for g in groups}
    originals = {c.id: original_of[group_of[c.id]] if c.id in group_of else c.source for c in claims}
    return Provenance(directions, tuple(stories), tuple(groups), originals, group_of)


def _with_groups(story: Story, groups: Sequence[ClaimGroup]) -> Story:
    return replace(story, claim_groups=tuple(g.id for g in groups if g.story == story.id))
