"""Claim groups on real text, read from the inside: are the pairs dedupe puts in one claim group the same claim?

`claimpairs.py` scores groups against pairs drawn without looking at them (precision and recall); this script
looks at the groups themselves. `--sample N` draws N sentence pairs uniformly from all pairs of occurrences inside
the claim groups of a full-mode scan of PolNeAR `train` (seeded), and writes them with their text to the cache
folder for reading (never into the repository). The labels made from them (`benchmarks/labels/
polnear-within-group-train.tsv`: ids, offsets, size of the group the pair was drawn from, label; no text) follow
`benchmarks/labels/claim-pairs-guidelines.md`.

Without `--sample`, the labelled pairs are checked against the claim groups of the current code:

- *kept*: both sentences still in one group; the share of `same` among them is the figure of the issue ("pairs
  inside a group are recognisably the same claim");
- *left*: the sentences are no longer in one group (a `same` pair leaving is a lost link; another pair leaving is
  a wrong link removed). Left pairs are reported on their own line, not counted in the share;
- *unjudged*: pairs inside the current groups that the labels do not cover (a change can also make new pairs).
  Their number is printed; `--unjudged N` writes N of them (seeded) with their text for reading, to label into
  `polnear-within-group-train-extra.tsv`, which is read together with the main file. With it, the share over all
  pairs of the current groups is estimated: labelled pairs count as labelled, the others at the share of `same`
  among the extra pairs still grouped (a sample of the pairs no label covered when it was drawn).

Only `train` is read: the labels were drawn from it, and dev and test stay held out.

Run: python3 benchmarks/withingroup.py [--sample N | --unjudged N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from claimpairs import LABEL_VALUES, LABELS, ClaimLookup, SentenceRef, doc_name, labelled_rows, scan_split
from corpora import CorpusMissing, corpora_root, polnear_root

SPLIT = "train"
LABEL_FILES = (LABELS / "polnear-within-group-train.tsv", LABELS / "polnear-within-group-train-extra.tsv")
COLUMNS = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "group_size", "label")


@dataclass(frozen=True, slots=True)
class GroupPair:
    a: SentenceRef
    b: SentenceRef
    group_size: int
    label: str = ""


def group_pairs(report: dict[str, Any]) -> list[GroupPair]:
    """Every pair of occurrences inside a claim group of the report, in report order."""
    out: list[GroupPair] = []
    for g in report["claim_groups"]:
        refs = [SentenceRef(doc_name(o["document"]), o["span"][0], o["span"][1]) for o in g["occurrences"]]
        out += [GroupPair(a, b, len(refs)) for a, b in combinations(refs, 2)]
    return out


def read_pairs(paths: Iterable[Path]) -> list[GroupPair]:
    return [GroupPair(a, b, int(row["group_size"]), row["label"])
            for path in paths if path.is_file() for row, a, b in labelled_rows(path)]


def key(a: SentenceRef, b: SentenceRef) -> tuple[SentenceRef, SentenceRef]:
    return (a, b) if (a.doc, a.start) <= (b.doc, b.start) else (b, a)


def write_for_reading(pairs: list[GroupPair], name: str) -> Path:
    """The pairs with their sentences, to the cache folder (corpus text never goes into the repository)."""
    root = polnear_root() / SPLIT / "text"
    texts: dict[str, str] = {}
    path = corpora_root() / "labelling" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow([*COLUMNS[:-1], "text_a", "text_b"])
        for p in pairs:
            sentences = []
            for ref in (p.a, p.b):
                if ref.doc not in texts:
                    texts[ref.doc] = (root / f"{ref.doc}.txt").read_text(encoding="utf-8")
                sentences.append(" ".join(texts[ref.doc][ref.start:ref.end].split()))
            out.writerow([p.a.doc, p.a.start, p.a.end, p.b.doc, p.b.start, p.b.end, p.group_size, *sentences])
    return path


def check(labelled: list[GroupPair], report: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
    """Labels of the pairs still inside one group (kept) and of those no longer (left)."""
    lookup = ClaimLookup(report)
    kept: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for p in labelled:
        found = [lookup.claim_at(p.a), lookup.claim_at(p.b)]
        groups = [c[2] if c else None for c in found]
        (kept if groups[0] is not None and groups[0] == groups[1] else left)[p.label] += 1
    return kept, left


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{counter[label]} {label}" for label in LABEL_VALUES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="draw N pairs inside claim groups")
    parser.add_argument("--unjudged", type=int, default=0, metavar="N",
                        help="write N pairs inside current groups that no label covers")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    try:
        polnear_root()
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return
    report = scan_split(SPLIT)
    inside = group_pairs(report)
    if args.sample:
        chosen = sorted(random.Random(args.seed).sample(range(len(inside)), min(args.sample, len(inside))))
        path = write_for_reading([inside[n] for n in chosen], "polnear-within-group-train-candidates.tsv")
        print(f"{len(chosen)} of {len(inside)} pairs inside claim groups written to {path}")
        return
    labelled = read_pairs(LABEL_FILES)
    known = {key(p.a, p.b) for p in labelled}
    unjudged = [p for p in inside if key(p.a, p.b) not in known]
    if args.unjudged:
        chosen = sorted(random.Random(args.seed).sample(range(len(unjudged)), min(args.unjudged, len(unjudged))))
        path = write_for_reading([unjudged[n] for n in chosen], "polnear-within-group-train-unjudged.tsv")
        print(f"{len(chosen)} of {len(unjudged)} unjudged pairs written to {path}")
        return
    kept, left = check(labelled, report)
    share = kept["same"] / sum(kept.values()) if kept else 1.0
    drawn = _counts(Counter(p.label for p in labelled))
    print(f"PolNeAR train, {len(labelled)} labelled pairs drawn inside claim groups ({drawn})")
    print(f"  still in one group   {sum(kept.values())}: {_counts(kept)}  -> same-claim share {share:.3f}")
    print(f"  no longer grouped    {sum(left.values())}: {_counts(left)}")
    print(f"  pairs inside the current groups: {len(inside)}, of them not labelled: {len(unjudged)}")
    extra, _ = check(read_pairs(LABEL_FILES[1:]), report)
    if extra:
        rest = extra["same"] / sum(extra.values())
        estimate = (kept["same"] + rest * len(unjudged)) / len(inside) if inside else 1.0
        print(f"  estimated same-claim share of all {len(inside)} pairs: {estimate:.3f} (the {sum(kept.values())} "
              f"labelled ones as labelled, the {len(unjudged)} others at the share {rest:.3f} of the "
              f"{sum(extra.values())} pairs of {LABEL_FILES[1].name} still grouped, drawn from such pairs)")

if __name__ == "__main__":
    main()
