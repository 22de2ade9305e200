"""A synthetic news corpus with a known share of syndicated copies (deterministic for a seed).

Words come from a Zipf-distributed vocabulary; an article is 7-10 paragraphs of 3-4 sentences
(about 600 words). A share of the articles are copies of an earlier one: verbatim with new
boilerplate, trimmed, paragraphs reordered, or a partial reuse (two paragraphs inside new text); on
request also ``lead``: the first two or three paragraphs only.

``charset="real"`` gives the text the character mix of real articles: accented Latin words, typographic
quotes and apostrophes, dashes and ellipses, no-break spaces, and about one paragraph in ten in Cyrillic,
Greek or Arabic (their own syllables). The default, ``"ascii"``, is the ASCII corpus the README's first
figures were measured on (the same text for a seed as before the option).
"""

from __future__ import annotations

import itertools
import json
import random
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from dedupe.models import Document

_SYLLABLES = ["ka", "to", "ri", "me", "sa", "lu", "no", "vi", "da", "pe", "gor", "tan", "mil", "res", "bro", "chi"]
_FUNCTION = ["the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "was", "by", "at", "from"]


# charset "real": accented syllables beside the plain ones, and the syllables of three other alphabets
_ACCENTED = ["ké", "tö", "rí", "mè", "sà", "lü", "ño", "vî", "ça", "pø", "gör", "tån", "mïl", "rés", "brœ", "ßi"]
_ALPHABETS = {
    "cyrillic": ["ка", "то", "ри", "ме", "са", "лу", "но", "ви", "да", "пе", "гор", "тан", "мил", "рес", "бро", "чи"],
    "greek": ["κα", "το", "ρί", "με", "σά", "λου", "νο", "βι", "δα", "πέ", "γορ", "ταν", "μιλ", "ρες", "βρο", "χή"],
    "arabic": ["كا", "تو", "ري", "مي", "سا", "لو", "نو", "في", "دا", "بي", "غور", "تان", "ميل", "رس", "برو", "شي"],
}
_ACCENTED_SHARE = 0.15  # of the Latin words
_OTHER_SCRIPT_SHARE = 0.1  # paragraphs in Cyrillic, Greek or Arabic
CHARSETS = ("ascii", "real")


COPY_KINDS = ("verbatim", "trimmed", "reordered", "partial")
LEAD = "lead"  # a further kind: the first two or three paragraphs only


class Corpus:
    """``one_topic``: every article reports the same event. Half of its sentences restate one of 300 facts of
    the event (a third of the words replaced), the others are drawn from a 3,000-word vocabulary, so that every
    document is close to every other (the worst case for comparing claims across documents)."""

    def __init__(self, seed: int = 0, vocabulary: int = 30_000, copy_share: float = 0.2,
                 one_topic: bool = False, kinds: tuple[str, ...] = COPY_KINDS, charset: str = "ascii") -> None:
        if charset not in CHARSETS:
            raise ValueError(f"charset must be one of {CHARSETS}, got {charset!r}")
        self.rng = random.Random(seed)
        size = 3_000 if one_topic else vocabulary
        self.real = charset == "real"
        self.words = self._vocabulary(_SYLLABLES, size, _ACCENTED_SHARE if self.real else 0.0)
        self.scripts = {name: self._vocabulary(s, 3_000) for name, s in _ALPHABETS.items()} if self.real else {}
        self.cum_weights = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(self.words))))
        self.copy_share = copy_share
        self.facts = [self._fresh_sentence().split() for _ in range(300)] if one_topic else []
        self.copy_kinds = kinds
        self.kinds: dict[str, str] = {}  # copy id -> its kind

    def _vocabulary(self, syllables: list[str], size: int, accented: float = 0.0) -> list[str]:
        """``size`` words of 2-4 syllables (fewer when some coincide), a share ``accented`` of them with one
        accented syllable."""
        return sorted({self._word(syllables, accented) for _ in range(size)})

    def _word(self, syllables: list[str], accented: float) -> str:
        parts = [self.rng.choice(syllables) for _ in range(self.rng.randint(2, 4))]
        if accented and self.rng.random() < accented:
            parts[self.rng.randrange(len(parts))] = self.rng.choice(_ACCENTED)
        return "".join(parts)

    def _sentence(self) -> str:
        if self.facts and self.rng.random() < 0.5:
            words = self.rng.choice(self.facts)[:]
            for i in self.rng.sample(range(len(words)), len(words) // 3):
                words[i] = self.rng.choice(self.words)
            return " ".join(words).capitalize().rstrip(".") + "."
        return self._fresh_sentence()

    def _fresh_sentence(self) -> str:
        n = self.rng.randint(15, 25)
        body = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        for i in range(1, n, 4):
            body[i] = self.rng.choice(_FUNCTION)
        if self.real:
            return self._typography(body)
        return " ".join(body).capitalize() + "."

    def _typography(self, body: list[str]) -> str:
        """A sentence as articles print it: a quotation in curly quotes, a possessive, a dash, an ellipsis, a
        no-break space before a figure."""
        body[0] = body[0].capitalize()
        n = len(body)
        if self.rng.random() < 0.4:
            i = self.rng.randrange(1, n - 5)
            body[i], body[i + 4] = "“" + body[i].capitalize(), body[i + 4] + ",”"
        if self.rng.random() < 0.3:
            body[-2] += "’s"
        if self.rng.random() < 0.3:
            body.insert(self.rng.randrange(2, n - 2), self.rng.choice(["—", "–"]))
        if self.rng.random() < 0.1:
            body.append(f"{self.rng.randint(2, 99)}\u00a0%")
        return " ".join(body) + ("…" if self.rng.random() < 0.05 else ".")

    def _foreign_paragraph(self) -> str:
        words = self.scripts[self.rng.choice(sorted(self.scripts))]
        sentences = [" ".join(self.rng.choices(words, k=self.rng.randint(12, 20))).capitalize() + "."
                     for _ in range(self.rng.randint(3, 4))]
        return " ".join(sentences)

    def _paragraph(self) -> str:
        if self.real and self.rng.random() < _OTHER_SCRIPT_SHARE:
            return self._foreign_paragraph()
        return " ".join(self._sentence() for _ in range(self.rng.randint(3, 4)))

    def article(self) -> list[str]:
        return [self._paragraph() for _ in range(self.rng.randint(7, 10))]

    def _copy(self, original: list[str]) -> tuple[str, list[str]]:
        kind = self.rng.choice(self.copy_kinds)
        if kind == "verbatim":
            return kind, [*original, "Also Read: more stories from our partners", "(With inputs from agencies)"]
        if kind == "trimmed":
            return kind, original[: max(3, len(original) - 3)]
        if kind == "lead":  # only the first two or three paragraphs, as portals run a wire story
            return kind, original[: self.rng.randint(2, 3)]
        if kind == "reordered":
            paragraphs = original[:]
            self.rng.shuffle(paragraphs)
            return kind, paragraphs
        start = self.rng.randrange(0, len(original) - 1)
        return kind, [*self.article()[:3], *original[start:start + 2], *self.article()[:3]]

    def documents(self, n: int) -> Iterator[tuple[Document, str | None]]:
        """(document, id of the document it copies or None), in order."""
        originals: deque[tuple[str, list[str]]] = deque(maxlen=1000)  # copies come from the latest 1,000
        for i in range(n):
            doc_id = f"doc{i:07d}.txt"
            if originals and self.rng.random() < self.copy_share:
                source_id, paragraphs = self.rng.choice(originals)
                self.kinds[doc_id], copied = self._copy(paragraphs)
                yield Document(doc_id, "\n\n".join(copied)), source_id
            else:
                paragraphs = self.article()
                originals.append((doc_id, paragraphs))
                yield Document(doc_id, "\n\n".join(paragraphs)), None

    def write_jsonl(self, folder: Path, n: int, shard: int = 2000) -> dict[str, str]:
        """Write n documents as JSONL shards of ``shard`` records into ``folder``; returns copy -> original."""
        truth = {}
        out = None
        for k, (doc, source) in enumerate(self.documents(n)):
            if k % shard == 0:
                if out:
                    out.close()
                out = (folder / f"part{k // shard:05d}.jsonl").open("w", encoding="utf-8")
            assert out is not None
            out.write(json.dumps({"id": doc.id, "text": doc.text}) + "\n")
            if source:
                truth[doc.id] = source
        if out:
            out.close()
        return truth
