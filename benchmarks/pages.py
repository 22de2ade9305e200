"""Real web pages as dedupe reads them: trafilatura's test pages (adbar/trafilatura tests/cache and tests/eval) and
the 181 news pages of Zyte's article extraction benchmark (scrapinghub/article-extraction-benchmark, ``--corpus
aeb``), the test pages of three article parsers (``parsers``, ``goose3``) the 258 news pages of fundus's parser
tests (flairNLP/fundus, ``fundus``: publishers of 40 countries, a third of them German) and the 424 news pages of
newspaper4k's author's extraction dataset (AndyTheFactory/article-extraction-dataset, ``n4kdata``: 212 sites, 2023);
and a sample of AllSides' articles of US outlets (ramybaly/Article-Bias-Prediction, ``allsides``: article text, not
pages, with its makers' split by outlet: ``valid`` and ``test`` are our ``held-out``).

No corpus has a split of its own, so one was made before any page was looked at: a page is `train` when the
first hex digit of sha256(file name) is 0-7, else `held-out`. ``prepare`` extracts every page once with dedupe's
own reader (trafilatura) into ``$DEDUPE_CORPORA/CORPUS/extracted.jsonl``; ``candidates`` writes the pages
whose first or last lines look like a credit, for labelling (to the cache folder: they carry page text).

``mentions`` writes every outlet mention dedupe's lexicon finds in a split's pages, with its sentence, for labelling
by ``labels/GUIDELINES-unannotated-mentions.md`` (to the cache folder; the labels, ids and offsets only, go to
``labels/CORPUS-mentions-SPLIT.tsv``).

Run: python3 benchmarks/pages.py prepare [--corpus trafilatura|aeb|parsers|goose3|fundus|n4kdata|allsides]
     python3 benchmarks/pages.py candidates SPLIT [--corpus trafilatura|aeb|parsers|goose3|fundus|n4kdata|allsides]
     python3 benchmarks/pages.py mentions SPLIT --corpus aeb|parsers|goose3|fundus|n4kdata|allsides
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpora import CorpusMissing, corpora_root

TRAFILATURA_COMMIT = "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5"  # adbar/trafilatura, the version measured
AEB_COMMIT = "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010"  # scrapinghub/article-extraction-benchmark
PAGE_FOLDERS = {"trafilatura": "trafilatura/tests", "aeb": "aeb/html", "parsers": "parsers/html",
                "goose3": "goose3/html", "fundus": "fundus/html", "n4kdata": "n4kdata/html",
                "allsides": "allsides/data"}  # under the corpora cache
PARSERS_COMMITS = {"postlight/parser": "e8ba7ece291efa4d915d50dd4deeec17d54359f2",  # fixtures/*.html
                   "mozilla/readability": "ab4027a8b37669745016869a37a504727992b2ba"}  # test/test-pages/*/source.html
GOOSE3_COMMIT = "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7"  # goose3/goose3 tests/data/**/*.html
# flairNLP/fundus tests/resources/parser/test_data/**/*.html.gz
FUNDUS_COMMIT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
N4KDATA_COMMIT = "cf3e2959ffc4fde13e0714d2b6d50c2bd220ed3b"  # AndyTheFactory/article-extraction-dataset html/*.html
# ramybaly/Article-Bias-Prediction data/jsons/*.json: 37,554 articles of US outlets (AllSides), with the corpus' own
# split by outlet (data/splits/media: no outlet of valid or test is in train). Not pages but article text; a seeded
# sample of each split is read (ALLSIDES_SAMPLE): the articles whose sha256(ID) sorts first
ALLSIDES_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
ALLSIDES_SAMPLE = {"train": 500, "valid": 100, "test": 100}
ALLSIDES_BREADTH = 2  # then this many train articles of each train outlet the first 500 do not hold (added later)
ALLSIDES_MORE = 400  # then the next this many train articles in that order not chosen yet (a fourth round of 200, later
# still, and a fifth of 200 after it)
# "New York Times - News", "CNN (Web News)", "NPR Online News", "Fox News Opinion": the outlet is the name before
ALLSIDES_SECTION = re.compile(r"\s+(?:-\s+[\w /]+|\((?:Online(?: News)?|Web News|News|Opinion)\)|Online News|Opinion)$")
ZONE_LINES = 6
# corpora labelled whole: every page is a candidate (fundus came after CREDIT_SHAPE was drawn from the others, so its
# pages are not filtered by it; a page with no credit is labelled so)
EVERY_PAGE = frozenset({"fundus", "n4kdata", "allsides"})
CREDIT_SHAPE = re.compile(
    r"^\s*\([^()]{2,40}\)\s*\.?\s*$|©|copyright|^\s*(?:quelle|fuente|source|fonte|sources?)\s*:|contributed to this|"
    r"^\s*(?:by|por|von|par|di|de)\s+\S+(?:\s+\S+){0,4}\s*$|\((?:[A-Za-z]{2,10})(?:/[^)]{1,10})?\)\s*(?:-|–|—|\.-|:)|"
    r"h/t|inputs? from|informaci[oó]n de|\bmit\s+(?:dpa|afp|ap|reuters|kna|epd)\b|/[A-Z][\w ]{2,20}/|"
    # added after the first labelling: a bracket or a bare name closing a line of text ("... leitete. (KNA 19.11.21)",
    # "... into the US. PTI"); the pages these add were labelled in a second round, by the same guidelines
    r"[.!?\"\u201d\u00bb]\s*\([^()]{2,30}\)\s*\.?\s*$|[.!?]\s+(?-i:[A-Z][A-Za-z-]{1,15})\s*$|"
    # added in a third round, with the parsers' pages: a republication line ("This article originally appeared on
    # Time.com.", "Republished with permission from ..."); the pages these add were labelled by the same guidelines
    r"originally\s+(?:appeared|published|ran|posted)|first\s+(?:appeared|published)\s+(?:on|in|at|by)\b|"
    r"\b(?:republished|reprinted|reposted)\s+(?:here\s+)?(?:with|from|by)\b", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    split: str
    text: str
    outlet: str | None


# held-out pages that were read during development after the split, and so count as train from then on: a helper
# probing the CLI as a new user read these three Zyte pages and reported attribution defects on them (an upper-case
# "SOURCE:" line, "The National Survey on ...", "the People's Daily ... warned"); their labels moved with them
SEEN_HELD_OUT = frozenset({
    "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f.html",
    "7f93c1944a41d01960f8a16fdfda6c562e86f04ead8375ab796c4278402df9a8.html",
    "5fa3154ec031ab35411a457d78eb5aa92c0e803c5329bd05c001e6d64009e206.html",
})


def split_of(name: str) -> str:
    if name in SEEN_HELD_OUT:
        return "train"
    return "train" if hashlib.sha256(name.encode()).hexdigest()[0] in "01234567" else "held-out"


def extracted_path(corpus: str = "trafilatura") -> str:
    return str(corpora_root() / corpus / "extracted.jsonl")


def pages(split: str, corpus: str = "trafilatura") -> Iterator[Page]:
    try:
        lines = open(extracted_path(corpus), encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError:
        raise CorpusMissing(f"no extracted pages at {extracted_path(corpus)}: run python3 benchmarks/pages.py "
                            f"prepare --corpus {corpus} after laying out the corpus (benchmarks/README.md)") from None
    with lines:
        for line in lines:
            row = json.loads(line)
            # (not the stored split: pages seen since move; the article corpus keeps its own split)
            row_split = row["split"] if corpus == "allsides" else split_of(row["id"].rsplit("/", 1)[-1])
            if split in ("all", row_split):
                yield Page(row["id"], row_split, row["text"], row.get("outlet"))


def prepare(corpus: str) -> None:
    from dedupe.config import ScanConfig
    from dedupe.engine.pipeline import read_documents

    root = corpora_root() / PAGE_FOLDERS[corpus]
    if not root.is_dir():
        raise CorpusMissing(f"the pages of {corpus} are not at {root}: see benchmarks/README.md")
    if corpus == "allsides":
        prepare_articles(root)
        return
    read = read_documents([root], ScanConfig())
    with open(extracted_path(corpus), "w", encoding="utf-8") as f:
        for d in sorted(read.documents, key=lambda d: d.id):
            row = {"id": d.id, "split": split_of(d.id.rsplit("/", 1)[-1]), "text": d.text, "outlet": d.outlet}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(read.documents)} pages, {len(read.errors)} unreadable -> {extracted_path(corpus)}", file=sys.stderr)


def allsides_sample(root: Path) -> dict[str, str]:
    """The sampled article ids with their split (``train``, or ``held-out`` for the corpus' valid and test); train
    also gets the first ``ALLSIDES_BREADTH`` articles of each train outlet the first ones do not hold, then the next
    ``ALLSIDES_MORE`` train articles not chosen yet."""
    chosen: dict[str, str] = {}
    for name, size in ALLSIDES_SAMPLE.items():
        with open(root / "splits" / "media" / f"{name}.tsv", encoding="utf-8") as f:
            ids = [line.split("\t", 1)[0] for line in f.read().splitlines()[1:] if line.strip()]
        ordered = sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        for article in ordered[:size]:
            chosen[article] = "train" if name == "train" else "held-out"
        if name == "train":
            chosen.update(dict.fromkeys(_breadth(root, ordered, set(ordered[:size])), "train"))
            chosen.update(dict.fromkeys([a for a in ordered if a not in chosen][:ALLSIDES_MORE], "train"))
    return chosen


def _breadth(root: Path, ordered: list[str], first: set[str]) -> list[str]:
    """Up to ``ALLSIDES_BREADTH`` articles of every outlet that none of ``first`` is from, in ``ordered`` order."""
    def outlet(article: str) -> str:
        return str(json.loads((root / "jsons" / f"{article}.json").read_text(encoding="utf-8"))["source"])

    seen = {outlet(a) for a in first}
    taken: dict[str, int] = {}
    out = []
    for article in ordered:
        name = outlet(article) if article not in first else None
        if name is not None and name not in seen and taken.get(name, 0) < ALLSIDES_BREADTH:
            taken[name] = taken.get(name, 0) + 1
            out.append(article)
    return out


def prepare_articles(root: Path) -> None:
    """The sampled articles' text (``content_original``) with their outlet (AllSides' name without its section)."""
    out = extracted_path("allsides")
    sample = allsides_sample(root)
    with open(out, "w", encoding="utf-8") as f:
        for article, split in sorted(sample.items()):
            data = json.loads((root / "jsons" / f"{article}.json").read_text(encoding="utf-8"))
            outlet = ALLSIDES_SECTION.sub("", data["source"])
            row = {"id": article, "split": split, "text": data["content_original"], "outlet": outlet}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sample)} articles -> {out}", file=sys.stderr)


def candidates(split: str, corpus: str) -> None:
    name = "pages" if corpus == "trafilatura" else f"{corpus}-pages"
    out = corpora_root() / "labelling" / f"{name}-{split}-candidates.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(out, "w", encoding="utf-8") as f:
        for page in pages(split, corpus):
            lines = [x.strip() for x in page.text.split("\n") if x.strip()]
            zone = [*lines[:ZONE_LINES], "...", *lines[-ZONE_LINES:]] if len(lines) > 2 * ZONE_LINES else lines
            if corpus in EVERY_PAGE or any(CREDIT_SHAPE.search(x) for x in zone):
                count += 1
                f.write(f"=== {page.id} (site: {page.outlet})\n" + "\n".join(x[:300] for x in zone) + "\n\n")
    print(f"{count} candidate pages -> {out}", file=sys.stderr)


def mentions(split: str, corpus: str) -> None:
    from outlet_candidates import sentence_around

    from dedupe.attribution.lexicon import default_lexicon
    from dedupe.attribution.mentions import resolve_mentions

    lexicon = default_lexicon()
    out = corpora_root() / "labelling" / f"{corpus}-mentions-{split}-candidates.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write("doc\tstart\tend\tmention\toutlet\tcontext\n")
        for page in pages(split, corpus):
            for m in resolve_mentions(page.text, 0, lexicon.find(page.text), page.outlet, lexicon):
                context = sentence_around(page.text, m.start, m.end)
                shown = " ".join(page.text[m.start:m.end].split())
                f.write(f"{page.id}\t{m.start}\t{m.end}\t{shown}\t{m.source}\t{context}\n")
                rows += 1
    print(f"{rows} mentions -> {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("prepare", "candidates", "mentions"))
    parser.add_argument("split", nargs="?", default="train", choices=("train", "held-out"))
    parser.add_argument("--corpus", default="trafilatura", choices=tuple(PAGE_FOLDERS))
    args = parser.parse_args()
    try:
        if args.command == "prepare":
            prepare(args.corpus)
        elif args.command == "candidates":
            candidates(args.split, args.corpus)
        else:
            mentions(args.split, args.corpus)
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)


if __name__ == "__main__":
    main()
