"""Candidate outlet sources for labelling: every annotated Source span of a PolNeAR split that may name
a news outlet (a lexicon name or acronym, or a news word such as Times, Post, newspaper, poll).

The candidates carry corpus text, so they are written to the cache folder, never into the repository;
the labels made from them (document, offsets, label, outlet) go to ``benchmarks/labels/``.

Run: python3 benchmarks/outlet_candidates.py train   # -> $DEDUPE_CORPORA/labelling/polnear-train-candidates.tsv

With ``--unannotated``: the other way round, every outlet mention dedupe's lexicon finds in the text that lies
outside all annotated Source spans (PolNeAR's annotators did not mark every attribution to an outlet), for
``GUIDELINES-unannotated-mentions.md`` -> ``polnear-unannotated-SPLIT.tsv``.

With ``--new`` (either mode): only the rows the committed labels do not cover yet (after the lexicon grew), to a
``...-new.tsv`` file; their labels are appended to the committed ones.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from corpora import corpora_root, polnear_docs

from dedupe.attribution.lexicon import Lexicon, default_lexicon
from dedupe.attribution.mentions import resolve_mentions

LABELS = Path(__file__).resolve().parent / "labels"
NEWS_WORDS = re.compile(
    r"\b(?:Times|Post|Journal|News|Press|Daily|Herald|Tribune|Magazine|Review|Network|Television|TV|Radio|Wire|"
    r"Gazette|Observer|Examiner|Beast|Blaze|Breitbart|Hill|Politico|POLITICO|Axios|Salon|Slate|Vox|BuzzFeed|"
    r"HuffPost|Huffington|Mediaite|Drudge|Atlantic|Economist|Guardian|Telegraph|Independent|Mail|Reuters|Bloomberg|"
    r"CNN|MSNBC|NBC|CBS|ABC|Fox|NPR|PBS|AP|AFP|UPI|Journalism|Standard|Beacon|Insider|Intercept|Mother Jones|"
    r"Republic|Nation|Weekly|Globe|Sun|Star|Chronicle|Bee|Inquirer|Monitor|Register|Courier|Dispatch|Times-\w+)\b|"
    r"\b(?:newspaper|paper|outlet|network|magazine|agency|report|poll|polls|survey|broadcaster|station|channel|"
    r"website|site|blog|columnist|reporter|reporters|anchor|host|editorial|editors|story|article|op-ed|column|"
    r"publication|media|press)\b")


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 300)
    stops = [p for p in (text.find("\n", end), text.find(". ", end)) if p != -1]
    right = min([*stops, end + 300]) if stops else min(len(text), end + 300)
    return " ".join(text[left:right + 1].split())


def labelled(name: str) -> dict[str, list[tuple[int, int]]]:
    """The spans a committed label file (``benchmarks/labels/NAME``) covers, by document."""
    spans: dict[str, list[tuple[int, int]]] = {}
    with open(LABELS / name, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            spans.setdefault(row["doc"], []).append((int(row["start"]), int(row["end"])))
    return spans


def covered(spans: dict[str, list[tuple[int, int]]] | None, doc: str, start: int, end: int) -> bool:
    return spans is not None and any(a < end and start < b for a, b in spans.get(doc, []))


def unannotated(split: str, lexicon: Lexicon, new: bool = False) -> None:
    """Outlet mentions outside every annotated Source span, with their sentence, for labelling."""
    out = corpora_root() / "labelling" / f"polnear-{split}-unannotated{'-new' if new else ''}.tsv"
    done = labelled(f"polnear-unannotated-{split}.tsv") if new else None
    rows = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("doc\tstart\tend\tmention\toutlet\tcontext\n")
        for doc in polnear_docs(split):
            sources = [(s.start, s.end) for s in doc.spans if s.kind == "Source"]
            for m in resolve_mentions(doc.text, 0, lexicon.find(doc.text), None, lexicon):
                if any(start < m.end and m.start < end for start, end in sources) or covered(done, doc.name, m.start,
                                                                                               m.end):
                    continue
                context = sentence_around(doc.text, m.start, m.end)
                f.write(f"{doc.name}\t{m.start}\t{m.end}\t{doc.text[m.start:m.end]}\t{m.source}\t{context}\n")
                rows += 1
    print(f"{rows} unannotated mentions -> {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split", choices=("train", "dev", "test"))
    parser.add_argument("--unannotated", action="store_true", help="outlet mentions outside annotated Sources")
    parser.add_argument("--new", action="store_true", help="only rows the committed labels do not cover")
    args = parser.parse_args()
    lexicon = default_lexicon()
    out_dir = corpora_root() / "labelling"
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.unannotated:
        unannotated(args.split, lexicon, args.new)
        return
    out = out_dir / f"polnear-{args.split}-candidates{'-new' if args.new else ''}.tsv"
    done = labelled(f"polnear-outlet-sources-{args.split}.tsv") if args.new else None
    rows = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("doc\tstart\tend\tsource_text\tlexicon\tcontext\n")
        for doc in polnear_docs(args.split):
            for span in doc.spans:
                if span.kind != "Source":
                    continue
                found = lexicon.find(span.text)
                if (not found and not NEWS_WORDS.search(span.text)) or covered(done, doc.name, span.start, span.end):
                    continue
                names = ",".join(sorted({m.source for m in found}))
                context = sentence_around(doc.text, span.start, span.end)
                f.write(f"{doc.name}\t{span.start}\t{span.end}\t{' '.join(span.text.split())}\t{names}\t{context}\n")
                rows += 1
    print(f"{rows} candidates -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
