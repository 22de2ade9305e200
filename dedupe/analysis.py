"""The per-document stages: segment, fingerprint, attribute, build claims."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dedupe.attribution import DocumentAttribution, attribute
from dedupe.claims import Claim, build_claims
from dedupe.config import AttributionConfig, ScanConfig
from dedupe.fingerprint import fingerprint
from dedupe.lexicon import Lexicon, load_lexicon
from dedupe.lsh import Sketch, sketch
from dedupe.models import Document, Paragraph, Sentence
from dedupe.roles import RoleClassifier, default_classifier
from dedupe.segment import segment, split_paragraphs


@dataclass(frozen=True, slots=True)
class Analysis:
    """Per-document results of the stages that look at one document at a time."""

    document: Document
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    sketch: Sketch  # signature and band keys; the full fingerprint is recomputed for candidate pairs only
    attribution: DocumentAttribution
    claims: tuple[Claim, ...]


def lexicon_for(config: AttributionConfig) -> Lexicon:
    """The lexicon: the shipped one extended with the user's source files; cached per process."""
    return load_lexicon(tuple(Path(p) for p in config.sources_files))


def attribution_models(config: AttributionConfig) -> tuple[Lexicon, RoleClassifier | None]:
    """The lexicon and the role classifier; cached per process."""
    return lexicon_for(config), default_classifier() if config.use_classifier else None


NO_ATTRIBUTION = DocumentAttribution((), (), False, frozenset())


def sketch_of(doc: Document, paragraphs: list[Paragraph], config: ScanConfig) -> Sketch:
    fc, mc = config.fingerprint, config.match
    return sketch(fingerprint(doc, paragraphs, fc), mc.threshold, mc.passage_threshold, fc.num_perm)


def analyse(doc: Document, config: ScanConfig) -> Analysis:
    if config.mode == "copies":  # near-duplicates only: no sentences, attribution or claims
        paragraphs = split_paragraphs(doc.text, doc.body_start)
        return Analysis(doc, tuple(paragraphs), (), sketch_of(doc, paragraphs, config), NO_ATTRIBUTION, ())
    paragraphs, sentences = segment(doc.text, doc.body_start)
    lexicon, classifier = attribution_models(config.attribution)
    attribution = attribute(doc, paragraphs, sentences, lexicon, classifier)
    claims = build_claims(doc, sentences, attribution)
    return Analysis(doc, tuple(paragraphs), tuple(sentences), sketch_of(doc, paragraphs, config), attribution,
                    tuple(claims))
