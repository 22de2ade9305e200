"""Real inputs dedupe must read: feedparser's and trafilatura's test suites, from the corpus cache.

Reads every file of the two suites with dedupe's reader (``read_inputs``, default settings) and prints the
documents read and the errors by kind. Then, for each file dedupe could not read as text (kinds ``binary``,
``encoding``, ``no-text``, ``malformed-xml``), asks the library made for it whether it can: feedparser for feeds
(an entry with a title or text, parsed without a character-encoding complaint: dedupe's documents are a feed's
entries, so a feed with a title and no entry gives none), trafilatura for HTML
pages (20 words of main text or more). A file that library reads but dedupe rejects is lost text; issue 14 asks
for none reported ``binary`` or ``encoding``. Prints the counts and the names of such files (names only).

Layout (commands in benchmarks/README.md): $DEDUPE_CORPORA/feedparser/tests (kurtmckee/feedparser at
FEEDPARSER_COMMIT) and $DEDUPE_CORPORA/trafilatura/tests (adbar/trafilatura, see pages.py).

Run: python3 benchmarks/readable.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from corpora import corpora_root

from dedupe.config import ReadConfig
from dedupe.io.readers import read_inputs
from dedupe.models import ReadError

FEEDPARSER_COMMIT = "a22c5521cbb109871f1a2318948581901bd47e26"
UNREAD = ("binary", "encoding", "no-text", "malformed-xml")
MIN_WORDS = 20


def feedparser_reads(data: bytes) -> bool:
    import feedparser

    parsed = feedparser.parse(data)
    if type(parsed.get("bozo_exception")).__name__ == "CharacterEncodingUnknown":
        return False
    texts = [e.get("title") or e.get("summary") for e in parsed.entries]  # dedupe's documents are a feed's entries
    return any(t and t.strip() for t in texts)


def trafilatura_reads(data: bytes) -> bool:
    import trafilatura

    text = trafilatura.extract(data)
    return bool(text and len(text.split()) >= MIN_WORDS)


def library_reads(path: Path) -> bool:
    data = path.read_bytes()
    return trafilatura_reads(data) if path.suffix.lower() in (".html", ".htm") else feedparser_reads(data)


def suite(name: str, root: Path) -> None:
    if not root.is_dir():
        print(f"{name}: skipped, not in the cache ({root}); see benchmarks/README.md", file=sys.stderr)
        return
    start = time.perf_counter()
    read = read_inputs([root], ReadConfig())
    seconds = time.perf_counter() - start
    kinds = Counter(e.kind for e in read.errors)
    print(f"{name}: {read.files} files, {len(read.documents)} documents in {seconds:.1f} s; "
          f"errors by kind {dict(sorted(kinds.items()))}")
    unread: list[ReadError] = [e for e in read.errors if e.kind in UNREAD]
    lost = [e for e in unread if library_reads(root / e.path)]
    by_kind = Counter(e.kind for e in lost)
    print(f"  of {len(unread)} files dedupe read no text from ({', '.join(UNREAD)}), the library reads "
          f"{len(lost)}: {dict(sorted(by_kind.items()))}")
    for e in lost:
        print(f"    {e.kind}: {e.path}")


def main() -> None:
    root = corpora_root()
    suite(f"feedparser tests ({FEEDPARSER_COMMIT[:12]})", root / "feedparser" / "tests")
    suite("trafilatura tests (tests/cache, tests/eval)", root / "trafilatura" / "tests")


if __name__ == "__main__":
    main()
