"""Candidate sentence pairs for the claim-pair labels, chosen without looking at dedupe's claim groups.

Sentences: the claims of a full-mode dedupe scan of the split (its sentence segmentation, spans into the .txt as
read) with at least MIN_WORDS words and MIN_CONTENT_WORDS content words; their claim groups are not read.
Pairs: two sentences of different articles of the split published at most WINDOW_DAYS days apart (the date in the
file name), with a TF-IDF cosine of at least 0.25 (scikit-learn, word unigrams without English stop words,
sublinear tf, fitted on the split's sentences; unigrams rather than bigrams so that restatements in other words
reach the middle bands). Drawn per similarity band (`claimpairs.BANDS`, quotas in PER_BAND) with a generator
seeded per split and band; see `sample` for what keeps the draw varied.

The candidates carry corpus text, so they are written to the cache folder, never into the repository; the labels
made from them (ids, offsets, similarity, label) go to `benchmarks/labels/`. The same corpus, dedupe sentence
segmentation and scikit-learn give the same candidates.

Run: python3 benchmarks/claimpairs_candidates.py train   # -> $DEDUPE_CORPORA/labelling/polnear-claim-pairs-...
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from claimpairs import BANDS, SentenceRef, band_of, doc_name, scan_split
from corpora import SPLITS, CorpusMissing, corpora_root
from sklearn.feature_extraction.text import TfidfVectorizer

MIN_WORDS = 5
MIN_CONTENT_WORDS = 3  # distinct words that are not English stop words: "But what do you expect?" has one
WINDOW_DAYS = 14  # one news cycle; with 3 days dev and test had under 15 pairs above 0.4 each
MIN_SIM = BANDS[0][0]
PER_ARTICLE_PAIR = 2
# pairs drawn per band (BANDS order); dev and test are small (84 articles), so all their pairs above 0.4 are taken
PER_BAND = {"train": (60, 60, 60, 60), "dev": (80, 200, 200, 200), "test": (80, 200, 200, 200)}
SEED = 11


@dataclass(frozen=True, slots=True)
class Sentence:
    ref: SentenceRef
    day: int  # publication date as a day number
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    a: Sentence
    b: Sentence
    sim: float


def published(name: str) -> int:
    """The day number of the date in a PolNeAR file name (``publisher_YYYY-MM-DD_slug``)."""
    return date.fromisoformat(name.split("_")[1]).toordinal()


def sentences(report: dict[str, Any]) -> list[Sentence]:
    """The report's claims of at least MIN_WORDS words, ordered by date, article and offset."""
    found = []
    for claim in report["claims"]:
        if len(claim["text"].split()) >= MIN_WORDS:
            name = doc_name(claim["document"])
            found.append(Sentence(SentenceRef(name, *claim["span"]), published(name), claim["text"]))
    return sorted(found, key=lambda s: (s.day, s.ref.doc, s.ref.start))


def similar_pairs(found: list[Sentence]) -> list[Candidate]:
    """Pairs of sentences of different articles at most WINDOW_DAYS apart with a cosine of at least MIN_SIM.

    Sentences with fewer than MIN_CONTENT_WORDS content words take no part: their cosine is 1.0 for a shared "said".
    """
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([s.text for s in found])
    days = np.array([s.day for s in found])
    usable = vectors.getnnz(axis=1) >= MIN_CONTENT_WORDS
    pairs: list[Candidate] = []
    for day in np.unique(days[usable]):
        rows = np.flatnonzero(usable & (days == day))
        cols = np.flatnonzero(usable & (days >= day) & (days <= day + WINDOW_DAYS))
        sims = (vectors[rows] @ vectors[cols].T).toarray()
        for i, j in zip(*np.nonzero(sims >= MIN_SIM), strict=True):
            a, b = found[rows[i]], found[cols[j]]
            if cols[j] > rows[i] and a.ref.doc != b.ref.doc:
                pairs.append(Candidate(a, b, round(float(sims[i, j]), 3)))
    return pairs


@dataclass
class _Drawn:
    """What the draw has taken so far, to keep the sample varied."""

    sentences: set[SentenceRef] = field(default_factory=set)
    texts: set[tuple[str, str]] = field(default_factory=set)
    articles: Counter[tuple[str, str]] = field(default_factory=Counter)

    def admits(self, pair: Candidate, whole_band: bool) -> bool:
        """A pair with a new text pair; unless its band is taken whole, also new sentences and a new enough
        article pair."""
        if _text_key(pair) in self.texts:
            return False
        return whole_band or (pair.a.ref not in self.sentences and pair.b.ref not in self.sentences
                              and self.articles[(pair.a.ref.doc, pair.b.ref.doc)] < PER_ARTICLE_PAIR)

    def take(self, pair: Candidate) -> None:
        self.sentences.update((pair.a.ref, pair.b.ref))
        self.texts.add(_text_key(pair))
        self.articles[(pair.a.ref.doc, pair.b.ref.doc)] += 1


def _text_key(pair: Candidate) -> tuple[str, str]:
    a, b = (" ".join(re.findall(r"\w+", s.text.lower())) for s in (pair.a, pair.b))
    return (a, b) if a <= b else (b, a)


def sample(pairs: list[Candidate], per_band: dict[str, int], split: str) -> list[Candidate]:
    """Up to ``per_band[band]`` pairs of each band, the highest band first, drawn with a generator seeded per split.

    Each text pair is taken once (a boilerplate line repeated in many articles gives one pair). In a band with more
    pairs than its quota, each sentence is also taken once and each pair of articles at most PER_ARTICLE_PAIR times,
    so that a few copied articles do not fill it; a band with fewer pairs than its quota is taken whole.
    """
    by_band: dict[str, list[Candidate]] = defaultdict(list)
    for pair in pairs:
        by_band[band_of(pair.sim) or "below"].append(pair)
    drawn = _Drawn()
    chosen: list[Candidate] = []
    for band in sorted(by_band, reverse=True):
        pool, quota = by_band[band], per_band.get(band, 0)
        random.Random(f"{SEED}-{split}-{band}").shuffle(pool)
        taken = 0
        for pair in pool:
            if taken < quota and drawn.admits(pair, whole_band=len(pool) <= quota):
                drawn.take(pair)
                chosen.append(pair)
                taken += 1
    return sorted(chosen, key=lambda p: (p.a.ref.doc, p.a.ref.start, p.b.ref.doc, p.b.ref.start))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", choices=SPLITS)
    args = parser.parse_args()
    try:
        found = sentences(scan_split(args.split))
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return
    pairs = similar_pairs(found)
    population = Counter(band_of(p.sim) for p in pairs)
    print(f"{args.split}: {len(found)} sentences of {MIN_WORDS}+ words, {len(pairs)} pairs >= {MIN_SIM} within "
          f"{WINDOW_DAYS} days; per band {dict(sorted(population.items()))}", file=sys.stderr)
    per_band = {band_of(lo) or "": n for (lo, _), n in zip(BANDS, PER_BAND[args.split], strict=True)}
    chosen = sample(pairs, per_band, args.split)
    out_dir = corpora_root() / "labelling"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"polnear-claim-pairs-{args.split}-candidates.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("doc_a\tstart_a\tend_a\tdoc_b\tstart_b\tend_b\tsim\tband\ttext_a\ttext_b\n")
        for p in chosen:
            f.write(f"{p.a.ref.doc}\t{p.a.ref.start}\t{p.a.ref.end}\t{p.b.ref.doc}\t{p.b.ref.start}\t{p.b.ref.end}\t"
                    f"{p.sim:.3f}\t{band_of(p.sim)}\t{' '.join(p.a.text.split())}\t{' '.join(p.b.text.split())}\n")
    print(f"{len(chosen)} candidates ({dict(sorted(Counter(band_of(p.sim) for p in chosen).items()))}) -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
