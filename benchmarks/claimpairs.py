"""Claim groups on real text: labelled sentence pairs of PolNeAR against dedupe's claim groups.

The labels (`benchmarks/labels/polnear-claim-pairs-SPLIT.tsv`: document ids, character offsets, the TF-IDF
similarity the pair was sampled by, and a label; no text) say whether two sentences of different articles of one
split state the same claim (`same`), a different fact on the same topic (`related`) or are unrelated (`different`);
guidelines in `benchmarks/labels/claim-pairs-guidelines.md`, candidates from `claimpairs_candidates.py`, which
never looks at dedupe's claim groups.

The split's articles are scanned in full mode through the public API (all of them by default, since claim groups
depend on the corpus; `--labelled-only` scans only the articles named in the labels). A labelled sentence is matched
to the report's claim of its document whose span overlaps it most; a pair is *grouped* when both claims are in one
claim group. Prints per split: precision (grouped and same / grouped), recall (grouped and same / same), the counts,
the same figures per similarity band, and sanity figures of the whole report (groups holding two occurrences of one
document, the largest group).

A labelled pair with a sentence the report marks boilerplate (a site's repeated line, `--repeated-line-docs`)
is left out and counted: such a line is no claim, so there is nothing to group.

Only `train` may be read to tune the claim-group rules; `dev` and `test` are held out and `--errors` refuses them.

Run: python3 benchmarks/claimpairs.py [--split train|dev|test|all] [--labelled-only] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpora import POLNEAR_COMMIT, SPLITS, CorpusMissing, polnear_root, polnear_text_files

from dedupe import ScanConfig, __version__, build_report, scan

LABELS = Path(__file__).resolve().parent / "labels"
COLUMNS = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "sim", "label")
LABEL_VALUES = ("same", "related", "different")
BANDS = ((0.25, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))  # TF-IDF cosine bands the candidates were sampled in


def band_of(sim: float) -> str | None:
    """The name of the similarity band holding ``sim`` (the last band includes 1.0); None below the first."""
    for lo, hi in reversed(BANDS):
        if sim >= lo:
            return f"{lo:.2f}-{hi:.2f}"
    return None


def doc_name(report_id: str) -> str:
    """A report's document id (the file name) as the labels name it: the corpus name without ``.txt``."""
    return report_id.removesuffix(".txt")


@dataclass(frozen=True, slots=True)
class SentenceRef:
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelledPair:
    a: SentenceRef
    b: SentenceRef
    sim: float
    label: str


def labels_path(split: str) -> Path:
    return LABELS / f"polnear-claim-pairs-{split}.tsv"


def labelled_rows(path: Path) -> Iterator[tuple[dict[str, str], SentenceRef, SentenceRef]]:
    """Each row of a TSV of labelled sentence pairs with its two sentences. Raises ValueError on an unknown label
    or a malformed offset."""
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            if row["label"] not in LABEL_VALUES:
                raise ValueError(f"{path.name}:{n}: unknown label {row['label']!r}")
            a = SentenceRef(row["doc_a"], int(row["start_a"]), int(row["end_a"]))
            b = SentenceRef(row["doc_b"], int(row["start_b"]), int(row["end_b"]))
            yield row, a, b


def read_labels(path: Path) -> list[LabelledPair]:
    """The labelled pairs of one file."""
    return [LabelledPair(a, b, float(row["sim"]), row["label"]) for row, a, b in labelled_rows(path)]


def scan_split(split: str, only: Iterable[str] | None = None, workers: int = 1) -> dict[str, Any]:
    """The JSON report (as a dict) of a full-mode scan of a split's articles, or of those named in ``only``."""
    files = polnear_text_files(split)
    if only is not None:
        wanted = set(only)
        files = [f for f in files if f.stem in wanted]
    report: dict[str, Any] = build_report(scan(files, ScanConfig(workers=workers, mode="full")), __version__)
    return report


class ClaimLookup:
    """The claims of a report by document, to find the claim a labelled sentence falls in."""

    def __init__(self, report: dict[str, Any]) -> None:
        self._claims: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
        for claim in report["claims"]:
            start, end = claim["span"]
            self._claims[doc_name(claim["document"])].append((start, end, claim["group"]))
        self._boilerplate: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for doc in report["documents"]:
            for b in doc.get("boilerplate", ()):
                self._boilerplate[doc_name(doc["id"])].append((b["span"][0], b["span"][1]))

    def in_boilerplate(self, ref: SentenceRef) -> bool:
        """The sentence lies inside a paragraph the report calls boilerplate: not a claim, nothing to group."""
        return any(start <= ref.start and ref.end <= end for start, end in self._boilerplate.get(ref.doc, ()))

    def claim_at(self, ref: SentenceRef) -> tuple[int, int, str | None] | None:
        """The claim overlapping ``ref`` most, or None when no claim overlaps it."""
        best, most = None, 0
        for claim in self._claims.get(ref.doc, ()):
            overlap = min(claim[1], ref.end) - max(claim[0], ref.start)
            if overlap > most:
                best, most = claim, overlap
        return best


@dataclass
class Tally:
    grouped: Counter[str] = field(default_factory=Counter)  # label -> pairs grouped
    labelled: Counter[str] = field(default_factory=Counter)  # label -> pairs
    unmatched: int = 0  # labelled sentences that overlap no claim of the report
    boilerplate: int = 0  # pairs left out: a sentence the report marks boilerplate (no claim)

    @property
    def tp(self) -> int:
        return self.grouped["same"]

    def precision(self) -> float:
        total = sum(self.grouped.values())
        return self.tp / total if total else 1.0

    def recall(self) -> float:
        return self.tp / self.labelled["same"] if self.labelled["same"] else 1.0


@dataclass
class Evaluation:
    total: Tally = field(default_factory=Tally)
    bands: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    false_positives: list[LabelledPair] = field(default_factory=list)
    false_negatives: list[LabelledPair] = field(default_factory=list)


def is_grouped(pair: LabelledPair, lookup: ClaimLookup, tally: Tally) -> bool:
    found = [lookup.claim_at(pair.a), lookup.claim_at(pair.b)]
    tally.unmatched += sum(claim is None for claim in found)
    groups = [claim[2] if claim else None for claim in found]
    return groups[0] is not None and groups[0] == groups[1]


def evaluate(pairs: Sequence[LabelledPair], report: dict[str, Any]) -> Evaluation:
    lookup = ClaimLookup(report)
    result = Evaluation()
    for pair in pairs:
        if lookup.in_boilerplate(pair.a) or lookup.in_boilerplate(pair.b):
            result.total.boilerplate += 1
            continue
        grouped = is_grouped(pair, lookup, result.total)
        for tally in (result.total, result.bands[band_of(pair.sim) or "below"]):
            tally.labelled[pair.label] += 1
            tally.grouped[pair.label] += grouped
        if grouped and pair.label != "same":
            result.false_positives.append(pair)
        elif not grouped and pair.label == "same":
            result.false_negatives.append(pair)
    return result


def group_sanity(report: dict[str, Any]) -> str:
    groups = report["claim_groups"]
    sizes = [len(g["occurrences"]) for g in groups]
    repeated = sum(1 for g in groups if len({o["document"] for o in g["occurrences"]}) < len(g["occurrences"]))
    return (f"{len(groups)} groups holding {sum(sizes)} claims; largest {max(sizes, default=0)} occurrences; "
            f"{repeated} groups with more than one occurrence of a document")


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{counter[label]} {label}" for label in LABEL_VALUES)


def print_evaluation(result: Evaluation) -> None:
    t = result.total
    print(f"  claim-group pairs    precision {t.precision():.3f}  recall {t.recall():.3f}  "
          f"(grouped {sum(t.grouped.values())}: {_counts(t.grouped)}; labelled same {t.labelled['same']})")
    for band in sorted(result.bands):
        b = result.bands[band]
        print(f"    sim {band}  labelled {_counts(b.labelled)};  grouped {_counts(b.grouped)}")
    if t.unmatched:
        print(f"  {t.unmatched} labelled sentences overlap no claim of the report (counted as not grouped)")
    if t.boilerplate:
        print(f"  {t.boilerplate} labelled pairs left out: a sentence of theirs is boilerplate in the report "
              "(a site's repeated line, not a claim)")


def _sentence(texts: dict[str, str], split: str, ref: SentenceRef) -> str:
    if ref.doc not in texts:
        texts[ref.doc] = (polnear_root() / split / "text" / f"{ref.doc}.txt").read_text(encoding="utf-8")
    return " ".join(texts[ref.doc][ref.start:ref.end].split())


def print_errors(result: Evaluation, report: dict[str, Any], split: str, n: int) -> None:
    """Up to ``n`` false positives and false negatives with their text (train only; printed, never stored)."""
    lookup = ClaimLookup(report)
    texts: dict[str, str] = {}
    for kind, pairs in (("false positives (grouped, not same)", result.false_positives),
                        ("false negatives (same, not grouped)", result.false_negatives)):
        print(f"\n  -- {kind}: {len(pairs)}, first {min(n, len(pairs))}")
        for pair in pairs[:n]:
            print(f"  [{pair.label}, sim {pair.sim:.2f}]")
            for ref in (pair.a, pair.b):
                claim = lookup.claim_at(ref)
                group = claim[2] if claim else "no claim"
                print(f"    {ref.doc}@{ref.start} ({group}): {_sentence(texts, split, ref)}")


def run_split(split: str, labelled_only: bool, errors: int, workers: int) -> None:
    path = labels_path(split)
    if not path.is_file():
        print(f"{split}: no labels at {path}", file=sys.stderr)
        return
    pairs = read_labels(path)
    only = {ref.doc for p in pairs for ref in (p.a, p.b)} if labelled_only else None
    started = time.perf_counter()
    report = scan_split(split, only, workers)
    seconds = time.perf_counter() - started
    tuned = "rules tuned on this split" if split == "train" else "held out"
    print(f"{split} ({tuned}): {report['summary']['documents']} documents scanned in {seconds:.1f} s; "
          f"{len(pairs)} labelled pairs ({_counts(Counter(p.label for p in pairs))})")
    result = evaluate(pairs, report)
    print_evaluation(result)
    print(f"  claim groups         {group_sanity(report)}")
    if errors:
        print_errors(result, report, split, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="all", choices=(*SPLITS, "all"))
    parser.add_argument("--labelled-only", action="store_true",
                        help="scan only the articles named in the labels (default: the whole split)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N false positives and N false negatives with their text (train only)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.errors and args.split != "train":
        parser.error("--errors prints examples of the train split only: dev and test are held out")
    splits = SPLITS if args.split == "all" else (args.split,)
    try:
        polnear_root()
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return
    print(f"PolNeAR {POLNEAR_COMMIT[:12]} (networkdynamics/PolNeAR); dedupe {__version__}, full mode")
    for split in splits:
        run_split(split, args.labelled_only, args.errors, args.workers)


if __name__ == "__main__":
    main()
