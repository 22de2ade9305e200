"""The versioned JSON report: a plain dict built from a ScanResult, serialised deterministically."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from dedupe.attribution.analysis import DocumentRecord
from dedupe.attribution.attribute import Attribution
from dedupe.attribution.claims import Claim
from dedupe.attribution.lexicon import UNNAMED_AGENCY, Lexicon
from dedupe.engine.pipeline import ScanResult
from dedupe.kinds import NEAR_DUPLICATE, PARTIAL_REUSE
from dedupe.models import Match, Passage
from dedupe.provenance.claimgroups import (
    LSH_BANDS,
    LSH_ROWS,
    MIN_CLAIM_WORDS,
    MIN_SHARED_WORDS,
    NEIGHBOURS,
    NUMBER_BONUS,
    SPREAD,
)
from dedupe.provenance.direction import Direction
from dedupe.provenance.facts import NAME_SHARE
from dedupe.provenance.stories import MIN_SHARED_CLAIMS, STRONG_LINK, ClaimGroup, Provenance, Story
from dedupe.text.normalize import TOKEN_UNITS, TOKENS

REPORT_SCHEMA_VERSION = "1.3"
_LIBRARIES = ("datasketch", "numpy", "rapidfuzz", "scikit-learn")


def _round(x: float) -> float:
    return round(float(x), 4)


def library_versions() -> dict[str, str]:
    versions = {}
    for name in _LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def parameters(result: ScanResult) -> dict[str, Any]:
    """Every setting that changes results (never the number of workers)."""
    layout, mc, rc = result.layout, result.config.match, result.config.read
    return {
        "mode": result.config.mode,
        "include": list(rc.include),
        "exclude": list(rc.exclude),
        "shingle_size": layout.shingle_size,
        "num_perm": layout.num_perm,
        "seed": layout.seed,
        "hash_scheme": layout.hash_scheme,
        "tokens": TOKENS,
        "token_units": TOKEN_UNITS,  # a passage is min_passage_words * token_units["word"] units long
        "repeated_line_documents": result.config.fingerprint.repeated_line_documents,
        "repeated_site_documents": result.config.fingerprint.repeated_site_documents,
        "shingle_hash": f"{layout.word_hash}-words-polynomial",
        "threshold": layout.threshold,
        "lsh_bands": layout.bands,
        "lsh_rows": layout.rows,
        "passage_words": layout.passage_words,
        "passage_step": layout.passage_step,
        "passage_threshold": layout.passage_threshold,
        "passage_lsh_bands": layout.passage_bands,
        "passage_lsh_rows": layout.passage_rows,
        "min_passage_words": mc.min_passage_words,
        "max_gap": mc.max_gap,
        "max_seed_occurrences": mc.max_seed_occurrences,
        "near_duplicate_coverage": mc.near_duplicate_coverage,
        "duplicate_group_rule": "near-duplicates, and matches covering at least copy_coverage of one side",
        "copy_coverage": mc.copy_coverage,
        "sources_files": [Path(p).name for p in result.config.attribution.sources_files],
        "lexicon_sha256": result.lexicon_sha256,
        "role_classifier": result.config.attribution.use_classifier,
        "story_threshold": result.config.provenance.story_threshold,
        "claim_threshold": result.config.provenance.claim_threshold,
        "claim_groups": {
            "grouping": "complete linkage, strongest links first, one line per document (a repeated line with all "
                        "its occurrences), at least two documents",
            "spread": SPREAD, "number_bonus": NUMBER_BONUS, "min_words": MIN_CLAIM_WORDS,
            "min_shared_words": MIN_SHARED_WORDS,
            "lsh_bands": LSH_BANDS, "lsh_rows": LSH_ROWS, "shingles": "content words cut to 5 letters",
            "neighbour_documents": NEIGHBOURS, "numbers": "one side's within the other's",
            "name_share": NAME_SHARE, "story_link": STRONG_LINK, "story_shared_claims": MIN_SHARED_CLAIMS,
        },
        "direction_margin": result.config.provenance.direction_margin,
        "libraries": library_versions(),
    }


def document_entry(r: DocumentRecord) -> dict[str, Any]:
    entry = {
        "id": r.id,
        "title": r.title,
        "published": r.published,
        "outlet": r.outlet,
        "url": r.url,
        "author": r.author,
        "record_id": r.record_id,
        "chars": r.chars,
        "sha256": r.sha256,
        "words": r.words,
        "body_span": [r.body_start, r.chars],
        "boilerplate": [{"kind": p.boilerplate, "span": [p.start, p.end]} for p in r.boilerplate],
        "credits": list(r.attribution.credits),
        "derivative": r.attribution.derivative,
        "archived": r.archived,
    }
    if r.encoding is not None:  # only for files not in UTF-8: reports of UTF-8 inputs keep their bytes
        entry["encoding"] = r.encoding
    return entry


def attribution_entry(a: Attribution) -> dict[str, Any]:
    return {
        "document": a.document, "span": a.span.as_list(), "text": a.text, "source": a.source, "kind": a.kind,
        "role": a.role, "via": list(a.via), "confidence": _round(a.confidence),
    }


def claim_entry(c: Claim, provenance: Provenance) -> dict[str, Any]:
    return {
        "id": c.id, "document": c.document, "span": c.span.as_list(), "text": c.text, "source": c.source,
        "basis": c.basis, "via": list(c.via), "also_sources": list(c.also), "unverified": c.unverified,
        "attribution_span": c.attribution.as_list() if c.attribution else None,
        "group": provenance.group_of.get(c.id), "original_source": provenance.original_source.get(c.id),
    }


def _source_meta(name: str, lexicon: Lexicon | None) -> tuple[str, str | None]:
    if name == UNNAMED_AGENCY:
        return "unnamed-agency", None
    if name.startswith("state media of "):
        return "state-media", name.removeprefix("state media of ")
    entry = lexicon.get(name) if lexicon else None
    return (entry.kind, entry.country) if entry else ("unknown", None)


def sources_entries(claims: list[Claim], provenance: Provenance, lexicon: Lexicon | None) -> list[dict[str, Any]]:
    """Claims grouped by their original source across documents (a claim group counts for the source that
    first said it) and, where that is the claim's own source, under each other source its sentence names with it
    (``also_sources``); most claims first, then by name."""
    grouped: dict[str, list[Claim]] = {}
    for c in claims:
        original = provenance.original_source.get(c.id, c.source)
        if original is not None:
            for name in (original, *c.also) if original == c.source else (original,):
                grouped.setdefault(name, []).append(c)
    out = []
    for name, group in grouped.items():
        kind, country = _source_meta(name, lexicon)
        groups = sorted({provenance.group_of[c.id] for c in group if c.id in provenance.group_of}, key=_number)
        out.append({
            "name": name, "kind": kind, "country": country, "claim_groups": groups,
            "claims": [c.id for c in group], "documents": sorted({c.document for c in group}),
        })
    return sorted(out, key=lambda e: (-len(e["claims"]), e["name"]))


def _number(ident: str) -> int:
    return int(ident.rsplit("-", 1)[1])


def direction_entry(d: Direction) -> dict[str, Any]:
    return {
        "status": "decided" if d.source else "unknown", "source": d.source, "copy": d.copy,
        "score": _round(d.score),
        "evidence": [{"kind": e.kind, "favours": e.favours, "detail": e.detail} for e in d.evidence],
    }


def story_entry(s: Story) -> dict[str, Any]:
    nodes = sorted({n for e in s.edges for n in (e.start, e.end)} | set(s.documents))
    return {
        "id": s.id, "documents": list(s.documents),
        "origin": {"document": s.origin_document, "source": s.origin_source, "evidence": s.origin_evidence},
        "custody": {
            "nodes": [{"id": n, "kind": "source" if n.startswith("source:") else "document"} for n in nodes],
            "edges": [{"from": e.start, "to": e.end, "kind": e.kind, "evidence": e.evidence} for e in s.edges],
        },
        "claim_groups": list(s.claim_groups),
    }


def claim_group_entry(g: ClaimGroup, claims: dict[str, Claim]) -> dict[str, Any]:
    return {
        "id": g.id, "story": g.story, "original_source": g.original_source, "basis": g.basis,
        "occurrences": [
            {"claim": c.id, "document": c.document, "span": c.span.as_list(), "source": c.source, "via": list(c.via)}
            for c in (claims[i] for i in g.claims)
        ],
    }


def _passage(p: Passage) -> dict[str, Any]:
    return {"a_span": p.a_span.as_list(), "b_span": p.b_span.as_list(), "words": p.tokens}


def match_entry(m: Match, d: Direction) -> dict[str, Any]:
    return {
        "a": m.a,
        "b": m.b,
        "kind": m.kind,
        "similarity": _round(m.similarity),
        "estimated_similarity": _round(m.estimated_similarity),
        "containment": {"a_in_b": _round(m.containment_a_in_b), "b_in_a": _round(m.containment_b_in_a)},
        "coverage": {"a": _round(m.coverage_a), "b": _round(m.coverage_b)},
        "passages": [_passage(p) for p in m.passages],
        "direction": direction_entry(d),
    }


def build_report(result: ScanResult, tool_version: str) -> dict[str, Any]:
    return _report(result, tool_version, list)


def report_chunks(result: ScanResult, tool_version: str) -> Iterator[str]:
    """``report_json(build_report(result, tool_version))`` in pieces, the entries of the sections that grow with
    the corpus (documents, matches, attributions, claims, stories, claim groups) built as they are written: a
    million documents' entries are never held at once."""
    return json_chunks(_report(result, tool_version, iter))


_Entries = Iterable[dict[str, Any]]


def _report(result: ScanResult, tool_version: str, held: Callable[[_Entries], _Entries]) -> dict[str, Any]:
    """The report; ``held`` makes the entries of the large sections a list, or an iterator (``json_chunks``)."""
    prov = result.provenance
    claims = [c for r in result.documents for c in r.claims]
    by_id = {c.id: c for c in claims}
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": {"name": "dedupe", "version": tool_version},
        "parameters": parameters(result),
        "summary": _summary(result, claims),
        "documents": held(document_entry(r) for r in result.documents),
        "matches": held(match_entry(m, d) for m, d in zip(result.matches, prov.directions, strict=True)),
        "duplicate_groups": [{"documents": list(g)} for g in result.duplicate_groups],
        "attributions": held(attribution_entry(x) for r in result.documents for x in r.attribution.attributions),
        "claims": held(claim_entry(c, prov) for c in claims),
        "stories": held(story_entry(s) for s in prov.stories),
        "claim_groups": held(claim_group_entry(g, by_id) for g in prov.claim_groups),
        "sources": sources_entries(claims, prov, result.lexicon),
        "errors": [{"path": e.path, "kind": e.kind, "message": e.message} for e in result.errors],
    }


def _summary(result: ScanResult, claims: list[Claim]) -> dict[str, Any]:
    prov = result.provenance
    return {
        "files": result.files,
        "documents": len(result.documents),
        "errors": len(result.errors),
        "matches": len(result.matches),
        "near_duplicates": sum(m.kind == NEAR_DUPLICATE for m in result.matches),
        "partial_reuse": sum(m.kind == PARTIAL_REUSE for m in result.matches),
        "duplicate_groups": len(result.duplicate_groups),
        "claims": len(claims),
        "attributed_claims": sum(c.source is not None for c in claims),
        "directions_decided": sum(d.source is not None for d in prov.directions),
        "stories": len(prov.stories),
        "claim_groups": len(prov.claim_groups),
    }


def report_json(report: dict[str, Any]) -> str:
    """Deterministic serialisation: same report, same bytes. Top-level lists hold one entry per line (written
    by the C encoder: a report of a million documents stays quick to write, and easy to grep)."""
    return "".join(json_chunks(report))


def json_chunks(report: dict[str, Any]) -> Iterator[str]:
    """``report_json``'s text in pieces, one per entry of a top-level list; such a list may also be an iterator,
    whose entries are serialised as they come."""
    yield "{\n"
    for n, (key, value) in enumerate(report.items()):
        name = json.dumps(key)
        entries = iter(value) if isinstance(value, list | Iterator) else iter(())
        first = next(entries, _NONE)
        if n:
            yield ",\n"
        if first is _NONE:
            yield f"  {name}: " + json.dumps([] if isinstance(value, Iterator) else value, indent=2,
                                              ensure_ascii=False).replace("\n", "\n  ")
            continue
        yield f"  {name}: [\n" + _line(first)
        for entry in entries:
            yield ",\n" + _line(entry)
        yield "\n  ]"
    yield "\n}\n"


_NONE = object()


def entry_encoder() -> Callable[[Any], str]:
    """``json.dumps(v, ensure_ascii=False, separators=(", ", ": "))`` of one entry: the C encoder made once
    (``JSONEncoder.encode`` makes one per call, most of the time of a small entry), as ``encode`` makes it; where
    there is no C encoder, ``encode`` itself. It keeps no table of the containers being encoded (report entries
    hold no cycles), so one encoder serves every call, also after an entry that failed."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    make: Any = getattr(json.encoder, "c_make_encoder", None)  # not in the type stubs
    if make is None:
        return encoder.encode
    encode = make(None, encoder.default, json.encoder.encode_basestring, None, encoder.key_separator,
                  encoder.item_separator, encoder.sort_keys, encoder.skipkeys, encoder.allow_nan)
    return lambda value: "".join(encode(value, 0))


_ENTRY = entry_encoder()


def _line(entry: Any) -> str:
    return "    " + _ENTRY(entry)
