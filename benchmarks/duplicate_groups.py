"""Duplicate groups on synthetic republications: do trimmed copies stay in their original's group?

The corpus (benchmarks/corpus.py) copies originals verbatim (with new boilerplate), trimmed (the last three
paragraphs dropped), cut to the lead (the first two or three paragraphs), with paragraphs reordered, or as a
partial reuse (two paragraphs inside new text). The truth: an original and its verbatim, trimmed, lead and
reordered copies form one group; a partial reuse is not a copy.
Both rules run on the same scan, in the same process:

- near-duplicates only (both sides at least near_duplicate_coverage inside shared passages);
- near-duplicates and matches covering at least copy_coverage of one side (the rule of the report).

Run: python3 benchmarks/duplicate_groups.py [--documents 600]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import COPY_KINDS, LEAD, Corpus
from evaluation import duplicate_group_ari

from dedupe.config import ScanConfig
from dedupe.copies.cluster import connected_groups
from dedupe.copies.lsh import KeyBuckets, LSHLayout
from dedupe.copies.match import is_copy
from dedupe.engine.pipeline import analyse_all, candidate_pairs, find_matches
from dedupe.kinds import NEAR_DUPLICATE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=600)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    corpus = Corpus(seed=args.seed, copy_share=0.3, kinds=(*COPY_KINDS, LEAD))
    made = list(corpus.documents(args.documents))
    docs = [d for d, _ in made]
    truth = {d.id: (src if src and corpus.kinds[d.id] != "partial" else d.id) for d, src in made}
    config = ScanConfig(mode="copies")
    layout = LSHLayout.from_config(config)
    with KeyBuckets(16) as buckets:
        analyses = analyse_all(docs, config, layout, 1, None, buckets)
        pairs = candidate_pairs(buckets)
    matches = find_matches(analyses, config, layout, pairs)
    copies = {k: sum(1 for v in corpus.kinds.values() if v == k) for k in sorted(set(corpus.kinds.values()))}
    print(f"{len(docs)} documents; copies by kind: {copies}")
    for name, rule in (("near-duplicates only", lambda m: m.kind == NEAR_DUPLICATE),
                       (f"+ copy_coverage >= {config.match.copy_coverage}", lambda m: is_copy(m, config.match))):
        groups = connected_groups((m.a, m.b) for m in matches if rule(m))
        of = {d: n for n, g in enumerate(groups) for d in g}
        left_out = {k: sum(1 for d, v in corpus.kinds.items() if v == k and (d not in of or of[d] != of.get(truth[d])))
                    for k in ("verbatim", "trimmed", "reordered", LEAD)}
        wrong = sum(1 for d, v in corpus.kinds.items() if v == "partial" and d in of)
        print(f"{name:<32} ARI {duplicate_group_ari(groups, truth):.3f}  copies left out of their original's "
              f"group: {left_out}; partial reuses grouped: {wrong}")


if __name__ == "__main__":
    main()
