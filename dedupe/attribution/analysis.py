"""The per-document stages: segment, fingerprint, attribute, build claims."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dedupe.attribution.attribute import DocumentAttribution, attribute
from dedupe.attribution.claims import Claim, build_claims
from dedupe.attribution.lexicon import Lexicon, load_lexicon
from dedupe.attribution.roles import RoleClassifier, default_classifier
from dedupe.config import AttributionConfig, ScanConfig
from dedupe.copies.batch_sketches import DocumentSketch, sketch_documents
from dedupe.copies.boilerplate import document_seed, mark_repeated
from dedupe.copies.lsh import LSHLayout
from dedupe.models import Document, Paragraph, Sentence
from dedupe.text.segment import segment, sentences_of, split_paragraphs


@dataclass(frozen=True, slots=True)
class Analysis:
    """Per-document results of the stages that look at one document at a time."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    sketch: DocumentSketch  # word count and signature (word offsets and shingle hashes: for candidate pairs only)
    attribution: DocumentAttribution
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """What the report and provenance read of an analysed document: its fields, the length and digest of its text
    (not the text), its boilerplate paragraphs, attribution and claims. Small enough for a Dask client to gather
    millions (in copies mode the attribution and claims are empty); no token arrays, signatures or sentences."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    author: str | None
    record_id: str | None
    archived: bool
    encoding: str | None
    chars: int
    sha256: str  # of the text in UTF-8, hex
    body_start: int
    words: int  # fingerprinted words
    boilerplate: tuple[Paragraph, ...]  # the paragraphs with a boilerplate kind
    attribution: DocumentAttribution
    claims: tuple[Claim, ...]


def record_of(a: Analysis) -> DocumentRecord:
    """The record of an analysis (computed where the analysis is)."""
    d = a.document
    return DocumentRecord(d.id, d.title, d.published, d.outlet, d.url, d.author, d.record_id, d.archived, d.encoding,
                          len(d.text), hashlib.sha256(d.text.encode("utf-8")).hexdigest(), d.body_start,
                          a.sketch.words, tuple(p for p in a.paragraphs if p.boilerplate), a.attribution, a.claims)


def lexicon_for(config: AttributionConfig) -> Lexicon:
    """The lexicon: the shipped one extended with the user's source files; cached per process."""
    return load_lexicon(tuple(Path(p) for p in config.sources_files))


def attribution_models(config: AttributionConfig) -> tuple[Lexicon, RoleClassifier | None]:
    """The lexicon and the role classifier; cached per process."""
    return lexicon_for(config), default_classifier() if config.use_classifier else None


NO_ATTRIBUTION = DocumentAttribution((), (), False, frozenset())


def analyse_batch(docs: Sequence[Document], config: ScanConfig, layout: LSHLayout,
                  repeated: Sequence[frozenset[int]] | None = None) -> tuple[list[Analysis], list[np.ndarray]]:
    """``analyse`` of each document, and each one's band keys (``SketchBatch.band_keys``); fingerprints are
    computed for the whole batch at once. Paragraphs made of the corpus's repeated lines (``copies.boilerplate``;
    ``repeated``: those to look for in each document, ``searched_for``) are boilerplate: no fingerprint, no claims."""
    own = list(repeated) if repeated is not None else [frozenset()] * len(docs)
    if config.mode == "copies":  # near-duplicates only: no sentences, attribution or claims
        split = [mark_repeated(d.text, split_paragraphs(d.text, d.body_start), r, document_seed(d))
                 for d, r in zip(docs, own, strict=True)]
        batch = sketch_documents(docs, split, layout)
        return [Analysis(d, tuple(p), (), k, NO_ATTRIBUTION, ())
                for d, p, k in zip(docs, split, batch.document_sketches(), strict=True)], batch.band_keys
    segmented = [_segmented(d, r) for d, r in zip(docs, own, strict=True)]
    batch = sketch_documents(docs, [p for p, _ in segmented], layout)
    lexicon, classifier = attribution_models(config.attribution)
    out = []
    for doc, (paragraphs, sentences), k in zip(docs, segmented, batch.document_sketches(), strict=True):
        attribution = attribute(doc, paragraphs, sentences, lexicon, classifier)
        claims = build_claims(doc, sentences, attribution)
        out.append(Analysis(doc, tuple(paragraphs), tuple(sentences), k, attribution, tuple(claims)))
    return out, batch.band_keys


def _segmented(doc: Document, repeated: frozenset[int]) -> tuple[list[Paragraph], list[Sentence]]:
    """The paragraphs with the corpus-repeated units marked (cut out of the paragraphs that hold them), and the
    sentences of the rest."""
    if not repeated:
        return segment(doc.text, doc.body_start)
    paragraphs = mark_repeated(doc.text, split_paragraphs(doc.text, doc.body_start), repeated, document_seed(doc))
    return paragraphs, sentences_of(doc.text, paragraphs)


def analyse(doc: Document, config: ScanConfig) -> Analysis:
    """``analyse_batch`` of one document (its layout derived from ``config``)."""
    return analyse_batch([doc], config, LSHLayout.from_config(config))[0][0]
