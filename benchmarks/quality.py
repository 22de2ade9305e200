"""Quality on the labelled fixtures: reuse pairs and attribution, with the confusion by form.

Run: python3 benchmarks/quality.py [--no-classifier] [--errors N]
The same figures are enforced as floors by tests/test_quality.py; this script shows where they come from.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluation import (
    load_attribution_labels,
    load_claim_group_labels,
    load_pair_labels,
    score_attribution,
    score_claim_groups,
    score_directions,
    score_pairs,
)

from dedupe import ScanConfig, build_report, scan
from dedupe.config import AttributionConfig

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-classifier", action="store_true", help="rules only, no role classifier")
    parser.add_argument("--errors", type=int, default=20, help="attribution errors to print")
    args = parser.parse_args()
    config = ScanConfig(attribution=AttributionConfig(use_classifier=not args.no_classifier))
    started = time.perf_counter()
    result = scan([ROOT / "fixtures"], config)
    elapsed = time.perf_counter() - started
    report = build_report(result, "quality")
    texts = {a.document.id: a.document.text for a in result.analyses}
    pairs = score_pairs(report, load_pair_labels(ROOT / "tests" / "labels"), texts)
    print(f"scan: {len(result.analyses)} documents, {len(result.errors)} errors, {elapsed:.2f} s")
    print(f"pairs: precision {pairs.precision:.3f} recall {pairs.recall:.3f} "
          f"kind accuracy {pairs.kind_accuracy:.3f} passage recall {pairs.passage_recall:.3f} "
          f"(true positives {pairs.true_positives})")
    for a, b in pairs.false_positives:
        print(f"  false positive: {a} ~ {b}")
    for a, b in pairs.false_negatives:
        print(f"  false negative: {a} ~ {b}")
    direction = score_directions(report, load_pair_labels(ROOT / "tests" / "labels"))
    print(f"direction: accuracy {direction.accuracy:.3f} on {direction.labelled} pairs with a labelled source "
          f"({direction.decided} decided, {direction.wrong} reversed)")
    documents, groups = load_claim_group_labels(ROOT / "tests" / "labels")
    cg = score_claim_groups(report, documents, groups)
    print(f"claim groups: precision {cg.precision:.3f} recall {cg.recall:.3f} (pairs of occurrences), "
          f"original source accuracy {cg.original_source_accuracy:.3f}, {cg.groups} labelled groups, "
          f"{cg.predicted_groups} predicted; {len(result.provenance.stories)} stories")
    att = score_attribution(report, load_attribution_labels(ROOT / "tests" / "labels"))
    print(f"attribution: {att.sentences} sentences, precision {att.precision:.3f} recall {att.recall:.3f} "
          f"via accuracy {att.via_accuracy:.3f} unverified recall {att.unverified_recall:.3f}")
    print(f"credits: precision {att.credit_precision:.3f} recall {att.credit_recall:.3f} "
          f"derivative accuracy {att.derivative_accuracy:.3f}")
    print("by form (correct/total):")
    for form, (ok, total) in att.by_form.items():
        print(f"  {form:<18} {ok:>4}/{total:<4} {ok / total:.2f}")
    for doc, sentence, expected, predicted in att.errors[: args.errors]:
        print(f"  {doc}: expected {expected!r} got {predicted!r}: {sentence[:110]}")


if __name__ == "__main__":
    main()
