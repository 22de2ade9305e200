"""Attribution on real news text: PolNeAR (networkdynamics/PolNeAR), read from the corpus cache.

Prints, per split:
- wire credits: the corpus' `wire` column (AP, AFP, UPI, Reuters) against the document credits dedupe
  gives (only those four agencies count as predictions; documents whose wire the corpus does not know, NA,
  are left out);
- inline outlet sources: the annotated Source spans that we labelled as a news outlet
  (`benchmarks/labels/polnear-outlet-sources-SPLIT.tsv`: ids, offsets and labels, no text) against
  the attributions dedupe gives role `source` or `relay`. Recall: labelled outlet spans overlapped by a
  dedupe source attribution naming the same outlet. Precision: dedupe source attributions that overlap a
  labelled outlet span naming the same outlet, among all dedupe source attributions except those overlapping
  a span labelled `outlet-person` (a journalist of the outlet speaking), which count neither way;
- inline outlet sources, all labels: the same, where the gold also holds our labels of the outlet mentions PolNeAR
  left unannotated (`benchmarks/labels/polnear-unannotated-SPLIT.tsv`, by `GUIDELINES-unannotated-mentions.md`):
  a mention labelled `source` is a positive, one labelled `unclear` counts neither way, the others are not
  sources; mentions inside a credit line dedupe found (a dateline) are left to the credit scores. PolNeAR did not
  mark every attribution ("the Orlando Sentinel reported"), so the first line counts
  such right answers as false; this line does not;
- claim recall: annotated attributions whose Source is a labelled outlet, and whose Content lies in a
  claim (the claim overlapping most of it) that dedupe gives that outlet as `source`, in `via` or in `also_sources`.

Also on real web pages (trafilatura's test pages, the 181 news pages of Zyte's article extraction benchmark, the
test pages of three article parsers, the 258 news pages of fundus's parser tests, the 424 pages of the article
extraction dataset; splits made before looking: benchmarks/pages.py) and on 400 articles of US outlets (AllSides'
corpus, split by outlet by its makers: 1,061 of train, 100 each of valid and test, held out): document credits
against our labels (`benchmarks/labels/pages-credits-SPLIT.tsv`, `CORPUS-pages-credits-SPLIT.tsv` for the others;
pages that are not candidates credit nothing; every page of fundus, the extraction dataset and the AllSides sample
was labelled); on each corpus of pages also inline outlet sources against our labels of every outlet mention the
lexicon finds (`benchmarks/labels/CORPUS-mentions-SPLIT.tsv`; a labelled mention
inside a credit line dedupe found is left to the page credits).

Only `train` was used to write and tune rules. `dev` and `test` are held out: report them, never change a rule
because of them; `--errors` refuses to print their examples.

Run: python3 benchmarks/realworld.py [--split train|dev|test|held-out] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpora import POLNEAR_COMMIT, Annotated, CorpusMissing, PolnearDoc, polnear_docs
from pages import (
    AEB_COMMIT,
    ALLSIDES_COMMIT,
    FUNDUS_COMMIT,
    GOOSE3_COMMIT,
    N4KDATA_COMMIT,
    PARSERS_COMMITS,
    TRAFILATURA_COMMIT,
    pages,
)

from dedupe.attribution.analysis import Analysis, analyse
from dedupe.attribution.attribute import Attribution
from dedupe.attribution.lexicon import UNNAMED_AGENCY, Lexicon, default_lexicon
from dedupe.config import ScanConfig
from dedupe.models import Document

LABELS = Path(__file__).resolve().parent / "labels"
WIRES = frozenset({"AP", "AFP", "UPI", "Reuters"})
# the publisher column as a scraper would record the outlet (dedupe reads it from `outlet`)
PUBLISHERS = {"nyt": "New York Times", "wash-post": "Washington Post", "usa-today": "USA Today", "politico": "Politico",
              "huff-post": "HuffPost", "breitbart": "Breitbart News", "west-journal": "Western Journalism"}
SOURCE_ROLES = frozenset({"source", "relay"})


@dataclass(frozen=True, slots=True)
class OutletLabel:
    start: int
    end: int
    label: str  # outlet | outlet-person | other; for unannotated mentions: source, unclear, venue, subject, ...
    outlets: frozenset[str]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    examples: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self, name: str) -> str:
        return (f"{name:<22} precision {self.precision():.3f}  recall {self.recall():.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


def _read_labels(path: Path, label_and_outlets: Callable[[dict[str, str]], tuple[str, frozenset[str]]],
                 ) -> dict[str, list[OutletLabel]] | None:
    """A label file's rows by document (None when the file is absent)."""
    if not path.is_file():
        return None
    out: dict[str, list[OutletLabel]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            label, outlets = label_and_outlets(row)
            out.setdefault(row["doc"], []).append(OutletLabel(int(row["start"]), int(row["end"]), label, outlets))
    return out


def load_outlet_labels(split: str) -> dict[str, list[OutletLabel]] | None:
    return _read_labels(LABELS / f"polnear-outlet-sources-{split}.tsv", lambda row: (
        row["label"], frozenset(n.strip() for n in (row.get("outlets") or "").split("|") if n.strip())))


def load_unannotated_labels(split: str) -> dict[str, list[OutletLabel]] | None:
    """Our labels of the outlet mentions outside PolNeAR's Source spans, as outlet labels (`source` -> `outlet`;
    `unclear` as `outlet-person`, which counts neither way)."""
    return _read_labels(LABELS / f"polnear-unannotated-{split}.tsv", lambda row: (
        {"source": "outlet", "unclear": "outlet-person"}.get(row["label"], "other"), frozenset({row["outlet"]})))


_SITE = re.compile(r"^(?:www\.)?(?P<base>[a-z0-9-]+)\.[a-z.]{2,12}$")


def _key(name: str, lexicon: Lexicon) -> str:
    """A name compared without case, spaces, a leading "the", or the top-level domain of a site credited by its
    domain ("juragentur.de" is the label's "juragentur")."""
    canonical = (lexicon.canonical(name) or name).lower().removeprefix("the ").replace(" ", "")
    site = _SITE.match(canonical)
    return site.group("base") if site else canonical


def same_outlet(found: str, gold: Iterable[str], lexicon: Lexicon) -> bool:
    return _key(found, lexicon) in {_key(g, lexicon) for g in gold}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _show(doc: PolnearDoc, start: int, end: int, note: str) -> str:
    left = doc.text.rfind("\n", 0, start) + 1
    right = doc.text.find("\n", end)
    right = len(doc.text) if right == -1 else right
    lo, hi = max(left, start - 160), min(right, end + 160)
    snippet = doc.text[lo:start] + "[[" + doc.text[start:end] + "]]" + doc.text[end:hi]
    return f"{doc.name}@{start}: {note}\n    {' '.join(snippet.split())}"


def score_wire(doc: PolnearDoc, a: Analysis, lexicon: Lexicon, wire: Tally) -> None:
    credits = {lexicon.canonical(c) or c for c in a.attribution.credits}
    if doc.wire != "NA":
        predicted = credits & WIRES
        gold = {doc.wire} if doc.wire else set()
        wire.tp += len(predicted & gold)
        wire.fp += len(predicted - gold)
        wire.fn += len(gold - predicted)
        if predicted != gold:
            wire.examples.append(f"{doc.name}: wire {doc.wire}, credits {sorted(credits)}")


def _inline_sources(a: Analysis) -> list[Attribution]:
    return [x for x in a.attribution.attributions if x.role in SOURCE_ROLES and x.sentence is not None]


def score_sources(doc: PolnearDoc, a: Analysis, labels: Sequence[OutletLabel], lexicon: Lexicon, tally: Tally) -> None:
    found = _inline_sources(a)
    for gold in (g for g in labels if g.label == "outlet"):
        hit = any(_overlaps(x.span.start, x.span.end, gold.start, gold.end) and same_outlet(x.source, gold.outlets,
                                                                                             lexicon) for x in found)
        tally.tp += hit
        tally.fn += not hit
        if not hit:
            tally.examples.append(_show(doc, gold.start, gold.end, f"missed {'|'.join(sorted(gold.outlets))}"))
    for x in found:
        over = [g for g in labels if _overlaps(x.span.start, x.span.end, g.start, g.end)]
        if any(g.label == "outlet" and same_outlet(x.source, g.outlets, lexicon) for g in over):
            continue  # counted as a hit above
        if any(g.label == "outlet-person" for g in over):
            continue
        tally.fp += 1
        note = f"false {x.source} ({x.kind}; gold {[g.label for g in over] or 'no outlet span'})"
        tally.examples.append(_show(doc, x.span.start, x.span.end, note))


def _content_claim(a: Analysis, content: Annotated) -> int | None:
    best, best_overlap = None, 0
    for n, c in enumerate(a.claims):
        overlap = sum(max(0, min(c.span.end, e) - max(c.span.start, s)) for s, e in content.parts)
        if overlap > best_overlap:
            best, best_overlap = n, overlap
    return best


def score_claims(doc: PolnearDoc, a: Analysis, labels: Sequence[OutletLabel], lexicon: Lexicon, tally: Tally) -> None:
    outlets = {(g.start, g.end): g for g in labels if g.label == "outlet"}
    for event in doc.events:
        if event.source is None or event.content is None:
            continue
        gold = outlets.get((event.source.start, event.source.end))
        if gold is None:
            continue
        n = _content_claim(a, event.content)
        claim = a.claims[n] if n is not None else None
        names = [] if claim is None else [s for s in (claim.source, *claim.via, *claim.also) if s]
        if any(same_outlet(s, gold.outlets, lexicon) for s in names):
            tally.tp += 1
        else:
            tally.fn += 1
            tally.examples.append(_show(doc, event.content.start, min(event.content.end, event.content.start + 120),
                                        f"claim of {'|'.join(sorted(gold.outlets))} got {names or 'no source'}"))


def evaluate(split: str, config: ScanConfig) -> dict[str, Tally]:
    lexicon = default_lexicon()
    labels = load_outlet_labels(split)
    extra = load_unannotated_labels(split)
    tallies = {k: Tally() for k in ("wire credits", "inline outlet sources", "  ... all labels", "claim recall")}
    for doc in polnear_docs(split):
        analysis = analyse(Document(id=doc.name, text=doc.text, outlet=PUBLISHERS.get(doc.publisher)), config)
        score_wire(doc, analysis, lexicon, tallies["wire credits"])
        if labels is not None:
            doc_labels = labels.get(doc.name, [])
            score_sources(doc, analysis, doc_labels, lexicon, tallies["inline outlet sources"])
            if extra is not None:
                credits = [x.span for x in analysis.attribution.attributions if x.sentence is None]
                more = [*doc_labels, *(g for g in extra.get(doc.name, [])  # credit lines are scored as credits
                                       if not any(_overlaps(c.start, c.end, g.start, g.end) for c in credits))]
                score_sources(doc, analysis, more, lexicon, tallies["  ... all labels"])
            score_claims(doc, analysis, doc_labels, lexicon, tallies["claim recall"])
    if labels is None:
        print(f"  (no outlet labels for {split}: inline sources and claim recall skipped)", file=sys.stderr)
        del tallies["inline outlet sources"], tallies["claim recall"]
    if labels is None or extra is None:
        print(f"  (no labels of unannotated mentions for {split})", file=sys.stderr)
        del tallies["  ... all labels"]
    return tallies


def load_page_credits(split: str, corpus: str = "trafilatura") -> dict[str, frozenset[str]]:
    path = LABELS / (f"pages-credits-{split}.tsv" if corpus == "trafilatura" else f"{corpus}-pages-credits-{split}.tsv")
    if not path.is_file():
        raise CorpusMissing(f"no labels at {path}")
    with open(path, encoding="utf-8", newline="") as f:
        return {row["doc"]: frozenset(n.strip() for n in row["credits"].split("|") if n.strip())
                for row in csv.DictReader(f, delimiter="\t")}


def evaluate_pages(split: str, config: ScanConfig, corpus: str = "trafilatura") -> dict[str, Tally]:
    """Document credits on real web pages: our labels of the candidate pages (the others credit nothing); also the
    inline outlet sources against our labels of every outlet mention, where the corpus has them."""
    lexicon = default_lexicon()
    gold_by_page = load_page_credits(split, corpus)
    mention_labels = load_page_mentions(split, corpus)
    tally, inline = Tally(), Tally()
    for page in pages(split, corpus):
        analysis = analyse(Document(id=page.id, text=page.text, outlet=page.outlet), config)
        if mention_labels is not None:
            score_sources_on_page(page.id, analysis, mention_labels.get(page.id, []), lexicon, inline)
        found = analysis.attribution.credits
        got = {c for c in found if c != UNNAMED_AGENCY}
        gold = gold_by_page.get(page.id.rsplit("/", 1)[-1] if corpus == "aeb" else page.id, frozenset()) - {
            UNNAMED_AGENCY}  # named credits are scored; "(With inputs from agencies)" names none
        hits = {c for c in got if same_outlet(c, gold, lexicon)}
        tally.tp += len(hits)
        tally.fp += len(got - hits)
        tally.fn += sum(1 for g in gold if not any(same_outlet(c, [g], lexicon) for c in got))
        if hits != got or len(hits) < len(gold):
            tally.examples.append(f"{page.id}: labelled {sorted(gold)}, credits {sorted(got)}")
    return {"page credits": tally} | ({"inline outlet sources": inline} if mention_labels is not None else {})


def load_page_mentions(split: str, corpus: str) -> dict[str, list[OutletLabel]] | None:
    """Our labels of every outlet mention the lexicon finds in the pages (``pages.py mentions``), by page: `source`
    is a positive, `unclear` counts neither way, the other labels are not sources."""
    return _read_labels(LABELS / f"{corpus}-mentions-{split}.tsv", lambda row: (
        {"source": "outlet", "unclear": "outlet-person"}.get(row["label"], "other"), frozenset({row["outlet"]})))


def score_sources_on_page(page_id: str, a: Analysis, labels: Sequence[OutletLabel], lexicon: Lexicon,
                          tally: Tally) -> None:
    """Inline sources against the labelled mentions of one page; a dedupe source overlapping no labelled mention
    (an anaphora, generic state media) is not judged."""
    found = _inline_sources(a)
    credits = [x for x in a.attribution.attributions if x.role == "credit"]
    for gold in (g for g in labels if g.label == "outlet"):
        if any(_overlaps(x.span.start, x.span.end, gold.start, gold.end) for x in credits):
            continue  # a credit line dedupe found: left to the page credits
        hit = any(_overlaps(x.span.start, x.span.end, gold.start, gold.end)
                  and same_outlet(x.source, gold.outlets, lexicon) for x in found)
        tally.tp += hit
        tally.fn += not hit
        if not hit:
            tally.examples.append(f"{page_id}@{gold.start}: missed {'|'.join(sorted(gold.outlets))}")
    for x in found:
        over = [g for g in labels if _overlaps(x.span.start, x.span.end, g.start, g.end)]
        if not over or any(g.label != "other" for g in over):
            continue  # not judged, unclear, or a hit counted above
        tally.fp += 1
        tally.examples.append(f"{page_id}@{x.span.start}: false {x.source} ({x.kind})")


def report(split: str, tallies: dict[str, Tally], errors: int) -> None:
    for name, tally in tallies.items():
        if name == "claim recall":
            print(f"  {name:<22} recall {tally.recall():.3f}  ({tally.tp} of {tally.tp + tally.fn})")
        else:
            print(f"  {tally.line(name)}")
    if errors and split == "train":
        for name, tally in tallies.items():
            print(f"\n  -- {name}: first {errors} errors")
            for line in tally.examples[:errors]:
                print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="held-out", choices=("train", "dev", "test", "held-out", "all"))
    parser.add_argument("--errors", type=int, default=0, help="print N errors of each kind (train only)")
    args = parser.parse_args()
    splits = {"held-out": ["dev", "test"], "all": ["dev", "test", "train"]}.get(args.split, [args.split])
    if args.errors and any(s != "train" for s in splits):
        parser.error("--errors prints examples of the train split only: dev and test are held out")
    config = ScanConfig()
    try:
        print(f"PolNeAR {POLNEAR_COMMIT[:12]} (networkdynamics/PolNeAR)")
        for split in splits:
            started = time.perf_counter()
            tallies = evaluate(split, config)
            tuned = " (rules tuned on this split)" if split == "train" else " (held out)"
            print(f"{split}{tuned}: {time.perf_counter() - started:.1f} s")
            report(split, tallies, args.errors)
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
    for corpus, title in PAGE_CORPORA:
        try:
            print(title)
            for split in dict.fromkeys("held-out" if s in ("dev", "test") else s for s in splits):
                tuned = " (rules tuned on this split)" if split == "train" else " (held out)"
                print(f"{split}{tuned}:")
                report(split, evaluate_pages(split, config, corpus), args.errors)
        except CorpusMissing as exc:
            print(f"skipped: {exc}", file=sys.stderr)


PAGE_CORPORA = (
    ("trafilatura", f"trafilatura test pages {TRAFILATURA_COMMIT[:12]} (adbar/trafilatura tests/cache, tests/eval)"),
    ("aeb", f"Zyte article extraction benchmark pages {AEB_COMMIT[:12]} (scrapinghub/article-extraction-benchmark)"),
    ("parsers", "article parsers' test pages (" + ", ".join(f"{repo} {commit[:12]}" for repo, commit in
                                                        PARSERS_COMMITS.items()) + ")"),
    ("goose3", f"goose3's test pages {GOOSE3_COMMIT[:12]} (goose3/goose3 tests/data)"),
    ("fundus", f"fundus's news pages {FUNDUS_COMMIT[:12]} (flairNLP/fundus tests/resources/parser/test_data)"),
    ("n4kdata", f"news pages of 212 sites {N4KDATA_COMMIT[:12]} (AndyTheFactory/article-extraction-dataset)"),
    ("allsides", f"articles of US outlets {ALLSIDES_COMMIT[:12]} (ramybaly/Article-Bias-Prediction; held out: the "
                 "outlets of its media split's valid and test)"),
)


if __name__ == "__main__":
    main()
