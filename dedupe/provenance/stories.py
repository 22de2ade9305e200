"""Provenance: direction of every match, stories, chains of custody and claims by original source.

Inputs are the per-document records (``DocumentRecord``: fields, attribution, claims) and the verified matches;
nothing here reads files.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise

from dedupe.attribution.analysis import DocumentRecord
from dedupe.attribution.claims import Claim
from dedupe.attribution.lexicon import UNNAMED_AGENCY, Lexicon
from dedupe.config import ProvenanceConfig
from dedupe.copies.cluster import connected_groups
from dedupe.models import Match
from dedupe.provenance.claimgroups import (
    NUMBER_BONUS,
    ClaimLink,
    LinkedClaims,
    claim_groups,
    link_claims,
    star_groups,
)
from dedupe.provenance.claimindex import claim_words
from dedupe.provenance.direction import Direction, Side, direction, parse_published
from dedupe.provenance.facts import YEAR, facts_of, names, scored_numbers, specifics


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


def _side(a: DocumentRecord, lexicon: Lexicon) -> Side:
    outlet = lexicon.canonical(a.outlet)
    cited = frozenset(n for c in a.claims if c.basis in ("inline", "anaphora", "paragraph")
                      for n in (c.source, *c.via) if n)
    return Side(a.id, outlet, a.published, a.attribution.credits, cited, a.attribution.derivative)


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
            by_id: dict[str, DocumentRecord]) -> tuple[str, str]:
    sources = {d.source for _, d in directions if d.source}
    copies = {d.copy for _, d in directions if d.copy}
    roots = sorted(sources - copies)
    if len(roots) == 1:
        return roots[0], "the only document that others copy and that copies none"
    pool = roots or list(docs)
    degree = Counter(x for m, _ in directions for x in (m.a, m.b))
    best = min(pool, key=lambda d: (_date_key(by_id[d].published), -degree[d], d))
    among = " of the uncopied sources" if roots else ""
    if parse_published(by_id[best].published) is None:  # no document of the pool has a date
        return best, f"most matches{among} (no publication dates), then first id"
    return best, f"earliest published{among}, then most matches"


def _custody(docs: Sequence[str], directions: Sequence[tuple[Match, Direction]],
             by_id: dict[str, DocumentRecord]) -> tuple[CustodyEdge, ...]:
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
STRONG_LINK = 0.5  # similarity of a shared claim that counts towards joining a story (a copied sentence)


def assign_stories(reuse: Sequence[tuple[str, str]], shared: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Stories: documents connected by reuse; a document without reuse joins the story it shares the most
    claims with (at least MIN_SHARED_CLAIMS). Two reuse clusters never merge through shared claims alone:
    press-release boilerplate or a stock phrase is not a common story. Documents without reuse form stories
    around a representative (``star_groups``): each member shares the claims with that document itself,
    so a chain of neighbours never becomes one story."""
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
    loose: dict[tuple[str, str], float] = {}
    for doc, options in sorted(options_of.items()):
        cores_only = [(n, t) for n, t in options if isinstance(t, int)]
        if cores_only:
            members[max(cores_only, key=lambda o: (o[0], -int(o[1])))[1]].add(doc)
        else:
            loose.update({(min(doc, str(t)), max(doc, str(t))): float(n) for n, t in options})
    joined = {d for m in members.values() for d in m}
    free = [(a, b, n) for (a, b), n in sorted(loose.items()) if a not in joined and b not in joined]
    stories = [sorted(m) for m in members.values()] + star_groups(free, lambda d: d, lambda d: d)
    return sorted((s for s in stories if len(s) >= 2), key=lambda s: s[0])


CROSS_STORY_LINK = 0.8  # PolNeAR train claim pairs: recall 0.56 -> 0.73 at precision 0.98 (0.7: precision 0.96)
SAME_EVENT = 0.3  # documents' cosine (``document_vectors``) of two reports of one event
# below it, a link between two reports of one event also needs a name, or a number of two digits or more that is
# no date, in both claims: real pairs of one blog's posts linked "Today, we're going to talk about why focus ..."
# and "Today, we're going to talk about how to adapt ..." (Zyte benchmark train pages: 14 such groups gone, 3
# restatements lost; PolNeAR train within-group same-claim share 0.907 -> 0.912, claim-pair recall unchanged;
# fixtures claim-group recall 0.853)
SAME_EVENT_LINK = 0.45
NAME_LINK_WORDS = 1  # content words besides the names that such a link's claims must also share
UNRELATED_DOCUMENTS_LINK = 0.6  # claim link needed inside a story between documents that are not SAME_EVENT
CROSS_STORY_WORDS = 3  # content words two claims of different stories must have in common
COPIED_LINE, COPIED_WORDS = 0.95, 5  # a line copied whole across stories: score and content words in common
STOCK_PHRASE_DOCUMENTS = 5  # a claim strongly linked into more documents is a stock phrase, not a story's


def _story_links(links: Sequence[ClaimLink], claim_by_id: dict[str, Claim]) -> list[tuple[str, str]]:
    """Document pairs of the strong links (>= STRONG_LINK) that may bring a document into a story: not those of
    a claim strongly linked into more than STOCK_PHRASE_DOCUMENTS documents (an editor's note, "It takes 1,237
    delegates to win"): a sentence every article of a series repeats does not make the series one event."""
    strong = [(claim_by_id[x.a], claim_by_id[x.b]) for x in links if x.similarity >= STRONG_LINK]
    reach: dict[str, set[str]] = defaultdict(set)
    for a, b in strong:
        reach[a.id].add(b.document)
        reach[b.id].add(a.document)
    return [(a.document, b.document) for a, b in strong
            if max(len(reach[a.id]), len(reach[b.id])) <= STOCK_PHRASE_DOCUMENTS]


class ClaimDates:
    """The claims by id, with each claim's numbers and days of a month found once, when first needed (a claim is
    in many links; the days only matter to a link whose claims share a number)."""

    def __init__(self, claim_by_id: dict[str, Claim]) -> None:
        self.claim_by_id = claim_by_id
        self._numbers: dict[str, frozenset[str]] = {}
        self._days: dict[str, frozenset[str]] = {}

    def numbers(self, claim_id: str) -> frozenset[str]:
        """The numbers of the claim's text that a link's score counts (``scored_numbers`` of its ``specifics``)."""
        found = self._numbers.get(claim_id)
        if found is None:
            found = self._numbers[claim_id] = scored_numbers(specifics(self.claim_by_id[claim_id].text))
        return found

    def days(self, claim_id: str) -> frozenset[str]:
        """``_days`` of the claim's text."""
        found = self._days.get(claim_id)
        if found is None:
            found = self._days[claim_id] = frozenset(_days(self.claim_by_id[claim_id].text))
        return found


def _groupable(story_of: dict[str, str], reused: set[tuple[str, str]], claims: ClaimDates, link: ClaimLink) -> bool:
    """A link may group two claims inside one story when their documents share a passage, or report the same
    event (documents' cosine >= SAME_EVENT) and the claims score SAME_EVENT_LINK or share a name or a number that
    is no date (``_share_a_specific``), or the claims score UNRELATED_DOCUMENTS_LINK; in any story when they
    share a passage no other document has (``ClaimLink.passage``); across stories otherwise only when nearly the
    same words (>= CROSS_STORY_LINK: a quote or a stock line repeated by unrelated articles).
    The last two scores leave out the bonus of a shared date (a year, a day of a month): "The Latest on campaign
    2016 ..." headers of an agency's live blogs on different nights are no one claim."""
    if link.passage:
        return True
    claim_a, claim_b = claims.claim_by_id[link.a], claims.claim_by_id[link.b]
    a, b = claim_a.document, claim_b.document
    if a in story_of and story_of.get(a) == story_of.get(b):
        if (min(a, b), max(a, b)) in reused:
            return True
        if link.documents >= SAME_EVENT and (link.similarity >= SAME_EVENT_LINK or _share_a_specific(link, claims)):
            return True
        low = link.similarity < UNRELATED_DOCUMENTS_LINK  # the score without dates is never above the similarity
        return not low and _without_dates(link, claims) >= UNRELATED_DOCUMENTS_LINK
    if link.similarity < CROSS_STORY_LINK:  # (as above) no date to look for
        return False
    score = _without_dates(link, claims)
    return score >= CROSS_STORY_LINK and _share_a_fact(claim_a.text, claim_b.text, score)


def _share_a_specific(link: ClaimLink, claims: ClaimDates) -> bool:
    """Both claims hold a number of two digits or more that is not a date ("could face up to 10 years" / "faces a
    maximum of 10 years") or a name ("Carlineo") with NAME_LINK_WORDS content words besides the names in common:
    one fact restated, not two stock lines of one site, nor one name in two facts of a roundup ("Gov. Asa Hutchinson
    has not issued a stay-at-home order" / "... may now reopen to the public, Gov. Asa Hutchinson said")."""
    shared = claims.numbers(link.a) & claims.numbers(link.b)
    if shared - _dates(link, claims, shared):
        return True
    text_a, text_b = claims.claim_by_id[link.a].text, claims.claim_by_id[link.b].text
    names_a, names_b = names(text_a), names(text_b)
    if not names_a & names_b:
        return False
    named = names_a | names_b
    beyond = {w for w in set(claim_words(text_a)) & set(claim_words(text_b)) if w[:4] not in named}
    return len(beyond) >= NAME_LINK_WORDS


def _dates(link: ClaimLink, claims: ClaimDates, shared: frozenset[str]) -> set[str]:
    """The years and days of a month among the numbers two linked claims share."""
    return {n for n in shared if YEAR.fullmatch(n)} | (claims.days(link.a) & claims.days(link.b))


def _without_dates(link: ClaimLink, claims: ClaimDates) -> float:
    """The link's score with the number bonus of its shared numbers other than years and days of a month
    ("contests on March 1" in two articles is when, not what)."""
    shared = claims.numbers(link.a) & claims.numbers(link.b)
    if not shared:  # no number in common: no date either
        return link.similarity
    dates = _dates(link, claims, shared)
    if not dates & shared:
        return link.similarity
    return link.similarity - NUMBER_BONUS * (min(len(shared), 2) - min(len(shared - dates), 2))


_MONTHS = ("January February March April May June July August September October November December "
           "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.")
_DAY = re.compile(rf"\b(?:{'|'.join(map(re.escape, _MONTHS.split()))}) (\d{{1,2}})(?![\d,.]\d)")


def _days(text: str) -> set[str]:
    """The days of a month in a text ("March 1", "Nov. 12")."""
    return set(_DAY.findall(text))


# what each story says of its own making: a reporter's request that went unanswered, a poll's margin of error or field
# dates. Two stories' lines are two requests, two polls, whoever was asked and whatever the figure
_OWN_MAKING = re.compile(
    r"\b(?:did\s+not|didn['\u2019]t|has\s+not|hasn['\u2019]t|had\s+not|could\s+not|couldn['\u2019]t|would\s+not|"
    r"declined\s+to|refused\s+to)\s+(?:immediately\s+)?(?:respond|reply|return|comment|be\s+reached)\b|"
    r"\brequests?\s+for\s+(?:comment|an\s+interview)\b|\bno\s+immediate\s+(?:comment|response)\b|"
    r"\bmargin\s+of\s+(?:sampling\s+)?error\b|\b(?:poll|survey)\s+(?:was\s+)?conducted\b", re.I)


def _share_a_fact(a: str, b: str, score: float = 0.0) -> bool:
    """A name or a number in common: "could not independently verify the claims" or "a replay will be available
    on the website" in two unrelated stories are stock lines about different things; but a line of COPIED_WORDS
    content words copied whole (``score`` >= COPIED_LINE) is one statement ("Subscribe here, and listen to the
    latest episode below."). And CROSS_STORY_WORDS content words in common: "I was against the war in Iraq" and
    "He said no to the Iraq war" share two. A request for comment that went unanswered ("Hope Hicks did not respond
    to a request for comment") or a poll's margin of error is each story's own (``_OWN_MAKING``), even with the same
    name or figure and the same words: such a line links two stories never (a copy is in the story it copies)."""
    fa, fb = facts_of(a), facts_of(b)
    shared = len(set(claim_words(a)) & set(claim_words(b)))
    if shared < CROSS_STORY_WORDS:
        return False
    if _OWN_MAKING.search(a) or _OWN_MAKING.search(b):
        return False
    return bool(fa.numbers & fb.numbers or fa.names & fb.names) or (score >= COPIED_LINE and shared >= COPIED_WORDS)


def _story_of_group(members: Sequence[Claim], story_of: dict[str, str]) -> str | None:
    """The story most of the group's documents belong to (the first such story on a tie)."""
    counts = Counter(story_of[c.document] for c in members if c.document in story_of)
    if not counts:
        return None
    return min(counts, key=lambda s: (-counts[s], int(s.rsplit("-", 1)[1])))


def _relays(members: Sequence[Claim]) -> set[tuple[str, str]]:
    """(upstream, downstream) pairs of names along the relay chains of a group's occurrences."""
    out: set[tuple[str, str]] = set()
    for c in members:
        chain = [n for n in (c.source, *c.via) if n]
        out |= {(up, down) for i, up in enumerate(chain) for down in chain[i + 1:]}
    return out


def claim_original(claim: Claim, group_original: str | None, relays: set[tuple[str, str]]) -> str | None:
    """A claim's original source: its group's, unless that contradicts the source the claim's own document
    names for it and no relay chain puts the group's source upstream of it."""
    own = claim.source
    if own is None or own == UNNAMED_AGENCY or group_original in (None, own) or (group_original, own) in relays:
        return group_original
    return own


def _story_origin(docs: Sequence[str], inside: Sequence[tuple[Match, Direction]], by_id: dict[str, DocumentRecord],
                  sides: dict[str, Side]) -> tuple[str, str | None, str]:
    """The origin document, the named source behind it and why: its first credit line, else its outlet
    when others are seen copying it and it copies none and is no aggregator; else no source."""
    origin, why = _origin(docs, inside, by_id)
    credits = by_id[origin].attribution.credits
    if credits:
        return origin, credits[0], f"{why}; source from its credit line"
    copied = {d.source for _, d in inside if d.source} - {d.copy for _, d in inside if d.copy}
    if origin in copied and not sides[origin].derivative and sides[origin].outlet:
        return origin, sides[origin].outlet, f"{why}; its outlet, copied by others"
    return origin, None, why


def build_provenance(records: Sequence[DocumentRecord], matches: Sequence[Match], lexicon: Lexicon,
                     config: ProvenanceConfig) -> Provenance:
    by_id = {r.id: r for r in records}
    claims = [c for r in records for c in r.claims]
    claim_by_id = {c.id: c for c in claims}
    linked = LinkedClaims((), None, {}, None) if not claims else link_claims(
        claims, [r.id for r in records], [(m.a, m.b) for m in matches], config.claim_threshold,
        config.story_threshold)
    shared = _story_links(linked.links, claim_by_id)
    story_docs = assign_stories([(m.a, m.b) for m in matches], shared)
    sided = {d for m in matches for d in (m.a, m.b)}.union(*story_docs)  # the documents directions and origins see
    sides = {d: _side(by_id[d], lexicon) for d in sided}
    directions = tuple(direction(m, sides[m.a], sides[m.b], config.direction_margin) for m in matches)
    story_of = {d: f"story-{n + 1}" for n, docs in enumerate(story_docs) for d in docs}
    reused = {(min(m.a, m.b), max(m.a, m.b)) for m in matches}
    dated = ClaimDates(claim_by_id)
    raw_groups = claim_groups([x for x in linked.links if _groupable(story_of, reused, dated, x)], linked.close,
                              linked.repeats, linked.line_of)
    stories, origin_source = _stories(story_docs, story_of, matches, directions, by_id, sides)
    groups: list[ClaimGroup] = []
    originals: dict[str, str | None] = {c.id: c.source for c in claims}
    for n, ids in enumerate(raw_groups):
        members = [claim_by_id[i] for i in ids]
        story = _story_of_group(members, story_of)
        original, basis = _original_source(members, origin_source.get(story) if story else None)
        groups.append(ClaimGroup(f"claim-group-{n + 1}", story, tuple(ids), original, basis))
        relays = _relays(members)
        originals.update({c.id: claim_original(c, original, relays) for c in members})
    groups_of: dict[str | None, list[str]] = defaultdict(list)
    for g in groups:
        groups_of[g.story].append(g.id)
    stories = [replace(s, claim_groups=tuple(groups_of[s.id])) for s in stories]
    group_of = {c: g.id for g in groups for c in g.claims}
    return Provenance(directions, tuple(stories), tuple(groups), originals, group_of)


def _stories(story_docs: Sequence[Sequence[str]], story_of: dict[str, str], matches: Sequence[Match],
             directions: Sequence[Direction], by_id: dict[str, DocumentRecord],
             sides: dict[str, Side]) -> tuple[list[Story], dict[str, str | None]]:
    matches_of: dict[str, list[tuple[Match, Direction]]] = defaultdict(list)
    for m, d in zip(matches, directions, strict=True):
        if m.a in story_of and story_of[m.a] == story_of.get(m.b):
            matches_of[story_of[m.a]].append((m, d))
    stories: list[Story] = []
    origin_source: dict[str, str | None] = {}
    for n, docs in enumerate(story_docs):
        sid = f"story-{n + 1}"
        inside = matches_of[sid]
        origin, source, why = _story_origin(docs, inside, by_id, sides)
        origin_source[sid] = source
        stories.append(Story(sid, tuple(docs), origin, source, why, _custody(docs, inside, by_id), ()))
    return stories, origin_source
