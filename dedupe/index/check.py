"""Checking an incoming batch against the archive of documents seen before (the persistent index).

The batch is compared with itself and with archived documents that share an LSH band key with it;
archived candidates are re-analysed from their stored text so that every match carries the same
evidence (passages, direction, credits) as in a scan. Findings name what a CI job may fail on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from dedupe.attribution.analysis import Analysis, analyse_batch, lexicon_for
from dedupe.attribution.lexicon import UNNAMED_AGENCY, Lexicon
from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout, pairs_in_batch
from dedupe.engine.pipeline import (
    Progress,
    ScanResult,
    analyse_with_keys,
    corpus_repeated,
    finish_scan,
    read_documents,
)
from dedupe.index.store import AddResult, IndexStats, IndexStore, open_index
from dedupe.kinds import DERIVATIVE, FINDING_KINDS, NEAR_DUPLICATE, UNATTRIBUTED_REUSE, UNKNOWN_DIRECTION
from dedupe.models import Document, Match, ReadError
from dedupe.provenance.stories import Provenance

ARCHIVE_PREFIX = "archive:"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # one of FINDING_KINDS
    document: str  # the incoming document
    other: str | None  # the document it reuses (an archived id starts with "archive:")
    evidence: str
    exact: bool = False  # the same body text, character for character (a verbatim copy)


@dataclass(frozen=True, slots=True)
class CheckResult:
    scan: ScanResult  # incoming documents and the archived documents they matched
    findings: tuple[Finding, ...]
    seen_before: tuple[str, ...]  # incoming documents already indexed as the same publication (same_document)
    index_before: IndexStats
    added: AddResult | None


def _pair(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _archived(index: IndexStore, rowids: Sequence[int | str],
              taken: set[str]) -> tuple[list[tuple[int | str, Document]], dict[str, str], list[ReadError]]:
    """Archived texts by row id (as their first publication), with ids that cannot collide with incoming ones;
    what to say about each one in a finding (when and where it was published, in which batch indexed); and the
    stored texts that could not be read."""
    docs, about = [], {}
    loaded, errors = index.load(rowids)
    for a in loaded:
        doc_id = f"{ARCHIVE_PREFIX}{a.document.id}"
        if doc_id in taken:
            doc_id = f"{doc_id}@{a.rowid}"
        taken.add(doc_id)
        docs.append((a.rowid, replace(a.document, id=doc_id, archived=True)))
        more = f", +{a.publications - 1} later publication(s)" if a.publications > 1 else ""
        about[doc_id] = (f"archived {a.document.id} ({a.document.outlet or 'outlet unknown'}, published "
                         f"{a.document.published or 'unknown'}, indexed in batch {a.batch}{more})")
    return docs, about, errors


def _exact(x: Document, y: Document) -> bool:
    return x.text[x.body_start:].strip() == y.text[y.body_start:].strip()


def _names_outlet(text: str, outlet: str | None) -> bool:
    """An outlet the lexicon does not know, named in a credit ("(Meridian)", "inputs from Meridian") or in full."""
    if not outlet:
        return False
    if re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", text, re.I):
        return True
    first = outlet.split()[0]
    if len(first) < 4 or not first[0].isupper():
        return False
    word = re.escape(first)
    return re.search(rf"\(\s*{word}\b[^)]{{0,30}}\)|inputs?\s+from\s+(?:the\s+)?{word}\b|"
                     rf"(?:courtesy|source|credit)\s*:\s*{word}\b", text, re.I) is not None


def _credits(x: Analysis, y: Analysis, lexicon: Lexicon) -> bool:
    """Does x credit y's outlet or one of y's own credited sources?"""
    names = {lexicon.canonical(y.document.outlet), y.document.outlet, *y.attribution.credits}
    names -= {None, UNNAMED_AGENCY}
    said = set(x.attribution.credits) | {n for c in x.claims for n in (c.source, *c.via, *c.also) if n}
    return bool(names & said) or _names_outlet(x.document.text[x.document.body_start:], y.document.outlet)


def _reuse_findings(m: Match, copy: Analysis, source: Analysis, lexicon: Lexicon, why: str) -> list[Finding]:
    exact = _exact(copy.document, source.document)
    what = "exact copy (the same text)" if exact else f"{len(m.passages)} shared passages"
    out = [Finding(m.kind, copy.document.id, source.document.id, f"{why}; Jaccard {m.similarity:.2f}, {what}",
                   exact)]
    same_outlet = lexicon.canonical(copy.document.outlet) == lexicon.canonical(source.document.outlet)
    known_origin = bool(source.document.outlet or source.attribution.credits)  # else nothing to credit
    if known_origin and not same_outlet and not _credits(copy, source, lexicon):
        named = source.document.outlet or "its outlet"
        out.append(Finding(UNATTRIBUTED_REUSE, copy.document.id, source.document.id,
                           f"reuses text of {source.document.id} ({named}) without crediting {named} "
                           f"or its sources {list(source.attribution.credits) or '[]'}"))
    return out


def findings_for(analyses: Sequence[Analysis], matches: Sequence[Match], provenance: Provenance,
                 lexicon: Lexicon, about: dict[str, str] | None = None,
                 seen: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings on incoming documents; ``about`` describes archived documents (by id) for the evidence. An
    incoming document in ``seen`` (already indexed as the same publication) gets no finding: like an archived
    one, it is only the source of findings on the others."""
    by_id = {a.document.id: a for a in analyses}
    about = about or {}
    known = {a.document.id for a in analyses if a.document.archived} | seen
    out: list[Finding] = []
    for m, d in zip(matches, provenance.directions, strict=True):
        a, b = by_id[m.a], by_id[m.b]
        if m.a in known and m.b in known:
            continue
        if m.a in known or m.b in known:
            old, new = (a, b) if m.a in known else (b, a)
            why = about.get(old.document.id, f"{old.document.id} is already indexed")
            out += _reuse_findings(m, new, old, lexicon, why)
        elif d.source is not None and d.copy is not None:
            out += _reuse_findings(m, by_id[d.copy], by_id[d.source], lexicon,
                                   "direction: " + ", ".join(e.kind for e in d.evidence))
        else:  # two incoming texts, direction unknown: report the pair once, on the second id
            exact = _exact(a.document, b.document)
            out.append(Finding(m.kind, m.b, m.a, f"{UNKNOWN_DIRECTION}; Jaccard {m.similarity:.2f}"
                               + (", exact copy (the same text)" if exact else ""), exact))
    for a in analyses:
        if a.attribution.derivative and a.document.id not in known:
            out.append(Finding(DERIVATIVE, a.document.id, None, "aggregator disclaimer in the text"))
    out += _unmatched_copies(analyses, out, known, about)
    return sorted(set(out), key=lambda f: (f.document, FINDING_KINDS.index(f.kind), f.other or ""))


def _unmatched_copies(analyses: Sequence[Analysis], findings: Sequence[Finding], known: set[str],
                      about: dict[str, str]) -> list[Finding]:
    """Verbatim copies that no match covers (too short to share a passage) are near-duplicates all the same:
    each new document whose body is the same as an earlier one's (known documents first) gets a finding."""
    linked = {(f.document, f.other) for f in findings} | {(f.other, f.document) for f in findings}
    first: dict[str, str] = {}
    out = []
    for a in sorted(analyses, key=lambda a: (a.document.id not in known, a.document.id)):
        body = a.document.text[a.document.body_start:].strip()
        source = first.setdefault(hashlib.sha256(body.encode("utf-8")).hexdigest(), a.document.id)
        if source != a.document.id and a.document.id not in known and (a.document.id, source) not in linked:
            why = about.get(source, f"the same text as {source}")
            out.append(Finding(NEAR_DUPLICATE, a.document.id, source,
                               f"{why}; Jaccard 1.00, exact copy (the same text, too short to compare passages)",
                               True))
    return out


def _with_own_text(index: IndexStore, doc: Document, candidates: Sequence[int]) -> list[int | str]:
    """Archived texts sharing a band key with ``doc`` (``candidates``), and its own text when that is stored (a
    verbatim copy)."""
    rows: list[int | str] = list(candidates)
    same = index.text_row(doc.text)
    return sorted({*rows, same}) if same is not None else rows


def check(paths: Iterable[str | Path], db: str | Path, config: ScanConfig | None = None, *, update: bool = False,
          batch: str = "batch", progress: Progress | None = None, stdin: BinaryIO | None = None) -> CheckResult:
    """Compare an incoming batch with the index at ``db``; with ``update``, add the batch afterwards.

    Without ``update`` the index is opened read-only and must exist (IndexMissingError).
    """
    config = config or ScanConfig()
    layout = LSHLayout.from_config(config)
    read = read_documents(paths, config, stdin)
    with open_index(db, layout, write=update) as index:  # before the long analysis
        lexicon = lexicon_for(config.attribution)
        repeated, carriers = corpus_repeated(read.documents, config.fingerprint, config.workers, progress)
        incoming, keys = analyse_with_keys(read.documents, config, layout, config.workers, progress, repeated,
                                           carriers)
        inside = pairs_in_batch(keys)  # pairs within the batch
        before = index.stats()
        seen = tuple(a.document.id for a in incoming if index.seen(a.document))
        new = [(a.document, k) for a, k in zip(incoming, keys, strict=True) if a.document.id not in seen]
        found = index.candidates_of([k for _, k in new])
        wanted = {d.id: _with_own_text(index, d, rows) for (d, _), rows in zip(new, found, strict=True)}
        loaded, about, damaged = _archived(index, sorted({r for rows in wanted.values() for r in rows}),
                                           {a.document.id for a in incoming})
        archived, _ = analyse_batch([d for _, d in loaded], config, layout)
        analyses = sorted(incoming + archived, key=lambda a: a.document.id)
        position = {a.document.id: n for n, a in enumerate(analyses)}
        archived_at = {rowid: position[d.id] for rowid, d in loaded}
        pairs = {_pair(position[x], archived_at[r]) for x, rows in wanted.items() for r in rows if r in archived_at}
        pairs |= {_pair(position[incoming[i].document.id], position[incoming[j].document.id]) for i, j in inside}
        read = replace(read, errors=tuple(sorted(read.errors + tuple(damaged), key=lambda e: (e.path, e.kind))))
        result = finish_scan(config, layout, read, analyses, sorted(pairs), progress)
        findings = findings_for(result.analyses, result.matches, result.provenance, lexicon, about, frozenset(seen))
        added = index.add(zip([a.document for a in incoming], keys, strict=True), batch) if update else None
    return CheckResult(result, tuple(findings), seen, before, added)
